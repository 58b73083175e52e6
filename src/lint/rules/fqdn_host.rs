//! OS6003 fqdn-host.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS6003",
        "fqdn-host",
        Info,
        "Runtime compatibility: a TrafficRouter host with dots gets the cluster suffix appended again by the control plane.",
        DOCS
    ),
    category::RUNTIME_COMPAT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds TrafficRouter hosts (`spec.hosts[]`, destination and fallback
`host`) written with dots, such as `reviews.shop.svc.cluster.local`. A
runtime compatibility note.

## Why is this bad
The OpenSergo control plane builds the virtual host and cluster names as
`<host>.<namespace>.svc.cluster.local`, whatever the host looks like:
`reviews.shop.svc.cluster.local` becomes
`reviews.shop.svc.cluster.local.shop.svc.cluster.local`, which matches
no request and no cluster.

## Example
```yaml
kind: TrafficRouter
metadata: {namespace: shop}
spec:
  hosts: [reviews.shop.svc.cluster.local]
```

## How to fix
Write the short service name (`reviews`), as the spec's examples do.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for router in set.of_kind("TrafficRouter") {
        let mut hosts = read::select(&router.doc.root, &["spec", "hosts", "[]"]);
        for destination in super::destinations(router) {
            hosts.extend(read::select(destination.node, &["host"]));
            hosts.extend(read::select(destination.node, &["fallback", "host"]));
        }
        for found in hosts {
            let Some(host) = found.node.as_str().filter(|h| h.contains('.')) else {
                continue;
            };
            let suffix = format!(".{}.svc.cluster.local", router.ns());
            sink.report(
                router.doc,
                found.node.span(),
                format!("the control plane turns host `{host}` into `{host}{suffix}`"),
            )
            .label("suffix appended again")
            .help("the control plane appends `.<namespace>.svc.cluster.local` to every host: write the short service name");
        }
    }
}
