//! OS5009 ignored-slow-conditions.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5009",
        "ignored-slow-conditions",
        Info,
        "An ErrorRequestRatio circuit breaker has slowConditions, which only SlowRequestRatio uses.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds CircuitBreakerStrategies with `strategy: ErrorRequestRatio` that
also set `slowConditions`.

## Why is this bad
An error-ratio breaker counts failed requests only; `slowConditions` is
ignored. Either the strategy type or the conditions are not what the
author meant.

## Example
```yaml
kind: CircuitBreakerStrategy
spec:
  strategy: ErrorRequestRatio
  slowConditions:
    maxAllowedRt: '500ms'      # ignored
```

## How to fix
Remove `slowConditions`, or use `strategy: SlowRequestRatio` if slow
requests should open the breaker.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for object in set.of_kind("CircuitBreakerStrategy") {
        let Some(spec) = object.spec() else { continue };
        if spec.get("strategy").and_then(Node::as_str) != Some("ErrorRequestRatio") {
            continue;
        }
        let Some((key, _)) = spec.entry("slowConditions") else {
            continue;
        };
        sink.report(
            object.doc,
            key.span(),
            format!(
                "ErrorRequestRatio circuit breaker `{}` sets slowConditions, which it ignores",
                object.name()
            ),
        )
        .path(FieldPath::keys(&["spec", "slowConditions"]))
        .label("ignored")
        .help("remove slowConditions, or use `strategy: SlowRequestRatio`");
    }
}
