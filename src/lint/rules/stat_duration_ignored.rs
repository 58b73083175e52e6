//! OS6002 stat-duration-ignored.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS6002",
        "stat-duration-ignored",
        Info,
        "Runtime compatibility: Sentinel ignores statDurationSeconds and applies the threshold per second.",
        DOCS
    ),
    category::RUNTIME_COMPAT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds RateLimitStrategies whose `statDurationSeconds` is not 1. A
runtime compatibility note.

## Why is this bad
Sentinel turns a RateLimitStrategy into a QPS flow rule with
`count = threshold` and ignores the window: "3 requests per 5 seconds"
is enforced as 3 requests per second, five times what was written.

## Example
```yaml
kind: RateLimitStrategy
spec:
  threshold: 3
  statDurationSeconds: 5        # Sentinel: 3 per second
```

## How to fix
With Sentinel, express the limit per second (`threshold: 1`,
`statDurationSeconds: 1` is the closest to 3 per 5 s).
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for object in set.of_kind("RateLimitStrategy") {
        let Some(spec) = object.spec() else { continue };
        let Some(node) = spec.get("statDurationSeconds") else {
            continue;
        };
        let Some(seconds) = node.as_i64().filter(|&s| s != 1 && s > 0) else {
            continue;
        };
        let threshold = spec
            .get("threshold")
            .and_then(Node::as_i64)
            .map_or_else(|| "the threshold".to_string(), |t| t.to_string());
        sink.report(
            object.doc,
            node.span(),
            format!(
                "Sentinel ignores statDurationSeconds: {threshold} requests per {seconds}s becomes {threshold} per second"
            ),
        )
        .path(FieldPath::keys(&["spec", "statDurationSeconds"]))
        .label("treated as 1")
        .help("Sentinel's OpenSergo datasource builds per-second flow rules: express the limit per second");
    }
}
