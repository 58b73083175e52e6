//! The reporting layer: one [`Report`] model, many output formats. Every
//! command that emits diagnostics builds a `Report` and hands it here; no
//! command formats findings on its own.

mod github;
mod human;
mod json;
mod junit;
mod sarif;
mod short;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Severity, codes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Valid,
    Invalid,
    /// Not an OpenSergo object and no user schema for it.
    Skipped,
}

/// One document, as the report lists it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentEntry {
    pub index: usize,
    pub line: usize,
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub namespace: String,
    pub status: Status,
}

impl DocumentEntry {
    /// The entry for a document read from a file.
    pub fn of(doc: &crate::document::Document, status: Status) -> Self {
        DocumentEntry {
            index: doc.index,
            line: doc.start().line,
            api_version: doc.meta.api_version.clone(),
            kind: doc.meta.kind.clone(),
            name: doc.meta.name.clone(),
            namespace: doc.meta.namespace.clone(),
            status,
        }
    }
}

#[derive(Debug, Default)]
pub struct FileEntry {
    pub name: String,
    pub documents: Vec<DocumentEntry>,
    /// In source order: file-level findings and each document's.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileEntry {
    /// Recomputes each checked document's status from its findings (after
    /// configuration changed severities).
    pub fn refresh_statuses(&mut self) {
        for doc in &mut self.documents {
            if doc.status == Status::Skipped {
                continue;
            }
            let failed = self
                .diagnostics
                .iter()
                .any(|d| d.document == Some(doc.index) && d.severity == Severity::Error);
            doc.status = if failed {
                Status::Invalid
            } else {
                Status::Valid
            };
        }
    }
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    pub files: usize,
    pub documents: usize,
    pub valid: usize,
    pub invalid: usize,
    pub skipped: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
    /// Skipped documents by kind (`(not an object)` for YAML that is no
    /// Kubernetes object), so a skip is never silent.
    #[serde(rename = "skippedKinds", skip_serializing_if = "BTreeMap::is_empty")]
    pub skipped_kinds: BTreeMap<String, usize>,
}

/// How the summary names skipped YAML that is no Kubernetes object.
pub const NOT_AN_OBJECT: &str = "non-object";

#[derive(Debug)]
pub struct Report {
    /// `validate`, `lint`, ...
    pub command: &'static str,
    pub files: Vec<FileEntry>,
    /// Findings suppressed by configuration or comments (counted only).
    pub suppressed: usize,
}

impl Report {
    pub fn new(command: &'static str) -> Self {
        Report {
            command,
            files: Vec::new(),
            suppressed: 0,
        }
    }

    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.files.iter().flat_map(|f| f.diagnostics.iter())
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len(),
            suppressed: self.suppressed,
            ..Summary::default()
        };
        for doc in self.files.iter().flat_map(|f| &f.documents) {
            s.documents += 1;
            match doc.status {
                Status::Valid => s.valid += 1,
                Status::Invalid => s.invalid += 1,
                Status::Skipped => {
                    s.skipped += 1;
                    let kind = if doc.kind.is_empty() {
                        NOT_AN_OBJECT
                    } else {
                        doc.kind.as_str()
                    };
                    *s.skipped_kinds.entry(kind.to_string()).or_default() += 1;
                }
            }
        }
        for d in self.diagnostics() {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    /// Distinct codes in the report, in id order (SARIF's rule table).
    pub fn codes(&self) -> Vec<Code> {
        let mut seen: BTreeMap<&str, Code> = BTreeMap::new();
        for d in self.diagnostics() {
            seen.entry(d.code.id).or_insert(d.code);
        }
        seen.into_values().collect()
    }

    /// 0 clean, 1 findings at or above `fail_on`, 2 when a path could not be read.
    pub fn exit_code(&self, fail_on: Severity) -> u8 {
        if self.diagnostics().any(|d| d.code == codes::IO_ERROR) {
            2
        } else if self.diagnostics().any(|d| d.severity >= fail_on) {
            1
        } else {
            0
        }
    }

    /// Drops findings below `min` (for `--quiet`-style filtering of infos).
    pub fn retain(&mut self, mut keep: impl FnMut(&Diagnostic) -> bool) {
        for f in &mut self.files {
            f.diagnostics.retain(&mut keep);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style messages with source snippets (default).
    Human,
    /// One `file:line:col: severity[CODE] message` line per finding.
    Short,
    /// A stable JSON document (see the README, section JSON report).
    Json,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// JUnit XML, one test case per document.
    Junit,
}

#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub color: bool,
    /// Print findings only: no summary line, nothing for clean files.
    pub quiet: bool,
    /// Add per-code counts after the summary.
    pub counts: bool,
}

pub fn render(format: Format, report: &Report, options: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(report, options),
        Format::Short => short::render(report, options),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report, options),
        Format::Junit => junit::render(report),
    }
}

/// The closing line of human-readable formats.
pub fn summary_line(report: &Report) -> String {
    let s = report.summary();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = format!(
        "{}: {}, {}: {} valid, {} invalid, {} skipped",
        report.command,
        plural(s.files, "file"),
        plural(s.documents, "document"),
        s.valid,
        s.invalid,
        s.skipped
    );
    if !s.skipped_kinds.is_empty() {
        let mut kinds: Vec<_> = s.skipped_kinds.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        // Kinds are user text: control characters are shown escaped.
        let kinds: Vec<String> = kinds
            .iter()
            .map(|(k, n)| match k.chars().any(char::is_control) {
                true => format!("{n} {k:?}"),
                false => format!("{n} {k}"),
            })
            .collect();
        line.push_str(&format!(" ({})", kinds.join(", ")));
    }
    line.push_str(&format!(
        "; {}, {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    ));
    if s.infos > 0 {
        line.push_str(&format!(", {} info", s.infos));
    }
    if s.suppressed > 0 {
        line.push_str(&format!(", {} suppressed", s.suppressed));
    }
    line
}

/// The summary line (and, with `--summary`, the counts per code) that
/// closes the text formats, unless `--quiet`.
fn push_footer(out: &mut String, report: &Report, options: &RenderOptions) {
    if options.quiet {
        return;
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    if options.counts {
        out.push_str(&code_counts(report));
    }
}

/// "  12 OS1004 schema-violation" lines, most frequent first.
pub fn code_counts(report: &Report) -> String {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in report.diagnostics() {
        *counts.entry((d.code.id, d.code.name)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.iter()
        .map(|((id, name), n)| format!("{n:>6} {id} {name}\n"))
        .collect()
}

/// A stable fingerprint of a finding that survives unrelated edits above
/// it (no line numbers): code, file, path and message.
pub fn fingerprint(d: &Diagnostic) -> String {
    // FNV-1a: stable across Rust versions, unlike DefaultHasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        d.code.id,
        &d.file,
        d.path.as_deref().unwrap_or(""),
        d.object.as_ref().map_or("", |o| o.name.as_str()),
        &d.message,
    ] {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
