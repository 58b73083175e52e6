//! OS9616 package-lower-snake-case (buf's PACKAGE_LOWER_SNAKE_CASE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9616",
        "package-lower-snake-case",
        Severity::Error,
        "Package names are lower_snake.case.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that every dot-separated part of the package is lower_snake_case.

## Why is this bad
Packages map to directories, Go import paths and Java packages, several of them case-sensitive; lower case avoids clashes between systems.

## Example
```proto
package Acme.Weather.v1;   // acme.weather.v1
```

## How to fix
Rename the package (and move the files to match).
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for file in &set.files {
        let package = file.descriptor.package();
        if !package.is_empty() && !package.split('.').all(names::is_lower_snake) {
            let suggestion: Vec<String> = package.split('.').map(names::to_lower_snake).collect();
            report(sink, file, &package_path(file), format!(
                "Package name {package:?} should be lower_snake.case, such as {:?}.",
                suggestion.join(".")
            ));
        }
    }
}
