//! OS9627 enum-value-prefix (buf's ENUM_VALUE_PREFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9627",
        "enum-value-prefix",
        Severity::Error,
        "Enum value names start with the enum's name in UPPER_SNAKE_CASE.",
        DOCS,
    ),
    &["STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that every value of enum `Color` starts with `COLOR_`.

## Why is this bad
Enum values share one scope with their siblings in C++ and many other languages; the prefix keeps two enums of a package from clashing.

## Example
```proto
enum Color { RED = 0; }   // COLOR_RED
```

## How to fix
Prefix the values with the enum name.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (e, value) in set.enum_values() {
        let prefix = format!("{}_", names::to_upper_snake(e.descriptor.name()));
        let name = value.descriptor.name();
        if !name.starts_with(&prefix) {
            report(sink, value.file, &value.name_path(), format!(
                "Enum value name {name:?} should be prefixed with {prefix:?}."
            ));
        }
    }
}
