//! OS9743 file-same-package (buf's FILE_SAME_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9743",
        "file-same-package",
        Severity::Error,
        "Files keep their package.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that a file keeps its `package`.

## Why is this bad
Every type of the file gets a new full name: on the wire in `Any`, in gRPC method paths and in every generated name.

## Example
```proto
package acme.v1;   ->   package acme.v2;
```

## How to fix
Keep the package; put new versions in new files.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    report_changed(
        sink,
        pair,
        |e| e.descriptor.package(),
        |e| e.located(&[&[path::FILE_PACKAGE]]),
        |previous, current| format!("File package changed from {previous:?} to {current:?}."),
    );
}
