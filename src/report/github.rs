//! GitHub Actions workflow commands: each finding becomes an annotation
//! on the pull request's diff.

use super::{RenderOptions, Report, summary_line};
use crate::codes::Severity;

/// Escapes a workflow command's message: the toolkit's `%`, CR and LF
/// encoding, and every other control character escaped as in the other
/// text formats (an ESC would still reach the log raw).
fn escape_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    crate::escape::escape_control(&s).into_owned()
}

/// Escapes a workflow command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    for d in report.diagnostics() {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        // A finding about no file (a whole input) is a plain annotation.
        let mut props: Vec<String> = (!d.file.is_empty())
            .then(|| format!("file={}", escape_property(&d.file)))
            .into_iter()
            .collect();
        if let Some(loc) = &d.location {
            let (start, end) = (loc.start(), loc.end());
            props.push(format!("line={}", start.line));
            props.push(format!("col={}", start.column));
            props.push(format!("endLine={}", end.line));
            if end.line == start.line {
                props.push(format!("endColumn={}", end.column));
            }
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("{} {}", d.code.id, d.code.name))
        ));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    if !options.quiet {
        out.push_str(&summary_line(report));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
