//! OS3002 duplicate-host.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS3002",
        "duplicate-host",
        Error,
        "Two TrafficRouters of one namespace claim the same host.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds hosts listed in `spec.hosts` of two or more TrafficRouters of the
same namespace (`reviews`, `reviews.shop` and
`reviews.shop.svc.cluster.local` are the same host in namespace `shop`).

## Why is this bad
Each TrafficRouter becomes its own route configuration for the host;
OpenSergo defines no merge and no precedence between them, so which
routes apply depends on the data plane and on update order.

## Example
```yaml
kind: TrafficRouter
metadata: {name: reviews-canary, namespace: shop}
spec: {hosts: [reviews], ...}
---
kind: TrafficRouter
metadata: {name: reviews-header, namespace: shop}
spec: {hosts: [reviews], ...}
```

## How to fix
Merge the routes into one TrafficRouter per host, ordered the way they
should be tried.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for claims in set.host_claims() {
        let first = claims[0];
        let owner = set.object(first.router);
        let mut seen = vec![first.router];
        for claim in &claims[1..] {
            if seen.contains(&claim.router) {
                continue;
            }
            seen.push(claim.router);
            let router = set.object(claim.router);
            sink.report(
                router.doc,
                claim.node.span(),
                format!(
                    "host {} is also claimed by TrafficRouter `{}` in namespace `{}`",
                    read::show(claim.node),
                    owner.name(),
                    router.ns()
                ),
            )
            .label("claimed again")
            .related(owner.doc, first.node.span(), format!("claimed by `{}`", owner.name()))
            .help("OpenSergo defines no merge of two routers for one host: which routes apply is undefined; merge them into one TrafficRouter");
        }
    }
}
