//! OS9637 comment-field (buf's COMMENT_FIELD).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9637",
        "comment-field",
        Severity::Error,
        "Every field has a leading comment.",
        comment_docs!("field", "message Order {
  string id = 1;   // no comment above the field
}"),
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.fields();
    require_comments(
        sink,
        "Field",
        elements
            .iter()
            .map(|(_, e)| (e.file, e.path.as_slice(), e.descriptor.name())),
    );
}
