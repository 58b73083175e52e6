//! OS9716 file-same-java-generic-services (buf's FILE_SAME_JAVA_GENERIC_SERVICES).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9716",
        "file-same-java-generic-services",
        Severity::Error,
        "Files keep their `java_generic_services` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("java_generic_services", "Java");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "java_generic_services", 17, |o| o.java_generic_services().to_string());
}
