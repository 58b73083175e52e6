//! OS4005 invalid-route-weights.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS4005",
        "invalid-route-weights",
        Error,
        "Route destination weights are negative, or do not add up to 100.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Checks the `weight`s of the destinations of every route
(`spec.http[].route`, `spec.tcp[].route`, `spec.tls[].route`): none may be
negative; with two or more destinations they must add up to 100 (a
missing weight counts as 0); a single destination's weight, when
written, must be 100 (or 0, which means 100).

## Why is this bad
Istio rejects such a route, and the OpenSergo control plane passes the
weights on unchecked (a negative weight wraps around as an unsigned
number), so the traffic split is not the one written, or the route is
refused by the data plane.

## Example
```yaml
route:
  - destination: {host: reviews, subset: v1}
    weight: 90
  - destination: {host: reviews, subset: v2}
    weight: 20            # 110 in total
```

## How to fix
Make the weights add up to 100.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for router in set.of_kind("TrafficRouter") {
        for section in ["http", "tcp", "tls"] {
            for found in read::select(&router.doc.root, &["spec", section, "[]"]) {
                let Some((key, list)) = found.node.entry("route") else {
                    continue;
                };
                check_route(sink, router, key, list.as_seq());
            }
        }
    }
}

fn check_route(sink: &mut Sink, router: &Object<'_>, key: &Node, destinations: &[Node]) {
    let weights: Vec<Option<&Node>> = destinations.iter().map(|d| d.get("weight")).collect();
    let mut negative = false;
    for w in &weights {
        if let Some(w) = w.filter(|w| w.as_i64().is_some_and(|v| v < 0)) {
            negative = true;
            sink.report(router.doc, w.span(), format!("weight {} is negative", read::show(w)))
                .label("negative")
                .help("weights are percentages from 0 to 100; the control plane passes them on as unsigned numbers");
        }
    }
    if negative
        || weights
            .iter()
            .any(|w| w.is_some_and(|w| w.as_i64().is_none()))
    {
        return;
    }
    let values: Vec<i64> = weights
        .iter()
        .map(|w| w.and_then(Node::as_i64).unwrap_or(0))
        .collect();
    match destinations.len() {
        0 => {}
        1 => {
            if let Some(w) = weights[0].filter(|_| !matches!(values[0], 0 | 100)) {
                sink.report(
                    router.doc,
                    w.span(),
                    format!("the only destination has weight {}", values[0]),
                )
                .label("not 100")
                .help("a single destination receives all the traffic: drop `weight` or write 100");
            }
        }
        _ => {
            // Wide arithmetic: weights are input, and i64 sums wrap
            // (two i64::MAX and a 102 would "add up to" 100).
            let sum: i128 = values.iter().map(|&v| i128::from(v)).sum();
            if sum != 100 {
                let missing = weights.iter().filter(|w| w.is_none()).count();
                sink.report(
                    router.doc,
                    key.span(),
                    format!("destination weights add up to {sum}, not 100"),
                )
                .label(format!("{} destinations, total {sum}", destinations.len()))
                .help(if missing > 0 {
                    format!("{missing} destination(s) have no weight, which counts as 0: give every destination a weight, totalling 100")
                } else {
                    "make the weights add up to 100".into()
                });
            }
        }
    }
}
