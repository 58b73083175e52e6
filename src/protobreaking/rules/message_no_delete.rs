//! OS9705 message-no-delete (buf's MESSAGE_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9705",
        "message-no-delete",
        Severity::Error,
        "Messages are not deleted from a file.",
        DOCS,
    ),
    &["FILE", "CSR"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that every message (nested ones too) of the previous version of a file is still declared in that file.

## Why is this bad
Code that names the message no longer compiles, and peers still sending it cannot be read by name.

## Example
```proto
message Removed {}   // deleted
```

## How to fix
Keep the message (deprecate it) until nothing uses it.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::report_deleted(sink, pair, messages, |name| {
        format!("Previously present message {name:?} was deleted from file.")
    });
}
