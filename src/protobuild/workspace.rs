//! A proto workspace: the modules (include roots) and their `.proto`
//! files, read once into memory.
//!
//! Where it comes from, first match wins: the `proto:` section of the
//! project's opensergo.yaml, when the directory is the one that file is
//! in; else a `buf.yaml` in the directory (v2 `modules`, v1
//! `build.excludes`, v1beta1 `build.roots`), taken as is so a buf user
//! switches without rewriting anything; else every `.proto` file under
//! the directory as one module; else, when there are none, the embedded
//! OpenSergo protos. Both configurations are read by one parser,
//! [`super::buf_config`].
//!
//! Files are hostile input: they are read beneath the workspace
//! directory's descriptor ([`crate::input::Root`]), so a symbolic link
//! is followed only while it stays inside, whenever it was planted; each
//! read is bounded by `--max-file-size`; anything but a regular file (a
//! FIFO named `x.proto`) is skipped with a note, never opened.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};

pub use super::buf_config::{Checked, ModuleConfig, ProtoSection, WorkspaceConfig};
use super::yaml_keys::first_document;
use crate::error::Result;
use crate::escape::escape_path;
use crate::input::Root;
use crate::source::{SharedSource, SourceFile};

/// The module's path and excludes, checked to stay inside the
/// configuration's directory.
fn normalized(module: &ModuleConfig, origin: &str) -> Result<(PathBuf, Vec<PathBuf>)> {
    let path = normalize(&module.path)
        .with_context(|| format!("module path `{}` in {origin}", module.path))?;
    let excludes = module
        .excludes
        .iter()
        .map(|e| normalize(e).with_context(|| format!("exclude `{e}` in {origin}")))
        .collect::<Result<Vec<_>>>()?;
    Ok((path, excludes))
}

/// A `.proto` file of the workspace.
#[derive(Debug, Clone)]
pub struct ProtoFile {
    /// The import path: relative to its module root, `/`-separated.
    pub name: String,
    /// Relative to the workspace directory (what `--path` matches).
    pub workspace_path: String,
    /// The text, named as users see it in diagnostics.
    pub source: SharedSource,
}

/// One include root and the files under it.
#[derive(Debug, Clone)]
pub struct Module {
    /// Shown in messages: the directory, or `<embedded OpenSergo protos>`.
    pub root: String,
    pub files: Vec<ProtoFile>,
}

#[derive(Debug, Clone)]
pub struct Workspace {
    /// Where the module list came from, for messages (`buf.yaml`, ...).
    pub origin: String,
    pub modules: Vec<Module>,
}

/// The name of buf's workspace file, read as is.
pub const BUF_YAML: &str = "buf.yaml";

/// The project configuration files, in the order they are preferred
/// (`config::discover` reads this list): a workspace held in memory (a git
/// revision, an archive) is read with the `proto:` section of the first
/// one present.
pub const PROJECT_CONFIGS: [&str; 2] = ["opensergo.yaml", ".opensergo.yaml"];

/// Whether a file (by its path relative to the workspace directory)
/// belongs to a workspace read from memory: a configuration or a
/// `.proto` file, outside hidden directories.
pub fn is_workspace_file(relative: &str) -> bool {
    PROJECT_CONFIGS.contains(&relative)
        || ((relative == BUF_YAML || relative.ends_with(".proto"))
            && !relative.split('/').any(|part| part.starts_with('.')))
}

/// A workspace and the configuration it was read with (the `lint` and
/// `breaking` blocks of each module, in the order of
/// [`Workspace::modules`]).
#[derive(Debug, Clone)]
pub struct Opened {
    pub workspace: Workspace,
    pub config: WorkspaceConfig,
}

impl Workspace {
    /// The workspace of a directory (see the module docs): `section` is
    /// the project's `proto:` section, used when `dir` is its directory;
    /// no file over `max_size` bytes is read. `embedded` are the
    /// OpenSergo protos, used when the directory has no configuration
    /// and no `.proto` file.
    pub fn open(
        dir: &Path,
        section: Option<&ProtoSection>,
        max_size: u64,
        embedded: &[(&str, &str)],
    ) -> Result<Checked<Opened>> {
        let buf_yaml = join_shown(dir, Path::new(BUF_YAML));
        if let Some(section) = section {
            match placement(dir, &section.dir) {
                Placement::Same => {
                    if buf_yaml.is_file() {
                        eprintln!(
                            "note: {} is not read: the `proto:` section of {} configures this workspace",
                            escape_path(&buf_yaml),
                            crate::escape::escape_control(&section.file)
                        );
                    }
                    let origin = format!("the `proto:` section of {}", section.file);
                    let workspace =
                        Self::from_modules(dir, &section.config.modules, &origin, max_size)?;
                    return Ok(Ok(Opened {
                        workspace,
                        config: section.config.clone(),
                    }));
                }
                Placement::Inside => eprintln!(
                    "note: {} is read on its own: the `proto:` section of {} configures the workspace of its directory (run there to use it)",
                    escape_path(dir),
                    crate::escape::escape_control(&section.file)
                ),
                Placement::Elsewhere => {}
            }
        }
        // A FIFO would block the read: only a regular file (or a link to
        // one, which the read below keeps inside `dir`) is configuration.
        if std::fs::metadata(&buf_yaml).is_ok_and(|m| !m.is_file()) {
            bail!("{} is not a regular file: not read", escape_path(&buf_yaml));
        }
        let root = Root::open(dir).with_context(|| format!("cannot open {}", escape_path(dir)))?;
        match root.read_text(Path::new(BUF_YAML), max_size) {
            Ok(text) => {
                let shown = buf_yaml.display().to_string();
                let source = Arc::new(SourceFile::new(shown.clone(), text));
                return match super::buf_config::from_buf_yaml(&source) {
                    Ok(config) => {
                        let workspace = Self::from_modules(dir, &config.modules, &shown, max_size)?;
                        Ok(Ok(Opened { workspace, config }))
                    }
                    Err(problems) => Ok(Err(problems)),
                };
            }
            Err(e) if e.is_no_file() => {}
            Err(e) => bail!(e.message("workspace configuration", &buf_yaml, max_size)),
        }
        let config = WorkspaceConfig::default();
        let workspace =
            Self::from_modules(dir, &config.modules, &dir.display().to_string(), max_size)?;
        if workspace.files().next().is_some() {
            return Ok(Ok(Opened { workspace, config }));
        }
        Ok(Ok(Opened {
            workspace: Self::embedded(embedded),
            config,
        }))
    }

    /// The embedded OpenSergo protos (the ones `convert` uses) as one module.
    pub fn embedded(sources: &[(&str, &str)]) -> Workspace {
        let files = sources
            .iter()
            .filter(|(name, _)| name.ends_with(".proto"))
            .map(|(name, text)| ProtoFile {
                name: name.to_string(),
                workspace_path: name.to_string(),
                source: Arc::new(SourceFile::new(*name, text.to_string())),
            })
            .collect();
        Workspace {
            origin: "the embedded OpenSergo protos".into(),
            modules: vec![Module {
                root: "<embedded OpenSergo protos>".into(),
                files,
            }],
        }
    }

    /// Reads the modules of a configuration that lives in `dir`, each
    /// file beneath `dir` and at most `max_size` bytes.
    pub fn from_modules(
        dir: &Path,
        configs: &[ModuleConfig],
        origin: &str,
        max_size: u64,
    ) -> Result<Workspace> {
        let boundary = dir
            .canonicalize()
            .with_context(|| format!("cannot open {}", escape_path(dir)))?;
        let beneath =
            Root::open(dir).with_context(|| format!("cannot open {}", escape_path(dir)))?;
        let mut modules = Vec::new();
        for config in configs {
            let (relative, excludes) = normalized(config, origin)?;
            let root = join_shown(dir, &relative);
            let mut files = Vec::new();
            for path in proto_files_under(&root, &boundary)? {
                let in_module = path.strip_prefix(&root).expect("walked under the root");
                let workspace_relative = relative.join(in_module);
                if excludes.iter().any(|e| workspace_relative.starts_with(e)) {
                    continue;
                }
                let shown = join_shown(dir, &workspace_relative);
                let text = beneath
                    .read_text(&workspace_relative, max_size)
                    .map_err(|e| anyhow::anyhow!(e.message("file", &shown, max_size)))?;
                files.push(ProtoFile {
                    name: slash_path(in_module),
                    workspace_path: slash_path(&workspace_relative),
                    source: Arc::new(SourceFile::new(shown.display().to_string(), text)),
                });
            }
            modules.push(Module {
                root: root.display().to_string(),
                files,
            });
        }
        Ok(Workspace {
            origin: origin.to_string(),
            modules,
        })
    }

    pub fn files(&self) -> impl Iterator<Item = &ProtoFile> {
        self.modules.iter().flat_map(|m| m.files.iter())
    }

    /// The import paths of the files to build: all of them, or those
    /// under a `--path` (a workspace path or an import path, a file or a
    /// directory), minus those under an `--exclude-path`. A `--path` that
    /// matches nothing is an error, as in buf.
    pub fn select(&self, paths: &[String], exclude_paths: &[String]) -> Result<Vec<String>> {
        for wanted in paths {
            if !self.files().any(|f| f.is_under(wanted)) {
                bail!(
                    "--path {wanted}: no .proto file of {} is there",
                    self.origin
                );
            }
        }
        Ok(self.select_matching(paths, exclude_paths))
    }

    /// [`Workspace::select`] where a `--path` may match nothing (the
    /// previous version of a workspace need not have the new files).
    pub fn select_matching(&self, paths: &[String], exclude_paths: &[String]) -> Vec<String> {
        self.files()
            .filter(|f| paths.is_empty() || paths.iter().any(|p| f.is_under(p)))
            .filter(|f| !exclude_paths.iter().any(|p| f.is_under(p)))
            .map(|f| f.name.clone())
            .collect()
    }

    /// A workspace of files held in memory (a git revision's, an
    /// archive's): `files` are (path relative to the workspace directory,
    /// text), configuration files among them, configured as a directory
    /// is: the `proto:` section of an opensergo.yaml there, else its
    /// buf.yaml, else every `.proto` file as one module. Files are shown
    /// as `shown_prefix` followed by their path.
    pub fn open_in_memory(
        origin: &str,
        shown_prefix: &str,
        files: Vec<(String, String)>,
    ) -> Result<Checked<Opened>> {
        let source = |relative: &str, text: String| -> SharedSource {
            let shown = format!("{shown_prefix}{relative}");
            let shown = crate::escape::escape_control(&shown).into_owned();
            Arc::new(SourceFile::new(shown, text))
        };
        let mut buf_yaml = None;
        let mut projects: [Option<SharedSource>; PROJECT_CONFIGS.len()] = Default::default();
        let mut protos = Vec::new();
        for (relative, text) in files {
            if let Some(i) = PROJECT_CONFIGS.iter().position(|name| *name == relative) {
                projects[i] = Some(source(&relative, text));
            } else if relative == BUF_YAML {
                buf_yaml = Some(source(&relative, text));
            } else {
                protos.push((relative, text));
            }
        }
        // The same precedence as on disk: opensergo.yaml's `proto:`, buf.yaml.
        // A project configuration that does not parse is reported, as it
        // is on disk, not passed over for the buf.yaml beside it.
        let section = match projects.into_iter().flatten().next() {
            Some(source) => match first_document(&source) {
                Ok(root) => root
                    .and_then(|r| r.get("proto").cloned())
                    .map(|n| (source, n)),
                Err(problems) => return Ok(Err(problems)),
            },
            None => None,
        };
        let config = match (section, buf_yaml) {
            (Some((source, node)), _) => super::buf_config::from_proto_section(&node, &source),
            (_, Some(source)) => super::buf_config::from_buf_yaml(&source),
            _ => Ok(WorkspaceConfig::default()),
        };
        let config = match config {
            Ok(config) => config,
            Err(problems) => return Ok(Err(problems)),
        };
        let workspace = Workspace::from_files(origin, shown_prefix, &config.modules, &protos)?;
        if workspace.files().next().is_none() {
            bail!("{origin}: no .proto file");
        }
        Ok(Ok(Opened { workspace, config }))
    }

    /// A workspace of files held in memory (a git revision's), laid out
    /// by `configs` as a directory would be: `files` are (path relative
    /// to the configuration's directory, text), shown as `shown_prefix`
    /// followed by that path.
    pub fn from_files(
        origin: &str,
        shown_prefix: &str,
        configs: &[ModuleConfig],
        files: &[(String, String)],
    ) -> Result<Workspace> {
        let mut modules = Vec::new();
        for config in configs {
            let (relative, excludes) = normalized(config, origin)?;
            let mut module_files = Vec::new();
            for (path, text) in files {
                let workspace_relative = Path::new(path);
                let Ok(in_module) = workspace_relative.strip_prefix(&relative) else {
                    continue;
                };
                if excludes.iter().any(|e| workspace_relative.starts_with(e)) {
                    continue;
                }
                module_files.push(ProtoFile {
                    name: slash_path(in_module),
                    workspace_path: path.clone(),
                    source: Arc::new(SourceFile::new(
                        crate::escape::escape_control(&format!("{shown_prefix}{path}"))
                            .into_owned(),
                        text.clone(),
                    )),
                });
            }
            modules.push(Module {
                root: format!("{shown_prefix}{}", slash_path(&relative)),
                files: module_files,
            });
        }
        Ok(Workspace {
            origin: origin.to_string(),
            modules,
        })
    }
}

impl ProtoFile {
    /// Whether the file is `wanted` or under it (by import path or
    /// workspace path).
    pub fn is_under(&self, wanted: &str) -> bool {
        let wanted = wanted.trim_end_matches('/');
        [&self.name, &self.workspace_path].iter().any(|p| {
            p.as_str() == wanted
                || (p.starts_with(wanted) && p.as_bytes().get(wanted.len()) == Some(&b'/'))
        })
    }
}

/// Whether buf's `ignore` / `ignore_only` drop a finding of `rule_id` in
/// a file known by any of `names` (import path, workspace path): a path
/// matches itself and everything under it.
pub fn path_ignored(
    ignore: &[String],
    ignore_only: &std::collections::BTreeMap<String, Vec<String>>,
    rule_id: &str,
    names: &[&str],
) -> bool {
    let under = |prefix: &String| {
        let prefix = prefix.trim_end_matches('/');
        names.iter().any(|name| {
            *name == prefix
                || (name.starts_with(prefix) && name.as_bytes().get(prefix.len()) == Some(&b'/'))
        })
    };
    ignore.iter().any(under)
        || ignore_only
            .get(rule_id)
            .is_some_and(|paths| paths.iter().any(under))
}

/// A relative path with `.` removed; `..` and absolute paths are refused
/// (a configuration from a pull request must not reach outside).
fn normalize(path: &str) -> Result<PathBuf> {
    let mut out = PathBuf::new();
    for component in Path::new(path).components() {
        match component {
            Component::CurDir => {}
            Component::Normal(part) => out.push(part),
            _ => bail!("must be a relative path inside the workspace, without `..`"),
        }
    }
    Ok(out)
}

/// `dir/relative` without `.` segments (`./proto/a.proto` is
/// `proto/a.proto`), as users wrote the paths and as buf shows them.
fn join_shown(dir: &Path, relative: &Path) -> PathBuf {
    let joined: PathBuf = dir
        .join(relative)
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    if joined.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        joined
    }
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Where a command's directory is, seen from the `proto:` section's.
enum Placement {
    Same,
    Inside,
    Elsewhere,
}

fn placement(dir: &Path, section_dir: &Path) -> Placement {
    let canonical = |p: &Path| {
        let p = if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        };
        p.canonicalize().ok()
    };
    match (canonical(dir), canonical(section_dir)) {
        (Some(dir), Some(section)) if dir == section => Placement::Same,
        (Some(dir), Some(section)) if dir.starts_with(&section) => Placement::Inside,
        _ => Placement::Elsewhere,
    }
}

/// Every `.proto` file under `root`, sorted, skipping hidden directories,
/// anything reached through a symlink whose target is outside `boundary`,
/// and anything that is not a regular file (a FIFO would block the read).
fn proto_files_under(root: &Path, boundary: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    if !root.exists() {
        bail!("module directory {} does not exist", escape_path(root));
    }
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir)
            .with_context(|| format!("cannot read {}", escape_path(&dir)))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read {}", escape_path(&dir)))?;
            let path = entry.path();
            // Shown as users write it: `acme/x.proto`, not `./acme/x.proto`.
            let shown = escape_path(path.strip_prefix(".").unwrap_or(&path));
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let file_type = entry.file_type()?;
            let inside = || {
                path.canonicalize()
                    .is_ok_and(|target| target.starts_with(boundary))
            };
            if file_type.is_symlink() && !inside() {
                eprintln!("warning: skipping {shown}: a symlink pointing outside the workspace");
                continue;
            }
            // The link's target (inside the workspace), or the entry itself.
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                // A symlinked directory inside the tree would be read twice.
                if !hidden && !file_type.is_symlink() {
                    pending.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "proto") {
                if meta.is_file() {
                    found.push(path);
                } else {
                    eprintln!("note: skipping {shown}: not a regular file");
                }
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_leaving_the_workspace_are_refused() {
        assert!(normalize("../x").is_err());
        assert!(normalize("/etc").is_err());
        assert_eq!(normalize("./a/b").unwrap(), PathBuf::from("a/b"));
    }

    #[test]
    fn files_over_the_limit_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.proto"), "syntax = \"proto3\";\n").unwrap();
        let modules = [ModuleConfig::whole_directory()];
        let error = Workspace::from_modules(dir.path(), &modules, "test", 5).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("a.proto is larger than the 5 bytes limit"),
            "{error}"
        );
        let read = Workspace::from_modules(dir.path(), &modules, "test", 100).unwrap();
        assert_eq!(read.files().count(), 1);
    }
}
