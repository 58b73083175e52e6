//! OS5011 inert-circuit-breaker.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5011",
        "inert-circuit-breaker",
        Warning,
        "A policy.opensergo.io CircuitBreaker that can never open, or that opens on every interval.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds policy.opensergo.io CircuitBreakers that count no request as
abnormal (neither `config.slowRequest` nor `config.errorRequest`, or an
`errorRequest` with no `conditions`), and ones with
`config.abnormalPercent: 0`.

## Why is this bad
The schema accepts both. A breaker that counts nothing as abnormal can
never open: it protects nothing. A breaker whose threshold is 0% of
abnormal requests opens as soon as `minRequests` requests arrive in an
interval, whatever they return, so it opens again after every recovery
and the route is cut off for good.

## Example
```yaml
kind: CircuitBreaker
spec:
  config:
    errorRequest: {conditions: []}    # no error counts: never opens
    abnormalPercent: 50
---
kind: CircuitBreaker
spec:
  config:
    slowRequest: {latency: 1s}
    abnormalPercent: 0                # opens on every busy interval
```

## How to fix
Say which requests are abnormal (`slowRequest.latency` or
`errorRequest.conditions`) and give the percent of them that should
open the breaker.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for object in set.of_kind("CircuitBreaker") {
        let Some(config) = object.spec().and_then(|s| s.get("config")) else {
            continue;
        };
        let conditions = config.get_path(&["errorRequest", "conditions"]);
        let counts_nothing = match (config.get("slowRequest"), config.get("errorRequest")) {
            (None, None) => Some(read::head(config)),
            (None, Some(error)) if conditions.is_none_or(|c| c.as_seq().is_empty()) => {
                Some(conditions.map_or(read::head(error), |c| c.span()))
            }
            _ => None,
        };
        if let Some(span) = counts_nothing {
            sink.report(
                object.doc,
                span,
                format!(
                    "CircuitBreaker `{}` counts no request as abnormal: it can never open",
                    object.name()
                ),
            )
            .label("nothing is abnormal")
            .help("set `slowRequest.latency` or `errorRequest.conditions`");
        }
        if let Some(percent) = config.get("abnormalPercent")
            && read::number(percent) == Some(0.0)
        {
            sink.report(
                object.doc,
                percent.span(),
                format!(
                    "CircuitBreaker `{}` has abnormalPercent 0: it opens whenever minRequests requests arrive, so it never stays closed",
                    object.name()
                ),
            )
            .label("0% abnormal opens it")
            .help("give the percent of abnormal requests that should open the breaker, e.g. 50");
        }
    }
}
