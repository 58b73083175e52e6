//! OS3007 conflicting-route-limits.

use std::collections::BTreeMap;

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS3007",
        "conflicting-route-limits",
        Warning,
        "Two policy.opensergo.io RateLimits (or ConcurrencyLimits) with different settings select one route.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Groups the policy.opensergo.io RateLimits, and separately the
ConcurrencyLimits, of each namespace by the routes their
`spec.selector.routes` name (no `routes`: every route), and reports a
route that two of them select with different `spec.config` (limit,
burst, interval, scope; max concurrency). Objects whose
`selector.workloads` cannot select the same workload (they give one
label different values) do not conflict.

## Why is this bad
Both limits apply to the route, so one of them is dead configuration:
the stricter one decides, and which that is depends on the data plane,
not on what a reader of either file believes.

## Example
```yaml
kind: RateLimit
metadata: {name: login-50}
spec:
  selector: {routes: [{name: login}]}
  config: {limit: 50, interval: 1s}
---
kind: RateLimit
metadata: {name: login-10}
spec:
  selector: {routes: [{name: login}]}
  config: {limit: 10, interval: 1s}     # conflicts with login-50
```

## How to fix
Keep one limit per route and workload, or narrow the selectors
(`routes`, `workloads`) so they do not overlap.
"#;

/// What one object selects: route names (empty: every route) and
/// workload label sets (empty: every workload).
struct Selected<'a> {
    object: &'a Object<'a>,
    routes: Vec<&'a str>,
    workloads: Vec<BTreeMap<String, String>>,
    config: serde_json::Value,
}

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for kind in ["RateLimit", "ConcurrencyLimit"] {
        let selected: Vec<Selected<'_>> = set.of_kind(kind).map(selected).collect();
        // Per (namespace, route; `None`: every route), the first object of
        // each distinct (config, workloads): a later object is compared
        // with these only, so many equal objects stay linear.
        let mut seen: BTreeMap<(&str, Option<&str>), Vec<usize>> = BTreeMap::new();
        for (i, later) in selected.iter().enumerate() {
            let ns = later.object.ns();
            let keys: Vec<(&str, Option<&str>)> = if later.routes.is_empty() {
                seen.range((ns, None)..)
                    .take_while(|(k, _)| k.0 == ns)
                    .map(|(k, _)| *k)
                    .collect()
            } else {
                later
                    .routes
                    .iter()
                    .map(|r| (ns, Some(*r)))
                    .chain([(ns, None)])
                    .collect()
            };
            let conflict = keys
                .iter()
                .flat_map(|k| seen.get(k).into_iter().flatten())
                .map(|&e| &selected[e])
                .find(|e| {
                    e.config != later.config && workloads_overlap(&e.workloads, &later.workloads)
                });
            if let Some(earlier) = conflict {
                report(sink, kind, earlier, later);
            }
            let own: Vec<(&str, Option<&str>)> = if later.routes.is_empty() {
                vec![(ns, None)]
            } else {
                later.routes.iter().map(|r| (ns, Some(*r))).collect()
            };
            for key in own {
                let firsts = seen.entry(key).or_default();
                let new = firsts.iter().all(|&e| {
                    selected[e].config != later.config || selected[e].workloads != later.workloads
                });
                if new {
                    firsts.push(i);
                }
            }
        }
    }
}

fn report(sink: &mut Sink, kind: &str, earlier: &Selected<'_>, later: &Selected<'_>) {
    let route = shared_route(earlier, later).unwrap_or_else(|| "a route".to_string());
    let at = later
        .object
        .spec()
        .and_then(|s| s.get("config"))
        .map_or(later.object.name_span(), read::head);
    sink.report(
        later.object.doc,
        at,
        format!(
            "{kind}s `{}` and `{}` both select {route} with different settings",
            earlier.object.name(),
            later.object.name()
        ),
    )
    .label(format!("differs from `{}`", earlier.object.name()))
    .related(
        earlier.object.doc,
        earlier.object.name_span(),
        format!("`{}` selects it too", earlier.object.name()),
    )
    .help("both limits apply, so one of them is dead configuration: keep one per route, or narrow the selectors");
}

fn selected<'a>(object: &'a Object<'a>) -> Selected<'a> {
    let selector = object.spec().and_then(|s| s.get("selector"));
    let routes = selector
        .and_then(|s| s.get("routes"))
        .map(|r| {
            r.as_seq()
                .iter()
                .filter_map(|route| read::text(route, &["name"]))
                .collect()
        })
        .unwrap_or_default();
    let workloads = selector
        .and_then(|s| s.get("workloads"))
        .map(|w| {
            w.as_seq()
                .iter()
                .map(|workload| {
                    workload
                        .get("labels")
                        .map(|labels| {
                            labels
                                .as_map()
                                .iter()
                                .filter_map(|(k, v)| {
                                    Some((k.key_text()?.into_owned(), v.key_text()?.into_owned()))
                                })
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    let config = object
        .spec()
        .and_then(|s| s.get("config"))
        .map_or(serde_json::Value::Null, Node::to_json);
    Selected {
        object,
        routes,
        workloads,
        config,
    }
}

/// The first route both select, for the message.
fn shared_route(a: &Selected<'_>, b: &Selected<'_>) -> Option<String> {
    match (a.routes.is_empty(), b.routes.is_empty()) {
        (true, true) => Some("every route".to_string()),
        (true, false) => Some(format!("route `{}`", b.routes[0])),
        (false, true) => Some(format!("route `{}`", a.routes[0])),
        (false, false) => a
            .routes
            .iter()
            .find(|r| b.routes.contains(r))
            .map(|r| format!("route `{r}`")),
    }
}

/// Whether some workload both selectors can pick: no selector means every
/// workload; two label sets clash when they give one label two values.
fn workloads_overlap(a: &[BTreeMap<String, String>], b: &[BTreeMap<String, String>]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.iter().all(|(k, v)| y.get(k).is_none_or(|w| w == v)))
    })
}
