//! One file per proto breaking rule (buf's rule IDs, categories and
//! messages), listed once below in buf's order; [`helpers`] holds what
//! several rules share. buf's deprecated MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT
//! is left out.

pub mod helpers;

/// What every rule file imports.
mod prelude {
    pub use super::helpers::{self, wire_group, wire_json_group};
    pub use crate::codes::{Code, Severity};
    pub use crate::diagnostic::Diagnostic;
    pub use crate::engine::Sink;
    pub use crate::protobreaking::{
        Check, Element, FieldPair, Inputs, MethodPair, Pair, Rule, ValuePair, enums, extensions,
        finding, messages, report, report_changed, report_here, services, with_previous,
    };
    pub use crate::protobuild::compiled::path;
    pub use prost_types::{
        DescriptorProto, EnumDescriptorProto, FieldDescriptorProto, FileDescriptorProto,
        ServiceDescriptorProto,
    };
}

/// The docs of a PACKAGE_*_NO_DELETE rule, for one kind of element.
macro_rules! package_deletion_docs {
    ($what:literal) => {
        concat!(
            "\n## What it does\nChecks that every ",
            $what,
            " of a package in the previous version is still in that package, in any file ",
            "(moving it between files of the package is allowed). The package is compared ",
            "when the new version still has an element of this kind in it, as in buf.\n\n",
            "## Why is this bad\nCode that names the ",
            $what,
            " by its full name breaks.\n\n",
            "## Example\n```proto\n// acme/v1/a.proto declared the ",
            $what,
            "; no file of package acme.v1 does now\n```\n\n## How to fix\nKeep the ",
            $what,
            " in the package (deprecate it) until nothing uses it.\n"
        )
    };
}

/// The docs of a FILE_SAME_* rule, for one file option.
macro_rules! file_option_docs {
    ($option:literal, $language:literal) => {
        concat!(
            "\n## What it does\nChecks that the file option `", $option,
            "` keeps its value (unset counts as its default).\n\n## Why is this bad\n",
            "The option decides the name or shape of the ", $language,
            " code generated for the file; changing it moves or renames that code for every user.\n\n",
            "## Example\n```proto\noption ", $option, " = \"...\";   // changed, added or removed\n```\n\n",
            "## How to fix\nKeep the value the option had.\n"
        )
    };
}

/// Declares each rule's module and lists its `RULE` in [`RULES`].
macro_rules! rules {
    ($($module:ident,)*) => {
        $(pub mod $module;)*
        /// Every proto breaking rule, in code order.
        pub static RULES: &[super::Rule] = &[$($module::RULE,)*];
    };
}

rules! {
    extension_no_delete,
    service_no_delete,
    enum_no_delete,
    file_no_delete,
    message_no_delete,
    enum_same_type,
    field_same_cardinality,
    field_same_cpp_string_type,
    field_same_java_utf8_validation,
    field_same_jstype,
    field_same_utf8_validation,
    file_same_cc_enable_arenas,
    file_same_cc_generic_services,
    file_same_csharp_namespace,
    file_same_go_package,
    file_same_java_generic_services,
    file_same_java_multiple_files,
    file_same_java_outer_classname,
    file_same_java_package,
    file_same_objc_class_prefix,
    file_same_optimize_for,
    file_same_php_class_prefix,
    file_same_php_metadata_namespace,
    file_same_php_namespace,
    file_same_py_generic_services,
    file_same_ruby_package,
    file_same_swift_prefix,
    rpc_no_delete,
    enum_value_no_delete,
    extension_message_no_delete,
    field_no_delete,
    field_same_type,
    file_same_syntax,
    message_no_remove_standard_descriptor_accessor,
    oneof_no_delete,
    enum_same_json_format,
    enum_value_same_name,
    field_same_json_name,
    field_same_name,
    message_same_json_format,
    field_same_default,
    field_same_oneof,
    file_same_package,
    message_same_required_fields,
    reserved_enum_no_delete,
    reserved_message_no_delete,
    rpc_same_client_streaming,
    rpc_same_server_streaming,
    rpc_same_idempotency_level,
    rpc_same_request_type,
    rpc_same_response_type,
    package_enum_no_delete,
    package_extension_no_delete,
    package_message_no_delete,
    package_service_no_delete,
    package_no_delete,
    enum_value_no_delete_unless_name_reserved,
    field_no_delete_unless_name_reserved,
    field_wire_json_compatible_cardinality,
    field_wire_json_compatible_type,
    enum_value_no_delete_unless_number_reserved,
    field_no_delete_unless_number_reserved,
    field_wire_compatible_cardinality,
    field_wire_compatible_type,
}
