//! OS4002 shadowed-route.

use super::prelude::*;
use crate::lint::routes::{self, Cover};

pub const RULE: Rule = Rule::new(
    code!(
        "OS4002",
        "shadowed-route",
        Warning,
        "Every request an HTTP route matches is already taken by earlier routes.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds a `spec.http[]` route each of whose `match` entries is covered by a
`match` entry of an earlier route: the earlier entry tests a subset of
the same fields, each at least as broadly (`prefix: /api` covers
`prefix: /api/v1` and `exact: /api/x`; `exact` covers only the same
value; a regex covers an exact value it matches). Routes whose entries
are all identical to earlier ones are reported as
`duplicate-route-match` instead; coverage that depends on comparing
regular expressions is reported as `possibly-shadowed-route`.

## Why is this bad
The first matching route wins, so the later route never receives
traffic: the canary or header route it describes does not exist in
practice.

## Example
```yaml
spec:
  http:
    - match: [{uri: {prefix: /api}}]
      route: [{destination: {host: api, subset: v1}}]
    - match: [{uri: {prefix: /api/v2}}]            # shadowed by /api
      route: [{destination: {host: api, subset: v2}}]
```

## How to fix
Order routes from the most specific match to the most general.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for (router, all) in set.http_routes() {
        let reachable = routes::reachable(all);
        for (i, route) in reachable.iter().enumerate() {
            let (cover, by) = routes::shadowing(&reachable[..i], route);
            let all_identical = route.matches.iter().all(|m| {
                reachable[..i]
                    .iter()
                    .flat_map(|r| &r.matches)
                    .any(|e| routes::identical(e, m))
            });
            if cover != Cover::Yes || all_identical {
                continue;
            }
            super::report_shadowed(
                sink,
                router,
                route,
                &by,
                |names| {
                    format!(
                        "route {} never matches: earlier routes ({}) take every request it would",
                        route.label(),
                        names
                    )
                },
                "shadowed",
                "the first matching route wins: put the more specific route first",
            );
        }
    }
}
