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

const DOCS: &str = file_option_docs!("php_metadata_namespace", "PHP");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "php_metadata_namespace", 44, |o| o.php_metadata_namespace().to_string());
}
