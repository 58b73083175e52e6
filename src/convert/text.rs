//! The protobuf text format, written the way `protoc --decode` writes it
//! (field-number order, two-space indent, `name {` ... `}` for messages,
//! C escapes with octal for non-ASCII bytes, shortest round-trip doubles),
//! with map entries sorted by key so the output never changes between runs.
//! `google.protobuf.Any` is expanded (`[type.googleapis.com/...] { ... }`)
//! when its type is known, which `protoc --encode` reads back. Unknown
//! fields are written as comments (`# 4: 0x2828ffff`), since nothing
//! reads fields by number back.
//!
//! Parsing is prost-reflect's.

use std::fmt::Write as _;

use prost_reflect::{DynamicMessage, Kind, MapKey, MessageDescriptor, Value};

use super::canonical::{self, Member};
use super::protojson::unpack_any;

/// Writes a message in the text format, ending with a newline (empty for
/// an empty message).
pub fn to_text(message: &DynamicMessage) -> String {
    let mut out = String::new();
    write_fields(message, 0, &mut out);
    out
}

/// Parses one message, or several separated by lines holding only `---`.
/// As in a YAML stream, separators with nothing but blanks between them
/// (a trailing `---`, `---` twice) make no messages; [`write_messages`]
/// writes an empty message as a comment line so it is kept.
pub fn parse_messages(text: &str, desc: &MessageDescriptor) -> Result<Vec<DynamicMessage>, String> {
    let mut chunks = vec![String::new()];
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "---" {
            chunks.push(String::new());
        } else if let Some(last) = chunks.last_mut() {
            last.push_str(line);
        }
    }
    if chunks.len() > 1 {
        chunks.retain(|c| !c.trim().is_empty());
    }
    let count = chunks.len();
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| {
            DynamicMessage::parse_text_format(desc.clone(), chunk).map_err(|e| {
                let which = if count > 1 {
                    format!("message {} of {count}", i + 1)
                } else {
                    "the input".to_string()
                };
                format!(
                    "{which} is not a valid {} in the text format: {e}",
                    desc.full_name()
                )
            })
        })
        .collect()
}

/// Several messages in the text format, separated by `---` lines; an
/// empty message is written as a comment so that it reads back.
pub fn write_messages(messages: &[DynamicMessage]) -> String {
    if messages.len() == 1 {
        return to_text(&messages[0]);
    }
    messages
        .iter()
        .map(|m| {
            let text = to_text(m);
            if text.is_empty() {
                EMPTY_MESSAGE.to_string()
            } else {
                text
            }
        })
        .collect::<Vec<_>>()
        .join("---\n")
}

/// How an empty message stands in a stream of several.
const EMPTY_MESSAGE: &str = "# (empty message)\n";

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn write_fields(message: &DynamicMessage, level: usize, out: &mut String) {
    for member in canonical::members(message) {
        let name = match &member {
            Member::Field(field, _) if field.is_group() => field
                .kind()
                .as_message()
                .map_or_else(|| field.name().to_string(), |m| m.name().to_string()),
            Member::Field(field, _) => field.name().to_string(),
            Member::Extension(extension, _) => format!("[{}]", extension.full_name()),
            // Unknown fields are shown the way `protoc --decode` shows
            // them, but as comments: no text-format parser reads fields
            // by number, and what convert writes must read back (they are
            // reported as left out, as for JSON).
            Member::Unknown(unknown) => {
                for line in format!("{unknown:#}").lines() {
                    indent(out, level);
                    out.push_str("# ");
                    out.push_str(line);
                    out.push('\n');
                }
                continue;
            }
        };
        let Some((kind, is_map, value)) = member.typed() else {
            continue;
        };
        match value {
            Value::Map(map) if is_map => write_map(&name, &kind, map, level, out),
            Value::List(values) => {
                for v in values {
                    write_single(&name, &kind, v, level, out);
                }
            }
            v => write_single(&name, &kind, v, level, out),
        }
    }
}

fn write_map(
    name: &str,
    kind: &Kind,
    map: &std::collections::HashMap<MapKey, Value>,
    level: usize,
    out: &mut String,
) {
    let Some(entry) = kind.as_message() else {
        return;
    };
    let key_kind = entry.map_entry_key_field().kind();
    let value_kind = entry.map_entry_value_field().kind();
    for (key, value) in canonical::entries(map) {
        indent(out, level);
        out.push_str(name);
        out.push_str(" {\n");
        write_single("key", &key_kind, &canonical::key_value(key), level + 1, out);
        write_single("value", &value_kind, value, level + 1, out);
        indent(out, level);
        out.push_str("}\n");
    }
}

fn write_single(name: &str, kind: &Kind, value: &Value, level: usize, out: &mut String) {
    indent(out, level);
    out.push_str(name);
    if let Value::Message(message) = value {
        out.push_str(" {\n");
        if let Some((type_url, inner)) = unpack_any(message) {
            indent(out, level + 1);
            let _ = writeln!(out, "[{type_url}] {{");
            write_fields(&inner, level + 2, out);
            indent(out, level + 1);
            out.push_str("}\n");
        } else {
            write_fields(message, level + 1, out);
        }
        indent(out, level);
        out.push_str("}\n");
        return;
    }
    out.push_str(": ");
    write_scalar(kind, value, out);
    out.push('\n');
}

fn write_scalar(kind: &Kind, value: &Value, out: &mut String) {
    match value {
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::I32(v) => out.push_str(&v.to_string()),
        Value::I64(v) => out.push_str(&v.to_string()),
        Value::U32(v) => out.push_str(&v.to_string()),
        Value::U64(v) => out.push_str(&v.to_string()),
        Value::F32(v) => write_float(f64::from(*v), &v.to_string(), out),
        Value::F64(v) => write_float(*v, &v.to_string(), out),
        Value::String(s) => write_escaped(s.as_bytes(), out),
        Value::Bytes(b) => write_escaped(b, out),
        Value::EnumNumber(n) => match kind {
            Kind::Enum(e) => match e.get_value(*n) {
                Some(v) => out.push_str(v.name()),
                None => out.push_str(&n.to_string()),
            },
            _ => out.push_str(&n.to_string()),
        },
        Value::Message(_) | Value::List(_) | Value::Map(_) => {}
    }
}

/// Shortest round-trip digits (Rust's `Display`), and protoc's spellings
/// of the non-finite values.
fn write_float(v: f64, shortest: &str, out: &mut String) {
    if v.is_nan() {
        out.push_str("nan");
    } else if v.is_infinite() {
        out.push_str(if v > 0.0 { "inf" } else { "-inf" });
    } else {
        out.push_str(shortest);
    }
}

/// protoc's `CEscape`: printable ASCII as is, quotes and backslash
/// escaped, everything else (UTF-8 included) as three-digit octal.
fn write_escaped(bytes: &[u8], out: &mut String) {
    out.push('"');
    for &b in bytes {
        match b {
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b'"' => out.push_str("\\\""),
            b'\'' => out.push_str("\\'"),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(char::from(b)),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::descriptors::pool;

    #[test]
    fn writes_like_protoc_and_parses_back() {
        let desc = pool()
            .get_message_by_name("opensergo.traffic.v1alpha1.HTTPMatchRequest")
            .unwrap();
        let text = "name: \"caf\\303\\251 'x'\"\nheaders {\n  key: \"b\"\n  value {\n    exact: \"2\"\n  }\n}\nheaders {\n  key: \"a\"\n  value {\n  }\n}\nport: 8080\n";
        let message = DynamicMessage::parse_text_format(desc.clone(), text).unwrap();
        let written = to_text(&message);
        let expected = "headers {\n  key: \"a\"\n  value {\n  }\n}\nheaders {\n  key: \"b\"\n  value {\n    exact: \"2\"\n  }\n}\nport: 8080\nname: \"caf\\303\\251 \\'x\\'\"\n";
        assert_eq!(written, expected);
        let back = parse_messages(&written, &desc).unwrap();
        assert_eq!(back, vec![message]);
    }

    #[test]
    fn several_messages_are_separated_by_dashes() {
        let desc = pool()
            .get_message_by_name("io.opensergo.proto.fault_tolerance.v1.ThrottlingStrategy")
            .unwrap();
        let messages = parse_messages("name: \"a\"\n---\nname: \"b\"\n", &desc).unwrap();
        assert_eq!(messages.len(), 2);
        let err = parse_messages("name: \"a\"\n---\nname: 1\n", &desc).unwrap_err();
        assert!(err.contains("message 2 of 2"), "{err}");
        // Blank separators make no messages; an empty message written in a
        // stream reads back as one.
        assert_eq!(
            parse_messages("name: \"a\"\n---\n", &desc).unwrap().len(),
            1
        );
        assert_eq!(
            parse_messages("---\nname: \"a\"\n---\n---\n", &desc)
                .unwrap()
                .len(),
            1
        );
        let empty = DynamicMessage::new(desc.clone());
        let written = write_messages(&[messages[0].clone(), empty]);
        assert_eq!(parse_messages(&written, &desc).unwrap().len(), 2);
    }
}
