//! One input of a run: a file or stdin, read whole with a size bound.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::escape::escape_path;

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

    /// Reads the whole input, refusing inputs over `max_size` bytes
    /// (a regular file before reading any of it, a stream or device once
    /// it has given more than that).
    pub fn read(&self, max_size: u64) -> Result<Vec<u8>, Box<Diagnostic>> {
        let name = self.display_name();
        let result = match self {
            Input::Stdin(_) => read_stream(std::io::stdin().lock(), max_size),
            Input::File(path) => read_bounded(path, max_size),
        };
        result.map_err(|e| {
            Box::new(match e {
                ReadError::Io(e) => {
                    Diagnostic::new(codes::IO_ERROR, format!("cannot read {name}: {e}"))
                        .in_file(&name)
                }
                ReadError::TooLarge => Diagnostic::new(
                    codes::NOT_TEXT,
                    format!("{name} is larger than the {} limit", limit_text(max_size)),
                )
                .in_file(&name)
                .with_help("raise the limit with --max-file-size"),
            })
        })
    }
}

/// Why a bounded read failed.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// More than the size limit.
    TooLarge,
}

impl ReadError {
    /// The message for a file read for `what` (`--config`, `--descriptor-set`).
    pub fn message(&self, what: &str, path: &Path, max_size: u64) -> String {
        match self {
            ReadError::Io(e) => format!("cannot read {what} {}: {e}", escape_path(path)),
            ReadError::TooLarge => format!(
                "{what} {} is larger than the {} limit (raise it with --max-file-size)",
                escape_path(path),
                limit_text(max_size)
            ),
        }
    }
}

/// `256 MiB`, `100 bytes`.
pub fn limit_text(max_size: u64) -> String {
    if max_size >= 1024 * 1024 && max_size.is_multiple_of(1024 * 1024) {
        format!("{} MiB", max_size / (1024 * 1024))
    } else {
        format!("{max_size} bytes")
    }
}

/// Reads a file of at most `max_size` bytes. Every file the tool reads
/// goes through here (inputs, configs, schemas, descriptor sets, .proto
/// files): a regular file over the limit is refused before any of it is
/// read, anything else (`/dev/zero`, a FIFO) is read no further than the
/// limit.
pub fn read_bounded(path: &Path, max_size: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Io(std::io::Error::other("it is a directory")));
    }
    if meta.is_file() && meta.len() > max_size {
        return Err(ReadError::TooLarge);
    }
    if meta.is_file()
        && let Ok(len) = usize::try_from(meta.len())
    {
        return read_sized(file, len, max_size);
    }
    read_into(file, max_size, Vec::new())
}

/// Reads a regular file whose size is known: the common case ends when
/// `len` bytes are in, without the extra `read` that only confirms the
/// end of the file (one syscall in five per small file). A file that
/// changes while it is read is read as far as its size said, or to where
/// it now ends.
fn read_sized(mut file: std::fs::File, len: usize, max_size: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = vec![0; len];
    let mut filled = 0;
    while filled < len {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => {
                bytes.truncate(filled);
                return Ok(bytes);
            }
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ReadError::Io(e)),
        }
    }
    if len == 0 {
        // Files in /proc and some FUSE file systems report size 0 and still
        // have content: read them as streams.
        return read_into(file, max_size, bytes);
    }
    Ok(bytes)
}

fn read_stream(reader: impl Read, max_size: u64) -> Result<Vec<u8>, ReadError> {
    read_into(reader, max_size, Vec::new())
}

fn read_into(reader: impl Read, max_size: u64, mut bytes: Vec<u8>) -> Result<Vec<u8>, ReadError> {
    reader
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max_size {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// Reads a UTF-8 text file of at most `max_size` bytes.
pub fn read_text_bounded(path: &Path, max_size: u64) -> Result<String, ReadError> {
    let bytes = read_bounded(path, max_size)?;
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })
}
