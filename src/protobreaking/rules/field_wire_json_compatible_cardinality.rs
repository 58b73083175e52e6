//! OS9759 field-wire-json-compatible-cardinality (buf's FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9759",
        "field-wire-json-compatible-cardinality",
        Severity::Error,
        "Fields keep a cardinality compatible on the wire and in JSON.",
        DOCS,
    ),
    &["WIRE_JSON", "CSR"],
    Check::Field(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that a field's cardinality changes only within groups both the binary and the JSON encodings read alike (optional with or without presence; not repeated to map).

## Why is this bad
Readers of the other version misread the field, in binary or in JSON.

## Example
```proto
repeated string tags = 9;   ->   optional string tags = 9;
```

## How to fix
Add a new field and deprecate the old one.
"#;

fn check(inputs: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    helpers::changed_cardinality(inputs, sink, pair, helpers::Cardinality::wire_json_group);
}
