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
    if helpers::in_map_entries(pair) {
        return;
    }
    let previous = helpers::cardinality(helpers::types_of(inputs, true), &pair.previous);
    let current = helpers::cardinality(helpers::types_of(inputs, false), &pair.current);
    if previous != current {
        report(
            sink,
            pair,
            pair.current.path.clone(),
            pair.previous.path.clone(),
            format!(
                "{} changed cardinality from {:?} to {:?}.",
                helpers::describe(&pair.current),
                previous.as_str(),
                current.as_str()
            ),
        );
    }
}
