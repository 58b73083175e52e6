//! Arguments of `opensergo convert` and `opensergo proto`.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Files to convert (`-` reads stdin).
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ProtoCommand {
    /// Write the OpenSergo .proto files to a directory.
    Export {
        #[arg(value_name = "DIR")]
        dir: std::path::PathBuf,
    },
}
