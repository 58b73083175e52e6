//! OS9622 package-same-ruby-package (buf's PACKAGE_SAME_RUBY_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9622",
        "package-same-ruby-package",
        Severity::Error,
        "All files of a package set the same `ruby_package`.",
        same_option_docs!("ruby_package"),
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "ruby_package", 45, |o| o.ruby_package.as_ref().map(ToString::to_string));
}
