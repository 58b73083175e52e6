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

const DOCS: &str = file_option_docs!("ruby_package", "Ruby");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "ruby_package", 45, |o| o.ruby_package().to_string());
}
