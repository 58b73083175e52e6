//! One input of a run: a file or stdin, read whole with a size bound.

use std::io::Read;
use std::path::PathBuf;

use crate::codes;
use crate::diagnostic::Diagnostic;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    /// Standard input, with the name `--stdin-filename` gave it.
    Stdin(Option<String>),
}

impl Input {
    pub fn display_name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin(Some(name)) => name.clone(),
            Input::Stdin(None) => "<stdin>".to_string(),
        }
    }

    /// Reads the whole input, refusing files over `max_size` bytes.
    pub fn read(&self, max_size: u64) -> Result<Vec<u8>, Box<Diagnostic>> {
        let name = self.display_name();
        let io_error = |e: std::io::Error| {
            Box::new(
                Diagnostic::new(codes::IO_ERROR, format!("cannot read {name}: {e}")).in_file(&name),
            )
        };
        let mut bytes = Vec::new();
        match self {
            Input::Stdin(_) => {
                std::io::stdin()
                    .lock()
                    .take(max_size.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .map_err(io_error)?;
            }
            Input::File(path) => {
                let file = std::fs::File::open(path).map_err(io_error)?;
                let len = file.metadata().map_err(io_error)?.len();
                if len <= max_size {
                    bytes.reserve(usize::try_from(len).unwrap_or(0));
                }
                file.take(max_size.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .map_err(io_error)?;
            }
        }
        if bytes.len() as u64 > max_size {
            let limit = if max_size >= 1024 * 1024 {
                format!("{} MiB", max_size / (1024 * 1024))
            } else {
                format!("{max_size} bytes")
            };
            return Err(Box::new(
                Diagnostic::new(
                    codes::NOT_TEXT,
                    format!("{name} is larger than the {limit} limit"),
                )
                .in_file(&name)
                .with_help("raise the limit with --max-file-size"),
            ));
        }
        Ok(bytes)
    }
}
