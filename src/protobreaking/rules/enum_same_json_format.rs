//! OS9736 enum-same-json-format (buf's ENUM_SAME_JSON_FORMAT).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9736",
        "enum-same-json-format",
        Severity::Error,
        "Enums keep their JSON support.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "CSR"],
    Check::Enum(check),
);

const DOCS: &str = r#"
## What it does
Checks that an enum whose JSON form was fully supported (proto3) stays so.

## Why is this bad
JSON readers of a proto2 enum only make a best effort; values may no longer round-trip.

## Example
```proto
// syntax = "proto3";  ->  syntax = "proto2";
```

## How to fix
Keep the file's syntax.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, EnumDescriptorProto>, sink: &mut Sink) {
    helpers::same_json_format(sink, pair, "Enum", pair.current.descriptor.name());
}
