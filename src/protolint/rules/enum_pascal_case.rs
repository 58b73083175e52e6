//! OS9608 enum-pascal-case (buf's ENUM_PASCAL_CASE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9608",
        "enum-pascal-case",
        Severity::Error,
        "Enum names are PascalCase.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that enum names start with a capital letter and have no underscores.

## Why is this bad
Generated type names follow the proto name; one style keeps stubs idiomatic in every language.

## Example
```proto
enum color { COLOR_UNSPECIFIED = 0; }   // Color
```

## How to fix
Rename the enum as the message suggests.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.enums();
    require_style(
        sink,
        "Enum",
        "PascalCase",
        names::is_pascal,
        names::to_pascal,
        elements
            .iter()
            .map(|e| (e.file, e.name_path(), e.descriptor.name())),
    );
}
