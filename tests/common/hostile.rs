//! Helpers for the hostile-input tests (issue #9): run the binary in a
//! temp directory, and take a snapshot of a directory tree (names, kinds,
//! contents, link targets) to prove nothing outside the intended place
//! changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_opensergo"))
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout and stderr with miette's line wrapping undone.
    pub fn flat(&self) -> String {
        super::flat(&format!("{}\n{}", self.stdout, self.stderr))
    }
}

/// Runs `opensergo ARGS` in `dir` (no colour, stdin closed), failing the
/// test if it outlives `timeout`.
pub fn run_in(dir: &Path, args: &[&str], timeout: Duration) -> Run {
    let mut cmd = Command::new(bin());
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .args(args);
    let out = super::run(&mut cmd, None, timeout);
    Run {
        // A signal death (a stack overflow's abort) has no code: -1.
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn run(dir: &Path, args: &[&str]) -> Run {
    let mut with_no_config = vec!["--no-config"];
    with_no_config.extend_from_slice(args);
    run_in(dir, &with_no_config, Duration::from_secs(120))
}

/// What a path holds, for before/after comparisons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    File(Vec<u8>),
    Dir,
    Link(PathBuf),
    Other(String),
}

/// Every path below `root` (links not followed) and what it holds.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let ft = meta.file_type();
            let what = if ft.is_symlink() {
                Entry::Link(std::fs::read_link(&path).unwrap())
            } else if ft.is_dir() {
                stack.push(path.clone());
                Entry::Dir
            } else if ft.is_file() {
                Entry::File(std::fs::read(&path).unwrap())
            } else {
                Entry::Other(format!("{ft:?}"))
            };
            out.insert(rel, what);
        }
    }
    out
}

pub fn write(path: &Path, text: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

pub fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// A valid RateLimitStrategy named `name`.
pub fn strategy(name: &str) -> String {
    format!(
        "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: RateLimitStrategy\nmetadata:\n  name: {name}\n  labels:\n    app: foo\nspec:\n  metricType: RequestAmount\n  limitMode: Local\n  threshold: 10\n  statDurationSeconds: 1\n"
    )
}

/// A CRD with the given group, version and kind (raw YAML scalars).
pub fn crd(group: &str, version: &str, kind: &str) -> String {
    format!(
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: evil\nspec:\n  group: {group}\n  names:\n    kind: {kind}\n  versions:\n    - name: {version}\n      schema:\n        openAPIV3Schema:\n          type: object\n"
    )
}
