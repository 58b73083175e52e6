//! OS9622 package-same-ruby-package (buf's PACKAGE_SAME_RUBY_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9622",
        "package-same-ruby-package",
        Severity::Error,
        "All files of a package set the same `ruby_package`.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that the files of one package all give the file option `ruby_package` the same value (or all leave it unset).

## Why is this bad
The option decides where and under which name the package's generated code lives; files of one package with different values split the package in that language.

## Example
```proto
// a.proto
package acme.v1;
option ruby_package = "one";
// b.proto
package acme.v1;
option ruby_package = "two";
```

## How to fix
Give every file of the package the same value.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "ruby_package", 45, |o| o.ruby_package.as_ref().map(ToString::to_string));
}
