//! OS4007 invalid-regex.

use super::prelude::*;
use crate::lint::routes;

pub const RULE: Rule = Rule::new(
    code!(
        "OS4007",
        "invalid-regex",
        Error,
        "A string match's regex does not compile.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Compiles every `regex` of the TrafficRouter string matches with an
RE2-compatible engine (Envoy's `safe_regex` uses RE2).

## Why is this bad
Envoy rejects a route configuration with an invalid regular expression,
so the data plane keeps its old routes (or none). Lookarounds and
backreferences, common in other regex dialects, are not RE2.

## Example
```yaml
match:
  - uri:
      regex: '/api/(?!internal).*'    # RE2 has no lookahead
```

## How to fix
Rewrite the expression in RE2 syntax (https://github.com/google/re2/wiki/Syntax).
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for router in set.of_kind("TrafficRouter") {
        for found in routes::string_matches(&router.doc.root) {
            let Some(node) = found.node.get("regex") else {
                continue;
            };
            let Some(pattern) = node.as_str() else {
                continue;
            };
            if let Err(err) = regex::Regex::new(pattern) {
                let reason = err.to_string();
                let reason = reason.lines().last().unwrap_or_default().trim();
                let reason = reason.strip_prefix("error: ").unwrap_or(reason);
                sink.report(
                    router.doc,
                    node.span(),
                    format!("invalid regular expression `{pattern}`: {reason}"),
                )
                .label("does not compile")
                .help("Envoy matches with RE2: no lookaround, no backreferences");
            }
        }
    }
}
