//! The proto workspace of a git revision, read from git's object store
//! by git itself (no checkout, no work tree written): `gen`'s `git_repo`
//! inputs and `proto breaking --against REV` read revisions through here.
//!
//! The tree is untrusted like any input: symbolic links and submodules
//! are skipped with a note, every blob's size is checked before it is
//! read, and module paths cannot leave the tree (the workspace checks
//! them as it does on disk).

use anyhow::{anyhow, bail};

use super::workspace::{Checked, Opened, Workspace, is_workspace_file};
use crate::error::Result;
use crate::escape::escape_control;
use crate::gitrev::Revision;

/// The workspace of `revision` at `subdir` (a tree path, `` for the
/// root), configured as a directory is: the `proto:` section of an
/// opensergo.yaml there, else its buf.yaml, else every `.proto` file under
/// `subdir` as one module. Blobs over `max_file_size` are refused; files are shown
/// as `REV:path`.
pub fn workspace_at(
    revision: &Revision,
    subdir: &str,
    origin: &str,
    max_file_size: u64,
) -> Result<Checked<Opened>> {
    let entries = revision.list(subdir).map_err(|e| anyhow!(e))?;
    let prefix = if subdir.is_empty() {
        String::new()
    } else {
        format!("{subdir}/")
    };
    let mut wanted = Vec::new();
    for entry in &entries {
        let Some(relative) = entry.path.strip_prefix(&prefix) else {
            continue;
        };
        if !is_workspace_file(relative) {
            continue;
        }
        if entry.is_symlink() || !entry.is_blob() {
            eprintln!(
                "note: {origin}: skipping {} (a symbolic link or submodule)",
                escape_control(&entry.path)
            );
            continue;
        }
        if entry.size > max_file_size {
            bail!(
                "{origin}: {} is {} bytes, over the {max_file_size} byte limit for input files (--max-file-size)",
                escape_control(&entry.path),
                entry.size,
            );
        }
        wanted.push((relative.to_string(), entry));
    }
    let blobs: Vec<(String, String, u64)> = wanted
        .iter()
        .map(|(_, e)| (e.path.clone(), e.oid.clone(), e.size))
        .collect();
    let contents = revision.cat_blobs(&blobs).map_err(|e| anyhow!(e))?;
    let shown_prefix = format!("{}:{prefix}", revision.name);
    let mut files = Vec::new();
    for ((relative, entry), bytes) in wanted.into_iter().zip(contents) {
        let text = String::from_utf8(bytes)
            .map_err(|_| anyhow!("{origin}: {} is not UTF-8", escape_control(&entry.path)))?;
        files.push((relative, text));
    }
    Workspace::open_in_memory(origin, &shown_prefix, files)
}
