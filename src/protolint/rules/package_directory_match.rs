//! OS9603 package-directory-match (buf's PACKAGE_DIRECTORY_MATCH).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9603",
        "package-directory-match",
        Severity::Error,
        "A file's directory matches its package (`a.b.v1` in `a/b/v1/`).",
        DOCS,
    ),
    &["MINIMAL", "BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that a file with package `a.b.v1` lies in the directory `a/b/v1` relative to the module root.

## Why is this bad
Import paths, generated code locations and the package name then say the same thing; otherwise a reader cannot find a type from its full name.

## Example
```text
proto/acme/v1/order.proto   package shop.v1;   # expected in proto/shop/v1/
```

## How to fix
Move the file, or rename the package.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for file in &set.files {
        let package = file.descriptor.package();
        if package.is_empty() {
            continue;
        }
        let expected = package.replace('.', "/");
        if file.directory() != expected {
            report(sink, file, &package_path(file), format!(
                "Files with package {package:?} must be within a directory {expected:?} relative to root but were in directory {:?}.",
                if file.directory().is_empty() { "." } else { file.directory() }
            ));
        }
    }
}
