//! What several breaking rules share: where deleted elements are
//! reported, file option values, field kinds, cardinalities and wire
//! groups, tag ranges, and the deletion checks with their `UNLESS_*`
//! variants.

use std::collections::BTreeMap;

use prost_types::field_descriptor_proto::{Label, Type};
use prost_types::{
    DescriptorProto, FieldDescriptorProto, FileDescriptorProto, FileOptions, MethodDescriptorProto,
};

use crate::engine::Sink;
use crate::protobreaking::{
    Element, Inputs, MethodPair, Pair, Types, finding, messages, report, report_changed,
    report_here,
};
use crate::protobuild::compiled::{CompiledFile, path};

/// Where buf reports an element deleted from a file: the innermost
/// message around it that still exists in the new file, else the start
/// of the file.
pub fn deleted_at(file: &CompiledFile, nested_name: &str) -> Vec<i32> {
    let existing: BTreeMap<String, Vec<i32>> = messages(file)
        .into_iter()
        .map(|m| (m.nested_name, m.path))
        .collect();
    let parts: Vec<&str> = nested_name.split('.').collect();
    (1..parts.len())
        .rev()
        .find_map(|len| existing.get(&parts[..len].join(".")).cloned())
        .unwrap_or_default()
}

/// Reports every element of the previous file (named by nested name)
/// missing from the current file.
pub fn report_deleted<'a, T: 'a>(
    sink: &mut Sink,
    pair: &Pair<'a, FileDescriptorProto>,
    of: impl Fn(&'a CompiledFile) -> Vec<Element<'a, T>>,
    message: impl Fn(&str) -> String,
) {
    let current: std::collections::HashSet<String> = of(pair.current.file)
        .into_iter()
        .map(|e| e.nested_name)
        .collect();
    let mut previous = of(pair.previous.file);
    previous.sort_by(|a, b| a.nested_name.cmp(&b.nested_name));
    for gone in previous {
        if !current.contains(&gone.nested_name) {
            let at = deleted_at(pair.current.file, &gone.nested_name);
            let d = finding(
                sink,
                (pair.current.file, &at),
                Some((gone.file, &gone.path)),
                message(&gone.nested_name),
            );
            sink.push(d);
        }
    }
}

/// Reports a file option whose value changed, at the option in the new
/// file (the start of the file when it is no longer set).
pub fn same_file_option(
    sink: &mut Sink,
    pair: &Pair<'_, FileDescriptorProto>,
    name: &str,
    number: i32,
    value: impl Fn(&FileOptions) -> String,
) {
    report_changed(
        sink,
        pair,
        |e| value(&e.descriptor.options.clone().unwrap_or_default()),
        |e| e.option_or_file(&[path::FILE_OPTIONS, number]),
        |previous, current| {
            format!("File option {name:?} changed from {previous:?} to {current:?}.")
        },
    );
}

/// A field's kind; groups are their own kind, as on the wire.
pub fn kind(field: &FieldDescriptorProto) -> Type {
    field.r#type()
}

/// `int32`, `message`, `group`: buf's spelling of a kind.
pub fn kind_name(kind: Type) -> String {
    kind.as_str_name()
        .trim_start_matches("TYPE_")
        .to_ascii_lowercase()
}

/// How many values a field holds and whether its presence is tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cardinality {
    Explicit,
    Implicit,
    Required,
    Repeated,
    Map,
}

impl Cardinality {
    pub fn as_str(self) -> &'static str {
        match self {
            Cardinality::Explicit => "optional with explicit presence",
            Cardinality::Implicit => "optional with implicit presence",
            Cardinality::Required => "required",
            Cardinality::Repeated => "repeated",
            Cardinality::Map => "map",
        }
    }

    /// Cardinalities that read each other's wire encoding.
    pub fn wire_group(self) -> u8 {
        match self {
            Cardinality::Explicit | Cardinality::Implicit => 1,
            Cardinality::Required => 2,
            Cardinality::Repeated | Cardinality::Map => 3,
        }
    }

    /// The same, for JSON too (maps and lists differ in JSON).
    pub fn wire_json_group(self) -> u8 {
        match self {
            Cardinality::Map => 4,
            other => other.wire_group(),
        }
    }
}

/// Whether a field's message type is a map entry.
pub fn is_map(types: &Types<'_>, field: &FieldDescriptorProto) -> bool {
    field.label() == Label::Repeated
        && kind(field) == Type::Message
        && types
            .messages
            .get(field.type_name())
            .and_then(|m| m.options.as_ref())
            .is_some_and(|o| o.map_entry())
}

/// A field's cardinality, with proto3's implicit presence.
pub fn cardinality<P>(
    types: &Types<'_>,
    field: &Element<'_, FieldDescriptorProto, P>,
) -> Cardinality {
    let f = field.descriptor;
    match f.label() {
        Label::Repeated if is_map(types, f) => Cardinality::Map,
        Label::Repeated => Cardinality::Repeated,
        Label::Required => Cardinality::Required,
        Label::Optional => {
            let explicit = !field.proto3()
                || f.proto3_optional()
                || f.extendee.is_some()
                || f.oneof_index.is_some()
                || matches!(kind(f), Type::Message | Type::Group);
            if explicit {
                Cardinality::Explicit
            } else {
                Cardinality::Implicit
            }
        }
    }
}

/// Reports a field whose cardinality moved out of its `group` (which
/// changes a rule accepts), unless both are protoc's map entry fields.
pub fn changed_cardinality(
    inputs: &Inputs<'_>,
    sink: &mut Sink,
    pair: &Pair<'_, FieldDescriptorProto, Option<&DescriptorProto>>,
    group: fn(Cardinality) -> u8,
) {
    if in_map_entries(pair) {
        return;
    }
    let previous = cardinality(&inputs.previous_types, &pair.previous);
    let current = cardinality(&inputs.current_types, &pair.current);
    if group(previous) != group(current) {
        report_here(
            sink,
            pair,
            format!(
                "{} changed cardinality from {:?} to {:?}.",
                describe(&pair.current),
                previous.as_str(),
                current.as_str()
            ),
        );
    }
}

/// Reports an RPC whose request or response type (`which`, written at
/// `part` of the method) changed.
pub fn same_method_type(
    sink: &mut Sink,
    pair: &MethodPair<'_>,
    which: &str,
    part: i32,
    of: fn(&MethodDescriptorProto) -> &str,
) {
    report_changed(
        sink,
        pair,
        |e| of(e.descriptor).trim_start_matches('.'),
        |e| e.located(&[&[part]]),
        |previous, current| {
            format!(
                "RPC {:?} on service {:?} changed {which} type from {previous:?} to {current:?}.",
                pair.current.descriptor.name(),
                pair.current.parent.name(),
            )
        },
    );
}

/// Reports an RPC whose `side` (client or server) changed between
/// streaming and unary.
pub fn same_streaming(
    sink: &mut Sink,
    pair: &MethodPair<'_>,
    side: &str,
    streams: fn(&MethodDescriptorProto) -> bool,
) {
    report_changed(
        sink,
        pair,
        |e| {
            if streams(e.descriptor) {
                "streaming"
            } else {
                "unary"
            }
        },
        |e| e.path.clone(),
        |previous, current| {
            format!(
                "RPC {:?} on service {:?} changed from {side} {previous} to {side} {current}.",
                pair.current.descriptor.name(),
                pair.current.parent.name()
            )
        },
    );
}

/// Reports a message or enum (`what`) whose JSON support is reduced
/// from full (proto3) to best effort.
pub fn same_json_format<T>(sink: &mut Sink, pair: &Pair<'_, T>, what: &str, name: &str) {
    let (previous, current) = (json_format(&pair.previous), json_format(&pair.current));
    if previous == "ALLOW" && current != "ALLOW" {
        report_here(
            sink,
            pair,
            format!("{what} {name:?} JSON format support changed from {previous} to {current}."),
        );
    }
}

/// Whether a field pair is two map entries' key or value fields (which
/// protoc makes up: their cardinality says nothing).
pub fn in_map_entries(pair: &Pair<'_, FieldDescriptorProto, Option<&DescriptorProto>>) -> bool {
    let entry = |m: Option<&DescriptorProto>| {
        m.and_then(|m| m.options.as_ref())
            .is_some_and(|o| o.map_entry())
    };
    entry(pair.previous.parent) && entry(pair.current.parent)
}

/// `Field "1" with name "id" on message "Order"` (extensions by full
/// name and extendee), as buf describes a field.
pub fn describe(field: &Element<'_, FieldDescriptorProto, Option<&DescriptorProto>>) -> String {
    describe_named(field, true)
}

pub fn describe_named(
    field: &Element<'_, FieldDescriptorProto, Option<&DescriptorProto>>,
    with_name: bool,
) -> String {
    let f = field.descriptor;
    let (what, name, parent) = match field.parent {
        Some(message) => ("Field", f.name().to_string(), message.name().to_string()),
        None => (
            "Extension",
            field.full_name(),
            f.extendee().trim_start_matches('.').to_string(),
        ),
    };
    let name = if with_name {
        format!(" with name {name:?}")
    } else {
        String::new()
    };
    format!("{what} \"{}\"{name} on message {parent:?}", f.number())
}

/// Where a field's type is written: the type name for messages, enums
/// and groups, the scalar type otherwise.
pub fn type_at(field: &Element<'_, FieldDescriptorProto, Option<&DescriptorProto>>) -> Vec<i32> {
    let part = match kind(field.descriptor) {
        Type::Message | Type::Enum | Type::Group => path::FIELD_TYPE_NAME,
        _ => path::FIELD_TYPE,
    };
    field.located(&[&[part]])
}

/// Reports a field whose type changed, at its type.
pub fn report_changed_type(
    sink: &mut Sink,
    pair: &Pair<'_, FieldDescriptorProto, Option<&DescriptorProto>>,
    extra: &str,
) {
    let (previous, current) = (pair.previous.descriptor, pair.current.descriptor);
    let (from, to) = if kind(previous) == kind(current) {
        (
            previous.type_name().trim_start_matches('.').to_string(),
            current.type_name().trim_start_matches('.').to_string(),
        )
    } else {
        (kind_name(kind(previous)), kind_name(kind(current)))
    };
    report(
        sink,
        pair,
        type_at(&pair.current),
        type_at(&pair.previous),
        format!(
            "{} changed type from {from:?} to {to:?}.{extra}",
            describe(&pair.current)
        ),
    );
}

/// Checks a field pair against a table of wire-compatible kinds: a kind
/// change across groups is breaking, and so is another message type, or
/// an enum that is not the same enum with at least the same values.
pub fn wire_compatible_type(
    inputs: &Inputs<'_>,
    sink: &mut Sink,
    pair: &Pair<'_, FieldDescriptorProto, Option<&DescriptorProto>>,
    group: fn(Type) -> u8,
    extra: &str,
) {
    let (previous, current) = (pair.previous.descriptor, pair.current.descriptor);
    let (from, to) = (kind(previous), kind(current));
    if group(from) != group(to) {
        report_changed_type(sink, pair, extra);
        return;
    }
    if previous.type_name() == current.type_name() {
        return;
    }
    let same_enum = || {
        let old = inputs.previous_types.enums.get(previous.type_name());
        let new = inputs.current_types.enums.get(current.type_name());
        let (Some(old), Some(new)) = (old, new) else {
            return false;
        };
        old.name() == new.name()
            && old.value.iter().all(|v| {
                new.value
                    .iter()
                    .any(|w| w.name() == v.name() && w.number() == v.number())
            })
    };
    match to {
        Type::Enum if same_enum() => {}
        Type::Enum | Type::Message | Type::Group => report_changed_type(sink, pair, ""),
        _ => {}
    }
}

/// An inclusive `[start, end]` range of numbers.
pub type Range = (i32, i32);

/// The parts of each range of a previous version that the union of the
/// current ranges leaves out, by range.
pub fn missing_ranges(previous: &[Range], current: &[Range]) -> Vec<(Range, Vec<Range>)> {
    let mut sorted: Vec<(i64, i64)> = current
        .iter()
        .map(|&(s, e)| (i64::from(s), i64::from(e)))
        .collect();
    sorted.sort_unstable();
    let mut merged: Vec<(i64, i64)> = Vec::new();
    for (start, end) in sorted {
        match merged.last_mut() {
            Some(last) if start <= last.1 + 1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let narrow = |v: i64| i32::try_from(v).unwrap_or(i32::MAX);
    previous
        .iter()
        .filter_map(|&(start, end)| {
            let mut missing = Vec::new();
            let mut next = i64::from(start);
            for &(from, to) in &merged {
                if to < next || from > i64::from(end) {
                    continue;
                }
                if from > next {
                    missing.push((narrow(next), narrow(from - 1)));
                }
                next = to + 1;
            }
            if next <= i64::from(end) {
                missing.push((narrow(next), end));
            }
            (!missing.is_empty()).then_some(((start, end), missing))
        })
        .collect()
}

/// Reports previous ranges (`reserved`, `extensions`) not kept; `max`
/// is the element's largest number (buf prints it as `max`).
pub fn report_ranges<T>(
    sink: &mut Sink,
    pair: &Pair<'_, T>,
    what: &str,
    element: &str,
    max: i32,
    previous: &[(i32, i32)],
    current: &[(i32, i32)],
) {
    let range = |(start, end): (i32, i32)| match (start == end, end == max) {
        (true, _) => format!("[{start}]"),
        (false, true) => format!("[{start},max]"),
        (false, false) => format!("[{start},{end}]"),
    };
    for ((start, end), missing) in missing_ranges(previous, current) {
        let removed: Vec<String> = missing.into_iter().map(range).collect();
        let previous_range = if end == max {
            format!("[{start},max]")
        } else {
            format!("[{start},{end}]")
        };
        report_here(
            sink,
            pair,
            format!(
                "Previously present {what} range {previous_range:?} on {element} {:?} is missing values: {} were removed.",
                pair.current
                    .nested_name
                    .rsplit('.')
                    .next()
                    .unwrap_or_default(),
                removed.join(", ")
            ),
        );
    }
}

/// The largest field number of a message.
pub const MESSAGE_MAX: i32 = 536_870_911;

/// Reports reserved names of the previous version no longer reserved.
pub fn report_reserved_names<T>(
    sink: &mut Sink,
    pair: &Pair<'_, T>,
    element: &str,
    previous: &[String],
    current: &[String],
) {
    let mut previous = previous.to_vec();
    previous.sort();
    for name in previous.iter().filter(|n| !current.contains(n)) {
        report_here(
            sink,
            pair,
            format!(
                "Previously present reserved name {name:?} on {element} {:?} was deleted.",
                pair.current
                    .nested_name
                    .rsplit('.')
                    .next()
                    .unwrap_or_default()
            ),
        );
    }
}

/// What makes a deleted field or enum value acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unless {
    Never,
    NumberReserved,
    NameReserved,
}

impl Unless {
    fn suffix(self, number: i32, names: &[&str]) -> String {
        match self {
            Unless::Never => String::new(),
            Unless::NumberReserved => format!(" without reserving the number \"{number}\""),
            Unless::NameReserved => {
                let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
                let s = if names.len() > 1 { "s" } else { "" };
                format!(" without reserving the name{s} {}", quoted.join(", "))
            }
        }
    }
}

/// Reports fields of the previous message missing (by number) from the
/// current one, at the message.
pub fn report_deleted_fields(sink: &mut Sink, pair: &Pair<'_, DescriptorProto>, unless: Unless) {
    let (previous, current) = (pair.previous.descriptor, pair.current.descriptor);
    let mut gone: Vec<&FieldDescriptorProto> = previous
        .field
        .iter()
        .filter(|f| !current.field.iter().any(|g| g.number() == f.number()))
        .collect();
    gone.sort_by_key(|f| f.number());
    for field in gone {
        let allowed = match unless {
            Unless::Never => false,
            Unless::NumberReserved => current
                .reserved_range
                .iter()
                .any(|r| r.start() <= field.number() && field.number() < r.end()),
            Unless::NameReserved => current.reserved_name.iter().any(|n| n == field.name()),
        };
        if !allowed {
            report_here(
                sink,
                pair,
                format!(
                    "Previously present field \"{}\" with name {:?} on message {:?} was deleted{}.",
                    field.number(),
                    field.name(),
                    current.name(),
                    unless.suffix(field.number(), &[field.name()])
                ),
            );
        }
    }
}

/// Reports numbers of the previous enum missing from the current one,
/// at the enum.
pub fn report_deleted_values(
    sink: &mut Sink,
    pair: &Pair<'_, prost_types::EnumDescriptorProto>,
    unless: Unless,
) {
    let (previous, current) = (pair.previous.descriptor, pair.current.descriptor);
    let mut by_number: BTreeMap<i32, Vec<&str>> = BTreeMap::new();
    for value in &previous.value {
        if !current.value.iter().any(|v| v.number() == value.number()) {
            by_number
                .entry(value.number())
                .or_default()
                .push(value.name());
        }
    }
    for (number, mut names) in by_number {
        names.sort_unstable();
        let allowed = match unless {
            Unless::Never => false,
            // Enum reserved ranges are inclusive.
            Unless::NumberReserved => current
                .reserved_range
                .iter()
                .any(|r| r.start() <= number && number <= r.end()),
            Unless::NameReserved => names
                .iter()
                .all(|name| current.reserved_name.iter().any(|r| r == name)),
        };
        if !allowed {
            report_here(
                sink,
                pair,
                format!(
                    "Previously present enum value \"{number}\" on enum {:?} was deleted{}.",
                    current.name(),
                    unless.suffix(number, &names)
                ),
            );
        }
    }
}

/// Whether both versions of a field are strings (UTF-8 rules apply).
pub fn both_strings(pair: &Pair<'_, FieldDescriptorProto, Option<&DescriptorProto>>) -> bool {
    kind(pair.previous.descriptor) == Type::String && kind(pair.current.descriptor) == Type::String
}

/// UTF-8 validation of a string field: proto3 verifies, proto2 does not.
pub fn utf8_validation<P>(field: &Element<'_, FieldDescriptorProto, P>) -> &'static str {
    if field.proto3() { "VERIFY" } else { "NONE" }
}

/// JSON support of a message or enum: proto3 allows it, proto2 only best effort.
pub fn json_format<T>(element: &Element<'_, T>) -> &'static str {
    if element.proto3() {
        "ALLOW"
    } else {
        "LEGACY_BEST_EFFORT"
    }
}

/// Reports a package-level deletion: every element of a package of the
/// previous version missing from the same package of the current one.
/// It is reported where buf reports it: in the file that held it, when
/// that file still exists, else about the whole input.
pub fn report_deleted_from_package<'a, T: 'a>(
    inputs: &Inputs<'a>,
    sink: &mut Sink,
    what: &str,
    of: impl Fn(&'a CompiledFile) -> Vec<Element<'a, T>>,
    locate: bool,
) {
    let by_package = |side: &'a crate::protobreaking::Side| {
        let mut map: BTreeMap<String, BTreeMap<String, Element<'a, T>>> = BTreeMap::new();
        for file in &side.files {
            for e in of(file) {
                map.entry(file.descriptor.package().to_string())
                    .or_default()
                    .insert(e.nested_name.clone(), e);
            }
        }
        map
    };
    let previous = by_package(inputs.previous);
    let current = by_package(inputs.current);
    for (package, elements) in &previous {
        let Some(now) = current.get(package) else {
            continue;
        };
        for (name, gone) in elements {
            if now.contains_key(name) {
                continue;
            }
            let message =
                format!("Previously present {what} {name:?} was deleted from package {package:?}.");
            let still = inputs
                .current
                .files
                .iter()
                .find(|f| f.name() == gone.file.name());
            let d = match still {
                Some(file) => {
                    let at = if locate {
                        deleted_at(file, name)
                    } else {
                        Vec::new()
                    };
                    finding(sink, (file, &at), Some((gone.file, &gone.path)), message)
                }
                None => crate::protobreaking::with_previous(
                    crate::diagnostic::Diagnostic::new(sink.code(), message),
                    Some((gone.file, &gone.path)),
                ),
            };
            sink.push(d);
        }
    }
}

/// Kinds the binary encoding reads alike (protobuf's "updating" rules);
/// string and bytes are apart, string to bytes is allowed by the rule.
pub fn wire_group(kind: Type) -> u8 {
    match kind {
        Type::Int32 | Type::Int64 | Type::Uint32 | Type::Uint64 | Type::Bool => 1,
        Type::Sint32 | Type::Sint64 => 2,
        Type::String => 3,
        Type::Bytes => 4,
        Type::Fixed32 | Type::Sfixed32 => 5,
        Type::Fixed64 | Type::Sfixed64 => 6,
        Type::Double => 7,
        Type::Float => 8,
        Type::Group => 9,
        Type::Message => 10,
        Type::Enum => 11,
    }
}

/// Kinds both the binary and the JSON encodings read alike.
pub fn wire_json_group(kind: Type) -> u8 {
    match kind {
        Type::Int32 | Type::Uint32 => 1,
        Type::Int64 | Type::Uint64 => 2,
        Type::Fixed32 | Type::Sfixed32 => 3,
        Type::Fixed64 | Type::Sfixed64 => 4,
        Type::Bool => 5,
        Type::Sint32 => 6,
        Type::Sint64 => 7,
        Type::String => 8,
        Type::Bytes => 9,
        Type::Double => 10,
        Type::Float => 11,
        Type::Group => 12,
        Type::Message => 13,
        Type::Enum => 14,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_ranges_are_the_parts_no_current_range_covers() {
        // Adjacent current ranges merge; a covered range is not missing.
        assert!(missing_ranges(&[(1, 10)], &[(1, 5), (6, 10)]).is_empty());
        assert_eq!(
            missing_ranges(&[(100, 110)], &[(100, 105)]),
            [((100, 110), vec![(106, 110)])]
        );
        assert_eq!(
            missing_ranges(&[(1, 10)], &[(3, 4), (8, 8)]),
            [((1, 10), vec![(1, 2), (5, 7), (9, 10)])]
        );
        assert_eq!(
            missing_ranges(&[(5, i32::MAX)], &[]),
            [((5, i32::MAX), vec![(5, i32::MAX)])]
        );
    }

    #[test]
    fn cardinality_groups_follow_the_encodings() {
        use Cardinality::*;
        assert_eq!(Explicit.wire_group(), Implicit.wire_group());
        assert_eq!(Repeated.wire_group(), Map.wire_group());
        assert_ne!(Repeated.wire_json_group(), Map.wire_json_group());
        assert_ne!(Required.wire_group(), Explicit.wire_group());
    }

    #[test]
    fn kind_groups_follow_the_encodings() {
        assert_eq!(wire_group(Type::Int32), wire_group(Type::Bool));
        assert_ne!(wire_json_group(Type::Int32), wire_json_group(Type::Int64));
        assert_ne!(wire_group(Type::Int32), wire_group(Type::Sint32));
        assert_ne!(wire_group(Type::String), wire_group(Type::Bytes));
    }
}
