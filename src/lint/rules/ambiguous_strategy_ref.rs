//! OS2003 ambiguous-strategy-ref.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2003",
        "ambiguous-strategy-ref",
        Error,
        "A strategy reference has no kind, and several strategies of different kinds have its name.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds `spec.strategies[]` entries without `kind` whose name belongs to
strategies of two or more kinds in the rule's namespace and app.

## Why is this bad
The spec's examples leave `kind` out, but every consumer selects
strategies by kind: without it, nobody can tell which strategy is meant
(and Sentinel applies none). A missing `kind` alone is a schema error that
`opensergo validate` reports; this rule reports the case where the rule
set itself makes the reference ambiguous.

## Example
```yaml
kind: RateLimitStrategy
metadata: {name: foo, namespace: shop, labels: {app: order}}
---
kind: ConcurrencyLimitStrategy
metadata: {name: foo, namespace: shop, labels: {app: order}}
---
kind: FaultToleranceRule
spec:
  strategies:
    - name: foo                    # which one?
```

## How to fix
Add `kind:` to the reference, and preferably give strategies of different
kinds different names.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    super::report_strategy_refs(set, sink, |r| matches!(r, Resolution::Ambiguous(_)));
}
