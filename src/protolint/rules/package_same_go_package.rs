//! OS9618 package-same-go-package (buf's PACKAGE_SAME_GO_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9618",
        "package-same-go-package",
        Severity::Error,
        "All files of a package set the same `go_package`.",
        same_option_docs!("go_package"),
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "go_package", 11, |o| o.go_package.as_ref().map(ToString::to_string));
}
