//! OS9709 field-same-java-utf8-validation (buf's FIELD_SAME_JAVA_UTF8_VALIDATION).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9709",
        "field-same-java-utf8-validation",
        Severity::Error,
        "String fields keep their Java UTF-8 validation.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that the UTF-8 validation Java code applies to a string field (the file option `java_string_check_utf8`, else the syntax's default) stays the same.

## Why is this bad
Java readers start rejecting (or accepting) strings that other readers accept (or reject).

## Example
```proto
option java_string_check_utf8 = false;   ->   true
```

## How to fix
Keep the option and the syntax.
"#;

fn check(_: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    use prost_types::field_descriptor_proto::Type;
    if pair.previous.descriptor.r#type() != Type::String || pair.current.descriptor.r#type() != Type::String {
        return;
    }
    let validation = |e: &Element<'_, FieldDescriptorProto, _>| {
        let checked = e.file.descriptor.options.as_ref().is_some_and(|o| o.java_string_check_utf8());
        if checked { "VERIFY" } else { helpers::utf8_validation(e) }
    };
    let (previous, current) = (validation(&pair.previous), validation(&pair.current));
    if previous != current {
        let at = |e: &Element<'_, FieldDescriptorProto, _>| {
            let option = vec![path::FILE_OPTIONS, 27];
            if e.file.location(&option).is_some() { option } else { e.path.clone() }
        };
        report(
            sink,
            pair,
            at(&pair.current),
            at(&pair.previous),
            format!(
                "{} changed Java string UTF8 validation from {previous:?} to {current:?}.",
                helpers::describe(&pair.current)
            ),
        );
    }
}
