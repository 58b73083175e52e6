//! `opensergo lint`: checks across a whole rule set.
//!
//! Data flow: the command loads every input ([`crate::document::load_source`]),
//! [`RuleSet::build`] indexes every OpenSergo object once (by namespace,
//! `metadata.labels.app`, kind and name, the way the control plane groups
//! them; strategy references resolved; rules bound to their target
//! resources; routers by host), then every enabled rule of the
//! [`registry`] reads that index and reports into its own [`Sink`].
//! [`settings`] decide which rules run and how loud they are;
//! [`suppress`] drops findings silenced in the files themselves.
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
pub mod settings;
pub mod suppress;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::document::{Document, LoadedSource};
use crate::report::{DocumentEntry, FileEntry, Report, Status};
use crate::source::Span;

pub use index::RuleSet;
pub use settings::{Level, LintSettings, ResolvedSettings};

/// What a rule is about; `--list-rules` groups by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// A name that points at nothing (or at the wrong thing).
    Reference,
    /// Objects that contradict or hide each other.
    Conflict,
    /// A value that is legal but almost certainly not what was meant.
    Suspicious,
    /// Legal OpenSergo that the known data planes read differently.
    RuntimeCompat,
    /// How lint itself is used (suppression comments).
    Style,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Reference => "reference",
            Category::Conflict => "conflict",
            Category::Suspicious => "suspicious",
            Category::RuntimeCompat => "runtime-compat",
            Category::Style => "style",
        }
    }
}

/// A lint rule: its stable code, its documentation and its check.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable id (`OS2001`) and kebab-case name; `code.default_severity`
    /// is the severity when the rule is enabled and not reconfigured.
    pub code: Code,
    pub category: Category,
    /// False for opt-in rules (`--select` or `--severity` enables them).
    pub enabled_by_default: bool,
    /// Markdown: What it does / Why is this bad / Example / How to fix.
    pub docs: &'static str,
    pub check: fn(&RuleSet<'_>, &mut Sink),
}

impl Rule {
    pub const fn new(
        code: Code,
        category: Category,
        docs: &'static str,
        check: fn(&RuleSet<'_>, &mut Sink),
    ) -> Self {
        Rule {
            code,
            category,
            enabled_by_default: true,
            docs,
            check,
        }
    }

    /// Marks a rule opt-in.
    pub const fn off_by_default(mut self) -> Self {
        self.enabled_by_default = false;
        self
    }

    pub fn default_level(&self) -> Level {
        if self.enabled_by_default {
            Level::from(self.code.default_severity)
        } else {
            Level::Off
        }
    }
}

/// Where one rule's findings go.
#[derive(Debug)]
pub struct Sink {
    code: Code,
    out: Vec<Diagnostic>,
}

impl Sink {
    pub fn new(code: Code) -> Self {
        Sink {
            code,
            out: Vec::new(),
        }
    }

    pub fn code(&self) -> Code {
        self.code
    }

    /// Starts a finding about `doc` at `span`; it is recorded when the
    /// returned builder goes out of scope. Unless set, its path is the
    /// path of the node at `span`.
    pub fn report<'s, 'd>(
        &'s mut self,
        doc: &'d Document,
        span: Span,
        message: impl Into<String>,
    ) -> Finding<'s, 'd> {
        let diagnostic = doc.diagnostic(self.code, message, span);
        Finding {
            sink: self,
            root: &doc.root,
            diagnostic: Some(diagnostic),
        }
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.out
    }
}

/// A finding being built; pushed into its sink on drop.
pub struct Finding<'s, 'd> {
    sink: &'s mut Sink,
    root: &'d crate::yaml::Node,
    diagnostic: Option<Diagnostic>,
}

impl Finding<'_, '_> {
    fn map(mut self, f: impl FnOnce(Diagnostic) -> Diagnostic) -> Self {
        self.diagnostic = self.diagnostic.take().map(f);
        self
    }

    pub fn path(self, path: impl Into<String>) -> Self {
        let path = path.into();
        self.map(|d| d.with_path(path))
    }

    pub fn label(self, label: impl Into<String>) -> Self {
        let label = label.into();
        self.map(|d| d.with_label(label))
    }

    pub fn help(self, help: impl Into<String>) -> Self {
        let help = help.into();
        self.map(|d| d.with_help(help))
    }

    /// A second place the finding involves (the other side of a conflict).
    pub fn related(self, doc: &Document, span: Span, message: impl Into<String>) -> Self {
        let message = message.into();
        self.map(|d| d.with_related(&doc.source, span, message))
    }

    pub fn severity(self, severity: Severity) -> Self {
        self.map(|d| d.with_severity(severity))
    }
}

impl Drop for Finding<'_, '_> {
    fn drop(&mut self) {
        if let Some(mut d) = self.diagnostic.take() {
            if d.path.is_none()
                && let Some(loc) = &d.location
            {
                let path = read::path_at(self.root, loc.span);
                d.path = (!path.is_empty()).then_some(path);
            }
            self.sink.out.push(d);
        }
    }
}

/// Findings of one run, before they become a report.
#[derive(Debug, Default)]
pub struct Outcome {
    /// In input order, then by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings silenced by comments or annotations.
    pub suppressed: usize,
}

/// Lints every document of `sources` as one rule set.
pub fn lint_sources(sources: &[LoadedSource], settings: &ResolvedSettings) -> Outcome {
    let set = RuleSet::build(sources);
    let mut diagnostics: Vec<Diagnostic> = registry::RULES
        .par_iter()
        .filter_map(|rule| {
            let level = settings.level(rule);
            let severity = level.severity()?;
            let mut sink = Sink::new(rule.code);
            (rule.check)(&set, &mut sink);
            let mut found = sink.into_diagnostics();
            // A rule may report some cases below its default severity;
            // a configured level applies to all of its findings.
            if severity != rule.code.default_severity {
                for d in &mut found {
                    d.severity = severity;
                }
            }
            Some(found)
        })
        .flatten()
        .collect();
    let mut suppressions = suppress::Suppressions::collect(&set);
    let before = diagnostics.len();
    diagnostics.retain(|d| !suppressions.suppresses(d));
    let suppressed = before - diagnostics.len();
    diagnostics.extend(suppressions.findings(settings));
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
