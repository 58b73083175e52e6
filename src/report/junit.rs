//! JUnit XML through quick-junit (as ruff and nextest write it): a test
//! suite per file, a test case per document, so CI dashboards show which
//! object failed. Errors fail a case; warnings and infos go to its
//! system-out.

use quick_junit::{NonSuccessKind, TestCase, TestCaseStatus, TestSuite};

use crate::codes::Severity;
use crate::diagnostic::Diagnostic;
use crate::findings::{FileEntry, Report, Status};

/// `file:line:col: severity[CODE] message`, one line per finding.
fn lines(diags: &[&Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let file = crate::escape::escape_control(&d.file);
            let place = d
                .start()
                .map(|p| format!("{file}:{}:{}", p.line, p.column))
                .unwrap_or_else(|| file.to_string());
            format!(
                "{place}: {}[{}] {}",
                d.severity,
                d.code.id,
                crate::escape::escape_control(&d.message)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn case(classname: &str, name: &str, diags: &[&Diagnostic], skipped: bool) -> TestCase {
    let (errors, others): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        diags.iter().partition(|d| d.severity == Severity::Error);
    let status = if skipped {
        let mut status = TestCaseStatus::skipped();
        status.set_message("not an OpenSergo object");
        status
    } else if let Some(first) = errors.first() {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status
            .set_message(crate::escape::escape_control(&first.message).as_ref())
            .set_type(first.code.id)
            .set_description(lines(&errors));
        status
    } else {
        TestCaseStatus::success()
    };
    // Escaped as in every text format (quick-junit would only strip them).
    let mut case = TestCase::new(crate::escape::escape_control(name).as_ref(), status);
    case.set_classname(crate::escape::escape_control(classname).as_ref());
    if !others.is_empty() {
        case.set_system_out(lines(&others));
    }
    case
}

fn suite(file: &FileEntry) -> TestSuite {
    let mut suite = TestSuite::new(crate::escape::escape_control(&file.name).as_ref());
    // One pass groups findings by document: linear in findings.
    let mut by_document: Vec<Vec<&Diagnostic>> = vec![Vec::new(); file.documents.len()];
    let position: std::collections::HashMap<usize, usize> = file
        .documents
        .iter()
        .enumerate()
        .map(|(i, doc)| (doc.index, i))
        .collect();
    let mut file_level = Vec::new();
    for d in &file.diagnostics {
        match d.document.and_then(|index| position.get(&index)) {
            Some(&i) => by_document[i].push(d),
            None => file_level.push(d),
        }
    }
    if !file_level.is_empty() || file.documents.is_empty() {
        suite.add_test_case(case(&file.name, "(file)", &file_level, false));
    }
    for (doc, diags) in file.documents.iter().zip(&by_document) {
        let name = format!(
            "{}/{} (document {}, line {})",
            if doc.kind.is_empty() {
                "?"
            } else {
                doc.kind.as_str()
            },
            if doc.name.is_empty() {
                "?"
            } else {
                doc.name.as_str()
            },
            doc.index,
            doc.line
        );
        suite.add_test_case(case(
            &file.name,
            &name,
            diags,
            doc.status == Status::Skipped,
        ));
    }
    suite
}

pub fn render(report: &Report) -> String {
    let mut junit = quick_junit::Report::new(format!("opensergo {}", report.command));
    junit.add_test_suites(report.files.iter().map(suite));
    // Serializing to a String cannot fail on I/O; quick-junit strips what
    // XML cannot carry (control characters, ANSI escapes).
    junit.to_string().unwrap_or_default()
}
