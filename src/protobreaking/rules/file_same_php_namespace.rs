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

const DOCS: &str = file_option_docs!("php_namespace", "PHP");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "php_namespace", 41, |o| o.php_namespace().to_string());
}
