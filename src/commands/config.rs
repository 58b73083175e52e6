//! `opensergo config`: write a default opensergo.yaml, show the effective one.

use crate::cli::ConfigCommand;
use crate::config::{Config, DEFAULT_CONFIG};
use crate::escape::escape_path;
use crate::output;

pub fn run(command: &ConfigCommand, config: &Config) -> Result<u8, String> {
    match command {
        ConfigCommand::Init { path, force } => {
            // `symlink_metadata`: a dangling symbolic link exists too.
            if let Ok(meta) = std::fs::symlink_metadata(path) {
                let dangling = meta.file_type().is_symlink() && std::fs::metadata(path).is_err();
                if !force {
                    return Err(if dangling {
                        format!(
                            "{} already exists as a symbolic link to a missing file (use --force to replace the link)",
                            escape_path(path)
                        )
                    } else {
                        format!(
                            "{} already exists (use --force to replace it)",
                            escape_path(path)
                        )
                    });
                }
                if dangling {
                    // Replace the link itself: never create a file wherever
                    // a dangling link points.
                    std::fs::remove_file(path)
                        .map_err(|e| format!("cannot replace {}: {e}", escape_path(path)))?;
                }
            }
            output::write_file(path, DEFAULT_CONFIG.as_bytes())?;
            eprintln!("wrote {}", escape_path(path));
        }
        ConfigCommand::Show => output::print_stdout(config.to_yaml().as_bytes())?,
    }
    Ok(0)
}
