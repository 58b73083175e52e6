//! OS9707 field-same-cardinality (buf's FIELD_SAME_CARDINALITY).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9707",
        "field-same-cardinality",
        Severity::Error,
        "Fields keep their cardinality.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that a field stays optional with explicit presence, optional with implicit presence, required, repeated or a map, as it was.

## Why is this bad
Generated accessors differ for each cardinality (`has_` methods, lists, maps), so code written against the previous stubs breaks.

## Example
```proto
repeated string tags = 9;   ->   optional string tags = 9;
```

## How to fix
Add a new field with the new cardinality and deprecate the old one.
"#;

fn check(inputs: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    helpers::changed_cardinality(inputs, sink, pair, |c| c as u8);
}
