//! OS9729 enum-value-no-delete (buf's ENUM_VALUE_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9729",
        "enum-value-no-delete",
        Severity::Error,
        "Enum values are not deleted.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "CSR"],
    Check::Enum(check),
);

const DOCS: &str = r#"
## What it does
Checks that every number of the previous version of an enum is still a value of it.

## Why is this bad
Generated code naming the value no longer compiles, and peers still sending the number read an unknown value.

## Example
```proto
enum Status {
  STATUS_GONE = 2;   // deleted
}
```

## How to fix
Keep the value (deprecate it), or delete it and reserve its number and name (`reserved 2; reserved "STATUS_GONE";`) and accept the source break on purpose.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, EnumDescriptorProto>, sink: &mut Sink) {
    helpers::report_deleted_values(sink, pair, helpers::Unless::Never);
}
