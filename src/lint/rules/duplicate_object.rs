//! OS3001 duplicate-object.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS3001",
        "duplicate-object",
        Error,
        "Two objects share apiVersion group, kind, namespace and name: one silently replaces the other.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds objects with the same API group, kind, namespace and
`metadata.name`, in one file or across files of the run.

## Why is this bad
Kubernetes stores one object per name: `kubectl apply` of both keeps
whichever comes last, and the SDKs and Sentinel key strategies by name,
so one definition silently overwrites the other. Which one wins depends
on file order.

## Example
```yaml
# limits.yaml
kind: RateLimitStrategy
metadata: {name: order-limit, namespace: shop, labels: {app: order}}
spec: {threshold: 100, ...}
---
# legacy.yaml
kind: RateLimitStrategy
metadata: {name: order-limit, namespace: shop, labels: {app: order}}
spec: {threshold: 10, ...}
```

## How to fix
Delete one definition, or rename it (and the references that mean it).
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for ids in set.duplicates() {
        let first = set.object(ids[0]);
        for &id in &ids[1..] {
            let object = set.object(id);
            sink.report(
                object.doc,
                object.name_span(),
                format!(
                    "{} `{}` is defined {} times in namespace `{}`",
                    object.kind(),
                    object.name(),
                    ids.len(),
                    object.ns()
                ),
            )
            .path(FieldPath::keys(&["metadata", "name"]))
            .label("defined again here")
            .related(first.doc, first.name_span(), "first defined here")
            .help("Kubernetes keeps whichever is applied last and the SDKs key objects by name, so one definition silently replaces the other: delete or rename one");
        }
    }
}
