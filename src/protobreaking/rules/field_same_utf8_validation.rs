//! OS9711 field-same-utf8-validation (buf's FIELD_SAME_UTF8_VALIDATION).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9711",
        "field-same-utf8-validation",
        Severity::Error,
        "String fields keep their UTF-8 validation.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that a string field keeps its UTF-8 validation (proto3 verifies, proto2 does not).

## Why is this bad
Readers start rejecting strings they used to accept, or the other way around.

## Example
```proto
// syntax = "proto3";  ->  syntax = "proto2";
string entry = 1;
```

## How to fix
Keep the file's syntax.
"#;

fn check(_: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    use prost_types::field_descriptor_proto::Type;
    if pair.previous.descriptor.r#type() != Type::String || pair.current.descriptor.r#type() != Type::String {
        return;
    }
    let (previous, current) = (helpers::utf8_validation(&pair.previous), helpers::utf8_validation(&pair.current));
    if previous != current {
        report(
            sink,
            pair,
            pair.current.path.clone(),
            pair.previous.path.clone(),
            format!(
                "{} changed UTF8 validation from {previous} to {current}.",
                helpers::describe(&pair.current)
            ),
        );
    }
}
