//! OS5001 zero-limit.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5001",
        "zero-limit",
        Warning,
        "A rate limit threshold or a max concurrency of 0 blocks every request.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds RateLimitStrategies with `threshold: 0` and
ConcurrencyLimitStrategies with `maxConcurrency: 0`, and their
policy.opensergo.io counterparts: RateLimits with `config.limit: 0` and
ConcurrencyLimits with `config.maxConcurrency: 0`.

## Why is this bad
The schema allows 0, but a limit of 0 lets no request through: every
resource the strategy is bound to is blocked. That is sometimes meant as
a kill switch, far more often a placeholder left in place.

## Example
```yaml
kind: RateLimitStrategy
spec:
  metricType: RequestAmount
  limitMode: Local
  threshold: 0             # blocks everything
  statDurationSeconds: 1
```

## How to fix
Set the limit you mean; for an intentional kill switch, suppress the
finding with a reason (`# opensergo:ignore OS5001 kill switch`).
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for (kind, path) in [
        ("RateLimitStrategy", &["threshold"][..]),
        ("ConcurrencyLimitStrategy", &["maxConcurrency"]),
        ("RateLimit", &["config", "limit"]),
        ("ConcurrencyLimit", &["config", "maxConcurrency"]),
    ] {
        let field = path.join(".");
        for object in set.of_kind(kind) {
            let Some(node) = object.spec().and_then(|s| s.get_path(path)) else {
                continue;
            };
            if read::number(node) != Some(0.0) {
                continue;
            }
            sink.report(
                object.doc,
                node.span(),
                format!("{kind} `{}` has {field} 0: it blocks every request", object.name()),
            )
            .path(FieldPath::keys(&[&["spec"][..], path].concat()))
            .label("lets nothing through")
            .help("set the limit you mean; for an intentional kill switch, suppress this finding with a reason");
        }
    }
}
