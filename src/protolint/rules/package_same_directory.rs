//! OS9605 package-same-directory (buf's PACKAGE_SAME_DIRECTORY).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9605",
        "package-same-directory",
        Severity::Error,
        "All files of one package lie in one directory.",
        DOCS,
    ),
    &["MINIMAL", "BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that the files declaring a package all lie in the same directory.

## Why is this bad
Generators emit one output directory per package; files of one package spread over several directories produce split or clashing stubs.

## Example
```text
acme/v1/a.proto     package acme.v1;
other/v1/b.proto    package acme.v1;
```

## How to fix
Move the files into one directory.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (package, files) in set.by_package() {
        if package.is_empty() {
            continue;
        }
        let directories = distinct(files.iter().map(|f| f.directory()));
        if directories.len() > 1 {
            for file in files {
                report(sink, file, &package_path(file), format!(
                    "Multiple directories {:?} contain files with package {package:?}.",
                    directories.join(",")
                ));
            }
        }
    }
}
