//! Turning command-line paths into inputs: files as given, directories
//! walked recursively (respecting .gitignore, like ripgrep), `-` for stdin.
//! The list is sorted so output order never depends on the file system.

use std::path::Path;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::escape::{escape_control, escape_path};
use crate::input::Input;
use crate::output::FileId;

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

/// The `--exclude` globs as one set (also matched against paths read from
/// git trees by `diff`).
pub fn exclude_set(patterns: &[String]) -> Result<GlobSet, String> {
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

/// Whether an `--exclude` glob matches the path or its file name.
pub fn excluded(set: &GlobSet, path: &Path) -> bool {
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
            if entry.file_type().is_some_and(|t| t.is_file()) && is_rule_file_name(p) {
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

/// Whether a directory walk picks this file up: a YAML or JSON extension,
/// and not the project's own opensergo.yaml (configuration, not rules).
pub fn is_rule_file_name(path: &Path) -> bool {
    let project_config = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| crate::config::FILE_NAMES.contains(&n));
    !project_config
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
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
