//! OS9745 reserved-enum-no-delete (buf's RESERVED_ENUM_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9745",
        "reserved-enum-no-delete",
        Severity::Error,
        "Reserved enum numbers and names stay reserved.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Enum(check),
);

const DOCS: &str = r#"
## What it does
Checks that every number and name reserved in the previous version of an enum is still reserved.

## Why is this bad
A reservation keeps a deleted value's number and name from being reused with another meaning; dropping it allows exactly that.

## Example
```proto
reserved 10 to 20;   ->   reserved 10 to 15;
```

## How to fix
Keep the reservations; add to them.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, EnumDescriptorProto>, sink: &mut Sink) {
    let ranges = |e: &EnumDescriptorProto| -> Vec<(i32, i32)> {
        e.reserved_range.iter().map(|r| (r.start(), r.end())).collect()
    };
    helpers::report_ranges(sink, pair, "reserved", "enum", i32::MAX, &ranges(pair.previous.descriptor), &ranges(pair.current.descriptor));
    helpers::report_reserved_names(sink, pair, "enum", &pair.previous.descriptor.reserved_name, &pair.current.descriptor.reserved_name);
}
