//! One line per finding: `file:line:col: severity[CODE] message`, the shape
//! editors' problem matchers and grep expect.

use super::{RenderOptions, Report};
use crate::escape::escape_control;

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    for d in report.diagnostics() {
        // A newline in a file name or message would start a line of its
        // own (which CI log parsers act on): escape.
        let file = escape_control(&d.file);
        let place = match d.start() {
            Some(p) => format!("{file}:{}:{}", p.line, p.column),
            None => file.into_owned(),
        };
        out.push_str(&format!(
            "{place}: {}[{}] {}\n",
            d.severity,
            d.code.id,
            escape_control(&d.message)
        ));
    }
    super::push_footer(&mut out, report, options);
    out
}
