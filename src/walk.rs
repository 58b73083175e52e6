//! Turning command-line paths into inputs: files as given, directories
//! walked recursively (respecting .gitignore, like ripgrep), `-` for stdin.
//! The list is sorted so output order never depends on the file system.

use std::path::{Path, PathBuf};

use ignore::overrides::{Override, OverrideBuilder};

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::escape::{escape_control, escape_path};
use crate::input::{Beneath, Input, Root};
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
        print_notes(&self.skipped);
    }
}

/// Prints notes on what a walk left out on purpose to stderr.
pub fn print_notes(notes: &[String]) {
    for note in notes {
        eprintln!("note: {note}");
    }
}

/// Extensions picked up when walking a directory. Files named explicitly
/// are read whatever their extension.
const EXTENSIONS: &[&str] = &["yaml", "yml", "json"];

#[derive(Debug, Default)]
pub struct WalkOptions<'a> {
    pub excludes: &'a [String],
    /// Respect .gitignore/.ignore and skip hidden files.
    pub respect_ignore: bool,
    /// Excludes apply to files named on the command line too, as ruff's
    /// `--force-exclude` does: pre-commit passes every staged file by name.
    pub force_exclude: bool,
    /// What stdin is called in reports and matched against excludes.
    pub stdin_name: Option<&'a str>,
    /// Also follow symbolic links whose target lies outside the walked
    /// directory (by default they are skipped, with a note).
    pub follow_symlinks: bool,
    /// The run's output files: a walk never picks them up (last run's
    /// report is not an input), and naming one as an input is an error.
    pub outputs: &'a [FileId],
}

/// The `--exclude` globs, with gitignore semantics as ripgrep's `-g '!GLOB'`
/// gives them (they are `ignore` overrides): a glob without a slash
/// matches a name at any depth, one with a slash is anchored to the
/// working directory, a trailing slash matches directories only, and an
/// excluded directory excludes everything below it. Also matched against
/// paths read from git trees by `diff`.
pub struct Excludes {
    overrides: Override,
}

impl Excludes {
    pub fn new(patterns: &[String]) -> Result<Self, String> {
        let root = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let mut builder = OverrideBuilder::new(root);
        for pattern in patterns {
            builder.add(&format!("!{pattern}")).map_err(|e| {
                format!("invalid --exclude glob `{}`: {e}", escape_control(pattern))
            })?;
        }
        let overrides = builder.build().map_err(|e| e.to_string())?;
        Ok(Excludes { overrides })
    }

    /// Whether the path, or a directory it is in, is excluded. A walk
    /// prunes excluded directories itself; this is for paths that reach
    /// the tool without a walk (named files, stdin's name, git trees).
    pub fn matches(&self, path: &Path, is_dir: bool) -> bool {
        if self.overrides.is_empty() {
            return false;
        }
        let path = path.strip_prefix("./").unwrap_or(path);
        self.overrides.matched(path, is_dir).is_ignore()
            || path
                .ancestors()
                .skip(1)
                .take_while(|dir| !dir.as_os_str().is_empty())
                .any(|dir| self.overrides.matched(dir, true).is_ignore())
    }
}

/// Expands paths into inputs. A path that cannot be read (missing,
/// permissions, loops inside a walk) becomes a diagnostic and the other
/// paths are still expanded; only a bad exclude glob is an `Err`.
///
/// The result does not depend on the order of `paths`: inputs are sorted,
/// and a file named twice (or named and inside a directory also named) is
/// read once.
pub fn collect(paths: &[String], options: &WalkOptions) -> Result<Walked, String> {
    let excludes = Excludes::new(options.excludes)?;
    let mut walked = Walked::default();
    for raw in paths {
        if raw == "-" {
            let name = options.stdin_name.map(str::to_string);
            let skip = options.force_exclude
                && name
                    .as_deref()
                    .is_some_and(|n| excludes.matches(Path::new(n), false));
            if !skip {
                walked.inputs.push(Input::Stdin(name));
            }
            continue;
        }
        let path = Path::new(raw);
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                walked.errors.push(cannot_read(raw, &e));
                continue;
            }
        };
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
            if !(options.force_exclude && excludes.matches(path, false)) {
                walked.inputs.push(Input::File(path.to_path_buf()));
            }
            continue;
        }
        let tree = walk_dir(
            path,
            &DirFilters {
                overrides: Some(&excludes.overrides),
                respect_ignore: options.respect_ignore,
                follow_symlinks: options.follow_symlinks,
                pick: is_rule_file_name,
                leave_out: options.outputs,
            },
        );
        walked.errors.extend(
            tree.errors
                .into_iter()
                .map(|message| Diagnostic::new(codes::IO_ERROR, message).in_file(raw.as_str())),
        );
        walked.inputs.extend(tree.files);
        walked.skipped.extend(tree.skipped);
    }
    walked.inputs = in_stable_order(walked.inputs);
    walked.errors.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(walked)
}

/// How [`walk_dir`] walks one directory.
pub struct DirFilters<'a> {
    /// `--exclude` globs (ignore overrides); excluded directories are not
    /// descended into.
    pub overrides: Option<&'a Override>,
    /// Respect .gitignore/.ignore and skip hidden files.
    pub respect_ignore: bool,
    /// Also follow symbolic links whose target lies outside the directory.
    pub follow_symlinks: bool,
    /// Which regular files the walk yields.
    pub pick: fn(&Path) -> bool,
    /// Files never yielded (the run's outputs).
    pub leave_out: &'a [FileId],
}

/// What one directory walk found.
#[derive(Debug, Default)]
pub struct DirFiles {
    /// The files picked, sorted, each read beneath the directory.
    pub files: Vec<Input>,
    /// Why parts of the tree could not be walked (OS0001 messages).
    pub errors: Vec<String>,
    /// Notes on symbolic links left out because they lead out of the tree.
    pub skipped: Vec<String>,
}

/// Walks the directory `path` (the user named it: a link there is
/// followed). Below it, a symbolic link is followed only while its target
/// stays inside the directory (unless `follow_symlinks`); one leading out
/// is skipped with a note naming `--follow-symlinks`. Every file the walk
/// yields is then read beneath the directory's descriptor, so the check
/// holds when the file is read: a file or directory swapped for a link
/// in between is not read through it. The input walk and `--schema-dir`
/// both walk through here.
pub fn walk_dir(path: &Path, filters: &DirFilters) -> DirFiles {
    let mut tree = DirFiles::default();
    let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let follow_all = filters.follow_symlinks;
    let skipped = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let skipped_in_filter = std::sync::Arc::clone(&skipped);
    let mut builder = ignore::WalkBuilder::new(path);
    builder
        .standard_filters(filters.respect_ignore)
        .require_git(false)
        .follow_links(true);
    if let Some(overrides) = filters.overrides {
        builder.overrides(overrides.clone());
    }
    let walker = builder
        .filter_entry(move |e| {
            if e.depth() == 0 || follow_all || !e.path_is_symlink() {
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
    let mut found = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let p = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file()) && (filters.pick)(p) {
                    found.push(p.to_path_buf());
                }
            }
            // A link to nothing where the walk would read no file (a
            // `notes.txt`, a directory name) is a note: it cannot hide a
            // rule, and it must not fail the run. One named like a rule
            // file stays an error.
            Err(err) => match dangling_link(&err) {
                Some(link) if !(filters.pick)(&link) => tree.skipped.push(format!(
                    "skipped {}: a symbolic link to a missing file",
                    escape_path(&link)
                )),
                _ => tree.errors.push(walk_error_message(&err)),
            },
        }
    }
    found.sort();
    if !filters.leave_out.is_empty() {
        found.retain(|p| FileId::of(p).is_none_or(|id| !filters.leave_out.contains(&id)));
    }
    // What the walk checked, the read keeps: files are opened beneath
    // the walked directory, so a link (or a directory swapped for one
    // since) cannot lead a read out of it.
    let root = match Root::open(path) {
        _ if follow_all => None,
        Ok(root) => Some(root),
        Err(e) => {
            tree.errors
                .push(format!("cannot read {}: {e}", escape_path(path)));
            found.clear();
            None
        }
    };
    tree.files = found
        .into_iter()
        .map(|p| match &root {
            // The walker yields paths below `path`, so `new` always succeeds.
            Some(root) => {
                Beneath::new(root, path, p.clone()).map_or(Input::File(p), Input::Beneath)
            }
            None => Input::File(p),
        })
        .collect();
    if let Ok(mut list) = skipped.lock() {
        list.sort();
        tree.skipped.append(&mut list);
    }
    tree
}

/// Sorts inputs by path (stdin first) and drops repeats. Paths are
/// compared made absolute but not resolved (no file system access, no
/// symlink following), so `a.yaml`, `./a.yaml` and `dir/a.yaml` given
/// with `dir` are one file.
fn in_stable_order(inputs: Vec<Input>) -> Vec<Input> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut keyed: Vec<(Option<PathBuf>, Input)> = inputs
        .into_iter()
        .map(|input| {
            // `components` drops `.` segments and repeated separators.
            let key: Option<PathBuf> = input.path().map(|p| cwd.join(p).components().collect());
            (key, input)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    keyed.into_iter().map(|(_, input)| input).collect()
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

/// OS0001 for a path named on the command line.
fn cannot_read(raw: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        codes::IO_ERROR,
        format!("cannot read {}: {e}", escape_control(raw)),
    )
    .in_file(raw)
}

/// The symbolic link a walk error is about, when it is one whose target
/// does not exist.
fn dangling_link(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, err }
            if err
                .io_error()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
                && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) =>
        {
            Some(path.clone())
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            dangling_link(err)
        }
        _ => None,
    }
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
    fn missing_paths_are_diagnostics_and_the_rest_is_still_walked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "a: 1").unwrap();
        let here = dir.path().join("a.yaml").display().to_string();
        let walked = collect(
            &["/definitely/not/here".to_string(), here],
            &WalkOptions::default(),
        )
        .unwrap();
        assert_eq!(walked.inputs.len(), 1);
        assert_eq!(walked.errors.len(), 1);
        assert_eq!(walked.errors[0].code, codes::IO_ERROR);
        assert_eq!(walked.errors[0].file, "/definitely/not/here");
    }

    #[test]
    fn repeated_paths_are_read_once_in_an_order_independent_of_the_arguments() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["a.yaml", "sub/b.yaml"] {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "a: 1").unwrap();
        }
        let at = |rel: &str| dir.path().join(rel).display().to_string();
        let names = |paths: &[String]| -> Vec<String> {
            collect(paths, &WalkOptions::default())
                .unwrap()
                .inputs
                .iter()
                .map(|i| i.display_name())
                .collect()
        };
        let forward = names(&[at("a.yaml"), at("sub"), at("sub/b.yaml"), at("a.yaml")]);
        let backward = names(&[at("sub/./b.yaml"), at("a.yaml"), at("sub")]);
        assert_eq!(forward.len(), 2, "{forward:?}");
        assert_eq!(backward.len(), 2, "{backward:?}");
        assert!(forward[0].ends_with("a.yaml") && forward[1].ends_with("b.yaml"));
        assert!(backward[0].ends_with("a.yaml") && backward[1].ends_with("b.yaml"));
    }

    #[test]
    fn force_exclude_applies_excludes_to_named_files_and_stdin() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("vendor.yaml");
        std::fs::write(&file, "a: 1").unwrap();
        let excludes = ["vendor.yaml".to_string()];
        let paths = [file.display().to_string(), "-".to_string()];
        let mut options = WalkOptions {
            excludes: &excludes,
            stdin_name: Some("deploy/vendor.yaml"),
            ..WalkOptions::default()
        };
        assert_eq!(collect(&paths, &options).unwrap().inputs.len(), 2);
        options.force_exclude = true;
        assert!(collect(&paths, &options).unwrap().inputs.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn dangling_links_are_errors_only_where_a_rule_file_would_be() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "a: 1").unwrap();
        std::os::unix::fs::symlink("missing.txt", dir.path().join("notes.txt")).unwrap();
        std::os::unix::fs::symlink("missing", dir.path().join("rules")).unwrap();
        std::os::unix::fs::symlink("missing.yaml", dir.path().join("b.yaml")).unwrap();
        let walked = collect(&[dir.path().display().to_string()], &WalkOptions::default()).unwrap();
        assert_eq!(walked.inputs.len(), 1);
        assert_eq!(walked.errors.len(), 1, "{:?}", walked.errors);
        assert!(
            walked.errors[0].message.contains("b.yaml"),
            "{:?}",
            walked.errors
        );
        for link in ["notes.txt", "rules"] {
            assert!(
                walked
                    .skipped
                    .iter()
                    .any(|n| n.contains(link) && n.contains("missing file")),
                "{link}: {:?}",
                walked.skipped
            );
        }
    }

    #[test]
    fn excludes_have_gitignore_semantics() {
        let excludes = Excludes::new(&[
            "vendor".to_string(),
            "rules/legacy/*.yaml".to_string(),
            "build/".to_string(),
        ])
        .unwrap();
        // A name without a slash matches at any depth, and below it.
        assert!(excludes.matches(Path::new("vendor"), true));
        assert!(excludes.matches(Path::new("a/b/vendor/x.yaml"), false));
        assert!(excludes.matches(Path::new("./vendor/x.yaml"), false));
        assert!(!excludes.matches(Path::new("vendors/x.yaml"), false));
        // A glob with a slash is anchored to the working directory.
        assert!(excludes.matches(Path::new("rules/legacy/old.yaml"), false));
        assert!(!excludes.matches(Path::new("x/rules/legacy/old.yaml"), false));
        // A trailing slash matches directories only.
        assert!(excludes.matches(Path::new("build/out.yaml"), false));
        assert!(!excludes.matches(Path::new("build"), false));
        assert!(
            !Excludes::new(&[])
                .unwrap()
                .matches(Path::new("x.yaml"), false)
        );
        let bad = Excludes::new(&["a[".to_string()]).err().unwrap();
        assert!(bad.contains("invalid --exclude glob `a[`"), "{bad}");
    }
}
