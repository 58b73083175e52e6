//! `git_repo` inputs of a template: the workspace of a revision, read
//! from git's object store by git itself (no checkout, no work tree
//! written). A local repository is read in place; a URL is fetched
//! (`--depth`, only the revision asked for) into a temporary bare
//! repository first.
//!
//! The tree is read by [`crate::protobuild::git`], as `proto breaking
//! --against REV` reads it; `subdir` cannot leave the tree.

use std::path::Path;

use anyhow::{anyhow, bail};

use super::template::GitInput;
use crate::document::DEFAULT_MAX_FILE_SIZE;
use crate::error::Result;
use crate::escape::escape_control;
use crate::gitrev::Revision;
use crate::protobuild::git::workspace_at;
use crate::protobuild::workspace::{Checked, Opened};

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
pub fn open(input: &GitInput) -> Result<Checked<Opened>> {
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

fn read(input: &GitInput, revision: &Revision) -> Result<Checked<Opened>> {
    let subdir = tree_subdir(input.subdir.as_deref())?;
    let origin = format!(
        "git repository {} at {}{}",
        escape_control(&input.repository),
        escape_control(&revision.name),
        if subdir.is_empty() {
            String::new()
        } else {
            format!(", subdir {subdir}")
        }
    );
    workspace_at(revision, &subdir, &origin, DEFAULT_MAX_FILE_SIZE)
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
    }
}
