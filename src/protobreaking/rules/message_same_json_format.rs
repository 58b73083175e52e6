//! OS9740 message-same-json-format (buf's MESSAGE_SAME_JSON_FORMAT).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9740",
        "message-same-json-format",
        Severity::Error,
        "Messages keep their JSON support.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "CSR"],
    Check::Message(check),
);

const DOCS: &str = r#"
## What it does
Checks that a message whose JSON form was fully supported (proto3) stays so.

## Why is this bad
JSON readers of a proto2 message only make a best effort; field names may no longer round-trip.

## Example
```proto
// syntax = "proto3";  ->  syntax = "proto2";
```

## How to fix
Keep the file's syntax.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, DescriptorProto>, sink: &mut Sink) {
    helpers::same_json_format(sink, pair, "Message", pair.current.descriptor.name());
}
