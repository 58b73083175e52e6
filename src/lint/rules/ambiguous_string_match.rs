//! OS4006 ambiguous-string-match.

use super::prelude::*;
use crate::lint::routes;

pub const RULE: Rule = Rule::new(
    code!(
        "OS4006",
        "ambiguous-string-match",
        Warning,
        "A string match sets more than one of exact, prefix and regex; only one is used.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds StringMatch objects in TrafficRouter matches (`uri`, `scheme`,
`method`, `authority`, each header, query parameter and `withoutHeaders`
entry, `corsPolicy.allowOrigins`) that set two or three of `exact`,
`prefix` and `regex`.

## Why is this bad
Istio's StringMatch is a oneof, but OpenSergo's CRD copy has three plain
fields, so the API server accepts all three. The control plane then uses
`exact` if set, else `prefix`, else `regex`, and ignores the rest: the
request match is narrower (or different) than it reads.

## Example
```yaml
match:
  - uri:
      prefix: /api
      regex: '/api/v[0-9]+/.*'       # ignored: prefix wins
```

## How to fix
Keep exactly one of `exact`, `prefix` and `regex`.
"#;

const ORDER: [&str; 3] = ["exact", "prefix", "regex"];

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for router in set.of_kind("TrafficRouter") {
        for found in routes::string_matches(&router.doc.root) {
            let set_fields: Vec<(&Node, &str)> = ORDER
                .iter()
                .filter_map(|f| found.node.entry(f).map(|(k, _)| (k, *f)))
                .collect();
            let [(_, used), ignored @ ..] = set_fields.as_slice() else {
                continue;
            };
            for (key, field) in ignored {
                let path = router.doc.path_at(found.node.span());
                sink.report(
                    router.doc,
                    key.span(),
                    format!("`{path}` sets `{used}` and `{field}`: `{field}` is ignored"),
                )
                .label("ignored")
                .help(
                    "the control plane uses `exact`, else `prefix`, else `regex`: keep exactly one",
                );
            }
        }
    }
}
