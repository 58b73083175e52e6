//! OS9713 file-same-cc-generic-services (buf's FILE_SAME_CC_GENERIC_SERVICES).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9713",
        "file-same-cc-generic-services",
        Severity::Error,
        "Files keep their `cc_generic_services` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `cc_generic_services` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the C++ code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option cc_generic_services = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "cc_generic_services", 16, |o| o.cc_generic_services().to_string());
}
