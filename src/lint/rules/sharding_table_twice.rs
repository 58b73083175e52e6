//! OS3006 sharding-table-twice.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS3006",
        "sharding-table-twice",
        Error,
        "A logical table is configured in both `tables` and `autoTables` of a Sharding.",
        DOCS
    ),
    category::CONFLICT,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds logical tables that a `Sharding` object lists both under `tables`
(manual sharding) and under `autoTables` (automatic sharding).

## Why is this bad
A table is sharded one way or the other. ShardingSphere, whose rule
format the database governance spec follows, refuses such a rule, and a
reader cannot tell which data nodes the table really has.

## Example
```yaml
kind: Sharding
spec:
  tables:
    t_order: {actualDataNodes: "ds_${0..1}.t_order_${0..1}"}
  autoTables:
    t_order: {actualDataSources: "ds_0,ds_1"}
```

## How to fix
Keep the table in one of the two maps.
"#;

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for sharding in set.of_kind("Sharding") {
        let Some(spec) = sharding.spec() else {
            continue;
        };
        let (Some(tables), Some(auto)) = (spec.get("tables"), spec.get("autoTables")) else {
            continue;
        };
        for (auto_key, _) in auto.as_map() {
            let Some(table) = auto_key.key_text() else {
                continue;
            };
            let Some((manual_key, _)) = tables.entry(&table) else {
                continue;
            };
            sink.report(
                sharding.doc,
                auto_key.span(),
                format!("table `{table}` is in both `tables` and `autoTables`"),
            )
            .label("also sharded automatically here")
            .related(sharding.doc, manual_key.span(), "sharded manually here")
            .help("a logical table is sharded one way: keep it in `tables` or in `autoTables`");
        }
    }
}
