//! Arguments of `opensergo convert` and `opensergo proto`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::convert::Format;

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
  # protobuf -> CRD YAML
  opensergo convert limit.binpb --from binpb --kind RateLimitStrategy --to yaml
  opensergo convert push.binpb --from binpb --envelope --to yaml
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
    pub to: Format,

    /// Input format. Without it the inputs are CRD YAML.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<Format>,

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
    #[arg(long, value_name = "KIND", conflicts_with = "type_name")]
    pub kind: Option<String>,

    /// With --from: metadata.name for messages that carry no name (FaultToleranceRule,
    /// TrafficRouter, policy kinds); several get -1, -2, ... appended.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// With --from: metadata.namespace (an envelope's own namespace wins).
    #[arg(long, value_name = "NS")]
    pub namespace: Option<String>,

    /// With --from: metadata.labels.app (an envelope's own app wins).
    #[arg(long, value_name = "APP")]
    pub app: Option<String>,

    /// Convert any message, by full name (pkg.Msg), between binpb, json, txtpb and
    /// yaml, like `buf convert`. Needs --from.
    #[arg(long = "type", value_name = "MESSAGE", requires = "from")]
    pub type_name: Option<String>,

    /// With --type: also compile the .proto files under this directory
    /// (repeatable; each is an import path too, like `protoc -I`).
    #[arg(long, value_name = "DIR", requires = "type_name")]
    pub proto_path: Vec<PathBuf>,

    /// With --type: also load the messages of this FileDescriptorSet (made with
    /// `protoc --include_imports --descriptor_set_out=FILE` or `buf build -o FILE`).
    #[arg(long, value_name = "FILE", requires = "type_name")]
    pub descriptor_set: Option<PathBuf>,

    /// Refuse input files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Debug, Subcommand)]
pub enum ProtoCommand {
    /// Write the OpenSergo .proto files (the ones `convert` uses) to a directory,
    /// for generating SDK stubs.
    Export {
        /// Directory to write the .proto files into (created if missing).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}
