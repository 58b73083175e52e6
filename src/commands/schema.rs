//! `opensergo schema`: list kinds, export the embedded schemas, convert CRDs.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::document::{self, Document};
use crate::error::{Error, ExitStatus, Result};
use crate::escape::{escape_control, escape_path};
use crate::input::Input;
use crate::kinds::{KINDS, SUPERSEDED, SchemaOrigin};
use crate::output;
use crate::schema::crd_to_schemas;

#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// List every kind the tool knows, with its schema origin.
    List,
    /// Write the embedded JSON Schemas to a directory.
    Export {
        /// Directory to write `<group>/<version>/<Kind>.json` into (created
        /// if missing).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Convert CustomResourceDefinition files to JSON Schema files
    /// (`<group>/<version>/<Kind>.json` under --out-dir).
    FromCrd {
        /// CustomResourceDefinition files (any number of CRDs each).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Directory to write the schemas into (created if missing).
        #[arg(long, short = 'o', value_name = "DIR")]
        out_dir: PathBuf,
    },
    /// A JSON Schema or a CRD for a proto message, following the proto3
    /// JSON mapping.
    FromProto(super::schemagen::FromProtoArgs),
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
        SchemaCommand::Export { dir } => {
            let mut batch = output::Batch::new(dir).map_err(Error::msg)?;
            for k in KINDS {
                batch
                    .stage(Path::new(&k.schema_path()), k.schema.as_bytes())
                    .map_err(Error::msg)?;
            }
            let written = batch.commit().map_err(Error::msg)?;
            eprintln!("wrote {} schemas to {}", written.len(), escape_path(dir));
        }
        SchemaCommand::FromCrd { files, out_dir } => {
            let written = from_crd(files, out_dir).map_err(Error::msg)?;
            for path in written {
                eprintln!("wrote {}", escape_path(&path));
            }
        }
    }
    Ok(ExitStatus::Success)
}

/// Converts CRD files and writes one schema per (kind, version), at
/// `<group>/<version>/<Kind>.json` below `out_dir`. The three names come
/// from the CRD: each must be a plain file name (no `..`, `/`, control
/// characters), and nothing is written through a symbolic link planted
/// below `out_dir`.
pub fn from_crd(files: &[PathBuf], out_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut inputs = Vec::new();
    for file in files {
        inputs.extend(output::FileId::of(file));
        let loaded =
            document::load_source(&Input::File(file.clone()), document::DEFAULT_MAX_FILE_SIZE);
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
