//! OS9635 comment-enum (buf's COMMENT_ENUM).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9635",
        "comment-enum",
        Severity::Error,
        "Every enum has a leading comment.",
        comment_docs!("enum", "enum Color { COLOR_UNSPECIFIED = 0; }"),
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.enums();
    require_comments(
        sink,
        "Enum",
        elements
            .iter()
            .map(|e| (e.file, e.path.as_slice(), e.descriptor.name())),
    );
}
