//! OS9617 package-same-csharp-namespace (buf's PACKAGE_SAME_CSHARP_NAMESPACE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9617",
        "package-same-csharp-namespace",
        Severity::Error,
        "All files of a package set the same `csharp_namespace`.",
        same_option_docs!("csharp_namespace"),
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

fn check(set: &ProtoFiles, sink: &mut Sink) {
    same_file_option(set, sink, "csharp_namespace", 37, |o| o.csharp_namespace.as_ref().map(ToString::to_string));
}
