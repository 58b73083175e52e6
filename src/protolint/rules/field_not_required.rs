//! OS9611 field-not-required (buf's FIELD_NOT_REQUIRED).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9611",
        "field-not-required",
        Severity::Error,
        "No field is `required` (proto2).",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that no proto2 field uses the `required` label.

## Why is this bad
A required field can never be removed or made optional without breaking every reader that still expects it: the Protobuf team calls `required` a mistake.

## Example
```proto
syntax = "proto2";
message Order { required string id = 1; }
```

## How to fix
Make the field `optional` and validate its presence in code.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (_, field) in set.fields() {
        if field.descriptor.label == Some(Label::Required as i32) {
            report(sink, field.file, &field.name_path(), format!(
                "Field named {:?} should not be required.",
                field.descriptor.name()
            ));
        }
    }
}
