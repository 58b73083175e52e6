//! OS9761 enum-value-no-delete-unless-number-reserved (buf's ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9761",
        "enum-value-no-delete-unless-number-reserved",
        Severity::Error,
        "Enum values are deleted only with their numbers reserved.",
        DOCS,
    ),
    &["WIRE_JSON", "WIRE", "CSR"],
    Check::Enum(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that a deleted enum value's number is reserved in the new version.

## Why is this bad
A new value reusing the number would be read as the old one by peers of the previous version.

## Example
```proto
STATUS_GONE = 2;   // deleted without `reserved 2;`
```

## How to fix
Reserve the deleted value's number.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, EnumDescriptorProto>, sink: &mut Sink) {
    helpers::report_deleted_values(sink, pair, helpers::Unless::NumberReserved);
}
