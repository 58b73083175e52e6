//! OS9619 package-same-java-multiple-files (buf's PACKAGE_SAME_JAVA_MULTIPLE_FILES).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9619",
        "package-same-java-multiple-files",
        Severity::Error,
        "All files of a package set the same `java_multiple_files`.",
        same_option_docs!("java_multiple_files"),
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "java_multiple_files", 10, |o| o.java_multiple_files.as_ref().map(ToString::to_string));
}
