//! OS4008 fallback-same-as-destination.

use super::prelude::*;
use crate::lint::index::short_host;

pub const RULE: Rule = Rule::new(
    code!(
        "OS4008",
        "fallback-same-as-destination",
        Warning,
        "A destination's fallback is the destination itself.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds `destination.fallback` entries whose host and subset are those of
the destination they belong to.

## Why is this bad
The fallback is used when the destination's subset has no instance;
falling back to the same subset changes nothing, so the route has no
fallback at all. Usually a copy-paste that was meant to name another
subset.

## Example
```yaml
destination:
  host: reviews
  subset: v2
  fallback:
    host: reviews
    subset: v2          # meant v1
```

## How to fix
Point the fallback at another subset (typically the stable one), or
remove it.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for router in set.of_kind("TrafficRouter") {
        for destination in super::destinations(router) {
            let Some((key, fallback)) = destination.node.entry("fallback") else {
                continue;
            };
            let host = |n: &Node| read::text(n, &["host"]).map(|h| short_host(h, router.ns()));
            if host(fallback).is_none()
                || host(fallback) != host(destination.node)
                || read::text(fallback, &["subset"]) != read::text(destination.node, &["subset"])
            {
                continue;
            }
            sink.report(
                router.doc,
                key.span(),
                format!(
                    "the fallback of `{}` is the destination itself",
                    read::text(destination.node, &["host"]).unwrap_or_default()
                ),
            )
            .label("same host and subset")
            .help("a fallback is used when the destination's subset has no instance: name another subset, or remove it");
        }
    }
}
