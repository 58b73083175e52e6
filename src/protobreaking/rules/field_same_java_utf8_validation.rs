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
    if !helpers::both_strings(pair) {
        return;
    }
    const JAVA_STRING_CHECK_UTF8: i32 = 27;
    let option = [path::FILE_OPTIONS, JAVA_STRING_CHECK_UTF8];
    report_changed(
        sink,
        pair,
        |e| {
            let options = e.file.descriptor.options.as_ref();
            if options.is_some_and(|o| o.java_string_check_utf8()) {
                "VERIFY"
            } else {
                helpers::utf8_validation(e)
            }
        },
        |e| {
            if e.file.location(&option).is_some() {
                option.to_vec()
            } else {
                e.path.clone()
            }
        },
        |previous, current| {
            let field = helpers::describe(&pair.current);
            format!("{field} changed Java string UTF8 validation from {previous:?} to {current:?}.")
        },
    );
}
