//! OS9719 file-same-java-package (buf's FILE_SAME_JAVA_PACKAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9719",
        "file-same-java-package",
        Severity::Error,
        "Files keep their `java_package` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("java_package", "Java");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "java_package", 1, |o| o.java_package().to_string());
}
