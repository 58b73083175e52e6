//! OS9727 file-same-swift-prefix (buf's FILE_SAME_SWIFT_PREFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9727",
        "file-same-swift-prefix",
        Severity::Error,
        "Files keep their `swift_prefix` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("swift_prefix", "Swift");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "swift_prefix", 39, |o| o.swift_prefix().to_string());
}
