//! `opensergo proto from-schema`: a `.proto` file for a kind's `spec`,
//! shaped from its JSON Schema so that the messages map one to one onto
//! the CRD.
//!
//! * One message per object of the schema, nested where the object is
//!   (`spec.http[].route[]` is `TrafficRouterSpec.Http.Route`), so a name
//!   depends only on its path and stays the same when other parts of the
//!   schema change.
//! * Fields in lower_snake_case, numbered in schema order; `json_name` is
//!   set wherever the default lowerCamelCase would not give back the CRD's
//!   key, so the proto3 JSON form has exactly the CRD's keys.
//! * String enums become enums with `<ENUM>_UNSPECIFIED = 0` and prefixed
//!   values (`Local` is `LIMIT_MODE_LOCAL`); duration strings
//!   `google.protobuf.Duration`; objects with free keys `map<string, V>`;
//!   "at most one of" / "exactly one of" groups a `oneof`.
//! * What has no proto shape (a value of several types, a list of lists,
//!   an object with both fixed and free keys) becomes
//!   `google.protobuf.Value`, `Struct` or `ListValue`, which hold any such
//!   JSON, with a warning (OS9402) and a comment saying why.
//! * Constraints a proto cannot state (`required`, bounds, lengths,
//!   patterns) are left out; validate keeps checking them on the YAML.
//!
//! The package is the group reversed plus the version
//! (`traffic.opensergo.io/v1alpha1` is `io.opensergo.traffic.v1alpha1`),
//! the file `io/opensergo/traffic/v1alpha1/traffic_router.proto`, the
//! layout buf's PACKAGE_DIRECTORY_MATCH and PACKAGE_VERSION_SUFFIX expect.
//! Field numbers across regenerations are [`super::previous`]'s job.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::casing::{is_pascal, is_upper_snake, to_lower_snake, to_pascal, to_upper_snake};
use crate::diagnostic::Diagnostic;
use crate::escape::escape_control;

crate::define_codes! {
    SCHEMAGEN_CODES:
    INCOMPATIBLE_REGENERATION = "OS9401" "incompatible-regeneration" Error "Regenerating the .proto after a schema change would break wire or JSON compatibility with --previous."
        r#"## What it does
`opensergo proto from-schema --previous FILE` keeps every field and enum value number of the previous file and reserves the numbers and names of removed ones. It reports a change it cannot make compatible: a field that keeps its name but changes its type, cardinality, JSON name or oneof; a field added under a name the previous file reserved; another package. Nothing is written.

## Why is this bad
Clients built from the previous file would misread the new messages: a changed type reuses a field number for different bytes, and a reused JSON name changes meaning for stored JSON. `buf breaking` (WIRE_JSON) reports the same changes.

## Example
The schema changes `spec.threshold` from an integer to a string: field `threshold = 4` would change from `int64` to `string`.

## How to fix
Give the changed field a new key in the schema (the old one is then reserved), or, when breaking compatibility is intended, generate without `--previous` and publish the file under a new package version."#;
    NO_PROTO_SHAPE = "OS9402" "no-proto-shape" Warning "A part of the schema has no proto shape; it is generated as a free-form google.protobuf type."
        r#"## What it does
Reports a property whose schema a proto message cannot mirror: a value of several types (`anyOf` of a string and a number), a list of lists or of maps, an object with both fixed properties and free keys, nesting too deep. The field is generated as `google.protobuf.Value`, `Struct` or `ListValue`, which hold any such JSON, with a comment saying why.

## Why is this bad
It is not an error: the field still carries every value the CRD accepts. But the proto no longer describes its shape, so generated code sees untyped JSON there.

## Example
AdaptiveOverloadProtectionStrategy `spec.triggerThreshold` is either a percentage string or a number: it becomes a `google.protobuf.Value`.

## How to fix
Nothing, or give the field one type in the schema."#;
    INVALID_PROTO_NAME = "OS9403" "invalid-proto-name" Error "A kind, group, version or key cannot be made into a proto name."
        r#"## What it does
Reports a name from the schema that has no proto spelling: a key that does not start with an ASCII letter or holds characters other than letters, digits, `_` and `-`; a kind that is not PascalCase; a group label or version that cannot be a package component. Nothing is written.

## Why is this bad
Names come from the input. A name that is not an identifier would make a file that does not compile, or one whose package and path do not match.

## Example
A property named `x.y` or `1st`; an API version `v1-beta`.

## How to fix
Rename the key in the schema, or use a Kubernetes-style version (`v1`, `v1alpha1`, `v2beta3`)."#;
}

/// Objects nested deeper than this become `google.protobuf.Struct`.
pub const MAX_DEPTH: usize = 64;

/// The kind a schema describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub group: String,
    pub version: String,
    pub kind: String,
}

impl Target {
    /// From a schema's `title` (`Kind (group/version)`, as the embedded
    /// schemas and `schema from-crd` write it), else from `const`s of
    /// its `apiVersion` and `kind` properties.
    pub fn of_schema(schema: &Value) -> Option<Target> {
        if let Some((kind, rest)) = schema
            .get("title")
            .and_then(Value::as_str)
            .and_then(|t| t.split_once(" ("))
            && let Some((group, version)) = rest.strip_suffix(')').and_then(|r| r.split_once('/'))
        {
            return Some(Target {
                group: group.into(),
                version: version.into(),
                kind: kind.into(),
            });
        }
        let constant = |key: &str| {
            schema
                .pointer(&format!("/properties/{key}/const"))
                .and_then(Value::as_str)
        };
        let (group, version) = constant("apiVersion")?.split_once('/')?;
        Some(Target {
            group: group.into(),
            version: version.into(),
            kind: constant("kind")?.into(),
        })
    }

    /// `traffic.opensergo.io` + `v1alpha1` is `io.opensergo.traffic.v1alpha1`.
    pub fn package(&self) -> Result<String, String> {
        let mut parts = Vec::new();
        for label in self.group.rsplit('.') {
            let part = to_lower_snake(&label.replace('-', "_"));
            if !is_identifier(&part, |c| c.is_ascii_lowercase()) {
                return Err(format!(
                    "group `{}`: label `{}` cannot be a package component",
                    escape_control(&self.group),
                    escape_control(label)
                ));
            }
            parts.push(part);
        }
        if !super::is_kubernetes_version(&self.version) {
            return Err(format!(
                "version `{}` is not of the form v1, v1alpha1, v2beta3",
                escape_control(&self.version)
            ));
        }
        parts.push(self.version.clone());
        Ok(parts.join("."))
    }

    /// Where the file goes below a module root: the package's directory
    /// and the kind in lower_snake_case.
    pub fn file_path(&self) -> Result<String, String> {
        let package = self.package()?;
        Ok(format!(
            "{}/{}.proto",
            package.replace('.', "/"),
            to_lower_snake(&self.kind)
        ))
    }

    /// The message of the spec: `<Kind>Spec`.
    pub fn root_message(&self) -> Result<String, String> {
        if is_pascal(&self.kind) && is_identifier(&self.kind, |c| c.is_ascii_uppercase()) {
            Ok(format!("{}Spec", self.kind))
        } else {
            Err(format!(
                "kind `{}` is not a PascalCase name",
                escape_control(&self.kind)
            ))
        }
    }
}

/// ASCII letters, digits and `_`, starting with a letter `first` accepts.
fn is_identifier(name: &str, first: impl Fn(char) -> bool) -> bool {
    name.chars().next().is_some_and(first)
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The enum value that stands for a CRD string: `LIMIT_MODE_LOCAL` for
/// `Local` in enum `LimitMode`. `None` when the string has no such name.
pub fn enum_value_name(enum_name: &str, crd_value: &str) -> Option<String> {
    let words = to_upper_snake(&crd_value.replace(['-', ' ', '.'], "_"));
    let name = format!("{}_{words}", to_upper_snake(enum_name));
    (!words.is_empty()
        && words != "UNSPECIFIED"
        && is_upper_snake(&name)
        && is_identifier(&name, |c| c.is_ascii_uppercase()))
    .then_some(name)
}

/// The `json_name` protoc gives a field by default: `_` dropped and the
/// letter after it capitalised.
pub fn default_json_name(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut upper_next = false;
    for c in field.chars() {
        if c == '_' {
            upper_next = true;
        } else if upper_next {
            out.push(c.to_ascii_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    /// `string`, `int32`, `int64`, `double`, `bool`, `bytes`.
    Scalar(&'static str),
    /// A `google.protobuf` message: `Duration`, `Struct`, `Value`, `ListValue`.
    WellKnown(&'static str),
    /// A message or enum declared in the field's message.
    Nested(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cardinality {
    Single,
    Repeated,
    /// `map<string, T>`.
    Map,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    /// The CRD key.
    pub key: String,
    pub ty: Type,
    pub cardinality: Cardinality,
    pub number: i32,
    pub comment: Vec<String>,
    /// Index into the message's `oneofs`.
    pub oneof: Option<usize>,
    /// Whether the type is an enum (a nested one).
    pub is_enum: bool,
}

impl Field {
    /// The proto3 JSON name: the CRD key.
    pub fn json_name(&self) -> &str {
        &self.key
    }

    /// `json_name` must be written out when protoc's default differs.
    pub fn explicit_json_name(&self) -> bool {
        default_json_name(&self.name) != self.key
    }
}

#[derive(Debug, Clone)]
pub struct EnumValue {
    pub name: String,
    pub number: i32,
    /// The CRD string it stands for (none for `_UNSPECIFIED`).
    pub crd_value: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Enum {
    pub name: String,
    pub comment: Vec<String>,
    pub values: Vec<EnumValue>,
    pub reserved: Reserved,
}

/// Numbers (inclusive ranges) and names no longer in use.
#[derive(Debug, Clone, Default)]
pub struct Reserved {
    pub ranges: Vec<(i32, i32)>,
    pub names: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub name: String,
    pub comment: Vec<String>,
    pub fields: Vec<Field>,
    pub oneofs: Vec<String>,
    pub messages: Vec<Message>,
    pub enums: Vec<Enum>,
    pub reserved: Reserved,
}

/// A generated file before it is written out.
#[derive(Debug, Clone)]
pub struct ProtoFile {
    pub package: String,
    /// Below a module root (`io/opensergo/.../kind.proto`).
    pub path: String,
    pub header: Vec<String>,
    pub root: Message,
}

/// The shape of one schema node.
enum Shape<'a> {
    Scalar(&'static str),
    Duration,
    Enum(Vec<String>),
    Object(&'a Map<String, Value>, &'a Map<String, Value>),
    Map(&'a Value),
    Array(&'a Value),
    /// A `google.protobuf` type holding any JSON of its kind, for a
    /// schema that allows any JSON of that kind: `Value`, `Struct`.
    Any(&'static str, &'static str),
    /// The same for a schema whose shape a proto cannot mirror, and why.
    Free(&'static str, &'static str),
}

/// Builds the file for `target` from the schema of its whole object (the
/// `spec` property is the root message). `origin` names the schema in
/// the header comment. Findings: warnings for free-form fields, errors
/// for names that cannot be made (then the file must not be written).
pub fn generate(
    schema: &Value,
    target: &Target,
    origin: &str,
) -> Result<(ProtoFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    let invalid = |why: String| vec![Diagnostic::new(INVALID_PROTO_NAME, why).in_file(origin)];
    let package = target.package().map_err(invalid)?;
    let path = target.file_path().map_err(invalid)?;
    let root_name = target.root_message().map_err(invalid)?;
    let Some(spec) = schema.pointer("/properties/spec") else {
        return Err(vec![
            Diagnostic::new(
                INVALID_PROTO_NAME,
                "the schema declares no `spec` property: there is nothing to generate",
            )
            .in_file(origin),
        ]);
    };
    let mut builder = Builder {
        origin,
        findings: Vec::new(),
    };
    let empty = Map::new();
    let (properties, object) = match classify(spec) {
        Shape::Object(properties, object) => (properties, object),
        _ => {
            builder.finding(
                NO_PROTO_SHAPE,
                "not an object with properties: the message declares no field, and proto3 JSON parsers reject the fields of any object given for it".into(),
                "spec",
            );
            (&empty, spec.as_object().unwrap_or(&empty))
        }
    };
    let mut root = builder.message(root_name, properties, object, "spec", 0);
    let mut comment = vec![format!(
        "The spec of a {} ({}/{}) object.",
        target.kind, target.group, target.version
    )];
    comment.extend(description(spec));
    root.comment = comment;
    if builder.findings.iter().any(is_error) {
        return Err(builder.findings);
    }
    let header = vec![
        format!("Generated by `opensergo proto from-schema` from {origin}."),
        "One message per object of the schema; the proto3 JSON form has the CRD's keys."
            .to_string(),
        "Regenerate with `--previous` set to this file to keep every field number.".to_string(),
    ];
    Ok((
        ProtoFile {
            package,
            path,
            header,
            root,
        },
        builder.findings,
    ))
}

pub fn is_error(d: &Diagnostic) -> bool {
    d.severity == crate::codes::Severity::Error
}

struct Builder<'a> {
    origin: &'a str,
    findings: Vec<Diagnostic>,
}

/// Names declared in one message's scope.
#[derive(Default)]
struct Scope {
    types: Names,
    fields: Names,
    enum_values: Names,
}

/// Names of one kind in a scope, each given out once.
#[derive(Default)]
struct Names {
    taken: HashSet<String>,
    /// The next suffix to try per wanted name, so that many keys wanting
    /// one name cost linear time, not quadratic.
    next: HashMap<String, usize>,
}

impl Names {
    /// `wanted`, or `wanted2`, `wanted3`, ... (with `separator` before
    /// the number) when taken.
    fn unique(&mut self, wanted: &str, separator: &str) -> String {
        self.unique_by(wanted, separator, str::to_string)
    }

    /// A field name, `wanted` or `wanted_2`, ...: protoc and protox
    /// reject two fields of a message whose names differ only in case and
    /// underscores (`grpc_status`, `grpcstatus`: their JSON names would
    /// clash), so field names are taken in that folded form.
    fn unique_field(&mut self, wanted: &str) -> String {
        self.unique_by(wanted, "_", |name| {
            name.chars()
                .filter(|&c| c != '_')
                .map(|c| c.to_ascii_lowercase())
                .collect()
        })
    }

    /// `wanted`, or `wanted2`, ..., the first whose `key` is not taken.
    fn unique_by(&mut self, wanted: &str, separator: &str, key: impl Fn(&str) -> String) -> String {
        let mut name = wanted.to_string();
        while !self.taken.insert(key(&name)) {
            let n = self.next.entry(wanted.to_string()).or_insert(2);
            name = format!("{wanted}{separator}{n}");
            *n += 1;
        }
        name
    }

    fn reserve(&mut self, name: String) {
        self.taken.insert(name);
    }
}

impl Builder<'_> {
    fn finding(&mut self, code: crate::codes::Code, message: String, path: &str) {
        self.findings
            .push(Diagnostic::new(code, format!("`{path}`: {message}")).in_file(self.origin));
    }

    fn message(
        &mut self,
        name: String,
        properties: &Map<String, Value>,
        object: &Map<String, Value>,
        path: &str,
        depth: usize,
    ) -> Message {
        let mut message = Message {
            name,
            comment: Vec::new(),
            fields: Vec::new(),
            oneofs: Vec::new(),
            messages: Vec::new(),
            enums: Vec::new(),
            reserved: Reserved::default(),
        };
        let mut scope = Scope::default();
        // Field index by name, for aliases.
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (key, schema) in properties {
            let field_path = format!("{path}.{}", escape_control(key));
            let Some(base) = field_name(key) else {
                self.finding(
                    INVALID_PROTO_NAME,
                    format!(
                        "key `{}` cannot be a proto field name: it must start with an ASCII letter and hold only letters, digits, `_` and `-`",
                        escape_control(key)
                    ),
                    &field_path,
                );
                continue;
            };
            // `mirror_percent` beside `mirrorPercent`: one field answers to
            // both, since proto3 JSON parsers accept the proto name too.
            if let Some(existing) = by_name.get(&base).map(|&i| &mut message.fields[i])
                && (key == &base || existing.key == base)
                && properties.get(&existing.key) == Some(schema)
            {
                if existing.key == base {
                    existing.key = key.clone();
                }
                let field = existing;
                field
                    .comment
                    .push(format!("The CRD also accepts `{base}`, the proto name."));
                continue;
            }
            let name = scope.fields.unique_field(&base);
            by_name.insert(name.clone(), message.fields.len());
            let field = self.field(
                &mut message,
                &mut scope,
                name,
                key,
                schema,
                &field_path,
                depth,
            );
            message.fields.push(field);
        }
        oneofs(&mut message, object);
        for (index, field) in message.fields.iter_mut().enumerate() {
            field.number = i32::try_from(index + 1).unwrap_or(i32::MAX);
        }
        message
    }

    #[allow(clippy::too_many_arguments)]
    fn field(
        &mut self,
        message: &mut Message,
        scope: &mut Scope,
        name: String,
        key: &str,
        schema: &Value,
        path: &str,
        depth: usize,
    ) -> Field {
        let mut comment = description(schema);
        let shape = if depth >= MAX_DEPTH {
            Shape::Free("Struct", "nested deeper than the generator's limit")
        } else {
            classify(schema)
        };
        let (cardinality, element, element_path) = match shape {
            Shape::Array(items) => (
                Cardinality::Repeated,
                match classify(items) {
                    Shape::Array(_) => Shape::Free("ListValue", "a list of lists"),
                    Shape::Map(_) => Shape::Free("Struct", "a list of maps"),
                    other => other,
                },
                format!("{path}[]"),
            ),
            Shape::Map(values) => (
                Cardinality::Map,
                match classify(values) {
                    Shape::Array(_) => Shape::Free("ListValue", "a map of lists"),
                    Shape::Map(_) => Shape::Free("Struct", "a map of maps"),
                    other => other,
                },
                format!("{path}.*"),
            ),
            other => (Cardinality::Single, other, path.to_string()),
        };
        if cardinality == Cardinality::Map {
            // protoc declares the entry message `<Field>Entry` here.
            scope.types.reserve(format!("{}Entry", to_pascal(&name)));
        }
        let mut is_enum = false;
        let ty = match element {
            Shape::Scalar(scalar) => Type::Scalar(scalar),
            Shape::Duration => {
                comment.push(
                    "The CRD writes a duration string such as `500ms` or `5min`.".to_string(),
                );
                Type::WellKnown("Duration")
            }
            Shape::Any(well_known, what) => {
                comment.push(format!("Free-form: {what}."));
                Type::WellKnown(well_known)
            }
            Shape::Free(well_known, why) => {
                comment.push(format!("Free-form: {why}."));
                self.finding(
                    NO_PROTO_SHAPE,
                    format!("{why}: generated as google.protobuf.{well_known}"),
                    &element_path,
                );
                Type::WellKnown(well_known)
            }
            Shape::Enum(values) => {
                is_enum = true;
                let type_name = scope.types.unique(&to_pascal(&name), "");
                let declared = enumeration(&type_name, &values, &mut scope.enum_values, path);
                message.enums.push(declared);
                Type::Nested(type_name)
            }
            Shape::Object(properties, object) => {
                let type_name = scope.types.unique(&to_pascal(&name), "");
                let mut nested = self.message(
                    type_name.clone(),
                    properties,
                    object,
                    &element_path,
                    depth + 1,
                );
                nested.comment = vec![format!("`{}` of the CRD.", element_path)];
                message.messages.push(nested);
                Type::Nested(type_name)
            }
            Shape::Array(_) | Shape::Map(_) => unreachable!("replaced by a free-form type above"),
        };
        Field {
            name,
            key: key.to_string(),
            ty,
            cardinality,
            number: 0,
            comment,
            oneof: None,
            is_enum,
        }
    }
}

/// "At most one of" and "exactly one of" groups become oneofs, when every
/// member is a singular field of the message.
fn oneofs(message: &mut Message, object: &Map<String, Value>) {
    let by_key: HashMap<String, usize> = message
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| (f.key.clone(), i))
        .collect();
    for group in exclusive_groups(object) {
        let members: Option<Vec<usize>> = group
            .iter()
            .map(|key| {
                by_key.get(key).copied().filter(|&i| {
                    let f = &message.fields[i];
                    f.cardinality == Cardinality::Single && f.oneof.is_none()
                })
            })
            .collect();
        let Some(members) = members else {
            continue;
        };
        let base: Vec<&str> = members
            .iter()
            .map(|&i| message.fields[i].name.as_str())
            .collect();
        let name = base.join("_or_");
        if message.fields.iter().any(|f| f.name == name) {
            continue;
        }
        let index = message.oneofs.len();
        message.oneofs.push(name);
        for i in members {
            message.fields[i].oneof = Some(index);
        }
    }
}

/// `key` as a lower_snake_case field name, when it has one.
fn field_name(key: &str) -> Option<String> {
    let valid = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    valid.then(|| to_lower_snake(&key.replace('-', "_")))
}

fn enumeration(name: &str, values: &[String], taken: &mut Names, path: &str) -> Enum {
    let prefix = to_upper_snake(name);
    let zero = taken.unique(&format!("{prefix}_UNSPECIFIED"), "_");
    let mut declared = vec![EnumValue {
        name: zero,
        number: 0,
        crd_value: None,
    }];
    for (i, value) in values.iter().enumerate() {
        let wanted = enum_value_name(name, value).expect("classify checked every value");
        declared.push(EnumValue {
            name: taken.unique(&wanted, "_"),
            number: i32::try_from(i + 1).unwrap_or(i32::MAX),
            crd_value: Some(value.clone()),
        });
    }
    Enum {
        name: name.to_string(),
        comment: vec![format!(
            "The values of `{path}`; the CRD writes each as the string after its value."
        )],
        values: declared,
        reserved: Reserved::default(),
    }
}

/// The description of a schema, one entry per line.
fn description(schema: &Value) -> Vec<String> {
    schema
        .get("description")
        .and_then(Value::as_str)
        .map(|d| {
            d.lines()
                .map(|l| escape_control(l.trim_end()).into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The types a schema allows, `null` left out (proto3 JSON reads null as
/// the default value of every field).
fn types(schema: &Map<String, Value>) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect(),
        _ => Vec::new(),
    }
}

fn classify(schema: &Value) -> Shape<'_> {
    let Some(object) = schema.as_object() else {
        return Shape::Any("Value", "any value");
    };
    if let Some(constant) = object.get("const") {
        return match constant {
            Value::String(_) => Shape::Scalar("string"),
            Value::Bool(_) => Shape::Scalar("bool"),
            Value::Number(n) if n.is_i64() || n.is_u64() => Shape::Scalar("int64"),
            Value::Number(_) => Shape::Scalar("double"),
            _ => Shape::Free("Value", "a constant that is not a scalar"),
        };
    }
    let types = types(object);
    let [single] = types.as_slice() else {
        let choice = ["anyOf", "oneOf", "allOf"]
            .iter()
            .any(|k| object.contains_key(*k));
        return if types.is_empty() && !choice {
            Shape::Any("Value", "any value")
        } else if types.is_empty() {
            Shape::Free("Value", "a value of no single type")
        } else {
            Shape::Free("Value", "a value of several types")
        };
    };
    match *single {
        "string" => string_shape(object),
        "integer" => match object.get("format").and_then(Value::as_str) {
            Some("int32") => Shape::Scalar("int32"),
            _ => Shape::Scalar("int64"),
        },
        "number" => Shape::Scalar("double"),
        "boolean" => Shape::Scalar("bool"),
        "array" => Shape::Array(object.get("items").unwrap_or(&Value::Bool(true))),
        "object" => {
            let properties = object.get("properties").and_then(Value::as_object);
            let free_keys = object.get("additionalProperties").filter(|a| a.is_object());
            match (properties, free_keys) {
                (Some(p), None) => Shape::Object(p, object),
                (Some(p), Some(_)) if p.is_empty() => Shape::Map(free_keys.expect("matched")),
                (Some(_), Some(_)) => Shape::Free(
                    "Struct",
                    "an object with both fixed properties and free keys",
                ),
                (None, Some(values)) => Shape::Map(values),
                (None, None) => Shape::Any("Struct", "an object with any keys"),
            }
        }
        _ => Shape::Free("Value", "a value of an unknown type"),
    }
}

fn string_shape(object: &Map<String, Value>) -> Shape<'_> {
    if let Some(values) = object.get("enum").and_then(Value::as_array) {
        let strings: Option<Vec<String>> = values
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect();
        if let Some(strings) = strings
            && !strings.is_empty()
            && strings.iter().all(|s| enum_value_name("E", s).is_some())
        {
            let distinct: HashSet<String> = strings
                .iter()
                .filter_map(|s| enum_value_name("E", s))
                .collect();
            if distinct.len() == strings.len() {
                return Shape::Enum(strings);
            }
        }
        return Shape::Scalar("string");
    }
    if object
        .get("pattern")
        .and_then(Value::as_str)
        .is_some_and(is_duration_pattern)
    {
        return Shape::Duration;
    }
    match object.get("format").and_then(Value::as_str) {
        Some("byte") => Shape::Scalar("bytes"),
        _ => Shape::Scalar("string"),
    }
}

/// A pattern that admits OpenSergo duration strings (`1s`, `100ms`,
/// `5min`) and nothing unit-less: judged by what it matches, whatever
/// way it is written.
fn is_duration_pattern(pattern: &str) -> bool {
    let Ok(regex) = regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .build()
    else {
        return false;
    };
    ["1s", "100ms", "5min"].iter().all(|s| regex.is_match(s))
        && ["1", "s", "abc", "10%"].iter().all(|s| !regex.is_match(s))
}

/// Keys of which at most one may be set, from the two ways the schemas
/// say so: `oneOf` branches that each require one key (with an optional
/// branch requiring none of them), and `not: {anyOf: [...]}` over every
/// pair of a set.
fn exclusive_groups(object: &Map<String, Value>) -> Vec<Vec<String>> {
    let mut groups = Vec::new();
    if let Some(branches) = object.get("oneOf").and_then(Value::as_array)
        && let Some(group) = one_of_group(branches)
    {
        groups.push(group);
    }
    if let Some(branches) = object
        .get("not")
        .and_then(|n| n.get("anyOf"))
        .and_then(Value::as_array)
        && let Some(group) = pairs_group(branches)
    {
        groups.push(group);
    }
    groups
}

/// The single key a branch requires: `{"required": [k]}`, perhaps with
/// a `type: object` guard.
fn required_keys(branch: &Value) -> Option<Vec<String>> {
    let object = branch.as_object()?;
    if object
        .keys()
        .any(|k| !matches!(k.as_str(), "required" | "type" | "description"))
    {
        return None;
    }
    object
        .get("required")?
        .as_array()?
        .iter()
        .map(|k| k.as_str().map(str::to_string))
        .collect()
}

fn one_of_group(branches: &[Value]) -> Option<Vec<String>> {
    let mut keys: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut none_branch = None;
    for branch in branches {
        if let Some(negated) = branch.get("not").and_then(|n| n.get("anyOf")) {
            let listed: Vec<String> = negated
                .as_array()?
                .iter()
                .map(|b| match required_keys(b)?.as_slice() {
                    [key] => Some(key.clone()),
                    _ => None,
                })
                .collect::<Option<_>>()?;
            none_branch = Some(listed);
            continue;
        }
        match required_keys(branch)?.as_slice() {
            [key] if seen.insert(key.clone()) => keys.push(key.clone()),
            _ => return None,
        }
    }
    if let Some(listed) = none_branch {
        let mut sorted = listed.clone();
        sorted.sort();
        let mut mine = keys.clone();
        mine.sort();
        if sorted != mine {
            return None;
        }
    }
    (keys.len() >= 2).then_some(keys)
}

fn pairs_group(branches: &[Value]) -> Option<Vec<String>> {
    let mut keys: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut pairs = HashSet::new();
    for branch in branches {
        let [a, b]: [String; 2] = required_keys(branch)?.try_into().ok()?;
        if a == b {
            return None;
        }
        for key in [&a, &b] {
            if seen.insert(key.clone()) {
                keys.push(key.clone());
            }
        }
        pairs.insert((a.clone(), b.clone()));
        pairs.insert((b, a));
    }
    // Both orders of every pair of distinct keys: k * (k - 1) entries.
    let every_pair = pairs.len() == keys.len() * keys.len().saturating_sub(1);
    (every_pair && keys.len() >= 2).then_some(keys)
}

/// The `google.protobuf` files a message tree uses, sorted.
fn imports(message: &Message, out: &mut Vec<&'static str>) {
    for field in &message.fields {
        if let Type::WellKnown(name) = field.ty {
            let file = match name {
                "Duration" => "google/protobuf/duration.proto",
                _ => "google/protobuf/struct.proto",
            };
            if !out.contains(&file) {
                out.push(file);
            }
        }
    }
    for nested in &message.messages {
        imports(nested, out);
    }
}

impl ProtoFile {
    /// The file's text, in buf format's layout.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for line in &self.header {
            comment_line(&mut out, "", line);
        }
        out.push_str("\nsyntax = \"proto3\";\n\n");
        out.push_str(&format!("package {};\n", self.package));
        let mut files = Vec::new();
        imports(&self.root, &mut files);
        files.sort_unstable();
        if !files.is_empty() {
            out.push('\n');
            for file in files {
                out.push_str(&format!("import \"{file}\";\n"));
            }
        }
        out.push('\n');
        render_message(&mut out, &self.root, 0);
        out
    }
}

fn comment_line(out: &mut String, indent: &str, line: &str) {
    if line.is_empty() {
        out.push_str(&format!("{indent}//\n"));
    } else {
        out.push_str(&format!("{indent}// {line}\n"));
    }
}

fn render_message(out: &mut String, message: &Message, depth: usize) {
    let indent = "  ".repeat(depth);
    let inner = "  ".repeat(depth + 1);
    for line in &message.comment {
        comment_line(out, &indent, line);
    }
    out.push_str(&format!("{indent}message {} {{\n", message.name));
    let mut rendered_oneofs = HashSet::new();
    for field in &message.fields {
        match field.oneof {
            None => render_field(out, field, &inner),
            Some(index) if rendered_oneofs.insert(index) => {
                out.push_str(&format!("{inner}oneof {} {{\n", message.oneofs[index]));
                let member_indent = "  ".repeat(depth + 2);
                for member in message.fields.iter().filter(|f| f.oneof == Some(index)) {
                    render_field(out, member, &member_indent);
                }
                out.push_str(&format!("{inner}}}\n"));
            }
            Some(_) => {}
        }
    }
    render_reserved(out, &message.reserved, &inner);
    for nested in &message.enums {
        out.push('\n');
        render_enum(out, nested, depth + 1);
    }
    for nested in &message.messages {
        out.push('\n');
        render_message(out, nested, depth + 1);
    }
    out.push_str(&format!("{indent}}}\n"));
}

fn render_field(out: &mut String, field: &Field, indent: &str) {
    for line in &field.comment {
        comment_line(out, indent, line);
    }
    let ty = match &field.ty {
        Type::Scalar(s) => (*s).to_string(),
        Type::WellKnown(w) => format!("google.protobuf.{w}"),
        Type::Nested(n) => n.clone(),
    };
    let declared = match field.cardinality {
        Cardinality::Single => ty,
        Cardinality::Repeated => format!("repeated {ty}"),
        Cardinality::Map => format!("map<string, {ty}>"),
    };
    let options = if field.explicit_json_name() {
        format!(" [json_name = \"{}\"]", field.key)
    } else {
        String::new()
    };
    out.push_str(&format!(
        "{indent}{declared} {} = {}{options};\n",
        field.name, field.number
    ));
}

fn render_reserved(out: &mut String, reserved: &Reserved, indent: &str) {
    if !reserved.ranges.is_empty() {
        let ranges: Vec<String> = reserved
            .ranges
            .iter()
            .map(|&(start, end)| {
                if start == end {
                    start.to_string()
                } else {
                    format!("{start} to {end}")
                }
            })
            .collect();
        out.push_str(&format!("{indent}reserved {};\n", ranges.join(", ")));
    }
    if !reserved.names.is_empty() {
        let names: Vec<String> = reserved.names.iter().map(|n| format!("\"{n}\"")).collect();
        out.push_str(&format!("{indent}reserved {};\n", names.join(", ")));
    }
}

fn render_enum(out: &mut String, declared: &Enum, depth: usize) {
    let indent = "  ".repeat(depth);
    let inner = "  ".repeat(depth + 1);
    for line in &declared.comment {
        comment_line(out, &indent, line);
    }
    out.push_str(&format!("{indent}enum {} {{\n", declared.name));
    for value in &declared.values {
        let trailing = value
            .crd_value
            .as_deref()
            .map(|v| format!(" // {}", escape_control(v)))
            .unwrap_or_default();
        out.push_str(&format!(
            "{inner}{} = {};{trailing}\n",
            value.name, value.number
        ));
    }
    render_reserved(out, &declared.reserved, &inner);
    out.push_str(&format!("{indent}}}\n"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn target(kind: &str) -> Target {
        Target {
            group: "fault-tolerance.opensergo.io".into(),
            version: "v1alpha1".into(),
            kind: kind.into(),
        }
    }

    #[test]
    fn package_and_path_follow_group_version_and_kind() {
        let t = target("RateLimitStrategy");
        assert_eq!(
            t.package().unwrap(),
            "io.opensergo.fault_tolerance.v1alpha1"
        );
        assert_eq!(
            t.file_path().unwrap(),
            "io/opensergo/fault_tolerance/v1alpha1/rate_limit_strategy.proto"
        );
        let bad = Target {
            version: "v1-beta".into(),
            ..t.clone()
        };
        assert!(bad.package().is_err());
        let bad = Target {
            group: "9x.example.com".into(),
            ..t
        };
        assert!(bad.package().is_err());
    }

    #[test]
    fn targets_come_from_titles_or_constants() {
        let titled = json!({"title": "RateLimit (policy.opensergo.io/v1alpha1)"});
        assert_eq!(
            Target::of_schema(&titled).unwrap().group,
            "policy.opensergo.io"
        );
        let constants = json!({"properties": {
            "apiVersion": {"const": "example.com/v1"}, "kind": {"const": "Widget"}}});
        let t = Target::of_schema(&constants).unwrap();
        assert_eq!((t.version.as_str(), t.kind.as_str()), ("v1", "Widget"));
        assert!(Target::of_schema(&json!({"title": "x"})).is_none());
    }

    #[test]
    fn enum_values_are_prefixed_upper_snake_names() {
        assert_eq!(
            enum_value_name("LimitMode", "GlobalToLocal").as_deref(),
            Some("LIMIT_MODE_GLOBAL_TO_LOCAL")
        );
        assert_eq!(
            enum_value_name("Kind", "RateLimitStrategy").as_deref(),
            Some("KIND_RATE_LIMIT_STRATEGY")
        );
        assert_eq!(enum_value_name("Kind", "并发控制策略"), None);
        assert_eq!(enum_value_name("Kind", "Unspecified"), None);
        assert_eq!(enum_value_name("Kind", "1s").as_deref(), Some("KIND_1S"));
        assert_eq!(enum_value_name("Kind", "a b").as_deref(), Some("KIND_A_B"));
        assert_eq!(enum_value_name("Kind", "*"), None);
    }

    #[test]
    fn duration_patterns_are_recognised_by_what_they_match() {
        assert!(is_duration_pattern(r"^[1-9]\d*(s|ms|m|min|minute|h|d)$"));
        assert!(is_duration_pattern(r"^\d+(s|ms|m|min|minute|h|d)$"));
        assert!(!is_duration_pattern(r"^([1-9]\d?|100|0)%$"));
        assert!(!is_duration_pattern(r"^.*$"));
        assert!(!is_duration_pattern("("));
    }

    #[test]
    fn exclusive_groups_read_both_spellings() {
        let at_most_one = json!({"oneOf": [
            {"not": {"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}},
            {"required": ["a"]}, {"required": ["b"]}]});
        assert_eq!(
            exclusive_groups(at_most_one.as_object().unwrap()),
            [vec!["a".to_string(), "b".to_string()]]
        );
        let pairs = json!({"not": {"anyOf": [
            {"type": "object", "required": ["a", "b"]},
            {"type": "object", "required": ["a", "c"]},
            {"type": "object", "required": ["b", "c"]}]}});
        assert_eq!(exclusive_groups(pairs.as_object().unwrap())[0].len(), 3);
        let missing_pair = json!({"not": {"anyOf": [
            {"required": ["a", "b"]}, {"required": ["a", "c"]}]}});
        assert!(exclusive_groups(missing_pair.as_object().unwrap()).is_empty());
        let other = json!({"oneOf": [{"properties": {"x": {}}}, {"required": ["a"]}]});
        assert!(exclusive_groups(other.as_object().unwrap()).is_empty());
    }

    /// Fuzz find (schemagen, seventh session): keys folding to one name
    /// without case and underscores made fields protox rejects.
    #[test]
    fn fields_differing_only_in_case_and_underscores_get_distinct_names() {
        let schema = json!({"properties": {"spec": {"type": "object", "properties": {
            "grpcStatus": {"type": "integer"},
            "grpcstatus": {"type": "string"},
            "GRPC_status": {"type": "boolean"},
            "grpcstatus_2": {"type": "integer"}}}}});
        let (file, _) = generate(&schema, &target("Widget"), "test").unwrap();
        let names: Vec<&str> = file.root.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "grpc_status",
                "grpcstatus_2",
                "grpc_status_3",
                "grpcstatus_2_2"
            ]
        );
        crate::schemagen::compile_alone(&file.path, &file.render(), false)
            .unwrap_or_else(|e| panic!("{e}\n{}", file.render()));
    }

    #[test]
    fn aliases_share_one_field_and_keys_keep_their_json_names() {
        let schema = json!({"properties": {"spec": {"type": "object", "properties": {
            "mirror_percent": {"type": "integer"},
            "mirrorPercent": {"type": "integer"},
            "URL": {"type": "string"},
            "x-mse-tag": {"type": "string"}}}}});
        let (file, findings) = generate(&schema, &target("Widget"), "test").unwrap();
        assert!(findings.is_empty());
        let fields: Vec<(&str, &str)> = file
            .root
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.key.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("mirror_percent", "mirrorPercent"),
                ("url", "URL"),
                ("x_mse_tag", "x-mse-tag")
            ]
        );
        let text = file.render();
        assert!(text.contains("int64 mirror_percent = 1;\n"), "{text}");
        assert!(
            text.contains("string url = 2 [json_name = \"URL\"];"),
            "{text}"
        );
    }

    #[test]
    fn bad_keys_are_errors_and_odd_shapes_warnings() {
        let schema = json!({"properties": {"spec": {"type": "object", "properties": {
            "1st": {"type": "string"}}}}});
        let errors = generate(&schema, &target("Widget"), "test").unwrap_err();
        assert_eq!(errors[0].code.id, "OS9403");
        let schema = json!({"properties": {"spec": {"type": "object", "properties": {
            "either": {"anyOf": [{"type": "string"}, {"type": "number"}]},
            "grid": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}}}}});
        let (file, findings) = generate(&schema, &target("Widget"), "test").unwrap();
        let codes: Vec<&str> = findings.iter().map(|d| d.code.id).collect();
        assert_eq!(codes, ["OS9402", "OS9402"]);
        let text = file.render();
        assert!(text.contains("google.protobuf.Value either = 1;"), "{text}");
        assert!(
            text.contains("repeated google.protobuf.ListValue grid = 2;"),
            "{text}"
        );
        assert!(text.contains("import \"google/protobuf/struct.proto\";"));
    }

    #[test]
    fn deep_schemas_stop_at_the_depth_limit() {
        let mut schema = json!({"type": "object", "properties": {"leaf": {"type": "string"}}});
        for _ in 0..(MAX_DEPTH + 5) {
            schema = json!({"type": "object", "properties": {"next": schema}});
        }
        let whole = json!({"properties": {"spec": schema}});
        let (file, findings) = generate(&whole, &target("Widget"), "test").unwrap();
        assert_eq!(findings.len(), 1);
        assert!(file.render().contains("google.protobuf.Struct next"));
    }
}
