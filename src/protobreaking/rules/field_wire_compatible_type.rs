//! OS9764 field-wire-compatible-type (buf's FIELD_WIRE_COMPATIBLE_TYPE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9764",
        "field-wire-compatible-type",
        Severity::Error,
        "Fields keep a type compatible on the wire.",
        DOCS,
    ),
    &["WIRE"],
    Check::Field(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that a field's type changes only within groups the binary encoding reads alike (int32, int64, uint32, uint64 and bool; sint32 and sint64; fixed32 and sfixed32; fixed64 and sfixed64; string to bytes), and that enum fields keep an enum of the same name with at least the same values.

## Why is this bad
Readers of the other version misread the bytes.

## Example
```proto
optional int32 count = 2;   ->   optional sint32 count = 2;   // zigzag encoding
```

## How to fix
Add a new field and deprecate the old one.
"#;

fn check(inputs: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    use prost_types::field_descriptor_proto::Type;
    if pair.previous.descriptor.r#type() == Type::String && pair.current.descriptor.r#type() == Type::Bytes {
        return;
    }
    helpers::wire_compatible_type(
        inputs,
        sink,
        pair,
        wire_group,
        " See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.",
    );
}
