//! OS2002 strategy-kind-mismatch.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2002",
        "strategy-kind-mismatch",
        Error,
        "A strategy reference's name exists in its namespace and app, but under another kind.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds `spec.strategies[]` entries whose `name` matches a strategy of the
rule's namespace and app whose kind differs from the entry's `kind`.

## Why is this bad
Strategies are looked up by kind first, then by name: Sentinel keeps one
map per kind, so a `RateLimitStrategy` reference never finds a
`ConcurrencyLimitStrategy` of the same name. The reference is dropped
silently.

## Example
```yaml
kind: ConcurrencyLimitStrategy
metadata: {name: order-limit, namespace: shop, labels: {app: order}}
---
kind: FaultToleranceRule
spec:
  strategies:
    - name: order-limit
      kind: RateLimitStrategy      # order-limit is a ConcurrencyLimitStrategy
```

## How to fix
Set `kind` to the kind of the object you meant, or point the reference at
a strategy of the kind you wrote.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    super::report_strategy_refs(set, sink, |r| matches!(r, Resolution::WrongKind(_)));
}
