//! OS2005 orphan-strategy.

use std::collections::HashSet;

use super::prelude::*;
use crate::codes::Severity;
use crate::lint::index::STRATEGY_KINDS;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2005",
        "orphan-strategy",
        Warning,
        "A strategy that no FaultToleranceRule of its namespace and app references has no effect.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds strategies (rate limit, throttling, concurrency limit, circuit
breaker, adaptive overload protection) that no FaultToleranceRule of
their namespace and app references. It only looks at namespaces where the
run contains at least one FaultToleranceRule, so linting a file of
strategies alone stays quiet.

## Why is this bad
A strategy does nothing by itself: only a FaultToleranceRule binds it to
target resources. An unreferenced strategy usually means a rule names it
wrongly, or lives in another app.

## Example
```yaml
kind: ThrottlingStrategy
metadata: {name: order-throttling, namespace: shop, labels: {app: order}}
---
kind: FaultToleranceRule
metadata: {name: order-rule, namespace: shop, labels: {app: order}}
spec:
  strategies:
    - {name: order-rate-limit, kind: RateLimitStrategy}   # order-throttling is never used
```

ThrottlingStrategy, CircuitBreakerStrategy and
AdaptiveOverloadProtectionStrategy are a special case, reported as info:
the published FaultToleranceRule CRD accepts only RateLimitStrategy and
ConcurrencyLimitStrategy in `strategies[].kind`, so no rule the API
server admits can reference them. The control plane still converts and
delivers such a strategy to the SDKs subscribed to its kind, and they
apply a strategy only to the targets of a rule naming it: on a cluster
it has no effect. Only a control plane reading rules from files, where
no CRD validation runs, binds it. (The control plane also sends circuit
breaker time units as UNKNOWN, which Sentinel Java rejects.)

## How to fix
Reference the strategy from a FaultToleranceRule, or delete it. For the
three kinds the CRD cannot reference, keep the object only for
off-cluster control planes, and say so with a suppression:
`# opensergo:ignore OS2005 referenced off-cluster only`.
"#;

/// Kinds the FaultToleranceRule CRD's `strategies[].kind` enum leaves out.
const UNREFERENCEABLE: &[&str] = &[
    "ThrottlingStrategy",
    "CircuitBreakerStrategy",
    "AdaptiveOverloadProtectionStrategy",
];

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    let referenced: HashSet<DocId> = set
        .strategy_refs()
        .iter()
        .flat_map(|r| match &r.resolution {
            // A strategy a rule of another group names is reported as
            // strategy-in-other-group already.
            Resolution::Found(ids)
            | Resolution::WrongKind(ids)
            | Resolution::Ambiguous(ids)
            | Resolution::Elsewhere(ids) => ids.as_slice(),
            Resolution::Missing => &[],
        })
        .copied()
        .collect();
    let with_rules: HashSet<&str> = set.of_kind("FaultToleranceRule").map(|o| o.ns()).collect();
    for kind in STRATEGY_KINDS {
        for object in set.of_kind(kind) {
            if referenced.contains(&object.id) || !with_rules.contains(object.ns()) {
                continue;
            }
            let finding = sink
                .report(
                    object.doc,
                    object.name_span(),
                    format!(
                        "{kind} `{}` is referenced by no FaultToleranceRule of {}",
                        object.name(),
                        object.group()
                    ),
                )
                .path(FieldPath::keys(&["metadata", "name"]))
                .label("never applied");
            if UNREFERENCEABLE.contains(kind) {
                finding
                    .severity(Severity::Info)
                    .help(format!(
                        "the FaultToleranceRule CRD accepts only RateLimitStrategy and ConcurrencyLimitStrategy in `strategies[].kind`, so no rule an API server admits can reference a {kind}: the control plane delivers it, but SDKs apply it to no target. It only takes effect through a control plane that reads rules from files"
                    ));
            } else {
                finding.help("a strategy only acts through a FaultToleranceRule's `spec.strategies`: reference it (with `kind`), or delete it");
            }
        }
    }
}
