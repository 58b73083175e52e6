//! A proto workspace: the modules (include roots) and their `.proto`
//! files, read once into memory.
//!
//! Where it comes from, first match wins: a `buf.yaml` in the directory
//! (v2 `modules`, v1 `build.excludes`, v1beta1 `build.roots`), taken as
//! is so a buf user switches without rewriting anything; else every
//! `.proto` file under the directory as one module; else, when there are
//! none, the embedded OpenSergo protos. The `proto:` section of
//! opensergo.yaml has buf.yaml v2's shape and is read by
//! [`modules_from_proto_section`].
//!
//! Files are read without following symlinks out of the workspace: a
//! symlinked file is read only when its target lies inside the
//! workspace directory.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};

use super::INVALID_WORKSPACE_CONFIG;
use super::yaml_keys::{Problems, first_document};
use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::source::{SharedSource, SourceFile};
use crate::yaml::Node;

/// Configuration problems, each at its place in the file.
pub type Checked<T> = std::result::Result<T, Vec<Diagnostic>>;

/// The module list of a workspace configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleConfig {
    /// The module root, relative to the configuration's directory.
    pub path: String,
    /// Directories or files left out, relative to the configuration's directory.
    pub excludes: Vec<String>,
}

impl ModuleConfig {
    /// The module's path and excludes, checked to stay inside the
    /// configuration's directory.
    fn normalized(&self, origin: &str) -> Result<(PathBuf, Vec<PathBuf>)> {
        let path = normalize(&self.path)
            .with_context(|| format!("module path `{}` in {origin}", self.path))?;
        let excludes = self
            .excludes
            .iter()
            .map(|e| normalize(e).with_context(|| format!("exclude `{e}` in {origin}")))
            .collect::<Result<Vec<_>>>()?;
        Ok((path, excludes))
    }
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

impl Workspace {
    /// The workspace of a directory (see the module docs). `embedded`
    /// are the OpenSergo protos, used when the directory has no
    /// configuration and no `.proto` file.
    pub fn open(dir: &Path, embedded: &[(&str, &str)]) -> Result<Checked<Workspace>> {
        let buf_yaml = join_shown(dir, Path::new(BUF_YAML));
        if buf_yaml.is_file() {
            let text = std::fs::read_to_string(&buf_yaml)
                .with_context(|| format!("cannot read {}", buf_yaml.display()))?;
            let source = Arc::new(SourceFile::new(buf_yaml.display().to_string(), text));
            return match modules_from_buf_yaml(&source) {
                Ok(modules) => {
                    Self::from_modules(dir, &modules, &buf_yaml.display().to_string()).map(Ok)
                }
                Err(problems) => Ok(Err(problems)),
            };
        }
        let whole = ModuleConfig {
            path: ".".into(),
            excludes: Vec::new(),
        };
        let workspace = Self::from_modules(dir, &[whole], &dir.display().to_string())?;
        if workspace.files().next().is_some() {
            return Ok(Ok(workspace));
        }
        Ok(Ok(Self::embedded(embedded)))
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

    /// Reads the modules of a configuration that lives in `dir`.
    pub fn from_modules(dir: &Path, configs: &[ModuleConfig], origin: &str) -> Result<Workspace> {
        let boundary = dir
            .canonicalize()
            .with_context(|| format!("cannot open {}", dir.display()))?;
        let mut modules = Vec::new();
        for config in configs {
            let (relative, excludes) = config.normalized(origin)?;
            let root = join_shown(dir, &relative);
            let mut files = Vec::new();
            for path in proto_files_under(&root, &boundary)? {
                let in_module = path.strip_prefix(&root).expect("walked under the root");
                let workspace_relative = relative.join(in_module);
                if excludes.iter().any(|e| workspace_relative.starts_with(e)) {
                    continue;
                }
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                files.push(ProtoFile {
                    name: slash_path(in_module),
                    workspace_path: slash_path(&workspace_relative),
                    source: Arc::new(SourceFile::new(
                        join_shown(dir, &workspace_relative).display().to_string(),
                        text,
                    )),
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
            let (relative, excludes) = config.normalized(origin)?;
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

/// The `lint` or `breaking` block of a workspace configuration as it
/// applies to each module, in the order of [`Workspace::modules`] (a v2
/// module's own block, else the top-level one).
#[derive(Debug, Clone)]
pub struct CheckBlocks {
    /// `v2`, `v1` or `v1beta1`: some keys mean different things.
    pub version: String,
    /// One block per module (`null` where there is none).
    pub modules: Vec<serde_json::Value>,
}

impl CheckBlocks {
    /// The block of module `index` (the last one when the configuration
    /// lists fewer modules, as v1beta1 roots share one block).
    pub fn for_module(&self, index: usize) -> &serde_json::Value {
        self.modules
            .get(index)
            .or(self.modules.last())
            .unwrap_or(&serde_json::Value::Null)
    }
}

/// The `key` blocks (`lint`, `breaking`) of `dir/buf.yaml`, or `None`
/// when there is no buf.yaml. The file's shape was checked when the
/// workspace was opened; the keys inside a block are the caller's to check.
pub fn check_blocks(dir: &Path, key: &str) -> Result<Option<CheckBlocks>> {
    let path = join_shown(dir, Path::new(BUF_YAML));
    if !path.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let (docs, _) = crate::yaml::load_stream(&text);
    let root = docs
        .first()
        .map_or(serde_json::Value::Null, |d| d.root.to_json());
    let version = root
        .get("version")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("v1beta1")
        .to_string();
    let top = root.get(key).cloned().unwrap_or_default();
    let modules = match root.get("modules").and_then(serde_json::Value::as_array) {
        Some(modules) if version == "v2" && !modules.is_empty() => modules
            .iter()
            .map(|m| m.get(key).cloned().unwrap_or_else(|| top.clone()))
            .collect(),
        _ => vec![top],
    };
    Ok(Some(CheckBlocks { version, modules }))
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

/// Every `.proto` file under `root`, sorted, skipping hidden directories
/// and anything reached through a symlink whose target is outside
/// `boundary`.
fn proto_files_under(root: &Path, boundary: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    if !root.exists() {
        bail!("module directory {} does not exist", root.display());
    }
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries =
            std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let file_type = entry.file_type()?;
            let inside = || {
                path.canonicalize()
                    .is_ok_and(|target| target.starts_with(boundary))
            };
            if file_type.is_symlink() && !inside() {
                eprintln!(
                    "warning: skipping {}: a symlink pointing outside the workspace",
                    path.display()
                );
                continue;
            }
            if path.is_dir() {
                // A symlinked directory inside the tree would be read twice.
                if !hidden && !file_type.is_symlink() {
                    pending.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "proto") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The modules of a buf.yaml: v2 `modules`, v1 `build.excludes`
/// (one module at `.`), v1beta1 `build.roots` and `build.excludes`.
pub fn modules_from_buf_yaml(source: &SharedSource) -> Checked<Vec<ModuleConfig>> {
    let mut problems = Problems::new(source, INVALID_WORKSPACE_CONFIG);
    let Some(root) = first_document(source)? else {
        return Ok(vec![whole_directory()]);
    };
    let version = root
        .get("version")
        .and_then(Node::as_str)
        .unwrap_or("v1beta1");
    let modules = match version {
        "v2" => {
            let known = [
                "version", "name", "modules", "deps", "lint", "breaking", "plugins", "policies",
            ];
            let mut modules = vec![whole_directory()];
            for (key, value) in problems.entries(&root, "buf.yaml", &known) {
                match key {
                    "modules" => modules = module_list(value, &mut problems),
                    "deps" => no_deps(value, &mut problems),
                    _ => {}
                }
            }
            modules
        }
        "v1" | "v1beta1" => {
            let known = ["version", "name", "deps", "build", "lint", "breaking"];
            let mut module = whole_directory();
            let mut roots = Vec::new();
            for (key, value) in problems.entries(&root, "buf.yaml", &known) {
                match key {
                    "build" => {
                        let build_keys: &[&str] = if version == "v1" {
                            &["excludes"]
                        } else {
                            &["roots", "excludes"]
                        };
                        for (key, value) in problems.entries(value, "build", build_keys) {
                            match key {
                                "roots" => roots = problems.strings(value, "roots", false),
                                _ => module.excludes = problems.strings(value, "excludes", false),
                            }
                        }
                    }
                    "deps" => no_deps(value, &mut problems),
                    _ => {}
                }
            }
            if roots.is_empty() {
                vec![module]
            } else {
                roots
                    .into_iter()
                    .map(|path| ModuleConfig {
                        path,
                        excludes: module.excludes.clone(),
                    })
                    .collect()
            }
        }
        other => {
            let node = root.get("version").unwrap_or(&root);
            problems.error(
                node,
                format!("unsupported buf.yaml version `{other}`: use v2, v1 or v1beta1"),
            );
            Vec::new()
        }
    };
    if problems.list.is_empty() {
        Ok(modules)
    } else {
        Err(problems.list)
    }
}

/// The modules of the `proto:` section of opensergo.yaml, shaped like
/// buf.yaml v2 (`modules`, and the `lint` and `breaking` blocks that the
/// lint and breaking commands read).
pub fn modules_from_proto_section(
    section: &Node,
    source: &SharedSource,
) -> Checked<Vec<ModuleConfig>> {
    let mut problems = Problems::new(source, INVALID_WORKSPACE_CONFIG);
    let mut modules = vec![whole_directory()];
    for (key, value) in problems.entries(section, "proto", &["modules", "lint", "breaking"]) {
        if key == "modules" {
            modules = module_list(value, &mut problems);
        }
    }
    if problems.list.is_empty() {
        Ok(modules)
    } else {
        Err(problems.list)
    }
}

fn whole_directory() -> ModuleConfig {
    ModuleConfig {
        path: ".".into(),
        excludes: Vec::new(),
    }
}

fn module_list(node: &Node, problems: &mut Problems<'_>) -> Vec<ModuleConfig> {
    let mut modules = Vec::new();
    for item in node.as_seq() {
        let known = ["path", "name", "includes", "excludes", "lint", "breaking"];
        let mut module = whole_directory();
        let mut has_path = false;
        for (key, value) in problems.entries(item, "a module", &known) {
            match key {
                "path" => {
                    if let Some(path) = problems.string(value, "path") {
                        module.path = path;
                        has_path = true;
                    }
                }
                "excludes" => module.excludes = problems.strings(value, "excludes", false),
                "includes" => {
                    problems.error(
                        value,
                        "`includes` is not supported yet: use `excludes`, or one module per directory",
                    );
                }
                _ => {}
            }
        }
        if !has_path {
            problems.error(item, "a module needs a `path`");
        }
        modules.push(module);
    }
    if modules.is_empty() {
        problems.error(node, "`modules` must list at least one `path`");
    }
    modules
}

fn no_deps(node: &Node, problems: &mut Problems<'_>) {
    if !node.as_seq().is_empty() {
        let d = problems.error(
            node,
            "`deps` name Buf Schema Registry modules, which need the network",
        );
        d.help = Some(
            "vendor the dependency's .proto files into a directory and list it under `modules`"
                .into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> SharedSource {
        Arc::new(SourceFile::new("buf.yaml", text.to_string()))
    }

    #[test]
    fn reads_buf_yaml_v2_and_v1() {
        let v2 = "version: v2\nmodules:\n  - path: proto\n    excludes: [proto/vendor]\nlint:\n  use: [STANDARD]\n";
        assert_eq!(
            modules_from_buf_yaml(&source(v2)).unwrap(),
            [ModuleConfig {
                path: "proto".into(),
                excludes: vec!["proto/vendor".into()]
            }]
        );
        let v1 = "version: v1\nbuild:\n  excludes: [third_party]\n";
        assert_eq!(
            modules_from_buf_yaml(&source(v1)).unwrap(),
            [ModuleConfig {
                path: ".".into(),
                excludes: vec!["third_party".into()]
            }]
        );
    }

    #[test]
    fn unknown_keys_and_deps_are_errors_with_positions() {
        let text = "version: v2\nmodules:\n  - path: proto\n    exclude: [x]\ndeps: [buf.build/googleapis/googleapis]\n";
        let problems = modules_from_buf_yaml(&source(text)).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].start().unwrap().line, 4);
        assert!(problems[0].help.as_deref().unwrap().contains("`excludes`"));
        assert!(problems[1].message.contains("deps"));
    }

    #[test]
    fn proto_section_has_buf_yaml_v2_shape() {
        let text = "modules:\n  - path: api\nlint: {}\n";
        let src = source(text);
        let (docs, _) = crate::yaml::load_stream(text);
        let modules = modules_from_proto_section(&docs[0].root, &src).unwrap();
        assert_eq!(modules[0].path, "api");
    }

    #[test]
    fn paths_leaving_the_workspace_are_refused() {
        assert!(normalize("../x").is_err());
        assert!(normalize("/etc").is_err());
        assert_eq!(normalize("./a/b").unwrap(), PathBuf::from("a/b"));
    }
}
