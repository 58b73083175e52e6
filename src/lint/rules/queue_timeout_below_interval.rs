//! OS5007 queue-timeout-below-interval.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5007",
        "queue-timeout-below-interval",
        Warning,
        "A ThrottlingStrategy's queueTimeout is shorter than its minIntervalOfRequests: concurrent requests are rejected, not queued.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Compares `queueTimeout` with `minIntervalOfRequests` in
ThrottlingStrategies.

## Why is this bad
Throttling lets one request through per interval and makes the others
wait for their turn, up to `queueTimeout`. When the timeout is shorter
than one interval, no request can wait for the next slot: every request
that arrives while another was just let through is rejected, which is
plain rate limiting without the smoothing the strategy is for.

## Example
```yaml
kind: ThrottlingStrategy
spec:
  minIntervalOfRequests: '100ms'
  queueTimeout: '50ms'          # cannot wait for the next slot
```

## How to fix
Make `queueTimeout` a multiple of `minIntervalOfRequests` (the spec's
example: one request per 20ms, queueing up to 500ms).
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for object in set.of_kind("ThrottlingStrategy") {
        let Some(spec) = object.spec() else { continue };
        let (Some(interval), Some(timeout)) =
            (spec.get("minIntervalOfRequests"), spec.get("queueTimeout"))
        else {
            continue;
        };
        let (Some(interval_ms), Some(timeout_ms)) = (read::millis(interval), read::millis(timeout))
        else {
            continue;
        };
        if timeout_ms >= interval_ms {
            continue;
        }
        sink.report(
            object.doc,
            timeout.span(),
            format!(
                "queueTimeout {} is shorter than minIntervalOfRequests {}: no request can wait for the next slot",
                read::show(timeout),
                read::show(interval)
            ),
        )
        .path(FieldPath::keys(&["spec", "queueTimeout"]))
        .label("shorter than one interval")
        .related(object.doc, interval.span(), "one request per this interval")
        .help("make queueTimeout at least minIntervalOfRequests (a few intervals, to absorb bursts)");
    }
}
