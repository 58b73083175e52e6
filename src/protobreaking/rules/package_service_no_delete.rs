//! OS9755 package-service-no-delete (buf's PACKAGE_SERVICE_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9755",
        "package-service-no-delete",
        Severity::Error,
        "Services are not deleted from a package.",
        DOCS,
    ),
    &["PACKAGE"],
    Check::Inputs(check),
)
.off_by_default();

const DOCS: &str = package_deletion_docs!("service");

fn check(inputs: &Inputs<'_>, sink: &mut Sink) {
    helpers::report_deleted_from_package(inputs, sink, "service", services, false);
}
