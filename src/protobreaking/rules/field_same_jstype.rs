//! OS9710 field-same-jstype (buf's FIELD_SAME_JSTYPE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9710",
        "field-same-jstype",
        Severity::Error,
        "64-bit integer fields keep their `jstype`.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that the `jstype` option of a 64-bit integer field (JS_NORMAL, JS_STRING, JS_NUMBER) stays the same.

## Why is this bad
JavaScript code generated from the previous version reads the field as a string or a number; changing it changes the generated type.

## Example
```proto
int64 total = 6 [jstype = JS_STRING];   ->   [jstype = JS_NUMBER]
```

## How to fix
Keep the option.
"#;

fn check(_: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    use prost_types::field_descriptor_proto::Type;
    use prost_types::field_options::JsType;
    let wide = |f: &FieldDescriptorProto| {
        matches!(
            f.r#type(),
            Type::Int64 | Type::Uint64 | Type::Sint64 | Type::Fixed64 | Type::Sfixed64
        )
    };
    if !wide(pair.previous.descriptor) || !wide(pair.current.descriptor) {
        return;
    }
    const JSTYPE: i32 = 6;
    report_changed(
        sink,
        pair,
        |e| {
            let options = e.descriptor.options.as_ref();
            options.map_or(JsType::JsNormal, |o| o.jstype())
        },
        |e| e.located(&[&[path::FIELD_OPTIONS, JSTYPE]]),
        |previous, current| {
            format!(
                "{} changed option \"jstype\" from {:?} to {:?}.",
                helpers::describe(&pair.current),
                previous.as_str_name(),
                current.as_str_name()
            )
        },
    );
}
