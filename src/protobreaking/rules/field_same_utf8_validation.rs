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
    if helpers::both_strings(pair) {
        report_changed(
            sink,
            pair,
            helpers::utf8_validation,
            |e| e.path.clone(),
            |previous, current| {
                let field = helpers::describe(&pair.current);
                format!("{field} changed UTF8 validation from {previous} to {current}.")
            },
        );
    }
}
