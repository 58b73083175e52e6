//! Diagnostics: what every check reports, whatever the output format.
//!
//! Every finding carries a stable [`Code`]; the code registry for input and
//! validation findings lives in [`codes`], lint rules register theirs in the
//! lint rule registry. Positions are byte spans into a shared
//! [`SourceFile`]; line and column are derived when reporting.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::source::{LineCol, SharedSource, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stable diagnostic code: short id plus kebab-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Code {
    pub id: &'static str,
    pub name: &'static str,
    pub default_severity: Severity,
    /// One sentence: what the finding means.
    pub summary: &'static str,
}

/// A place in a source file that a diagnostic points at.
#[derive(Debug, Clone)]
pub struct Location {
    pub source: SharedSource,
    pub span: Span,
}

impl Location {
    pub fn new(source: &SharedSource, span: Span) -> Self {
        Location {
            source: Arc::clone(source),
            span,
        }
    }

    pub fn start(&self) -> LineCol {
        self.source.line_col(self.span.start)
    }

    /// The position just after the last character (exclusive), as SARIF expects.
    pub fn end(&self) -> LineCol {
        if self.span.is_empty() {
            return self.start();
        }
        let mut end = self.source.line_col(self.span.end);
        // An end just after a line break belongs to the previous line.
        if end.column == 1 && end.line > 1 {
            let prev = end.line - 1;
            end = LineCol {
                line: prev,
                column: self.source.line_text(prev).chars().count() + 1,
            };
        }
        end
    }
}

/// A secondary place, with what it shows (a conflict's other side).
#[derive(Debug, Clone)]
pub struct Related {
    pub location: Location,
    pub message: String,
}

/// The object a finding belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ObjectRef {
    pub kind: String,
    pub name: String,
    pub namespace: String,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Where it points; `None` for findings about a path that could not be read.
    pub location: Option<Location>,
    /// The file name when there is no location (unreadable path).
    pub file: String,
    /// Dotted path of the offending field inside the document (`spec.threshold`).
    pub path: Option<String>,
    /// Text under the caret.
    pub label: Option<String>,
    pub help: Option<String>,
    pub related: Vec<Related>,
    /// Index of the document in its stream, when the finding is about one.
    pub document: Option<usize>,
    pub object: Option<ObjectRef>,
}

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity,
            message: message.into(),
            location: None,
            file: String::new(),
            path: None,
            label: None,
            help: None,
            related: Vec::new(),
            document: None,
            object: None,
        }
    }

    pub fn at(mut self, source: &SharedSource, span: Span) -> Self {
        self.file.clone_from(&source.name);
        self.location = Some(Location::new(source, span));
        self
    }

    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = file.into();
        self
    }

    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn with_related(
        mut self,
        source: &SharedSource,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        self.related.push(Related {
            location: Location::new(source, span),
            message: message.into(),
        });
        self
    }

    pub fn for_document(mut self, index: usize, object: Option<ObjectRef>) -> Self {
        self.document = Some(index);
        self.object = object;
        self
    }

    pub fn start(&self) -> Option<LineCol> {
        self.location.as_ref().map(Location::start)
    }
}

/// Codes for input and validation findings. Lint rules have their own.
pub mod codes {
    use super::Code;

    crate::define_codes! {
        IO_ERROR = "OS0001" "io-error" Error "A path could not be read.";
        NOT_TEXT = "OS0002" "not-text" Error "The file is binary, not UTF-8, or too large to read as YAML.";
        YAML_SYNTAX = "OS0003" "yaml-syntax" Error "The file is not valid YAML.";
        DUPLICATE_KEY = "OS0004" "duplicate-key" Error "A mapping has the same key twice.";
        YAML_LIMIT = "OS0005" "yaml-limit" Error "The file exceeds a safety limit (alias expansion or nesting depth).";
        TEMPLATE = "OS0006" "template" Info "A Helm or Go template, not YAML yet: it is skipped until rendered.";
        INVALID_CONFIG = "OS0007" "invalid-config" Error "opensergo.yaml has an unknown key or rule code, or a value of the wrong type.";
        MISSING_TYPE_META = "OS1001" "missing-type-meta" Error "An object (it has a kind or metadata) lost its apiVersion or kind.";
        UNKNOWN_KIND = "OS1002" "unknown-kind" Error "An OpenSergo API group with a kind the tool does not know.";
        SUPERSEDED_KIND = "OS1003" "superseded-kind" Error "A draft kind that a later OpenSergo spec replaced.";
        SCHEMA_VIOLATION = "OS1004" "schema-violation" Error "A field breaks the kind's schema (type, required, enum, pattern, range).";
        UNKNOWN_FIELD = "OS1005" "unknown-field" Warning "A field the kind's schema does not declare; Kubernetes would silently drop it.";
        INVALID_METADATA = "OS1006" "invalid-metadata" Error "metadata.name, namespace or labels break Kubernetes syntax rules.";
        MISSING_APP_LABEL = "OS1007" "missing-app-label" Warning "No metadata.labels.app: the control plane never delivers such an object.";
        WRONG_API_VERSION = "OS1008" "wrong-api-version" Error "An OpenSergo kind under an apiVersion it does not live in.";
        NOT_AN_OBJECT = "OS1009" "not-an-object" Error "YAML that is no Kubernetes object (no apiVersion, kind or metadata); skipped unless --require-known.";
        NO_SCHEMA = "OS1010" "no-schema" Error "An object of a kind with no schema; skipped unless --require-known.";
        REJECTED_KIND = "OS1011" "rejected-kind" Error "An object of a kind the run rejects (--reject).";
    }

    pub fn find(id_or_name: &str) -> Option<Code> {
        super::find_code(ALL, id_or_name)
    }
}

/// The long documentation (markdown) of a code, where it has one: lint
/// rules and the input/validation codes.
pub fn long_docs(id: &str) -> Option<&'static str> {
    crate::lint::registry::find(id)
        .map(|rule| rule.docs)
        .or_else(|| crate::validate::docs::docs(id))
}

/// Finds a code by id (case-insensitive) or kebab-case name.
pub fn find_code(all: &[Code], id_or_name: &str) -> Option<Code> {
    all.iter()
        .copied()
        .find(|c| c.id.eq_ignore_ascii_case(id_or_name) || c.name == id_or_name)
}

/// Declares code constants and an `ALL` list of them, one line a code:
/// `IDENT = "OS1234" "kebab-name" Severity "One-sentence summary.";`
#[macro_export]
macro_rules! define_codes {
    ($($ident:ident = $id:literal $name:literal $sev:ident $summary:literal;)*) => {
        $(pub const $ident: $crate::diagnostic::Code = $crate::diagnostic::Code {
            id: $id,
            name: $name,
            default_severity: $crate::diagnostic::Severity::$sev,
            summary: $summary,
        };)*
        /// Every code of this group, in id order.
        pub const ALL: &[$crate::diagnostic::Code] = &[$($ident),*];
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn codes_are_unique() {
        let mut ids: Vec<_> = codes::ALL.iter().map(|c| c.id).collect();
        let mut names: Vec<_> = codes::ALL.iter().map(|c| c.name).collect();
        ids.sort_unstable();
        names.sort_unstable();
        ids.dedup();
        names.dedup();
        assert_eq!(ids.len(), codes::ALL.len());
        assert_eq!(names.len(), codes::ALL.len());
    }

    #[test]
    fn end_is_exclusive_and_stays_on_the_line() {
        let src = Arc::new(SourceFile::new("f", "ab: cd\nx: y\n".into()));
        let loc = Location::new(&src, Span::new(4, 7));
        assert_eq!(loc.end(), LineCol { line: 1, column: 7 });
    }
}
