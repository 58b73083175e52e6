//! One input of a run: a file or stdin, read whole with a size bound.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::escape::escape_path;

use crate::codes;
use crate::diagnostic::Diagnostic;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file named on the command line: read as given, links followed.
    File(PathBuf),
    /// A file a directory walk found, read beneath the walked directory.
    Beneath(Beneath),
    /// Standard input, with the name `--stdin-filename` gave it.
    Stdin(Option<String>),
}

/// A directory whose files are read through its descriptor (cap-std:
/// `openat`, resolving each component beneath it): a symbolic link is
/// followed only while it stays inside, and that holds whatever happens
/// to the tree between the walk that checked a file and the read, since
/// nothing is looked up again by its full path.
#[derive(Debug)]
pub struct Root {
    dir: cap_std::fs::Dir,
    path: PathBuf,
}

impl Root {
    /// Opens `path` (the user named it: a link there is followed).
    pub fn open(path: &Path) -> std::io::Result<Arc<Root>> {
        let dir = cap_std::fs::Dir::open_ambient_dir(path, cap_std::ambient_authority())?;
        Ok(Arc::new(Root {
            dir,
            path: path.to_path_buf(),
        }))
    }

    /// Reads `rel` below the root, bounded like [`read_bounded`]. A path
    /// that resolves outside the root (through a symbolic link, whenever
    /// it was put there) is an error saying so; cap-std refuses to follow it.
    /// Only regular files are read: a path the walk saw as a file may be a
    /// FIFO by now, and a `buf.yaml` or an import may be one from the start;
    /// opening without blocking means no run waits for a writer.
    pub fn read(&self, rel: &Path, max_size: u64) -> Result<Vec<u8>, ReadError> {
        let mut options = cap_std::fs::OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        cap_std::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
        match self.dir.open_with(rel, &options) {
            Ok(file) => {
                let file = file.into_std();
                let meta = file.metadata().map_err(ReadError::Io)?;
                if !meta.is_file() && !meta.is_dir() {
                    return Err(ReadError::Io(std::io::Error::other(
                        "it is no regular file (a FIFO, socket or device): not read",
                    )));
                }
                read_described(file, &meta, max_size)
            }
            // cap-std's words for a resolution that would leave the root.
            Err(e) if e.to_string() == "a path led outside of the filesystem" => {
                Err(ReadError::Io(std::io::Error::other(format!(
                    "it leads out of {} (through a symbolic link): not read",
                    escape_path(&self.path)
                ))))
            }
            Err(e) => Err(ReadError::Io(e)),
        }
    }

    /// [`Root::read`] for a UTF-8 text file.
    pub fn read_text(&self, rel: &Path, max_size: u64) -> Result<String, ReadError> {
        into_text(self.read(rel, max_size)?)
    }
}

/// A file below a [`Root`]: its path as shown, and the part below the root.
#[derive(Debug, Clone)]
pub struct Beneath {
    root: Arc<Root>,
    path: PathBuf,
    rel: PathBuf,
}

impl Beneath {
    /// `path` as the walk found it under `root_path`; `None` when it is not
    /// below it.
    pub fn new(root: &Arc<Root>, root_path: &Path, path: PathBuf) -> Option<Beneath> {
        let rel = path.strip_prefix(root_path).ok()?.to_path_buf();
        Some(Beneath {
            root: Arc::clone(root),
            path,
            rel,
        })
    }
}

/// One file is one file, whichever descriptor reads it.
impl PartialEq for Beneath {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

impl Eq for Beneath {}

impl Input {
    pub fn display_name(&self) -> String {
        match self {
            Input::File(p) | Input::Beneath(Beneath { path: p, .. }) => p.display().to_string(),
            Input::Stdin(Some(name)) => name.clone(),
            Input::Stdin(None) => "<stdin>".to_string(),
        }
    }

    /// The file's path (none for stdin).
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::File(p) | Input::Beneath(Beneath { path: p, .. }) => Some(p),
            Input::Stdin(_) => None,
        }
    }

    /// Reads the whole input, refusing inputs over `max_size` bytes
    /// (a regular file before reading any of it, a stream or device once
    /// it has given more than that).
    pub fn read(&self, max_size: u64) -> Result<Vec<u8>, Box<Diagnostic>> {
        let name = self.display_name();
        self.read_bytes(max_size).map_err(|e| {
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

impl Input {
    /// [`Input::read`], with the reason it failed.
    fn read_bytes(&self, max_size: u64) -> Result<Vec<u8>, ReadError> {
        match self {
            Input::Stdin(_) => read_stream(std::io::stdin().lock(), max_size),
            Input::File(path) => read_bounded(path, max_size),
            Input::Beneath(file) => file.root.read(&file.rel, max_size),
        }
    }

    /// Reads the whole input as UTF-8 text, bounded as [`Input::read`].
    pub fn read_text(&self, max_size: u64) -> Result<String, ReadError> {
        into_text(self.read_bytes(max_size)?)
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
    /// Whether there is no file to read there (nothing, or a directory).
    pub fn is_no_file(&self) -> bool {
        matches!(self, ReadError::Io(e) if matches!(
            e.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::IsADirectory
        ))
    }

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
    read_open(std::fs::File::open(path).map_err(ReadError::Io)?, max_size)
}

/// [`read_bounded`] for a file already open.
fn read_open(file: std::fs::File, max_size: u64) -> Result<Vec<u8>, ReadError> {
    let meta = file.metadata().map_err(ReadError::Io)?;
    read_described(file, &meta, max_size)
}

/// [`read_open`] when the file's metadata is at hand (one `fstat` a file).
fn read_described(
    file: std::fs::File,
    meta: &std::fs::Metadata,
    max_size: u64,
) -> Result<Vec<u8>, ReadError> {
    if meta.is_dir() {
        return Err(ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a directory",
        )));
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
    into_text(read_bounded(path, max_size)?)
}

fn into_text(bytes: Vec<u8>) -> Result<String, ReadError> {
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
