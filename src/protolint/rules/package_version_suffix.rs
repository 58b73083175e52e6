//! OS9630 package-version-suffix (buf's PACKAGE_VERSION_SUFFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9630",
        "package-version-suffix",
        Severity::Error,
        "The last package part is a version (`v1`, `v1beta1`).",
        DOCS,
    ),
    &["STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that the package ends with a version part: `v1`, `v2`, `v1alpha1`, `v1beta2`, `v1test`, `v1p1beta1`; numbers start at 1, and a package of one part (`package v1;`) has no version.

## Why is this bad
A version in the package lets a new, incompatible API live beside the old one while clients move over.

## Example
```proto
package acme.weather;   // acme.weather.v1
```

## How to fix
Add a version part to the package (and move the files).
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for file in &set.files {
        let package = file.descriptor.package();
        if !package.is_empty() && !has_version(package) {
            report(sink, file, &package_path(file), format!(
                "Package name {package:?} should be suffixed with a correctly formed version, such as \"{package}.v1\"."
            ));
        }
    }
}
