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
//! * [`control_plane`]: `--as-control-plane` for the fault-tolerance kinds.
//! * [`envelope`]: the control plane's `SubscribeResponse` wrapping.
//! * [`envoy`]: TrafficRouter as the envoy `RouteConfiguration` SDKs
//!   receive, both ways.
//!
//! Errors (a value the other side cannot represent, bad bytes) stop the run
//! with exit code 2 and nothing written; warnings (a field with no place on
//! the other side) are printed and the run goes on. Nothing is dropped
//! without one or the other.

pub mod canonical;
pub mod control_plane;
pub mod depth;
pub mod descriptors;
pub mod envelope;
pub mod envoy;
pub mod mapping;
pub mod protojson;
pub mod text;
pub mod wire;

use prost_reflect::{DynamicMessage, MessageDescriptor};

use crate::diagnostic::Diagnostic;
use crate::kinds::KindInfo;

/// Codes of `convert` findings.
pub mod codes {
    crate::define_codes! {
        CONVERT_CODES:
        UNREPRESENTABLE = "OS7001" "unrepresentable-value" Error "A value the other side cannot represent (an enum value with no counterpart, a fractional percent, a number out of range, a malformed duration)."
            r#"## What it does
Reports a value that has no exact form on the other side of the conversion: an enum value with no counterpart, a fraction where the message holds a whole number, a number out of the field's range, a malformed duration.

## Why is this bad
Rounding or clamping it would change the rule's meaning in the SDKs without telling anyone, so convert stops instead and writes nothing.

## Example
```yaml
kind: CircuitBreakerStrategy
spec:
  triggerRatio: "12.5%"   # the message holds a whole percent
```

## How to fix
Write a value the message can carry (here `13%` or `12%`), or keep the rule in YAML form."#;
        DROPPED_FIELD = "OS7002" "dropped-field" Warning "A field with no counterpart on the other side; it is left out of the output."
            r#"## What it does
Reports a field that the target form has no place for (a CRD field the proto message lacks, or an unknown field in a decoded message). The field is left out and the run goes on.

## Why is this bad
Whoever reads the output does not see the setting: an SDK never receives it, or the YAML written back loses it.

## Example
```yaml
kind: RateLimitStrategy
spec:
  statDuration: "1s"   # not a field of the message
```

## How to fix
Move the setting to a field the message has, or accept that the output does not carry it."#;
        MISSING_FIELD = "OS7003" "missing-field" Warning "A field the CRD requires is absent; the proto field keeps its default value."
            r#"## What it does
Reports a field the CRD requires that the input does not set; the message field keeps its proto3 default (0, empty, the first enum value).

## Why is this bad
The default is rarely what was meant: a missing `threshold` becomes 0, which blocks every request.

## Example
```yaml
kind: RateLimitStrategy
spec:
  metricType: RequestAmount   # threshold is missing
```

## How to fix
Set the field; `opensergo validate` reports the same document with its schema finding."#;
        NOT_CONVERTIBLE = "OS7004" "not-convertible" Warning "A document that has no protobuf message (not an OpenSergo object, or a kind without a proto); it is skipped."
            r#"## What it does
Reports a document that convert skips: not an OpenSergo object, or an OpenSergo kind that has no protobuf message.

## Why is this bad
The output holds fewer objects than the input; the warning says which document is missing and why.

## Example
```yaml
apiVersion: apps/v1
kind: Deployment
```

## How to fix
Nothing, when the document is not meant to be converted; otherwise give `--type` for a message of your own."#;
        BAD_MESSAGE = "OS7005" "bad-message" Error "Input bytes or text that do not decode as the expected message (truncated, garbage, wrong --kind)."
            r#"## What it does
Reports input that does not decode as the message convert expects: truncated or corrupt binary, JSON or text format that does not fit the message, or a `--kind` that does not match the data.

## Why is this bad
Nothing sensible can be written from it; convert stops with exit code 2 and writes nothing.

## Example
```console
$ head -c 10 rules.binpb | opensergo convert --from binpb --kind RateLimitStrategy -
```

## How to fix
Check the input's format and `--kind`/`--type`; for control-plane captures use `--envelope`."#;
        GENERATED_NAME = "OS7006" "generated-name" Warning "The message carries no object name; a name was made up for the CRD."
            r#"## What it does
Reports an object whose message does not carry its name (the fault-tolerance strategies carry none), so the CRD written back gets a generated `metadata.name`.

## Why is this bad
References to the object by name (a FaultToleranceRule's strategy list) will not find the generated name.

## Example
```console
$ opensergo convert --from binpb --kind RateLimitStrategy limit.binpb
```

## How to fix
Rename the generated object, or convert from the envelope, which carries names."#;
        CONTROL_PLANE_DIFFERENCE = "OS7007" "control-plane-difference" Warning "With --as-control-plane: a place where today's control plane sends something other than the correct mapping."
            r#"## What it does
With `convert --as-control-plane`, reports each place where the message written (what today's opensergo-control-plane pushes) differs from the correct mapping: durations such as `30s` sent as 300 ms, enums and time units left UNKNOWN, the OR-ed `match[]` entries of a TrafficRouter AND-ed into one envoy route, query-parameter matchers without their names, match fields left out.

## Why is this bad
SDKs receive exactly these messages: a rule behaves differently from what its YAML says (a 30 s window lasts 0.3 s, Sentinel's Java SDK throws away a CircuitBreakerStrategy with an UNKNOWN time unit, a route that should match either header matches only when both are present).

## Example
```console
$ opensergo convert --as-control-plane --envelope --to json router.yaml
```
```yaml
kind: ThrottlingStrategy
spec:
  minIntervalOfRequests: 30s   # the control plane sends 300 (milliseconds)
```

## How to fix
Nothing in the rule can fix the control plane. Write rules that avoid the affected forms (milliseconds for durations; one match entry per http route), or run a control plane with the mapping fixed; `opensergo lint --select OS6005` (control-plane-ignored-field) points at the TrafficRouter fields it drops."#;
    }
}

/// Message encodings (and CRD/plain YAML).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
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

impl Encoding {
    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Binpb => "binpb",
            Encoding::Json => "json",
            Encoding::Txtpb => "txtpb",
            Encoding::Yaml => "yaml",
        }
    }
}

/// One OpenSergo object as its protobuf message, with the object metadata
/// the message itself may not carry.
#[derive(Debug, Clone)]
pub struct ObjectMessage {
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
    pub object: Option<ObjectMessage>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics
        .iter()
        .any(|d| d.severity == crate::codes::Severity::Error)
}

/// Which message an object becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// The kind's own message (for TrafficRouter its spec message).
    Spec,
    /// What SDKs decode: TrafficRouter as an envoy RouteConfiguration.
    Sdk,
    /// What today's control plane sends, its bugs included.
    ControlPlane,
}

/// Converts one CRD document into its message (see [`mapping`]).
pub fn document_to_object(doc: &crate::document::Document) -> Converted {
    mapping::document_to_object(doc)
}

/// Converts one CRD document into the message `rendering` asks for.
pub fn render_document(doc: &crate::document::Document, rendering: Rendering) -> Converted {
    let mut converted = mapping::document_to_object(doc);
    let Some(object) = converted.object.as_mut() else {
        return converted;
    };
    let flavour = match rendering {
        Rendering::Spec => return converted,
        Rendering::Sdk => envoy::Flavour::Correct,
        Rendering::ControlPlane => envoy::Flavour::ControlPlane,
    };
    if object.kind.kind != "TrafficRouter" {
        if flavour == envoy::Flavour::ControlPlane {
            match control_plane::render(doc, object.kind.kind, &mut object.message) {
                Some(findings) => converted
                    .diagnostics
                    .extend(findings.into_iter().map(|f| finding_at(doc, f))),
                None => {
                    converted.diagnostics.push(doc.diagnostic(
                        codes::CONTROL_PLANE_DIFFERENCE,
                        format!(
                            "the control plane does not watch {}: it pushes nothing for this object, so it is skipped",
                            object.kind.kind
                        ),
                        doc.head_span(),
                    ));
                    converted.object = None;
                }
            }
        }
        return converted;
    }
    let namespace = object.namespace.as_deref().unwrap_or("default");
    match envoy::to_route_configuration(&object.name, namespace, &object.message, flavour) {
        Ok((message, findings)) => {
            object.message = message;
            converted
                .diagnostics
                .extend(findings.into_iter().map(|f| finding_at(doc, f)));
        }
        Err(e) => {
            converted
                .diagnostics
                .push(doc.diagnostic(codes::UNREPRESENTABLE, e, doc.head_span()))
        }
    }
    if has_errors(&converted.diagnostics) {
        converted.object = None;
    }
    converted
}

/// A finding about a document path, at that path's position.
fn finding_at(doc: &crate::document::Document, finding: envoy::Finding) -> Diagnostic {
    let span = doc.span_of(finding.path.segments(), true);
    doc.diagnostic(finding.code, finding.message, span)
        .with_path(finding.path)
}

/// Rebuilds the CRD document (as a JSON value) of an object. Diagnostics
/// carry the field path; the caller adds the file.
pub fn object_to_crd(object: &ObjectMessage) -> (Option<serde_json::Value>, Vec<Diagnostic>) {
    mapping::object_to_crd(object)
}

/// Encodes messages in a format: one message as itself, several (or one
/// when `delimited`) in the format's multi-message framing. Also returns
/// the paths of unknown fields that JSON, YAML and the text format cannot
/// hold (only binpb keeps them).
pub fn write_messages(
    messages: &[DynamicMessage],
    format: Encoding,
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
        Encoding::Binpb if several => wire::encode_delimited(messages),
        Encoding::Binpb => messages.first().map(wire::encode).unwrap_or_default(),
        Encoding::Json => {
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
        Encoding::Txtpb => {
            // Unknown fields become comments: reported as left out.
            for (i, m) in messages.iter().enumerate() {
                let prefix = if several {
                    format!("[{i}]")
                } else {
                    String::new()
                };
                lost.extend(mapping::unknown_field_paths(m, &prefix));
            }
            if several {
                text::write_messages(messages).into_bytes()
            } else {
                messages
                    .first()
                    .map(text::to_text)
                    .unwrap_or_default()
                    .into_bytes()
            }
        }
        Encoding::Yaml => {
            crate::yaml_out::to_yaml_stream(&json_values(protojson::Style::Yaml)).into_bytes()
        }
    };
    (bytes, lost)
}

/// Decodes the messages of an input in a format (binpb, json or txtpb;
/// YAML goes through the document loader). `delimited` reads a
/// length-delimited binpb stream. The error says what is wrong and where.
///
/// Text-format and JSON input nested deeper than `max_depth` is refused
/// before it is parsed, and every decoded message is measured (with the
/// `Any`s inside it unpacked): see [`depth`].
pub fn read_messages(
    bytes: &[u8],
    format: Encoding,
    desc: &MessageDescriptor,
    delimited: bool,
    max_depth: usize,
) -> Result<Vec<DynamicMessage>, String> {
    let messages = decode_messages(bytes, format, desc, delimited, max_depth)?;
    check_depth(&messages, max_depth)?;
    Ok(messages)
}

/// Refuses messages nested deeper than `max_depth` (see [`depth`]).
pub fn check_depth(messages: &[DynamicMessage], max_depth: usize) -> Result<(), String> {
    let count = messages.len();
    for (i, m) in messages.iter().enumerate() {
        if depth::message_depth(m, max_depth) > max_depth {
            let which = if count > 1 {
                format!("message {} of {count}", i + 1)
            } else {
                "the message".to_string()
            };
            return Err(depth::too_deep(&which, max_depth));
        }
    }
    Ok(())
}

fn decode_messages(
    bytes: &[u8],
    format: Encoding,
    desc: &MessageDescriptor,
    delimited: bool,
    max_depth: usize,
) -> Result<Vec<DynamicMessage>, String> {
    match format {
        Encoding::Binpb => {
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
                        if e.to_string().contains("recursion limit") {
                            return depth::too_deep(&which, max_depth);
                        }
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
        Encoding::Json => {
            let text =
                std::str::from_utf8(bytes).map_err(|e| format!("JSON input is not UTF-8: {e}"))?;
            if depth::text_depth(text, true, max_depth) > max_depth {
                return Err(depth::too_deep("the JSON input", max_depth));
            }
            protojson::parse_json_messages(text, desc)
        }
        Encoding::Txtpb => {
            let text = std::str::from_utf8(bytes)
                .map_err(|e| format!("text-format input is not UTF-8: {e}"))?;
            if depth::text_depth(text, false, max_depth) > max_depth {
                return Err(depth::too_deep("the text-format input", max_depth));
            }
            text::parse_messages(text, desc)
        }
        Encoding::Yaml => Err("YAML input is read as documents, not raw bytes".to_string()),
    }
}
