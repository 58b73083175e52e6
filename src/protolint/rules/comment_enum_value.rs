//! OS9636 comment-enum-value (buf's COMMENT_ENUM_VALUE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9636",
        "comment-enum-value",
        Severity::Error,
        "Every enum value has a leading comment.",
        comment_docs!("enum value", "enum Color {
  COLOR_UNSPECIFIED = 0;   // no comment above the value
}"),
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.enum_values();
    require_comments(
        sink,
        "Enum value",
        elements
            .iter()
            .map(|(_, e)| (e.file, e.path.as_slice(), e.descriptor.name())),
    );
}
