//! OS4001 unreachable-route.

use super::prelude::*;
use crate::lint::routes;

pub const RULE: Rule = Rule::new(
    code!(
        "OS4001",
        "unreachable-route",
        Warning,
        "An HTTP route comes after a route that matches every request.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds `spec.http[]` routes of a TrafficRouter that come after a
catch-all route: one without `match`, or with a `match` entry that has no
condition (or only always-true ones such as `uri: {prefix: /}`).

## Why is this bad
Routes are tried in order and the first match wins: nothing reaches a
route after a catch-all. It usually means the default route was written
first.

## Example
```yaml
spec:
  http:
    - route: [{destination: {host: reviews, subset: v1}}]     # catch-all
    - match: [{headers: {tag: {exact: v2}}}]                 # never used
      route: [{destination: {host: reviews, subset: v2}}]
```

## How to fix
Move the catch-all route to the end of `http`.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for (router, all) in set.http_routes() {
        let Some(catch_all) = routes::first_catch_all(all) else {
            continue;
        };
        for route in &all[catch_all.index + 1..] {
            sink.report(
                router.doc,
                read::head(route.node),
                format!(
                    "route {} is unreachable: {} before it matches every request",
                    route.label(),
                    catch_all.label()
                ),
            )
            .path(route.path())
            .label("never reached")
            .related(router.doc, catch_all.span(), "this route matches every request")
            .help("routes are tried in order and the first match wins: move the catch-all route to the end");
        }
    }
}
