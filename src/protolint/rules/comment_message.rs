//! OS9638 comment-message (buf's COMMENT_MESSAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9638",
        "comment-message",
        Severity::Error,
        "Every message has a leading comment.",
        comment_docs!("message", "message Order {}   // no comment above"),
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.messages();
    require_comments(
        sink,
        "Message",
        elements
            .iter()
            .map(|e| (e.file, e.path.as_slice(), e.descriptor.name())),
    );
}
