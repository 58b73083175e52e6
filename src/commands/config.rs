//! `opensergo config`: write a default opensergo.yaml, show the effective one.

use crate::cli::ConfigCommand;
use crate::config::{Config, DEFAULT_CONFIG};
use crate::output;

pub fn run(command: &ConfigCommand, config: &Config) -> Result<u8, String> {
    match command {
        ConfigCommand::Init { path, force } => {
            if path.exists() && !force {
                return Err(format!(
                    "{} already exists (use --force to replace it)",
                    path.display()
                ));
            }
            output::write_atomic(path, DEFAULT_CONFIG.as_bytes())?;
            eprintln!("wrote {}", path.display());
        }
        ConfigCommand::Show => output::print_stdout(config.to_yaml().as_bytes())?,
    }
    Ok(0)
}
