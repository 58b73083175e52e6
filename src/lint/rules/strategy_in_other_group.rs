//! OS2004 strategy-in-other-group.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2004",
        "strategy-in-other-group",
        Error,
        "A referenced strategy exists, but in another namespace or app than its rule.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds strategy references that resolve to nothing in the rule's own
namespace and `metadata.labels.app`, while a strategy of that name (and
kind) exists in another namespace or app.

## Why is this bad
The control plane delivers objects per (namespace, `app` label, kind): a
client subscribed for `shop/order` never receives a strategy labelled
`app: payment`, or one without a namespace (which lands in `default`). The
reference dangles at run time although the object exists.

## Example
```yaml
kind: RateLimitStrategy
metadata: {name: rate-limit-foo}           # namespace default, no app label
---
kind: FaultToleranceRule
metadata: {name: my-rule, namespace: prod, labels: {app: my-app}}
spec:
  strategies:
    - {name: rate-limit-foo, kind: RateLimitStrategy}
```

## How to fix
Give the strategy the rule's namespace and `metadata.labels.app`.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    super::report_strategy_refs(set, sink, |r| matches!(r, Resolution::Elsewhere(_)));
}
