//! OS9760 field-wire-json-compatible-type (buf's FIELD_WIRE_JSON_COMPATIBLE_TYPE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9760",
        "field-wire-json-compatible-type",
        Severity::Error,
        "Fields keep a type compatible on the wire and in JSON.",
        DOCS,
    ),
    &["WIRE_JSON", "CSR"],
    Check::Field(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that a field's type changes only within groups both the binary and the JSON encodings read alike (int32 and uint32; int64 and uint64; fixed32 and sfixed32; fixed64 and sfixed64), and that enum fields keep an enum of the same name with at least the same values.

## Why is this bad
Readers of the other version misread the field, in binary or in JSON.

## Example
```proto
optional int32 size = 3;   ->   optional int64 size = 3;   // JSON writes int64 as a string
```

## How to fix
Add a new field and deprecate the old one.
"#;

fn check(inputs: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    helpers::wire_compatible_type(
        inputs,
        sink,
        pair,
        wire_json_group,
        " See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules.",
    );
}
