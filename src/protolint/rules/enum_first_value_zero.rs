//! OS9606 enum-first-value-zero (buf's ENUM_FIRST_VALUE_ZERO).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9606",
        "enum-first-value-zero",
        Severity::Error,
        "The first value of an enum is 0.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that the first value declared in an enum has the number 0.

## Why is this bad
proto3 requires it, and in proto2 the first value is the default: a non-zero first value makes "unset" look like a real value.

## Example
```proto
enum Status {
  STATUS_OK = 1;   // the first value must be 0
}
```

## How to fix
Add a `<ENUM>_UNSPECIFIED = 0;` value first.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for e in set.enums() {
        if let Some(first) = e.descriptor.value.first()
            && first.number() != 0
        {
            let mut at = e.child_path(path::ENUM_VALUE, 0);
            at.push(2);
            report(sink, e.file, &at, format!(
                "First enum value {:?} should have a numeric value of 0",
                first.name()
            ));
        }
    }
}
