//! OS9727 file-same-swift-prefix (buf's FILE_SAME_SWIFT_PREFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9727",
        "file-same-swift-prefix",
        Severity::Error,
        "Files keep their `swift_prefix` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `swift_prefix` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the Swift code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option swift_prefix = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "swift_prefix", 39, |o| o.swift_prefix().to_string());
}
