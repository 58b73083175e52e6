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
    for (_, value) in set.enum_values() {
        let name = value.descriptor.name();
        if !names::is_upper_snake(name) {
            report(sink, value.file, &value.name_path(), format!(
                "Enum value name {name:?} should be UPPER_SNAKE_CASE, such as {:?}.",
                names::to_upper_snake(name)
            ));
        }
    }
}
