//! OS9739 field-same-name (buf's FIELD_SAME_NAME).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9739",
        "field-same-name",
        Severity::Error,
        "Fields keep their names.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "CSR"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that a field number keeps its name (extensions: their full name).

## Why is this bad
Generated accessors are renamed, and text-format and JSON readers look for the old name.

## Example
```proto
string note = 4;   ->   string remark = 4;
```

## How to fix
Keep the name; add a new field if the meaning changed.
"#;

fn check(_: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    report_changed(
        sink,
        pair,
        // Extensions are known by their full name.
        |e| match e.parent {
            Some(_) => e.descriptor.name().to_string(),
            None => e.full_name(),
        },
        |e| e.located(&[&[path::NAME]]),
        |previous, current| {
            let field = helpers::describe_named(&pair.current, false);
            format!("{field} changed name from {previous:?} to {current:?}.")
        },
    );
}
