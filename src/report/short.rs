//! One line per finding: `file:line:col: severity[CODE] message`, the shape
//! editors' problem matchers and grep expect.

use super::{RenderOptions, Report, code_counts, summary_line};

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    for d in report.diagnostics() {
        let place = match d.start() {
            Some(p) => format!("{}:{}:{}", d.file, p.line, p.column),
            None => d.file.clone(),
        };
        out.push_str(&format!(
            "{place}: {}[{}] {}\n",
            d.severity, d.code.id, d.message
        ));
    }
    if !options.quiet {
        out.push_str(&summary_line(report));
        out.push('\n');
        if options.counts {
            out.push_str(&code_counts(report));
        }
    }
    out
}
