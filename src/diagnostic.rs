//! Diagnostics: what every check reports, whatever the output format.
//!
//! Every finding carries a stable [`Code`] (see [`crate::codes`]) with its
//! docs. Positions are byte spans into a shared [`SourceFile`]; line and
//! column are derived when reporting.
//!
//! [`SourceFile`]: crate::source::SourceFile

use std::sync::Arc;

use serde::Serialize;

use crate::codes::{Code, Severity};
use crate::path::FieldPath;
use crate::source::{LineCol, SharedSource, Span};

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
    /// The offending field inside the document (`spec.threshold`).
    pub path: Option<FieldPath>,
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

    pub fn with_path(mut self, path: impl Into<FieldPath>) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn end_is_exclusive_and_stays_on_the_line() {
        let src = Arc::new(SourceFile::new("f", "ab: cd\nx: y\n".into()));
        let loc = Location::new(&src, Span::new(4, 7));
        assert_eq!(loc.end(), LineCol { line: 1, column: 7 });
    }
}
