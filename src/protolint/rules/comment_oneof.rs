//! OS9639 comment-oneof (buf's COMMENT_ONEOF).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9639",
        "comment-oneof",
        Severity::Error,
        "Every oneof has a leading comment.",
        comment_docs!("oneof", "message Pick {
  oneof kind { string a = 1; }   // no comment above the oneof
}"),
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.oneofs();
    require_comments(
        sink,
        "Oneof",
        elements
            .iter()
            .map(|e| (e.file, e.path.as_slice(), e.descriptor.name())),
    );
}
