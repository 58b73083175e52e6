//! OS9720 file-same-objc-class-prefix (buf's FILE_SAME_OBJC_CLASS_PREFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9720",
        "file-same-objc-class-prefix",
        Severity::Error,
        "Files keep their `objc_class_prefix` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("objc_class_prefix", "Objective-C");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "objc_class_prefix", 36, |o| o.objc_class_prefix().to_string());
}
