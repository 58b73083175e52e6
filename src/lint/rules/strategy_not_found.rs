//! OS2001 strategy-not-found.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2001",
        "strategy-not-found",
        Error,
        "A FaultToleranceRule names a strategy that exists nowhere in the run.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Checks that every `spec.strategies[]` entry of a FaultToleranceRule names a
strategy (by `name`, and by `kind` when given) that exists in the run.

## Why is this bad
The control plane, the SDKs and Sentinel look strategies up by name and
kind and skip a reference that finds nothing, without a log line: the
rule is accepted and protects nothing.

## Example
```yaml
kind: FaultToleranceRule
metadata: {name: order-rule, namespace: shop, labels: {app: order}}
spec:
  targets: [{targetResourceName: 'GET:/orders'}]
  strategies:
    - name: order-rate-limt        # typo: the strategy is order-rate-limit
      kind: RateLimitStrategy
```

## How to fix
Correct the name (the finding suggests a close one), or add the missing
strategy object to the rule set. A strategy that exists but in another
namespace or app is reported as `strategy-in-other-group` instead.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    super::report_strategy_refs(set, sink, |r| matches!(r, Resolution::Missing));
}
