//! OS9703 enum-no-delete (buf's ENUM_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9703",
        "enum-no-delete",
        Severity::Error,
        "Enums are not deleted from a file.",
        DOCS,
    ),
    &["FILE", "CSR"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that every enum (nested ones too) of the previous version of a file is still declared in that file.

## Why is this bad
Code that names the enum no longer compiles against the new stubs.

## Example
```proto
enum Status {   // deleted
  STATUS_UNSPECIFIED = 0;
}
```

## How to fix
Keep the enum (deprecate it) until nothing uses it.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::report_deleted(sink, pair, enums, |name| {
        format!("Previously present enum {name:?} was deleted from file.")
    });
}
