//! OS5010 shadow-source-is-shadow.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5010",
        "shadow-source-is-shadow",
        Error,
        "A Shadow data source sends shadow traffic to its own production source.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds `Shadow` data sources whose `shadowDataSourceName` is the same
DatabaseEndpoint as their `sourceDataSourceName`.

## Why is this bad
Shadow (full-link stress testing) routes test writes to a separate shadow
database so they never touch production data. With both names equal, the
"shadow" writes land in the production database.

## Example
```yaml
kind: Shadow
spec:
  dataSources:
    shadowDataSource:
      sourceDataSourceName: ds
      shadowDataSourceName: ds      # meant ds-shadow
```

## How to fix
Point `shadowDataSourceName` at the shadow DatabaseEndpoint.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for shadow in set.of_kind("Shadow") {
        let Some(sources) = shadow.spec().and_then(|s| s.get("dataSources")) else {
            continue;
        };
        for (name, source) in sources.as_map() {
            let (Some((_, production)), Some((_, target))) = (
                source.entry("sourceDataSourceName"),
                source.entry("shadowDataSourceName"),
            ) else {
                continue;
            };
            let Some(endpoint) = production.as_str().filter(|p| !p.is_empty()) else {
                continue;
            };
            if target.as_str() != Some(endpoint) {
                continue;
            }
            sink.report(
                shadow.doc,
                target.span(),
                format!(
                    "shadow data source `{}` writes to its production source `{endpoint}`",
                    name.key_text().unwrap_or_default()
                ),
            )
            .label("same DatabaseEndpoint as the source")
            .related(shadow.doc, production.span(), "the production source")
            .help("shadow traffic must go to a separate database: name the shadow DatabaseEndpoint here");
        }
    }
}
