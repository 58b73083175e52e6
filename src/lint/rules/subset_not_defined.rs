//! OS2011 subset-not-defined.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2011",
        "subset-not-defined",
        Warning,
        "A TrafficRouter routes to a subset that the VirtualWorkloads (or DestinationRules) of its host do not define.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
For every `destination` (and `destination.fallback`) of a TrafficRouter
that names a `subset`, looks for the objects that define subsets for the
destination's host in the router's namespace: VirtualWorkloads and Istio
DestinationRules (`spec.host`, `spec.subsets[].name`; a VirtualWorkload
without `spec.host` defines subsets for the host of its name). When such
objects exist and none defines the subset, the destination is reported.
Hosts without any such object are not checked: the subsets may be
defined where lint cannot see them.

## Why is this bad
Traffic sent to an undefined subset finds no instance: it fails (Istio
answers 503) or, with a `fallback`, always takes the fallback, so the
route silently does not do what it says.

## Example
```yaml
kind: VirtualWorkload
metadata: {name: reviews, namespace: shop}
spec:
  host: reviews
  subsets: [{name: v1}, {name: v2}]
---
kind: TrafficRouter
spec:
  http:
    - route:
        - destination: {host: reviews, subset: v3}     # not defined
```

## How to fix
Define the subset in the VirtualWorkload (or DestinationRule) of the
host, or route to a subset it defines.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for router in set.of_kind("TrafficRouter") {
        for destination in super::destinations(router) {
            check_one(set, sink, router, destination.node);
            if let Some(fallback) = destination.node.get("fallback") {
                check_one(set, sink, router, fallback);
            }
        }
    }
}

fn check_one(set: &RuleSet<'_>, sink: &mut Sink, router: &Object<'_>, node: &Node) {
    let (Some(host), Some(subset)) = (read::text(node, &["host"]), node.get("subset")) else {
        return;
    };
    let Some(name) = subset.as_str().filter(|s| !s.is_empty()) else {
        return;
    };
    let providers = set.subset_providers(router.ns(), host);
    if providers.is_empty() || providers.iter().any(|p| p.names.contains(&name)) {
        return;
    }
    let mut defined: Vec<&str> = providers
        .iter()
        .flat_map(|p| p.names.iter().copied())
        .collect();
    defined.sort_unstable();
    defined.dedup();
    let mut finding = sink
        .report(
            router.doc,
            subset.span(),
            format!("subset `{name}` of host `{host}` is not defined"),
        )
        .label("no such subset")
        .help(if defined.is_empty() {
            format!("the objects defining subsets of `{host}` define none")
        } else {
            format!("`{host}` has the subsets: {}", defined.join(", "))
        });
    for p in providers.iter().take(3) {
        let span = p
            .doc
            .root
            .get("spec")
            .and_then(|spec| spec.entry("subsets"))
            .map_or_else(|| p.doc.head_span(), |(key, _)| key.span());
        finding = finding.related(
            p.doc,
            span,
            format!(
                "{} `{}` defines the subsets of `{host}`",
                p.doc.meta.kind, p.doc.meta.name
            ),
        );
    }
}
