//! OS9763 field-wire-compatible-cardinality (buf's FIELD_WIRE_COMPATIBLE_CARDINALITY).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9763",
        "field-wire-compatible-cardinality",
        Severity::Error,
        "Fields keep a cardinality compatible on the wire.",
        DOCS,
    ),
    &["WIRE"],
    Check::Field(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that a field's cardinality changes only within groups the binary encoding reads alike (optional with or without presence; repeated and map).

## Why is this bad
Readers of the other version misread the field.

## Example
```proto
repeated string tags = 9;   ->   optional string tags = 9;
```

## How to fix
Add a new field and deprecate the old one.
"#;

fn check(inputs: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    helpers::changed_cardinality(inputs, sink, pair, helpers::Cardinality::wire_group);
}
