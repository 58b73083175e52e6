//! Compiler-style output through miette: the offending span underlined in
//! its source line, a label, related places, and help.

use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan,
    MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{RenderOptions, Report};
use crate::codes::Severity;
use crate::diagnostic::{Diagnostic, Location};
use crate::source::SourceFile;

/// Lets miette read a shared source without copying its text.
struct Source(Arc<SourceFile>);

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .0
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette counts columns in bytes; the header must agree with every
        // other format, which counts characters.
        let anchor = if context_lines_before == 0 && context_lines_after == 0 {
            span.offset()
        } else {
            inner.span().offset()
        };
        let column = self.0.line_col(anchor).column - 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

fn source_span(location: &Location) -> SourceSpan {
    SourceSpan::new(location.span.start.into(), location.span.len())
}

/// One diagnostic (or one related place in another file) for miette.
struct View<'a> {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<&'a str>,
    source: Option<Source>,
    labels: Vec<LabeledSpan>,
    related: Vec<View<'a>>,
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for View<'_> {}

impl MietteDiagnostic for View<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn MietteDiagnostic> + 'b>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn MietteDiagnostic),
            ))
        }
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn view(d: &Diagnostic) -> View<'_> {
    let mut labels = Vec::new();
    let mut related = Vec::new();
    if let Some(loc) = &d.location {
        let label = d
            .label
            .clone()
            .or_else(|| d.path.as_ref().map(ToString::to_string));
        labels.push(LabeledSpan::new_primary_with_span(label, source_span(loc)));
        for r in &d.related {
            if Arc::ptr_eq(&r.location.source, &loc.source) {
                labels.push(LabeledSpan::new_with_span(
                    Some(r.message.clone()),
                    source_span(&r.location),
                ));
            } else {
                related.push(View {
                    message: r.message.clone(),
                    code: None,
                    severity: miette::Severity::Advice,
                    help: None,
                    source: Some(Source(Arc::clone(&r.location.source))),
                    labels: vec![LabeledSpan::new_primary_with_span(
                        None,
                        source_span(&r.location),
                    )],
                    related: Vec::new(),
                });
            }
        }
    }
    let message = if d.location.is_none() && !d.file.is_empty() && !d.message.contains(&d.file) {
        format!("{}: {}", d.file, d.message)
    } else {
        d.message.clone()
    };
    View {
        message,
        code: Some(format!("{} {}", d.code.id, d.code.name)),
        severity: miette_severity(d.severity),
        help: d.help.as_deref(),
        source: d.location.as_ref().map(|l| Source(Arc::clone(&l.source))),
        labels,
        related,
    }
}

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(110)
        .with_links(false);
    let mut out = String::new();
    for d in report.diagnostics() {
        // Rendering into a String cannot fail.
        let _ = handler.render_report(&mut out, &view(d));
        out.push('\n');
    }
    super::push_footer(&mut out, report, options);
    out
}
