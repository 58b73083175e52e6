//! `opensergo lint`: checks across a whole rule set.
//!
//! Data flow: the command loads every input ([`crate::document::load_source`]),
//! [`RuleSet::build`] indexes every OpenSergo object once (by namespace,
//! `metadata.labels.app`, kind and name, the way the control plane groups
//! them; strategy references resolved; rules bound to their target
//! resources; routers by host), then every enabled rule of the
//! [`registry`] reads that index and reports into its own [`Sink`].
//! The shared [`crate::engine`] decides which rules run and how loud they
//! are; [`suppress`] drops findings silenced in the files themselves.
//!
//! A rule lives in its own file under `rules/`, with its code, category,
//! documentation and check side by side; `testdata/lint/<CODE>/` holds
//! the files it must fire on and the files it must stay quiet on.

pub mod index;
pub mod inline;
pub mod read;
pub mod refs;
pub mod registry;
pub mod routes;
pub mod rules;
pub mod suppress;

use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::document::LoadedSource;
use crate::engine::{self, Levels, Sink};
use crate::findings::{DocumentEntry, FileEntry, Report, Status};

pub use index::RuleSet;

/// What a rule is about; `--list-rules` groups by the first.
pub mod category {
    /// A name that points at nothing (or at the wrong thing).
    pub const REFERENCE: &[&str] = &["reference"];
    /// Objects that contradict or hide each other.
    pub const CONFLICT: &[&str] = &["conflict"];
    /// A value that is legal but almost certainly not what was meant.
    pub const SUSPICIOUS: &[&str] = &["suspicious"];
    /// Legal OpenSergo that the known data planes read differently.
    pub const RUNTIME_COMPAT: &[&str] = &["runtime-compat"];
    /// How lint itself is used (suppression comments).
    pub const STYLE: &[&str] = &["style"];
}

/// A lint rule's check: it reads the whole rule-set index.
pub type Check = for<'a> fn(&RuleSet<'a>, &mut Sink);

/// A lint rule: its stable code (with docs), categories and check.
pub type Rule = crate::engine::Rule<Check>;

/// Findings of one run, before they become a report.
#[derive(Debug, Default)]
pub struct Outcome {
    /// In input order, then by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings silenced by comments or annotations.
    pub suppressed: usize,
}

/// Lints every document of `sources` as one rule set.
pub fn lint_sources(sources: &[LoadedSource], levels: &Levels) -> Outcome {
    lint_validated(sources, levels, Vec::new())
}

/// [`lint_sources`], where `validated` are validate's findings on the same
/// sources (which the lint command reports too): the same suppressions
/// silence them, and they are sorted in with the rest.
pub fn lint_validated(
    sources: &[LoadedSource],
    levels: &Levels,
    validated: Vec<Diagnostic>,
) -> Outcome {
    let set = RuleSet::build(sources);
    let mut diagnostics = engine::run(&registry::FAMILY, levels, |check, sink| check(&set, sink));
    diagnostics.extend(validated);
    let mut suppressions = suppress::collect(sources);
    let suppressed = suppressions.apply(&mut diagnostics);
    diagnostics.extend(suppress::findings(&suppressions, levels));
    sort(&mut diagnostics, sources);
    Outcome {
        diagnostics,
        suppressed,
    }
}

/// Input order of files, then position, then code: the same findings
/// always print in the same order.
fn sort(diagnostics: &mut [Diagnostic], sources: &[LoadedSource]) {
    let order: HashMap<*const crate::source::SourceFile, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (Arc::as_ptr(&s.source), i))
        .collect();
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            let loc = d.location.as_ref();
            (
                loc.and_then(|l| order.get(&Arc::as_ptr(&l.source)).copied())
                    .unwrap_or(usize::MAX),
                loc.map_or(0, |l| l.span.start),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.code.id.cmp(b.code.id))
            .then_with(|| a.message.cmp(&b.message))
    });
}

/// Turns loaded sources and their lint findings into the report model
/// (the same one `validate` renders): read errors stay, each OpenSergo
/// document is `invalid` when an error-level finding points into it.
pub fn build_report(
    sources: Vec<LoadedSource>,
    walk_errors: Vec<Diagnostic>,
    outcome: Outcome,
) -> Report {
    let mut report = Report::new("lint");
    report.suppressed = outcome.suppressed;
    for error in walk_errors {
        report.files.push(FileEntry {
            name: error.file.clone(),
            documents: Vec::new(),
            diagnostics: vec![error],
        });
    }
    let mut by_file: HashMap<*const crate::source::SourceFile, Vec<Diagnostic>> = HashMap::new();
    for d in outcome.diagnostics {
        if let Some(loc) = &d.location {
            by_file.entry(Arc::as_ptr(&loc.source)).or_default().push(d);
        }
    }
    for loaded in sources {
        let mut diagnostics = loaded.errors;
        diagnostics.extend(
            by_file
                .remove(&Arc::as_ptr(&loaded.source))
                .unwrap_or_default(),
        );
        diagnostics.sort_by_key(|d| d.location.as_ref().map(|l| l.span.start));
        let mut entry = FileEntry {
            name: loaded.source.name.clone(),
            documents: loaded
                .documents
                .iter()
                .map(|doc| {
                    let linted = matches!(doc.lookup(), crate::kinds::Lookup::Known(_));
                    DocumentEntry::of(
                        doc,
                        if linted {
                            Status::Valid
                        } else {
                            Status::Skipped
                        },
                    )
                })
                .collect(),
            diagnostics,
        };
        entry.refresh_statuses();
        report.files.push(entry);
    }
    report
}
