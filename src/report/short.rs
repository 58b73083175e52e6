//! One line per finding: `file:line:col: severity[CODE] message`, the shape
//! editors' problem matchers and grep expect.

use super::{RenderOptions, Report};
use crate::codes::Severity;

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    for d in report.diagnostics() {
        let place = match d.start() {
            Some(p) => format!("{}:{}:{}", d.file, p.line, p.column),
            None => d.file.clone(),
        };
        let severity = format!("{}[{}]", d.severity, d.code.id);
        if options.color {
            // Bold place, severity in the colors compilers use.
            let color = match d.severity {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Info => "1;36",
            };
            out.push_str(&format!(
                "\x1b[1m{place}:\x1b[0m \x1b[{color}m{severity}\x1b[0m {}\n",
                d.message
            ));
        } else {
            out.push_str(&format!("{place}: {severity} {}\n", d.message));
        }
    }
    super::push_footer(&mut out, report, options);
    out
}
