//! OS2008 database-ref-not-found.

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    code!(
        "OS2008",
        "database-ref-not-found",
        Error,
        "A VirtualDatabase service names a governance object (read/write splitting, sharding, encryption, shadow, transaction) that does not exist.",
        DOCS
    ),
    category::REFERENCE,
    check,
);

pub const DOCS: &str = r#"
## What it does
Checks the references of `spec.services[]` in a VirtualDatabase:
`readWriteSplitting`, `sharding`, `encryption`, `shadow` and
`distributedTransaction` must each name an object of that kind in the
namespace.

## Why is this bad
The application sees the virtual database with none of the governance it
was promised: no read/write splitting, no sharding, plaintext columns
instead of encrypted ones. The spec's own example has this bug: the
VirtualDatabase says `encryption: "encrypt_db"` while the Encryption
object is named `encrypt-db`.

## Example
```yaml
kind: VirtualDatabase
metadata: {name: encrypt_db}
spec:
  services:
    - name: encrypt_db
      encryption: "encrypt_db"       # the Encryption below is encrypt-db
---
kind: Encryption
metadata: {name: encrypt-db}
```

## How to fix
Use the object's exact `metadata.name` (the finding suggests close
names); Kubernetes names cannot contain `_`, so prefer `-` everywhere.
"#;

/// The service fields and the kind each names.
const FIELDS: &[(&str, &str)] = &[
    ("readWriteSplitting", "ReadWriteSplitting"),
    ("sharding", "Sharding"),
    ("encryption", "Encryption"),
    ("shadow", "Shadow"),
    ("distributedTransaction", "DistributedTransaction"),
];

const FAMILY: &[&str] = &[
    "ReadWriteSplitting",
    "Sharding",
    "Encryption",
    "Shadow",
    "DistributedTransaction",
];

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    for vdb in set.of_kind("VirtualDatabase") {
        for service in read::select(&vdb.doc.root, &["spec", "services", "[]"]) {
            for (field, kind) in FIELDS {
                let Some(node) = service.node.get(field) else {
                    continue;
                };
                let Some(name) = node.as_str().filter(|s| !s.is_empty()) else {
                    continue;
                };
                super::check_reference(
                    set,
                    sink,
                    &Reference {
                        doc: vdb.doc,
                        node,
                        name,
                        from: None,
                        what: field,
                        kind: Some(kind),
                        family: FAMILY,
                        scope: Scope::Namespace(vdb.ns()),
                        consequence: "The virtual database runs without it.",
                    },
                );
            }
        }
    }
}
