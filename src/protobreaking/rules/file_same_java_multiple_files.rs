//! OS9717 file-same-java-multiple-files (buf's FILE_SAME_JAVA_MULTIPLE_FILES).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9717",
        "file-same-java-multiple-files",
        Severity::Error,
        "Files keep their `java_multiple_files` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("java_multiple_files", "Java");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "java_multiple_files", 10, |o| o.java_multiple_files().to_string());
}
