//! OS5002 zero-trigger-ratio.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5002",
        "zero-trigger-ratio",
        Warning,
        "A circuit breaker with triggerRatio 0% opens on the first slow or failed request.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds CircuitBreakerStrategies with `triggerRatio: '0%'`.

## Why is this bad
The breaker opens when the ratio of slow (or failed) requests exceeds
the trigger ratio: at 0%, a single slow or failed request among
`minRequestAmount` opens it, so the resource is blocked for
`recoveryTimeout` again and again.

## Example
```yaml
kind: CircuitBreakerStrategy
spec:
  strategy: ErrorRequestRatio
  triggerRatio: '0%'
```

## How to fix
Use the ratio of slow or failed requests the service should tolerate
(the spec's example uses `60%`).
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for object in set.of_kind("CircuitBreakerStrategy") {
        let Some(node) = object.spec().and_then(|s| s.get("triggerRatio")) else {
            continue;
        };
        if read::percent(node) != Some(0) && read::number(node) != Some(0.0) {
            continue;
        }
        sink.report(
            object.doc,
            node.span(),
            format!(
                "circuit breaker `{}` has triggerRatio 0%: it opens on the first bad request",
                object.name()
            ),
        )
        .path(FieldPath::keys(&["spec", "triggerRatio"]))
        .label("trips at once")
        .help("set the ratio of slow or failed requests to tolerate, e.g. '50%'");
    }
}
