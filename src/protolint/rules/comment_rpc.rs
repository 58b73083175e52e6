//! OS9640 comment-rpc (buf's COMMENT_RPC).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9640",
        "comment-rpc",
        Severity::Error,
        "Every RPC has a leading comment.",
        comment_docs!("RPC", "service OrderService {
  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);
}"),
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.methods();
    require_comments(
        sink,
        "RPC",
        elements
            .iter()
            .map(|(_, e)| (e.file, e.path.as_slice(), e.descriptor.name())),
    );
}
