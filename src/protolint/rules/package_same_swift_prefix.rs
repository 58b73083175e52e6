//! OS9623 package-same-swift-prefix (buf's PACKAGE_SAME_SWIFT_PREFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9623",
        "package-same-swift-prefix",
        Severity::Error,
        "All files of a package set the same `swift_prefix`.",
        same_option_docs!("swift_prefix"),
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "swift_prefix", 39, |o| o.swift_prefix.as_ref().map(ToString::to_string));
}
