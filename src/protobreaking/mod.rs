//! `opensergo proto breaking`: buf's breaking-change rules between two
//! compiled versions of a proto workspace, as the third family of the
//! shared [`crate::engine`] (after the YAML `lint` and `proto lint`).
//!
//! Elements of the previous and the current version are paired the way
//! buf pairs them (files by path, messages, enums and services by full
//! name, fields by number inside their message, extensions by extendee
//! and number, enum values by number, RPCs by name), and each rule sees
//! one pair at a time. A rule about deletions sees the pair of parents:
//! a deleted field is reported at its message in the new file, a deleted
//! top-level message at the start of the new file, exactly where buf
//! reports them. Every finding also names the previous location.

pub mod against;
pub mod config;
pub mod rules;

use std::collections::{BTreeMap, HashMap};

use prost_types::{
    DescriptorProto, EnumDescriptorProto, EnumValueDescriptorProto, FieldDescriptorProto,
    FileDescriptorProto, MethodDescriptorProto, ServiceDescriptorProto,
};

use crate::diagnostic::Diagnostic;
use crate::engine::{self, Levels, RuleFamily, Sink};
use crate::protobuild::compile::Image;
use crate::protobuild::compiled::{CompiledFile, path, with_sources};
use crate::protobuild::workspace;

/// What a rule's check sees: the whole pair of inputs, or one pair of
/// elements of a kind (the runner calls it once per pair).
#[derive(Debug, Clone, Copy)]
pub enum Check {
    Inputs(fn(&Inputs<'_>, &mut Sink)),
    File(fn(&Inputs<'_>, &Pair<'_, FileDescriptorProto>, &mut Sink)),
    Message(fn(&Inputs<'_>, &Pair<'_, DescriptorProto>, &mut Sink)),
    Field(fn(&Inputs<'_>, &FieldPair<'_>, &mut Sink)),
    Enum(fn(&Inputs<'_>, &Pair<'_, EnumDescriptorProto>, &mut Sink)),
    EnumValue(fn(&Inputs<'_>, &ValuePair<'_>, &mut Sink)),
    Service(fn(&Inputs<'_>, &Pair<'_, ServiceDescriptorProto>, &mut Sink)),
    Method(fn(&Inputs<'_>, &MethodPair<'_>, &mut Sink)),
}

/// A proto breaking rule.
pub type Rule = engine::Rule<Check>;

/// buf's categories, strictest first; CSR is buf's schema-registry set.
pub const CATEGORIES: &[&str] = &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"];

pub static FAMILY: RuleFamily<Check> = RuleFamily {
    command: "opensergo proto breaking",
    rules: rules::RULES,
    categories: CATEGORIES,
    configured_by: "FILE runs by default; choose rules and categories with `use` and `except` in the \
                    `breaking` block of buf.yaml or of opensergo.yaml's `proto:` section.",
};

/// One version: the files compared (imports left out) and every file of
/// its image (imports too), for resolving field and RPC types.
pub struct Side {
    pub files: Vec<CompiledFile>,
    pub all_files: Vec<FileDescriptorProto>,
}

impl Side {
    /// The side of a compiled workspace: `targets` (the files compared)
    /// with the text each was compiled from, and every file of the image.
    pub fn compiled(image: &Image, targets: &[&workspace::ProtoFile]) -> Side {
        Side {
            files: with_sources(image, targets),
            all_files: image.files.iter().map(|f| f.descriptor.clone()).collect(),
        }
    }
}

/// Messages and enums of one side by type name (`.acme.v1.Order`).
pub struct Types<'a> {
    pub messages: HashMap<String, &'a DescriptorProto>,
    pub enums: HashMap<String, &'a EnumDescriptorProto>,
}

impl<'a> Types<'a> {
    fn of(files: &'a [FileDescriptorProto]) -> Self {
        let mut types = Types {
            messages: HashMap::new(),
            enums: HashMap::new(),
        };
        for file in files {
            let prefix = if file.package().is_empty() {
                String::new()
            } else {
                format!(".{}", file.package())
            };
            for e in &file.enum_type {
                types.enums.insert(format!("{prefix}.{}", e.name()), e);
            }
            let mut stack: Vec<(String, &DescriptorProto)> = file
                .message_type
                .iter()
                .map(|m| (format!("{prefix}.{}", m.name()), m))
                .collect();
            while let Some((name, message)) = stack.pop() {
                for e in &message.enum_type {
                    types.enums.insert(format!("{name}.{}", e.name()), e);
                }
                for nested in &message.nested_type {
                    stack.push((format!("{name}.{}", nested.name()), nested));
                }
                types.messages.insert(name, message);
            }
        }
        types
    }
}

/// One element of one side: its file, descriptor and SourceCodeInfo
/// path, its name inside the package (`Order.Inner`) and its parent
/// (`P`: the message of a field, the service of an RPC).
pub struct Element<'a, T, P = ()> {
    pub file: &'a CompiledFile,
    pub descriptor: &'a T,
    pub path: Vec<i32>,
    pub nested_name: String,
    pub parent: P,
}

impl<T, P> Element<'_, T, P> {
    /// `package.NestedName`.
    pub fn full_name(&self) -> String {
        match self.file.descriptor.package() {
            "" => self.nested_name.clone(),
            package => format!("{package}.{}", self.nested_name),
        }
    }

    /// The path of a field of this element (`[.., 5]` for a field's type).
    pub fn sub_path(&self, fields: &[i32]) -> Vec<i32> {
        let mut p = self.path.clone();
        p.extend_from_slice(fields);
        p
    }

    /// The first of `candidates` (sub-paths) that is written in the
    /// source, else the element itself: buf's "backup locations".
    pub fn located(&self, candidates: &[&[i32]]) -> Vec<i32> {
        candidates
            .iter()
            .map(|c| self.sub_path(c))
            .find(|p| self.file.location(p).is_some())
            .unwrap_or_else(|| self.path.clone())
    }

    /// The sub-path `option` (an option of the element) when the source
    /// sets it, else the start of the file: where buf reports a changed
    /// option that is no longer written.
    pub fn option_or_file(&self, option: &[i32]) -> Vec<i32> {
        let at = self.sub_path(option);
        if self.file.location(&at).is_some() {
            at
        } else {
            Vec::new()
        }
    }

    /// Whether the element's file is written with `syntax = "proto3"`.
    pub fn proto3(&self) -> bool {
        self.file.descriptor.syntax() == "proto3"
    }
}

/// The previous and the current version of one element.
pub struct Pair<'a, T, P = ()> {
    pub previous: Element<'a, T, P>,
    pub current: Element<'a, T, P>,
}

/// A field or an extension; the parent is the message of a field, none
/// for an extension.
pub type FieldPair<'a> = Pair<'a, FieldDescriptorProto, Option<&'a DescriptorProto>>;

/// An RPC, with its service.
pub type MethodPair<'a> = Pair<'a, MethodDescriptorProto, &'a ServiceDescriptorProto>;

/// The values of one number of one enum, before and after (aliases make
/// several).
pub struct ValuePair<'a> {
    pub enum_name: String,
    pub previous: Vec<Element<'a, EnumValueDescriptorProto>>,
    pub current: Vec<Element<'a, EnumValueDescriptorProto>>,
}

/// Both versions, and their elements paired.
pub struct Inputs<'a> {
    pub previous: &'a Side,
    pub current: &'a Side,
    pub previous_types: Types<'a>,
    pub current_types: Types<'a>,
    files: Vec<Pair<'a, FileDescriptorProto>>,
    messages: Vec<Pair<'a, DescriptorProto>>,
    fields: Vec<FieldPair<'a>>,
    enums: Vec<Pair<'a, EnumDescriptorProto>>,
    values: Vec<ValuePair<'a>>,
    services: Vec<Pair<'a, ServiceDescriptorProto>>,
    methods: Vec<MethodPair<'a>>,
}

fn index(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

fn nested(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// Every message of a file, nested ones (and map entries) too.
pub fn messages(file: &CompiledFile) -> Vec<Element<'_, DescriptorProto>> {
    let mut out = Vec::new();
    let mut stack: Vec<Element<'_, DescriptorProto>> = file
        .descriptor
        .message_type
        .iter()
        .enumerate()
        .map(|(i, m)| Element {
            file,
            descriptor: m,
            path: vec![path::FILE_MESSAGE, index(i)],
            nested_name: m.name().to_string(),
            parent: (),
        })
        .collect();
    while let Some(message) = stack.pop() {
        for (i, child) in message.descriptor.nested_type.iter().enumerate() {
            stack.push(Element {
                file,
                descriptor: child,
                path: message.sub_path(&[path::MESSAGE_NESTED, index(i)]),
                nested_name: nested(&message.nested_name, child.name()),
                parent: (),
            });
        }
        out.push(message);
    }
    out
}

/// Every enum of a file, nested ones too.
pub fn enums(file: &CompiledFile) -> Vec<Element<'_, EnumDescriptorProto>> {
    let mut out: Vec<_> = file
        .descriptor
        .enum_type
        .iter()
        .enumerate()
        .map(|(i, e)| Element {
            file,
            descriptor: e,
            path: vec![path::FILE_ENUM, index(i)],
            nested_name: e.name().to_string(),
            parent: (),
        })
        .collect();
    for message in messages(file) {
        for (i, e) in message.descriptor.enum_type.iter().enumerate() {
            out.push(Element {
                file,
                descriptor: e,
                path: message.sub_path(&[path::MESSAGE_ENUM, index(i)]),
                nested_name: nested(&message.nested_name, e.name()),
                parent: (),
            });
        }
    }
    out
}

/// Every extension of a file, top-level and declared in messages.
pub fn extensions(file: &CompiledFile) -> Vec<Element<'_, FieldDescriptorProto>> {
    let mut out: Vec<_> = file
        .descriptor
        .extension
        .iter()
        .enumerate()
        .map(|(i, f)| Element {
            file,
            descriptor: f,
            path: vec![path::FILE_EXTENSION, index(i)],
            nested_name: f.name().to_string(),
            parent: (),
        })
        .collect();
    for message in messages(file) {
        for (i, f) in message.descriptor.extension.iter().enumerate() {
            out.push(Element {
                file,
                descriptor: f,
                path: message.sub_path(&[path::MESSAGE_EXTENSION, index(i)]),
                nested_name: nested(&message.nested_name, f.name()),
                parent: (),
            });
        }
    }
    out
}

/// Every service of a file.
pub fn services(file: &CompiledFile) -> Vec<Element<'_, ServiceDescriptorProto>> {
    file.descriptor
        .service
        .iter()
        .enumerate()
        .map(|(i, s)| Element {
            file,
            descriptor: s,
            path: vec![path::FILE_SERVICE, index(i)],
            nested_name: s.name().to_string(),
            parent: (),
        })
        .collect()
}

/// Pairs elements by key, in the previous version's key order. A key
/// that stands twice on one side (two extensions of one number, which
/// protox accepts and buf refuses) pairs nothing: which one was meant is
/// unknown, and pairing either would report a change that did not happen.
fn pair_by<'a, T, P, K: Ord + Clone>(
    previous: Vec<Element<'a, T, P>>,
    current: Vec<Element<'a, T, P>>,
    key: impl Fn(&Element<'a, T, P>) -> K,
) -> Vec<Pair<'a, T, P>> {
    let unique = |side: Vec<Element<'a, T, P>>| {
        let mut by_key: BTreeMap<K, Option<Element<'a, T, P>>> = BTreeMap::new();
        for e in side {
            let k = key(&e);
            match by_key.get_mut(&k) {
                Some(seen) => *seen = None,
                None => {
                    by_key.insert(k, Some(e));
                }
            }
        }
        by_key
    };
    let mut current = unique(current);
    unique(previous)
        .into_iter()
        .filter_map(|(k, previous)| {
            let current = current.remove(&k).flatten()?;
            Some(Pair {
                previous: previous?,
                current,
            })
        })
        .collect()
}

fn all<'a, T>(
    side: &'a Side,
    of: impl Fn(&'a CompiledFile) -> Vec<Element<'a, T>>,
) -> Vec<Element<'a, T>> {
    side.files.iter().flat_map(of).collect()
}

/// The fields of a message (parent: the message).
fn fields_of<'a>(
    message: &Element<'a, DescriptorProto>,
) -> Vec<Element<'a, FieldDescriptorProto, Option<&'a DescriptorProto>>> {
    message
        .descriptor
        .field
        .iter()
        .enumerate()
        .map(|(i, f)| Element {
            file: message.file,
            descriptor: f,
            path: message.sub_path(&[path::MESSAGE_FIELD, index(i)]),
            nested_name: nested(&message.nested_name, f.name()),
            parent: Some(message.descriptor),
        })
        .collect()
}

fn with_parent<'a, T, P: Copy>(e: &Element<'a, T>, parent: P) -> Element<'a, T, P> {
    Element {
        file: e.file,
        descriptor: e.descriptor,
        path: e.path.clone(),
        nested_name: e.nested_name.clone(),
        parent,
    }
}

impl<'a> Inputs<'a> {
    pub fn new(previous: &'a Side, current: &'a Side) -> Self {
        let by_name = |e: &Element<'a, FileDescriptorProto>| e.file.name().to_string();
        let file_element = |file: &'a CompiledFile| Element {
            file,
            descriptor: &file.descriptor,
            path: Vec::new(),
            nested_name: String::new(),
            parent: (),
        };
        let files = pair_by(
            previous.files.iter().map(file_element).collect(),
            current.files.iter().map(file_element).collect(),
            by_name,
        );
        let full = |e: &Element<'a, DescriptorProto>| e.full_name();
        let messages = pair_by(all(previous, messages), all(current, messages), full);
        let mut fields = Vec::new();
        for pair in &messages {
            fields.extend(pair_by(
                fields_of(&pair.previous),
                fields_of(&pair.current),
                |f| f.descriptor.number(),
            ));
        }
        let extension_key = |e: &Element<'a, FieldDescriptorProto, Option<&'a DescriptorProto>>| {
            (e.descriptor.extendee().to_string(), e.descriptor.number())
        };
        let no_parent = |side: &'a Side| -> Vec<_> {
            all(side, extensions)
                .iter()
                .map(|e| with_parent(e, None))
                .collect()
        };
        fields.extend(pair_by(
            no_parent(previous),
            no_parent(current),
            extension_key,
        ));
        let enums = pair_by(all(previous, enums), all(current, enums), |e| e.full_name());
        let values = enums
            .iter()
            .flat_map(|pair| {
                let by_number = |e: &Element<'a, EnumDescriptorProto>| {
                    let mut numbers: BTreeMap<i32, Vec<Element<'a, EnumValueDescriptorProto>>> =
                        BTreeMap::new();
                    for (i, v) in e.descriptor.value.iter().enumerate() {
                        numbers.entry(v.number()).or_default().push(Element {
                            file: e.file,
                            descriptor: v,
                            path: e.sub_path(&[path::ENUM_VALUE, index(i)]),
                            nested_name: v.name().to_string(),
                            parent: (),
                        });
                    }
                    numbers
                };
                let mut current = by_number(&pair.current);
                by_number(&pair.previous)
                    .into_iter()
                    .filter_map(|(number, previous)| {
                        current.remove(&number).map(|current| ValuePair {
                            enum_name: pair.current.descriptor.name().to_string(),
                            previous,
                            current,
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let services = pair_by(all(previous, services), all(current, services), |e| {
            e.full_name()
        });
        let mut methods = Vec::new();
        for pair in &services {
            let of = |s: &Element<'a, ServiceDescriptorProto>| -> Vec<MethodElement<'a>> {
                s.descriptor
                    .method
                    .iter()
                    .enumerate()
                    .map(|(i, m)| Element {
                        file: s.file,
                        descriptor: m,
                        path: s.sub_path(&[path::SERVICE_METHOD, index(i)]),
                        nested_name: nested(&s.nested_name, m.name()),
                        parent: s.descriptor,
                    })
                    .collect()
            };
            methods.extend(pair_by(of(&pair.previous), of(&pair.current), |m| {
                m.descriptor.name().to_string()
            }));
        }
        Inputs {
            previous,
            current,
            previous_types: Types::of(&previous.all_files),
            current_types: Types::of(&current.all_files),
            files,
            messages,
            fields,
            enums,
            values,
            services,
            methods,
        }
    }

    /// Calls one rule's check on every pair of its kind.
    fn run(&self, check: &Check, sink: &mut Sink) {
        match check {
            Check::Inputs(f) => f(self, sink),
            Check::File(f) => self.files.iter().for_each(|p| f(self, p, sink)),
            Check::Message(f) => self.messages.iter().for_each(|p| f(self, p, sink)),
            Check::Field(f) => self.fields.iter().for_each(|p| f(self, p, sink)),
            Check::Enum(f) => self.enums.iter().for_each(|p| f(self, p, sink)),
            Check::EnumValue(f) => self.values.iter().for_each(|p| f(self, p, sink)),
            Check::Service(f) => self.services.iter().for_each(|p| f(self, p, sink)),
            Check::Method(f) => self.methods.iter().for_each(|p| f(self, p, sink)),
        }
    }
}

type MethodElement<'a> = Element<'a, MethodDescriptorProto, &'a ServiceDescriptorProto>;

/// Runs the enabled rules over the two versions; findings sorted by file
/// and position.
pub fn check(previous: &Side, current: &Side, levels: &Levels) -> Vec<Diagnostic> {
    let inputs = Inputs::new(previous, current);
    let mut found = engine::run(&FAMILY, levels, |check, sink| inputs.run(check, sink));
    found.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                d.file.clone(),
                d.location.as_ref().map_or(0, |l| l.span.start),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.code.id.cmp(b.code.id))
            .then_with(|| a.message.cmp(&b.message))
    });
    found
}

/// A finding at `at` in the current file of `current`, naming where the
/// element was in the previous version (when that version has its text).
pub fn finding(
    sink: &Sink,
    current: (&CompiledFile, &[i32]),
    previous: Option<(&CompiledFile, &[i32])>,
    message: String,
) -> Diagnostic {
    let (file, at) = current;
    let d = file.finding(sink.code(), at, message);
    with_previous(d, previous)
}

/// Adds the previous location of a finding as its related location.
pub fn with_previous(d: Diagnostic, previous: Option<(&CompiledFile, &[i32])>) -> Diagnostic {
    match previous {
        Some((file, at)) if !file.source.text.is_empty() => {
            d.with_related(&file.source, file.span_of(at), "previously here")
        }
        _ => d,
    }
}

/// A pair's finding at `at` (a path of the current element's file),
/// naming the previous element's place `previous_at`.
pub fn report<T, P>(
    sink: &mut Sink,
    pair: &Pair<'_, T, P>,
    at: Vec<i32>,
    previous_at: Vec<i32>,
    message: String,
) {
    let d = finding(
        sink,
        (pair.current.file, &at),
        Some((pair.previous.file, &previous_at)),
        message,
    );
    sink.push(d);
}

/// A pair's finding at the current element, naming the previous one:
/// where buf reports what was deleted from an element or changed in it.
pub fn report_here<T, P>(sink: &mut Sink, pair: &Pair<'_, T, P>, message: String) {
    report(
        sink,
        pair,
        pair.current.path.clone(),
        pair.previous.path.clone(),
        message,
    );
}

/// Reports a pair whose `value` differs between the two versions, at
/// `at` of each side; `message` says what changed, from what to what.
pub fn report_changed<'a, T, P, V: PartialEq>(
    sink: &mut Sink,
    pair: &Pair<'a, T, P>,
    value: impl Fn(&Element<'a, T, P>) -> V,
    at: impl Fn(&Element<'a, T, P>) -> Vec<i32>,
    message: impl FnOnce(V, V) -> String,
) {
    let (previous, current) = (value(&pair.previous), value(&pair.current));
    if previous != current {
        let (at_current, at_previous) = (at(&pair.current), at(&pair.previous));
        report(
            sink,
            pair,
            at_current,
            at_previous,
            message(previous, current),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protobuild::compile::{self, CompilerChoice};
    use crate::protobuild::workspace::{ModuleConfig, Workspace};

    fn side(text: &str) -> Side {
        let module = ModuleConfig::whole_directory();
        let files = [("a/v1/a.proto".to_string(), text.to_string())];
        let workspace = Workspace::from_files("test", "", &[module], &files).unwrap();
        let built = compile::build(&workspace, &["a/v1/a.proto".into()], CompilerChoice::Protox)
            .unwrap()
            .unwrap();
        let sources: Vec<_> = workspace.files().collect();
        Side::compiled(&built.image, &sources)
    }

    #[test]
    fn elements_pair_by_full_name_and_number() {
        let previous = side(
            "syntax = \"proto3\";\npackage a.v1;\nmessage M { string x = 1; message N { int32 y = 2; } }\nservice S { rpc R(M) returns (M); }\n",
        );
        let current = side(
            "syntax = \"proto3\";\npackage a.v1;\nmessage M { message N { int64 z = 2; } string renamed = 1; }\nservice S { rpc R(M) returns (M); }\n",
        );
        let inputs = Inputs::new(&previous, &current);
        assert_eq!(inputs.files.len(), 1);
        let messages: Vec<String> = inputs
            .messages
            .iter()
            .map(|p| p.current.full_name())
            .collect();
        assert_eq!(messages, ["a.v1.M", "a.v1.M.N"]);
        let fields: Vec<(&str, &str)> = inputs
            .fields
            .iter()
            .map(|p| (p.previous.descriptor.name(), p.current.descriptor.name()))
            .collect();
        assert_eq!(fields, [("x", "renamed"), ("y", "z")]);
        assert_eq!(inputs.methods.len(), 1);
        // A version never breaks itself.
        let levels = engine::Selection {
            select: vec!["ALL".into()],
            ..engine::Selection::default()
        }
        .resolve(&FAMILY)
        .unwrap();
        assert!(check(&previous, &previous, &levels).is_empty());
        let found = check(&previous, &current, &levels);
        assert!(found.iter().any(|d| d.code.name == "field-same-name"));
        assert!(found.iter().any(|d| d.code.name == "field-same-type"));
    }

    #[test]
    fn elements_of_one_key_twice_pair_nothing() {
        // Found by fuzzing: two extensions of one number (protox compiles
        // them) were paired with each other, so a file broke itself.
        let twice = side(
            "syntax = \"proto2\";\npackage a.v1;\nmessage M { extensions 10 to 20; }\nextend M {\n  optional string x = 10;\n  optional string y = 10;\n}\n",
        );
        let levels = engine::Selection {
            select: vec!["ALL".into()],
            ..engine::Selection::default()
        }
        .resolve(&FAMILY)
        .unwrap();
        assert!(check(&twice, &twice, &levels).is_empty());
    }
}
