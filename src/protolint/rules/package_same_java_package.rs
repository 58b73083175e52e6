//! OS9620 package-same-java-package (buf's PACKAGE_SAME_JAVA_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9620",
        "package-same-java-package",
        Severity::Error,
        "All files of a package set the same `java_package`.",
        same_option_docs!("java_package"),
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "java_package", 1, |o| o.java_package.as_ref().map(ToString::to_string));
}
