//! OS9619 package-same-java-multiple-files (buf's PACKAGE_SAME_JAVA_MULTIPLE_FILES).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9619",
        "package-same-java-multiple-files",
        Severity::Error,
        "All files of a package set the same `java_multiple_files`.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that the files of one package all give the file option `java_multiple_files` the same value (or all leave it unset).

## Why is this bad
The option decides where and under which name the package's generated code lives; files of one package with different values split the package in that language.

## Example
```proto
// a.proto
package acme.v1;
option java_multiple_files = "one";
// b.proto
package acme.v1;
option java_multiple_files = "two";
```

## How to fix
Give every file of the package the same value.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "java_multiple_files", 10, |o| o.java_multiple_files.as_ref().map(ToString::to_string));
}
