//! OS9721 file-same-optimize-for (buf's FILE_SAME_OPTIMIZE_FOR).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9721",
        "file-same-optimize-for",
        Severity::Error,
        "Files keep their `optimize_for` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("optimize_for", "C++ and Java");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "optimize_for", 9, |o| o.optimize_for().as_str_name().to_string());
}
