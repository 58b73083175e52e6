//! OS9723 file-same-php-metadata-namespace (buf's FILE_SAME_PHP_METADATA_NAMESPACE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9723",
        "file-same-php-metadata-namespace",
        Severity::Error,
        "Files keep their `php_metadata_namespace` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `php_metadata_namespace` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the PHP code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option php_metadata_namespace = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "php_metadata_namespace", 44, |o| o.php_metadata_namespace().to_string());
}
