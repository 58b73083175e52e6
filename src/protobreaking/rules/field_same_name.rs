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
    let name = |e: &Element<'_, FieldDescriptorProto, Option<&DescriptorProto>>| if e.parent.is_some() { e.descriptor.name().to_string() } else { e.full_name() };
    let (previous, current) = (name(&pair.previous), name(&pair.current));
    if previous != current {
        let at = |e: &Element<'_, FieldDescriptorProto, _>| e.located(&[&[path::NAME]]);
        report(
            sink,
            pair,
            at(&pair.current),
            at(&pair.previous),
            format!(
                "{} changed name from {previous:?} to {current:?}.",
                helpers::describe_named(&pair.current, false)
            ),
        );
    }
}
