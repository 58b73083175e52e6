//! OS9720 file-same-objc-class-prefix (buf's FILE_SAME_OBJC_CLASS_PREFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9720",
        "file-same-objc-class-prefix",
        Severity::Error,
        "Files keep their `objc_class_prefix` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `objc_class_prefix` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the Objective-C code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option objc_class_prefix = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "objc_class_prefix", 36, |o| o.objc_class_prefix().to_string());
}
