//! SARIF 2.1.0, the format GitHub code scanning uploads.

use serde_json::{Value, json};

use super::{Report, fingerprint};
use crate::codes::Severity;
use crate::diagnostic::Location;

fn region(location: &Location) -> Value {
    let (start, end) = (location.start(), location.end());
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn artifact_uri(file: &str) -> String {
    // SARIF wants URI references; relative paths stay relative to the
    // checkout (uriBaseId %SRCROOT%), which is what code scanning expects.
    let path = file.strip_prefix("./").unwrap_or(file);
    path.split('/')
        .map(|seg| {
            seg.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn physical(file: &str, location: Option<&Location>) -> Value {
    let mut v = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(file), "uriBaseId": "%SRCROOT%"},
        }
    });
    if let Some(loc) = location {
        v["physicalLocation"]["region"] = region(loc);
    }
    v
}

pub fn render(report: &Report) -> String {
    let codes = report.codes();
    let rules: Vec<Value> = codes
        .iter()
        .map(|c| {
            let mut help = json!({"text": format!("{} ({}): {} Run `opensergo explain {}` for details.", c.id, c.name, c.summary, c.id)});
            if !c.docs.is_empty() {
                help["markdown"] = json!(c.docs.trim());
            }
            json!({
                "id": c.id,
                "name": c.name,
                "shortDescription": {"text": c.summary},
                "fullDescription": {"text": c.summary},
                "help": help,
                "defaultConfiguration": {"level": level(c.default_severity)},
            })
        })
        .collect();
    let results: Vec<Value> = report
        .diagnostics()
        .map(|d| {
            let rule_index = codes.iter().position(|c| c.id == d.code.id).unwrap_or(0);
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.code.id,
                "ruleIndex": rule_index,
                "level": level(d.severity),
                "message": {"text": text},
                "locations": [physical(&d.file, d.location.as_ref())],
                "partialFingerprints": {"opensergoFingerprint/v1": fingerprint(d)},
            });
            if !d.related.is_empty() {
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut v = physical(&r.location.source.name, Some(&r.location));
                        v["id"] = json!(i + 1);
                        v["message"] = json!({"text": r.message});
                        v
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "opensergo",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://opensergo.io",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = super::to_safe_json(&doc);
    out.push('\n');
    out
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_per_segment() {
        assert_eq!(
            artifact_uri("./a b/规则.yaml"),
            "a%20b/%E8%A7%84%E5%88%99.yaml"
        );
    }
}
