//! OS8002 unused-suppression.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS8002",
        "unused-suppression",
        Info,
        "A suppression silences no finding.",
        DOCS
    ),
    category::STYLE,
    check,
)
.off_by_default();

pub const DOCS: &str = r#"
## What it does
Off by default (enable it with `--select OS8002`). Reports
`# opensergo:ignore` comments and `lint.opensergo.io/ignore` annotations
that name an enabled rule but silenced none of its findings in the run.
Codes of disabled rules are not reported.

## Why is this bad
Stale suppressions hide future findings of the same rule at that place,
and mislead readers into thinking there is something to silence.

## Example
```yaml
# opensergo:ignore OS5001 kill switch
threshold: 100          # no longer 0: the comment silences nothing
```

## How to fix
Delete the suppression.
"#;

/// Suppressions are checked by the engine once findings are known.
fn check(_set: &RuleSet<'_>, _sink: &mut Sink) {}
