//! OS9762 field-no-delete-unless-number-reserved (buf's FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9762",
        "field-no-delete-unless-number-reserved",
        Severity::Error,
        "Fields are deleted only with their numbers reserved.",
        DOCS,
    ),
    &["WIRE_JSON", "WIRE", "CSR"],
    Check::Message(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that a deleted field's number is reserved in the new version.

## Why is this bad
A new field reusing the number would be read as the old one, with the old type, by peers of the previous version.

## Example
```proto
string gone = 10;   // deleted without `reserved 10;`
```

## How to fix
Reserve the deleted field's number.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, DescriptorProto>, sink: &mut Sink) {
    helpers::report_deleted_fields(sink, pair, helpers::Unless::NumberReserved);
}
