//! OS9623 package-same-swift-prefix (buf's PACKAGE_SAME_SWIFT_PREFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9623",
        "package-same-swift-prefix",
        Severity::Error,
        "All files of a package set the same `swift_prefix`.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that the files of one package all give the file option `swift_prefix` the same value (or all leave it unset).

## Why is this bad
The option decides where and under which name the package's generated code lives; files of one package with different values split the package in that language.

## Example
```proto
// a.proto
package acme.v1;
option swift_prefix = "one";
// b.proto
package acme.v1;
option swift_prefix = "two";
```

## How to fix
Give every file of the package the same value.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "swift_prefix", 39, |o| o.swift_prefix.as_ref().map(ToString::to_string));
}
