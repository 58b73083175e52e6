//! OS6001 limit-mode-ignored.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS6001",
        "limit-mode-ignored",
        Info,
        "Runtime compatibility: Sentinel ignores limitMode Global (and GlobalToLocal) and limits per instance.",
        DOCS
    ),
    category::RUNTIME_COMPAT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds RateLimitStrategies and ConcurrencyLimitStrategies with
`limitMode: Global` (or the spec-only `GlobalToLocal`). A runtime
compatibility note: the rule set is valid, but the known data plane does
not do what it says.

## Why is this bad
Sentinel's OpenSergo datasource always builds local flow rules
(`clusterMode: false`; cluster limiting is a TODO), so a "cluster-wide
10 requests per second" becomes 10 per second *per instance*: with 20
instances, 200 per second get through. (The control plane also loses the
mode on the way: it sends `MODE_UNKNOWN`.)

## Example
```yaml
kind: RateLimitStrategy
spec:
  limitMode: Global
  threshold: 10
```

## How to fix
Nothing to fix in the file if another data plane enforces global limits;
with Sentinel, size `threshold` per instance and write `limitMode: Local`
to say so.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for kind in ["RateLimitStrategy", "ConcurrencyLimitStrategy"] {
        for object in set.of_kind(kind) {
            let Some(node) = object.spec().and_then(|s| s.get("limitMode")) else {
                continue;
            };
            let Some(mode) = node
                .as_str()
                .filter(|m| matches!(*m, "Global" | "GlobalToLocal"))
            else {
                continue;
            };
            sink.report(
                object.doc,
                node.span(),
                format!("Sentinel ignores `limitMode: {mode}` and applies {kind} `{}` per instance", object.name()),
            )
            .path(FieldPath::keys(&["spec", "limitMode"]))
            .label("treated as Local")
            .help("Sentinel's OpenSergo datasource builds local flow rules only: size the limit per instance, or use a data plane with cluster limiting");
        }
    }
}
