//! One line per finding: `file:line:col: severity[CODE] message`, the shape
//! editors' problem matchers and grep expect.

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
        // A finding about no file (a whole input) is just the message.
        let (place, colon) = if place.is_empty() {
            (String::new(), "")
        } else {
            (place, ": ")
        };
        let severity = format!("{}[{}]", d.severity, d.code.id);
        let message = escape_control(&d.message);
        if options.color {
            // Bold place, severity in the colors compilers use.
            let color = match d.severity {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Info => "1;36",
            };
            out.push_str(&format!(
                "\x1b[1m{place}{}\x1b[0m\x1b[{color}m{severity}\x1b[0m {message}\n",
                colon
            ));
        } else {
            out.push_str(&format!("{place}{colon}{severity} {message}\n"));
        }
    }
    super::push_footer(&mut out, report, options);
    out
}
