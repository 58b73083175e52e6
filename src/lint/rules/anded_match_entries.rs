//! OS6004 anded-match-entries.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS6004",
        "anded-match-entries",
        Info,
        "Runtime compatibility: the control plane ANDs the entries of a route's match list, which the spec ORs.",
        DOCS
    ),
    category::RUNTIME_COMPAT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds HTTP routes with two or more `match` entries. A runtime
compatibility note.

## Why is this bad
In TrafficRouter (as in Istio's VirtualService) the entries of `match`
are alternatives: a request matching any of them takes the route. The
OpenSergo control plane flattens the headers of all entries into one
Envoy route match, so a request must match all of them: the route
matches far less than it says, often nothing.

## Example
```yaml
http:
  - match:
      - headers: {tag: {exact: v2}}
      - headers: {tag: {exact: beta}}     # spec: v2 OR beta; control plane: v2 AND beta
    route: [...]
```

## How to fix
With the OpenSergo control plane, write one route per alternative.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for (router, all) in set.http_routes() {
        for route in all {
            if route.matches.len() < 2 {
                continue;
            }
            sink.report(
                router.doc,
                route.span(),
                format!(
                    "route {} has {} match entries: the spec ORs them, the control plane ANDs them",
                    route.label(),
                    route.matches.len()
                ),
            )
            .path(route.path().child("match"))
            .label("alternatives become one AND")
            .help("the control plane merges the headers of every entry into one match: write one route per alternative");
        }
    }
}
