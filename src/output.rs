//! Writing results, only where the user asked.
//!
//! * [`write_file`] (`-o FILE`): a regular file is replaced atomically (a
//!   temp file beside it, renamed into place, so a failed run never leaves
//!   half a file); a symbolic link to a regular file replaces the file it
//!   points to, not the link; a target that exists and is not a regular
//!   file (`/dev/null`, `/dev/stdout`, a FIFO, a socket, a link to one) is
//!   written into directly, never replaced.
//! * [`Batch`] (`--out-dir`, `schema export`, `schema from-crd`, `gen`): many
//!   files under one directory. Every relative path is checked first (no
//!   `..`, no absolute path, no empty or odd component), nothing is written
//!   through a symbolic link planted below the directory, each file is
//!   written to a temp file and closed at once (so any number of files
//!   works under a small `ulimit -n`), and the renames happen only once all
//!   are staged. An interrupt (Ctrl-C, SIGTERM, SIGHUP) while staging
//!   removes the temp files before the process dies.
//! * [`FileId`]: a file's identity (device and inode), so an output that
//!   is also an input is refused whatever name it is given by.
//! * [`print_stdout`]: a closed pipe (`| head`) ends the run quietly.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

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
/// module documentation).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let shown = display(path);
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let dir = parent_of(path);
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", display(&dir)))?;
            replace_atomically(path, bytes, None)
        }
        Err(e) => Err(format!("cannot write {shown}: {e}")),
        Ok(meta) if meta.file_type().is_symlink() => match std::fs::metadata(path) {
            Ok(target) if target.is_file() && !is_system_path(path) => {
                // Replace the file the link points to; the link stays.
                let real = std::fs::canonicalize(path)
                    .map_err(|e| format!("cannot resolve {shown}: {e}"))?;
                if is_system_path(&real) {
                    return write_directly(path, bytes);
                }
                replace_atomically(&real, bytes, Some(target.permissions()))
            }
            Ok(target) if target.is_dir() => Err(format!("{shown} is a directory")),
            Ok(_) => write_directly(path, bytes),
            // A dangling link could lead anywhere (a planted
            // `report.json -> /etc/cron.d/x`): never create its target.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(format!(
                "{shown} is a symbolic link to {}, which does not exist: remove the link or write elsewhere",
                std::fs::read_link(path).map_or_else(|_| "?".into(), |t| display(&t))
            )),
            Err(e) => Err(format!("cannot write {shown}: {e}")),
        },
        Ok(meta) if meta.is_dir() => Err(format!("{shown} is a directory")),
        Ok(meta) if meta.is_file() && !is_system_path(path) => {
            replace_atomically(path, bytes, Some(meta.permissions()))
        }
        // A device, FIFO or socket: write into it, never replace it.
        Ok(_) => write_directly(path, bytes),
    }
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Opens an existing non-regular file for writing and writes into it.
fn write_directly(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", display(path)))?;
    match file.write_all(bytes).and_then(|()| file.flush()) {
        Ok(()) => Ok(()),
        // `-o /dev/stdout | head`: the reader has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write {}: {e}", display(path))),
    }
}

/// Writes a temp file beside `path`, closes it and renames it over `path`.
fn replace_atomically(
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<(), String> {
    let dir = parent_of(path);
    let deferred = interrupt::Deferred::install();
    let staged = match stage(&dir, bytes, permissions) {
        Ok(staged) => staged,
        // A writable file in a directory we may not create files in:
        // write it in place rather than fail.
        Err(StageError::CannotCreate(e))
            if e.kind() == std::io::ErrorKind::PermissionDenied && path.is_file() =>
        {
            return write_directly(path, bytes);
        }
        Err(e) => return Err(e.message(path, &dir)),
    };
    if interrupt::pending() {
        drop(staged);
        interrupt::die();
    }
    let result = staged
        .persist(path)
        .map_err(|e| format!("cannot replace {}: {}", display(path), e.error));
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

/// Writes `bytes` to a new temp file in `dir` and closes it.
fn stage(
    dir: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<tempfile::TempPath, StageError> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".opensergo-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(StageError::CannotCreate)?;
    // Temp files are private (0600); give the result the permissions of
    // the file it replaces, or the usual 0644.
    tmp.write_all(bytes)
        .and_then(|()| match permissions.or_else(default_permissions) {
            Some(p) => tmp.as_file().set_permissions(p),
            None => Ok(()),
        })
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(StageError::CannotWrite)?;
    // Closing here keeps one descriptor open at a time, however many
    // files a batch stages.
    Ok(tmp.into_temp_path())
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
pub struct Batch {
    root: PathBuf,
    /// Staged temp files (closed) and where each goes.
    staged: Vec<(tempfile::TempPath, PathBuf)>,
    /// Files that must not be overwritten (the run's inputs).
    inputs: Vec<FileId>,
    _deferred: interrupt::Deferred,
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
        Ok(Batch {
            root: root.to_path_buf(),
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
        let target = confine(&self.root, rel, Parents::Create)?;
        let dir = parent_of(&target);
        let permissions = match std::fs::symlink_metadata(&target) {
            // A link is replaced by the file (the rename does not follow
            // it), so nothing outside the directory changes.
            Ok(meta) if meta.is_file() => Some(meta.permissions()),
            _ => None,
        };
        refuse_input(&target, &self.inputs)?;
        if self.staged.iter().any(|(_, p)| *p == target) {
            return Err(format!(
                "two outputs would both be written to {}",
                display(&target)
            ));
        }
        let staged = stage(&dir, bytes, permissions).map_err(|e| e.message(&target, &dir))?;
        self.staged.push((staged, target.clone()));
        if interrupt::pending() {
            // Dropping the staged temp paths removes them.
            self.staged.clear();
            interrupt::die();
        }
        Ok(target)
    }

    /// Renames every staged file into place; returns the written paths.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, String> {
        let mut written = Vec::with_capacity(self.staged.len());
        for (tmp, path) in std::mem::take(&mut self.staged) {
            tmp.persist(&path)
                .map_err(|e| format!("cannot replace {}: {}", display(&path), e.error))?;
            written.push(path);
        }
        Ok(written)
    }
}

/// Whether [`confine`] creates the missing directories on the way.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Parents {
    Create,
    /// Check only: nothing is created (a missing directory ends the walk).
    Leave,
}

/// `root/rel`, once `rel` (from input data) is checked: a plain relative
/// path, no directory on the way a symbolic link or not a directory, the
/// target not a directory.
fn confine(root: &Path, rel: &Path, parents: Parents) -> Result<PathBuf, String> {
    check_relative(rel).map_err(|why| {
        format!(
            "refusing to write `{}` below {}: {why}",
            display(rel),
            display(root)
        )
    })?;
    let target = root.join(rel);
    let mut dir = root.to_path_buf();
    let components: Vec<_> = rel
        .parent()
        .map(|p| p.components().collect())
        .unwrap_or_default();
    for component in components {
        dir.push(component);
        match std::fs::symlink_metadata(&dir) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(format!(
                    "refusing to write {}: {} is a symbolic link (it may lead out of {})",
                    display(&target),
                    display(&dir),
                    display(root)
                ));
            }
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(format!(
                    "cannot write {}: {} is not a directory",
                    display(&target),
                    display(&dir)
                ));
            }
            Err(_) if parents == Parents::Leave => return Ok(target),
            Err(_) => std::fs::create_dir(&dir)
                .map_err(|e| format!("cannot create {}: {e}", display(&dir)))?,
        }
    }
    if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
        return Err(format!("{} is a directory", display(&target)));
    }
    Ok(target)
}

/// Checks, creating nothing, that a [`Batch`] below `root` would accept
/// `rel`: a plan made of many files is checked whole before any is
/// staged, so a bad name leaves no directory behind.
pub fn check_below(root: &Path, rel: &Path) -> Result<PathBuf, String> {
    confine(root, rel, Parents::Leave)
}

/// The content of the regular file `root/rel`, when there is one reached
/// without a symbolic link; `None` otherwise (missing, a link, a device).
/// What an unchanged-file check may compare, never read through a link
/// planted below `root`.
pub fn read_below(root: &Path, rel: &Path) -> Option<Vec<u8>> {
    let target = check_below(root, rel).ok()?;
    std::fs::symlink_metadata(&target)
        .ok()
        .filter(std::fs::Metadata::is_file)?;
    std::fs::read(&target).ok()
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
        assert_eq!(read_below(&out, Path::new("f")), None, "a link is not read");
        assert_eq!(read_below(&out, Path::new("up/secret")), None);
        std::fs::write(out.join("g"), b"g").unwrap();
        assert_eq!(read_below(&out, Path::new("g")), Some(b"g".to_vec()));
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
