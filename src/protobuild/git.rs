//! The proto workspace of a git revision, read from git's object store
//! by git itself (no checkout, no work tree written): `gen`'s `git_repo`
//! inputs and `proto breaking --against REV` read revisions through here.
//!
//! The tree is untrusted like any input: symbolic links and submodules
//! are skipped with a note, every blob's size is checked before it is
//! read, and module paths cannot leave the tree (the workspace checks
//! them as it does on disk).

use anyhow::{anyhow, bail};

use super::buf_config::{self, WorkspaceConfig};
use super::workspace::{BUF_YAML, Checked, Opened, Workspace};
use super::yaml_keys::first_document;
use crate::error::Result;
use crate::escape::escape_control;
use crate::gitrev::Revision;
use crate::source::SourceFile;

/// The project configuration a revision's `proto:` section is read from.
const PROJECT_CONFIG: &str = "opensergo.yaml";

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
        if !(relative == BUF_YAML || relative == PROJECT_CONFIG || relative.ends_with(".proto"))
            || relative.split('/').any(|part| part.starts_with('.'))
        {
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
    let mut buf_yaml = None;
    let mut project = None;
    let mut files = Vec::new();
    for ((relative, entry), bytes) in wanted.iter().zip(contents) {
        let text = String::from_utf8(bytes)
            .map_err(|_| anyhow!("{origin}: {} is not UTF-8", escape_control(&entry.path)))?;
        let shown = || escape_control(&format!("{shown_prefix}{relative}")).into_owned();
        if relative == BUF_YAML {
            buf_yaml = Some(std::sync::Arc::new(SourceFile::new(shown(), text)));
        } else if relative == PROJECT_CONFIG {
            project = Some(std::sync::Arc::new(SourceFile::new(shown(), text)));
        } else {
            files.push((relative.clone(), text));
        }
    }
    // The same precedence as on disk: opensergo.yaml's `proto:`, buf.yaml.
    let section = project
        .as_ref()
        .and_then(|source| Some((source, first_document(source).ok()??)));
    let config = match (section, buf_yaml) {
        (Some((source, root)), _) if root.get("proto").is_some() => {
            let node = root.get("proto").expect("just checked");
            buf_config::from_proto_section(node, source)
        }
        (_, Some(source)) => buf_config::from_buf_yaml(&source),
        _ => Ok(WorkspaceConfig::default()),
    };
    let config = match config {
        Ok(config) => config,
        Err(problems) => return Ok(Err(problems)),
    };
    let workspace = Workspace::from_files(origin, &shown_prefix, &config.modules, &files)?;
    if workspace.files().next().is_none() {
        bail!("{origin}: no .proto file");
    }
    Ok(Ok(Opened { workspace, config }))
}
