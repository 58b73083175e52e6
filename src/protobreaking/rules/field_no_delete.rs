//! OS9731 field-no-delete (buf's FIELD_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9731",
        "field-no-delete",
        Severity::Error,
        "Fields are not deleted.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "CSR"],
    Check::Message(check),
);

const DOCS: &str = r#"
## What it does
Checks that every field number of the previous version of a message is still a field of it.

## Why is this bad
Generated code naming the field no longer compiles, and the JSON name of the field is no longer understood.

## Example
```proto
message Order {
  string gone = 10;   // deleted
}
```

## How to fix
Keep the field (deprecate it). To delete it anyway, reserve its number and name, and select the WIRE or WIRE_JSON category, which allow that.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, DescriptorProto>, sink: &mut Sink) {
    helpers::report_deleted_fields(sink, pair, helpers::Unless::Never);
}
