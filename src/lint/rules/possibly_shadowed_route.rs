//! OS4003 possibly-shadowed-route.

use super::prelude::*;
use crate::lint::routes::{self, Cover};

pub const RULE: Rule = Rule::new(
    code!(
        "OS4003",
        "possibly-shadowed-route",
        Info,
        "An HTTP route may be shadowed by earlier routes, depending on regular expressions lint cannot compare.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Like `shadowed-route`, but for the cases lint cannot decide: an earlier
`match` entry would cover a later one if a regular expression matches
every string of a prefix, or everything another regular expression
matches. Reported as information.

## Why is this bad
If the regular expressions do overlap that way, the later route never
matches. Worth a look; often fine.

## Example
```yaml
spec:
  http:
    - match: [{uri: {regex: '/api/.*'}}]
      route: [...]
    - match: [{uri: {prefix: /api/v2}}]      # taken by the regex above
      route: [...]
```

## How to fix
Order routes from the most specific match to the most general, or
suppress the finding when the expressions do not overlap.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for (router, all) in set.http_routes() {
        let reachable = routes::reachable(all);
        for (i, route) in reachable.iter().enumerate() {
            let (cover, by) = routes::shadowing(&reachable[..i], route);
            if cover != Cover::Unknown {
                continue;
            }
            super::report_shadowed(
                sink,
                router,
                route,
                &by,
                |names| {
                    format!(
                        "route {} may never match: earlier routes ({}) may take every request it would, depending on their regular expressions",
                        route.label(),
                        names
                    )
                },
                "possibly shadowed",
                "lint does not compare regular expressions with prefixes or other expressions: check the overlap, or put the more specific route first",
            );
        }
    }
}
