//! OS5004 max-rt-not-below-stat-duration.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5004",
        "max-rt-not-below-stat-duration",
        Warning,
        "A circuit breaker's maxAllowedRt is not shorter than its statDuration, so no request can count as slow in time.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Compares `slowConditions.maxAllowedRt` with `statDuration` in
CircuitBreakerStrategies.

## Why is this bad
A request is slow when it takes longer than `maxAllowedRt`, and the slow
ratio is computed over a window of `statDuration`. When the allowed
response time is as long as the window, a slow request completes after
the window it started in: the ratio hardly ever reaches the trigger and
the breaker never opens. Often the units are mixed up (`5s` meant as
`5ms`, `m` read as milliseconds when it means minutes).

## Example
```yaml
kind: CircuitBreakerStrategy
spec:
  strategy: SlowRequestRatio
  statDuration: '1s'
  slowConditions:
    maxAllowedRt: '2s'
```

## How to fix
Make `maxAllowedRt` well below `statDuration` (the spec's example: 500ms
over 30s).
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for object in set.of_kind("CircuitBreakerStrategy") {
        let Some(spec) = object.spec() else { continue };
        let (Some(rt), Some(window)) = (
            spec.get_path(&["slowConditions", "maxAllowedRt"]),
            spec.get("statDuration"),
        ) else {
            continue;
        };
        let (Some(rt_ms), Some(window_ms)) = (read::millis(rt), read::millis(window)) else {
            continue;
        };
        if rt_ms < window_ms {
            continue;
        }
        sink.report(
            object.doc,
            rt.span(),
            format!(
                "maxAllowedRt {} is not shorter than statDuration {}: no request can count as slow within the window",
                read::show(rt),
                read::show(window)
            ),
        )
        .path(FieldPath::keys(&["spec", "slowConditions", "maxAllowedRt"]))
        .label("too long for the window")
        .related(object.doc, window.span(), "the statistics window")
        .help("make maxAllowedRt well below statDuration (check the units: `m` means minutes)");
    }
}
