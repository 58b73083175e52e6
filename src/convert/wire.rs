//! Deterministic protobuf binary encoding, and length-delimited streams.
//!
//! prost-reflect keeps map fields in a `HashMap`, so its own encoder writes
//! map entries in an order that changes from run to run. This encoder
//! writes the same bytes every time, the way protoc and Go's deterministic
//! marshalling do: fields in field-number order (unknown fields in their
//! place), packed repeated scalars where the field is packed, map entries
//! sorted by key with both key and value always written.

use prost::bytes::BufMut;
use prost::encoding::{WireType, encode_key, encode_varint};
use prost_reflect::{DynamicMessage, Kind, Value};

use super::canonical::{self, Member};

/// The shape of a field or extension, as the encoder needs it.
struct Shape {
    number: u32,
    kind: Kind,
    packed: bool,
    group: bool,
}

/// Encodes a message deterministically.
pub fn encode(message: &DynamicMessage) -> Vec<u8> {
    let mut buf = Vec::new();
    encode_into(message, &mut buf);
    buf
}

/// Encodes messages as a length-delimited stream: each message preceded
/// by its length as a varint (Java's `writeDelimitedTo`, Go's
/// `protodelim`).
pub fn encode_delimited(messages: &[DynamicMessage]) -> Vec<u8> {
    let mut buf = Vec::new();
    for message in messages {
        let body = encode(message);
        encode_varint(body.len() as u64, &mut buf);
        buf.extend_from_slice(&body);
    }
    buf
}

/// Splits a length-delimited stream into its messages' bytes.
pub fn split_delimited(mut bytes: &[u8]) -> Result<Vec<&[u8]>, String> {
    let total = bytes.len();
    let mut frames = Vec::new();
    while !bytes.is_empty() {
        let offset = total - bytes.len();
        let len = prost::encoding::decode_varint(&mut bytes).map_err(|_| {
            format!(
                "length-delimited stream: bad length prefix of message {} at byte {offset}",
                frames.len() + 1
            )
        })?;
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        if len > bytes.len() {
            return Err(format!(
                "length-delimited stream: message {} at byte {offset} claims {len} bytes but only {} remain (truncated?)",
                frames.len() + 1,
                bytes.len()
            ));
        }
        let (frame, rest) = bytes.split_at(len);
        frames.push(frame);
        bytes = rest;
    }
    Ok(frames)
}

fn encode_into(message: &DynamicMessage, buf: &mut Vec<u8>) {
    for member in canonical::members(message) {
        let (shape, value) = match member {
            Member::Field(field, value) => (
                Shape {
                    number: field.number(),
                    kind: field.kind(),
                    packed: field.is_packed(),
                    group: field.is_group(),
                },
                value,
            ),
            Member::Extension(extension, value) => (
                Shape {
                    number: extension.number(),
                    kind: extension.kind(),
                    packed: extension.is_packed(),
                    group: extension.is_group(),
                },
                value,
            ),
            Member::Unknown(unknown) => {
                unknown.encode(buf);
                continue;
            }
        };
        encode_field(&shape, value, buf);
    }
}

fn encode_field(shape: &Shape, value: &Value, buf: &mut Vec<u8>) {
    match value {
        Value::List(items) if shape.packed => {
            let mut body = Vec::new();
            for item in items {
                encode_scalar(&shape.kind, item, &mut body);
            }
            encode_key(shape.number, WireType::LengthDelimited, buf);
            encode_varint(body.len() as u64, buf);
            buf.extend_from_slice(&body);
        }
        Value::List(items) => {
            for item in items {
                encode_single(shape, item, buf);
            }
        }
        Value::Map(map) => {
            let Some(entry) = shape.kind.as_message() else {
                return;
            };
            let key_kind = entry.map_entry_key_field().kind();
            let value_kind = entry.map_entry_value_field().kind();
            for (key, value) in canonical::entries(map) {
                let mut body = Vec::new();
                let key_shape = Shape {
                    number: 1,
                    kind: key_kind.clone(),
                    packed: false,
                    group: false,
                };
                encode_single(&key_shape, &canonical::key_value(key), &mut body);
                let value_shape = Shape {
                    number: 2,
                    kind: value_kind.clone(),
                    packed: false,
                    group: false,
                };
                encode_single(&value_shape, value, &mut body);
                encode_key(shape.number, WireType::LengthDelimited, buf);
                encode_varint(body.len() as u64, buf);
                buf.extend_from_slice(&body);
            }
        }
        single => encode_single(shape, single, buf),
    }
}

fn encode_single(shape: &Shape, value: &Value, buf: &mut Vec<u8>) {
    match value {
        Value::Message(message) if shape.group => {
            encode_key(shape.number, WireType::StartGroup, buf);
            encode_into(message, buf);
            encode_key(shape.number, WireType::EndGroup, buf);
        }
        Value::Message(message) => {
            let body = encode(message);
            encode_key(shape.number, WireType::LengthDelimited, buf);
            encode_varint(body.len() as u64, buf);
            buf.extend_from_slice(&body);
        }
        scalar => {
            encode_key(shape.number, wire_type(&shape.kind), buf);
            encode_scalar(&shape.kind, scalar, buf);
        }
    }
}

fn wire_type(kind: &Kind) -> WireType {
    match kind {
        Kind::Fixed32 | Kind::Sfixed32 | Kind::Float => WireType::ThirtyTwoBit,
        Kind::Fixed64 | Kind::Sfixed64 | Kind::Double => WireType::SixtyFourBit,
        Kind::String | Kind::Bytes | Kind::Message(_) => WireType::LengthDelimited,
        _ => WireType::Varint,
    }
}

/// A scalar's payload, without its key.
fn encode_scalar(kind: &Kind, value: &Value, buf: &mut Vec<u8>) {
    match (kind, value) {
        (Kind::Int32, Value::I32(v)) | (Kind::Enum(_), Value::EnumNumber(v)) => {
            // Negative int32 values are sign-extended to ten bytes.
            encode_varint(i64::from(*v) as u64, buf);
        }
        (Kind::Int64, Value::I64(v)) => encode_varint(*v as u64, buf),
        (Kind::Uint32, Value::U32(v)) => encode_varint(u64::from(*v), buf),
        (Kind::Uint64, Value::U64(v)) => encode_varint(*v, buf),
        (Kind::Sint32, Value::I32(v)) => {
            encode_varint(u64::from(((v << 1) ^ (v >> 31)) as u32), buf)
        }
        (Kind::Sint64, Value::I64(v)) => encode_varint(((v << 1) ^ (v >> 63)) as u64, buf),
        (Kind::Bool, Value::Bool(v)) => encode_varint(u64::from(*v), buf),
        (Kind::Fixed32, Value::U32(v)) => buf.put_u32_le(*v),
        (Kind::Sfixed32, Value::I32(v)) => buf.put_i32_le(*v),
        (Kind::Float, Value::F32(v)) => buf.put_f32_le(*v),
        (Kind::Fixed64, Value::U64(v)) => buf.put_u64_le(*v),
        (Kind::Sfixed64, Value::I64(v)) => buf.put_i64_le(*v),
        (Kind::Double, Value::F64(v)) => buf.put_f64_le(*v),
        (Kind::String, Value::String(s)) => {
            encode_varint(s.len() as u64, buf);
            buf.extend_from_slice(s.as_bytes());
        }
        (Kind::Bytes, Value::Bytes(b)) => {
            encode_varint(b.len() as u64, buf);
            buf.extend_from_slice(b);
        }
        // A DynamicMessage only holds values valid for their field.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::descriptors::pool;
    use prost::Message;
    use prost_reflect::{MapKey, ReflectMessage};

    fn msg(name: &str) -> DynamicMessage {
        DynamicMessage::new(pool().get_message_by_name(name).unwrap())
    }

    #[test]
    fn matches_prost_reflect_where_it_is_deterministic() {
        let mut m = msg("io.opensergo.proto.fault_tolerance.v1.CircuitBreakerStrategy");
        m.set_field_by_name("name", Value::String("cb".into()));
        m.set_field_by_name("strategy", Value::EnumNumber(1));
        m.set_field_by_name("trigger_ratio", Value::F64(0.6));
        m.set_field_by_name("recovery_timeout", Value::I32(-5));
        let mut slow = msg(
            "io.opensergo.proto.fault_tolerance.v1.CircuitBreakerStrategy.CircuitBreakerSlowCondition",
        );
        slow.set_field_by_name("max_allowed_rt_millis", Value::I32(500));
        m.set_field_by_name("slow_condition", Value::Message(slow));
        assert_eq!(encode(&m), m.encode_to_vec());
    }

    #[test]
    fn map_entries_are_sorted_and_round_trip() {
        let mut m = msg("opensergo.traffic.v1alpha1.HTTPMatchRequest");
        let labels = (0..20)
            .map(|i| {
                (
                    MapKey::String(format!("k{i:02}")),
                    Value::String(i.to_string()),
                )
            })
            .collect();
        m.set_field_by_name("source_labels", Value::Map(labels));
        let bytes = encode(&m);
        assert_eq!(bytes, encode(&m.clone()));
        let first = bytes.windows(3).position(|w| w == b"k00").unwrap();
        let last = bytes.windows(3).position(|w| w == b"k19").unwrap();
        assert!(first < last);
        let back = DynamicMessage::decode(m.descriptor(), bytes.as_slice()).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn delimited_streams_split_and_reject_truncation() {
        let mut a = msg("io.opensergo.proto.fault_tolerance.v1.ThrottlingStrategy");
        a.set_field_by_name("name", Value::String("a".into()));
        let b = msg("io.opensergo.proto.fault_tolerance.v1.ThrottlingStrategy");
        let stream = encode_delimited(&[a.clone(), b]);
        let frames = split_delimited(&stream).unwrap();
        assert_eq!(frames.len(), 2);
        assert_eq!(frames[0], encode(&a).as_slice());
        assert!(frames[1].is_empty());
        let err = split_delimited(&stream[..2]).unwrap_err();
        assert!(err.contains("truncated"), "{err}");
        assert!(split_delimited(&[0xff; 11]).is_err());
    }
}
