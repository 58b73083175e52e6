//! OS9610 field-lower-snake-case (buf's FIELD_LOWER_SNAKE_CASE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9610",
        "field-lower-snake-case",
        Severity::Error,
        "Field names are lower_snake_case.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that field names are lower case words joined by single underscores.

## Why is this bad
The JSON name and every generated accessor derive from the field name; other styles produce odd JSON keys and accessors that differ between languages.

## Example
```proto
message Order { string OrderId = 1; }   // order_id
```

## How to fix
Rename the field (the wire number stays, so binary compatibility is kept; JSON clients see the new name).
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.fields();
    require_style(
        sink,
        "Field",
        "lower_snake_case",
        names::is_lower_snake,
        names::to_lower_snake,
        elements
            .iter()
            .map(|(_, e)| (e.file, e.name_path(), e.descriptor.name())),
    );
}
