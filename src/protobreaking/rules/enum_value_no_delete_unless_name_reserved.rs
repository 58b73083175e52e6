//! OS9757 enum-value-no-delete-unless-name-reserved (buf's ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9757",
        "enum-value-no-delete-unless-name-reserved",
        Severity::Error,
        "Enum values are deleted only with their names reserved.",
        DOCS,
    ),
    &["WIRE_JSON", "CSR"],
    Check::Enum(check),
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that a deleted enum value's names are reserved in the new version.

## Why is this bad
JSON carries enum values by name: a new value reusing the name would be read as the old one.

## Example
```proto
STATUS_GONE = 2;   // deleted without `reserved "STATUS_GONE";`
```

## How to fix
Reserve the deleted value's name.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, EnumDescriptorProto>, sink: &mut Sink) {
    helpers::report_deleted_values(sink, pair, helpers::Unless::NameReserved);
}
