//! OS3005 rate-limit-with-throttling.

use super::prelude::*;
use super::{bound, int_field, millis_field, report_conflict, settings};

pub const RULE: Rule = Rule::new(
    code!(
        "OS3005",
        "rate-limit-with-throttling",
        Warning,
        "A resource gets both a RateLimitStrategy and a ThrottlingStrategy.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Reports a target resource that gets a RateLimitStrategy and a
ThrottlingStrategy (through one FaultToleranceRule or several).

## Why is this bad
Both become QPS flow rules in Sentinel: the rate limit rejects requests
over its threshold at once, the throttling one queues them to a uniform
rate of `1000 / minIntervalOfRequests` per second. Sentinel checks both,
so the lower rate applies, and requests that the throttling queue would
have smoothed are rejected by the rate limit instead (or the other way
round). The combined behaviour is rarely what either strategy says.

## Example
```yaml
kind: FaultToleranceRule
spec:
  targets: [{targetResourceName: 'POST:/orders'}]
  strategies:
    - {name: limit-100, kind: RateLimitStrategy}     # 100 per second, reject
    - {name: smooth-20ms, kind: ThrottlingStrategy}  # 50 per second, queue
```

## How to fix
Choose one: a RateLimitStrategy to reject bursts, or a ThrottlingStrategy
to queue them.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for (key, bindings) in set.bindings() {
        let limits = bound(set, bindings, "RateLimitStrategy");
        let throttles = bound(set, bindings, "ThrottlingStrategy");
        if limits.is_empty() || throttles.is_empty() {
            continue;
        }
        let mut involved = Vec::new();
        for (o, b) in &limits {
            let text = settings(
                &[("threshold", int_field(o, "threshold").map(|t| t.to_string()))],
                |v| format!("rejects over {} per second", v[0]),
            );
            involved.push((*o, *b, text));
        }
        for (o, b) in &throttles {
            let interval = millis_field(o, "minIntervalOfRequests");
            // ceil(1000 / i), without overflow for huge intervals.
            let rate = interval
                .filter(|&i| i > 0)
                .map(|i| 1000_u64.div_ceil(i.unsigned_abs()));
            let text = settings(
                &[
                    ("minIntervalOfRequests", interval.map(|i| format!("{i}ms"))),
                    (
                        "queueTimeout",
                        millis_field(o, "queueTimeout").map(|q| format!("{q}ms")),
                    ),
                ],
                |v| match rate {
                    Some(rate) => {
                        format!("queues to {rate} per second (one per {}, up to {})", v[0], v[1])
                    }
                    None => format!("lets every request through (one per {})", v[0]),
                },
            );
            involved.push((*o, *b, text));
        }
        report_conflict(
            set,
            sink,
            bindings,
            &involved,
            format!(
                "`{}` is both rate-limited and throttled: Sentinel checks both QPS rules, so the lower rate applies and requests over the rate limit are rejected rather than queued",
                key.2
            ),
            "keep one of the two: a RateLimitStrategy rejects bursts, a ThrottlingStrategy queues them to a uniform rate",
        );
    }
}
