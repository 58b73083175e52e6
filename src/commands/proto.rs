//! `opensergo proto`: the OpenSergo .proto definitions.

use crate::cli::ProtoCommand;
use crate::convert::descriptors;
use crate::error::{Error, ExitStatus, Result};
use crate::output;

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
