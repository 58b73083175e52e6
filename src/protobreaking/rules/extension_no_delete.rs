//! OS9701 extension-no-delete (buf's EXTENSION_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9701",
        "extension-no-delete",
        Severity::Error,
        "Extensions are not deleted from a file.",
        DOCS,
    ),
    &["FILE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that every extension (`extend` field) of the previous version of a file is still declared in that file.

## Why is this bad
Generated code exposes each extension by name in the file that declares it; deleting one breaks every caller that sets or reads it.

## Example
```proto
extend acme.v1.Order {
  optional string note = 1001;   // deleted
```

## How to fix
Keep the extension (mark it `deprecated = true`), or move consumers off it first and accept the break on purpose (`except`).
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::report_deleted(sink, pair, extensions, |name| {
        format!("Previously present extension {name:?} was deleted from file.")
    });
}
