//! `opensergo proto lint`: buf's lint rules over compiled `.proto` files,
//! as a second family of the shared [`crate::engine`] (the YAML `lint`
//! is the first): same selection, levels, runner and report layer.
//!
//! Rules see one element at a time through the walkers here (files,
//! messages, fields, oneofs, enums, enum values, services, methods), each
//! with its SourceCodeInfo path, so a finding lands where buf puts it:
//! naming rules at the name, element rules at the element's start.
//! Rule IDs, categories and configuration keys are buf's
//! (`FIELD_LOWER_SNAKE_CASE`, `STANDARD`, `enum_zero_value_suffix`), and
//! `// buf:lint:ignore RULE_ID` on an element or any element around it
//! silences that rule there.

pub mod config;
pub use crate::casing as names;
pub mod rules;

use std::collections::HashMap;
use std::sync::Arc;

use prost_types::{
    DescriptorProto, EnumDescriptorProto, EnumValueDescriptorProto, FieldDescriptorProto,
    FileDescriptorProto, MethodDescriptorProto, OneofDescriptorProto, ServiceDescriptorProto,
};

use crate::diagnostic::Diagnostic;
use crate::engine::{self, Levels, RuleFamily, Sink};
use crate::protobuild::compile::Image;
pub use crate::protobuild::compiled::path;
use crate::protobuild::compiled::{CompiledFile, with_sources};
use crate::protobuild::workspace;

/// A proto lint rule's check: it reads every file of the module.
pub type Check = fn(&ProtoFiles, &mut Sink);

/// A proto lint rule.
pub type Rule = engine::Rule<Check>;

/// buf's categories, in display order. `DEFAULT` is buf's other name
/// for STANDARD.
pub const CATEGORIES: &[&str] = &[
    "MINIMAL",
    "BASIC",
    "STANDARD",
    "COMMENTS",
    "UNARY_RPC",
    "OTHER",
];

pub static FAMILY: RuleFamily<Check> = RuleFamily {
    command: "opensergo proto lint",
    rules: rules::RULES,
    categories: CATEGORIES,
    configured_by: "STANDARD runs by default; choose rules and categories with `use` and `except` in the \
                    `lint` block of buf.yaml or of opensergo.yaml's `proto:` section.",
};

/// The configurable values of buf's `lint` block.
#[derive(Debug, Clone)]
pub struct Options {
    pub enum_zero_value_suffix: String,
    pub service_suffix: String,
    pub rpc_allow_same_request_response: bool,
    pub rpc_allow_google_protobuf_empty_requests: bool,
    pub rpc_allow_google_protobuf_empty_responses: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            enum_zero_value_suffix: "_UNSPECIFIED".into(),
            service_suffix: "Service".into(),
            rpc_allow_same_request_response: false,
            rpc_allow_google_protobuf_empty_requests: false,
            rpc_allow_google_protobuf_empty_responses: false,
        }
    }
}

/// The module being linted: the files of the module (imports are read
/// through `all_files`), and the rule options.
pub struct ProtoFiles {
    pub files: Vec<CompiledFile>,
    /// Every file of the image (the module's, the other modules' and
    /// their imports), by name.
    pub all_files: Arc<HashMap<String, FileDescriptorProto>>,
    /// For each module file, the files whose extensions its options set
    /// (custom options such as `google.api.field_behavior`).
    pub option_sources: HashMap<String, std::collections::HashSet<String>>,
    pub options: Options,
}

/// The files whose extensions the options of `file` (and of everything
/// in it) set: descriptor options keep custom options as extensions.
fn option_sources(file: &prost_reflect::FileDescriptor) -> std::collections::HashSet<String> {
    use prost_reflect::{DynamicMessage, Value};
    fn visit(options: &DynamicMessage, out: &mut std::collections::HashSet<String>) {
        for (extension, value) in options.extensions() {
            out.insert(extension.parent_file().name().to_string());
            // An option's value may itself carry extensions.
            if let Value::Message(m) = value {
                visit(m, out);
            }
        }
    }
    let mut out = std::collections::HashSet::new();
    visit(&file.options(), &mut out);
    let mut messages: Vec<prost_reflect::MessageDescriptor> = file.messages().collect();
    while let Some(message) = messages.pop() {
        visit(&message.options(), &mut out);
        for field in message.fields() {
            visit(&field.options(), &mut out);
        }
        for oneof in message.oneofs() {
            visit(&oneof.options(), &mut out);
        }
        for e in message.child_enums() {
            visit(&e.options(), &mut out);
            for v in e.values() {
                visit(&v.options(), &mut out);
            }
        }
        messages.extend(message.child_messages());
    }
    for e in file.enums() {
        visit(&e.options(), &mut out);
        for v in e.values() {
            visit(&v.options(), &mut out);
        }
    }
    for service in file.services() {
        visit(&service.options(), &mut out);
        for method in service.methods() {
            visit(&method.options(), &mut out);
        }
    }
    for extension in file.extensions() {
        visit(&extension.options(), &mut out);
    }
    out
}

/// One element of a file, with its SourceCodeInfo path.
pub struct Element<'a, T> {
    pub file: &'a CompiledFile,
    pub descriptor: &'a T,
    pub path: Vec<i32>,
}

impl<T> Element<'_, T> {
    /// The path of the element's `name`.
    pub fn name_path(&self) -> Vec<i32> {
        let mut p = self.path.clone();
        p.push(path::NAME);
        p
    }

    pub fn child_path(&self, field: i32, index: usize) -> Vec<i32> {
        let mut p = self.path.clone();
        p.extend([field, i32::try_from(index).unwrap_or(i32::MAX)]);
        p
    }
}

fn index(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

impl ProtoFiles {
    /// Every message (nested ones too; map entries, which protoc makes
    /// up, left out).
    pub fn messages(&self) -> Vec<Element<'_, DescriptorProto>> {
        let mut out = Vec::new();
        for file in &self.files {
            let mut stack: Vec<(&DescriptorProto, Vec<i32>)> = file
                .descriptor
                .message_type
                .iter()
                .enumerate()
                .map(|(i, m)| (m, vec![path::FILE_MESSAGE, index(i)]))
                .collect();
            while let Some((message, at)) = stack.pop() {
                if message.options.as_ref().is_some_and(|o| o.map_entry()) {
                    continue;
                }
                for (i, nested) in message.nested_type.iter().enumerate() {
                    let mut p = at.clone();
                    p.extend([path::MESSAGE_NESTED, index(i)]);
                    stack.push((nested, p));
                }
                out.push(Element {
                    file,
                    descriptor: message,
                    path: at,
                });
            }
        }
        out.sort_by(|a, b| (a.file.name(), &a.path).cmp(&(b.file.name(), &b.path)));
        out
    }

    /// Every field of every message, with its message.
    pub fn fields(
        &self,
    ) -> Vec<(
        Element<'_, DescriptorProto>,
        Element<'_, FieldDescriptorProto>,
    )> {
        self.messages()
            .into_iter()
            .flat_map(|m| {
                let fields: Vec<_> = m
                    .descriptor
                    .field
                    .iter()
                    .enumerate()
                    .map(|(i, f)| Element {
                        file: m.file,
                        descriptor: f,
                        path: m.child_path(path::MESSAGE_FIELD, i),
                    })
                    .collect();
                fields.into_iter().map(move |f| {
                    (
                        Element {
                            file: m.file,
                            descriptor: m.descriptor,
                            path: m.path.clone(),
                        },
                        f,
                    )
                })
            })
            .collect()
    }

    /// Every oneof written in the source (proto3 `optional` fields get a
    /// synthetic one, left out).
    pub fn oneofs(&self) -> Vec<Element<'_, OneofDescriptorProto>> {
        let mut out = Vec::new();
        for m in self.messages() {
            for (i, oneof) in m.descriptor.oneof_decl.iter().enumerate() {
                let synthetic = m
                    .descriptor
                    .field
                    .iter()
                    .any(|f| f.oneof_index == Some(index(i)) && f.proto3_optional());
                if !synthetic {
                    out.push(Element {
                        file: m.file,
                        descriptor: oneof,
                        path: m.child_path(path::MESSAGE_ONEOF, i),
                    });
                }
            }
        }
        out
    }

    /// Every enum, top-level and nested.
    pub fn enums(&self) -> Vec<Element<'_, EnumDescriptorProto>> {
        let mut out = Vec::new();
        for file in &self.files {
            for (i, e) in file.descriptor.enum_type.iter().enumerate() {
                out.push(Element {
                    file,
                    descriptor: e,
                    path: vec![path::FILE_ENUM, index(i)],
                });
            }
        }
        for m in self.messages() {
            for (i, e) in m.descriptor.enum_type.iter().enumerate() {
                out.push(Element {
                    file: m.file,
                    descriptor: e,
                    path: m.child_path(path::MESSAGE_ENUM, i),
                });
            }
        }
        out.sort_by(|a, b| (a.file.name(), &a.path).cmp(&(b.file.name(), &b.path)));
        out
    }

    /// Every enum value, with its enum.
    pub fn enum_values(
        &self,
    ) -> Vec<(
        Element<'_, EnumDescriptorProto>,
        Element<'_, EnumValueDescriptorProto>,
    )> {
        let mut out = Vec::new();
        for e in self.enums() {
            for (i, value) in e.descriptor.value.iter().enumerate() {
                out.push((
                    Element {
                        file: e.file,
                        descriptor: e.descriptor,
                        path: e.path.clone(),
                    },
                    Element {
                        file: e.file,
                        descriptor: value,
                        path: e.child_path(path::ENUM_VALUE, i),
                    },
                ));
            }
        }
        out
    }

    pub fn services(&self) -> Vec<Element<'_, ServiceDescriptorProto>> {
        let mut out = Vec::new();
        for file in &self.files {
            for (i, s) in file.descriptor.service.iter().enumerate() {
                out.push(Element {
                    file,
                    descriptor: s,
                    path: vec![path::FILE_SERVICE, index(i)],
                });
            }
        }
        out
    }

    /// Every RPC, with its service.
    pub fn methods(
        &self,
    ) -> Vec<(
        Element<'_, ServiceDescriptorProto>,
        Element<'_, MethodDescriptorProto>,
    )> {
        let mut out = Vec::new();
        for s in self.services() {
            for (i, method) in s.descriptor.method.iter().enumerate() {
                out.push((
                    Element {
                        file: s.file,
                        descriptor: s.descriptor,
                        path: s.path.clone(),
                    },
                    Element {
                        file: s.file,
                        descriptor: method,
                        path: s.child_path(path::SERVICE_METHOD, i),
                    },
                ));
            }
        }
        out
    }

    /// Files by package, in name order.
    pub fn by_package(&self) -> std::collections::BTreeMap<&str, Vec<&CompiledFile>> {
        let mut packages: std::collections::BTreeMap<&str, Vec<&CompiledFile>> =
            std::collections::BTreeMap::new();
        for file in &self.files {
            packages
                .entry(file.descriptor.package())
                .or_default()
                .push(file);
        }
        packages
    }
}

/// Whether `// buf:lint:ignore RULE_ID` stands in the leading
/// comments of the element at `path` or of any element around it.
pub fn comment_ignores(file: &CompiledFile, path: &[i32], rule_id: &str) -> bool {
    (1..=path.len()).any(|len| {
        file.location(&path[..len]).is_some_and(|l| {
            l.leading_comments().lines().any(|line| {
                line.trim()
                    .strip_prefix("buf:lint:ignore")
                    .is_some_and(|rest| rest.split_whitespace().any(|id| id == rule_id))
            })
        })
    })
}

/// An element of a file, by its SourceCodeInfo path.
type ElementAt<'a> = (&'a CompiledFile, &'a Vec<i32>);

/// Findings of one run, sorted by file and position, with the ones
/// silenced by `// buf:lint:ignore` comments counted.
pub struct Linted {
    pub diagnostics: Vec<Diagnostic>,
    pub suppressed: usize,
}

/// Runs the enabled rules over the module.
pub fn lint(files: &ProtoFiles, levels: &Levels, allow_comment_ignores: bool) -> Linted {
    let mut diagnostics = engine::run(&FAMILY, levels, |check, sink| check(files, sink));
    let suppressed = if allow_comment_ignores && !diagnostics.is_empty() {
        // The elements that start at each offset of each file: a finding
        // is about the element(s) starting where it points.
        let mut starts: HashMap<(&str, usize), Vec<ElementAt<'_>>> = HashMap::new();
        for file in &files.files {
            for (path, location) in file.locations() {
                starts
                    .entry((file.source.name.as_str(), file.span(location).start))
                    .or_default()
                    .push((file, path));
            }
        }
        engine::suppress(&mut diagnostics, |d| {
            let Some(location) = &d.location else {
                return false;
            };
            let rule_id = crate::protobuild::buf_rule_id(d.code.name);
            starts
                .get(&(d.file.as_str(), location.span.start))
                .is_some_and(|elements| {
                    elements
                        .iter()
                        .any(|(file, path)| comment_ignores(file, path, &rule_id))
                })
        })
    } else {
        0
    };
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                d.file.clone(),
                d.location.as_ref().map_or(0, |l| l.span.start),
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.code.id.cmp(b.code.id))
    });
    Linted {
        diagnostics,
        suppressed,
    }
}

/// The module's files from a compiled image: `targets` (import paths)
/// are the files to lint, each with the workspace source it was compiled
/// from; every other image file is an import, read through `all_files`.
pub fn from_image(
    image: &Image,
    targets: &[&workspace::ProtoFile],
    all_files: Arc<HashMap<String, FileDescriptorProto>>,
    pool: &prost_reflect::DescriptorPool,
    options: Options,
) -> ProtoFiles {
    let files = with_sources(image, targets);
    let option_sources = files
        .iter()
        .filter_map(|file| pool.get_file_by_name(file.name()))
        .map(|file| (file.name().to_string(), option_sources(&file)))
        .collect();
    ProtoFiles {
        files,
        all_files,
        option_sources,
        options,
    }
}
