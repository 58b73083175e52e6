//! OS4010 empty-hosts.

use super::prelude::*;
use crate::path::Segment;
use crate::yaml::Value;

pub const RULE: Rule = Rule::new(
    code!(
        "OS4010",
        "empty-hosts",
        Warning,
        "A TrafficRouter with routes lists no hosts, so no traffic reaches them.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds TrafficRouters that have `http`, `tcp` or `tls` routes but no
`spec.hosts`.

## Why is this bad
Routes apply to the traffic addressed to the router's hosts. The control
plane builds a virtual host with no domains for such a router, so no
request ever matches its routes; the CRD does not require `hosts`, so
nothing rejects it.

## Example
```yaml
kind: TrafficRouter
spec:
  http:
    - route:
        - destination: {host: reviews, subset: v1}
```

## How to fix
Add the service the routes are for: `hosts: [reviews]`.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for router in set.of_kind("TrafficRouter") {
        let Some(spec) = router.spec() else {
            continue;
        };
        let has_routes = ["http", "tcp", "tls"]
            .iter()
            .any(|k| spec.get(k).is_some_and(|r| !r.as_seq().is_empty()));
        let hosts = spec.entry("hosts");
        // Hosts of the wrong type are validate's finding, not this one.
        let listed = hosts.is_some_and(|(_, v)| {
            !v.as_seq().is_empty() || !matches!(v.value, Value::Seq(_) | Value::Null)
        });
        if !has_routes || listed {
            continue;
        }
        let span = match hosts {
            Some((key, _)) => key.span(),
            None => router.doc.span_of(&[Segment::Key("spec".into())], true),
        };
        sink.report(router.doc, span, "the TrafficRouter has routes but no hosts")
            .label("no hosts")
            .help("routes only see traffic addressed to `spec.hosts`: list the service, e.g. `hosts: [reviews]`");
    }
}
