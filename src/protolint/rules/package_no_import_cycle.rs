//! OS9604 package-no-import-cycle (buf's PACKAGE_NO_IMPORT_CYCLE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9604",
        "package-no-import-cycle",
        Severity::Error,
        "Packages do not import each other in a cycle.",
        DOCS,
    ),
    &["MINIMAL", "BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks the package import graph (a package imports another when one of its files imports one of the other's files) for cycles.

## Why is this bad
Most languages cannot compile packages that depend on each other (Go refuses outright), so the generated stubs do not build.

## Example
```text
acme/a/v1/a.proto  imports acme/b/v1/b.proto
acme/b/v1/b.proto  imports acme/a/v1/a.proto
```

## How to fix
Move the shared types into a third package both import.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (file, import_index, cycle) in import_cycles(set) {
        report(sink, file, &[path::FILE_DEPENDENCY, import_index], format!(
            "Package import cycle: {}",
            cycle.join(" -> ")
        ));
    }
}
