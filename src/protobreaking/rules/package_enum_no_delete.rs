//! OS9752 package-enum-no-delete (buf's PACKAGE_ENUM_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9752",
        "package-enum-no-delete",
        Severity::Error,
        "Enums are not deleted from a package.",
        DOCS,
    ),
    &["PACKAGE"],
    Check::Inputs(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that every enum of a package in the previous version is still in that package, in any file (moving between files of the package is allowed).

## Why is this bad
Code that names the enum by its full name breaks.

## Example
```proto
// the enum is gone from package acme.v1 altogether
```

## How to fix
Keep the enum in the package.
"#;

fn check(inputs: &Inputs<'_>, sink: &mut Sink) {
    helpers::report_deleted_from_package(inputs, sink, "enum", enums, true);
}
