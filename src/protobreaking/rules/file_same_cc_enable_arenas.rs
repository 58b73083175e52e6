//! OS9712 file-same-cc-enable-arenas (buf's FILE_SAME_CC_ENABLE_ARENAS).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9712",
        "file-same-cc-enable-arenas",
        Severity::Error,
        "Files keep their `cc_enable_arenas` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `cc_enable_arenas` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the C++ code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option cc_enable_arenas = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "cc_enable_arenas", 31, |o| o.cc_enable_arenas().to_string());
}
