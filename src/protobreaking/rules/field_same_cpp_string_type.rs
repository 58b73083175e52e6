//! OS9708 field-same-cpp-string-type (buf's FIELD_SAME_CPP_STRING_TYPE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9708",
        "field-same-cpp-string-type",
        Severity::Error,
        "String fields keep their C++ string type.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that a string or bytes field keeps its `ctype` (STRING, CORD, STRING_PIECE); moving from STRING_PIECE to STRING is allowed.

## Why is this bad
The C++ accessors differ for each string type; code written against the previous stubs stops compiling.

## Example
```proto
optional string blob = 7 [ctype = CORD];   ->   [ctype = STRING]
```

## How to fix
Keep the `ctype` option.
"#;

fn check(_: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    use prost_types::field_descriptor_proto::Type;
    use prost_types::field_options::CType;
    if helpers::in_map_entries(pair) {
        return;
    }
    let stringy = |f: &FieldDescriptorProto| matches!(f.r#type(), Type::String | Type::Bytes);
    if !stringy(pair.previous.descriptor) || !stringy(pair.current.descriptor) {
        return;
    }
    let ctype = |f: &FieldDescriptorProto| f.options.as_ref().map_or(CType::String, |o| o.ctype());
    let (previous, current) = (ctype(pair.previous.descriptor), ctype(pair.current.descriptor));
    if previous != current && !(previous == CType::StringPiece && current == CType::String) {
        let at = |e: &Element<'_, FieldDescriptorProto, _>| e.located(&[&[path::FIELD_OPTIONS, 1]]);
        report(
            sink,
            pair,
            at(&pair.current),
            at(&pair.previous),
            format!(
                "{} changed C++ string type from {:?} to {:?}.",
                helpers::describe(&pair.current),
                previous.as_str_name(),
                current.as_str_name()
            ),
        );
    }
}
