//! OS9726 file-same-ruby-package (buf's FILE_SAME_RUBY_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9726",
        "file-same-ruby-package",
        Severity::Error,
        "Files keep their `ruby_package` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `ruby_package` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the Ruby code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option ruby_package = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "ruby_package", 45, |o| o.ruby_package().to_string());
}
