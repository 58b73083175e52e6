//! OS5006 zero-request-interval.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5006",
        "zero-request-interval",
        Error,
        "A ThrottlingStrategy with minIntervalOfRequests 0 divides by zero in Sentinel.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds ThrottlingStrategies whose `minIntervalOfRequests` is zero (`0ms`,
`0s`...). The CRD pattern allows it, unlike every other duration.

## Why is this bad
Sentinel computes the allowed rate as `ceil(1000 / interval)`: with 0 it
is infinite, so the strategy throttles nothing, or the conversion fails
and the strategy is dropped.

## Example
```yaml
kind: ThrottlingStrategy
spec:
  minIntervalOfRequests: '0ms'
  queueTimeout: '500ms'
```

## How to fix
Set the minimum interval between two requests (`20ms` = 50 per second),
or remove the strategy if nothing should be throttled.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for object in set.of_kind("ThrottlingStrategy") {
        let Some(node) = object.spec().and_then(|s| s.get("minIntervalOfRequests")) else {
            continue;
        };
        if read::millis(node) != Some(0) {
            continue;
        }
        sink.report(
            object.doc,
            node.span(),
            format!("ThrottlingStrategy `{}` has minIntervalOfRequests 0", object.name()),
        )
        .path(FieldPath::keys(&["spec", "minIntervalOfRequests"]))
        .label("rate = 1000 / 0")
        .help("Sentinel allows ceil(1000 / interval) requests per second: set a positive interval such as '20ms'");
    }
}
