//! `opensergo schema`: list kinds, export the embedded schemas, convert CRDs.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::crd;
use crate::document::{self, Document};
use crate::error::{Error, ExitStatus, Result};
use crate::escape::{escape_control, escape_path};
use crate::input::Input;
use crate::kinds::{KINDS, KindInfo, SUPERSEDED, SchemaOrigin};
use crate::output;
use crate::schema::crd_to_schemas;

#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// List every kind the tool knows, with its schema origin.
    List,
    /// Write the kinds' schemas to a directory: the embedded JSON Schemas,
    /// installable CustomResourceDefinitions, or one OpenAPI 3 document.
    Export {
        /// Directory to write into (created if missing): json-schema writes
        /// `<group>/<version>/<Kind>.json`, crd `<group>_<plural>.yaml`
        /// (for `kubectl apply -f DIR`), openapi `openapi.json`; `-` writes
        /// to stdout (CRDs as one YAML stream).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Only these kinds (repeatable or comma-separated; any case);
        /// default: every kind `opensergo schema list` prints.
        #[arg(long, value_name = "KIND", value_delimiter = ',', ignore_case = true,
              value_parser = clap::builder::PossibleValuesParser::new(KINDS.iter().map(|k| k.kind)),
              hide_possible_values = true)]
        kind: Vec<String>,
        /// What to write.
        #[arg(long, value_enum, default_value_t = ExportFormat::JsonSchema)]
        format: ExportFormat,
    },
    /// Convert CustomResourceDefinition files to JSON Schema files
    /// (`<group>/<version>/<Kind>.json` under --output).
    FromCrd {
        /// CustomResourceDefinition files (any number of CRDs each).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Directory to write the schemas into (created if missing).
        #[arg(
            long = "output",
            short = 'o',
            visible_alias = "out-dir",
            value_name = "DIR"
        )]
        out_dir: PathBuf,
        /// Refuse CRD files larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = document::DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
    },
    /// A JSON Schema or a CRD for a proto message, following the proto3
    /// JSON mapping.
    FromProto(super::schemagen::FromProtoArgs),
}

/// What `schema export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The embedded JSON Schemas (draft 2020-12), as `validate` uses them.
    JsonSchema,
    /// One apiextensions.k8s.io/v1 CustomResourceDefinition per kind.
    Crd,
    /// One OpenAPI 3.0 document, every kind under components.schemas.
    Openapi,
}

pub fn run(command: &SchemaCommand) -> Result<ExitStatus> {
    match command {
        SchemaCommand::FromProto(args) => {
            return super::schemagen::from_proto(args, super::ColorChoice::Auto);
        }
        SchemaCommand::List => {
            let mut text = format!("{:<38} {:<36} {}\n", "API VERSION", "KIND", "SCHEMA");
            for k in KINDS {
                let origin = match k.origin {
                    SchemaOrigin::Crd => "published CRD",
                    SchemaOrigin::Spec => "spec (no CRD published)",
                };
                text.push_str(&format!(
                    "{:<38} {:<36} {origin}\n",
                    k.api_version(),
                    k.kind
                ));
            }
            for s in SUPERSEDED {
                text.push_str(&format!(
                    "{:<38} {:<36} superseded by {}\n",
                    format!("{}/*", s.group),
                    s.kind,
                    s.replaced_by
                ));
            }
            output::print_stdout(text.as_bytes()).map_err(Error::msg)?;
        }
        SchemaCommand::Export { dir, kind, format } => {
            let files = export(&selected_kinds(kind), *format).map_err(Error::msg)?;
            if dir.as_os_str() == "-" {
                let stream = match (format, &files[..]) {
                    (ExportFormat::JsonSchema, [(_, one)]) => one.clone(),
                    (ExportFormat::JsonSchema, _) => anyhow::bail!(
                        "json-schema writes one file per kind: name a directory, or one --kind for stdout"
                    ),
                    // CRDs as one YAML stream, for `| kubectl apply -f -`.
                    _ => files
                        .iter()
                        .map(|(_, bytes)| bytes.as_slice())
                        .collect::<Vec<_>>()
                        .join(&b"---\n"[..]),
                };
                output::print_stdout(&stream).map_err(Error::msg)?;
                return Ok(ExitStatus::Success);
            }
            let mut batch = output::Batch::new(dir).map_err(Error::msg)?;
            for (rel, bytes) in &files {
                batch.stage(Path::new(rel), bytes).map_err(Error::msg)?;
            }
            let written = batch.commit().map_err(Error::msg)?;
            let what = match format {
                ExportFormat::JsonSchema => "JSON Schema",
                ExportFormat::Crd => "CustomResourceDefinition",
                ExportFormat::Openapi => "OpenAPI document",
            };
            let count = crate::findings::plural(written.len(), what);
            eprintln!("wrote {count} to {}", escape_path(dir));
        }
        SchemaCommand::FromCrd {
            files,
            out_dir,
            max_file_size,
        } => {
            let written = from_crd(files, out_dir, *max_file_size).map_err(Error::msg)?;
            for path in written {
                eprintln!("wrote {}", escape_path(&path));
            }
        }
    }
    Ok(ExitStatus::Success)
}

/// The kinds `--kind` names (clap has checked each against the registry,
/// ignoring case), in registry order; all of them when none.
fn selected_kinds(names: &[String]) -> Vec<&'static KindInfo> {
    KINDS
        .iter()
        .filter(|k| names.is_empty() || names.iter().any(|n| n.eq_ignore_ascii_case(k.kind)))
        .collect()
}

/// The files `schema export` writes for `kinds`: paths below the output
/// directory and contents.
pub fn export(
    kinds: &[&'static KindInfo],
    format: ExportFormat,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    match format {
        ExportFormat::JsonSchema => Ok(kinds
            .iter()
            .map(|k| (k.schema_path(), k.schema.as_bytes().to_vec()))
            .collect()),
        ExportFormat::Crd => kinds
            .iter()
            .map(|k| {
                Ok((
                    crd::file_name(k)?,
                    crd::custom_resource_definition_yaml(k)?.into_bytes(),
                ))
            })
            .collect(),
        ExportFormat::Openapi => {
            let document = crd::openapi_document(kinds)?;
            let mut text = serde_json::to_string_pretty(&document).map_err(|e| e.to_string())?;
            text.push('\n');
            Ok(vec![("openapi.json".into(), text.into_bytes())])
        }
    }
}

/// Converts CRD files and writes one schema per (kind, version), at
/// `<group>/<version>/<Kind>.json` below `out_dir`. The three names come
/// from the CRD: each must be a plain file name (no `..`, `/`, control
/// characters), and nothing is written through a symbolic link planted
/// below `out_dir`.
pub fn from_crd(
    files: &[PathBuf],
    out_dir: &Path,
    max_file_size: u64,
) -> Result<Vec<PathBuf>, String> {
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut inputs = Vec::new();
    for file in files {
        inputs.extend(output::FileId::of(file));
        let loaded = document::load_source(&Input::File(file.clone()), max_file_size);
        if let Some(err) = loaded.errors.first() {
            return Err(format!(
                "{}: {}",
                escape_path(file),
                escape_control(&err.message)
            ));
        }
        for doc in loaded.documents.iter().map(Document::to_json) {
            for c in crd_to_schemas(&doc)? {
                for (field, value) in [
                    ("spec.group", &c.group),
                    ("a version's name", &c.version),
                    ("spec.names.kind", &c.kind),
                ] {
                    output::check_component(value.as_ref()).map_err(|why| {
                        format!(
                            "{}: CRD {}: {field} `{}` cannot be used as a file name: {why}",
                            escape_path(file),
                            escape_control(&c.name),
                            escape_control(value)
                        )
                    })?;
                }
                let mut text =
                    serde_json::to_string_pretty(&c.schema).map_err(|e| e.to_string())?;
                text.push('\n');
                outputs.push((
                    PathBuf::from(format!("{}/{}/{}.json", c.group, c.version, c.kind)),
                    text.into_bytes(),
                ));
            }
        }
    }
    if outputs.is_empty() {
        return Err("no CustomResourceDefinition with a schema in the given files".into());
    }
    let mut batch = output::Batch::new(out_dir)?;
    batch.protect(&inputs);
    for (rel, bytes) in &outputs {
        batch.stage(rel, bytes)?;
    }
    batch.commit()
}
