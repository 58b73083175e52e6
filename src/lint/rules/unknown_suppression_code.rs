//! OS8001 unknown-suppression-code.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS8001",
        "unknown-suppression-code",
        Warning,
        "A suppression comment or annotation names no lint rule.",
        DOCS
    ),
    category::STYLE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Checks the codes named by `# opensergo:ignore CODE reason` comments and
`lint.opensergo.io/ignore: CODE,CODE` annotations: each must be a lint
rule's code (`OS2001`) or name (`strategy-not-found`). Input and
validation codes (`OS0xxx`, `OS1xxx`) are accepted silently.

## Why is this bad
A misspelt code silences nothing, and the finding it was meant for keeps
coming back, or worse, the comment looks like it documents an accepted
risk that lint actually reports.

## Example
```yaml
# opensergo:ignore OS501 kill switch           # meant OS5001
threshold: 0
```

## How to fix
Use a code or name from `opensergo lint --list-rules`.
"#;

/// Suppressions are checked by the engine once findings are known.
fn check(_set: &RuleSet<'_>, _sink: &mut Sink) {}
