//! OS9741 field-same-default (buf's FIELD_SAME_DEFAULT).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9741",
        "field-same-default",
        Severity::Error,
        "Fields keep their default value.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that a field with explicit presence keeps its `default` value.

## Why is this bad
Readers of either version see a different value for a field that was not sent.

## Example
```proto
optional int32 limit = 8 [default = 10];   ->   [default = 20]
```

## How to fix
Keep the default.
"#;

fn check(_: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    use prost_types::field_descriptor_proto::{Label, Type};
    let can_have = |f: &FieldDescriptorProto| f.label() != Label::Repeated && !matches!(f.r#type(), Type::Message | Type::Group);
    if !can_have(pair.previous.descriptor) || !can_have(pair.current.descriptor) {
        return;
    }
    let zero = |v: &str| matches!(v, "" | "0" | "false" | "0.0" | "-0");
    let (previous, current) = (pair.previous.descriptor.default_value(), pair.current.descriptor.default_value());
    if previous != current && !(zero(previous) && zero(current)) {
        // buf points at the option (`default = 20`), protox's source
        // info at the value: start at the option's name.
        let at = pair.current.located(&[&[path::FIELD_DEFAULT]]);
        let mut d = finding(
            sink,
            (pair.current.file, &at),
            Some((pair.previous.file, &pair.previous.located(&[&[path::FIELD_DEFAULT]]))),
            format!(
                "{} changed default value from {previous} to {current}.",
                helpers::describe(&pair.current)
            ),
        );
        if let Some(location) = &mut d.location {
            let text = &location.source.text[..location.span.start];
            let option = text.trim_end().strip_suffix('=').map(str::trim_end);
            if let Some(before) = option.and_then(|t| t.strip_suffix("default")) {
                location.span.start = before.len();
            }
        }
        sink.push(d);
    }
}
