//! OS9733 file-same-syntax (buf's FILE_SAME_SYNTAX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9733",
        "file-same-syntax",
        Severity::Error,
        "Files keep their syntax.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "CSR"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that a file keeps its `syntax` (a file without one is proto2).

## Why is this bad
The syntax decides field presence, enum openness, UTF-8 validation and JSON support of everything in the file.

## Example
```proto
syntax = "proto3";   ->   syntax = "proto2";
```

## How to fix
Keep the syntax.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    report_changed(
        sink,
        pair,
        // A file without a syntax statement is proto2.
        |e| match e.descriptor.syntax() {
            "" => "proto2",
            other => other,
        },
        |e| e.located(&[&[path::FILE_SYNTAX]]),
        |previous, current| format!("File syntax changed from {previous:?} to {current:?}."),
    );
}
