//! OS4004 duplicate-route-match.

use super::prelude::*;
use crate::lint::routes;

pub const RULE: Rule = Rule::new(
    code!(
        "OS4004",
        "duplicate-route-match",
        Warning,
        "A match entry of an HTTP route repeats an earlier one.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds `match` entries that select exactly the same requests as an
earlier entry, of the same route or of an earlier route (field order,
header-name case and always-true tests do not matter).

## Why is this bad
In the same route the duplicate is dead weight; in a later route it
never matches, because the first matching route wins. Usually a
copy-paste that was meant to change a value.

## Example
```yaml
spec:
  http:
    - match: [{headers: {tag: {exact: v2}}}]
      route: [{destination: {host: reviews, subset: v2}}]
    - match: [{headers: {tag: {exact: v2}}}]     # meant v3?
      route: [{destination: {host: reviews, subset: v3}}]
```

## How to fix
Delete the duplicate, or change it to the match you meant.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for (router, all) in set.http_routes() {
        let reachable = routes::reachable(all);
        for (i, route) in reachable.iter().enumerate() {
            for (k, m) in route.matches.iter().enumerate() {
                let earlier = reachable[..i]
                    .iter()
                    .flat_map(|r| r.matches.iter().map(move |e| (r, e)))
                    .chain(route.matches[..k].iter().map(|e| (route, e)));
                let Some((r, first)) = earlier.into_iter().find(|(_, e)| routes::identical(e, m))
                else {
                    continue;
                };
                let same_route = std::ptr::eq(r, route);
                sink.report(
                    router.doc,
                    read::head(m.node),
                    if same_route {
                        format!("match[{}] of route {} repeats match[{}]", m.index, route.label(), first.index)
                    } else {
                        format!(
                            "match[{}] of route {} repeats a match of {}, which takes these requests first",
                            m.index,
                            route.label(),
                            r.label()
                        )
                    },
                )
                .path(route.path().child("match").child(m.index))
                .label("duplicate")
                .related(router.doc, read::head(first.node), "same match here")
                .help("delete the duplicate, or change it to the match you meant");
            }
        }
    }
}
