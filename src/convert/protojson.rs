//! The proto3 JSON mapping, driven by descriptors, in both directions:
//!
//! * [`Reader`] reads a YAML node into a message and reports every problem
//!   with its source position (a value of the wrong type or out of range,
//!   an unknown enum name, a field the message does not have). It accepts
//!   what proto3 JSON parsers accept (JSON names or proto field names,
//!   64-bit integers as numbers or strings, enum names or numbers,
//!   `"1.5s"` durations), plus OpenSergo duration strings (`500ms`,
//!   `5min`) where a `google.protobuf.Duration` is expected.
//! * [`message_to_json`] writes a message as JSON: [`Style::ProtoJson`] is
//!   the canonical proto3 JSON mapping (what `--to json` writes);
//!   [`Style::Yaml`] is the same with 64-bit integers as numbers and
//!   durations without padding, the way CRD YAML is written. Map entries
//!   are sorted by key.
//!
//! The rarer well-known types (Timestamp, Struct, Value, ListValue,
//! FieldMask, Empty) go through prost-reflect's serde implementation.

use prost_reflect::{
    DynamicMessage, FieldDescriptor, Kind, MapKey, MessageDescriptor, ReflectMessage,
    SerializeOptions, Value,
};
use serde::de::{DeserializeSeed, Deserializer as _, SeqAccess, Visitor};

use super::{canonical, codes};
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::path::{FieldPath, Segment};
use crate::yaml::{self, Node};

/// How [`message_to_json`] writes values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The canonical proto3 JSON mapping.
    ProtoJson,
    /// CRD-style: 64-bit integers as numbers, short durations.
    Yaml,
}

const MAX_DURATION_SECONDS: i64 = 315_576_000_000;

fn wrapper_of(full_name: &str) -> bool {
    matches!(
        full_name,
        "google.protobuf.DoubleValue"
            | "google.protobuf.FloatValue"
            | "google.protobuf.Int64Value"
            | "google.protobuf.UInt64Value"
            | "google.protobuf.Int32Value"
            | "google.protobuf.UInt32Value"
            | "google.protobuf.BoolValue"
            | "google.protobuf.StringValue"
            | "google.protobuf.BytesValue"
    )
}

/// Well-known types whose JSON form prost-reflect's serde code handles.
fn serde_handled(full_name: &str) -> bool {
    matches!(
        full_name,
        "google.protobuf.Timestamp"
            | "google.protobuf.Struct"
            | "google.protobuf.Value"
            | "google.protobuf.ListValue"
            | "google.protobuf.FieldMask"
            | "google.protobuf.Empty"
            | "google.protobuf.Any"
    )
}

/// The fields of a message in the order the `.proto` declares them (the
/// order people write them in YAML).
pub fn fields_in_declaration_order(desc: &MessageDescriptor) -> Vec<FieldDescriptor> {
    desc.descriptor_proto()
        .field
        .iter()
        .filter_map(|f| desc.get_field(u32::try_from(f.number()).ok()?))
        .collect()
}

/// An integer into the value of an integer kind, range-checked.
pub fn int_value(kind: &Kind, n: i128) -> Result<Value, String> {
    fn fit<T: TryFrom<i128>>(n: i128, ty: &str) -> Result<T, String> {
        T::try_from(n).map_err(|_| format!("{n} is out of range for {ty}"))
    }
    Ok(match kind {
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => Value::I32(fit(n, "int32")?),
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => Value::I64(fit(n, "int64")?),
        Kind::Uint32 | Kind::Fixed32 => Value::U32(fit(n, "uint32")?),
        Kind::Uint64 | Kind::Fixed64 => Value::U64(fit(n, "uint64")?),
        Kind::Double => Value::F64(n as f64),
        Kind::Float => Value::F32(n as f32),
        other => return Err(format!("a number cannot go into a {other:?} field")),
    })
}

/// A `google.protobuf.Duration` string: the proto3 JSON form (`1.5s`,
/// `-0.000001s`) or an OpenSergo duration (`500ms`, `5min`, `1h`, `1d`).
pub fn parse_duration(text: &str) -> Result<(i64, i32), String> {
    if let Some(body) = text.strip_suffix('s')
        && let Some(parsed) = parse_seconds(body)
    {
        return parsed;
    }
    let d = crate::duration::parse(text).map_err(|e| {
        format!("{e}; a protobuf Duration is written like `1.5s` (or `500ms`, `5min`, `1h`)")
    })?;
    let seconds = d.millis / 1000;
    if seconds > MAX_DURATION_SECONDS {
        return Err(format!(
            "`{text}` is longer than a protobuf Duration can hold"
        ));
    }
    // Below one second the remainder fits an i32 of nanoseconds.
    Ok((seconds, (d.millis % 1000) as i32 * 1_000_000))
}

/// `-?digits(.digits{1,9})?` seconds; `None` when the text has another shape.
fn parse_seconds(body: &str) -> Option<Result<(i64, i32), String>> {
    let (negative, unsigned) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (whole, frac) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || frac.is_some_and(|f| !digits(f) || f.len() > 9) {
        return None;
    }
    let seconds: i64 = match whole.parse() {
        Ok(s) if s <= MAX_DURATION_SECONDS => s,
        _ => {
            return Some(Err(format!(
                "`{body}s` is longer than a protobuf Duration can hold"
            )));
        }
    };
    let nanos = frac.map_or(0, |f| {
        let padded = format!("{f:0<9}");
        padded.parse::<i32>().unwrap_or(0)
    });
    Some(Ok(if negative {
        (-seconds, -nanos)
    } else {
        (seconds, nanos)
    }))
}

/// Writes a duration: `Style::ProtoJson` with 0, 3, 6 or 9 fraction
/// digits as the JSON mapping prescribes, `Style::Yaml` as short as exact.
pub fn format_duration(seconds: i64, nanos: i32, style: Style) -> String {
    let negative = seconds < 0 || nanos < 0;
    let (s, n) = (seconds.unsigned_abs(), nanos.unsigned_abs());
    let sign = if negative { "-" } else { "" };
    if n == 0 {
        return format!("{sign}{s}s");
    }
    let frac = format!("{n:09}");
    let frac = match style {
        Style::ProtoJson if n % 1_000_000 == 0 => &frac[..3],
        Style::ProtoJson if n % 1_000 == 0 => &frac[..6],
        Style::ProtoJson => &frac[..],
        Style::Yaml => frac.trim_end_matches('0'),
    };
    format!("{sign}{s}.{frac}s")
}

/// The message inside a `google.protobuf.Any`, when its type is in the
/// Any's descriptor pool and its bytes decode.
pub fn unpack_any(message: &DynamicMessage) -> Option<(String, DynamicMessage)> {
    let desc = message.descriptor();
    if desc.full_name() != "google.protobuf.Any" {
        return None;
    }
    let type_url = message.get_field_by_name("type_url")?.as_str()?.to_string();
    let name = type_url.rsplit('/').next()?;
    let inner_desc = desc.parent_pool().get_message_by_name(name)?;
    let value = message.get_field_by_name("value")?;
    let inner = DynamicMessage::decode(inner_desc, value.as_bytes()?.as_ref()).ok()?;
    Some((type_url, inner))
}

/// Reads YAML nodes into messages, collecting diagnostics with positions.
pub struct Reader<'a> {
    doc: &'a Document,
    pub diagnostics: Vec<Diagnostic>,
    path: Vec<Segment>,
    /// Paths (keys below `base`, joined by dots) that are left out, with why.
    dropped: &'a [(&'static str, &'static str)],
    base: usize,
    /// Accept the JSON mapping's string forms of numbers (`"100"`,
    /// `"NaN"`). Off for CRDs, whose schemas type numbers strictly.
    pub number_strings: bool,
}

impl<'a> Reader<'a> {
    /// A reader positioned at `base` (e.g. `spec`) inside `doc`.
    pub fn new(
        doc: &'a Document,
        base: &[&str],
        dropped: &'a [(&'static str, &'static str)],
    ) -> Self {
        Reader {
            doc,
            diagnostics: Vec::new(),
            path: base
                .iter()
                .map(|k| Segment::Key((*k).to_string()))
                .collect(),
            dropped,
            base: base.len(),
            number_strings: false,
        }
    }

    /// The current field's name, for messages: `maxConcurrency`, or
    /// `an item of route` inside a list.
    fn here(&self) -> String {
        match self.path.last() {
            Some(Segment::Key(k)) => k.clone(),
            Some(Segment::Index(_)) => match self.path.iter().rev().nth(1) {
                Some(Segment::Key(k)) => format!("an item of {k}"),
                _ => "a list item".to_string(),
            },
            None => "the document".to_string(),
        }
    }

    pub fn push_key(&mut self, key: &str) {
        self.path.push(Segment::Key(key.to_string()));
    }

    pub fn push_index(&mut self, index: usize) {
        self.path.push(Segment::Index(index));
    }

    pub fn pop(&mut self) {
        self.path.pop();
    }

    /// The current position, e.g. `spec.http[0].match`.
    pub fn path(&self) -> FieldPath {
        FieldPath::from(self.path.clone())
    }

    /// The current path below the base, keys only: `config.errorRequest.conditions`.
    fn relative_keys(&self) -> String {
        self.path[self.base..]
            .iter()
            .filter_map(|s| match s {
                Segment::Key(k) => Some(k.as_str()),
                Segment::Index(_) => None,
            })
            .collect::<Vec<_>>()
            .join(".")
    }

    pub fn report(&mut self, code: Code, span: crate::source::Span, message: impl Into<String>) {
        let d = self
            .doc
            .diagnostic(code, message, span)
            .with_path(self.path());
        self.diagnostics.push(d);
    }

    pub fn report_with_help(
        &mut self,
        code: Code,
        span: crate::source::Span,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.report(code, span, message);
        if let Some(last) = self.diagnostics.last_mut() {
            last.help = Some(help.into());
        }
    }

    /// An error at a node: the value cannot be represented.
    pub fn error(&mut self, node: &Node, message: impl Into<String>) {
        self.report(codes::UNREPRESENTABLE, node.span(), message);
    }

    /// A string value, or an error.
    pub fn string(&mut self, node: &Node, what: &str) -> Option<String> {
        if let Some(s) = node.as_str() {
            return Some(s.to_string());
        }
        let shown = scalar_text(node);
        let message = format!("{what} must be a string, not {shown}");
        if matches!(node.value, yaml::Value::Seq(_) | yaml::Value::Map(_)) {
            self.error(node, message);
        } else {
            self.report_with_help(
                codes::UNREPRESENTABLE,
                node.span(),
                message,
                "quote it to make it a string, e.g. '1'",
            );
        }
        None
    }

    /// A whole number (a YAML integer, an integral float, and with
    /// `from_string` a decimal string), or an error.
    pub fn whole_number(&mut self, node: &Node, what: &str, from_string: bool) -> Option<i128> {
        match &node.value {
            yaml::Value::Int(i) => return Some(i128::from(*i)),
            yaml::Value::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1.9e19 => {
                return Some(*f as i128);
            }
            yaml::Value::Float(f) if f.is_finite() && f.fract() == 0.0 => {
                let written = self
                    .doc
                    .source
                    .text
                    .get(node.span().start..node.span().end)
                    .map_or_else(|| f.to_string(), str::to_string);
                self.error(
                    node,
                    format!("{what} is out of range: `{written}` is beyond 64-bit integers"),
                );
                return None;
            }
            yaml::Value::Float(f) if f.is_finite() => {
                self.error(
                    node,
                    format!("{what} must be a whole number; `{f}` has a fraction"),
                );
                return None;
            }
            yaml::Value::String(s) if from_string => {
                if let Ok(n) = s.trim().parse::<i128>() {
                    return Some(n);
                }
            }
            _ => {}
        }
        let shown = scalar_text(node);
        self.error(node, format!("{what} must be a whole number, not {shown}"));
        None
    }

    /// Reads a mapping into a message of type `desc` (proto3 JSON mapping).
    pub fn read_message(&mut self, node: &Node, desc: &MessageDescriptor) -> DynamicMessage {
        let mut message = DynamicMessage::new(desc.clone());
        match &node.value {
            yaml::Value::Map(entries) => {
                for (key, value) in entries {
                    let Some(name) = key.key_text() else {
                        self.error(key, "a mapping key must be a scalar");
                        continue;
                    };
                    self.push_key(&name);
                    self.read_entry(&mut message, key, &name, value);
                    self.pop();
                }
            }
            yaml::Value::Null => {}
            _ => {
                let shown = scalar_text(node);
                self.error(
                    node,
                    format!("expected a mapping ({}), not {shown}", desc.full_name()),
                );
            }
        }
        message
    }

    fn read_entry(&mut self, message: &mut DynamicMessage, key: &Node, name: &str, value: &Node) {
        let desc = message.descriptor();
        let relative = self.relative_keys();
        if let Some((_, why)) = self.dropped.iter().find(|(p, _)| *p == relative) {
            let path = self.path();
            self.report(
                codes::DROPPED_FIELD,
                key.span(),
                format!("{path} is left out: {why}"),
            );
            return;
        }
        let Some(field) = desc
            .get_field_by_json_name(name)
            .or_else(|| desc.get_field_by_name(name))
        else {
            let known: Vec<String> = fields_in_declaration_order(&desc)
                .iter()
                .map(|f| f.json_name().to_string())
                .collect();
            let path = self.path();
            self.report_with_help(
                codes::DROPPED_FIELD,
                key.span(),
                format!(
                    "{path} is left out: {} has no field `{name}`",
                    desc.full_name()
                ),
                format!("the fields are: {}", known.join(", ")),
            );
            return;
        };
        if value.is_null() {
            return;
        }
        if message.has_field(&field) {
            self.error(
                key,
                format!(
                    "`{}` is given twice (as `{}` and `{}`)",
                    field.name(),
                    field.name(),
                    field.json_name()
                ),
            );
            return;
        }
        if let Some(oneof) = field.containing_oneof()
            && let Some(other) = oneof.fields().find(|f| message.has_field(f))
        {
            self.error(
                key,
                format!(
                    "`{}` and `{}` are alternatives (oneof `{}`): set only one",
                    other.json_name(),
                    field.json_name(),
                    oneof.name()
                ),
            );
            return;
        }
        if let Some(v) = self.read_field(value, &field)
            && let Err(e) = message.try_set_field(&field, v)
        {
            self.error(value, format!("internal: {e}"));
        }
    }

    /// A field's value: a list, a map or a single value.
    pub fn read_field(&mut self, node: &Node, field: &FieldDescriptor) -> Option<Value> {
        let kind = field.kind();
        if field.is_map() {
            let entry = kind.as_message()?;
            let key_kind = entry.map_entry_key_field().kind();
            let value_kind = entry.map_entry_value_field().kind();
            let yaml::Value::Map(entries) = &node.value else {
                let shown = scalar_text(node);
                self.error(
                    node,
                    format!("`{}` must be a mapping, not {shown}", field.json_name()),
                );
                return None;
            };
            let mut map = std::collections::HashMap::new();
            for (k, v) in entries {
                let text = k.key_text().unwrap_or_default().into_owned();
                self.push_key(&text);
                let key = self.map_key(k, &text, &key_kind);
                let value = if v.is_null() && !matches!(value_kind, Kind::Message(_)) {
                    self.error(v, "a map value must not be empty");
                    None
                } else {
                    self.read_single(v, &value_kind)
                };
                if let (Some(key), Some(value)) = (key, value) {
                    map.insert(key, value);
                }
                self.pop();
            }
            return Some(Value::Map(map));
        }
        if field.is_list() {
            let yaml::Value::Seq(items) = &node.value else {
                let shown = scalar_text(node);
                self.error(
                    node,
                    format!("`{}` must be a list, not {shown}", field.json_name()),
                );
                return None;
            };
            let mut values = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                self.push_index(i);
                if item.is_null() {
                    self.error(item, "a list item must not be empty");
                } else if let Some(v) = self.read_single(item, &kind) {
                    values.push(v);
                }
                self.pop();
            }
            return Some(Value::List(values));
        }
        self.read_single(node, &kind)
    }

    fn map_key(&mut self, node: &Node, text: &str, kind: &Kind) -> Option<MapKey> {
        let key = match kind {
            Kind::String => Some(MapKey::String(text.to_string())),
            Kind::Bool => match text {
                "true" => Some(MapKey::Bool(true)),
                "false" => Some(MapKey::Bool(false)),
                _ => None,
            },
            _ => text
                .parse::<i128>()
                .ok()
                .and_then(|n| int_value(kind, n).ok())
                .and_then(Value::into_map_key),
        };
        if key.is_none() {
            self.error(
                node,
                format!("`{text}` is not a valid map key of type {kind:?}"),
            );
        }
        key
    }

    /// One value of a kind (not a list or map).
    pub fn read_single(&mut self, node: &Node, kind: &Kind) -> Option<Value> {
        match kind {
            Kind::Message(desc) => self.read_message_value(node, desc),
            Kind::Enum(e) => {
                let found = match &node.value {
                    yaml::Value::String(name) => e.get_value_by_name(name),
                    yaml::Value::Int(n) => i32::try_from(*n).ok().and_then(|n| e.get_value(n)),
                    _ => None,
                };
                if found.is_none() {
                    let names: Vec<String> = e.values().map(|v| v.name().to_string()).collect();
                    let shown = scalar_text(node);
                    self.error(
                        node,
                        format!(
                            "{shown} is not a value of {} (values: {})",
                            e.full_name(),
                            names.join(", ")
                        ),
                    );
                }
                found.map(|v| Value::EnumNumber(v.number()))
            }
            Kind::String => {
                let here = self.here();
                self.string(node, &here).map(Value::String)
            }
            Kind::Bool => match node.value {
                yaml::Value::Bool(b) => Some(Value::Bool(b)),
                _ => {
                    let shown = scalar_text(node);
                    let here = self.here();
                    self.error(node, format!("{here} must be true or false, not {shown}"));
                    None
                }
            },
            Kind::Bytes => {
                let text = self.string(node, "a bytes value (base64)")?;
                // The JSON form of bytes is BytesValue's: let prost-reflect
                // decode the base64 (standard or URL-safe, padded or not).
                let desc =
                    super::descriptors::pool().get_message_by_name("google.protobuf.BytesValue")?;
                let wrapper = self.read_wkt_json(&desc, node, text.into());
                wrapper.and_then(|m| m.get_field_by_number(1).map(|v| v.into_owned()))
            }
            Kind::Double | Kind::Float => {
                let v = match &node.value {
                    yaml::Value::Int(i) => Some(*i as f64),
                    yaml::Value::Float(f) => Some(*f),
                    yaml::Value::String(s) if self.number_strings => match s.as_str() {
                        "NaN" => Some(f64::NAN),
                        "Infinity" => Some(f64::INFINITY),
                        "-Infinity" => Some(f64::NEG_INFINITY),
                        other => other.parse::<f64>().ok().filter(|f| f.is_finite()),
                    },
                    _ => None,
                };
                let Some(v) = v else {
                    let shown = scalar_text(node);
                    let here = self.here();
                    self.error(node, format!("{here} must be a number, not {shown}"));
                    return None;
                };
                if matches!(kind, Kind::Float) {
                    if v.is_finite() && v.abs() > f64::from(f32::MAX) {
                        self.error(node, format!("{v} is out of range for float"));
                        return None;
                    }
                    return Some(Value::F32(v as f32));
                }
                Some(Value::F64(v))
            }
            _ => {
                let here = self.here();
                let n = self.whole_number(node, &here, self.number_strings)?;
                match int_value(kind, n) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        self.error(node, e);
                        None
                    }
                }
            }
        }
    }

    fn read_message_value(&mut self, node: &Node, desc: &MessageDescriptor) -> Option<Value> {
        let name = desc.full_name();
        if name == "google.protobuf.Duration" {
            // A bare number is not a duration whether quoted or not: the
            // help must not suggest quoting it (validate rejects `'1'` too).
            if let yaml::Value::Int(n) = node.value {
                self.report_with_help(
                    codes::UNREPRESENTABLE,
                    node.span(),
                    format!("a duration needs a unit, not the bare number {n}"),
                    format!("write it with its unit, e.g. `{n}s` or `{n}ms`"),
                );
                return None;
            }
            let text = self.string(node, "a duration")?;
            return match parse_duration(&text) {
                Ok((seconds, nanos)) => {
                    let mut m = DynamicMessage::new(desc.clone());
                    if seconds != 0 {
                        m.set_field_by_name("seconds", Value::I64(seconds));
                    }
                    if nanos != 0 {
                        m.set_field_by_name("nanos", Value::I32(nanos));
                    }
                    Some(Value::Message(m))
                }
                Err(e) => {
                    self.error(node, e);
                    None
                }
            };
        }
        if wrapper_of(name) {
            let field = desc.get_field(1)?;
            let inner = self.read_single(node, &field.kind())?;
            let mut m = DynamicMessage::new(desc.clone());
            if let Err(e) = m.try_set_field(&field, inner) {
                self.error(node, format!("not a valid {name}: {e}"));
                return None;
            }
            return Some(Value::Message(m));
        }
        if serde_handled(name) {
            return self
                .read_wkt_json(desc, node, node.to_json())
                .map(Value::Message);
        }
        Some(Value::Message(self.read_message(node, desc)))
    }

    /// Reads a well-known type from its JSON form through prost-reflect,
    /// with the field's own descriptor (so it belongs to the field's pool).
    fn read_wkt_json(
        &mut self,
        desc: &MessageDescriptor,
        node: &Node,
        json: serde_json::Value,
    ) -> Option<DynamicMessage> {
        match DynamicMessage::deserialize(desc.clone(), json) {
            Ok(m) => Some(m),
            Err(e) => {
                self.error(node, format!("not a valid {}: {e}", desc.full_name()));
                None
            }
        }
    }

    /// Where the current path points; a missing field points at its
    /// parent's key.
    pub fn span_here(&self) -> crate::source::Span {
        self.doc.span_of(&self.path, true)
    }
}

/// How a node is shown in messages: its scalar text, or its type.
pub fn scalar_text(node: &Node) -> String {
    match &node.value {
        yaml::Value::Null => "an empty value".to_string(),
        yaml::Value::Bool(b) => format!("`{b}`"),
        yaml::Value::Int(i) => format!("`{i}`"),
        yaml::Value::Float(f) => format!("`{f}`"),
        yaml::Value::String(s) => format!("the string {s:?}"),
        yaml::Value::Seq(_) => "a list".to_string(),
        yaml::Value::Map(_) => "a mapping".to_string(),
    }
}

/// Writes a message as JSON. Returns the value and the paths of unknown
/// fields, which JSON cannot hold.
pub fn message_to_json(message: &DynamicMessage, style: Style) -> (serde_json::Value, Vec<String>) {
    let mut lost = Vec::new();
    let value = write_message(message, style, "", &mut lost);
    (value, lost)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn write_message(
    message: &DynamicMessage,
    style: Style,
    path: &str,
    lost: &mut Vec<String>,
) -> serde_json::Value {
    use serde_json::Value as J;
    let desc = message.descriptor();
    let name = desc.full_name();
    if name == "google.protobuf.Duration" {
        let seconds = message
            .get_field_by_name("seconds")
            .and_then(|v| v.as_i64())
            .unwrap_or(0);
        let nanos = message
            .get_field_by_name("nanos")
            .and_then(|v| v.as_i32())
            .unwrap_or(0);
        return J::String(format_duration(seconds, nanos, style));
    }
    if wrapper_of(name) {
        return match (desc.get_field(1), message.get_field_by_number(1)) {
            (Some(field), Some(v)) => write_value(&v, &field.kind(), style, path, lost),
            _ => J::Null,
        };
    }
    if name == "google.protobuf.Any" {
        if let Some((type_url, inner)) = unpack_any(message) {
            let mut object = serde_json::Map::new();
            object.insert("@type".to_string(), J::String(type_url));
            let inner_name = inner.descriptor().full_name().to_string();
            let body = write_message(&inner, style, path, lost);
            match body {
                J::Object(fields)
                    if !wrapper_of(&inner_name)
                        && !serde_handled(&inner_name)
                        && inner_name != "google.protobuf.Duration" =>
                {
                    object.extend(fields);
                }
                other => {
                    object.insert("value".to_string(), other);
                }
            }
            return J::Object(object);
        }
        lost.push(join(path, "(Any of an unknown type)"));
    }
    if serde_handled(name) {
        let options = SerializeOptions::new().stringify_64_bit_integers(style == Style::ProtoJson);
        return match message.serialize_with_options(serde_json::value::Serializer, &options) {
            Ok(v) => sort_object_keys(v),
            Err(_) => {
                lost.push(path.to_string());
                J::Null
            }
        };
    }
    let mut object = serde_json::Map::new();
    for field in fields_in_declaration_order(&desc) {
        if !message.has_field(&field) {
            continue;
        }
        let value = message.get_field(&field);
        let key = field.json_name().to_string();
        let field_path = join(path, &key);
        let kind = field.kind();
        let json = match value.as_ref() {
            Value::List(items) => J::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| write_value(v, &kind, style, &format!("{field_path}[{i}]"), lost))
                    .collect(),
            ),
            Value::Map(map) => {
                let value_kind = kind
                    .as_message()
                    .map(|e| e.map_entry_value_field().kind())
                    .unwrap_or(Kind::String);
                J::Object(
                    canonical::entries(map)
                        .into_iter()
                        .map(|(k, v)| {
                            let k = canonical::key_text(k);
                            let v =
                                write_value(v, &value_kind, style, &join(&field_path, &k), lost);
                            (k, v)
                        })
                        .collect(),
                )
            }
            single => write_value(single, &kind, style, &field_path, lost),
        };
        object.insert(key, json);
    }
    for unknown in message.unknown_fields() {
        lost.push(join(path, &format!("#{}", unknown.number())));
    }
    J::Object(object)
}

fn float_json(v: f64, shortest: &str) -> serde_json::Value {
    if v.is_nan() {
        serde_json::Value::String("NaN".into())
    } else if v.is_infinite() {
        serde_json::Value::String(if v > 0.0 { "Infinity" } else { "-Infinity" }.into())
    } else {
        // An f32 widened to f64 would print as 0.10000000149011612.
        let v = shortest.parse::<f64>().unwrap_or(v);
        serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

fn write_value(
    value: &Value,
    kind: &Kind,
    style: Style,
    path: &str,
    lost: &mut Vec<String>,
) -> serde_json::Value {
    use serde_json::Value as J;
    let long = |text: String, n: serde_json::Value| match style {
        Style::ProtoJson => J::String(text),
        Style::Yaml => n,
    };
    match value {
        Value::Bool(b) => J::Bool(*b),
        Value::I32(v) => J::from(*v),
        Value::U32(v) => J::from(*v),
        Value::I64(v) => long(v.to_string(), J::from(*v)),
        Value::U64(v) => long(v.to_string(), J::from(*v)),
        Value::F32(v) => float_json(f64::from(*v), &v.to_string()),
        Value::F64(v) => float_json(*v, &v.to_string()),
        Value::String(s) => J::String(s.clone()),
        Value::Bytes(b) => {
            let mut wrapper = super::descriptors::pool()
                .get_message_by_name("google.protobuf.BytesValue")
                .map(DynamicMessage::new);
            if let Some(w) = wrapper.as_mut() {
                w.set_field_by_number(1, Value::Bytes(b.clone()));
            }
            wrapper
                .and_then(|w| serde_json::to_value(&w).ok())
                .unwrap_or(J::Null)
        }
        Value::EnumNumber(n) => match kind {
            Kind::Enum(e) => match e.get_value(*n) {
                Some(v) => J::String(v.name().to_string()),
                None => J::from(*n),
            },
            _ => J::from(*n),
        },
        Value::Message(m) => write_message(m, style, path, lost),
        Value::List(_) | Value::Map(_) => J::Null,
    }
}

/// Struct-like JSON (prost-reflect keeps Struct fields in a HashMap):
/// sort object keys so the output is stable.
fn sort_object_keys(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<(String, serde_json::Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            serde_json::Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sort_object_keys(v)))
                    .collect(),
            )
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(sort_object_keys).collect())
        }
        other => other,
    }
}

/// Parses proto3 JSON: one message (an object) or several (an array of
/// objects). Errors carry serde_json's line and column.
pub fn parse_json_messages(
    text: &str,
    desc: &MessageDescriptor,
) -> Result<Vec<DynamicMessage>, String> {
    // Duplicate keys are refused, as in YAML input: JSON decoders
    // disagree on which value wins.
    let mut check = serde_json::Deserializer::from_str(text);
    if let Err(e) = NoDuplicates.deserialize(&mut check) {
        return Err(format!(
            "not a valid {} in the JSON mapping: {e}",
            desc.full_name()
        ));
    }
    let several = text.trim_start().starts_with('[');
    let mut de = serde_json::Deserializer::from_str(text);
    let messages = if several {
        de.deserialize_seq(Messages(desc.clone()))
    } else {
        desc.clone().deserialize(&mut de).map(|m| vec![m])
    };
    let messages = messages
        .and_then(|m| de.end().map(|()| m))
        .map_err(|e| format!("not a valid {} in the JSON mapping: {e}", desc.full_name()))?;
    Ok(messages)
}

/// Walks a JSON value, failing on the first object with a key twice.
#[derive(Clone, Copy)]
struct NoDuplicates;

impl<'de> DeserializeSeed<'de> for NoDuplicates {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NoDuplicates {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_i128<E>(self, _: i128) -> Result<(), E> {
        Ok(())
    }
    fn visit_u128<E>(self, _: u128) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if !seen.insert(key.clone().into_owned()) {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate key `{}`",
                    crate::escape::escape_control(&key)
                )));
            }
            map.next_value_seed(self)?;
        }
        Ok(())
    }
}

struct Messages(MessageDescriptor);

impl<'de> Visitor<'de> for Messages {
    type Value = Vec<DynamicMessage>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "an array of {} objects", self.0.full_name())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(m) = seq.next_element_seed(self.0.clone())? {
            out.push(m);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::descriptors::pool;
    use crate::convert::wire;
    use crate::source::SourceFile;
    use std::sync::Arc;

    fn doc(text: &str) -> Document {
        let source = Arc::new(SourceFile::new("t.yaml", text.to_string()));
        crate::document::parse_source(&source).documents.remove(0)
    }

    fn read(text: &str, message: &str) -> (DynamicMessage, Vec<Diagnostic>) {
        let d = doc(text);
        let desc = pool().get_message_by_name(message).unwrap();
        let mut reader = Reader::new(&d, &[], &[]);
        let m = reader.read_message(&d.root, &desc);
        (m, reader.diagnostics)
    }

    #[test]
    fn durations_in_both_forms() {
        assert_eq!(parse_duration("1.5s").unwrap(), (1, 500_000_000));
        assert_eq!(parse_duration("-0.000001s").unwrap(), (0, -1000));
        assert_eq!(parse_duration("500ms").unwrap(), (0, 500_000_000));
        assert_eq!(parse_duration("5min").unwrap(), (300, 0));
        assert!(parse_duration("1.5").is_err());
        assert!(parse_duration("1.0000000001s").is_err());
        assert!(parse_duration("999999999999s").is_err());
        assert_eq!(format_duration(1, 500_000_000, Style::ProtoJson), "1.500s");
        assert_eq!(format_duration(1, 500_000_000, Style::Yaml), "1.5s");
        assert_eq!(format_duration(0, -1000, Style::ProtoJson), "-0.000001s");
        assert_eq!(format_duration(30, 0, Style::Yaml), "30s");
    }

    #[test]
    fn reads_the_json_mapping_with_positions() {
        let (m, diags) = read(
            "config:\n  scope: GLOBAL\n  limit: 100\n  interval: 0.5s\nfoo: 1\n",
            "io.opensergo.policy.v1alpha1.RateLimit",
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, codes::DROPPED_FIELD);
        assert_eq!(diags[0].path.as_ref().unwrap(), &"foo");
        let (json, lost) = message_to_json(&m, Style::Yaml);
        assert!(lost.is_empty());
        assert_eq!(
            json,
            serde_json::json!({"config": {"scope": "GLOBAL", "limit": 100, "interval": "0.5s"}})
        );
        let (json, _) = message_to_json(&m, Style::ProtoJson);
        assert_eq!(
            json,
            serde_json::json!({"config": {"scope": "GLOBAL", "limit": "100", "interval": "0.500s"}})
        );
        let back = parse_json_messages(&json.to_string(), &m.descriptor()).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(wire::encode(&back[0]), wire::encode(&m));
    }

    #[test]
    fn bad_values_are_errors_at_their_node() {
        let text = "config:\n  scope: EVERYWHERE\n  limit: -1\n  burst: ten\n  interval: 1m30s\n";
        let (_, diags) = read(text, "io.opensergo.policy.v1alpha1.RateLimit");
        let paths: Vec<_> = diags
            .iter()
            .map(|d| d.path.clone().unwrap().to_string())
            .collect();
        assert_eq!(
            paths,
            [
                "config.scope",
                "config.limit",
                "config.burst",
                "config.interval"
            ]
        );
        assert!(diags.iter().all(|d| d.code == codes::UNREPRESENTABLE));
        let span = diags[0].location.as_ref().unwrap().span;
        assert_eq!(&text[span.start..span.end], "EVERYWHERE");
    }

    #[test]
    fn oneof_members_and_duplicates_conflict() {
        let (_, diags) = read(
            "slowRequest: {latency: 1s}\nerrorRequest: {}\n",
            "io.opensergo.policy.v1alpha1.CircuitBreakerConfig",
        );
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].message.contains("alternatives"),
            "{}",
            diags[0].message
        );
        let (_, diags) = read(
            "mirror_percent: 1\nmirrorPercent: 2\n",
            "opensergo.traffic.v1alpha1.HTTPRoute",
        );
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("twice"), "{}", diags[0].message);
    }

    #[test]
    fn maps_are_written_sorted() {
        let (m, diags) = read(
            "sourceLabels: {b: '2', a: '1', c: '3'}\n",
            "opensergo.traffic.v1alpha1.HTTPMatchRequest",
        );
        assert!(diags.is_empty());
        let (json, _) = message_to_json(&m, Style::Yaml);
        let keys: Vec<_> = json["sourceLabels"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys, ["a", "b", "c"]);
    }

    #[test]
    fn json_arrays_hold_several_messages_and_errors_have_positions() {
        let desc = pool()
            .get_message_by_name("io.opensergo.proto.fault_tolerance.v1.ThrottlingStrategy")
            .unwrap();
        let ms =
            parse_json_messages(r#"[{"name": "a"}, {"queueTimeoutMillis": "5"}]"#, &desc).unwrap();
        assert_eq!(ms.len(), 2);
        let err = parse_json_messages("{\n  \"nope\": 1\n}", &desc).unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }
}
