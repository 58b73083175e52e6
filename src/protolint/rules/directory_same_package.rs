//! OS9601 directory-same-package (buf's DIRECTORY_SAME_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9601",
        "directory-same-package",
        Severity::Error,
        "All files in one directory declare the same package.",
        DOCS,
    ),
    &["MINIMAL", "BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that every `.proto` file in a directory declares the same `package`.

## Why is this bad
Code generators map directories to output packages; two packages in one directory produce stubs that collide or land in the wrong namespace.

## Example
```text
acme/v1/a.proto   package acme.v1;
acme/v1/b.proto   package acme.v2;   # another package in the same directory
```

## How to fix
Move the file into the directory of its package.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (directory, files) in by_directory(set) {
        let packages = distinct(files.iter().map(|f| f.descriptor.package()));
        if packages.len() > 1 {
            for file in files {
                report(sink, file, &package_path(file), format!(
                    "Multiple packages {:?} detected within directory {directory:?}.",
                    packages.join(",")
                ));
            }
        }
    }
}
