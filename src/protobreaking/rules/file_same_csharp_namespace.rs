//! OS9714 file-same-csharp-namespace (buf's FILE_SAME_CSHARP_NAMESPACE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9714",
        "file-same-csharp-namespace",
        Severity::Error,
        "Files keep their `csharp_namespace` option.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::File(check),
);

const DOCS: &str = file_option_docs!("csharp_namespace", "C#");

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    helpers::same_file_option(sink, pair, "csharp_namespace", 37, |o| o.csharp_namespace().to_string());
}
