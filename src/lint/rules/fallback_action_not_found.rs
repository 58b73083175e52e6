//! OS2006 fallback-action-not-found.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2006",
        "fallback-action-not-found",
        Warning,
        "A FaultToleranceRule's fallbackAction names no HttpRequestFallbackAction of its namespace and app.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Checks that `spec.fallbackAction` of a FaultToleranceRule (a name, or
`{name, kind}`) names an HttpRequestFallbackAction of the rule's
namespace and app.

## Why is this bad
When the strategy triggers, the data plane looks the fallback action up
by name; a dangling one means the default block response instead of the
response you configured. (The v1alpha1 control plane does not forward
`fallbackAction` yet, which is one more reason to keep it correct for
when it does.)

## Example
```yaml
kind: HttpRequestFallbackAction
metadata: {name: fallback-foo, namespace: prod, labels: {app: my-app}}
---
kind: FaultToleranceRule
metadata: {name: my-rule, namespace: prod, labels: {app: my-app}}
spec:
  fallbackAction: fallback-fo        # typo
```

## How to fix
Correct the name, or define the HttpRequestFallbackAction in the rule's
namespace with the same `app` label.
"#;

const FAMILY: &[&str] = &["HttpRequestFallbackAction"];

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for rule in set.of_kind("FaultToleranceRule") {
        let Some(value) = rule.spec().and_then(|s| s.get("fallbackAction")) else {
            continue;
        };
        let Some((node, kind)) = read::reference(value) else {
            continue;
        };
        super::check_reference(
            set,
            sink,
            &Reference {
                doc: rule.doc,
                node,
                name: node.as_str().unwrap_or_default(),
                from: None,
                what: "fallback action",
                kind: kind.filter(|k| !k.is_empty()),
                family: FAMILY,
                scope: Scope::Group {
                    ns: rule.ns(),
                    app: rule.app(),
                },
                consequence: "Blocked requests get the default response instead.",
            },
        );
    }
}
