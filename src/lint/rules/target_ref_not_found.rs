//! OS2007 target-ref-not-found.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2007",
        "target-ref-not-found",
        Error,
        "A FaultToleranceRule target's targetRef names no DatabaseAccessTarget of its namespace and app.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Checks that `spec.targets[].targetRef` of a FaultToleranceRule (the
database-governance form of a target, from the OpenSergo/ShardingSphere
announcement) names a DatabaseAccessTarget of the rule's namespace and
app.

## Why is this bad
A target that resolves to nothing selects no SQL statement: the
strategies of the rule never apply to the database access they were
written for.

## Example
```yaml
kind: DatabaseAccessTarget
metadata: {name: user-query, namespace: shop, labels: {app: order}}
---
kind: FaultToleranceRule
metadata: {name: db-rule, namespace: shop, labels: {app: order}}
spec:
  targets:
    - targetRef: users-query          # typo
```

## How to fix
Correct the name, or define the DatabaseAccessTarget next to the rule.
"#;

const FAMILY: &[&str] = &["DatabaseAccessTarget"];

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for rule in set.of_kind("FaultToleranceRule") {
        for found in read::select(&rule.doc.root, &["spec", "targets", "[]", "targetRef"]) {
            let Some((node, kind)) = read::reference(found.node) else {
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
                    what: "target",
                    kind: kind.filter(|k| !k.is_empty()),
                    family: FAMILY,
                    scope: Scope::Group {
                        ns: rule.ns(),
                        app: rule.app(),
                    },
                    consequence: "The rule's strategies then apply to nothing.",
                },
            );
        }
    }
}
