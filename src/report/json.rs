//! The JSON report (`--format json`). Its shape is documented in the
//! README and versioned by `version`; fields are only ever added.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Report, Summary};
use crate::diagnostic::{Diagnostic, Location};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Position {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn position(location: &Location) -> Position {
    let (start, end) = (location.start(), location.end());
    Position {
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

pub fn diagnostic_json(d: &Diagnostic) -> Value {
    let mut v = json!({
        "code": d.code.id,
        "name": d.code.name,
        "severity": d.severity,
        "message": d.message,
        "file": d.file,
    });
    let map = v.as_object_mut().expect("object literal");
    if let Some(loc) = &d.location {
        let p = serde_json::to_value(position(loc)).expect("plain struct");
        map.extend(p.as_object().cloned().unwrap_or_default());
    }
    if let Some(path) = &d.path {
        map.insert("path".into(), json!(path));
    }
    if let Some(index) = d.document {
        map.insert("document".into(), json!(index));
    }
    if let Some(object) = &d.object {
        map.insert("object".into(), json!(object));
    }
    if let Some(help) = &d.help {
        map.insert("help".into(), json!(help));
    }
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .map(|r| {
                let mut v = json!({"file": r.location.source.name, "message": r.message});
                let p = serde_json::to_value(position(&r.location)).expect("plain struct");
                v.as_object_mut()
                    .expect("object literal")
                    .extend(p.as_object().cloned().unwrap_or_default());
                v
            })
            .collect();
        map.insert("related".into(), json!(related));
    }
    v
}

pub fn render(report: &Report) -> String {
    let summary: Summary = report.summary();
    let files: Vec<Value> = report
        .files
        .iter()
        .map(|f| json!({"path": f.name, "documents": f.documents}))
        .collect();
    let diagnostics: Vec<Value> = report.diagnostics().map(diagnostic_json).collect();
    let doc = json!({
        "version": 1,
        "tool": "opensergo",
        "command": report.command,
        "summary": summary,
        "files": files,
        "diagnostics": diagnostics,
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON values serialize");
    out.push('\n');
    out
}
