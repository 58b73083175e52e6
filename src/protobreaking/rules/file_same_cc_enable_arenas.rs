//! OS9712 file-same-cc-enable-arenas (buf's FILE_SAME_CC_ENABLE_ARENAS).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9712",
        "file-same-cc-enable-arenas",
        Severity::Error,
        "Files keep their `cc_enable_arenas` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("cc_enable_arenas", "C++");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "cc_enable_arenas", 31, |o| o.cc_enable_arenas().to_string());
}
