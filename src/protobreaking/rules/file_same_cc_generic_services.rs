//! OS9713 file-same-cc-generic-services (buf's FILE_SAME_CC_GENERIC_SERVICES).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9713",
        "file-same-cc-generic-services",
        Severity::Error,
        "Files keep their `cc_generic_services` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("cc_generic_services", "C++");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "cc_generic_services", 16, |o| o.cc_generic_services().to_string());
}
