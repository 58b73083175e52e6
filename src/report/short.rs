//! One line per finding: `file:line:col: severity[CODE] message`, the shape
//! editors' problem matchers and grep expect.

use super::{RenderOptions, Report};

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
    super::push_footer(&mut out, report, options);
    out
}
