//! OS5003 slow-ratio-without-max-rt.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5003",
        "slow-ratio-without-max-rt",
        Error,
        "A SlowRequestRatio circuit breaker has no slowConditions.maxAllowedRt, so every request counts as slow.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds CircuitBreakerStrategies with `strategy: SlowRequestRatio` and no
`slowConditions.maxAllowedRt`.

## Why is this bad
The spec requires `slowConditions` for this strategy, but the CRD cannot
express the condition, so the API server accepts the object. The control
plane then sends a max allowed response time of 0 ms: every request is
slow, and the breaker opens as soon as `minRequestAmount` requests have
been seen.

## Example
```yaml
kind: CircuitBreakerStrategy
spec:
  strategy: SlowRequestRatio
  triggerRatio: '60%'
  statDuration: '30s'
  recoveryTimeout: '5s'
  minRequestAmount: 5
  # slowConditions: {maxAllowedRt: '500ms'} missing
```

## How to fix
Add `slowConditions: {maxAllowedRt: '<duration>'}`: the response time
above which a request counts as slow.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for object in set.of_kind("CircuitBreakerStrategy") {
        let Some(spec) = object.spec() else { continue };
        let Some(strategy) = spec
            .get("strategy")
            .filter(|n| n.as_str() == Some("SlowRequestRatio"))
        else {
            continue;
        };
        if spec.get_path(&["slowConditions", "maxAllowedRt"]).is_some() {
            continue;
        }
        let (span, path) = match spec.entry("slowConditions") {
            Some((key, _)) => (
                key.span(),
                FieldPath::keys(&["spec", "slowConditions", "maxAllowedRt"]),
            ),
            None => (strategy.span(), FieldPath::keys(&["spec", "slowConditions"])),
        };
        sink.report(
            object.doc,
            span,
            format!("SlowRequestRatio circuit breaker `{}` has no slowConditions.maxAllowedRt", object.name()),
        )
        .path(path)
        .label("what counts as slow?")
        .help("add `slowConditions: {maxAllowedRt: '500ms'}` (the spec requires it for SlowRequestRatio); without it the control plane sends 0ms and every request counts as slow");
    }
}
