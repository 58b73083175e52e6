//! Turning command-line paths into inputs: files as given, directories
//! walked recursively (respecting .gitignore, like ripgrep), `-` for stdin.
//! The list is sorted so output order never depends on the file system.

use std::io::Read;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::diagnostic::{Diagnostic, codes};
use crate::escape::{escape_control, escape_path};
use crate::output::FileId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    pub fn display_name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        }
    }

    /// Reads the whole input, refusing inputs over `max_size` bytes
    /// (a regular file before reading any of it, a stream or device once
    /// it has given more than that).
    pub fn read(&self, max_size: u64) -> Result<Vec<u8>, Box<Diagnostic>> {
        let name = self.display_name();
        let result = match self {
            Input::Stdin => read_stream(std::io::stdin().lock(), max_size),
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
    let mut bytes = Vec::new();
    if meta.is_file() {
        bytes.reserve(usize::try_from(meta.len()).unwrap_or(0));
    }
    let bytes = read_into(file, max_size, bytes)?;
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

/// Inputs found for a run, and paths that could not be walked.
#[derive(Debug, Default)]
pub struct Walked {
    pub inputs: Vec<Input>,
    pub errors: Vec<Diagnostic>,
    /// Notes on what a walk left out on purpose (symbolic links leading
    /// out of the walked directory), for stderr.
    pub skipped: Vec<String>,
}

impl Walked {
    /// Prints the notes on skipped paths to stderr.
    pub fn print_skipped(&self) {
        for note in &self.skipped {
            eprintln!("note: {note}");
        }
    }
}

/// Extensions picked up when walking a directory. Files named explicitly
/// are read whatever their extension.
const EXTENSIONS: &[&str] = &["yaml", "yml", "json"];

#[derive(Default)]
pub struct WalkOptions<'a> {
    pub excludes: &'a [String],
    /// Respect .gitignore/.ignore and skip hidden files.
    pub respect_ignore: bool,
    /// Also follow symbolic links whose target lies outside the walked
    /// directory (by default they are skipped, with a note).
    pub follow_symlinks: bool,
    /// The run's output files: a walk never picks them up (last run's
    /// report is not an input), and naming one as an input is an error.
    pub outputs: &'a [FileId],
}

fn exclude_set(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| format!("invalid --exclude glob `{p}`: {e}"))?;
        builder.add(glob);
        // `vendor` should also exclude everything below it.
        if !p.contains('*') {
            builder.add(
                Glob::new(&format!("{}/**", p.trim_end_matches('/'))).map_err(|e| e.to_string())?,
            );
        }
    }
    builder.build().map_err(|e| e.to_string())
}

fn excluded(set: &GlobSet, path: &Path) -> bool {
    let rel = path.strip_prefix("./").unwrap_or(path);
    set.is_match(rel) || path.file_name().is_some_and(|n| set.is_match(n))
}

/// Expands paths into inputs. A path that does not exist is a usage
/// error (`Err`); problems inside a walk (loops, permissions) become
/// diagnostics and the walk goes on.
pub fn collect(paths: &[String], options: &WalkOptions) -> Result<Walked, String> {
    let excludes = exclude_set(options.excludes)?;
    let mut walked = Walked::default();
    let mut stdin_seen = false;
    for raw in paths {
        if raw == "-" {
            if !stdin_seen {
                walked.inputs.push(Input::Stdin);
                stdin_seen = true;
            }
            continue;
        }
        let path = Path::new(raw);
        let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", escape_control(raw)))?;
        if !meta.is_dir() {
            // Named on the command line: read as given, links followed.
            if !options.outputs.is_empty()
                && FileId::of(path).is_some_and(|id| options.outputs.contains(&id))
            {
                return Err(format!(
                    "{} is both an input and an output of this run: refusing to overwrite it",
                    escape_control(raw)
                ));
            }
            walked.inputs.push(Input::File(path.to_path_buf()));
            continue;
        }
        let mut found = Vec::new();
        let prune = excludes.clone();
        // Symbolic links are followed only while they stay inside the
        // walked directory (unless --follow-symlinks).
        let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let follow_all = options.follow_symlinks;
        let skipped = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let skipped_in_filter = std::sync::Arc::clone(&skipped);
        let walker = ignore::WalkBuilder::new(path)
            .standard_filters(options.respect_ignore)
            .require_git(false)
            .follow_links(true)
            // Excluded directories are not descended into at all.
            .filter_entry(move |e| {
                if e.depth() == 0 {
                    return true;
                }
                if excluded(&prune, e.path()) {
                    return false;
                }
                if follow_all || !e.path_is_symlink() {
                    return true;
                }
                let note = match std::fs::canonicalize(e.path()) {
                    Ok(target) if target.starts_with(&root) => return true,
                    Ok(target) => format!(
                        "skipped {}: a symbolic link to {}, outside {} (--follow-symlinks follows it)",
                        escape_path(e.path()),
                        escape_path(&target),
                        escape_path(&root)
                    ),
                    Err(_) => format!(
                        "skipped {}: a symbolic link to a missing file",
                        escape_path(e.path())
                    ),
                };
                if let Ok(mut list) = skipped_in_filter.lock() {
                    list.push(note);
                }
                false
            })
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    walked.errors.push(
                        Diagnostic::new(codes::IO_ERROR, walk_error_message(&err))
                            .in_file(raw.as_str()),
                    );
                    continue;
                }
            };
            let p = entry.path();
            if entry.file_type().is_some_and(|t| t.is_file())
                && !is_project_config(p)
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                found.push(p.to_path_buf());
            }
        }
        found.sort();
        if !options.outputs.is_empty() {
            found.retain(|p| FileId::of(p).is_none_or(|id| !options.outputs.contains(&id)));
        }
        walked.inputs.extend(found.into_iter().map(Input::File));
        if let Ok(mut list) = skipped.lock() {
            list.sort();
            walked.skipped.append(&mut list);
        }
    }
    Ok(walked)
}

/// The project's own opensergo.yaml is configuration, not a rule file.
fn is_project_config(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| crate::config::FILE_NAMES.contains(&n))
}

fn walk_error_message(err: &ignore::Error) -> String {
    let text = err.to_string();
    if text.contains("loop") {
        format!("symbolic link loop skipped: {text}")
    } else {
        format!("cannot walk: {text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_yaml_sorted_and_excludes() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.yaml", "a.yml", "c.json", "d.txt", "skip/e.yaml"] {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "a: 1").unwrap();
        }
        let root = dir.path().display().to_string();
        let walked = collect(
            std::slice::from_ref(&root),
            &WalkOptions {
                excludes: &["**/skip".to_string()],
                respect_ignore: true,
                ..WalkOptions::default()
            },
        )
        .unwrap();
        let names: Vec<_> = walked
            .inputs
            .iter()
            .map(|i| i.display_name().rsplit('/').next().unwrap().to_string())
            .collect();
        assert_eq!(names, ["a.yml", "b.yaml", "c.json"]);
    }

    #[test]
    fn missing_paths_are_usage_errors() {
        let err = collect(
            &["/definitely/not/here".to_string()],
            &WalkOptions {
                respect_ignore: true,
                ..WalkOptions::default()
            },
        )
        .unwrap_err();
        assert!(err.contains("/definitely/not/here"));
    }
}
