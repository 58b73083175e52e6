//! OS9744 message-same-required-fields (buf's MESSAGE_SAME_REQUIRED_FIELDS).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9744",
        "message-same-required-fields",
        Severity::Error,
        "Messages keep their required fields.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Message(check),
);

const DOCS: &str = r#"
## What it does
Checks that no required field is deleted from a message and none is added.

## Why is this bad
Required fields must always be sent: a side that does not know about one fails to read or write the message.

## Example
```proto
required string id = 1;   ->   optional string id = 1;
```

## How to fix
Do not add or remove required fields; new fields are optional.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, DescriptorProto>, sink: &mut Sink) {
    use prost_types::field_descriptor_proto::Label;
    let required = |m: &DescriptorProto| -> Vec<i32> {
        let mut numbers: Vec<i32> = m.field.iter().filter(|f| f.label() == Label::Required).map(|f| f.number()).collect();
        numbers.sort_unstable();
        numbers
    };
    let (previous, current) = (required(pair.previous.descriptor), required(pair.current.descriptor));
    const WHY: &str = "Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.";
    for number in previous.iter().filter(|n| !current.contains(n)) {
        report_here(sink, pair, format!("Message {:?} had required field \"{number}\" deleted. {WHY}", pair.previous.descriptor.name()),
        );
    }
    for number in current.iter().filter(|n| !previous.contains(n)) {
        let Some(i) = pair.current.descriptor.field.iter().position(|f| f.number() == *number) else {
            continue;
        };
        let at = pair.current.sub_path(&[path::MESSAGE_FIELD, i32::try_from(i).unwrap_or(i32::MAX)]);
        let d = finding(
            sink,
            (pair.current.file, &at),
            None,
            format!("Message {:?} had required field \"{number}\" added. {WHY}", pair.current.descriptor.name()),
        );
        sink.push(d);
    }
}
