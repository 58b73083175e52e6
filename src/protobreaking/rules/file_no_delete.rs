//! OS9704 file-no-delete (buf's FILE_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9704",
        "file-no-delete",
        Severity::Error,
        "Files are not deleted.",
        DOCS,
    ),
    &["FILE", "CSR"],
    Check::Inputs(check),
);

const DOCS: &str = r#"
## What it does
Checks that every file of the previous version still exists (by its import path).

## Why is this bad
Every import of the file breaks, and so does generated code that lived in it.

## Example
```proto
# acme/v1/legacy.proto existed before and is gone now
```

## How to fix
Keep the file; to move its types, keep it and import the new file from it until users have moved.
"#;

fn check(inputs: &Inputs<'_>, sink: &mut Sink) {
    let current: std::collections::HashSet<&str> = inputs.current.files.iter().map(|f| f.name()).collect();
    for gone in &inputs.previous.files {
        if !current.contains(gone.name()) {
            let d = with_previous(
                Diagnostic::new(
                    sink.code(),
                    format!("Previously present file {:?} was deleted.", gone.name()),
                ),
                Some((gone, &[])),
            );
            sink.push(d);
        }
    }
}
