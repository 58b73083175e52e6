//! OS9621 package-same-php-namespace (buf's PACKAGE_SAME_PHP_NAMESPACE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9621",
        "package-same-php-namespace",
        Severity::Error,
        "All files of a package set the same `php_namespace`.",
        same_option_docs!("php_namespace"),
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "php_namespace", 41, |o| o.php_namespace.as_ref().map(ToString::to_string));
}
