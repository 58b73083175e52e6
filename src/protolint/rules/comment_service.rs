//! OS9641 comment-service (buf's COMMENT_SERVICE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9641",
        "comment-service",
        Severity::Error,
        "Every service has a leading comment.",
        comment_docs!("service", "service OrderService {}   // no comment above"),
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.services();
    require_comments(
        sink,
        "Service",
        elements
            .iter()
            .map(|e| (e.file, e.path.as_slice(), e.descriptor.name())),
    );
}
