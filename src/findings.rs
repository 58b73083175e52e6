//! The findings of one run, as every command and every output format sees
//! them: per file, its documents (with a status each) and its diagnostics.
//! Checks build it; the report layer renders it.

use std::collections::BTreeMap;

use compact_str::CompactString;
use serde::Serialize;

use crate::codes::{self, Code, Severity};
use crate::diagnostic::Diagnostic;
use crate::error::ExitStatus;

/// `n word` or `n words`, for summary lines.
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

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
    // The type meta's own strings: inline up to 24 bytes (known apiVersions
    // are shared statics), so an entry per document costs no allocation.
    pub api_version: CompactString,
    pub kind: CompactString,
    pub name: CompactString,
    pub namespace: CompactString,
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
    /// Linear: one pass over the findings, one over the documents.
    pub fn refresh_statuses(&mut self) {
        let failed: rustc_hash::FxHashSet<usize> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .filter_map(|d| d.document)
            .collect();
        for doc in &mut self.documents {
            if doc.status == Status::Skipped {
                continue;
            }
            let failed = failed.contains(&doc.index);
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
    /// Skipped documents by kind (`non-object` for YAML that is no
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
    /// Whether the inputs are documents with a verdict each (YAML); the
    /// summary leaves document counts out for other inputs (.proto files).
    pub has_documents: bool,
}

impl Report {
    pub fn new(command: &'static str) -> Self {
        Report {
            command,
            files: Vec::new(),
            suppressed: 0,
            has_documents: true,
        }
    }

    /// A report about files that hold no documents (.proto files).
    pub fn of_files(command: &'static str) -> Self {
        Report {
            has_documents: false,
            ..Report::new(command)
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

    /// Failure when a path could not be read, Findings at or above
    /// `fail_on`, else Success.
    pub fn exit_status(&self, fail_on: Severity) -> ExitStatus {
        if self.diagnostics().any(|d| d.code == codes::IO_ERROR) {
            ExitStatus::Failure
        } else if self.diagnostics().any(|d| d.severity >= fail_on) {
            ExitStatus::Findings
        } else {
            ExitStatus::Success
        }
    }
}
