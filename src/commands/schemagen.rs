//! The arguments and runs of `schema from-proto` and `proto from-schema`:
//! reading their inputs (protos compiled through the workspace compiler,
//! schemas from the kind registry or a file, the previous `.proto`) and
//! writing what [`crate::schemagen`] makes of them.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};
use clap::{Args, ValueEnum};
use prost_reflect::DescriptorPool;
use serde_json::Value;

use super::{ColorChoice, print_errors};
use crate::convert::descriptors;
use crate::diagnostic::Diagnostic;
use crate::document::{self, Document};
use crate::error::{Error, ExitStatus, Result};
use crate::escape::{escape_control, escape_path};
use crate::findings::plural;
use crate::input::Input;
use crate::kinds::KINDS;
use crate::output;
use crate::protobuild::compile::{self, CompilerChoice, Image};
use crate::protobuild::workspace::{Module, ModuleConfig, ProtoFile, Workspace};
use crate::schemagen::{from_proto, previous, to_proto};
use crate::source::SourceFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FromProtoFormat {
    /// A JSON Schema (draft 2020-12), like the embedded ones.
    JsonSchema,
    /// An apiextensions.k8s.io/v1 CustomResourceDefinition, as YAML (needs
    /// --kind and --group).
    Crd,
}

#[derive(Debug, Args)]
pub struct FromProtoArgs {
    /// The message, by full name (`io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy`).
    #[arg(long = "type", value_name = "MESSAGE")]
    pub message: String,

    /// Compile every .proto file under DIR (repeatable; each is an include
    /// root, like `protoc -I`). Without it, the embedded OpenSergo protos.
    #[arg(long, value_name = "DIR")]
    pub proto_path: Vec<PathBuf>,

    /// What to write.
    #[arg(long, value_enum, default_value_t = FromProtoFormat::JsonSchema)]
    pub format: FromProtoFormat,

    /// The CRD's kind (with --format crd).
    #[arg(long, value_name = "KIND", required_if_eq("format", "crd"))]
    pub kind: Option<String>,

    /// The CRD's API group (with --format crd).
    #[arg(long, value_name = "GROUP", required_if_eq("format", "crd"))]
    pub group: Option<String>,

    /// Write here (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Refuse .proto files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("schema").required(true).args(["kind", "file"]))]
pub struct FromSchemaArgs {
    /// A kind of the registry (`opensergo schema list`).
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,

    /// A JSON Schema file (titled `Kind (group/version)`, as `schema export`
    /// and `schema from-crd` write them) or a file with one CRD.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// The file generated last time: its field and enum value numbers are
    /// kept and removed ones reserved. May be the same file as --output.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,

    /// Write here (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Refuse an input or --previous file larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// Writes `bytes` to `output`, or stdout; `inputs` may not be overwritten.
fn emit(bytes: &[u8], output: Option<&Path>, inputs: &[&Path]) -> Result<()> {
    match output {
        Some(path) if path.as_os_str() != "-" => {
            let ids: Vec<output::FileId> = inputs
                .iter()
                .filter_map(|p| output::FileId::of(p))
                .collect();
            output::refuse_input(path, &ids).map_err(Error::msg)?;
            output::write_file(path, bytes).map_err(Error::msg)?;
            eprintln!("wrote {}", escape_path(path));
        }
        _ => output::print_stdout(bytes).map_err(Error::msg)?,
    }
    Ok(())
}

pub fn from_proto(args: &FromProtoArgs, color: ColorChoice) -> Result<ExitStatus> {
    let pool = match proto_pool(&args.proto_path, args.max_file_size)? {
        Ok(pool) => pool,
        Err(errors) => {
            print_errors(&errors, color);
            return Ok(ExitStatus::Findings);
        }
    };
    let message = from_proto::find_message(&pool, &args.message).map_err(Error::msg)?;
    let text = match args.format {
        FromProtoFormat::JsonSchema => {
            let mut text = serde_json::to_string_pretty(&from_proto::json_schema(&message))
                .context("writing JSON")?;
            text.push('\n');
            text
        }
        FromProtoFormat::Crd => {
            let names = from_proto::CrdNames {
                kind: args.kind.clone().unwrap_or_default(),
                group: args.group.clone().unwrap_or_default(),
            };
            crate::yaml_out::to_yaml(&from_proto::crd(&message, &names).map_err(Error::msg)?)
        }
    };
    emit(text.as_bytes(), args.output.as_deref(), &[])?;
    Ok(ExitStatus::Success)
}

/// The protos under `dirs` (or the embedded ones) compiled with their
/// comments, which become descriptions.
fn proto_pool(
    dirs: &[PathBuf],
    max_size: u64,
) -> Result<std::result::Result<DescriptorPool, Vec<Diagnostic>>> {
    let workspace = if dirs.is_empty() {
        Workspace::embedded(descriptors::proto_sources())
    } else {
        let mut modules = Vec::new();
        for dir in dirs {
            if !dir.is_dir() {
                bail!("--proto-path {}: not a directory", escape_path(dir));
            }
            refuse_large_protos(dir, max_size)?;
            let whole = ModuleConfig::whole_directory();
            let origin = format!("--proto-path {}", dir.display());
            modules.extend(Workspace::from_modules(dir, &[whole], &origin, max_size)?.modules);
        }
        Workspace {
            origin: "the --proto-path directories".into(),
            modules,
        }
    };
    let targets: Vec<String> = workspace.files().map(|f| f.name.clone()).collect();
    if targets.is_empty() {
        bail!("--proto-path: no .proto files found");
    }
    Ok(
        compile::build(&workspace, &targets, CompilerChoice::Protox)?
            .and_then(|built| pool_of(&built.image)),
    )
}

fn pool_of(image: &Image) -> std::result::Result<DescriptorPool, Vec<Diagnostic>> {
    DescriptorPool::decode(image.encode().as_slice()).map_err(|e| {
        vec![Diagnostic::new(
            crate::protobuild::COMPILE_ERROR,
            format!("unusable descriptors: {e}"),
        )]
    })
}

/// Every .proto file under `dir` is at most `max_size` bytes, checked
/// before any is read.
fn refuse_large_protos(dir: &Path, max_size: u64) -> Result<()> {
    for entry in ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
    {
        let entry = entry?;
        if entry.path().extension().is_some_and(|e| e == "proto")
            && entry
                .metadata()
                .is_ok_and(|m| m.is_file() && m.len() > max_size)
        {
            bail!(
                "{} is larger than the --max-file-size limit of {max_size} bytes",
                escape_path(entry.path())
            );
        }
    }
    Ok(())
}

pub fn from_schema(args: &FromSchemaArgs, color: ColorChoice) -> Result<ExitStatus> {
    let (schema, target, origin) = match (&args.kind, &args.file) {
        (Some(kind), _) => registry_schema(kind)?,
        (None, Some(file)) => file_schema(file, args.max_file_size)?,
        (None, None) => unreachable!("clap requires --kind or FILE"),
    };
    let (mut file, mut findings) = match to_proto::generate(&schema, &target, &origin) {
        Ok(generated) => generated,
        Err(errors) => {
            print_errors(&errors, color);
            return Ok(ExitStatus::Findings);
        }
    };
    if let Some(path) = &args.previous {
        let old = match previous_descriptor(path, &file.path, args.max_file_size)? {
            Ok(old) => old,
            Err(errors) => {
                print_errors(&errors, color);
                return Ok(ExitStatus::Findings);
            }
        };
        findings.extend(previous::apply(&mut file, &old, &escape_path(path)));
    }
    if !findings.is_empty() {
        print_errors(&findings, color);
    }
    let errors = findings.iter().filter(|d| to_proto::is_error(d)).count();
    if errors > 0 {
        eprintln!(
            "proto from-schema: {}; nothing written",
            plural(errors, "error")
        );
        return Ok(ExitStatus::Findings);
    }
    let inputs: Vec<&Path> = args.file.iter().map(PathBuf::as_path).collect();
    emit(file.render().as_bytes(), args.output.as_deref(), &inputs)?;
    Ok(ExitStatus::Success)
}

fn registry_schema(kind: &str) -> Result<(Value, to_proto::Target, String)> {
    let Some(info) = KINDS.iter().find(|k| k.kind == kind) else {
        let hint = crate::suggest::closest(kind, KINDS.iter().map(|k| k.kind))
            .map(|c| format!("; did you mean {c}?"))
            .unwrap_or_default();
        bail!(
            "--kind {}: no such kind (`opensergo schema list` lists them){hint}",
            escape_control(kind)
        );
    };
    let schema: Value =
        serde_json::from_str(info.schema).expect("the embedded schemas are JSON (tests load them)");
    let target = to_proto::Target {
        group: info.group.into(),
        version: info.version.into(),
        kind: info.kind.into(),
    };
    let origin = format!(
        "the embedded JSON Schema of {} ({})",
        info.kind,
        info.api_version()
    );
    Ok((schema, target, origin))
}

/// A JSON Schema file, or a file with one CRD (converted as `schema
/// from-crd` converts it).
fn file_schema(path: &Path, max_file_size: u64) -> Result<(Value, to_proto::Target, String)> {
    let loaded = document::load_source(&Input::File(path.to_path_buf()), max_file_size);
    if let Some(err) = loaded.errors.first() {
        bail!("{}: {}", escape_path(path), escape_control(&err.message));
    }
    let documents: Vec<Value> = loaded.documents.iter().map(Document::to_json).collect();
    let origin = escape_path(path).into_owned();
    let [single] = documents.as_slice() else {
        bail!(
            "{origin}: holds {} documents; give a file with one schema or one CRD",
            documents.len()
        );
    };
    let converted = crate::schema::crd_to_schemas(single).map_err(Error::msg)?;
    if let Some(crd) = converted.first() {
        if converted.len() > 1 {
            bail!(
                "{origin}: the CRD has {} versions; convert it with `opensergo schema from-crd` and pick one",
                converted.len()
            );
        }
        let target = to_proto::Target {
            group: crd.group.clone(),
            version: crd.version.clone(),
            kind: crd.kind.clone(),
        };
        return Ok((crd.schema.clone(), target, origin));
    }
    let Some(target) = to_proto::Target::of_schema(single) else {
        bail!(
            "{origin}: cannot tell the kind: the schema has no title `Kind (group/version)` and no `const` apiVersion and kind"
        );
    };
    Ok((single.clone(), target, origin))
}

/// The previous file compiled (type names resolved), under the import
/// path the new file has.
fn previous_descriptor(
    path: &Path,
    name: &str,
    max_file_size: u64,
) -> Result<std::result::Result<prost_types::FileDescriptorProto, Vec<Diagnostic>>> {
    let bytes = crate::input::read_bounded(path, max_file_size)
        .map_err(|e| Error::msg(e.message("--previous", path, max_file_size)))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::msg(format!("--previous {}: not UTF-8", escape_path(path))))?;
    let workspace = Workspace {
        origin: format!("--previous {}", path.display()),
        modules: vec![Module {
            root: path.display().to_string(),
            files: vec![ProtoFile {
                name: name.to_string(),
                workspace_path: name.to_string(),
                source: Arc::new(SourceFile::new(path.display().to_string(), text)),
            }],
        }],
    };
    let built = compile::build(&workspace, &[name.to_string()], CompilerChoice::Protox)?;
    Ok(built.map(|built| {
        built
            .image
            .files
            .into_iter()
            .find(|f| !f.is_import)
            .map(|f| f.descriptor)
            .expect("the image holds the file it was built from")
    }))
}
