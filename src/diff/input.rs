//! One side of a diff: where it comes from (a file, a directory, stdin, or
//! a path in a git revision), the sources read from it, and its objects by
//! identity.
//!
//! Revisions are read with git itself (`git ls-tree`, `git cat-file
//! --batch`): no checkout, nothing written anywhere. Paths from a git tree
//! are untrusted: they are only ever names (nothing is opened by them),
//! symbolic links are not followed, and every blob is size-checked before
//! it is read.

use std::collections::hash_map::Entry;
use std::fmt;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::codes;
use super::render::clean;
use crate::codes::{self as core_codes, Severity};
use crate::diagnostic::Diagnostic;
use crate::document::{self, Document, LoadedSource, ReadOutcome};
use crate::source::SourceFile;
use crate::walk::{self, WalkOptions};

/// What a command-line side names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spec {
    /// A file, a directory, or `-` for stdin.
    Path(String),
    /// `REV:path` (path relative to the repository root, or to the current
    /// directory with `./`; empty for the whole tree).
    Git { rev: String, path: String },
}

impl Spec {
    /// A path that exists (or `-`) wins over a revision, as in git's own
    /// disambiguation; otherwise `REV:path` is a revision.
    pub fn parse(arg: &str) -> Spec {
        if arg == "-" || Path::new(arg).exists() {
            return Spec::Path(arg.to_string());
        }
        match arg.split_once(':') {
            Some((rev, path)) if !rev.is_empty() => Spec::Git {
                rev: rev.to_string(),
                path: path.to_string(),
            },
            _ => Spec::Path(arg.to_string()),
        }
    }
}

impl fmt::Display for Spec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Spec::Path(p) => f.write_str(p),
            Spec::Git { rev, path } => write!(f, "{rev}:{path}"),
        }
    }
}

/// How sides are read.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub excludes: Vec<String>,
    pub respect_ignore: bool,
    pub max_file_size: u64,
}

/// The identity objects are paired by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identity {
    /// The apiVersion's group (empty for the core group); the version is
    /// not part of the identity, as in Kubernetes.
    pub group: String,
    pub kind: String,
    /// `default` when none is written.
    pub namespace: String,
    pub name: String,
}

impl Identity {
    pub fn of(doc: &Document) -> Option<Identity> {
        let meta = &doc.meta;
        if meta.api_version.is_empty() || meta.kind.is_empty() || meta.name.is_empty() {
            return None;
        }
        Some(Identity {
            group: meta.group.clone(),
            kind: meta.kind.clone(),
            namespace: meta.namespace_or_default().to_string(),
            name: meta.name.clone(),
        })
    }
}

impl fmt::Display for Identity {
    /// `RateLimitStrategy shop/orders-limit`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}/{}", self.kind, self.namespace, self.name)
    }
}

/// Everything read for one side.
#[derive(Debug)]
pub struct Side {
    pub spec: Spec,
    pub sources: Vec<LoadedSource>,
    /// Problems reading the side: errors stop the diff (exit 2), warnings
    /// are shown and the diff goes on.
    pub diagnostics: Vec<Diagnostic>,
}

/// A side's objects by identity, in identity order.
#[derive(Debug, Default)]
pub struct Objects<'a> {
    pub by_identity: FxHashMap<Identity, &'a Document>,
    /// Documents left out: no identity.
    pub skipped: usize,
}

impl Side {
    pub fn load(spec: Spec, options: &LoadOptions) -> Side {
        let mut side = Side {
            spec: spec.clone(),
            sources: Vec::new(),
            diagnostics: Vec::new(),
        };
        match &spec {
            Spec::Path(path) => side.load_path(path, options),
            Spec::Git { rev, path } => {
                if let Err(d) = side.load_git(rev, path, options) {
                    side.diagnostics.push(*d);
                }
            }
        }
        for source in &mut side.sources {
            side.diagnostics.append(&mut source.errors);
        }
        side
    }

    fn load_path(&mut self, path: &str, options: &LoadOptions) {
        let walked = match walk::collect(
            &[path.to_string()],
            &WalkOptions {
                excludes: &options.excludes,
                respect_ignore: options.respect_ignore,
                ..WalkOptions::default()
            },
        ) {
            Ok(walked) => {
                walked.print_skipped();
                walked
            }
            Err(message) => {
                self.diagnostics
                    .push(Diagnostic::new(core_codes::IO_ERROR, message).in_file(path));
                return;
            }
        };
        self.diagnostics.extend(walked.errors);
        self.sources = walked
            .inputs
            .par_iter()
            .map(|input| document::load_source(input, options.max_file_size))
            .collect();
    }

    fn load_git(
        &mut self,
        rev: &str,
        path: &str,
        options: &LoadOptions,
    ) -> Result<(), Box<Diagnostic>> {
        // Names from the command line and from git trees reach the
        // terminal only escaped.
        let shown = clean(&format!("{rev}:{path}"));
        let fail = |message: String| {
            Box::new(Diagnostic::new(codes::UNREADABLE_REVISION, message).in_file(&shown))
        };
        let prefix = git(&["rev-parse", "--show-prefix"]).map_err(|e| {
            fail(format!(
                "cannot read `{shown}`: not inside a git repository ({e})"
            ))
        })?;
        let prefix = String::from_utf8_lossy(&prefix).trim_end().to_string();
        let tree = git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{rev}^{{tree}}"),
        ])
        .map_err(|_| fail(format!("unknown revision `{}`", clean(rev))))?;
        let tree = String::from_utf8_lossy(&tree).trim().to_string();
        let wanted = tree_path(&prefix, path);
        let mut args = vec!["ls-tree", "-r", "-z", "-l", "--full-tree", &tree];
        if !wanted.is_empty() {
            args.extend(["--", &wanted]);
        }
        let listing = git(&args).map_err(|e| fail(format!("cannot list `{shown}`: {e}")))?;
        let entries = parse_ls_tree(&listing);
        if entries.is_empty() && !wanted.is_empty() {
            return Err(fail(format!(
                "`{}` does not exist in `{}`",
                clean(&wanted),
                clean(rev)
            )));
        }
        let named_file = entries.len() == 1 && entries[0].path == wanted;
        let excludes = walk::exclude_set(&options.excludes).map_err(fail)?;
        let mut blobs = Vec::new();
        for entry in entries {
            let name = clean(&format!("{rev}:{}", entry.path));
            let path = Path::new(&entry.path);
            if !named_file && (!walk::is_rule_file_name(path) || walk::excluded(&excludes, path)) {
                continue;
            }
            if entry.kind != "blob" {
                continue; // submodules: another repository's tree
            }
            if entry.mode == "120000" {
                self.diagnostics.push(
                    Diagnostic::new(
                        codes::UNREADABLE_REVISION,
                        format!("`{name}` is a symbolic link in the tree: not followed"),
                    )
                    .with_severity(Severity::Warning)
                    .in_file(&name),
                );
                continue;
            }
            if entry.size > options.max_file_size {
                self.diagnostics.push(
                    Diagnostic::new(
                        core_codes::NOT_TEXT,
                        format!(
                            "{name} is larger than the {} bytes limit",
                            options.max_file_size
                        ),
                    )
                    .in_file(&name)
                    .with_help("raise the limit with --max-file-size"),
                );
                continue;
            }
            blobs.push((name, entry.oid, entry.size));
        }
        let contents =
            cat_blobs(&blobs).map_err(|e| fail(format!("cannot read `{shown}`: {e}")))?;
        self.sources = blobs
            .into_par_iter()
            .zip(contents)
            .map(
                |((name, _, _), bytes)| match document::bytes_to_text(&name, bytes) {
                    ReadOutcome::Text(text) => {
                        document::parse_source(&Arc::new(SourceFile::new(name, text)))
                    }
                    ReadOutcome::Rejected(d) => LoadedSource {
                        source: Arc::new(SourceFile::new(name, String::new())),
                        documents: Vec::new(),
                        errors: vec![*d],
                    },
                },
            )
            .collect();
        Ok(())
    }

    /// Whether reading this side went wrong (the diff cannot be trusted).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The side's objects by identity; duplicates and documents without
    /// an identity become diagnostics.
    pub fn objects(&self) -> (Objects<'_>, Vec<Diagnostic>) {
        let mut objects = Objects::default();
        let mut diagnostics = Vec::new();
        for doc in self.sources.iter().flat_map(|s| &s.documents) {
            let Some(identity) = Identity::of(doc) else {
                objects.skipped += 1;
                diagnostics.push(
                    doc.diagnostic(
                        codes::UNIDENTIFIED_DOCUMENT,
                        "no apiVersion, kind or metadata.name: not compared",
                        doc.head_span(),
                    )
                    .with_help("diff pairs objects by apiVersion group, kind, namespace and name"),
                );
                continue;
            };
            match objects.by_identity.entry(identity) {
                Entry::Vacant(slot) => {
                    slot.insert(doc);
                }
                Entry::Occupied(first) => {
                    let first_doc: &Document = first.get();
                    let name_span = |d: &Document| {
                        d.root
                            .get_path(&["metadata", "name"])
                            .map_or_else(|| d.head_span(), |n| n.span)
                    };
                    diagnostics.push(
                        doc.diagnostic(
                            codes::DUPLICATE_IDENTITY,
                            format!(
                                "{} is defined twice in `{}`: diff cannot tell which one to compare",
                                clean(&first.key().to_string()),
                                clean(&self.spec.to_string())
                            ),
                            name_span(doc),
                        )
                        .with_related(&first_doc.source, name_span(first_doc), "first defined here")
                        .with_help("delete or rename one of them"),
                    );
                }
            }
        }
        (objects, diagnostics)
    }
}

/// The tree path `path` names: `./x` and `../x` are relative to the
/// current directory (`prefix` inside the repository), anything else to
/// the repository root, as in git's `REV:path`.
fn tree_path(prefix: &str, path: &str) -> String {
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
struct TreeEntry {
    mode: String,
    kind: String,
    oid: String,
    size: u64,
    path: String,
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
    let output = Command::new("git")
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
fn cat_blobs(blobs: &[(String, String, u64)]) -> Result<Vec<Vec<u8>>, String> {
    if blobs.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = Command::new("git")
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
    fn existing_paths_win_over_revisions() {
        assert_eq!(Spec::parse("-"), Spec::Path("-".into()));
        assert_eq!(Spec::parse("src"), Spec::Path("src".into()));
        assert_eq!(
            Spec::parse("main:rules/"),
            Spec::Git {
                rev: "main".into(),
                path: "rules/".into()
            }
        );
        assert_eq!(
            Spec::parse("v1.2.0:"),
            Spec::Git {
                rev: "v1.2.0".into(),
                path: String::new()
            }
        );
        assert_eq!(Spec::parse(":x"), Spec::Path(":x".into()));
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
