//! OS9717 file-same-java-multiple-files (buf's FILE_SAME_JAVA_MULTIPLE_FILES).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9717",
        "file-same-java-multiple-files",
        Severity::Error,
        "Files keep their `java_multiple_files` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `java_multiple_files` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the Java code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option java_multiple_files = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "java_multiple_files", 10, |o| o.java_multiple_files().to_string());
}
