//! OS9732 field-same-type (buf's FIELD_SAME_TYPE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9732",
        "field-same-type",
        Severity::Error,
        "Fields keep their type.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "CSR"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that a field keeps its type: the same scalar kind, or the same message or enum.

## Why is this bad
Generated accessors change type, and readers of the previous version misread the bytes.

## Example
```proto
optional int32 count = 2;   ->   optional sint32 count = 2;
```

## How to fix
Add a new field with the new type and deprecate the old one.
"#;

fn check(_: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    use prost_types::field_descriptor_proto::Type;
    let (previous, current) = (pair.previous.descriptor, pair.current.descriptor);
    let named = matches!(current.r#type(), Type::Message | Type::Enum | Type::Group);
    if previous.r#type() != current.r#type() || (named && previous.type_name() != current.type_name()) {
        helpers::report_changed_type(sink, pair, "");
    }
}
