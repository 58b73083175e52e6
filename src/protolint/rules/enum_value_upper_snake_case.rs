//! OS9609 enum-value-upper-snake-case (buf's ENUM_VALUE_UPPER_SNAKE_CASE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9609",
        "enum-value-upper-snake-case",
        Severity::Error,
        "Enum value names are UPPER_SNAKE_CASE.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that enum value names are upper case words joined by single underscores.

## Why is this bad
Enum values become constants in every language; the conventional style keeps them recognisable and avoids clashes after case folding.

## Example
```proto
enum Shade { SHADE_UNSPECIFIED = 0; SHADE_dark = 1; }   // SHADE_DARK
```

## How to fix
Rename the value as the message suggests.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.enum_values();
    require_style(
        sink,
        "Enum value",
        "UPPER_SNAKE_CASE",
        names::is_upper_snake,
        names::to_upper_snake,
        elements
            .iter()
            .map(|(_, e)| (e.file, e.name_path(), e.descriptor.name())),
    );
}
