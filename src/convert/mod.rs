//! `opensergo convert`: OpenSergo CRD YAML <-> protobuf messages.
//!
//! * [`descriptors`]: the embedded descriptor pool (the project's `.proto`
//!   files, compiled at build time by protox).
//! * [`mapping`]: the CRD <-> message mapping, per kind, in one table, both
//!   directions.
//! * [`protojson`]: the proto3 JSON mapping between YAML nodes / JSON values
//!   and messages, with source positions (TrafficRouter and the
//!   policy.opensergo.io kinds, whose spec *is* the message in JSON form, and
//!   `--type`).
//! * [`wire`], [`text`]: deterministic binary and text encodings.
//! * [`envelope`]: the control plane's `SubscribeResponse` wrapping.
//! * [`yaml_out`]: a small YAML emitter for JSON-like values.
//!
//! Errors (a value the other side cannot represent, bad bytes) stop the run
//! with exit code 2 and nothing written; warnings (a field with no place on
//! the other side) are printed and the run goes on. Nothing is dropped
//! without one or the other.

pub mod descriptors;
pub mod docs;
pub mod envelope;
pub mod mapping;
pub mod protojson;
pub mod text;
pub mod wire;
pub mod yaml_out;

use prost_reflect::{DynamicMessage, MessageDescriptor};

use crate::diagnostic::Diagnostic;
use crate::kinds::KindInfo;

/// Codes of `convert` findings.
pub mod codes {
    use crate::diagnostic::Code;

    crate::define_codes! {
        UNREPRESENTABLE = "OS7001" "unrepresentable-value" Error "A value the other side cannot represent (an enum value with no counterpart, a fractional percent, a number out of range, a malformed duration).";
        DROPPED_FIELD = "OS7002" "dropped-field" Warning "A field with no counterpart on the other side; it is left out of the output.";
        MISSING_FIELD = "OS7003" "missing-field" Warning "A field the CRD requires is absent; the proto field keeps its default value.";
        NOT_CONVERTIBLE = "OS7004" "not-convertible" Warning "A document that has no protobuf message (not an OpenSergo object, or a kind without a proto); it is skipped.";
        BAD_MESSAGE = "OS7005" "bad-message" Error "Input bytes or text that do not decode as the expected message (truncated, garbage, wrong --kind).";
        GENERATED_NAME = "OS7006" "generated-name" Warning "The message carries no object name; a name was made up for the CRD.";
    }

    pub fn find(id_or_name: &str) -> Option<Code> {
        crate::diagnostic::find_code(ALL, id_or_name)
    }
}

/// Message encodings (and CRD/plain YAML).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Protobuf binary wire format. Several messages are length-delimited
    /// (each preceded by its size as a varint).
    Binpb,
    /// The proto3 JSON mapping. Several messages form a JSON array.
    Json,
    /// The protobuf text format. Several messages are separated by lines
    /// holding only `---`.
    Txtpb,
    /// YAML: the CRD for OpenSergo kinds, the JSON mapping in YAML with --type.
    Yaml,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Binpb => "binpb",
            Format::Json => "json",
            Format::Txtpb => "txtpb",
            Format::Yaml => "yaml",
        }
    }
}

/// One OpenSergo object as its protobuf message, with the object metadata
/// the message itself may not carry.
#[derive(Debug, Clone)]
pub struct Object {
    pub kind: &'static KindInfo,
    pub name: String,
    pub namespace: Option<String>,
    pub app: Option<String>,
    pub message: DynamicMessage,
}

/// What converting one CRD document produced.
#[derive(Debug, Default)]
pub struct Converted {
    /// `None` when the document was skipped or had errors.
    pub object: Option<Object>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error)
}

/// Converts one CRD document into its message (see [`mapping`]).
pub fn document_to_object(doc: &crate::document::Document) -> Converted {
    mapping::document_to_object(doc)
}

/// Rebuilds the CRD document (as a JSON value) of an object. Diagnostics
/// carry the field path; the caller adds the file.
pub fn object_to_crd(object: &Object) -> (Option<serde_json::Value>, Vec<Diagnostic>) {
    mapping::object_to_crd(object)
}

/// Encodes messages in a format: one message as itself, several (or one
/// when `delimited`) in the format's multi-message framing. Also returns
/// the paths of unknown fields that JSON and YAML cannot hold.
pub fn write_messages(
    messages: &[DynamicMessage],
    format: Format,
    delimited: bool,
) -> (Vec<u8>, Vec<String>) {
    let several = delimited || messages.len() != 1;
    let mut lost = Vec::new();
    let mut json_values = |style| -> Vec<serde_json::Value> {
        messages
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let (value, unknown) = protojson::message_to_json(m, style);
                lost.extend(
                    unknown
                        .into_iter()
                        .map(|p| if several { format!("[{i}].{p}") } else { p }),
                );
                value
            })
            .collect()
    };
    let bytes = match format {
        Format::Binpb if several => wire::encode_delimited(messages),
        Format::Binpb => messages.first().map(wire::encode).unwrap_or_default(),
        Format::Json => {
            let values = json_values(protojson::Style::ProtoJson);
            let value = if several {
                serde_json::Value::Array(values)
            } else {
                values.into_iter().next().unwrap_or_default()
            };
            let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
            text.push('\n');
            text.into_bytes()
        }
        Format::Txtpb => messages
            .iter()
            .map(text::to_text)
            .collect::<Vec<_>>()
            .join("---\n")
            .into_bytes(),
        Format::Yaml => yaml_out::to_yaml_stream(&json_values(protojson::Style::Yaml)).into_bytes(),
    };
    (bytes, lost)
}

/// Decodes the messages of an input in a format (binpb, json or txtpb;
/// YAML goes through the document loader). `delimited` reads a
/// length-delimited binpb stream. The error says what is wrong and where.
pub fn read_messages(
    bytes: &[u8],
    format: Format,
    desc: &MessageDescriptor,
    delimited: bool,
) -> Result<Vec<DynamicMessage>, String> {
    match format {
        Format::Binpb => {
            let frames = if delimited {
                wire::split_delimited(bytes)?
            } else {
                vec![bytes]
            };
            let count = frames.len();
            frames
                .into_iter()
                .enumerate()
                .map(|(i, frame)| {
                    DynamicMessage::decode(desc.clone(), frame).map_err(|e| {
                        let which = if count > 1 {
                            format!("message {} of {count}", i + 1)
                        } else {
                            "the input".to_string()
                        };
                        format!(
                            "{which} is not a valid {} ({e}): truncated or corrupt bytes, or the wrong --kind/--type{}",
                            desc.full_name(),
                            if delimited {
                                ""
                            } else {
                                "; a stream of several messages needs --delimited"
                            }
                        )
                    })
                })
                .collect()
        }
        Format::Json => {
            let text =
                std::str::from_utf8(bytes).map_err(|e| format!("JSON input is not UTF-8: {e}"))?;
            protojson::parse_json_messages(text, desc)
        }
        Format::Txtpb => {
            let text = std::str::from_utf8(bytes)
                .map_err(|e| format!("text-format input is not UTF-8: {e}"))?;
            text::parse_messages(text, desc)
        }
        Format::Yaml => Err("YAML input is read as documents, not raw bytes".to_string()),
    }
}
