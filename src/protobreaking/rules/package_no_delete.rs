//! OS9756 package-no-delete (buf's PACKAGE_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9756",
        "package-no-delete",
        Severity::Error,
        "Packages are not deleted.",
        DOCS,
    ),
    &["PACKAGE"],
    Check::Inputs(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that every package of the previous version still has at least one file.

## Why is this bad
Every type of the package is gone.

## Example
```proto
# package acme.gone.v1 had files; now none
```

## How to fix
Keep the package.
"#;

fn check(inputs: &Inputs<'_>, sink: &mut Sink) {
    let current: std::collections::HashSet<&str> = inputs.current.files.iter().map(|f| f.descriptor.package()).collect();
    let mut previous: std::collections::BTreeMap<&str, &crate::protobuild::compiled::CompiledFile> = std::collections::BTreeMap::new();
    for file in &inputs.previous.files {
        let first = previous.entry(file.descriptor.package()).or_insert(file);
        if file.name() < first.name() {
            *first = file;
        }
    }
    for (package, file) in previous {
        if !current.contains(package) {
            let d = with_previous(
                Diagnostic::new(sink.code(), format!("Previously present package {package:?} was deleted.")),
                Some((file, &[])),
            );
            sink.push(d);
        }
    }
}
