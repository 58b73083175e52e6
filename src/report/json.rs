//! The JSON report (`--format json`). Its shape is documented in the
//! README and versioned by `version`; fields are only ever added.
//!
//! The report is serialized straight from borrowed views of the model,
//! with no intermediate JSON tree, so large runs stay cheap.

use serde::Serialize;

use crate::codes::Severity;
use crate::diagnostic::{Diagnostic, Location, ObjectRef, Related};
use crate::findings::{DocumentEntry, Report, Summary};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Position {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl Position {
    fn of(location: &Location) -> Self {
        let (start, end) = (location.start(), location.end());
        Position {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

#[derive(Serialize)]
struct RelatedView<'a> {
    file: &'a str,
    message: &'a str,
    #[serde(flatten)]
    position: Position,
}

impl<'a> RelatedView<'a> {
    fn of(r: &'a Related) -> Self {
        RelatedView {
            file: &r.location.source.name,
            message: &r.message,
            position: Position::of(&r.location),
        }
    }
}

/// A finding as every JSON output shows it (the diff's lint delta too).
#[derive(Serialize)]
pub struct DiagnosticView<'a> {
    code: &'a str,
    name: &'a str,
    severity: Severity,
    message: &'a str,
    file: &'a str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    position: Option<Position>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a crate::path::FieldPath>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    object: Option<&'a ObjectRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedView<'a>>,
}

impl<'a> DiagnosticView<'a> {
    pub fn of(d: &'a Diagnostic) -> Self {
        DiagnosticView {
            code: d.code.id,
            name: d.code.name,
            severity: d.severity,
            message: &d.message,
            file: &d.file,
            position: d.location.as_ref().map(Position::of),
            path: d.path.as_ref(),
            document: d.document,
            object: d.object.as_ref(),
            help: d.help.as_deref(),
            related: d.related.iter().map(RelatedView::of).collect(),
        }
    }
}

#[derive(Serialize)]
struct FileView<'a> {
    path: &'a str,
    documents: &'a [DocumentEntry],
}

#[derive(Serialize)]
struct ReportView<'a> {
    version: u32,
    tool: &'static str,
    command: &'a str,
    summary: Summary,
    files: Vec<FileView<'a>>,
    #[serde(serialize_with = "serialize_diagnostics")]
    diagnostics: &'a Report,
}

fn serialize_diagnostics<S: serde::Serializer>(report: &&Report, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(report.diagnostics().map(DiagnosticView::of))
}

pub fn render(report: &Report) -> String {
    let mut out = Vec::with_capacity(4096);
    write(report, &mut out).expect("report views serialize");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let view = ReportView {
        version: 1,
        tool: "opensergo",
        command: report.command,
        summary: report.summary(),
        files: report
            .files
            .iter()
            .map(|f| FileView {
                path: &f.name,
                documents: &f.documents,
            })
            .collect(),
        diagnostics: report,
    };
    super::write_safe_json(&view, out)?;
    out.write_all(b"\n")
}
