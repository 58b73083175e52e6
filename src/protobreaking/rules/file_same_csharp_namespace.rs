//! OS9714 file-same-csharp-namespace (buf's FILE_SAME_CSHARP_NAMESPACE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9714",
        "file-same-csharp-namespace",
        Severity::Error,
        "Files keep their `csharp_namespace` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `csharp_namespace` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the C# code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option csharp_namespace = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "csharp_namespace", 37, |o| o.csharp_namespace().to_string());
}
