//! OS9753 package-extension-no-delete (buf's PACKAGE_EXTENSION_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9753",
        "package-extension-no-delete",
        Severity::Error,
        "Extensions are not deleted from a package.",
        DOCS,
    ),
    &["PACKAGE"],
    Check::Inputs(check),
)
.off_by_default();

const DOCS: &str = package_deletion_docs!("extension");

fn check(inputs: &Inputs<'_>, sink: &mut Sink) {
    helpers::report_deleted_from_package(inputs, sink, "extension", extensions, true);
}
