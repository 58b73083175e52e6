//! OS9754 package-message-no-delete (buf's PACKAGE_MESSAGE_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9754",
        "package-message-no-delete",
        Severity::Error,
        "Messages are not deleted from a package.",
        DOCS,
    ),
    &["PACKAGE"],
    Check::Inputs(check),
)
.off_by_default();

const DOCS: &str = package_deletion_docs!("message");

fn check(inputs: &Inputs<'_>, sink: &mut Sink) {
    helpers::report_deleted_from_package(inputs, sink, "message", messages, true);
}
