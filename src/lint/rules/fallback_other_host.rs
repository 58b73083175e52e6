//! OS4009 fallback-other-host.

use super::prelude::*;
use crate::lint::index::short_host;

pub const RULE: Rule = Rule::new(
    code!(
        "OS4009",
        "fallback-other-host",
        Info,
        "A destination falls back to another host.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds `destination.fallback` entries whose `host` differs from the
destination's host.

## Why is this bad
OpenSergo's fallback is meant to pick another subset of the same service
when the chosen subset has no instance. Falling back to another service
is legal but unusual: requests may reach an API that does not serve them.

## Example
```yaml
destination:
  host: reviews
  subset: v2
  fallback:
    host: ratings        # another service
    subset: v1
```

## How to fix
Use the destination's host with a fallback subset, unless sending the
traffic to another service is intended (then suppress the finding).
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for router in set.of_kind("TrafficRouter") {
        for destination in super::destinations(router) {
            let Some(fallback) = destination.node.get("fallback") else {
                continue;
            };
            let (Some(to), Some(from)) = (
                fallback
                    .get("host")
                    .filter(|n| n.as_str().is_some_and(|h| !h.is_empty())),
                read::text(destination.node, &["host"]),
            ) else {
                continue;
            };
            let target = to.as_str().unwrap_or_default();
            if short_host(target, router.ns()) == short_host(from, router.ns()) {
                continue;
            }
            sink.report(
                router.doc,
                to.span(),
                format!("destination `{from}` falls back to another host, `{target}`"),
            )
            .label("another host")
            .help("a fallback normally picks another subset of the same host; make sure the other service can serve these requests");
        }
    }
}
