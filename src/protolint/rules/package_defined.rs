//! OS9602 package-defined (buf's PACKAGE_DEFINED).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9602",
        "package-defined",
        Severity::Error,
        "Every file declares a package.",
        DOCS,
    ),
    &["MINIMAL", "BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that every file has a `package` statement.

## Why is this bad
Without a package, every type lands in the global namespace, where names from different files collide and most languages have no place to put the generated code.

## Example
```proto
syntax = "proto3";
message Order {}   // no package above
```

## How to fix
Add `package <org>.<area>.v1;` matching the file's directory.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for file in &set.files {
        if file.descriptor.package().is_empty() {
            report(sink, file, &[], "Files must have a package defined.".to_string());
        }
    }
}
