//! OS9715 file-same-go-package (buf's FILE_SAME_GO_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9715",
        "file-same-go-package",
        Severity::Error,
        "Files keep their `go_package` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("go_package", "Go");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "go_package", 11, |o| o.go_package().to_string());
}
