//! OS9725 file-same-py-generic-services (buf's FILE_SAME_PY_GENERIC_SERVICES).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9725",
        "file-same-py-generic-services",
        Severity::Error,
        "Files keep their `py_generic_services` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("py_generic_services", "Python");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "py_generic_services", 18, |o| o.py_generic_services().to_string());
}
