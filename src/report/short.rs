//! One line per finding: `file:line:col: severity[CODE] message`, the shape
//! editors' problem matchers and grep expect.

use super::style::{self, Paint};
use super::{RenderOptions, Report};
use crate::codes::Severity;
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
        let severity = format!("{}[{}]", d.severity, d.code.id);
        let message = escape_control(&d.message);
        let paint = Paint::new(options.color);
        // Bold place, severity in the colors compilers use.
        let color = match d.severity {
            Severity::Error => style::BOLD_RED,
            Severity::Warning => style::BOLD_YELLOW,
            Severity::Info => style::BOLD_CYAN,
        };
        // A finding about no file (a whole input) is just the message.
        let place = if place.is_empty() {
            String::new()
        } else {
            format!("{} ", paint.wrap(style::BOLD, &format!("{place}:")))
        };
        out.push_str(&format!(
            "{place}{} {message}\n",
            paint.wrap(color, &severity)
        ));
    }
    super::push_footer(&mut out, report, options);
    out
}
