//! OS9722 file-same-php-class-prefix (buf's FILE_SAME_PHP_CLASS_PREFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9722",
        "file-same-php-class-prefix",
        Severity::Error,
        "Files keep their `php_class_prefix` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("php_class_prefix", "PHP");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "php_class_prefix", 40, |o| o.php_class_prefix().to_string());
}
