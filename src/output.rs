//! Writing results: atomically to files (a temp file renamed into place,
//! so a failed run never leaves a half-written file), or to stdout, where
//! a closed pipe (`| head`) ends the run quietly.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: readers see the old file or the
/// new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_all_atomic(&[(path.to_path_buf(), bytes.to_vec())])
}

/// Writes several files so that either all are replaced or none: each is
/// staged as a temp file first, and renames happen only once all staged.
pub fn write_all_atomic(files: &[(std::path::PathBuf, Vec<u8>)]) -> Result<(), String> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let mut tmp = tempfile::NamedTempFile::new_in(&dir)
            .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
        // Temp files are private (0600); give the result the permissions
        // of the file it replaces, or the usual 0644.
        let permissions = std::fs::metadata(path).map_or_else(
            |_| std::os::unix::fs::PermissionsExt::from_mode(0o644),
            |m| m.permissions(),
        );
        tmp.write_all(bytes)
            .and_then(|()| tmp.as_file().set_permissions(permissions))
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        staged.push((tmp, path));
    }
    for (tmp, path) in staged {
        tmp.persist(path)
            .map_err(|e| format!("cannot replace {}: {}", path.display(), e.error))?;
    }
    Ok(())
}

/// Prints to stdout. A closed pipe is not an error: the reader has what
/// it wanted.
pub fn print_stdout(text: &[u8]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write to stdout: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/out.txt");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }
}
