//! `opensergo schema`: list kinds, export the embedded schemas, convert CRDs.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::document::{self, Document};
use crate::error::{Error, ExitStatus, Result};
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
}

pub fn run(command: &SchemaCommand) -> Result<ExitStatus> {
    match command {
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
            let files: Vec<(PathBuf, Vec<u8>)> = KINDS
                .iter()
                .map(|k| (dir.join(k.schema_path()), k.schema.as_bytes().to_vec()))
                .collect();
            output::write_all_atomic(&files).map_err(Error::msg)?;
            eprintln!("wrote {} schemas to {}", files.len(), dir.display());
        }
        SchemaCommand::FromCrd { files, out_dir } => {
            let written = from_crd(files, out_dir).map_err(Error::msg)?;
            for path in written {
                eprintln!("wrote {}", path.display());
            }
        }
    }
    Ok(ExitStatus::Success)
}

/// Converts CRD files and writes one schema per (kind, version).
pub fn from_crd(files: &[PathBuf], out_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut outputs = Vec::new();
    for file in files {
        let loaded =
            document::load_source(&Input::File(file.clone()), document::DEFAULT_MAX_FILE_SIZE);
        if let Some(err) = loaded.errors.first() {
            return Err(format!("{}: {}", file.display(), err.message));
        }
        for doc in loaded.documents.iter().map(Document::to_json) {
            for c in crd_to_schemas(&doc)? {
                let mut text =
                    serde_json::to_string_pretty(&c.schema).map_err(|e| e.to_string())?;
                text.push('\n');
                outputs.push((
                    out_dir.join(format!("{}/{}/{}.json", c.group, c.version, c.kind)),
                    text.into_bytes(),
                ));
            }
        }
    }
    if outputs.is_empty() {
        return Err("no CustomResourceDefinition with a schema in the given files".into());
    }
    output::write_all_atomic(&outputs)?;
    Ok(outputs.into_iter().map(|(p, _)| p).collect())
}
