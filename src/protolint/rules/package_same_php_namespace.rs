//! OS9621 package-same-php-namespace (buf's PACKAGE_SAME_PHP_NAMESPACE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9621",
        "package-same-php-namespace",
        Severity::Error,
        "All files of a package set the same `php_namespace`.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that the files of one package all give the file option `php_namespace` the same value (or all leave it unset).

## Why is this bad
The option decides where and under which name the package's generated code lives; files of one package with different values split the package in that language.

## Example
```proto
// a.proto
package acme.v1;
option php_namespace = "one";
// b.proto
package acme.v1;
option php_namespace = "two";
```

## How to fix
Give every file of the package the same value.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "php_namespace", 41, |o| o.php_namespace.as_ref().map(ToString::to_string));
}
