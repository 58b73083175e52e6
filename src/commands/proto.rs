//! `opensergo proto`: the OpenSergo .proto definitions.

use std::path::PathBuf;

use clap::Subcommand;

use crate::convert::descriptors;
use crate::error::{Error, ExitStatus, Result};
use crate::output;

#[derive(Debug, Subcommand)]
pub enum ProtoCommand {
    /// Write the OpenSergo .proto files (the ones `convert` uses) to a directory,
    /// for generating SDK stubs.
    Export {
        /// The directory to write into (created if missing); it becomes the
        /// include root (`protoc -I DIR`).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

pub fn run(command: &ProtoCommand) -> Result<ExitStatus> {
    match command {
        ProtoCommand::Export { dir } => {
            let files: Vec<_> = descriptors::proto_sources()
                .iter()
                .map(|(path, text)| (dir.join(path), text.as_bytes().to_vec()))
                .collect();
            output::write_all_atomic(&files).map_err(Error::msg)?;
            eprintln!(
                "wrote {} files to {} (include root for protoc: -I {})",
                files.len(),
                dir.display(),
                dir.display()
            );
            Ok(ExitStatus::Success)
        }
    }
}
