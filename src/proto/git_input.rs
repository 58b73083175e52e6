//! `git_repo` inputs of a template: the workspace of a revision, read
//! from git's object store by git itself (no checkout, no work tree
//! written). A local repository is read in place; a URL is fetched
//! (`--depth`, only the revision asked for) into a temporary bare
//! repository first.
//!
//! The tree is untrusted like any input: symbolic links and submodules
//! are skipped with a note, every blob's size is checked before it is
//! read, and `subdir` and module paths cannot leave the tree.

use std::path::Path;
use std::sync::Arc;

use anyhow::{anyhow, bail};

use super::template::GitInput;
use crate::document::DEFAULT_MAX_FILE_SIZE;
use crate::error::Result;
use crate::escape::escape_control;
use crate::gitrev::{Revision, TreeEntry};
use crate::protobuild::workspace::{BUF_YAML, Checked, Module, ModuleConfig, ProtoFile, Workspace};
use crate::source::SourceFile;

/// Whether git must fetch `repository` (a URL, or scp-like
/// `host:path`) rather than read a local one in place.
fn is_remote(repository: &str) -> bool {
    if repository.contains("://") {
        return true;
    }
    match repository.split_once(':') {
        Some((host, _)) => !host.contains('/') && !Path::new(repository).exists(),
        None => false,
    }
}

/// The workspace of the input's revision and `subdir`: its buf.yaml
/// modules, or every `.proto` file under `subdir` as one module.
pub fn open(input: &GitInput) -> Result<Checked<Workspace>> {
    let reference = input.reference.as_deref();
    if is_remote(&input.repository) {
        // The fetched store lives until the blobs are read.
        let fetched = Revision::fetch(&input.repository, reference, input.depth.unwrap_or(1))
            .map_err(|e| anyhow!(e))?;
        read(input, &fetched.revision)
    } else {
        let revision = Revision::resolve_in(Path::new(&input.repository), reference)
            .map_err(|e| anyhow!(e))?;
        read(input, &revision)
    }
}

/// `subdir` as a tree path: `/`-separated, no `.`, `..` or leading `/`.
fn tree_subdir(subdir: Option<&str>) -> Result<String> {
    let mut parts = Vec::new();
    for part in subdir.unwrap_or_default().split('/') {
        match part {
            "" | "." => {}
            ".." => bail!("`subdir` must stay inside the repository (no `..`)"),
            other => parts.push(other),
        }
    }
    Ok(parts.join("/"))
}

fn read(input: &GitInput, revision: &Revision) -> Result<Checked<Workspace>> {
    let subdir = tree_subdir(input.subdir.as_deref())?;
    let shown_repository = escape_control(&input.repository);
    let origin = format!(
        "git repository {shown_repository} at {}{}",
        escape_control(&revision.name),
        if subdir.is_empty() {
            String::new()
        } else {
            format!(", subdir {subdir}")
        }
    );
    let entries = revision.list(&subdir).map_err(|e| anyhow!(e))?;
    let prefix = if subdir.is_empty() {
        String::new()
    } else {
        format!("{subdir}/")
    };
    // Paths relative to `subdir`, for the blobs worth reading.
    let mut wanted: Vec<(String, &TreeEntry)> = Vec::new();
    for entry in &entries {
        let Some(relative) = entry.path.strip_prefix(&prefix) else {
            continue;
        };
        let is_config = relative == BUF_YAML;
        if !(is_config || relative.ends_with(".proto")) {
            continue;
        }
        if relative.split('/').any(|part| part.starts_with('.')) {
            continue;
        }
        if entry.is_symlink() || !entry.is_blob() {
            eprintln!(
                "note: {origin}: skipping {} (a symbolic link or submodule)",
                escape_control(&entry.path)
            );
            continue;
        }
        if entry.size > DEFAULT_MAX_FILE_SIZE {
            bail!(
                "{origin}: {} is {} bytes, over the {} byte limit for input files",
                escape_control(&entry.path),
                entry.size,
                DEFAULT_MAX_FILE_SIZE
            );
        }
        wanted.push((relative.to_string(), entry));
    }
    let blobs: Vec<(String, String, u64)> = wanted
        .iter()
        .map(|(_, e)| (e.path.clone(), e.oid.clone(), e.size))
        .collect();
    let contents = revision.cat_blobs(&blobs).map_err(|e| anyhow!(e))?;
    let mut config = None;
    let mut protos: Vec<(String, Arc<SourceFile>)> = Vec::new();
    for ((relative, entry), bytes) in wanted.iter().zip(contents) {
        let text = String::from_utf8(bytes)
            .map_err(|_| anyhow!("{origin}: {} is not UTF-8", escape_control(&entry.path)))?;
        let shown = format!("{}:{}", revision.name, entry.path);
        let source = Arc::new(SourceFile::new(escape_control(&shown).into_owned(), text));
        if relative == BUF_YAML {
            config = Some(source);
        } else {
            protos.push((relative.clone(), source));
        }
    }
    let modules = match &config {
        Some(source) => match crate::protobuild::workspace::modules_from_buf_yaml(source) {
            Ok(modules) => modules,
            Err(problems) => return Ok(Err(problems)),
        },
        None => vec![ModuleConfig {
            path: ".".into(),
            excludes: Vec::new(),
        }],
    };
    let workspace = Workspace {
        modules: modules
            .iter()
            .map(|module| module_of(module, &protos, &origin))
            .collect::<Result<_>>()?,
        origin,
    };
    if workspace.files().next().is_none() {
        bail!("{}: no .proto file", workspace.origin);
    }
    Ok(Ok(workspace))
}

/// A relative path of a configuration with `.` parts removed; `..` and
/// absolute paths are refused.
fn clean_relative(path: &str, origin: &str) -> Result<String> {
    let mut parts = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => bail!("{origin}: `{path}` must stay inside the workspace (no `..`)"),
            other => parts.push(other),
        }
    }
    if path.starts_with('/') {
        bail!("{origin}: `{path}` must be a relative path");
    }
    Ok(parts.join("/"))
}

/// The files of one module: those under its path, minus its excludes,
/// named by their path below the module root.
fn module_of(
    config: &ModuleConfig,
    protos: &[(String, Arc<SourceFile>)],
    origin: &str,
) -> Result<Module> {
    let root = clean_relative(&config.path, origin)?;
    let excludes = config
        .excludes
        .iter()
        .map(|e| clean_relative(e, origin))
        .collect::<Result<Vec<_>>>()?;
    let under = |path: &str, dir: &str| {
        dir.is_empty()
            || path == dir
            || (path.starts_with(dir) && path.as_bytes().get(dir.len()) == Some(&b'/'))
    };
    let files = protos
        .iter()
        .filter(|(path, _)| under(path, &root))
        .filter(|(path, _)| !excludes.iter().any(|e| under(path, e)))
        .map(|(path, source)| ProtoFile {
            name: if root.is_empty() {
                path.clone()
            } else {
                path[root.len() + 1..].to_string()
            },
            workspace_path: path.clone(),
            source: source.clone(),
        })
        .collect();
    Ok(Module {
        root: format!("{origin}: {}", if root.is_empty() { "." } else { &root }),
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_fetched_and_paths_read_in_place() {
        assert!(is_remote("file:///tmp/repo"));
        assert!(is_remote("https://github.com/acme/apis.git"));
        assert!(is_remote("git@github.com:acme/apis.git"));
        assert!(!is_remote("../apis"));
        assert!(!is_remote("/srv/git/apis.git"));
    }

    #[test]
    fn subdirs_and_module_paths_stay_inside() {
        assert_eq!(tree_subdir(Some("./proto/")).unwrap(), "proto");
        assert_eq!(tree_subdir(None).unwrap(), "");
        assert!(tree_subdir(Some("../x")).is_err());
        assert!(clean_relative("../x", "o").is_err());
        assert!(clean_relative("/x", "o").is_err());
        assert_eq!(clean_relative("./a/b", "o").unwrap(), "a/b");
    }
}
