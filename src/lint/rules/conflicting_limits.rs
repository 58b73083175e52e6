//! OS3003 conflicting-limits.

use super::prelude::*;
use super::{bound, int_field, millis_field, report_conflict, settings, text_field};

pub const RULE: Rule = Rule::new(
    code!(
        "OS3003",
        "conflicting-limits",
        Warning,
        "Several rate-limit, concurrency or throttling strategies with different settings apply to one resource.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Groups the strategies FaultToleranceRules apply to each target resource
(`targetResourceName`, per namespace and app) and reports a resource that
gets two or more RateLimitStrategies, ConcurrencyLimitStrategies or
ThrottlingStrategies whose settings differ (threshold, limit mode, stat
duration; max concurrency; interval, queue timeout), whether they come
from one rule or several. The message says which one wins at run time.

## Why is this bad
Sentinel turns every (resource, strategy) pair into its own flow rule
and enforces all of them: the strictest one always wins (the lowest
threshold or concurrency, the longest interval), and the others are dead
configuration that readers will believe in.

## Example
```yaml
kind: FaultToleranceRule
spec:
  targets: [{targetResourceName: 'GET:/orders'}]
  strategies:
    - {name: limit-100, kind: RateLimitStrategy}
---
kind: FaultToleranceRule
spec:
  targets: [{targetResourceName: 'GET:/orders'}]
  strategies:
    - {name: limit-10, kind: RateLimitStrategy}    # 10 wins; 100 never applies
```

## How to fix
Keep one strategy of each kind per resource, with the limit you want.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for (key, bindings) in set.bindings() {
        let resource = key.2;
        rate_limits(set, sink, resource, bindings);
        concurrency(set, sink, resource, bindings);
        throttling(set, sink, resource, bindings);
    }
}

/// Reports `kind` strategies on `resource` whose `settings` differ;
/// `winner` picks the one Sentinel effectively enforces.
fn conflict(
    set: &RuleSet<'_>,
    sink: &mut Sink,
    resource: &str,
    bindings: &[Binding<'_>],
    kind: &str,
    settings: fn(&Object<'_>) -> (String, Option<i64>),
    why: &str,
) {
    let strategies = bound(set, bindings, kind);
    if strategies.len() < 2 {
        return;
    }
    let described: Vec<_> = strategies
        .iter()
        .map(|(o, b)| {
            let (text, rank) = settings(o);
            (*o, *b, text, rank)
        })
        .collect();
    if described.iter().all(|d| d.2 == described[0].2) {
        return;
    }
    let winner = described
        .iter()
        .filter(|d| d.3.is_some())
        .min_by_key(|d| d.3)
        .map(|d| format!("`{}` ({}) wins", d.0.name(), d.2))
        .unwrap_or_else(|| "the strictest wins".into());
    let involved: Vec<_> = described
        .iter()
        .map(|(o, b, t, _)| (*o, *b, t.clone()))
        .collect();
    let names: Vec<String> = described
        .iter()
        .map(|d| format!("`{}`", d.0.name()))
        .collect();
    report_conflict(
        set,
        sink,
        bindings,
        &involved,
        format!(
            "`{resource}` gets {} {} with different settings ({}): Sentinel enforces all of them, so {winner}",
            described.len(),
            kind.replace("Strategy", "Strategies"),
            names.join(", ")
        ),
        why,
    );
}

fn rate_limits(set: &RuleSet<'_>, sink: &mut Sink, resource: &str, b: &[Binding<'_>]) {
    conflict(
        set,
        sink,
        resource,
        b,
        "RateLimitStrategy",
        |o| {
            let threshold = int_field(o, "threshold");
            let text = settings(
                &[
                    ("threshold", threshold.map(|t| t.to_string())),
                    (
                        "statDurationSeconds",
                        int_field(o, "statDurationSeconds").map(|s| s.to_string()),
                    ),
                    ("limitMode", text_field(o, "limitMode").map(str::to_string)),
                ],
                |v| format!("threshold {} per {}s, {}", v[0], v[1], v[2]),
            );
            (text, threshold)
        },
        "each (resource, strategy) pair is its own Sentinel flow rule and every one is checked, so the lowest threshold applies (Sentinel counts per second and per instance whatever statDurationSeconds and limitMode say): keep one RateLimitStrategy per resource",
    );
}

fn concurrency(set: &RuleSet<'_>, sink: &mut Sink, resource: &str, b: &[Binding<'_>]) {
    conflict(
        set,
        sink,
        resource,
        b,
        "ConcurrencyLimitStrategy",
        |o| {
            let max = int_field(o, "maxConcurrency");
            let text = settings(
                &[
                    ("maxConcurrency", max.map(|m| m.to_string())),
                    ("limitMode", text_field(o, "limitMode").map(str::to_string)),
                ],
                |v| format!("max {} concurrent, {}", v[0], v[1]),
            );
            (text, max)
        },
        "every ConcurrencyLimitStrategy becomes a thread-count flow rule and all are checked, so the lowest maxConcurrency applies: keep one per resource",
    );
}

fn throttling(set: &RuleSet<'_>, sink: &mut Sink, resource: &str, b: &[Binding<'_>]) {
    conflict(
        set,
        sink,
        resource,
        b,
        "ThrottlingStrategy",
        |o| {
            let interval = millis_field(o, "minIntervalOfRequests");
            let text = settings(
                &[
                    ("minIntervalOfRequests", interval.map(|i| format!("{i}ms"))),
                    (
                        "queueTimeout",
                        millis_field(o, "queueTimeout").map(|q| format!("{q}ms")),
                    ),
                ],
                |v| format!("one request per {}, queue {}", v[0], v[1]),
            );
            // The longest interval is the strictest.
            (text, interval.map(|i| -i))
        },
        "every ThrottlingStrategy becomes a rate-limiter flow rule and all are checked, so the longest interval applies: keep one per resource",
    );
}
