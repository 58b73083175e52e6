//! `opensergo schema from-proto`: a JSON Schema (draft 2020-12) or a CRD
//! for a proto message, accepting what the proto3 JSON mapping accepts.
//!
//! * Fields by their JSON name; `null` is accepted for every field (it
//!   reads as the default value); objects are closed.
//! * 64-bit integers as a number or a decimal string, 32-bit ones as a
//!   number in range; floats as numbers or `NaN`, `Infinity`,
//!   `-Infinity`; bytes as base64; enums by value name or number.
//! * Well-known types in their JSON forms: Duration (`1.5s`), Timestamp
//!   (RFC 3339), FieldMask (`a.b,c`), Struct / Value / ListValue (any
//!   JSON of their kind), Any (an object with `@type`), Empty, wrappers
//!   (the wrapped scalar).
//! * Maps as objects (keys of integer maps must be decimal, of bool maps
//!   `true` or `false`), repeated fields as arrays, oneofs as "at most
//!   one of" groups, leading comments as descriptions.
//! * The JSON Schema declares each message and enum once under `$defs`
//!   and refers to it with `$ref`, so recursive messages are fine and its
//!   size is linear in the descriptors. A CRD schema cannot refer to
//!   itself: there messages are written out in place, a message inside
//!   itself becomes an object that keeps unknown fields, and nesting and
//!   size are bounded ([`MAX_CRD_DEPTH`], [`MAX_CRD_NODES`]).
//!
//! The proto3 JSON printer writes field names as their JSON names, which
//! is what these schemas check; parsers also accept the proto names
//! (`stat_duration`), which the schemas do not.

use std::collections::{HashMap, HashSet, VecDeque};

use prost_reflect::{
    Cardinality, DescriptorPool, EnumDescriptor, FieldDescriptor, FileDescriptor, Kind,
    MessageDescriptor,
};
use serde_json::{Map, Value, json};

/// Messages nested deeper than this in a CRD schema are an error.
pub const MAX_CRD_DEPTH: usize = 32;
/// Schema nodes a CRD may have once messages are written out in place.
pub const MAX_CRD_NODES: usize = 100_000;

const DURATION_PATTERN: &str = r"^-?[0-9]+(\.[0-9]{1,9})?s$";
const TIMESTAMP_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$";
const FIELD_MASK_PATTERN: &str =
    r"^([a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*(,[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*)*)?$";
const BASE64_PATTERN: &str = r"^[A-Za-z0-9+/_-]*={0,2}$";

/// The message `name` (`pkg.Msg`, a leading dot allowed), or an error
/// naming the closest one the pool has.
pub fn find_message(pool: &DescriptorPool, name: &str) -> Result<MessageDescriptor, String> {
    let name = name.strip_prefix('.').unwrap_or(name);
    if let Some(message) = pool.get_message_by_name(name) {
        return Ok(message);
    }
    let names: Vec<String> = pool
        .all_messages()
        .filter(|m| !m.is_map_entry())
        .map(|m| m.full_name().to_string())
        .collect();
    let hint = crate::suggest::closest(name, names.iter().map(String::as_str))
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default();
    Err(format!(
        "no message `{}` in the protos{hint}",
        crate::escape::escape_control(name)
    ))
}

/// The leading comments of descriptors, by file and source path.
#[derive(Default)]
struct Comments {
    files: HashMap<String, HashMap<Vec<i32>, String>>,
}

impl Comments {
    fn of(&mut self, file: &FileDescriptor, path: &[i32]) -> Option<String> {
        let by_path = self
            .files
            .entry(file.name().to_string())
            .or_insert_with(|| {
                file.file_descriptor_proto()
                    .source_code_info
                    .iter()
                    .flat_map(|info| &info.location)
                    .filter_map(|l| {
                        let text = l.leading_comments().trim();
                        (!text.is_empty()).then(|| (l.path.clone(), clean_comment(text)))
                    })
                    .collect()
            });
        by_path.get(path).cloned()
    }

    fn message(&mut self, message: &MessageDescriptor) -> Option<String> {
        self.of(&message.parent_file(), message.path())
    }

    fn field(&mut self, field: &FieldDescriptor) -> Option<String> {
        self.of(&field.parent_file(), field.path())
    }

    fn enumeration(&mut self, declared: &EnumDescriptor) -> Option<String> {
        self.of(&declared.parent_file(), declared.path())
    }
}

/// A comment's lines, each trimmed, with control characters escaped.
fn clean_comment(text: &str) -> String {
    text.lines()
        .map(|l| crate::escape::escape_control(l.trim()).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The JSON Schema of `message`'s proto3 JSON form.
pub fn json_schema(message: &MessageDescriptor) -> Value {
    let mut builder = JsonSchema::default();
    let root = builder.message_ref(message);
    while let Some(next) = builder.queue.pop_front() {
        let (name, schema) = match next {
            Declared::Message(m) => (m.full_name().to_string(), builder.message(&m)),
            Declared::Enum(e) => (e.full_name().to_string(), builder.enumeration(&e)),
        };
        builder.defs.insert(name, schema);
    }
    let mut schema = Map::new();
    schema.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    schema.insert(
        "title".into(),
        format!("{} (proto3 JSON)", message.full_name()).into(),
    );
    if let Some(text) = builder.comments.message(message) {
        schema.insert("description".into(), text.into());
    }
    schema.extend(root.as_object().cloned().unwrap_or_default());
    schema.insert("$defs".into(), Value::Object(builder.defs));
    Value::Object(schema)
}

enum Declared {
    Message(MessageDescriptor),
    Enum(EnumDescriptor),
}

#[derive(Default)]
struct JsonSchema {
    defs: Map<String, Value>,
    queue: VecDeque<Declared>,
    queued: HashSet<String>,
    comments: Comments,
}

impl JsonSchema {
    fn message_ref(&mut self, message: &MessageDescriptor) -> Value {
        if let Some(schema) = well_known(message.full_name(), Target::JsonSchema) {
            return schema;
        }
        let name = message.full_name().to_string();
        if self.queued.insert(name.clone()) {
            self.queue.push_back(Declared::Message(message.clone()));
        }
        json!({"$ref": format!("#/$defs/{name}")})
    }

    fn enum_ref(&mut self, declared: &EnumDescriptor) -> Value {
        if declared.full_name() == "google.protobuf.NullValue" {
            return json!({"type": "null"});
        }
        let name = declared.full_name().to_string();
        if self.queued.insert(name.clone()) {
            self.queue.push_back(Declared::Enum(declared.clone()));
        }
        json!({"$ref": format!("#/$defs/{name}")})
    }

    fn message(&mut self, message: &MessageDescriptor) -> Value {
        let mut properties = Map::new();
        for field in message.fields() {
            let mut schema = match field_shape(&field) {
                Shape::Map(key, value) => {
                    let mut map =
                        json!({"type": "object", "additionalProperties": self.element(&value)});
                    if let Some(names) = key_names(&key) {
                        map["propertyNames"] = names;
                    }
                    map
                }
                Shape::List => json!({"type": "array", "items": self.element(&field)}),
                Shape::Single => self.element(&field),
            };
            if !accepts_null(&schema) {
                schema = or_null(schema);
            }
            if let (Some(text), Some(object)) =
                (self.comments.field(&field), schema.as_object_mut())
            {
                object.insert("description".into(), text.into());
            }
            properties.insert(field.json_name().to_string(), schema);
        }
        let mut schema = json!({"type": "object"});
        if let Some(text) = self.comments.message(message) {
            schema["description"] = text.into();
        }
        schema["properties"] = Value::Object(properties);
        schema["additionalProperties"] = false.into();
        add_required(&mut schema, message);
        add_oneofs(&mut schema, message);
        schema
    }

    fn enumeration(&mut self, declared: &EnumDescriptor) -> Value {
        let names: Vec<Value> = declared.values().map(|v| v.name().into()).collect();
        let mut schema = json!({"anyOf": [
            {"type": "string", "enum": names},
            {"type": "integer", "minimum": i32::MIN, "maximum": i32::MAX},
        ]});
        if let Some(text) = self.comments.enumeration(declared) {
            schema["description"] = text.into();
        }
        schema
    }

    /// One value of a field (an item of a list, a value of a map).
    fn element(&mut self, field: &FieldDescriptor) -> Value {
        match field.kind() {
            Kind::Message(m) => self.message_ref(&m),
            Kind::Enum(e) => self.enum_ref(&e),
            scalar => scalar_schema(&scalar, Target::JsonSchema),
        }
    }
}

enum Shape {
    Map(FieldDescriptor, FieldDescriptor),
    List,
    Single,
}

fn field_shape(field: &FieldDescriptor) -> Shape {
    if field.is_map()
        && let Kind::Message(entry) = field.kind()
    {
        return Shape::Map(entry.map_entry_key_field(), entry.map_entry_value_field());
    }
    if field.cardinality() == Cardinality::Repeated {
        Shape::List
    } else {
        Shape::Single
    }
}

/// Whether a schema admits `null` already (Value, NullValue).
fn accepts_null(schema: &Value) -> bool {
    schema.as_object().is_some_and(Map::is_empty) || schema.get("type") == Some(&json!("null"))
}

fn or_null(schema: Value) -> Value {
    match schema.get("type").and_then(Value::as_str) {
        Some(single) => {
            let mut schema = schema.clone();
            schema["type"] = json!([single, "null"]);
            schema
        }
        None => json!({"anyOf": [schema, {"type": "null"}]}),
    }
}

/// Map keys are strings in JSON; integer and bool keys are spelled out.
fn key_names(key: &FieldDescriptor) -> Option<Value> {
    match key.kind() {
        Kind::Int32
        | Kind::Int64
        | Kind::Sint32
        | Kind::Sint64
        | Kind::Sfixed32
        | Kind::Sfixed64 => Some(json!({"pattern": "^-?[0-9]+$"})),
        Kind::Uint32 | Kind::Uint64 | Kind::Fixed32 | Kind::Fixed64 => {
            Some(json!({"pattern": "^[0-9]+$"}))
        }
        Kind::Bool => Some(json!({"enum": ["true", "false"]})),
        _ => None,
    }
}

/// proto2 `required` fields must be present in proto3 JSON too.
fn add_required(schema: &mut Value, message: &MessageDescriptor) {
    let required: Vec<Value> = message
        .fields()
        .filter(|f| f.cardinality() == Cardinality::Required)
        .map(|f| f.json_name().into())
        .collect();
    if !required.is_empty() {
        schema["required"] = Value::Array(required);
    }
}

/// At most one member of each (non-synthetic) oneof, by JSON name, in
/// the form the embedded schemas use.
fn add_oneofs(schema: &mut Value, message: &MessageDescriptor) {
    let groups: Vec<Value> = message
        .oneofs()
        .filter(|o| !o.is_synthetic())
        .map(|oneof| {
            let required: Vec<Value> = oneof
                .fields()
                .map(|f| json!({"required": [f.json_name()]}))
                .collect();
            let mut branches = vec![json!({"not": {"anyOf": required.clone()}})];
            branches.extend(required);
            json!({"oneOf": branches})
        })
        .collect();
    match groups.len() {
        0 => {}
        1 => schema["oneOf"] = groups[0]["oneOf"].clone(),
        _ => schema["allOf"] = Value::Array(groups),
    }
}

/// Which schema dialect a well-known or scalar schema is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    JsonSchema,
    /// A structural OpenAPI v3 schema, as CRDs need.
    Crd,
}

fn scalar_schema(kind: &Kind, target: Target) -> Value {
    let crd = target == Target::Crd;
    match kind {
        Kind::Double | Kind::Float if crd => json!({"type": "number"}),
        Kind::Double | Kind::Float => json!({"anyOf": [
            {"type": "number"}, {"enum": ["NaN", "Infinity", "-Infinity"]}]}),
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => {
            json!({"type": "integer", "minimum": i32::MIN, "maximum": i32::MAX})
        }
        Kind::Uint32 | Kind::Fixed32 => {
            json!({"type": "integer", "minimum": 0, "maximum": u32::MAX})
        }
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 if crd => json!({
            "x-kubernetes-int-or-string": true,
            "anyOf": [{"type": "integer"}, {"type": "string"}],
            "pattern": "^-?[0-9]+$"}),
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => json!({"anyOf": [
            {"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX},
            {"type": "string", "pattern": "^-?[0-9]+$"}]}),
        Kind::Uint64 | Kind::Fixed64 if crd => json!({
            "x-kubernetes-int-or-string": true,
            "anyOf": [{"type": "integer"}, {"type": "string"}],
            "pattern": "^[0-9]+$"}),
        Kind::Uint64 | Kind::Fixed64 => json!({"anyOf": [
            {"type": "integer", "minimum": 0, "maximum": u64::MAX},
            {"type": "string", "pattern": "^[0-9]+$"}]}),
        Kind::Bool => json!({"type": "boolean"}),
        Kind::String => json!({"type": "string"}),
        Kind::Bytes => json!({"type": "string", "format": "byte", "pattern": BASE64_PATTERN}),
        Kind::Message(_) | Kind::Enum(_) => json!({}),
    }
}

/// The JSON form of a well-known type, when `name` is one.
fn well_known(name: &str, target: Target) -> Option<Value> {
    let crd = target == Target::Crd;
    let wrapped = |kind: Kind| Some(scalar_schema(&kind, target));
    match name.strip_prefix("google.protobuf.")? {
        "Duration" => Some(json!({"type": "string", "pattern": DURATION_PATTERN})),
        "Timestamp" => {
            Some(json!({"type": "string", "format": "date-time", "pattern": TIMESTAMP_PATTERN}))
        }
        "FieldMask" => Some(json!({"type": "string", "pattern": FIELD_MASK_PATTERN})),
        "Struct" if crd => {
            Some(json!({"type": "object", "x-kubernetes-preserve-unknown-fields": true}))
        }
        "Struct" => Some(json!({"type": "object"})),
        "Value" if crd => Some(json!({"x-kubernetes-preserve-unknown-fields": true})),
        "Value" => Some(json!({})),
        "ListValue" if crd => {
            Some(json!({"type": "array", "items": {"x-kubernetes-preserve-unknown-fields": true}}))
        }
        "ListValue" => Some(json!({"type": "array"})),
        "Any" if crd => Some(
            json!({"type": "object", "x-kubernetes-preserve-unknown-fields": true,
            "properties": {"@type": {"type": "string"}}, "required": ["@type"]}),
        ),
        "Any" => Some(
            json!({"type": "object", "properties": {"@type": {"type": "string"}}, "required": ["@type"]}),
        ),
        "Empty" if crd => Some(json!({"type": "object"})),
        "Empty" => Some(json!({"type": "object", "additionalProperties": false})),
        "DoubleValue" | "FloatValue" => wrapped(Kind::Double),
        "Int64Value" => wrapped(Kind::Int64),
        "UInt64Value" => wrapped(Kind::Uint64),
        "Int32Value" => wrapped(Kind::Int32),
        "UInt32Value" => wrapped(Kind::Uint32),
        "BoolValue" => wrapped(Kind::Bool),
        "StringValue" => wrapped(Kind::String),
        "BytesValue" => wrapped(Kind::Bytes),
        _ => None,
    }
}

/// The names of the custom resource a CRD declares.
#[derive(Debug, Clone)]
pub struct CrdNames {
    pub kind: String,
    pub group: String,
}

impl CrdNames {
    /// Kubernetes' rules for a kind and an API group (a DNS subdomain
    /// with at least one dot).
    pub fn check(&self) -> Result<(), String> {
        let kind_ok = self.kind.len() <= 63
            && self
                .kind
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase())
            && self.kind.chars().all(|c| c.is_ascii_alphanumeric());
        if !kind_ok {
            return Err(format!(
                "--kind `{}` is not a Kubernetes kind (PascalCase ASCII letters and digits)",
                crate::escape::escape_control(&self.kind)
            ));
        }
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        };
        if self.group.len() > 253
            || !self.group.contains('.')
            || !self.group.split('.').all(label_ok)
        {
            return Err(format!(
                "--group `{}` is not an API group (a lower-case DNS name with a dot, like example.com)",
                crate::escape::escape_control(&self.group)
            ));
        }
        Ok(())
    }

    /// `ratelimitstrategies`: the kind in lower case, made plural as
    /// `schema export --format crd` makes it.
    pub fn plural(&self) -> String {
        crate::crd::resource_plural(&self.kind.to_lowercase())
    }
}

/// An `apiextensions.k8s.io/v1` CustomResourceDefinition whose `spec`
/// is `message`, with a structural schema.
pub fn crd(message: &MessageDescriptor, names: &CrdNames) -> Result<Value, String> {
    names.check()?;
    let version = message
        .package_name()
        .rsplit('.')
        .next()
        .filter(|v| super::is_kubernetes_version(v))
        .unwrap_or("v1")
        .to_string();
    let mut builder = Structural {
        comments: Comments::default(),
        stack: Vec::new(),
        nodes: 0,
    };
    let spec = builder.message(message)?;
    let plural = names.plural();
    Ok(json!({
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": format!("{plural}.{}", names.group)},
        "spec": {
            "group": names.group,
            "names": {
                "kind": names.kind,
                "listKind": format!("{}List", names.kind),
                "plural": plural,
                "singular": names.kind.to_lowercase(),
            },
            "scope": "Namespaced",
            "versions": [{
                "name": version,
                "served": true,
                "storage": true,
                "schema": {"openAPIV3Schema": {
                    "description": format!("{} whose spec is the proto message {}.", names.kind, message.full_name()),
                    "type": "object",
                    "properties": {
                        "apiVersion": {"type": "string"},
                        "kind": {"type": "string"},
                        "metadata": {"type": "object"},
                        "spec": spec,
                    },
                }},
            }],
        },
    }))
}

/// Builds a structural schema: every message written out in place.
struct Structural {
    comments: Comments,
    /// The messages being written out, outermost first.
    stack: Vec<String>,
    nodes: usize,
}

impl Structural {
    fn count(&mut self) -> Result<(), String> {
        self.nodes += 1;
        if self.nodes > MAX_CRD_NODES {
            return Err(format!(
                "the CRD schema would have more than {MAX_CRD_NODES} nodes: a CRD writes every message out in place"
            ));
        }
        Ok(())
    }

    fn message(&mut self, message: &MessageDescriptor) -> Result<Value, String> {
        self.count()?;
        let name = message.full_name().to_string();
        if let Some(schema) = well_known(&name, Target::Crd) {
            return Ok(schema);
        }
        if self.stack.contains(&name) {
            return Ok(json!({
                "type": "object",
                "x-kubernetes-preserve-unknown-fields": true,
                "description": format!("A {name} inside itself: a CRD schema cannot refer to itself, so its fields are not checked here."),
            }));
        }
        if self.stack.len() >= MAX_CRD_DEPTH {
            return Err(format!(
                "{name} is nested more than {MAX_CRD_DEPTH} messages deep: too deep for a CRD schema"
            ));
        }
        self.stack.push(name);
        let mut properties = Map::new();
        for field in message.fields() {
            let mut schema = match field_shape(&field) {
                Shape::Map(_, value) => {
                    json!({"type": "object", "additionalProperties": self.element(&value)?})
                }
                Shape::List => json!({"type": "array", "items": self.element(&field)?}),
                Shape::Single => self.element(&field)?,
            };
            if let (Some(text), Some(object)) =
                (self.comments.field(&field), schema.as_object_mut())
            {
                object.insert("description".into(), text.into());
            }
            properties.insert(field.json_name().to_string(), schema);
        }
        self.stack.pop();
        let mut schema = json!({"type": "object"});
        if let Some(text) = self.comments.message(message) {
            schema["description"] = text.into();
        }
        if !properties.is_empty() {
            schema["properties"] = Value::Object(properties);
        }
        add_required(&mut schema, message);
        add_oneofs(&mut schema, message);
        Ok(schema)
    }

    fn element(&mut self, field: &FieldDescriptor) -> Result<Value, String> {
        self.count()?;
        Ok(match field.kind() {
            Kind::Message(m) => self.message(&m)?,
            // The CRD stores what the proto3 JSON printer writes: names.
            Kind::Enum(e) if e.full_name() == "google.protobuf.NullValue" => {
                json!({"x-kubernetes-preserve-unknown-fields": true})
            }
            Kind::Enum(e) => {
                let names: Vec<Value> = e.values().map(|v| v.name().into()).collect();
                json!({"type": "string", "enum": names})
            }
            scalar => scalar_schema(&scalar, Target::Crd),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(source: &str) -> DescriptorPool {
        let set = super::super::compile_for_test("t.proto", source);
        DescriptorPool::decode(set.as_slice()).unwrap()
    }

    const SOURCE: &str = r#"syntax = "proto3";
package t.v1;
import "google/protobuf/duration.proto";
// A tree.
message Node {
  // Its name.
  string name = 1;
  repeated Node children = 2;
  map<int32, string> labels = 3;
  int64 size = 4;
  google.protobuf.Duration ttl = 5;
  Color color = 6;
  oneof payload {
    string text = 7;
    bytes data = 8;
  }
  string display_name = 9 [json_name = "shown"];
}
enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1; }
"#;

    fn validator(schema: &Value) -> jsonschema::Validator {
        jsonschema::draft202012::new(schema).unwrap()
    }

    #[test]
    fn json_schema_follows_the_proto3_json_mapping() {
        let pool = pool(SOURCE);
        let node = find_message(&pool, "t.v1.Node").unwrap();
        let schema = json_schema(&node);
        assert_eq!(schema["description"], "A tree.");
        assert_eq!(
            schema["$defs"]["t.v1.Node"]["properties"]["name"]["description"],
            "Its name."
        );
        let v = validator(&schema);
        for ok in [
            json!({}),
            json!({"name": "a", "children": [{"name": "b", "children": []}]}),
            json!({"labels": {"-3": "x"}, "size": "9007199254740993", "ttl": "1.5s"}),
            json!({"size": 12, "color": "COLOR_RED", "text": "x", "shown": "y"}),
            json!({"color": 7, "data": "aGk=", "name": null}),
        ] {
            assert!(v.is_valid(&ok), "{ok}");
        }
        for bad in [
            json!({"nme": "a"}),
            json!({"children": [{"size": "1.5"}]}),
            json!({"labels": {"x": "y"}}),
            json!({"ttl": "5min"}),
            json!({"color": "RED"}),
            json!({"text": "x", "data": "aGk="}),
            json!({"displayName": "y"}),
            json!({"children": [null]}),
        ] {
            assert!(!v.is_valid(&bad), "{bad}");
        }
    }

    #[test]
    fn proto2_required_fields_are_required() {
        let pool = pool(
            "syntax = \"proto2\";\npackage t.v1;\nmessage Old { required string id = 1; optional int32 n = 2; }\n",
        );
        let schema = json_schema(&find_message(&pool, "t.v1.Old").unwrap());
        let v = validator(&schema);
        assert!(v.is_valid(&json!({"id": "x"})));
        assert!(!v.is_valid(&json!({"n": 1})));
    }

    #[test]
    fn unknown_messages_get_a_suggestion() {
        let pool = pool(SOURCE);
        let err = find_message(&pool, "t.v1.Nod").unwrap_err();
        assert!(err.contains("did you mean `t.v1.Node`"), "{err}");
        assert!(find_message(&pool, ".t.v1.Node").is_ok());
    }

    #[test]
    fn crds_cut_recursion_and_keep_structure() {
        let pool = pool(SOURCE);
        let node = find_message(&pool, "t.v1.Node").unwrap();
        let names = CrdNames {
            kind: "Node".into(),
            group: "example.com".into(),
        };
        let crd = crd(&node, &names).unwrap();
        assert_eq!(crd["metadata"]["name"], "nodes.example.com");
        assert_eq!(crd["spec"]["versions"][0]["name"], "v1");
        let spec = &crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["spec"];
        let child = &spec["properties"]["children"]["items"];
        assert_eq!(child["x-kubernetes-preserve-unknown-fields"], true);
        assert_eq!(
            spec["properties"]["size"]["x-kubernetes-int-or-string"],
            true
        );
        assert!(
            CrdNames {
                kind: "node".into(),
                group: "example.com".into()
            }
            .check()
            .is_err()
        );
        assert!(
            CrdNames {
                kind: "Node".into(),
                group: "local".into()
            }
            .check()
            .is_err()
        );
    }

    #[test]
    fn plurals_follow_english_endings() {
        let plural = |kind: &str| {
            CrdNames {
                kind: kind.into(),
                group: "x.io".into(),
            }
            .plural()
        };
        assert_eq!(plural("RateLimitStrategy"), "ratelimitstrategies");
        assert_eq!(plural("Gateway"), "gateways");
        assert_eq!(plural("Mesh"), "meshes");
        assert_eq!(plural("TrafficRouter"), "trafficrouters");
    }
}
