//! `opensergo config`: write a default opensergo.yaml, show the effective one.

use std::path::PathBuf;

use clap::Subcommand;

use crate::config::{Config, DEFAULT_CONFIG};
use crate::error::{Error, ExitStatus, Result};
use crate::escape::escape_path;
use crate::output;
use anyhow::bail;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Write a commented default opensergo.yaml.
    Init {
        /// Where to write it.
        #[arg(value_name = "FILE", default_value = "opensergo.yaml")]
        path: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Print the effective configuration.
    Show {
        /// Refuse a configuration file larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
    },
}

pub fn run(command: &ConfigCommand, config: &Config) -> Result<ExitStatus> {
    match command {
        ConfigCommand::Init { path, force } => {
            // `symlink_metadata`: a dangling symbolic link exists too.
            if let Ok(meta) = std::fs::symlink_metadata(path) {
                let dangling = meta.file_type().is_symlink() && std::fs::metadata(path).is_err();
                if !force {
                    if dangling {
                        bail!(
                            "{} already exists as a symbolic link to a missing file (use --force to replace the link)",
                            escape_path(path)
                        );
                    }
                    bail!(
                        "{} already exists (use --force to replace it)",
                        escape_path(path)
                    );
                }
                if dangling {
                    // Replace the link itself: never create a file wherever
                    // a dangling link points.
                    std::fs::remove_file(path).map_err(|e| {
                        Error::msg(format!("cannot replace {}: {e}", escape_path(path)))
                    })?;
                }
            }
            output::write_file(path, DEFAULT_CONFIG.as_bytes()).map_err(Error::msg)?;
            eprintln!("wrote {}", escape_path(path));
        }
        ConfigCommand::Show { .. } => {
            output::print_stdout(config.to_yaml().as_bytes()).map_err(Error::msg)?;
        }
    }
    Ok(ExitStatus::Success)
}
