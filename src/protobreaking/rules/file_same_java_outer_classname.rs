//! OS9718 file-same-java-outer-classname (buf's FILE_SAME_JAVA_OUTER_CLASSNAME).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9718",
        "file-same-java-outer-classname",
        Severity::Error,
        "Files keep their `java_outer_classname` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("java_outer_classname", "Java");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "java_outer_classname", 8, |o| o.java_outer_classname().to_string());
}
