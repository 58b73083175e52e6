//! `opensergo convert`.
//!
//! Three modes, chosen by the flags:
//! * CRD -> proto (no `--from`): YAML documents to messages, optionally
//!   wrapped in the control plane's envelope;
//! * proto -> CRD (`--from` with `--kind` or `--envelope`): messages of a
//!   kind back to CRD YAML (or re-encoded with `--to binpb|json|txtpb`);
//! * any message (`--type`): between binpb, json, txtpb and yaml.
//!
//! Everything is produced in memory first. Any error: diagnostics on
//! stderr, exit 2, nothing written. Otherwise warnings go to stderr and the
//! output is written atomically (a file, a directory of files, or stdout).

use std::io::IsTerminal;
use std::path::PathBuf;

use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor};

use crate::path::FieldPath;
use crate::yaml_out;
use anyhow::{Context as _, bail};

use clap::Args;

use super::ColorChoice;
use crate::codes::Severity;
use crate::convert::{
    self, Encoding, ObjectMessage, codes, descriptors, envelope, mapping, protojson,
};
use crate::diagnostic::Diagnostic;
use crate::document::{self, Document};
use crate::error::{Error, ExitStatus, Result};
use crate::escape::escape_path;
use crate::findings::{FileEntry, Report, plural};
use crate::input::Input;
use crate::kinds::{self, KindInfo};
use crate::output;
use crate::report::{self, RenderOptions};
use crate::walk::{self, WalkOptions};

/// Convert's exit codes differ from the checking commands': errors are
/// never findings, so there is no 1.
macro_rules! convert_exit_codes {
    () => {
        "Exit codes:\n  0  converted (warnings, if any, on stderr)\n  2  error: nothing was written"
    };
}

pub const CONVERT_EXAMPLES: &str = concat!("Examples:
  # CRD YAML -> protobuf (binary, proto3 JSON, text format)
  opensergo convert rules.yaml --to binpb -o rules.binpb
  opensergo convert rules.yaml --to json
  # what the control plane would push: one SubscribeResponse per (namespace, app, kind)
  opensergo convert rules.yaml --to binpb --envelope --out-dir pushes/
  # TrafficRouter as SDKs receive it (an envoy RouteConfiguration), and what today's
  # control plane sends instead, with a warning wherever that differs
  opensergo convert router.yaml --envoy --to txtpb
  opensergo convert rules.yaml --as-control-plane --envelope --to json
  # protobuf -> CRD YAML
  opensergo convert limit.binpb --from binpb --kind RateLimitStrategy --to yaml
  opensergo convert push.binpb --from binpb --envelope --to yaml
  opensergo convert routes.binpb --from binpb --envoy --to yaml
  # any message, by full name (--descriptor-set for your own protos)
  opensergo convert resp.binpb --from binpb --type io.opensergo.proto.transport.v1.SubscribeResponse --to txtpb

Several messages: binpb is length-delimited (each message preceded by its size
as a varint; read it back with --delimited), json is an array, txtpb separates
messages with lines holding only `---`. Errors (a value the other side cannot
hold, undecodable input) exit 2 and write nothing; warnings (a field left out)
go to stderr.

", convert_exit_codes!());

const CONVERT_EXIT_CODES: &str = convert_exit_codes!();

#[derive(Debug, Args)]
#[command(after_help = CONVERT_EXIT_CODES, after_long_help = CONVERT_EXAMPLES)]
pub struct ConvertArgs {
    /// Input files (`-` reads stdin): CRD YAML, or with --from encoded messages.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<String>,

    /// Output format (yaml: CRD YAML when reading messages of a kind).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: Encoding,

    /// Input format. Without it the inputs are CRD YAML.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<Encoding>,

    /// Write to this file instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write one file per message (per object with --to yaml) into this directory.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// CRD -> proto: wrap objects in the control plane's SubscribeResponse, one per
    /// (namespace, app, kind). Proto -> CRD: the input is SubscribeResponse messages.
    #[arg(long)]
    pub envelope: bool,

    /// TrafficRouter as the envoy RouteConfiguration SDKs receive (what --envelope
    /// packs) instead of its spec message; with --from, the input is RouteConfiguration
    /// messages.
    #[arg(long, conflicts_with_all = ["kind", "type_name"])]
    pub envoy: bool,

    /// CRD -> proto: write what today's control plane sends, its bugs included
    /// (`30s` as 300 ms, enums left UNKNOWN, AND-ed matches), with a warning (OS7007)
    /// wherever that differs from the correct mapping.
    #[arg(long, conflicts_with_all = ["from", "type_name"])]
    pub as_control_plane: bool,

    /// DataWithVersion.version of the envelopes written.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "envelope")]
    pub data_version: i64,

    /// binpb: write a length-delimited stream even for one message; with --from,
    /// read one.
    #[arg(long)]
    pub delimited: bool,

    /// With --from: the OpenSergo kind of the messages (RateLimitStrategy, or
    /// fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy), or SubscribeResponse /
    /// DataWithVersion for envelopes.
    #[arg(
        long,
        value_name = "KIND",
        requires = "from",
        conflicts_with = "type_name"
    )]
    pub kind: Option<String>,

    /// With --from: metadata.name for messages that carry no name (FaultToleranceRule,
    /// TrafficRouter, policy kinds); several get -1, -2, ... appended.
    #[arg(
        long,
        value_name = "NAME",
        requires = "from",
        conflicts_with = "type_name"
    )]
    pub name: Option<String>,

    /// With --from: metadata.namespace (an envelope's own namespace wins).
    #[arg(
        long,
        value_name = "NS",
        requires = "from",
        conflicts_with = "type_name"
    )]
    pub namespace: Option<String>,

    /// With --from: metadata.labels.app (an envelope's own app wins).
    #[arg(
        long,
        value_name = "APP",
        requires = "from",
        conflicts_with = "type_name"
    )]
    pub app: Option<String>,

    /// Convert any message, by full name (pkg.Msg), between binpb, json, txtpb and
    /// yaml, like `buf convert`. Needs --from.
    #[arg(
        long = "type",
        value_name = "MESSAGE",
        requires = "from",
        conflicts_with = "envelope"
    )]
    pub type_name: Option<String>,

    /// With --type: also compile the .proto files under this directory
    /// (repeatable; each is an import path too, like `protoc -I`).
    #[arg(long, value_name = "DIR", requires = "type_name")]
    pub proto_path: Vec<PathBuf>,

    /// With --type: also load the messages of this FileDescriptorSet (made with
    /// `protoc --include_imports --descriptor_set_out=FILE` or `buf build -o FILE`).
    #[arg(long, value_name = "FILE", requires = "type_name")]
    pub descriptor_set: Option<PathBuf>,

    /// How deep messages may nest (the top-level message is 1; each nested
    /// message, map entry and Any payload adds one). Deeper input is an error
    /// before it is decoded; binary protobuf decoders stop at 101.
    #[arg(long, value_name = "N", default_value_t = crate::convert::depth::DEFAULT_MAX_DEPTH,
          value_parser = clap::builder::TypedValueParser::map(clap::value_parser!(u16).range(1..=100), usize::from))]
    pub max_depth: usize,

    /// When walking a directory of CRD YAML: follow symbolic links whose target
    /// lies outside it (by default they are skipped, with a note).
    #[arg(long)]
    pub follow_symlinks: bool,

    /// Refuse input files (and --descriptor-set, .proto files) larger than this
    /// many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// What a run produced, before anything is written.
#[derive(Default)]
struct Produced {
    diagnostics: Vec<Diagnostic>,
    /// (file name, bytes) with --out-dir; one unnamed output otherwise.
    files: Vec<(String, Vec<u8>)>,
    single: Option<Vec<u8>>,
    messages: usize,
    /// The identities of the files read, which no output may overwrite.
    inputs: Vec<output::FileId>,
    /// The names in `files`.
    names: std::collections::HashSet<String>,
}

pub fn run(args: &ConvertArgs, color: ColorChoice) -> Result<ExitStatus> {
    let outcome = if let Some(type_name) = &args.type_name {
        any_message(args, type_name)
    } else if args.from.is_some() {
        from_proto(args)
    } else {
        from_crd(args)
    }?;
    finish(args, outcome, super::use_stderr_color(color))
}

/// Prints diagnostics; on errors writes nothing and returns 2.
fn finish(args: &ConvertArgs, outcome: Produced, color: bool) -> Result<ExitStatus> {
    let errors = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = outcome.diagnostics.len() - errors;
    if !outcome.diagnostics.is_empty() {
        let mut report = Report::new("convert");
        let mut by_name: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        for d in outcome.diagnostics {
            match by_name.get(&d.file) {
                Some(&i) => report.files[i].diagnostics.push(d),
                None => {
                    by_name.insert(d.file.clone(), report.files.len());
                    report.files.push(FileEntry {
                        name: d.file.clone(),
                        documents: Vec::new(),
                        diagnostics: vec![d],
                    });
                }
            }
        }
        let options = RenderOptions {
            color,
            quiet: true,
            counts: false,
        };
        eprint!(
            "{}",
            report::render(report::Format::Human, &report, &options)
        );
    }
    if errors > 0 {
        eprintln!(
            "convert: {}, {}: nothing written",
            plural(errors, "error"),
            plural(warnings, "warning")
        );
        return Ok(ExitStatus::Failure);
    }
    let format = args.to;
    if let Some(dir) = &args.out_dir {
        // One file staged (and closed) at a time; renamed once all are.
        let mut batch = output::Batch::new(dir).map_err(Error::msg)?;
        batch.protect(&outcome.inputs);
        for (name, bytes) in &outcome.files {
            batch
                .stage(std::path::Path::new(name), bytes)
                .map_err(Error::msg)?;
        }
        let written = batch.commit().map_err(Error::msg)?;
        eprintln!(
            "convert: wrote {} to {}{}",
            plural(written.len(), "file"),
            escape_path(dir),
            warning_note(warnings)
        );
        return Ok(ExitStatus::Success);
    }
    let bytes = outcome.single.unwrap_or_default();
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            output::refuse_input(path, &outcome.inputs).map_err(Error::msg)?;
            output::write_file(path, &bytes).map_err(Error::msg)?;
            eprintln!(
                "convert: wrote {} ({}, {} bytes) to {}{}",
                plural(
                    outcome.messages,
                    if format == Encoding::Yaml {
                        "document"
                    } else {
                        "message"
                    }
                ),
                format.extension(),
                bytes.len(),
                escape_path(path),
                warning_note(warnings)
            );
        }
        _ => {
            if format == Encoding::Binpb && std::io::stdout().is_terminal() {
                bail!(
                    "not writing binary protobuf to a terminal: use -o FILE, --out-dir DIR or a pipe"
                );
            }
            output::print_stdout(&bytes).map_err(Error::msg)?;
            if warnings > 0 {
                eprintln!("convert: {}", plural(warnings, "warning"));
            }
        }
    }
    Ok(ExitStatus::Success)
}

fn warning_note(warnings: usize) -> String {
    match warnings {
        0 => String::new(),
        1 => " (1 warning)".into(),
        n => format!(" ({n} warnings)"),
    }
}

/// A file name part: letters, digits, `.`, `-`, `_`; nothing that climbs
/// out of the directory.
fn file_part(text: &str) -> String {
    let mut part: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if part.is_empty() || part.starts_with('.') {
        part.insert(0, '_');
    }
    part
}

/// Adds a named output file; two outputs with one name are an error.
fn add_file(outcome: &mut Produced, name: String, bytes: Vec<u8>) {
    if !outcome.names.insert(name.clone()) {
        outcome.diagnostics.push(Diagnostic::new(
            codes::UNREPRESENTABLE,
            format!("two outputs would both be written to {name} (the same object twice?)"),
        ));
    } else {
        outcome.files.push((name, bytes));
    }
}

fn reject_for_crd_input(args: &ConvertArgs) -> Result<()> {
    if args.to == Encoding::Yaml {
        bail!(
            "the input is CRD YAML already; pick --to binpb, json or txtpb (or --from to read messages)"
        );
    }
    Ok(())
}

// ------------------------------------------------------------ CRD -> proto

/// The message each object becomes: envelopes carry what SDKs decode.
fn rendering(args: &ConvertArgs) -> convert::Rendering {
    if args.as_control_plane {
        convert::Rendering::ControlPlane
    } else if args.envoy || args.envelope {
        convert::Rendering::Sdk
    } else {
        convert::Rendering::Spec
    }
}

fn from_crd(args: &ConvertArgs) -> Result<Produced> {
    reject_for_crd_input(args)?;
    let outputs: Vec<output::FileId> = args
        .output
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .filter_map(|p| output::FileId::of(p))
        .collect();
    let walked = walk::collect(
        &args.files,
        &WalkOptions {
            respect_ignore: true,
            follow_symlinks: args.follow_symlinks,
            outputs: &outputs,
            ..WalkOptions::default()
        },
    )
    .map_err(Error::msg)?;
    walked.print_skipped();
    let mut outcome = Produced {
        diagnostics: walked.errors,
        ..Produced::default()
    };
    let mut objects: Vec<ObjectMessage> = Vec::new();
    for input in &walked.inputs {
        if let Some(path) = input.path() {
            outcome.inputs.extend(output::FileId::of(path));
        }
        let loaded = document::load_source(input, args.max_file_size);
        outcome.diagnostics.extend(loaded.errors);
        for doc in &loaded.documents {
            let converted = convert::render_document(doc, rendering(args));
            outcome.diagnostics.extend(converted.diagnostics);
            let Some(object) = converted.object else {
                continue;
            };
            if args.envelope && object.app.is_none() {
                let span = doc.span_of(
                    &[
                        crate::path::Segment::Key("metadata".into()),
                        crate::path::Segment::Key("labels".into()),
                        crate::path::Segment::Key("app".into()),
                    ],
                    true,
                );
                outcome.diagnostics.push(
                    doc.diagnostic(
                        codes::UNREPRESENTABLE,
                        format!(
                            "{} {} has no metadata.labels.app: the control plane never delivers it, so no envelope holds it",
                            object.kind.kind, object.name
                        ),
                        span,
                    )
                    .with_path(FieldPath::keys(&["metadata", "labels", "app"]))
                    .with_help("add the label, or convert without --envelope"),
                );
                continue;
            }
            // An envoy RouteConfiguration names its namespace in its domains.
            if !args.envelope && !args.envoy {
                warn_namespace_and_app_dropped(doc, &object, &mut outcome.diagnostics);
            }
            objects.push(object);
        }
    }
    if objects.is_empty() && !convert::has_errors(&outcome.diagnostics) {
        outcome.diagnostics.push(
            Diagnostic::new(
                codes::NOT_CONVERTIBLE,
                "nothing to convert: no document is an OpenSergo object with a protobuf message",
            )
            .with_severity(Severity::Error),
        );
        return Ok(outcome);
    }
    if !args.envelope && args.out_dir.is_none() {
        warn_mixed_kinds(&objects, args.to, &mut outcome.diagnostics);
    }
    let format = args.to;
    let messages: Vec<(String, DynamicMessage)> = if args.envelope {
        envelope::wrap(&objects, args.data_version)
            .map_err(Error::msg)?
            .into_iter()
            .map(|response| {
                let text = |f: &str| {
                    response
                        .get_field_by_name(f)
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                };
                let kind = text("kind");
                let short = kind.rsplit('/').next().unwrap_or_default().to_string();
                let name = format!(
                    "{}_{}_{}.{}",
                    file_part(&text("namespace")),
                    file_part(&text("app")),
                    file_part(&short),
                    format.extension()
                );
                (name, response)
            })
            .collect()
    } else {
        objects
            .into_iter()
            .map(|o| {
                let name = format!(
                    "{}_{}_{}.{}",
                    file_part(o.namespace.as_deref().unwrap_or("default")),
                    file_part(o.kind.kind),
                    file_part(&o.name),
                    format.extension()
                );
                (name, o.message)
            })
            .collect()
    };
    emit_messages(args, &mut outcome, messages);
    Ok(outcome)
}

/// Encodes messages into the outcome: one file each with --out-dir, one
/// output otherwise. Unknown fields that JSON/YAML cannot hold are warned
/// about.
fn emit_messages(
    args: &ConvertArgs,
    outcome: &mut Produced,
    messages: Vec<(String, DynamicMessage)>,
) {
    let mut lost_all = Vec::new();
    outcome.messages = messages.len();
    // Whatever is written must read back: nothing deeper than the limit.
    for (name, message) in &messages {
        if let Err(e) = convert::check_depth(std::slice::from_ref(message), args.max_depth) {
            outcome
                .diagnostics
                .push(Diagnostic::new(codes::BAD_MESSAGE, e).in_file(name.as_str()));
            return;
        }
    }
    if args.out_dir.is_some() {
        for (name, message) in messages {
            let (bytes, lost) = convert::write_messages(&[message], args.to, args.delimited);
            lost_all.extend(lost);
            add_file(outcome, name, bytes);
        }
    } else {
        let only: Vec<DynamicMessage> = messages.into_iter().map(|(_, m)| m).collect();
        let (bytes, lost) = convert::write_messages(&only, args.to, args.delimited);
        lost_all.extend(lost);
        outcome.single = Some(bytes);
    }
    if !lost_all.is_empty() {
        outcome.diagnostics.push(Diagnostic::new(
            codes::DROPPED_FIELD,
            format!(
                "unknown fields ({}) have no {} form: left out (binpb keeps them)",
                lost_all.join(", "),
                args.to.extension()
            ),
        ));
    }
}

// ------------------------------------------------------------ proto -> CRD

/// What `--kind`/`--envelope` asked to decode.
enum Target {
    Kind(&'static KindInfo, MessageDescriptor),
    Envelope(MessageDescriptor),
}

fn target(args: &ConvertArgs) -> Result<Target> {
    if args.envoy {
        if args.envelope {
            bail!(
                "--envelope reads SubscribeResponse messages, which name their kind; drop --envoy"
            );
        }
        let router = kinds::by_kind_name("TrafficRouter")
            .context("TrafficRouter is missing from the kind registry")?;
        let desc =
            descriptors::find_message(descriptors::pool(), convert::envoy::ROUTE_CONFIGURATION)?;
        return Ok(Target::Kind(router, desc));
    }
    let kind = match (&args.kind, args.envelope) {
        (Some(_), true) => {
            bail!("--envelope already says the input is SubscribeResponse messages; drop --kind");
        }
        (None, true) => envelope::SUBSCRIBE_RESPONSE.to_string(),
        (Some(kind), false) => kind.clone(),
        (None, false) => {
            bail!(
                "--from needs --kind KIND (e.g. --kind RateLimitStrategy), --envelope, or --type MESSAGE"
            );
        }
    };
    let message = |name: &str| descriptors::find_message(descriptors::pool(), name);
    if let Some(full) = envelope::envelope_message(&kind) {
        return Ok(Target::Envelope(message(full)?));
    }
    let info = match kind.rsplit_once('/') {
        Some((api_version, k)) => match kinds::lookup(api_version, k) {
            kinds::Lookup::Known(info) => Some(info),
            _ => None,
        },
        None => kinds::by_kind_name(&kind),
    };
    let with_proto: Vec<&str> = descriptors::proto_kinds().map(|k| k.kind).collect();
    let Some(info) = info else {
        bail!(
            "unknown kind `{kind}`; kinds with a protobuf message: {} (or SubscribeResponse, DataWithVersion)",
            with_proto.join(", ")
        );
    };
    match descriptors::kind_message(info) {
        Some(desc) => Ok(Target::Kind(info, desc)),
        None => bail!(
            "{} has no protobuf message; kinds with one: {}",
            info.kind,
            with_proto.join(", ")
        ),
    }
}

/// A bare message has no metadata: the namespace and app an object is
/// delivered under only survive in an envelope. Says so, once per object.
/// Several kinds in one output of bare messages (a JSON array, delimited
/// binpb, `---`-separated text) cannot be read back: nothing in a bare
/// message names its type.
fn warn_mixed_kinds(objects: &[ObjectMessage], to: Encoding, out: &mut Vec<Diagnostic>) {
    let mut kinds: Vec<&str> = objects.iter().map(|o| o.kind.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.len() < 2 {
        return;
    }
    let format = to.extension();
    out.push(
        Diagnostic::new(
            codes::MIXED_KINDS,
            format!(
                "{} messages of {} kinds ({}) in one {format} output name no type: `--from {format} --kind KIND` reads them all as one kind",
                objects.len(),
                kinds.len(),
                kinds.join(", ")
            ),
        )
        .with_help(format!(
            "--envelope keeps each kind apart (SubscribeResponse messages whose Any values name their type; read back with `--from {format} --envelope`); --out-dir writes one file per object"
        )),
    );
}

fn warn_namespace_and_app_dropped(
    doc: &Document,
    object: &ObjectMessage,
    out: &mut Vec<Diagnostic>,
) {
    let lost: Vec<&str> = [
        object.namespace.as_ref().map(|_| "metadata.namespace"),
        object.app.as_ref().map(|_| "metadata.labels.app"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if lost.is_empty() {
        return;
    }
    let span = doc
        .root
        .entry("metadata")
        .map_or(doc.head_span(), |(key, _)| key.span());
    out.push(
        doc.diagnostic(
            codes::DROPPED_FIELD,
            format!(
                "{} {} left out: a bare {} message has no metadata",
                lost.join(" and "),
                if lost.len() == 1 { "is" } else { "are" },
                object.kind.kind
            ),
            span,
        )
        .with_path(FieldPath::keys(&["metadata"]))
        .with_help("--envelope keeps them: the control plane's SubscribeResponse carries the namespace and app"),
    );
}

fn input_of(file: &str) -> Input {
    if file == "-" {
        Input::Stdin(None)
    } else {
        Input::File(PathBuf::from(file))
    }
}

/// Reads every input as messages of `desc`; failures become diagnostics.
fn decode_inputs(
    args: &ConvertArgs,
    from: Encoding,
    desc: &MessageDescriptor,
    outcome: &mut Produced,
) -> Vec<(String, DynamicMessage)> {
    let mut out = Vec::new();
    for file in &args.files {
        let input = input_of(file);
        if let Input::File(path) = &input {
            outcome.inputs.extend(output::FileId::of(path));
        }
        let name = input.display_name();
        let bytes = match input.read(args.max_file_size) {
            Ok(bytes) => bytes,
            Err(d) => {
                outcome.diagnostics.push(*d);
                continue;
            }
        };
        match convert::read_messages(&bytes, from, desc, args.delimited, args.max_depth) {
            Ok(messages) => out.extend(messages.into_iter().map(|m| (name.clone(), m))),
            Err(e) => outcome
                .diagnostics
                .push(Diagnostic::new(codes::BAD_MESSAGE, e).in_file(&name)),
        }
    }
    out
}

fn from_proto(args: &ConvertArgs) -> Result<Produced> {
    let from = args.from.unwrap_or(Encoding::Binpb);
    if from == Encoding::Yaml {
        bail!(
            "--from yaml: CRD YAML is the default input (drop --from); YAML of a message needs --type"
        );
    }
    let target = target(args)?;
    let desc = match &target {
        Target::Kind(_, desc) | Target::Envelope(desc) => desc.clone(),
    };
    let mut outcome = Produced::default();
    let decoded = decode_inputs(args, from, &desc, &mut outcome);
    if args.to != Encoding::Yaml {
        if args.name.is_some() || args.namespace.is_some() || args.app.is_some() {
            bail!("--name, --namespace and --app shape CRD YAML; they only apply with --to yaml");
        }
        let messages = decoded
            .into_iter()
            .enumerate()
            .map(|(i, (_, m))| (format!("{}.{}", i + 1, args.to.extension()), m))
            .collect();
        emit_messages(args, &mut outcome, messages);
        return Ok(outcome);
    }

    let mut objects: Vec<(String, ObjectMessage)> = Vec::new();
    for (file, message) in decoded {
        match &target {
            Target::Kind(info, _) => objects.push((
                file,
                ObjectMessage {
                    kind: info,
                    name: mapping::message_name(&message).unwrap_or_default(),
                    namespace: args.namespace.clone(),
                    app: args.app.clone(),
                    message,
                },
            )),
            Target::Envelope(_) => {
                match envelope::unwrap(&message, args.namespace.as_deref(), args.app.as_deref()) {
                    Ok(list) => objects.extend(list.into_iter().map(|o| (file.clone(), o))),
                    Err(e) => outcome
                        .diagnostics
                        .push(Diagnostic::new(codes::BAD_MESSAGE, e).in_file(&file)),
                }
            }
        }
    }
    name_objects(args, &mut objects, &mut outcome);

    let mut documents = Vec::new();
    for (file, object) in &objects {
        let (doc, diagnostics) = convert::object_to_crd(object);
        let what = format!("{} {}", object.kind.kind, object.name);
        outcome
            .diagnostics
            .extend(diagnostics.into_iter().map(|mut d| {
                d.message = format!("{what}: {}", d.message);
                d.in_file(file)
            }));
        if let Some(doc) = doc {
            let name = format!(
                "{}_{}_{}.yaml",
                file_part(object.namespace.as_deref().unwrap_or("default")),
                file_part(object.kind.kind),
                file_part(&object.name)
            );
            documents.push((name, doc));
        }
    }
    outcome.messages = documents.len();
    if args.out_dir.is_some() {
        for (name, doc) in documents {
            add_file(&mut outcome, name, yaml_out::to_yaml(&doc).into_bytes());
        }
    } else {
        let docs: Vec<serde_json::Value> = documents.into_iter().map(|(_, d)| d).collect();
        outcome.single = Some(yaml_out::to_yaml_stream(&docs).into_bytes());
    }
    Ok(outcome)
}

/// Gives every object without a name one: `--name` (with `-1`, `-2`, ...
/// when several need it), else a made-up one, with a warning.
fn name_objects(
    args: &ConvertArgs,
    objects: &mut [(String, ObjectMessage)],
    outcome: &mut Produced,
) {
    let nameless = objects.iter().filter(|(_, o)| o.name.is_empty()).count();
    let mut n = 0;
    for (file, object) in objects.iter_mut().filter(|(_, o)| o.name.is_empty()) {
        n += 1;
        object.name = match (&args.name, nameless) {
            (Some(name), 1) => name.clone(),
            (Some(name), _) => format!("{name}-{n}"),
            (None, _) => {
                let made_up = format!("{}-{n}", kebab(object.kind.kind));
                outcome.diagnostics.push(
                    Diagnostic::new(
                        codes::GENERATED_NAME,
                        format!(
                            "{} carries no name on the wire: named it {made_up}",
                            object.kind.kind
                        ),
                    )
                    .in_file(file.as_str())
                    .with_help("pass --name NAME"),
                );
                made_up
            }
        };
    }
}

/// `FaultToleranceRule` -> `fault-tolerance-rule`.
fn kebab(kind: &str) -> String {
    let mut out = String::new();
    for (i, c) in kind.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

// ------------------------------------------------------------ any message

fn any_message(args: &ConvertArgs, type_name: &str) -> Result<Produced> {
    let mut pool: DescriptorPool = descriptors::pool().clone();
    if !args.proto_path.is_empty() {
        pool = descriptors::with_proto_paths(pool, &args.proto_path, args.max_file_size)?;
    }
    if let Some(path) = &args.descriptor_set {
        pool = descriptors::with_descriptor_set(pool, path, args.max_file_size)?;
    }
    let desc = descriptors::find_message(&pool, type_name)?;
    let from = args.from.unwrap_or(Encoding::Binpb);
    let mut outcome = Produced::default();
    let decoded: Vec<DynamicMessage> = if from == Encoding::Yaml {
        let mut messages = Vec::new();
        for file in &args.files {
            let input = input_of(file);
            if let Input::File(path) = &input {
                outcome.inputs.extend(output::FileId::of(path));
            }
            let loaded = document::load_source(&input, args.max_file_size);
            outcome.diagnostics.extend(loaded.errors);
            for doc in &loaded.documents {
                let mut reader = protojson::Reader::new(doc, &[], &[]);
                reader.number_strings = true;
                let message = reader.read_message(&doc.root, &desc);
                outcome.diagnostics.append(&mut reader.diagnostics);
                if let Err(e) = convert::check_depth(std::slice::from_ref(&message), args.max_depth)
                {
                    outcome.diagnostics.push(doc.diagnostic(
                        codes::BAD_MESSAGE,
                        e,
                        doc.head_span(),
                    ));
                    continue;
                }
                messages.push(message);
            }
        }
        messages
    } else {
        decode_inputs(args, from, &desc, &mut outcome)
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    };
    let messages = decoded
        .into_iter()
        .enumerate()
        .map(|(i, m)| (format!("{}.{}", i + 1, args.to.extension()), m))
        .collect();
    emit_messages(args, &mut outcome, messages);
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_parts_stay_inside_the_directory() {
        assert_eq!(file_part("../../etc/passwd"), "_.._.._etc_passwd");
        assert_eq!(file_part(""), "_");
        assert_eq!(file_part("rate-limit.foo"), "rate-limit.foo");
        assert_eq!(kebab("FaultToleranceRule"), "fault-tolerance-rule");
    }
}
