//! `opensergo proto`: the OpenSergo .proto definitions, and building any
//! proto workspace into an image as `buf build` does.

use std::path::PathBuf;
use std::time::Instant;

use clap::Subcommand;

use crate::commands::{ColorChoice, WorkspaceArgs, compile_workspace, plural};
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
    /// Compile a proto workspace into an image (a FileDescriptorSet with
    /// imports and source info), as `buf build` does.
    #[command(
        after_help = "The workspace is DIR's buf.yaml (v2 `modules`, v1 `build.excludes`) \
        as is, else every .proto file under DIR, else (none there) the embedded OpenSergo protos.\n\n\
        Exit codes: 0 built, 1 the .proto files do not compile, 2 usage or I/O error"
    )]
    Build(BuildArgs),
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The workspace directory.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Write the image here: `.json` for proto3 JSON, anything else binary
    /// (`.binpb`); `-` writes binary to stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub workspace: WorkspaceArgs,
}

pub fn run(command: &ProtoCommand, color: ColorChoice) -> Result<ExitStatus> {
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
        ProtoCommand::Build(args) => build(args, color),
    }
}

fn build(args: &BuildArgs, color: ColorChoice) -> Result<ExitStatus> {
    let started = Instant::now();
    let (image, compiler) = match compile_workspace(&args.dir, &args.workspace, color)? {
        Ok(built) => built,
        Err(status) => return Ok(status),
    };
    if let Some(path) = &args.output {
        let bytes = if path.extension().is_some_and(|e| e == "json") {
            image.to_json()?.into_bytes()
        } else {
            image.encode()
        };
        if path.as_os_str() == "-" {
            output::print_stdout(&bytes)
        } else {
            output::write_atomic(path, &bytes)
        }
        .map_err(Error::msg)?;
    }
    let imports = image.files.iter().filter(|f| f.is_import).count();
    eprintln!(
        "proto build: {} and {} compiled with {compiler} in {} ms",
        plural(image.files.len() - imports, "file"),
        plural(imports, "import"),
        started.elapsed().as_millis()
    );
    Ok(ExitStatus::Success)
}
