//! One file per proto lint rule (buf's rule IDs, categories and
//! messages), listed once below in code order; the helpers here are what
//! several rules share. PROTOVALIDATE (buf's checks of protovalidate
//! annotations) is left out: it needs the protovalidate extension
//! definitions, which the tool does not ship.

use std::collections::{BTreeSet, HashMap, HashSet};

use prost_types::FileOptions;
use prost_types::field_descriptor_proto::Label;

use super::{CompiledFile, ProtoFiles, path};
use crate::engine::Sink;

/// What every rule file imports.
mod prelude {
    pub use super::*;
    pub use crate::codes::{Code, Severity};
    pub use crate::protolint::{ProtoFiles, Rule, names, path};
}

/// The docs of a COMMENT_* rule, for one kind of element.
macro_rules! comment_docs {
    ($element:literal, $example:literal) => {
        concat!(
            "\n## What it does\nChecks that every ", $element,
            " has a non-empty leading comment (a `buf:lint:ignore` line alone does not count).\n\n",
            "## Why is this bad\nComments become the documentation of every generated stub; an undocumented ",
            $element, " is guesswork for every SDK user.\n\n## Example\n```proto\n", $example,
            "\n```\n\n## How to fix\nWrite a comment above the ", $element, ".\n"
        )
    };
}

/// The docs of a PACKAGE_SAME_* rule, for one file option.
macro_rules! same_option_docs {
    ($option:literal) => {
        concat!(
            "\n## What it does\nChecks that the files of one package all give the file option `",
            $option,
            "` the same value (or all leave it unset).\n\n## Why is this bad\n",
            "The option decides where and under which name the package's generated code lives; ",
            "files of one package with different values split the package in that language.\n\n",
            "## Example\n```proto\n// a.proto\npackage acme.v1;\noption ",
            $option,
            " = \"one\";\n// b.proto\npackage acme.v1;\noption ",
            $option,
            " = \"two\";\n```\n\n## How to fix\nGive every file of the package the same value.\n"
        )
    };
}

pub use crate::protobuild::version::{has_version, is_stable, is_unstable};

/// Declares each rule's module and lists its `RULE` in [`RULES`].
macro_rules! rules {
    ($($module:ident,)*) => {
        $(pub mod $module;)*
        /// Every proto lint rule, in code order.
        pub static RULES: &[super::Rule] = &[$($module::RULE,)*];
    };
}

rules! {
    directory_same_package,
    package_defined,
    package_directory_match,
    package_no_import_cycle,
    package_same_directory,
    enum_first_value_zero,
    enum_no_allow_alias,
    enum_pascal_case,
    enum_value_upper_snake_case,
    field_lower_snake_case,
    field_not_required,
    import_no_public,
    import_used,
    message_pascal_case,
    oneof_lower_snake_case,
    package_lower_snake_case,
    package_same_csharp_namespace,
    package_same_go_package,
    package_same_java_multiple_files,
    package_same_java_package,
    package_same_php_namespace,
    package_same_ruby_package,
    package_same_swift_prefix,
    rpc_pascal_case,
    service_pascal_case,
    syntax_specified,
    enum_value_prefix,
    enum_zero_value_suffix,
    file_lower_snake_case,
    package_version_suffix,
    rpc_request_response_unique,
    rpc_request_standard_name,
    rpc_response_standard_name,
    service_suffix,
    comment_enum,
    comment_enum_value,
    comment_field,
    comment_message,
    comment_oneof,
    comment_rpc,
    comment_service,
    rpc_no_client_streaming,
    rpc_no_server_streaming,
    stable_package_no_import_unstable,
    import_no_weak,
}

/// Reports a finding of the running rule at an element of `file`.
pub fn report(sink: &mut Sink, file: &CompiledFile, at: &[i32], message: String) {
    sink.push(file.finding(sink.code(), at, message));
}

pub fn index(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

/// The `package` statement's path.
pub fn package_path(_file: &CompiledFile) -> Vec<i32> {
    vec![path::FILE_PACKAGE]
}

/// Distinct values, sorted.
pub fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    values.collect::<BTreeSet<_>>().into_iter().collect()
}

/// Files by directory, in name order.
pub fn by_directory(set: &ProtoFiles) -> Vec<(&str, Vec<&CompiledFile>)> {
    let mut directories: std::collections::BTreeMap<&str, Vec<&CompiledFile>> =
        std::collections::BTreeMap::new();
    for file in &set.files {
        directories.entry(file.directory()).or_default().push(file);
    }
    directories.into_iter().collect()
}

/// Reports every element (file, path, name) without a leading comment,
/// as `"<Label> \"name\" should have a non-empty comment..."`.
pub fn require_comments<'a>(
    sink: &mut Sink,
    label: &str,
    elements: impl Iterator<Item = (&'a CompiledFile, &'a [i32], &'a str)>,
) {
    for (file, at, name) in elements {
        if !has_comment(file, at) {
            report(
                sink,
                file,
                at,
                format!("{label} {name:?} should have a non-empty comment for documentation."),
            );
        }
    }
}

/// Reports every element (file, name path, name) whose name breaks a
/// style, as `"<Label> name \"x\" should be <style>, such as \"X\"."`.
pub fn require_style<'a>(
    sink: &mut Sink,
    label: &str,
    style: &str,
    fits: fn(&str) -> bool,
    suggest: fn(&str) -> String,
    elements: impl Iterator<Item = (&'a CompiledFile, Vec<i32>, &'a str)>,
) {
    for (file, at, name) in elements {
        if !fits(name) {
            report(
                sink,
                file,
                &at,
                format!(
                    "{label} name {name:?} should be {style}, such as {:?}.",
                    suggest(name)
                ),
            );
        }
    }
}

/// Whether an element has a leading comment other than `buf:lint:ignore`
/// lines.
pub fn has_comment(file: &CompiledFile, at: &[i32]) -> bool {
    file.comment(at)
        .lines()
        .any(|line| !line.trim().is_empty() && !line.trim().starts_with("buf:lint:ignore"))
}

/// Each import of a module file that closes a cycle in the package
/// graph: (file, import index, the cycle as package names).
pub fn import_cycles(set: &ProtoFiles) -> Vec<(&CompiledFile, i32, Vec<String>)> {
    // Package -> packages it imports (over every file known, imports
    // included, so cycles through imported packages count too).
    let mut graph: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for file in set.all_files.values() {
        for dependency in &file.dependency {
            if let Some(imported) = set.all_files.get(dependency)
                && imported.package() != file.package()
            {
                graph
                    .entry(file.package())
                    .or_default()
                    .insert(imported.package());
            }
        }
    }
    let mut out = Vec::new();
    for file in &set.files {
        let from = file.descriptor.package();
        for (i, dependency) in file.descriptor.dependency.iter().enumerate() {
            let Some(to) = set.all_files.get(dependency).map(|d| d.package()) else {
                continue;
            };
            if to == from {
                continue;
            }
            if let Some(back) = shortest_path(&graph, to, from) {
                let mut cycle: Vec<String> = vec![from.to_string()];
                cycle.extend(back.into_iter().map(str::to_string));
                out.push((file, index(i), cycle));
            }
        }
    }
    out
}

/// The shortest package path `from ... to` (breadth first), if any.
fn shortest_path<'a>(
    graph: &HashMap<&'a str, BTreeSet<&'a str>>,
    from: &'a str,
    to: &'a str,
) -> Option<Vec<&'a str>> {
    let mut previous: HashMap<&str, &str> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([from]);
    let mut seen: HashSet<&str> = HashSet::from([from]);
    while let Some(node) = queue.pop_front() {
        if node == to {
            let mut path = vec![to];
            let mut at = to;
            while let Some(&p) = previous.get(at) {
                path.push(p);
                at = p;
            }
            path.reverse();
            return Some(path);
        }
        for &next in graph.get(node).into_iter().flatten() {
            if seen.insert(next) {
                previous.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    None
}

/// The full names (`.pkg.Msg`) a file defines.
fn defined_types(file: &prost_types::FileDescriptorProto) -> HashSet<String> {
    let mut out = HashSet::new();
    let prefix = if file.package().is_empty() {
        String::new()
    } else {
        format!(".{}", file.package())
    };
    let mut stack: Vec<(String, &prost_types::DescriptorProto)> = file
        .message_type
        .iter()
        .map(|m| (prefix.clone(), m))
        .collect();
    for e in &file.enum_type {
        out.insert(format!("{prefix}.{}", e.name()));
    }
    while let Some((scope, message)) = stack.pop() {
        let name = format!("{scope}.{}", message.name());
        for e in &message.enum_type {
            out.insert(format!("{name}.{}", e.name()));
        }
        for nested in &message.nested_type {
            stack.push((name.clone(), nested));
        }
        out.insert(name);
    }
    out
}

/// Imports that provide no type the file uses and no extension its
/// options set: (file, import index, import name).
pub fn unused_imports(set: &ProtoFiles) -> Vec<(&CompiledFile, i32, &str)> {
    let mut out = Vec::new();
    for file in &set.files {
        let mut used: HashSet<&str> = HashSet::new();
        let mut stack: Vec<&prost_types::DescriptorProto> =
            file.descriptor.message_type.iter().collect();
        while let Some(message) = stack.pop() {
            used.extend(message.field.iter().map(|f| f.type_name()));
            used.extend(
                message
                    .extension
                    .iter()
                    .flat_map(|f| [f.type_name(), f.extendee()]),
            );
            stack.extend(message.nested_type.iter());
        }
        used.extend(
            file.descriptor
                .extension
                .iter()
                .flat_map(|f| [f.type_name(), f.extendee()]),
        );
        for service in &file.descriptor.service {
            used.extend(
                service
                    .method
                    .iter()
                    .flat_map(|m| [m.input_type(), m.output_type()]),
            );
        }
        for (i, dependency) in file.descriptor.dependency.iter().enumerate() {
            let Some(imported) = set.all_files.get(dependency) else {
                continue;
            };
            let sets_its_options = set
                .option_sources
                .get(file.name())
                .is_some_and(|sources| sources.contains(dependency));
            if sets_its_options || file.descriptor.public_dependency.contains(&index(i)) {
                continue;
            }
            // A type of the imported file, or of a file it imports publicly.
            let mut provided = defined_types(imported);
            for &public in &imported.public_dependency {
                if let Some(again) = usize::try_from(public)
                    .ok()
                    .and_then(|p| imported.dependency.get(p))
                    .and_then(|name| set.all_files.get(name))
                {
                    provided.extend(defined_types(again));
                }
            }
            if !used.iter().any(|t| provided.contains(*t)) {
                out.push((file, index(i), dependency.as_str()));
            }
        }
    }
    out
}

/// Reports the files of a package whose file option `field` (number
/// `number` in FileOptions) differs between files.
pub fn same_file_option(
    set: &ProtoFiles,
    sink: &mut Sink,
    field: &str,
    number: i32,
    value: impl Fn(&FileOptions) -> Option<String>,
) {
    for (package, files) in set.by_package() {
        let values: Vec<String> = files
            .iter()
            .map(|f| {
                f.descriptor
                    .options
                    .as_ref()
                    .and_then(&value)
                    .unwrap_or_default()
            })
            .collect();
        let shown = distinct(values.iter().map(String::as_str));
        if shown.len() < 2 {
            continue;
        }
        let message = if shown.contains(&"") {
            let values: Vec<&str> = shown.iter().copied().filter(|v| !v.is_empty()).collect();
            format!(
                "Files in package {package:?} have both values {:?} and no value for option {field:?} and all values must be equal.",
                values.join(",")
            )
        } else {
            format!(
                "Files in package {package:?} have multiple values {:?} for option {field:?} and all values must be equal.",
                shown.join(",")
            )
        };
        for (file, value) in files.iter().zip(&values) {
            // buf points at the option where it is set, else at the file (1:1).
            let at: &[i32] = if value.is_empty() {
                &[]
            } else {
                &[path::FILE_OPTIONS, number]
            };
            report(sink, file, at, message.clone());
        }
    }
}

/// RPC_REQUEST_RESPONSE_UNIQUE: a message is the request or response of
/// one RPC only, and an RPC takes and returns different messages.
pub fn request_response_unique(set: &ProtoFiles, sink: &mut Sink) {
    let options = &set.options;
    let methods = set.methods();
    let empty = ".google.protobuf.Empty";
    let allowed = |type_name: &str, request: bool| {
        type_name == empty
            && if request {
                options.rpc_allow_google_protobuf_empty_requests
            } else {
                options.rpc_allow_google_protobuf_empty_responses
            }
    };
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for (_, m) in &methods {
        let (input, output) = (m.descriptor.input_type(), m.descriptor.output_type());
        if !allowed(input, true) {
            *uses.entry(input).or_default() += 1;
        }
        if !allowed(output, false) && output != input {
            *uses.entry(output).or_default() += 1;
        }
    }
    for (_, m) in &methods {
        let (input, output) = (m.descriptor.input_type(), m.descriptor.output_type());
        for type_name in [input, output] {
            if uses.get(type_name).is_some_and(|&n| n > 1)
                && (type_name == input || output != input)
            {
                report(
                    sink,
                    m.file,
                    &m.path,
                    format!(
                        "{:?} is used as the request or response type for multiple RPCs.",
                        type_name.trim_start_matches('.')
                    ),
                );
                if input == output {
                    break;
                }
            }
        }
        if input == output && !options.rpc_allow_same_request_response && !allowed(input, true) {
            report(
                sink,
                m.file,
                &m.path,
                format!(
                    "RPC {:?} has the same type {:?} for the request and response.",
                    m.descriptor.name(),
                    input.trim_start_matches('.')
                ),
            );
        }
    }
}

/// RPC_REQUEST_STANDARD_NAME / RPC_RESPONSE_STANDARD_NAME.
pub fn standard_name(set: &ProtoFiles, sink: &mut Sink, what: &str, suffix: &str) {
    let request = suffix == "Request";
    for (service, m) in set.methods() {
        let type_name = if request {
            m.descriptor.input_type()
        } else {
            m.descriptor.output_type()
        };
        let empty_allowed = type_name == ".google.protobuf.Empty"
            && if request {
                set.options.rpc_allow_google_protobuf_empty_requests
            } else {
                set.options.rpc_allow_google_protobuf_empty_responses
            };
        if empty_allowed {
            continue;
        }
        let simple = type_name.rsplit('.').next().unwrap_or_default();
        let method = super::names::to_pascal(m.descriptor.name());
        let short = format!("{method}{suffix}");
        let long = format!(
            "{}{method}{suffix}",
            super::names::to_pascal(service.descriptor.name())
        );
        if simple != short && simple != long {
            let mut at = m.path.clone();
            at.push(if request {
                path::METHOD_INPUT
            } else {
                path::METHOD_OUTPUT
            });
            report(
                sink,
                m.file,
                &at,
                format!("RPC {what} type {simple:?} should be named {short:?} or {long:?}."),
            );
        }
    }
}
