//! Stable numbers across regenerations (`proto from-schema --previous`):
//! every field and enum value that the previous file had keeps its
//! number, numbers and names that disappear are reserved (with the ones
//! the previous file reserved already), and new ones take numbers above
//! everything used or reserved before. So regenerating after a schema
//! change never reuses a number for something else, which is what `buf
//! breaking` checks in its WIRE_JSON category.
//!
//! Messages and enums are matched by path (the root by name, then the
//! type of the field with the same name), not by type name, so a message
//! that moved is still found. A change that numbering cannot make
//! compatible (a field that keeps its name but changes type, cardinality,
//! JSON name or oneof; a name the previous file reserved; another
//! package) is an error (OS9401).

use std::collections::{HashMap, HashSet};

use prost_types::field_descriptor_proto::{Label, Type as ProtoType};
use prost_types::{DescriptorProto, EnumDescriptorProto, FileDescriptorProto};

use super::to_proto::{
    Cardinality, Enum, INCOMPATIBLE_REGENERATION, Message, ProtoFile, Reserved, Type,
    default_json_name,
};
use crate::diagnostic::Diagnostic;

/// Field numbers protobuf keeps for itself.
const IMPLEMENTATION_RESERVED: std::ops::RangeInclusive<i32> = 19_000..=19_999;
const MAX_FIELD_NUMBER: i32 = 536_870_911;

/// Renumbers `file` after `previous` (a compiled descriptor: type names
/// resolved). Returns the errors that make the result incompatible.
pub fn apply(
    file: &mut ProtoFile,
    previous: &FileDescriptorProto,
    origin: &str,
) -> Vec<Diagnostic> {
    let mut context = Context {
        origin,
        messages: HashMap::new(),
        enums: HashMap::new(),
        errors: Vec::new(),
    };
    let package = previous.package();
    if package != file.package {
        context.error(format!(
            "the previous file is package `{package}`, the generated one `{}`: a package change breaks every client",
            file.package
        ));
        return context.errors;
    }
    let prefix = format!(".{package}");
    for message in &previous.message_type {
        context.index_message(&prefix, message);
    }
    for declared in &previous.enum_type {
        context
            .enums
            .insert(format!("{prefix}.{}", declared.name()), declared);
    }
    let root_name = file.root.name.clone();
    match previous.message_type.iter().find(|m| m.name() == root_name) {
        Some(root) => {
            let scope = format!("{prefix}.{root_name}");
            context.message(&mut file.root, &scope, root, &root_name);
        }
        None => context.error(format!(
            "the previous file declares no message `{root_name}`: it was not generated for this kind"
        )),
    }
    context.errors
}

struct Context<'a> {
    origin: &'a str,
    messages: HashMap<String, &'a DescriptorProto>,
    enums: HashMap<String, &'a EnumDescriptorProto>,
    errors: Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    fn error(&mut self, message: String) {
        self.errors
            .push(Diagnostic::new(INCOMPATIBLE_REGENERATION, message).in_file(self.origin));
    }

    fn index_message(&mut self, scope: &str, message: &'a DescriptorProto) {
        let name = format!("{scope}.{}", message.name());
        for nested in &message.nested_type {
            self.index_message(&name, nested);
        }
        for declared in &message.enum_type {
            self.enums
                .insert(format!("{name}.{}", declared.name()), declared);
        }
        self.messages.insert(name, message);
    }

    /// `new` (full name `new_scope`, `.pkg.Root.Nested`) is at the place
    /// of `old`; `shown` names it in messages.
    fn message(
        &mut self,
        new: &mut Message,
        new_scope: &str,
        old: &'a DescriptorProto,
        shown: &str,
    ) {
        let used = old
            .field
            .iter()
            .map(|f| f.number())
            .chain(old.reserved_range.iter().map(|r| r.end() - 1));
        let mut next = used.max().unwrap_or(0) + 1;
        let old_fields: HashMap<&str, &prost_types::FieldDescriptorProto> =
            old.field.iter().map(|f| (f.name(), f)).collect();
        let old_reserved: HashSet<&str> = old.reserved_name.iter().map(String::as_str).collect();
        let enums: HashMap<String, usize> = new
            .enums
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.clone(), i))
            .collect();
        let messages: HashMap<String, usize> = new
            .messages
            .iter()
            .enumerate()
            .map(|(i, m)| (m.name.clone(), i))
            .collect();
        for index in 0..new.fields.len() {
            let field = new.fields[index].clone();
            let Some(&before) = old_fields.get(field.name.as_str()) else {
                if old_reserved.contains(field.name.as_str()) {
                    self.error(format!(
                        "`{shown}.{}` is a name the previous file reserved (a field removed before); adding it back would give the name a new meaning",
                        field.name
                    ));
                }
                while IMPLEMENTATION_RESERVED.contains(&next) {
                    next += 1;
                }
                if next > MAX_FIELD_NUMBER {
                    self.error(format!("`{shown}`: no field numbers left"));
                }
                new.fields[index].number = next;
                next += 1;
                continue;
            };
            let was = self.signature_of_old(old, before);
            let now = signature_of_new(&field, new_scope, &new.oneofs);
            if was != now {
                self.error(format!(
                    "`{shown}.{}` (number {}) was `{was}` and would be `{now}`",
                    field.name,
                    before.number()
                ));
            }
            new.fields[index].number = before.number();
            let Type::Nested(type_name) = field.ty else {
                continue;
            };
            let old_type = self.value_type(before);
            if field.is_enum {
                if let Some(declared) = self.enums.get(old_type.as_str()).copied()
                    && let Some(&i) = enums.get(&type_name)
                {
                    enumeration(&mut new.enums[i], declared);
                }
            } else if let Some(message) = self.messages.get(old_type.as_str()).copied()
                && let Some(&i) = messages.get(&type_name)
            {
                let shown = format!("{shown}.{}", before.name());
                let scope = format!("{new_scope}.{type_name}");
                self.message(&mut new.messages[i], &scope, message, &shown);
            }
        }
        let mut numbers: Vec<(i32, i32)> = old
            .reserved_range
            .iter()
            .map(|r| (r.start(), r.end() - 1))
            .collect();
        let mut names: Vec<String> = old.reserved_name.clone();
        let kept: HashSet<&str> = new.fields.iter().map(|f| f.name.as_str()).collect();
        for before in &old.field {
            if !kept.contains(before.name()) {
                numbers.push((before.number(), before.number()));
                names.push(before.name().to_string());
            }
        }
        new.reserved = reserved(numbers, names);
    }

    /// The full name of the type a field holds; for a map, of its value.
    fn value_type(&self, field: &prost_types::FieldDescriptorProto) -> String {
        let name = field.type_name().to_string();
        match self.messages.get(name.as_str()) {
            Some(entry) if is_map_entry(entry) => entry
                .field
                .iter()
                .find(|f| f.number() == 2)
                .map(|v| v.type_name().to_string())
                .unwrap_or(name),
            _ => name,
        }
    }

    /// `repeated .pkg.X json=x oneof=` and the like, for a field of the
    /// previous file.
    fn signature_of_old(
        &self,
        message: &DescriptorProto,
        field: &prost_types::FieldDescriptorProto,
    ) -> String {
        let entry = self
            .messages
            .get(field.type_name())
            .filter(|entry| is_map_entry(entry));
        let ty = match entry {
            Some(entry) => {
                let part = |number: i32| {
                    entry
                        .field
                        .iter()
                        .find(|f| f.number() == number)
                        .map_or_else(String::new, type_of_old)
                };
                format!("map<{}, {}>", part(1), part(2))
            }
            None => {
                let single = type_of_old(field);
                if field.label() == Label::Repeated {
                    format!("repeated {single}")
                } else if field.proto3_optional() {
                    format!("optional {single}")
                } else {
                    single
                }
            }
        };
        let oneof = field
            .oneof_index
            .filter(|_| !field.proto3_optional())
            .and_then(|i| message.oneof_decl.get(usize::try_from(i).ok()?))
            .map(|o| o.name().to_string())
            .unwrap_or_default();
        let json = match field.json_name() {
            "" => default_json_name(field.name()),
            name => name.to_string(),
        };
        format!("{ty} json={json} oneof={oneof}")
    }
}

fn is_map_entry(message: &DescriptorProto) -> bool {
    message
        .options
        .as_ref()
        .is_some_and(|o| o.map_entry.unwrap_or(false))
}

fn type_of_old(field: &prost_types::FieldDescriptorProto) -> String {
    match field.r#type() {
        ProtoType::Message | ProtoType::Enum | ProtoType::Group => field.type_name().to_string(),
        other => other
            .as_str_name()
            .trim_start_matches("TYPE_")
            .to_lowercase(),
    }
}

fn signature_of_new(field: &super::to_proto::Field, scope: &str, oneofs: &[String]) -> String {
    let single = match &field.ty {
        Type::Scalar(s) => (*s).to_string(),
        Type::WellKnown(w) => format!(".google.protobuf.{w}"),
        Type::Nested(n) => format!("{scope}.{n}"),
    };
    let ty = match field.cardinality {
        Cardinality::Single => single,
        Cardinality::Repeated => format!("repeated {single}"),
        Cardinality::Map => format!("map<string, {single}>"),
    };
    let oneof = field
        .oneof
        .and_then(|i| oneofs.get(i))
        .cloned()
        .unwrap_or_default();
    format!("{ty} json={} oneof={oneof}", field.json_name())
}

/// Keeps the numbers of the values the previous enum had, reserves the
/// removed ones, numbers new ones above everything used before.
fn enumeration(new: &mut Enum, old: &EnumDescriptorProto) {
    let mut next = old
        .value
        .iter()
        .map(|v| v.number())
        .chain(old.reserved_range.iter().map(|r| r.end()))
        .max()
        .unwrap_or(0)
        + 1;
    let old_values: HashMap<&str, i32> = old.value.iter().map(|v| (v.name(), v.number())).collect();
    for value in &mut new.values {
        if let Some(&number) = old_values.get(value.name.as_str()) {
            value.number = number;
        } else if value.number != 0 {
            value.number = next;
            next += 1;
        }
    }
    let mut numbers: Vec<(i32, i32)> = old
        .reserved_range
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect();
    let mut names = old.reserved_name.clone();
    let kept: HashSet<&str> = new.values.iter().map(|v| v.name.as_str()).collect();
    for before in &old.value {
        if !kept.contains(before.name()) {
            numbers.push((before.number(), before.number()));
            names.push(before.name().to_string());
        }
    }
    new.values.sort_by_key(|v| v.number);
    new.reserved = reserved(numbers, names);
}

/// Sorted, merged ranges and sorted, distinct names.
fn reserved(mut numbers: Vec<(i32, i32)>, mut names: Vec<String>) -> Reserved {
    numbers.sort_unstable();
    let mut ranges: Vec<(i32, i32)> = Vec::new();
    for (start, end) in numbers {
        match ranges.last_mut() {
            Some(last) if start <= last.1.saturating_add(1) => last.1 = last.1.max(end),
            _ => ranges.push((start, end)),
        }
    }
    names.sort();
    names.dedup();
    Reserved { ranges, names }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schemagen::to_proto::{Target, generate};
    use serde_json::{Value, json};

    fn target() -> Target {
        Target {
            group: "widgets.example.com".into(),
            version: "v1".into(),
            kind: "Widget".into(),
        }
    }

    fn file(properties: Value) -> ProtoFile {
        let schema = json!({"properties": {"spec": {"type": "object", "properties": properties}}});
        generate(&schema, &target(), "test").unwrap().0
    }

    /// The file compiled by protox, type names resolved.
    fn compiled(file: &ProtoFile) -> FileDescriptorProto {
        let set = super::super::compile_for_test(&file.path, &file.render());
        <prost_types::FileDescriptorSet as prost::Message>::decode(set.as_slice())
            .unwrap()
            .file
            .into_iter()
            .find(|f| f.name() == file.path)
            .unwrap()
    }

    fn regenerate(before: Value, after: Value) -> (ProtoFile, Vec<String>) {
        let old = compiled(&file(before));
        let mut new = file(after);
        let errors = apply(&mut new, &old, "old.proto")
            .into_iter()
            .map(|d| d.message)
            .collect();
        (new, errors)
    }

    #[test]
    fn nested_fields_keep_their_numbers_and_removed_ones_are_reserved() {
        let before = json!({"a": {"type": "string"}, "inner": {"type": "object", "properties": {
            "x": {"type": "string"}, "y": {"type": "string"}}}});
        let after = json!({"inner": {"type": "object", "properties": {
            "z": {"type": "string"}, "y": {"type": "string"}}}, "b": {"type": "string"}});
        let (new, errors) = regenerate(before, after);
        assert!(errors.is_empty(), "{errors:?}");
        let numbers: Vec<(&str, i32)> = new
            .root
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.number))
            .collect();
        assert_eq!(numbers, [("inner", 2), ("b", 3)]);
        assert_eq!(new.root.reserved.ranges, [(1, 1)]);
        assert_eq!(new.root.reserved.names, ["a"]);
        let inner = &new.root.messages[0];
        let numbers: Vec<(&str, i32)> = inner
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.number))
            .collect();
        assert_eq!(numbers, [("z", 3), ("y", 2)]);
        assert_eq!(inner.reserved.names, ["x"]);
    }

    #[test]
    fn a_field_moving_into_a_oneof_or_a_reserved_name_coming_back_is_refused() {
        let plain = json!({"a": {"type": "string"}, "b": {"type": "string"}});
        let grouped = json!({"a": {"type": "string"}, "b": {"type": "string"}});
        let old = compiled(&file(plain));
        let schema = json!({"properties": {"spec": {"type": "object", "properties": grouped,
            "oneOf": [{"required": ["a"]}, {"required": ["b"]}]}}});
        let mut new = generate(&schema, &target(), "test").unwrap().0;
        let errors = apply(&mut new, &old, "old.proto");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].message.contains("oneof=a_or_b"),
            "{}",
            errors[0].message
        );

        let (removed, _) = regenerate(
            json!({"a": {"type": "string"}}),
            json!({"b": {"type": "string"}}),
        );
        let old = compiled(&removed);
        let mut back = file(json!({"a": {"type": "string"}, "b": {"type": "string"}}));
        let errors = apply(&mut back, &old, "old.proto");
        assert!(
            errors[0]
                .message
                .contains("a name the previous file reserved"),
            "{errors:?}"
        );
    }

    #[test]
    fn another_package_or_root_is_refused() {
        let old = compiled(&file(json!({"a": {"type": "string"}})));
        let other = Target {
            version: "v2".into(),
            ..target()
        };
        let schema = json!({"properties": {"spec": {"type": "object"}}});
        let mut new = generate(&schema, &other, "test").unwrap().0;
        let errors = apply(&mut new, &old, "old.proto");
        assert!(errors[0].message.contains("package"), "{errors:?}");
        let renamed = Target {
            kind: "Gadget".into(),
            ..target()
        };
        let mut new = generate(&schema, &renamed, "test").unwrap().0;
        let errors = apply(&mut new, &old, "old.proto");
        assert!(
            errors[0].message.contains("no message `GadgetSpec`"),
            "{errors:?}"
        );
    }

    #[test]
    fn reserved_ranges_merge_and_names_dedupe() {
        let r = reserved(
            vec![(5, 5), (1, 2), (3, 3), (9, 12), (10, 10)],
            vec!["b".into(), "a".into(), "b".into()],
        );
        assert_eq!(r.ranges, [(1, 3), (5, 5), (9, 12)]);
        assert_eq!(r.names, ["a", "b"]);
    }
}
