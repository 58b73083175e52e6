//! OS9746 reserved-message-no-delete (buf's RESERVED_MESSAGE_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9746",
        "reserved-message-no-delete",
        Severity::Error,
        "Reserved field numbers and names stay reserved.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Message(check),
);

const DOCS: &str = r#"
## What it does
Checks that every number and name reserved in the previous version of a message is still reserved.

## Why is this bad
A reservation keeps a deleted field's number and name from being reused with another type; dropping it allows exactly that.

## Example
```proto
reserved 100 to 110;   ->   reserved 100 to 105;
```

## How to fix
Keep the reservations; add to them.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, DescriptorProto>, sink: &mut Sink) {
    let ranges = |m: &DescriptorProto| -> Vec<(i32, i32)> {
        m.reserved_range.iter().map(|r| (r.start(), r.end() - 1)).collect()
    };
    helpers::report_ranges(sink, pair, "reserved", "message", helpers::MESSAGE_MAX, &ranges(pair.previous.descriptor), &ranges(pair.current.descriptor));
    helpers::report_reserved_names(sink, pair, "message", &pair.previous.descriptor.reserved_name, &pair.current.descriptor.reserved_name);
}
