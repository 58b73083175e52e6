//! buf's own output formats (`--error-format text|json|github-actions|msvc`)
//! for `proto lint` and `proto breaking`, so scripts written for buf keep
//! working. Every other format goes through [`super::render`].

use crate::diagnostic::Diagnostic;
use crate::protobuild::buf_rule_id;

/// buf's `--error-format` spellings, for scripts written for `buf lint`
/// and `buf breaking`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BufFormat {
    /// `path:line:col:message`
    Text,
    /// One JSON object per line (path, start/end line and column, type, message).
    Json,
    /// GitHub Actions `::error` workflow commands.
    #[value(name = "github-actions")]
    GithubActions,
    /// `path(line,col) : error RULE_ID : message`
    Msvc,
}

/// Findings as `buf lint --error-format` and `buf breaking --error-format`
/// print them. Control characters from file names or messages are
/// escaped. A finding about the whole input (a deleted file) has no
/// file: buf shows it as `<input>`, without a path in JSON.
pub fn buf_output(diagnostics: &[Diagnostic], format: BufFormat) -> String {
    let escape = |s: &str| -> String {
        s.chars()
            .flat_map(|c| {
                if c.is_control() {
                    c.escape_default().collect::<Vec<_>>()
                } else {
                    vec![c]
                }
            })
            .collect()
    };
    let mut out = String::new();
    for d in diagnostics {
        let (start, end) = d.location.as_ref().map_or(((1, 1), (1, 1)), |l| {
            let (s, e) = (l.start(), l.end());
            ((s.line, s.column), (e.line, e.column))
        });
        let rule = buf_rule_id(d.code.name);
        let whole_input = d.file.is_empty();
        let file = if whole_input {
            "<input>".to_string()
        } else {
            escape(&d.file)
        };
        let message = escape(&d.message);
        out.push_str(&match format {
            BufFormat::Text => format!("{file}:{}:{}:{message}\n", start.0, start.1),
            BufFormat::Json => {
                let mut line = serde_json::json!({
                    "path": d.file,
                    "start_line": start.0,
                    "start_column": start.1,
                    "end_line": end.0,
                    "end_column": end.1,
                    "type": rule,
                    "message": d.message,
                });
                if whole_input && let Some(object) = line.as_object_mut() {
                    object.remove("path");
                }
                format!("{line}\n")
            }
            BufFormat::GithubActions => format!(
                "::error file={file},line={},endLine={},col={},endColumn={}::{message}\n",
                start.0, end.0, start.1, end.1
            ),
            BufFormat::Msvc => format!(
                "{file}({},{}) : error {rule} : {message}\n",
                start.0, start.1
            ),
        });
    }
    out
}
