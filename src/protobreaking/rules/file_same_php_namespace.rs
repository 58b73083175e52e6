//! OS9724 file-same-php-namespace (buf's FILE_SAME_PHP_NAMESPACE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9724",
        "file-same-php-namespace",
        Severity::Error,
        "Files keep their `php_namespace` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that the file option `php_namespace` keeps its value (unset counts as its default).

## Why is this bad
The option decides the name or shape of the PHP code generated for the file; changing it moves or renames that code for every user.

## Example
```proto
option php_namespace = ...;   // changed, added or removed
```

## How to fix
Keep the value the option had.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "php_namespace", 41, |o| o.php_namespace().to_string());
}
