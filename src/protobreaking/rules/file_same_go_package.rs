//! OS9715 file-same-go-package (buf's FILE_SAME_GO_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9715",
        "file-same-go-package",
        Severity::Error,
        "Files keep their `go_package` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `go_package` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the Go code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option go_package = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "go_package", 11, |o| o.go_package().to_string());
}
