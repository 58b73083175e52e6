//! JUnit XML: a test suite per file, a test case per document, so CI
//! dashboards show which object failed.

use crate::codes::Severity;
use crate::diagnostic::Diagnostic;
use crate::findings::{FileEntry, Report, Status};

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot carry most control characters at all.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn failure_text(diags: &[&Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let place = d
                .start()
                .map(|p| format!("{}:{}:{}", d.file, p.line, p.column))
                .unwrap_or_else(|| d.file.clone());
            format!("{place}: {}[{}] {}", d.severity, d.code.id, d.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn case(out: &mut String, classname: &str, name: &str, diags: &[&Diagnostic], skipped: bool) {
    out.push_str(&format!(
        "    <testcase classname=\"{}\" name=\"{}\">",
        escape(classname),
        escape(name)
    ));
    let errors: Vec<&Diagnostic> = diags
        .iter()
        .copied()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if skipped {
        out.push_str("<skipped message=\"not an OpenSergo object\"/>");
    } else if let Some(first) = errors.first() {
        out.push_str(&format!(
            "<failure message=\"{}\" type=\"{}\">{}</failure>",
            escape(&first.message),
            first.code.id,
            escape(&failure_text(&errors))
        ));
    }
    let others: Vec<&Diagnostic> = diags
        .iter()
        .copied()
        .filter(|d| d.severity != Severity::Error)
        .collect();
    if !others.is_empty() {
        out.push_str(&format!(
            "<system-out>{}</system-out>",
            escape(&failure_text(&others))
        ));
    }
    out.push_str("</testcase>\n");
}

pub fn render(report: &Report) -> String {
    let summary = report.summary();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let failures_total: usize = report.files.iter().map(failing_cases).sum();
    let tests_total: usize = report.files.iter().map(cases).sum();
    out.push_str(&format!(
        "<testsuites name=\"opensergo {}\" tests=\"{tests_total}\" failures=\"{failures_total}\" skipped=\"{}\">\n",
        report.command, summary.skipped
    ));
    for file in &report.files {
        let skipped = file
            .documents
            .iter()
            .filter(|d| d.status == Status::Skipped)
            .count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{skipped}\">\n",
            escape(&file.name),
            cases(file),
            failing_cases(file)
        ));
        let file_level: Vec<&Diagnostic> = file
            .diagnostics
            .iter()
            .filter(|d| d.document.is_none())
            .collect();
        if !file_level.is_empty() || file.documents.is_empty() {
            case(&mut out, &file.name, "(file)", &file_level, false);
        }
        for doc in &file.documents {
            let diags: Vec<&Diagnostic> = file
                .diagnostics
                .iter()
                .filter(|d| d.document == Some(doc.index))
                .collect();
            let name = format!(
                "{}/{} (document {}, line {})",
                if doc.kind.is_empty() { "?" } else { &doc.kind },
                if doc.name.is_empty() { "?" } else { &doc.name },
                doc.index,
                doc.line
            );
            case(
                &mut out,
                &file.name,
                &name,
                &diags,
                doc.status == Status::Skipped,
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn cases(file: &FileEntry) -> usize {
    let file_level =
        file.diagnostics.iter().any(|d| d.document.is_none()) || file.documents.is_empty();
    file.documents.len() + usize::from(file_level)
}

fn failing_cases(file: &FileEntry) -> usize {
    let failing_doc = |index: Option<usize>| {
        file.diagnostics
            .iter()
            .any(|d| d.document == index && d.severity == Severity::Error)
    };
    let docs = file
        .documents
        .iter()
        .filter(|d| failing_doc(Some(d.index)))
        .count();
    docs + usize::from(failing_doc(None))
}
