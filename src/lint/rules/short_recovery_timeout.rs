//! OS5005 short-recovery-timeout.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5005",
        "short-recovery-timeout",
        Warning,
        "A circuit breaker's recoveryTimeout under 1s becomes 0s in Sentinel.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds CircuitBreakerStrategies whose `recoveryTimeout` is shorter than
one second.

## Why is this bad
Sentinel's breaker keeps its open time in whole seconds and the
datasource truncates (`millis / 1000`): a recovery timeout of `500ms`
becomes 0 s, so the breaker half-opens immediately and never gives the
dependency time to recover.

## Example
```yaml
kind: CircuitBreakerStrategy
spec:
  recoveryTimeout: '500ms'
```

## How to fix
Use a recovery timeout of at least `1s` (the spec's example uses `5s`).
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for object in set.of_kind("CircuitBreakerStrategy") {
        let Some(node) = object.spec().and_then(|s| s.get("recoveryTimeout")) else {
            continue;
        };
        let Some(ms) = read::millis(node).filter(|&ms| ms < 1000) else {
            continue;
        };
        sink.report(
            object.doc,
            node.span(),
            format!(
                "recoveryTimeout {} is under one second: Sentinel truncates it to 0s",
                read::show(node)
            ),
        )
        .path(FieldPath::keys(&["spec", "recoveryTimeout"]))
        .label(format!("{ms}ms becomes 0s"))
        .help("Sentinel counts the open time in whole seconds: use at least `1s`");
    }
}
