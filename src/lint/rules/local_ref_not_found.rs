//! OS2010 local-ref-not-found.

use super::prelude::*;
use crate::lint::refs::report_undefined_local;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2010",
        "local-ref-not-found",
        Error,
        "A database governance object names a load balancer, algorithm, key generator, encryptor, table or data source it does not define itself.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Checks the names a database governance object resolves inside itself:
ReadWriteSplitting `loadBalancerName` → `rules.loadBalancers[]`; Sharding
`shardingAlgorithmName` / `shardingAlgorithm` → `shardingAlgorithms`,
`keyGeneratorName` → `keyGenerators`, `bindingTables` entries → `tables` /
`autoTables`; Encryption `encryptorName` → `encryptors`; Shadow table
`dataSourceNames` → `dataSources`, `shadowAlgorithmNames` and
`defaultShadowAlgorithmName` → `shadowAlgorithms`; DatabaseDiscovery
`discoveryHeartbeatName` → `discoveryHeartbeats`, `discoveryTypeName` →
`discoveryTypes`.

## Why is this bad
ShardingSphere-style rules refuse to load when a named algorithm or
encryptor is missing, so the whole object is rejected; or a table is
routed without the sharding or encryption it was meant to get.

## Example
```yaml
kind: Encryption
spec:
  encryptors:
    aes_encryptor: {type: AES}
  tables:
    t_user:
      columns:
        phone: {cipherColumn: phone_cipher, encryptorName: aes-encryptor}   # `-` vs `_`
```

## How to fix
Use the key exactly as the object defines it, or add the definition.
"#;

/// One kind of in-object reference.
struct Local {
    kind: &'static str,
    refs: Vec<Vec<&'static str>>,
    /// Where the names are defined: a pattern ending in `*` defines the
    /// mapping's keys, any other pattern the string values it selects.
    defined: Vec<Vec<&'static str>>,
    what: &'static str,
    section: &'static str,
}

fn locals() -> Vec<Local> {
    let mut algorithm_refs = Vec::new();
    for kind in ["standard", "complex", "hint"] {
        for field in ["shardingAlgorithmName", "shardingAlgorithm"] {
            for strategy in ["databaseStrategy", "tableStrategy"] {
                algorithm_refs.push(vec!["spec", "tables", "*", strategy, kind, field]);
            }
            algorithm_refs.push(vec![
                "spec",
                "autoTables",
                "*",
                "shardingStrategy",
                kind,
                field,
            ]);
            for strategy in ["defaultDatabaseStrategy", "defaultTableStrategy"] {
                algorithm_refs.push(vec!["spec", strategy, kind, field]);
            }
        }
    }
    let encryptor_refs = [
        "encryptorName",
        "assistedQueryEncryptorName",
        "likeQueryEncryptorName",
    ]
    .iter()
    .map(|f| vec!["spec", "tables", "*", "columns", "*", f])
    .collect();
    vec![
        Local {
            kind: "ReadWriteSplitting",
            refs: vec![
                vec!["spec", "rules", "staticStrategy", "loadBalancerName"],
                vec!["spec", "rules", "dynamicStrategy", "loadBalancerName"],
            ],
            defined: vec![
                vec!["spec", "rules", "loadBalancers", "[]", "loadBalancerName"],
                vec!["spec", "loadBalancers", "[]", "loadBalancerName"],
            ],
            what: "load balancer",
            section: "rules.loadBalancers",
        },
        Local {
            kind: "Sharding",
            refs: algorithm_refs,
            defined: vec![vec!["spec", "shardingAlgorithms", "*"]],
            what: "sharding algorithm",
            section: "shardingAlgorithms",
        },
        Local {
            kind: "Sharding",
            refs: vec![
                vec![
                    "spec",
                    "tables",
                    "*",
                    "keyGenerateStrategy",
                    "keyGeneratorName",
                ],
                vec![
                    "spec",
                    "autoTables",
                    "*",
                    "keyGenerateStrategy",
                    "keyGeneratorName",
                ],
                vec!["spec", "defaultKeyGenerateStrategy", "keyGeneratorName"],
            ],
            defined: vec![vec!["spec", "keyGenerators", "*"]],
            what: "key generator",
            section: "keyGenerators",
        },
        Local {
            kind: "Encryption",
            refs: encryptor_refs,
            defined: vec![vec!["spec", "encryptors", "*"]],
            what: "encryptor",
            section: "encryptors",
        },
        Local {
            kind: "Shadow",
            refs: vec![vec!["spec", "tables", "*", "dataSourceNames"]],
            defined: vec![vec!["spec", "dataSources", "*"]],
            what: "shadow data source",
            section: "dataSources",
        },
        Local {
            kind: "Shadow",
            refs: vec![
                vec!["spec", "tables", "*", "shadowAlgorithmNames"],
                vec!["spec", "defaultShadowAlgorithmName"],
            ],
            defined: vec![vec!["spec", "shadowAlgorithms", "*"]],
            what: "shadow algorithm",
            section: "shadowAlgorithms",
        },
        Local {
            kind: "DatabaseDiscovery",
            refs: vec![
                vec!["spec", "dataSources", "*", "discoveryHeartbeatName"],
                vec!["spec", "dataSources", "discoveryHeartbeatName"],
            ],
            defined: vec![vec!["spec", "discoveryHeartbeats", "*"]],
            what: "discovery heartbeat",
            section: "discoveryHeartbeats",
        },
        Local {
            kind: "DatabaseDiscovery",
            refs: vec![
                vec!["spec", "dataSources", "*", "discoveryTypeName"],
                vec!["spec", "dataSources", "discoveryTypeName"],
            ],
            defined: vec![vec!["spec", "discoveryTypes", "*"]],
            what: "discovery type",
            section: "discoveryTypes",
        },
    ]
}

/// The names `patterns` define in `root`.
fn defined<'a>(root: &'a Node, patterns: &[Vec<&str>]) -> Vec<&'a str> {
    let mut names = Vec::new();
    for pattern in patterns {
        let keys = pattern.last() == Some(&"*");
        for found in read::select(root, pattern) {
            let name = if keys {
                found.key.and_then(Node::as_str)
            } else {
                found.node.as_str()
            };
            names.extend(name);
        }
    }
    names
}

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for local in locals() {
        for object in set.of_kind(local.kind) {
            let root = &object.doc.root;
            let names = defined(root, &local.defined);
            for pattern in &local.refs {
                for found in read::select(root, pattern) {
                    for node in read::names(found.node) {
                        report_undefined_local(
                            sink,
                            object.doc,
                            node,
                            &names,
                            local.what,
                            local.section,
                        );
                    }
                }
            }
        }
    }
    for object in set.of_kind("Sharding") {
        binding_tables(sink, object);
    }
}

/// `bindingTables: ["t_order,t_order_item"]`: every table must be a
/// logical table of `tables` or `autoTables`.
fn binding_tables(sink: &mut Sink, object: &Object<'_>) {
    let root = &object.doc.root;
    let tables = defined(
        root,
        &[vec!["spec", "tables", "*"], vec!["spec", "autoTables", "*"]],
    );
    for found in read::select(root, &["spec", "bindingTables", "[]"]) {
        let Some(text) = found.node.as_str() else {
            continue;
        };
        for table in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            if tables.contains(&table) {
                continue;
            }
            let span = sub_span(object, found.node, table);
            let node = Node::new(span, crate::yaml::Value::String(table.into()), true);
            report_undefined_local(sink, object.doc, &node, &tables, "binding table", "tables");
        }
    }
}

/// The span of `needle` inside a scalar's source text, or the scalar's.
fn sub_span(object: &Object<'_>, node: &Node, needle: &str) -> crate::source::Span {
    let text = &object.doc.source.text;
    text.get(node.span().start..node.span().end)
        .and_then(|s| s.find(needle))
        .map_or(node.span(), |at| {
            let start = node.span().start + at;
            crate::source::Span::new(start, start + needle.len())
        })
}
