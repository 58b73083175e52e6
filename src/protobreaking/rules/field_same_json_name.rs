//! OS9738 field-same-json-name (buf's FIELD_SAME_JSON_NAME).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9738",
        "field-same-json-name",
        Severity::Error,
        "Fields keep their JSON name.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "CSR"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that a field keeps its JSON name (`json_name`, or the one derived from its name).

## Why is this bad
JSON readers of the previous version no longer find the field.

## Example
```proto
string label = 5 [json_name = "lbl"];   ->   [json_name = "tag"]
```

## How to fix
Keep the JSON name; set `json_name` to the old one when renaming a field.
"#;

fn check(_: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    // Extensions have no JSON name of their own.
    if pair.previous.parent.is_none() {
        return;
    }
    report_changed(
        sink,
        pair,
        |e| e.descriptor.json_name(),
        |e| e.located(&[&[path::FIELD_JSON_NAME]]),
        |previous, current| {
            let field = helpers::describe(&pair.current);
            format!("{field} changed option \"json_name\" from {previous:?} to {current:?}.")
        },
    );
}
