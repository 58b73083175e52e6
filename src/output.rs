//! Writing results, only where the user asked.
//!
//! * [`write_file`] (`-o FILE`): a regular file is replaced atomically (a
//!   temp file beside it, renamed into place, so a failed run never leaves
//!   half a file); a symbolic link to a regular file replaces the file it
//!   points to, not the link; a target that exists and is not a regular
//!   file (`/dev/null`, `/dev/stdout`, a FIFO, a socket, a link to one) is
//!   written into directly, never replaced (and never truncated before the
//!   opened descriptor is checked to be no regular file). The target's
//!   directory is opened once and everything after happens through that
//!   descriptor, so a directory renamed or swapped for a link on the way
//!   there during the run cannot move the write.
//! * [`Batch`] (`--out-dir`, `schema export`, `schema from-crd`, `gen`): many
//!   files under one directory. Every relative path is checked first (no
//!   `..`, no absolute path, no empty or odd component), nothing is written
//!   through a symbolic link planted below the directory (every step goes
//!   through directory descriptors, so a link swapped in after a check
//!   changes nothing), each file is
//!   written to a temp file and closed at once (so any number of files
//!   works under a small `ulimit -n`), and the renames happen only once all
//!   are staged. An interrupt (Ctrl-C, SIGTERM, SIGHUP) while staging
//!   removes the temp files before the process dies.
//! * [`FileId`]: a file's identity (device and inode), so an output that
//!   is also an input is refused whatever name it is given by.
//! * [`print_stdout`]: a closed pipe (`| head`) ends the run quietly.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cap_std::fs::Dir;

use crate::escape::escape_path;

/// A file's identity: device and inode on Unix, the canonical path
/// elsewhere. Two names of one file (a symlink, a hard link, `./x`) have
/// the same identity.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileId(Inner);

#[cfg(unix)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Inner {
    dev: u64,
    ino: u64,
}

#[cfg(not(unix))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Inner(PathBuf);

impl FileId {
    /// The identity of the file at `path` (following symbolic links), or
    /// `None` when there is none (yet).
    pub fn of(path: &Path) -> Option<FileId> {
        let meta = std::fs::metadata(path).ok()?;
        Self::from_metadata(path, &meta)
    }

    #[cfg(unix)]
    fn from_metadata(_path: &Path, meta: &std::fs::Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        Some(FileId(Inner {
            dev: meta.dev(),
            ino: meta.ino(),
        }))
    }

    #[cfg(not(unix))]
    fn from_metadata(path: &Path, _meta: &std::fs::Metadata) -> Option<FileId> {
        std::fs::canonicalize(path).ok().map(|p| FileId(Inner(p)))
    }
}

/// Refuses to write `output` when it is one of `inputs` (by identity, not
/// by name): the run would destroy what it reads.
pub fn refuse_input(output: &Path, inputs: &[FileId]) -> Result<(), String> {
    if inputs.is_empty() {
        return Ok(());
    }
    match FileId::of(output) {
        Some(id) if inputs.contains(&id) => Err(format!(
            "{} is also an input of this run: refusing to overwrite it (write the output somewhere else)",
            escape_path(output)
        )),
        _ => Ok(()),
    }
}

fn display(path: &Path) -> String {
    escape_path(path).into_owned()
}

/// Paths of the kernel's own files (`/dev/stdout` is a link into
/// `/proc/self/fd`): always written directly.
fn is_system_path(path: &Path) -> bool {
    path.starts_with("/dev") || path.starts_with("/proc")
}

/// Writes `bytes` to `path`, the way the user asked for it (see the
/// module documentation). The directory the file goes in is opened once,
/// and what is there is looked at, staged, renamed or written through
/// that descriptor: a directory on the way renamed or swapped for a link
/// during the run does not move the write elsewhere.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let shown = display(path);
    let Some(name) = path.file_name() else {
        return Err(format!("{shown} is a directory"));
    };
    let parent = parent_of(path);
    std::fs::create_dir_all(&parent)
        .map_err(|e| format!("cannot create {}: {e}", display(&parent)))?;
    let dir = open_dir(&parent)?;
    let system = is_system_path(path);
    match dir.symlink_metadata(name) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            replace_in(&dir, name, path, bytes, None)
        }
        Err(e) => Err(format!("cannot write {shown}: {e}")),
        Ok(meta) if meta.file_type().is_symlink() => match std::fs::metadata(path) {
            Ok(target) if target.is_file() && !system => {
                // Replace the file the link points to; the link stays.
                let real = std::fs::canonicalize(path)
                    .map_err(|e| format!("cannot resolve {shown}: {e}"))?;
                let Some(real_name) = real.file_name().filter(|_| !is_system_path(&real)) else {
                    return write_directly(path, bytes, Existing::System);
                };
                let real_dir = open_dir(&parent_of(&real))?;
                replace_in(
                    &real_dir,
                    real_name,
                    &real,
                    bytes,
                    Some(target.permissions()),
                )
            }
            Ok(target) if target.is_dir() => Err(format!("{shown} is a directory")),
            Ok(_) if system => write_directly(path, bytes, Existing::System),
            Ok(_) => write_directly(path, bytes, Existing::Special),
            // A dangling link could lead anywhere (a planted
            // `report.json -> /etc/cron.d/x`): never create its target.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(format!(
                "{shown} is a symbolic link to {}, which does not exist: remove the link or write elsewhere",
                std::fs::read_link(path).map_or_else(|_| "?".into(), |t| display(&t))
            )),
            Err(e) => Err(format!("cannot write {shown}: {e}")),
        },
        Ok(meta) if meta.is_dir() => Err(format!("{shown} is a directory")),
        Ok(meta) if meta.is_file() && !system => {
            replace_in(&dir, name, path, bytes, std_permissions(&meta))
        }
        Ok(_) if system => write_directly(path, bytes, Existing::System),
        // A device, FIFO or socket: write into it, never replace it.
        Ok(_) => write_in(&dir, name, path, bytes, Existing::Special),
    }
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Opens the directory an output goes in (the user named it: a link on
/// the way there is followed).
fn open_dir(path: &Path) -> Result<Dir, String> {
    Dir::open_ambient_dir(path, cap_std::ambient_authority())
        .map_err(|e| format!("cannot open {}: {e}", display(path)))
}

/// What [`write_directly`] and [`write_in`] write into, as checked before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Existing {
    /// A device, FIFO or socket (or a link to one). The descriptor opened
    /// is checked again, so a regular file put in its place since (or a
    /// link repointed at one) is neither truncated nor written.
    Special,
    /// A regular file that cannot be replaced (its directory is not
    /// writable): truncated and written in place, never through a link.
    Regular,
    /// The kernel's own files (`/dev/stdout` may lead to the regular file
    /// stdout was redirected to): written as named.
    System,
}

/// Opens an existing file by its path, following links (the user named
/// it), and writes into it (see [`Existing`]).
fn write_directly(path: &Path, bytes: &[u8], into: Existing) -> Result<(), String> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(into != Existing::Special)
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", display(path)))?;
    write_into(file, path, bytes, into)
}

/// Opens the existing file `name` in `dir`, following no link, and writes
/// into it (see [`Existing`]); `path` is how it is shown.
fn write_in(
    dir: &Dir,
    name: &OsStr,
    path: &Path,
    bytes: &[u8],
    into: Existing,
) -> Result<(), String> {
    let mut options = cap_std::fs::OpenOptions::new();
    options.write(true).truncate(into != Existing::Special);
    #[cfg(unix)]
    cap_std::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    let file = dir
        .open_with(name, &options)
        .map_err(|e| format!("cannot write {}: {e}", display(path)))?;
    write_into(file.into_std(), path, bytes, into)
}

fn write_into(
    mut file: std::fs::File,
    path: &Path,
    bytes: &[u8],
    into: Existing,
) -> Result<(), String> {
    if into == Existing::Special
        && file
            .metadata()
            .map_err(|e| format!("cannot write {}: {e}", display(path)))?
            .is_file()
    {
        return Err(format!(
            "{} became a regular file while it was being opened: nothing written (run again)",
            display(path)
        ));
    }
    match file.write_all(bytes).and_then(|()| file.flush()) {
        Ok(()) => Ok(()),
        // `-o /dev/stdout | head`: the reader has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write {}: {e}", display(path))),
    }
}

/// Writes a temp file in `dir`, closes it and renames it over `name`
/// there; `path` is how the target is shown.
fn replace_in(
    dir: &Dir,
    name: &OsStr,
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<(), String> {
    let deferred = interrupt::Deferred::install();
    let temp = match stage_in(dir, bytes, permissions) {
        Ok(temp) => temp,
        // A writable file in a directory we may not create files in:
        // write it in place rather than fail.
        Err(StageError::CannotCreate(e))
            if e.kind() == std::io::ErrorKind::PermissionDenied
                && dir.symlink_metadata(name).is_ok_and(|m| m.is_file()) =>
        {
            return write_in(dir, name, path, bytes, Existing::Regular);
        }
        Err(e) => return Err(e.message(path, &parent_of(path))),
    };
    if interrupt::pending() {
        let _ = dir.remove_file(&temp);
        interrupt::die();
    }
    let result = dir.rename(&temp, dir, name).map_err(|e| {
        let _ = dir.remove_file(&temp);
        format!("cannot replace {}: {e}", display(path))
    });
    drop(deferred);
    result
}

enum StageError {
    CannotCreate(std::io::Error),
    CannotWrite(std::io::Error),
}

impl StageError {
    fn message(&self, path: &Path, dir: &Path) -> String {
        match self {
            StageError::CannotCreate(e) => format!("cannot write in {}: {e}", display(dir)),
            StageError::CannotWrite(e) => format!("cannot write {}: {e}", display(path)),
        }
    }
}

/// Writes a fresh temp file, gives it its final permissions, syncs and
/// closes it (one descriptor open at a time, however many files a batch
/// stages).
fn fill(
    mut file: std::fs::File,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    file.write_all(bytes)?;
    // Temp files are private (0600); give the result the permissions of
    // the file it replaces, or the usual 0644.
    if let Some(p) = permissions.or_else(default_permissions) {
        file.set_permissions(p)?;
    }
    file.sync_all()
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    Some(std::os::unix::fs::PermissionsExt::from_mode(0o644))
}

/// Elsewhere only the read-only flag exists: a fresh temp file's
/// permissions (writable) are already the right ones.
#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Checks a path made from input data (a CRD's group, a kind, an object
/// name) before it goes below an output directory: relative, every
/// component a plain name (no `..`, `.`, empty, drive or root, control
/// character, backslash), at most 255 bytes a component.
pub fn check_relative(rel: &Path) -> Result<(), String> {
    let Some(text) = rel.to_str() else {
        return Err("a name that is not UTF-8".into());
    };
    if text.is_empty() {
        return Err("an empty path".into());
    }
    if rel.is_absolute() || rel.has_root() || text.starts_with('/') {
        return Err("an absolute path leaves the directory".into());
    }
    // Split by hand: `Path::components` quietly drops `.` and empty parts.
    for part in text.split(|c| c == '/' || (cfg!(windows) && c == '\\')) {
        match part {
            "" => return Err("an empty path component".into()),
            ".." => return Err("`..` climbs out of the directory".into()),
            "." => return Err("`.` is not a file name".into()),
            name => check_component(OsStr::new(name))?,
        }
    }
    Ok(())
}

/// Checks one file name made from input data (see [`check_relative`]).
pub fn check_component(name: &OsStr) -> Result<(), String> {
    let Some(text) = name.to_str() else {
        return Err("a name that is not UTF-8".into());
    };
    if text.is_empty() {
        return Err("an empty name".into());
    }
    if text == "." || text == ".." {
        return Err(format!("`{text}` is not a file name"));
    }
    if text.len() > 255 {
        return Err("a name longer than 255 bytes".into());
    }
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '\0'))
    {
        return Err(format!(
            "the character {} has no place in a file name",
            crate::escape::escape_control(&c.to_string())
        ));
    }
    Ok(())
}

/// Many files written under one directory, all or none (see the module
/// documentation).
///
/// Every file operation goes through directory descriptors opened from the
/// root down (cap-std: `openat`, `renameat`, `unlinkat`), never through a
/// path looked up again later, so the tree cannot be changed under the
/// batch between a check and a write: a directory swapped for a symbolic
/// link after it was checked is caught by its identity, and no lookup can
/// leave the root whatever happens.
pub struct Batch {
    root: PathBuf,
    /// The root, and each directory below it already opened, by relative path.
    dirs: HashMap<PathBuf, Arc<Dir>>,
    /// Staged temp files (closed) and where each goes.
    staged: Vec<Staged>,
    /// Files that must not be overwritten (the run's inputs).
    inputs: Vec<FileId>,
    _deferred: interrupt::Deferred,
}

/// A temp file written and closed in its directory, renamed into place on
/// commit and removed when dropped before.
struct Staged {
    dir: Arc<Dir>,
    temp: String,
    name: std::ffi::OsString,
    target: PathBuf,
    renamed: bool,
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = self.dir.remove_file(&self.temp);
        }
    }
}

impl Batch {
    /// A batch writing below `root` (created when missing; `root` itself
    /// may be a symbolic link, since the user named it).
    pub fn new(root: &Path) -> Result<Batch, String> {
        if let Ok(meta) = std::fs::metadata(root)
            && !meta.is_dir()
        {
            return Err(format!("{} is not a directory", display(root)));
        }
        std::fs::create_dir_all(root)
            .map_err(|e| format!("cannot create {}: {e}", display(root)))?;
        let dir = Dir::open_ambient_dir(root, cap_std::ambient_authority())
            .map_err(|e| format!("cannot open {}: {e}", display(root)))?;
        Ok(Batch {
            root: root.to_path_buf(),
            dirs: HashMap::from([(PathBuf::new(), Arc::new(dir))]),
            staged: Vec::new(),
            inputs: Vec::new(),
            _deferred: interrupt::Deferred::install(),
        })
    }

    /// Files the batch must refuse to overwrite.
    pub fn protect(&mut self, inputs: &[FileId]) {
        self.inputs.extend_from_slice(inputs);
    }

    /// Stages `bytes` for `rel` below the root. `rel` comes from input data:
    /// it is checked, and no directory on the way may be a symbolic link.
    pub fn stage(&mut self, rel: &Path, bytes: &[u8]) -> Result<PathBuf, String> {
        check_relative(rel).map_err(|why| {
            format!(
                "refusing to write `{}` below {}: {why}",
                display(rel),
                display(&self.root)
            )
        })?;
        let target = self.root.join(rel);
        let (Some(parent), Some(name)) = (rel.parent(), rel.file_name()) else {
            return Err(format!("cannot write {}: no file name", display(&target)));
        };
        let dir = self.open_dir(parent, &target)?;
        let permissions = match dir.symlink_metadata(name) {
            Ok(meta) if meta.is_dir() => {
                return Err(format!("{} is a directory", display(&target)));
            }
            Ok(meta) if meta.is_file() => std_permissions(&meta),
            // A link is replaced by the file (the rename does not follow
            // it), so nothing outside the directory changes.
            _ => None,
        };
        refuse_input(&target, &self.inputs)?;
        if self.staged.iter().any(|s| s.target == target) {
            return Err(format!(
                "two outputs would both be written to {}",
                display(&target)
            ));
        }
        let parent_shown = self.root.join(parent);
        let temp =
            stage_in(&dir, bytes, permissions).map_err(|e| e.message(&target, &parent_shown))?;
        self.staged.push(Staged {
            dir,
            temp,
            name: name.to_os_string(),
            target: target.clone(),
            renamed: false,
        });
        if interrupt::pending() {
            // Dropping the staged files removes them.
            self.staged.clear();
            interrupt::die();
        }
        Ok(target)
    }

    /// The directory `rel` below the root, created as needed, each level
    /// opened from the one above and checked to be no symbolic link.
    fn open_dir(&mut self, rel: &Path, target: &Path) -> Result<Arc<Dir>, String> {
        let mut at = PathBuf::new();
        let mut dir = Arc::clone(&self.dirs[&at]);
        for component in rel.components() {
            at.push(component);
            if let Some(open) = self.dirs.get(&at) {
                dir = Arc::clone(open);
                continue;
            }
            let shown = self.root.join(&at);
            let sub = open_subdir(&dir, component.as_os_str(), &shown, true)
                .map_err(|why| format!("refusing to write {}: {why}", display(target)))?
                .ok_or_else(|| format!("cannot create {}", display(&shown)))?;
            dir = Arc::new(sub);
            self.dirs.insert(at.clone(), Arc::clone(&dir));
        }
        Ok(dir)
    }

    /// Renames every staged file into place; returns the written paths.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, String> {
        let mut written = Vec::with_capacity(self.staged.len());
        for staged in &mut self.staged {
            staged
                .dir
                .rename(&staged.temp, &staged.dir, &staged.name)
                .map_err(|e| format!("cannot replace {}: {e}", display(&staged.target)))?;
            staged.renamed = true;
            written.push(staged.target.clone());
        }
        Ok(written)
    }
}

/// Opens the directory `name` in `dir`, creating it when missing if
/// `create` (else `None` for a missing one). A symbolic link there is
/// refused; so is a directory that is swapped for something else between
/// the check and the open (its identity changed). Whatever happens,
/// cap-std never resolves outside `dir`.
fn open_subdir(
    dir: &Dir,
    name: &std::ffi::OsStr,
    shown: &Path,
    create: bool,
) -> Result<Option<Dir>, String> {
    let checked = match dir.symlink_metadata(name) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            match dir.create_dir(name) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(format!("cannot create {}: {e}", display(shown))),
            }
            dir.symlink_metadata(name)
        }
        other => other,
    }
    .map_err(|e| format!("cannot read {}: {e}", display(shown)))?;
    if checked.file_type().is_symlink() {
        return Err(format!(
            "{} is a symbolic link (it may lead out of the output directory)",
            display(shown)
        ));
    }
    if !checked.is_dir() {
        return Err(format!("{} is not a directory", display(shown)));
    }
    let opened = dir
        .open_dir(name)
        .map_err(|e| format!("cannot open {}: {e}", display(shown)))?;
    let now = opened
        .dir_metadata()
        .map_err(|e| format!("cannot read {}: {e}", display(shown)))?;
    if !same_file(&checked, &now) {
        return Err(format!(
            "{} changed while it was opened (a symbolic link was put in its place)",
            display(shown)
        ));
    }
    Ok(Some(opened))
}

#[cfg(unix)]
fn same_file(a: &cap_std::fs::Metadata, b: &cap_std::fs::Metadata) -> bool {
    use cap_std::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

/// Elsewhere cap-std's confinement alone holds: no lookup leaves the root.
#[cfg(not(unix))]
fn same_file(_: &cap_std::fs::Metadata, _: &cap_std::fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn std_permissions(meta: &cap_std::fs::Metadata) -> Option<std::fs::Permissions> {
    use cap_std::fs::PermissionsExt;
    Some(std::os::unix::fs::PermissionsExt::from_mode(
        meta.permissions().mode(),
    ))
}

#[cfg(not(unix))]
fn std_permissions(_: &cap_std::fs::Metadata) -> Option<std::fs::Permissions> {
    None
}

/// Writes `bytes` to a new temp file in `dir`, closes it and returns its name.
fn stage_in(
    dir: &Dir,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<String, StageError> {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut options = cap_std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    let (name, file) = loop {
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!(".opensergo-{}-{n}.tmp", std::process::id());
        match dir.open_with(&name, &options) {
            Ok(file) => break (name, file.into_std()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(StageError::CannotCreate(e)),
        }
    };
    if let Err(e) = fill(file, bytes, permissions) {
        let _ = dir.remove_file(&name);
        return Err(StageError::CannotWrite(e));
    }
    Ok(name)
}

/// Checks, creating nothing, that a [`Batch`] below `root` would accept
/// `rel`: a plan made of many files is checked whole before any is
/// staged, so a bad name leaves no directory behind. The directories that
/// exist are walked as the batch walks them (through descriptors).
pub fn check_below(root: &Path, rel: &Path) -> Result<PathBuf, String> {
    walk_below(root, rel).map(|(target, _)| target)
}

/// The content of the regular file `root/rel`, when there is one reached
/// without a symbolic link; `None` otherwise (missing, a link, a device).
/// What an unchanged-file check may compare, never read through a link
/// planted below `root`: every directory is opened through the one above,
/// and the file opened is checked to be the regular file that was looked at.
/// At most `limit` bytes and one more are read (so a longer file shows as
/// longer): a file planted where output goes costs no more to compare
/// than what it is compared with, whatever its size.
pub fn read_below(root: &Path, rel: &Path, limit: u64) -> Option<Vec<u8>> {
    let (_, dir) = walk_below(root, rel).ok()?;
    let (dir, name) = (dir?, rel.file_name()?);
    let checked = dir.symlink_metadata(name).ok().filter(|m| m.is_file())?;
    let file = dir.open(name).ok()?;
    let opened = file.metadata().ok()?;
    if !same_file(&checked, &opened) {
        return None;
    }
    let mut bytes = Vec::new();
    let mut bounded = std::io::Read::take(file.into_std(), limit.saturating_add(1));
    std::io::Read::read_to_end(&mut bounded, &mut bytes).ok()?;
    Some(bytes)
}

/// `root/rel` once `rel` (from input data) is checked and its existing
/// directories walked through descriptors, creating nothing: a symbolic
/// link or a non-directory on the way is refused, so is a target that is a
/// directory. The directory of the target, when it exists.
fn walk_below(root: &Path, rel: &Path) -> Result<(PathBuf, Option<Dir>), String> {
    check_relative(rel).map_err(|why| {
        format!(
            "refusing to write `{}` below {}: {why}",
            display(rel),
            display(root)
        )
    })?;
    let target = root.join(rel);
    let Ok(mut dir) = Dir::open_ambient_dir(root, cap_std::ambient_authority()) else {
        // Nothing below a missing root exists yet.
        return Ok((target, None));
    };
    let mut shown = root.to_path_buf();
    for component in rel.parent().into_iter().flat_map(Path::components) {
        shown.push(component);
        match open_subdir(&dir, component.as_os_str(), &shown, false)
            .map_err(|why| format!("refusing to write {}: {why}", display(&target)))?
        {
            Some(sub) => dir = sub,
            None => return Ok((target, None)),
        }
    }
    if let Some(name) = rel.file_name()
        && dir.symlink_metadata(name).is_ok_and(|m| m.is_dir())
    {
        return Err(format!("{} is a directory", display(&target)));
    }
    Ok((target, Some(dir)))
}

/// Holding back Ctrl-C (and SIGTERM, SIGHUP) while temp files exist, so
/// they can be removed before the process dies.
mod interrupt {
    #[cfg(unix)]
    mod imp {
        use std::sync::Mutex;
        use std::sync::atomic::{AtomicI32, Ordering};

        const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

        /// The signal received while deferred (0: none).
        static RECEIVED: AtomicI32 = AtomicI32::new(0);
        /// How many `Deferred` are alive, and the handlers they replaced.
        static STATE: Mutex<(usize, Vec<libc::sighandler_t>)> = Mutex::new((0, Vec::new()));

        extern "C" fn on_signal(signal: libc::c_int) {
            RECEIVED.store(signal, Ordering::SeqCst);
        }

        pub fn install() {
            let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
            if state.0 == 0 {
                let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
                // SAFETY: the handler only stores into an atomic, which is
                // async-signal-safe.
                state.1 = SIGNALS
                    .iter()
                    .map(|&s| unsafe { libc::signal(s, handler) })
                    .collect();
            }
            state.0 += 1;
        }

        pub fn uninstall() {
            let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
            state.0 -= 1;
            if state.0 == 0 {
                for (&s, &previous) in SIGNALS.iter().zip(&state.1) {
                    // SAFETY: restores the handler `install` replaced.
                    unsafe {
                        libc::signal(s, previous);
                    }
                }
                drop(state);
                if pending() {
                    die();
                }
            }
        }

        pub fn pending() -> bool {
            RECEIVED.load(Ordering::SeqCst) != 0
        }

        /// Dies of the signal received, the way the process would have.
        pub fn die() -> ! {
            let signal = RECEIVED.load(Ordering::SeqCst);
            // SAFETY: resetting to the default action and re-raising is
            // how a deferred signal is delivered.
            unsafe {
                libc::signal(signal, libc::SIG_DFL);
                libc::raise(signal);
            }
            std::process::exit(128 + signal);
        }
    }

    #[cfg(not(unix))]
    mod imp {
        pub fn install() {}
        pub fn uninstall() {}
        pub fn pending() -> bool {
            false
        }
        pub fn die() -> ! {
            std::process::exit(130)
        }
    }

    pub use imp::{die, pending};

    /// While alive, interrupts are held back (see [`pending`]); when the
    /// last one is dropped, a held-back interrupt is delivered.
    pub struct Deferred(());

    impl Deferred {
        pub fn install() -> Deferred {
            imp::install();
            Deferred(())
        }
    }

    impl Drop for Deferred {
        fn drop(&mut self) {
            imp::uninstall();
        }
    }
}

/// Prints to stdout. A closed pipe is not an error: the reader has what
/// it wanted.
pub fn print_stdout(text: &[u8]) -> Result<(), String> {
    print_stdout_with(|out| out.write_all(text))
}

/// Lets `write` write to stdout through a buffer; as [`print_stdout`], a
/// reader that stops reading early is no error.
pub fn print_stdout_with(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
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
        write_file(&p, b"one").unwrap();
        write_file(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn relative_paths_from_input_are_checked() {
        for bad in [
            "../x",
            "a/../../b",
            "/etc/passwd",
            "",
            ".",
            "a/./b",
            "a\nb",
            "a\\b",
            "a//b",
        ] {
            assert!(check_relative(Path::new(bad)).is_err(), "{bad:?}");
        }
        for good in [
            "a/b/c.json",
            "example.opensergo.io/v1alpha1/Foo.json",
            "..a",
        ] {
            assert!(check_relative(Path::new(good)).is_ok(), "{good:?}");
        }
    }

    /// A directory the batch checked and opened, swapped for a link out of
    /// the output directory afterwards: later files still go through the
    /// descriptor opened, into the directory that was checked.
    #[cfg(unix)]
    #[test]
    fn a_directory_swapped_for_a_link_after_the_check_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        let out = dir.path().join("out");
        std::fs::create_dir_all(&outside).unwrap();
        let mut batch = Batch::new(&out).unwrap();
        batch.stage(Path::new("g/v1/A.json"), b"a").unwrap();
        std::fs::rename(out.join("g"), out.join("g-checked")).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("g")).unwrap();
        std::fs::create_dir(outside.join("v1")).unwrap();
        batch.stage(Path::new("g/v1/B.json"), b"b").unwrap();
        batch.commit().unwrap();
        assert_eq!(std::fs::read_dir(outside.join("v1")).unwrap().count(), 0);
        assert_eq!(
            std::fs::read(out.join("g-checked/v1/B.json")).unwrap(),
            b"b"
        );
    }

    /// `-o DIR/FILE` opens DIR once: renamed away after the open and a
    /// link to elsewhere planted in its place, the write still lands in
    /// the directory opened, never through the link.
    #[cfg(unix)]
    #[test]
    fn a_parent_swapped_for_a_link_after_the_open_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let (out, outside) = (dir.path().join("out"), dir.path().join("outside"));
        std::fs::create_dir_all(&out).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        let opened = open_dir(&out).unwrap();
        std::fs::rename(&out, dir.path().join("out-opened")).unwrap();
        std::os::unix::fs::symlink(&outside, &out).unwrap();
        let target = out.join("report.json");
        replace_in(&opened, OsStr::new("report.json"), &target, b"r", None).unwrap();
        assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
        assert_eq!(
            std::fs::read(dir.path().join("out-opened/report.json")).unwrap(),
            b"r"
        );
    }

    /// Staged files are removed when the batch is not committed.
    #[test]
    fn an_uncommitted_batch_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut batch = Batch::new(dir.path()).unwrap();
        batch.stage(Path::new("a.json"), b"a").unwrap();
        batch.stage(Path::new("sub/b.json"), b"b").unwrap();
        drop(batch);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "only sub/"
        );
        assert_eq!(
            std::fs::read_dir(dir.path().join("sub")).unwrap().count(),
            0
        );
    }

    /// A special file checked by name and replaced by a regular file (or a
    /// link to one) before it is opened: nothing truncated, nothing written.
    #[test]
    fn a_special_file_replaced_before_the_open_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let err = write_directly(&victim, b"new", Existing::Special).unwrap_err();
        assert!(err.contains("became a regular file"), "{err}");
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    }

    #[cfg(unix)]
    #[test]
    fn checks_below_a_root_create_nothing_and_reads_follow_no_link() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(dir.path().join("secret"), b"s").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), out.join("f")).unwrap();
        std::os::unix::fs::symlink(dir.path(), out.join("up")).unwrap();
        assert!(check_below(&out, Path::new("new/dir/f.txt")).is_ok());
        assert!(!out.join("new").exists(), "a check creates nothing");
        assert!(check_below(&out, Path::new("up/f.txt")).is_err());
        assert!(check_below(&out, Path::new("../f.txt")).is_err());
        assert_eq!(
            read_below(&out, Path::new("f"), 9),
            None,
            "a link is not read"
        );
        assert_eq!(read_below(&out, Path::new("up/secret"), 9), None);
        std::fs::write(out.join("g"), b"g").unwrap();
        assert_eq!(read_below(&out, Path::new("g"), 9), Some(b"g".to_vec()));
        std::fs::write(out.join("long"), b"0123456789").unwrap();
        assert_eq!(
            read_below(&out, Path::new("long"), 3),
            Some(b"0123".to_vec()),
            "a longer file is read one byte past the limit"
        );
    }

    #[cfg(unix)]
    #[test]
    fn batches_do_not_write_through_planted_links() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        let out = dir.path().join("out");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::create_dir_all(&out).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("g")).unwrap();
        let mut batch = Batch::new(&out).unwrap();
        let err = batch.stage(Path::new("g/v1/K.json"), b"{}").unwrap_err();
        assert!(err.contains("symbolic link"), "{err}");
        batch.stage(Path::new("h/v1/K.json"), b"{}").unwrap();
        batch.commit().unwrap();
        assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
        assert_eq!(std::fs::read(out.join("h/v1/K.json")).unwrap(), b"{}");
    }
}
