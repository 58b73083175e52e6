//! OS9615 oneof-lower-snake-case (buf's ONEOF_LOWER_SNAKE_CASE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9615",
        "oneof-lower-snake-case",
        Severity::Error,
        "Oneof names are lower_snake_case.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that oneof names are lower case words joined by single underscores.

## Why is this bad
Oneof names become accessors and enum cases; the field style keeps them consistent.

## Example
```proto
message Pick { oneof Kind { string a = 1; int32 b = 2; } }   // kind
```

## How to fix
Rename the oneof as the message suggests.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.oneofs();
    require_style(
        sink,
        "Oneof",
        "lower_snake_case",
        names::is_lower_snake,
        names::to_lower_snake,
        elements
            .iter()
            .map(|e| (e.file, e.name_path(), e.descriptor.name())),
    );
}
