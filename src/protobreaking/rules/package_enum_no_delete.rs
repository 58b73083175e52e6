//! OS9752 package-enum-no-delete (buf's PACKAGE_ENUM_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9752",
        "package-enum-no-delete",
        Severity::Error,
        "Enums are not deleted from a package.",
        DOCS,
    ),
    &["PACKAGE"],
    Check::Inputs(check),
)
.off_by_default();

const DOCS: &str = package_deletion_docs!("enum");

fn check(inputs: &Inputs<'_>, sink: &mut Sink) {
    helpers::report_deleted_from_package(inputs, sink, "enum", enums, true);
}
