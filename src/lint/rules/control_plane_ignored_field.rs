//! OS6005 control-plane-ignored-field.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS6005",
        "control-plane-ignored-field",
        Info,
        "Runtime compatibility: a TrafficRouter field the OpenSergo control plane drops when it builds routes.",
        DOCS
    ),
    category::RUNTIME_COMPAT,
    check,
)
.off_by_default();

pub const DOCS: &str = r#"
## What it does
Off by default (enable it with `--select OS6005`). Finds TrafficRouter
fields the OpenSergo control plane drops when it converts the router to
an Envoy route configuration: `tcp`, `tls`, `gateways`, `exportTo`; per
HTTP route everything but `match`, `route` and `name` (`redirect`,
`rewrite`, `timeout`, `retries`, `fault`, `mirror`, `corsPolicy`,
`headers`...); per match everything but `headers` (`uri`, `method`,
`port`, `sourceLabels`...), and `queryParams`, whose names are lost;
per destination its `headers`, its `port` (the cluster name
`outbound||<subset>|<host>` keeps the port slot empty) and a `fallback`
beside other destinations (weighted clusters get no fallback). Several
`match` entries are OS6004; `opensergo convert --as-control-plane --envoy`
shows the whole route table the control plane sends.

## Why is this bad
The fields are valid TrafficRouter (Istio) syntax, so an Istio data plane
honours them, but an SDK fed by the OpenSergo control plane never sees
them: a route that matches on the URI matches every URI there.

## Example
```yaml
http:
  - match:
      - uri: {prefix: /api/v2}          # dropped: the route matches every path
    route: [...]
    retries: {attempts: 3}              # dropped
  - route:
      - destination: {host: reviews, subset: v2, port: {number: 9080}}  # port dropped
        weight: 90
      - destination:
          host: reviews
          subset: v3
          fallback: {host: reviews, subset: v1}   # ignored beside another destination
        weight: 10
```

## How to fix
Nothing to fix when an Istio-compatible data plane reads the router;
with the OpenSergo control plane and SDKs, match on headers only.
"#;

const SPEC_KEYS: &[&str] = &["tcp", "tls", "gateways", "exportTo"];
const ROUTE_KEYS: &[&str] = &["match", "route", "name"];
const MATCH_KEYS: &[&str] = &["headers", "name"];

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for router in set.of_kind("TrafficRouter") {
        let Some(spec) = router.spec() else { continue };
        for (key, _) in spec.as_map() {
            let Some(name) = key.as_str().filter(|k| SPEC_KEYS.contains(k)) else {
                continue;
            };
            report(sink, router, key, name, "dropped with everything in it");
        }
        for route in read::select(&router.doc.root, &["spec", "http", "[]"]) {
            for (key, value) in route.node.as_map() {
                let Some(name) = key.as_str() else { continue };
                if name == "match" {
                    for m in value.as_seq() {
                        match_fields(sink, router, m);
                    }
                } else if name == "route" {
                    destinations(sink, router, value);
                } else if !ROUTE_KEYS.contains(&name) {
                    report(sink, router, key, name, "dropped");
                }
            }
        }
    }
}

/// The destination fields the control plane drops: per-destination
/// headers, the port (the cluster name's port slot stays empty) and a
/// fallback beside other destinations (weighted clusters have none).
fn destinations(sink: &mut Sink, router: &Object<'_>, route: &Node) {
    let several = route.as_seq().len() > 1;
    for item in route.as_seq() {
        for (key, value) in item.as_map() {
            match key.as_str() {
                Some("headers") => report(sink, router, key, "headers", "dropped"),
                Some("destination") => {
                    for (key, _) in value.as_map() {
                        match key.as_str() {
                            Some("port") => report(
                                sink,
                                router,
                                key,
                                "port",
                                "dropped: the cluster name's port slot stays empty",
                            ),
                            Some("fallback") if several => report(
                                sink,
                                router,
                                key,
                                "fallback",
                                "ignored: the control plane applies a fallback to a single destination only",
                            ),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

fn match_fields(sink: &mut Sink, router: &Object<'_>, m: &Node) {
    for (key, _) in m.as_map() {
        let Some(name) = key.as_str().filter(|k| !MATCH_KEYS.contains(k)) else {
            continue;
        };
        let what = if name == "queryParams" {
            "converted without the parameter names"
        } else {
            "dropped: the route matches regardless"
        };
        report(sink, router, key, name, what);
    }
}

fn report(sink: &mut Sink, router: &Object<'_>, key: &Node, name: &str, what: &str) {
    let path = router.doc.path_at(key.span());
    sink.report(
        router.doc,
        key.span(),
        if name == "queryParams" {
            format!("the OpenSergo control plane loses the parameter names of `{path}`")
        } else {
            format!("the OpenSergo control plane ignores `{path}`")
        },
    )
    .label(what.to_string())
    .help("the control plane converts only route matches on headers and the destinations; Istio-compatible data planes do honour this field");
}
