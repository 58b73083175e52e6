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
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::codes;
use crate::codes::{self as core_codes, Severity};
use crate::diagnostic::Diagnostic;
use crate::document::{self, Document, LoadedSource, ReadOutcome};
use crate::escape::escape_control as clean;
use crate::gitrev;
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
    /// Follow links out of a compared directory (never in a git tree).
    pub follow_symlinks: bool,
    pub max_file_size: u64,
}

pub use crate::changeset::Identity;

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
                follow_symlinks: options.follow_symlinks,
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
        let shown = clean(&format!("{rev}:{path}")).into_owned();
        let fail = |message: String| {
            Box::new(Diagnostic::new(codes::UNREADABLE_REVISION, message).in_file(&shown))
        };
        let revision = gitrev::Revision::resolve(rev)
            .map_err(|e| fail(format!("cannot read `{shown}`: {e}")))?;
        let wanted = gitrev::tree_path(&revision.prefix, path);
        let entries = revision
            .list(path)
            .map_err(|e| fail(format!("cannot list `{shown}`: {e}")))?;
        if entries.is_empty() && !wanted.is_empty() {
            return Err(fail(format!(
                "`{}` does not exist in `{}`",
                clean(&wanted),
                clean(rev)
            )));
        }
        let named_file = entries.len() == 1 && entries[0].path == wanted;
        let excludes = walk::Excludes::new(&options.excludes).map_err(fail)?;
        let mut blobs = Vec::new();
        for entry in entries {
            let name = clean(&format!("{rev}:{}", entry.path)).into_owned();
            let path = Path::new(&entry.path);
            if !named_file && (!walk::is_rule_file_name(path) || excludes.matches(path, false)) {
                continue;
            }
            if !entry.is_blob() {
                continue; // submodules: another repository's tree
            }
            if entry.is_symlink() {
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
            gitrev::cat_blobs(&blobs).map_err(|e| fail(format!("cannot read `{shown}`: {e}")))?;
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
                            .map_or_else(|| d.head_span(), |n| n.span())
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
}
