//! `tarball` and `zip_archive` inputs of a template: an archive of local
//! files, read whole into memory and never unpacked to disk, so no entry
//! can write anywhere. The archive is untrusted like any input: it is
//! read within `--max-file-size`, and so is everything it decompresses to
//! (a zip or gzip bomb stops at the limit); an entry named with `..` or
//! an absolute path is refused; links and special files are skipped with
//! a note. The workspace inside is configured as a directory is
//! ([`Workspace::open_in_memory`]).

use std::io::Read;
use std::path::Path;

use anyhow::{Context as _, anyhow, bail};

use super::template::{ArchiveFormat, ArchiveInput};
use crate::error::Result;
use crate::escape::escape_control;
use crate::protobuild::workspace::{Checked, Opened, Workspace, is_workspace_file};

/// The workspace in the archive, below `subdir` once `strip_components`
/// leading directories are dropped from every entry.
pub fn open(input: &ArchiveInput, max_size: u64) -> Result<Checked<Opened>> {
    let path = Path::new(&input.path);
    let bytes = crate::input::read_bounded(path, max_size)
        .map_err(|e| anyhow!(e.message("archive", path, max_size)))?;
    let origin = format!("archive {}", escape_control(&input.path));
    let mut budget = Budget {
        left: max_size,
        max_size,
    };
    let entries = match input.format {
        ArchiveFormat::Tar => tar_entries(&bytes[..], &origin, &mut budget)?,
        ArchiveFormat::TarGzip => tar_entries(
            flate2::read::GzDecoder::new(&bytes[..]),
            &origin,
            &mut budget,
        )?,
        ArchiveFormat::Zip => zip_entries(&bytes, &origin, &mut budget)?,
    };
    let subdir = clean_path(input.subdir.as_deref().unwrap_or_default())
        .with_context(|| format!("{origin}: `subdir`"))?;
    let mut files = Vec::new();
    for (name, content) in entries {
        let parts = clean_path(&name)
            .with_context(|| format!("{origin}: refusing the entry `{}`", escape_control(&name)))?;
        let Some(kept) = parts.get(input.strip_components as usize..) else {
            continue;
        };
        let Some(relative) = kept.strip_prefix(subdir.as_slice()) else {
            continue;
        };
        let relative = relative.join("/");
        if !is_workspace_file(&relative) {
            continue;
        }
        let text = String::from_utf8(content)
            .map_err(|_| anyhow!("{origin}: {} is not UTF-8", escape_control(&name)))?;
        files.push((relative, text));
    }
    let mut shown_prefix = format!("{}:", input.path);
    for part in &subdir {
        shown_prefix.push_str(part);
        shown_prefix.push('/');
    }
    Workspace::open_in_memory(&origin, &shown_prefix, files)
}

/// How many more bytes the archive may decompress to.
struct Budget {
    left: u64,
    max_size: u64,
}

impl Budget {
    /// Reads one entry whole, within what is left.
    fn read(&mut self, entry: impl Read, origin: &str, name: &str) -> Result<Vec<u8>> {
        let mut content = Vec::new();
        entry
            .take(self.left.saturating_add(1))
            .read_to_end(&mut content)
            .with_context(|| format!("{origin}: cannot read {}", escape_control(name)))?;
        let read = content.len() as u64;
        if read > self.left {
            bail!(
                "{origin} unpacks to more than the {} limit (raise it with --max-file-size)",
                crate::input::limit_text(self.max_size)
            );
        }
        self.left -= read;
        Ok(content)
    }
}

/// `name`'s components, without `.` and empty ones; `..` and absolute
/// paths are refused: an entry must stay inside the archive.
fn clean_path(name: &str) -> Result<Vec<String>> {
    if name.starts_with('/') || name.contains('\\') {
        bail!("not a relative path inside the archive");
    }
    let mut parts = Vec::new();
    for part in name.split('/') {
        match part {
            "" | "." => {}
            ".." => bail!("`..` would leave the archive"),
            other => parts.push(other.to_string()),
        }
    }
    Ok(parts)
}

fn note_skipped(origin: &str, name: &str) {
    eprintln!(
        "note: {origin}: skipping {} (not a regular file)",
        escape_control(name)
    );
}

/// The regular files of a tar stream, by name.
fn tar_entries(
    reader: impl Read,
    origin: &str,
    budget: &mut Budget,
) -> Result<Vec<(String, Vec<u8>)>> {
    let mut archive = tar::Archive::new(reader);
    let mut found = Vec::new();
    for entry in archive
        .entries()
        .with_context(|| format!("{origin}: not a tar archive"))?
    {
        let entry = entry.with_context(|| format!("{origin}: a damaged tar entry"))?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let kind = entry.header().entry_type();
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            note_skipped(origin, &name);
            continue;
        }
        let content = budget.read(entry, origin, &name)?;
        found.push((name, content));
    }
    Ok(found)
}

/// The regular files of a zip archive, by name.
fn zip_entries(bytes: &[u8], origin: &str, budget: &mut Budget) -> Result<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .with_context(|| format!("{origin}: not a zip archive"))?;
    let mut found = Vec::new();
    for index in 0..archive.len() {
        let entry = archive
            .by_index(index)
            .with_context(|| format!("{origin}: a damaged zip entry"))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if entry.is_dir() {
            continue;
        }
        if !entry.is_file() {
            note_skipped(origin, &name);
            continue;
        }
        let content = budget.read(entry, origin, &name)?;
        found.push((name, content));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_stay_inside_the_archive() {
        assert_eq!(clean_path("./a//b/c.proto").unwrap(), ["a", "b", "c.proto"]);
        assert!(clean_path("../x.proto").is_err());
        assert!(clean_path("a/../../x.proto").is_err());
        assert!(clean_path("/etc/x.proto").is_err());
        assert!(clean_path("a\\..\\x.proto").is_err());
    }

    #[test]
    fn what_an_archive_unpacks_to_is_bounded() {
        let mut budget = Budget {
            left: 10,
            max_size: 10,
        };
        assert_eq!(budget.read(&b"12345"[..], "a", "x").unwrap().len(), 5);
        let error = budget.read(&b"123456"[..], "a", "y").unwrap_err();
        assert!(
            error.to_string().contains("more than the 10 bytes limit"),
            "{error}"
        );
    }
}
