//! OS9719 file-same-java-package (buf's FILE_SAME_JAVA_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9719",
        "file-same-java-package",
        Severity::Error,
        "Files keep their `java_package` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `java_package` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the Java code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option java_package = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "java_package", 1, |o| o.java_package().to_string());
}
