//! OS9758 field-no-delete-unless-name-reserved (buf's FIELD_NO_DELETE_UNLESS_NAME_RESERVED).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9758",
        "field-no-delete-unless-name-reserved",
        Severity::Error,
        "Fields are deleted only with their names reserved.",
        DOCS,
    ),
    &["WIRE_JSON", "CSR"],
    Check::Message(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that a deleted field's name is reserved in the new version.

## Why is this bad
JSON carries fields by name: a new field reusing the name would be read as the old one.

## Example
```proto
string gone = 10;   // deleted without `reserved "gone";`
```

## How to fix
Reserve the deleted field's name.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, DescriptorProto>, sink: &mut Sink) {
    helpers::report_deleted_fields(sink, pair, helpers::Unless::NameReserved);
}
