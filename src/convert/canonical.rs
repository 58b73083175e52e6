//! The one canonical order every message writer uses (wire, text format,
//! JSON): fields, extensions and unknown fields by field number (unknown
//! fields with the same number keep their order), map entries by key.
//! prost-reflect iterates maps in hash order, so without this the same
//! message would not always produce the same bytes.

use std::collections::HashMap;

use prost_reflect::{
    DynamicMessage, ExtensionDescriptor, FieldDescriptor, Kind, MapKey, UnknownField, Value,
};

/// One member of a message: a set field, a set extension, or an unknown
/// field kept from decoding.
pub enum Member<'a> {
    Field(FieldDescriptor, &'a Value),
    Extension(ExtensionDescriptor, &'a Value),
    Unknown(&'a UnknownField),
}

impl Member<'_> {
    pub fn number(&self) -> u32 {
        match self {
            Member::Field(field, _) => field.number(),
            Member::Extension(extension, _) => extension.number(),
            Member::Unknown(unknown) => unknown.number(),
        }
    }

    /// The kind, map-ness and value of a set field or extension.
    pub fn typed(&self) -> Option<(Kind, bool, &Value)> {
        match self {
            Member::Field(field, value) => Some((field.kind(), field.is_map(), value)),
            Member::Extension(extension, value) => {
                Some((extension.kind(), extension.is_map(), value))
            }
            Member::Unknown(_) => None,
        }
    }
}

/// Every member of `message`, in field-number order.
pub fn members(message: &DynamicMessage) -> Vec<Member<'_>> {
    let mut members: Vec<Member<'_>> = message
        .fields()
        .map(|(field, value)| Member::Field(field, value))
        .chain(
            message
                .extensions()
                .map(|(extension, value)| Member::Extension(extension, value)),
        )
        .chain(message.unknown_fields().map(Member::Unknown))
        .collect();
    // A stable sort: unknown fields with one number keep their order.
    members.sort_by_key(Member::number);
    members
}

/// A map's entries in key order.
pub fn entries(map: &HashMap<MapKey, Value>) -> Vec<(&MapKey, &Value)> {
    let mut entries: Vec<(&MapKey, &Value)> = map.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

/// A map key as the value it stands for (the `key` field of its entry).
pub fn key_value(key: &MapKey) -> Value {
    match key {
        MapKey::Bool(b) => Value::Bool(*b),
        MapKey::I32(i) => Value::I32(*i),
        MapKey::I64(i) => Value::I64(*i),
        MapKey::U32(u) => Value::U32(*u),
        MapKey::U64(u) => Value::U64(*u),
        MapKey::String(s) => Value::String(s.clone()),
    }
}

/// A map key as JSON writes it (an object key: always a string).
pub fn key_text(key: &MapKey) -> String {
    match key {
        MapKey::Bool(b) => b.to_string(),
        MapKey::I32(i) => i.to_string(),
        MapKey::I64(i) => i.to_string(),
        MapKey::U32(u) => u.to_string(),
        MapKey::U64(u) => u.to_string(),
        MapKey::String(s) => s.clone(),
    }
}
