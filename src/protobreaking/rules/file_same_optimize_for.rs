//! OS9721 file-same-optimize-for (buf's FILE_SAME_OPTIMIZE_FOR).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9721",
        "file-same-optimize-for",
        Severity::Error,
        "Files keep their `optimize_for` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `optimize_for` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the C++ and Java code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option optimize_for = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "optimize_for", 9, |o| o.optimize_for().as_str_name().to_string());
}
