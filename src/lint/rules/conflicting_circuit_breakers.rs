//! OS3004 conflicting-circuit-breakers.

use super::prelude::*;
use super::{bound, int_field, settings, report_conflict, text_field};

pub const RULE: Rule = Rule::new(
    code!(
        "OS3004",
        "conflicting-circuit-breakers",
        Warning,
        "Two or more circuit breakers of the same type apply to one resource.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Reports a target resource that gets two or more CircuitBreakerStrategies
of the same `strategy` type (two `SlowRequestRatio` breakers, or two
`ErrorRequestRatio` ones), through one FaultToleranceRule or several.

## Why is this bad
Sentinel keeps a separate breaker (DegradeRule) for each and blocks the
resource while any of them is open: the most sensitive settings decide,
the others only add confusion, and their recovery timeouts interleave.

## Example
```yaml
kind: FaultToleranceRule
spec:
  targets: [{targetResourceName: 'GET:/orders'}]
  strategies:
    - {name: slow-60, kind: CircuitBreakerStrategy}   # SlowRequestRatio 60%
    - {name: slow-30, kind: CircuitBreakerStrategy}   # SlowRequestRatio 30%: trips first
```

## How to fix
Keep one breaker per type and resource.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for (key, bindings) in set.bindings() {
        let breakers = bound(set, bindings, "CircuitBreakerStrategy");
        for kind in ["SlowRequestRatio", "ErrorRequestRatio"] {
            let same: Vec<_> = breakers
                .iter()
                .filter(|(o, _)| text_field(o, "strategy") == Some(kind))
                .map(|(o, b)| (*o, *b, describe(o)))
                .collect();
            if same.len() < 2 {
                continue;
            }
            let names: Vec<String> = same.iter().map(|s| format!("`{}`", s.0.name())).collect();
            report_conflict(
                set,
                sink,
                bindings,
                &same,
                format!(
                    "`{}` gets {} {kind} circuit breakers ({}): each trips on its own and any open one blocks the resource",
                    key.2,
                    same.len(),
                    names.join(", ")
                ),
                "Sentinel keeps one breaker per (resource, strategy), so the most sensitive settings decide when the resource is blocked: keep one breaker of each type per resource",
            );
        }
    }
}

fn describe(o: &Object<'_>) -> String {
    let spec = o.spec();
    let get = |f: &str| {
        spec.and_then(|s| s.get(f))
            .and_then(Node::as_str)
            .map(str::to_string)
    };
    settings(
        &[
            ("triggerRatio", get("triggerRatio")),
            ("statDuration", get("statDuration")),
            (
                "minRequestAmount",
                int_field(o, "minRequestAmount").map(|m| m.to_string()),
            ),
            ("recoveryTimeout", get("recoveryTimeout")),
        ],
        |v| {
            format!(
                "{} over {}, at least {} requests, open {}",
                v[0], v[1], v[2], v[3]
            )
        },
    )
}
