//! OS2009 data-source-not-found.

use super::prelude::*;
use crate::lint::inline;
use crate::suggest::closest;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2009",
        "data-source-not-found",
        Error,
        "A database governance object names a data source that no DatabaseEndpoint (or DatabaseDiscovery) of its namespace defines.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Checks the data sources database governance objects point at:
ReadWriteSplitting `writeDataSourceName` / `readDataSourceNames`, Shadow
`sourceDataSourceName` / `shadowDataSourceName`, DatabaseDiscovery
`dataSourceNames` and the data sources a Sharding table's
`actualDataNodes` (or `actualDataSources`) expand to (`ds_${0..1}` is
`ds_0` and `ds_1`) must be DatabaseEndpoints of the namespace (a Sharding
table may also use a ReadWriteSplitting or DatabaseDiscovery data
source). A dynamic ReadWriteSplitting's `autoAwareDataSourceName` must be
a data source of a DatabaseDiscovery.

## Why is this bad
Queries routed to a data source that does not exist fail at run time, or
the governance rule refuses to load. The spec's database page has this
bug: its ReadWriteSplitting reads from `read_ds_0` and `read_ds_1` while
its DatabaseEndpoints are `write_ds`, `ds_0` and `ds_1`.

## Example
```yaml
kind: DatabaseEndpoint
metadata: {name: ds_0}
---
kind: ReadWriteSplitting
metadata: {name: readwrite}
spec:
  rules:
    staticStrategy:
      writeDataSourceName: write_ds          # no such DatabaseEndpoint
      readDataSourceNames: [ds_0]
```

## How to fix
Define the DatabaseEndpoint, or correct the name.
"#;

const ENDPOINT: &[&str] = &["DatabaseEndpoint"];

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    let endpoint_refs: &[(&str, &[&str])] = &[
        (
            "ReadWriteSplitting",
            &["spec", "rules", "staticStrategy", "writeDataSourceName"],
        ),
        (
            "ReadWriteSplitting",
            &["spec", "rules", "staticStrategy", "readDataSourceNames"],
        ),
        (
            "Shadow",
            &["spec", "dataSources", "*", "sourceDataSourceName"],
        ),
        (
            "Shadow",
            &["spec", "dataSources", "*", "shadowDataSourceName"],
        ),
        (
            "DatabaseDiscovery",
            &["spec", "dataSources", "*", "dataSourceNames"],
        ),
    ];
    for (kind, pattern) in endpoint_refs {
        for object in set.of_kind(kind) {
            for found in read::select(&object.doc.root, pattern) {
                for node in read::names(found.node) {
                    endpoint(
                        set,
                        sink,
                        object,
                        node,
                        node.as_str().unwrap_or_default(),
                        None,
                    );
                }
            }
        }
    }
    for object in set.of_kind("Sharding") {
        sharding(set, sink, object);
    }
    for object in set.of_kind("ReadWriteSplitting") {
        auto_aware(set, sink, object);
    }
}

fn endpoint(
    set: &RuleSet<'_>,
    sink: &mut Sink,
    object: &Object<'_>,
    node: &Node,
    name: &str,
    from: Option<&str>,
) {
    if name.is_empty() {
        return;
    }
    super::check_reference(
        set,
        sink,
        &Reference {
            doc: object.doc,
            node,
            name,
            from,
            what: "data source",
            kind: Some("DatabaseEndpoint"),
            family: ENDPOINT,
            scope: Scope::Namespace(object.ns()),
            consequence: "Statements routed to it fail.",
        },
    );
}

/// Data sources a DatabaseDiscovery of `ns` defines (keys of
/// `spec.dataSources` holding a mapping), and the objects' own names.
fn discovery_sources<'a>(set: &RuleSet<'a>, ns: &str) -> Vec<&'a str> {
    let mut names = Vec::new();
    for &id in set.in_scope(Scope::Namespace(ns), "DatabaseDiscovery") {
        let object = set.object(id);
        names.push(object.name());
        if let Some(sources) = object.doc.root.get_path(&["spec", "dataSources"]) {
            names.extend(
                sources
                    .as_map()
                    .iter()
                    .filter(|(_, v)| !v.as_map().is_empty())
                    .filter_map(|(k, _)| k.as_str()),
            );
        }
    }
    names
}

fn sharding(set: &RuleSet<'_>, sink: &mut Sink, object: &Object<'_>) {
    let patterns: [&[&str]; 3] = [
        &["spec", "tables", "*", "actualDataNodes"],
        &["spec", "autoTables", "*", "actualDataNodes"],
        &["spec", "autoTables", "*", "actualDataSources"],
    ];
    let scope = Scope::Namespace(object.ns());
    let discovery = discovery_sources(set, object.ns());
    for pattern in patterns {
        for found in read::select(&object.doc.root, pattern) {
            let Some(expression) = found.node.as_str() else {
                continue;
            };
            let Some(names) = inline::data_sources(expression) else {
                continue;
            };
            for name in names {
                let known = [
                    "DatabaseEndpoint",
                    "ReadWriteSplitting",
                    "DatabaseDiscovery",
                ]
                .iter()
                .any(|kind| !set.named(scope, kind, &name).is_empty())
                    || discovery.contains(&name.as_str());
                if !known {
                    endpoint(set, sink, object, found.node, &name, Some(expression));
                }
            }
        }
    }
}

fn auto_aware(set: &RuleSet<'_>, sink: &mut Sink, object: &Object<'_>) {
    let path = [
        "spec",
        "rules",
        "dynamicStrategy",
        "autoAwareDataSourceName",
    ];
    let Some(node) = object.doc.root.get_path(&path) else {
        return;
    };
    let Some(name) = node.as_str().filter(|s| !s.is_empty()) else {
        return;
    };
    let known = discovery_sources(set, object.ns());
    if known.contains(&name) {
        return;
    }
    let help = closest(name, known.iter().copied())
        .map(|c| format!("did you mean `{c}`? "))
        .unwrap_or_default();
    sink.report(
        object.doc,
        node.span(),
        format!(
            "data source `{name}` not found: no DatabaseDiscovery of namespace `{}` defines it",
            object.ns()
        ),
    )
    .label(format!("no discovered data source `{name}`"))
    .help(format!(
        "{help}dynamic read/write splitting reads its primary and replicas from a DatabaseDiscovery `spec.dataSources` entry of that name"
    ));
}
