//! OS9734 message-no-remove-standard-descriptor-accessor (buf's MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9734",
        "message-no-remove-standard-descriptor-accessor",
        Severity::Error,
        "Messages keep their standard descriptor accessor.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "CSR"],
    Check::Message(check),
);

const DOCS: &str = r#"
## What it does
Checks that `no_standard_descriptor_accessor` is not turned on for a message.

## Why is this bad
The generated `descriptor()` accessor disappears from the message's code.

## Example
```proto
option no_standard_descriptor_accessor = false;   ->   true
```

## How to fix
Leave the option off.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, DescriptorProto>, sink: &mut Sink) {
    let off = |m: &DescriptorProto| m.options.as_ref().is_some_and(|o| o.no_standard_descriptor_accessor());
    if !off(pair.previous.descriptor) && off(pair.current.descriptor) {
        const NO_STANDARD_DESCRIPTOR_ACCESSOR: i32 = 2;
        let at = |e: &Element<'_, DescriptorProto>| {
            e.option_or_file(&[path::MESSAGE_OPTIONS, NO_STANDARD_DESCRIPTOR_ACCESSOR])
        };
        report(
            sink,
            pair,
            at(&pair.current),
            at(&pair.previous),
            "Message option \"no_standard_descriptor_accessor\" changed from \"false\" to \"true\".".to_string(),
        );
    }
}
