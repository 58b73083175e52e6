//! Files of a git revision, read with git itself from the local object
//! store (`git ls-tree`, `git cat-file --batch`): no checkout, nothing
//! written anywhere. `diff REV:path`, `proto breaking --against REV` and
//! git inputs of `gen` read revisions through here.
//!
//! Paths from a git tree are untrusted: they are only ever names (nothing
//! is opened by them), callers decide what to do with symbolic links (the
//! entry says so), and every blob's size is known before it is read.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A revision resolved to its tree, with where the current directory is
/// inside the repository.
#[derive(Debug, Clone)]
pub struct Revision {
    /// The revision as the user wrote it.
    pub name: String,
    /// The tree object's id.
    pub tree: String,
    /// The current directory relative to the repository root (`sub/` or
    /// empty), for `./`-relative paths.
    pub prefix: String,
    /// The repository git runs in: `None` for the one around the current
    /// directory.
    pub repository: Option<PathBuf>,
}

impl Revision {
    /// Resolves `rev` (a branch, tag, `origin/main`, a commit, `HEAD~2`)
    /// in the repository around the current directory. The error says how
    /// to fetch a revision the local object store does not have, which is
    /// what a shallow CI clone usually lacks.
    pub fn resolve(rev: &str) -> Result<Self, String> {
        let prefix = git(&["rev-parse", "--show-prefix"])
            .map_err(|e| format!("not inside a git repository ({e})"))?;
        let prefix = String::from_utf8_lossy(&prefix).trim_end().to_string();
        let tree = git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{rev}^{{tree}}"),
        ])
        .map_err(|_| unknown_revision(rev))?;
        Ok(Revision {
            name: rev.to_string(),
            tree: String::from_utf8_lossy(&tree).trim().to_string(),
            prefix,
            repository: None,
        })
    }

    /// Resolves `rev` in the repository at `repository` (a work tree or a
    /// bare repository; `HEAD` when `rev` is `None`). Paths are then
    /// relative to its root.
    pub fn resolve_in(repository: &Path, rev: Option<&str>) -> Result<Self, String> {
        let rev = rev.unwrap_or("HEAD");
        let dir = Some(repository);
        git_at(dir, &["rev-parse", "--git-dir"]).map_err(|e| {
            format!(
                "{} is not a git repository ({e})",
                crate::escape::escape_path(repository)
            )
        })?;
        let tree = git_at(
            dir,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                &format!("{rev}^{{tree}}"),
            ],
        )
        .map_err(|_| {
            format!(
                "unknown revision `{}` in {}",
                crate::escape::escape_control(rev),
                crate::escape::escape_path(repository)
            )
        })?;
        Ok(Revision {
            name: rev.to_string(),
            tree: String::from_utf8_lossy(&tree).trim().to_string(),
            prefix: String::new(),
            repository: Some(repository.to_path_buf()),
        })
    }

    /// Fetches `rev` (a branch, tag, full ref or commit; `HEAD` when
    /// `None`) from the repository at `url` with git itself, `depth`
    /// commits deep, into a temporary bare repository that lives as long
    /// as the result. Nothing is checked out.
    pub fn fetch(url: &str, rev: Option<&str>, depth: u32) -> Result<Fetched, String> {
        let shown = crate::escape::escape_control(url);
        if url.starts_with('-') {
            return Err(format!("`{shown}` is not a repository URL"));
        }
        let store = tempfile::tempdir()
            .map_err(|e| format!("cannot create a temporary repository: {e}"))?;
        let dir = Some(store.path());
        git_at(dir, &["init", "--quiet", "--bare"])?;
        let depth = format!("--depth={}", depth.max(1));
        let wanted = rev.unwrap_or("HEAD");
        // `ext::` runs a command of the URL's choosing: never, whatever
        // the user's git configuration says.
        git_at(
            dir,
            &[
                "-c",
                "protocol.ext.allow=never",
                "fetch",
                "--quiet",
                "--no-tags",
                &depth,
                "--end-of-options",
                url,
                wanted,
            ],
        )
        .map_err(|e| {
            format!(
                "cannot fetch `{}` from {shown}: {e}",
                crate::escape::escape_control(wanted)
            )
        })?;
        let mut revision = Revision::resolve_in(store.path(), Some("FETCH_HEAD"))?;
        revision.name = wanted.to_string();
        Ok(Fetched {
            revision,
            _store: store,
        })
    }

    /// Every entry under `path` (see [`tree_path`]), recursively; all of
    /// the tree for an empty path.
    pub fn list(&self, path: &str) -> Result<Vec<TreeEntry>, String> {
        let wanted = tree_path(&self.prefix, path);
        let mut args = vec!["ls-tree", "-r", "-z", "-l", "--full-tree", &self.tree];
        if !wanted.is_empty() {
            args.extend(["--", &wanted]);
        }
        let listing = git_at(self.repository.as_deref(), &args)?;
        Ok(parse_ls_tree(&listing))
    }

    /// Reads blobs of this revision's repository (see [`cat_blobs`]).
    pub fn cat_blobs(&self, blobs: &[(String, String, u64)]) -> Result<Vec<Vec<u8>>, String> {
        cat_blobs_at(self.repository.as_deref(), blobs)
    }
}

/// A revision fetched into a temporary repository, removed on drop.
pub struct Fetched {
    pub revision: Revision,
    _store: tempfile::TempDir,
}

/// "unknown revision" with the fetch that would make it known.
fn unknown_revision(rev: &str) -> String {
    let shown = crate::escape::escape_control(rev);
    let shallow =
        git(&["rev-parse", "--is-shallow-repository"]).is_ok_and(|out| out.starts_with(b"true"));
    let fetch = match rev.split_once('/') {
        Some((remote, branch)) if is_remote(remote) => format!("git fetch {remote} {branch}"),
        _ => format!("git fetch origin {shown}"),
    };
    let mut message = format!(
        "unknown revision `{shown}`: not in the local object store; fetch it with `{fetch}`"
    );
    if shallow {
        message.push_str(
            " (this clone is shallow: in GitHub Actions set `fetch-depth: 0` on actions/checkout, or fetch the revision with `--depth=1`)",
        );
    }
    message
}

fn is_remote(name: &str) -> bool {
    git(&["remote"]).is_ok_and(|out| {
        String::from_utf8_lossy(&out)
            .lines()
            .any(|remote| remote == name)
    })
}

/// The tree path `path` names: `./x` and `../x` are relative to the
/// current directory (`prefix` inside the repository), anything else to
/// the repository root, as in git's `REV:path`.
pub fn tree_path(prefix: &str, path: &str) -> String {
    let relative = path == "." || path.starts_with("./") || path.starts_with("../");
    let mut parts: Vec<&str> = if relative {
        prefix.split('/').filter(|p| !p.is_empty()).collect()
    } else {
        Vec::new()
    };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// One `git ls-tree -r -z -l` entry.
#[derive(Debug, PartialEq, Eq)]
pub struct TreeEntry {
    pub mode: String,
    pub kind: String,
    pub oid: String,
    pub size: u64,
    pub path: String,
}

impl TreeEntry {
    /// A file's content (not a submodule, which is another repository's tree).
    pub fn is_blob(&self) -> bool {
        self.kind == "blob"
    }

    /// A symbolic link: its blob is the link's target, never followed.
    pub fn is_symlink(&self) -> bool {
        self.mode == "120000"
    }
}

/// Parses `<mode> <type> <oid> <size>\t<path>\0` records. Paths that are
/// not UTF-8 or would leave the tree are dropped (git itself refuses to
/// check such trees out).
fn parse_ls_tree(listing: &[u8]) -> Vec<TreeEntry> {
    listing
        .split(|&b| b == 0)
        .filter_map(|record| {
            let text = std::str::from_utf8(record).ok()?;
            let (head, path) = text.split_once('\t')?;
            let mut fields = head.split_whitespace();
            let (mode, kind, oid, size) = (
                fields.next()?,
                fields.next()?,
                fields.next()?,
                fields.next()?,
            );
            let escapes = path.starts_with('/')
                || path
                    .split('/')
                    .any(|part| part.is_empty() || part == "." || part == "..");
            if escapes {
                return None;
            }
            Some(TreeEntry {
                mode: mode.to_string(),
                kind: kind.to_string(),
                oid: oid.to_string(),
                size: size.parse().unwrap_or(0),
                path: path.to_string(),
            })
        })
        .collect()
}

/// Runs git in the current directory; stdout on success, stderr's first
/// line otherwise.
fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    git_at(None, args)
}

/// A git command running in `dir` (the current directory when `None`).
fn git_command(dir: Option<&Path>) -> Command {
    let mut command = Command::new("git");
    // A fetch needing credentials fails instead of waiting at a prompt.
    command.env("GIT_TERMINAL_PROMPT", "0");
    if let Some(dir) = dir {
        command.arg("-C").arg(dir);
    }
    command
}

/// Runs git in `dir` (see [`git`]).
fn git_at(dir: Option<&Path>, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = git_command(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(stderr.lines().next().unwrap_or("git failed").to_string())
    }
}

/// Reads blobs through one `git cat-file --batch`, in order. The sizes
/// were checked against the limit before; each answer is read by its
/// announced size, never more.
pub fn cat_blobs(blobs: &[(String, String, u64)]) -> Result<Vec<Vec<u8>>, String> {
    cat_blobs_at(None, blobs)
}

fn cat_blobs_at(
    dir: Option<&Path>,
    blobs: &[(String, String, u64)],
) -> Result<Vec<Vec<u8>>, String> {
    if blobs.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = git_command(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let stdin = child.stdin.take();
    let stdout = child.stdout.take();
    let request: String = blobs.iter().map(|(_, oid, _)| format!("{oid}\n")).collect();
    // Written from a thread: git answers while it reads, and a full pipe
    // on either side would otherwise block both.
    let writer = std::thread::spawn(move || stdin.map(|mut s| s.write_all(request.as_bytes())));
    let result = stdout
        .ok_or_else(|| "no stdout".to_string())
        .and_then(|stdout| read_batch(BufReader::new(stdout), blobs));
    // On an error git may still be writing: stop it, which also ends the
    // writer thread (its pipe closes).
    let _ = child.kill();
    let _ = child.wait();
    let _ = writer.join();
    result
}

/// Reads `git cat-file --batch` answers for `blobs`, in order.
fn read_batch(
    mut out: impl BufRead,
    blobs: &[(String, String, u64)],
) -> Result<Vec<Vec<u8>>, String> {
    let mut contents = Vec::with_capacity(blobs.len());
    for (name, oid, expected) in blobs {
        let mut header = String::new();
        out.read_line(&mut header).map_err(|e| e.to_string())?;
        let mut fields = header.split_whitespace();
        let (Some(got), Some("blob"), Some(size)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!("git cat-file gave no blob for {name}"));
        };
        let size: u64 = size.parse().map_err(|_| "bad git cat-file header")?;
        if got != oid || size != *expected {
            return Err(format!("git cat-file answered out of order for {name}"));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        (&mut out)
            .take(size)
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())?;
        let mut newline = [0u8; 1];
        out.read_exact(&mut newline).map_err(|e| e.to_string())?;
        contents.push(bytes);
    }
    Ok(contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_that_look_like_options_or_run_commands_are_refused() {
        let error = Revision::fetch("--upload-pack=touch /tmp/x", None, 1)
            .err()
            .unwrap();
        assert!(error.contains("not a repository URL"), "{error}");
        let marker = tempfile::tempdir().unwrap();
        let touched = marker.path().join("touched");
        let url = format!("ext::sh -c touch% {}", touched.display());
        assert!(Revision::fetch(&url, None, 1).is_err());
        assert!(!touched.exists(), "the ext:: transport never runs");
    }

    #[test]
    fn tree_paths_are_root_relative_unless_dotted() {
        assert_eq!(tree_path("sub/", "rules/"), "rules");
        assert_eq!(tree_path("sub/", "./rules"), "sub/rules");
        assert_eq!(tree_path("sub/dir/", "../x.yaml"), "sub/x.yaml");
        assert_eq!(tree_path("sub/", "."), "sub");
        assert_eq!(tree_path("", ""), "");
    }

    #[test]
    fn batch_answers_are_read_by_their_announced_size() {
        let blobs = vec![
            ("a".to_string(), "o1".to_string(), 3),
            ("b".to_string(), "o2".to_string(), 0),
        ];
        let answer = b"o1 blob 3\nx\ny\no2 blob 0\n\n";
        let got = read_batch(&answer[..], &blobs).unwrap();
        assert_eq!(got, [b"x\ny".to_vec(), Vec::new()]);
        let missing = b"o1 missing\n";
        assert!(read_batch(&missing[..], &blobs).is_err());
        let resized = b"o1 blob 4\nx\ny!\n";
        assert!(read_batch(&resized[..], &blobs).is_err());
    }

    #[test]
    fn tree_listings_drop_paths_that_leave_the_tree() {
        let listing = b"100644 blob abc 12\trules/a.yaml\x00100644 blob abd 3\t../evil.yaml\x00120000 blob abe 5\tlink.yaml\x00";
        let entries = parse_ls_tree(listing);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].path, "rules/a.yaml");
        assert_eq!(entries[0].size, 12);
        assert_eq!(entries[1].mode, "120000");
    }
}
