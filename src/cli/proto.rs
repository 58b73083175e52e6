//! Arguments of `opensergo proto`: the OpenSergo .proto definitions.

use std::path::PathBuf;

use clap::Subcommand;

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
