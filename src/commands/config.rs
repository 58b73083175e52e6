//! `opensergo config`: write a default opensergo.yaml, show the effective one.

use std::path::PathBuf;

use clap::Subcommand;

use crate::config::{Config, DEFAULT_CONFIG};
use crate::error::{Error, ExitStatus, Result};
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
    Show,
}

pub fn run(command: &ConfigCommand, config: &Config) -> Result<ExitStatus> {
    match command {
        ConfigCommand::Init { path, force } => {
            if path.exists() && !force {
                bail!(
                    "{} already exists (use --force to replace it)",
                    path.display()
                );
            }
            output::write_atomic(path, DEFAULT_CONFIG.as_bytes()).map_err(Error::msg)?;
            eprintln!("wrote {}", path.display());
        }
        ConfigCommand::Show => {
            output::print_stdout(config.to_yaml().as_bytes()).map_err(Error::msg)?;
        }
    }
    Ok(ExitStatus::Success)
}
