//! OS9613 import-used (buf's IMPORT_USED).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9613",
        "import-used",
        Severity::Error,
        "Every import is used.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that each imported file provides at least one type the file uses (as a field, RPC or extension type).

## Why is this bad
An unused import is a dependency generated code must still resolve, and in Go it does not compile at all.

## Example
```proto
import "google/protobuf/duration.proto";   // nothing uses Duration
```

## How to fix
Remove the import. An import whose extensions the file's options set (custom options such as `google.api.field_behavior`) is used.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (file, import_index, name) in unused_imports(set) {
        report(sink, file, &[path::FILE_DEPENDENCY, import_index], format!(
            "Import {name:?} is unused."
        ));
    }
}
