//! OS9718 file-same-java-outer-classname (buf's FILE_SAME_JAVA_OUTER_CLASSNAME).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9718",
        "file-same-java-outer-classname",
        Severity::Error,
        "Files keep their `java_outer_classname` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `java_outer_classname` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the Java code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option java_outer_classname = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "java_outer_classname", 8, |o| o.java_outer_classname().to_string());
}
