//! Object metadata checked the way the Kubernetes API server checks it:
//! DNS-1123 names and namespaces, label syntax, string label values.

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::path::FieldPath;
use crate::path::Segment;
use crate::yaml::{Node, Value};

/// A DNS-1123 label: lower-case alphanumerics and '-', alphanumeric at
/// both ends, at most 63 characters.
pub fn is_dns1123_label(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

/// A DNS-1123 subdomain: dot-separated labels, at most 253 characters.
pub fn is_dns1123_subdomain(s: &str) -> bool {
    s.len() <= 253 && s.split('.').all(is_dns1123_label)
}

/// A label name or value segment: `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, at most 63.
fn is_qualified_segment(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
}

pub fn is_label_key(s: &str) -> bool {
    match s.split_once('/') {
        Some((prefix, name)) => is_dns1123_subdomain(prefix) && is_qualified_segment(name),
        None => is_qualified_segment(s),
    }
}

pub fn is_label_value(s: &str) -> bool {
    s.is_empty() || is_qualified_segment(s)
}

/// "; try `write-ds`" for a name that becomes valid by lower-casing and
/// replacing other characters with `-`; nothing when that leaves no valid
/// name (a name written in another script has no ASCII spelling to offer).
fn suggestion(name: &str, valid: fn(&str) -> bool, dots: bool) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'a'..='z' | '0'..='9' => c,
            '.' if dots => c,
            _ => '-',
        };
        // Runs of replaced characters become one `-`.
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    let out = out.trim_matches(|c| c == '-' || c == '.');
    if valid(out) {
        format!("; try `{out}`")
    } else {
        String::new()
    }
}

fn key(k: &str) -> Segment {
    Segment::Key(k.to_string())
}

/// Checks metadata; `app_label_expected` is false for kinds that select
/// workloads in their spec instead (policy.opensergo.io).
pub fn check(doc: &Document, app_label_expected: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let meta_path = [key("metadata")];
    let Some(metadata) = doc
        .root
        .get("metadata")
        .filter(|m| matches!(m.value, Value::Map(_)))
    else {
        // The schema reports a missing or non-object metadata.
        return out;
    };
    match metadata.get("name") {
        None => out.push(
            doc.diagnostic(
                codes::INVALID_METADATA,
                "metadata.name is required",
                doc.span_of(&meta_path, true),
            )
            .with_path(FieldPath::keys(&["metadata", "name"])),
        ),
        Some(node) => {
            if let Some(name) = node.as_str()
                && !is_dns1123_subdomain(name)
            {
                out.push(
                    doc.diagnostic(
                        codes::INVALID_METADATA,
                        format!("metadata.name `{name}` is not a valid Kubernetes object name"),
                        node.span(),
                    )
                    .with_path(FieldPath::keys(&["metadata", "name"]))
                    .with_label("not a DNS-1123 subdomain")
                    .with_help(format!(
                        "names must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (at most 253 characters){}",
                        suggestion(name, is_dns1123_subdomain, true)
                    )),
                );
            }
        }
    }
    if let Some(node) = metadata.get("namespace")
        && let Some(ns) = node.as_str()
        && !is_dns1123_label(ns)
    {
        out.push(
            doc.diagnostic(
                codes::INVALID_METADATA,
                format!("metadata.namespace `{ns}` is not a valid namespace"),
                node.span(),
            )
            .with_path(FieldPath::keys(&["metadata", "namespace"]))
            .with_label("not a DNS-1123 label")
            .with_help(format!(
                "namespaces must be lower-case letters, digits and '-' (at most 63 characters){}",
                suggestion(ns, is_dns1123_label, false)
            )),
        );
    }
    let labels = metadata.get("labels");
    for (k, v) in labels.map(Node::as_map).unwrap_or_default() {
        check_label(doc, k, v, &mut out);
    }
    let has_app = labels.and_then(|l| l.get("app")).is_some();
    if app_label_expected && !has_app {
        out.push(
            doc.diagnostic(
                codes::MISSING_APP_LABEL,
                "metadata.labels.app is missing",
                doc.span_of(&[key("metadata"), key("labels")], true),
            )
            .with_path(FieldPath::keys(&["metadata", "labels", "app"]))
            .with_help("the OpenSergo control plane groups objects by (namespace, labels.app) and never delivers an object without an `app` label; add `labels: {app: <your-app>}`"),
        );
    }
    out
}

fn check_label(doc: &Document, k: &Node, v: &Node, out: &mut Vec<Diagnostic>) {
    let key_text = k.key_text().unwrap_or_default();
    let path = FieldPath::keys(&["metadata", "labels", &key_text]);
    if !is_label_key(&key_text) {
        out.push(
            doc.diagnostic(
                codes::INVALID_METADATA,
                format!("label key `{key_text}` is not valid"),
                k.span(),
            )
            .with_path(path.clone())
            .with_help("label keys are an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
        );
    }
    match &v.value {
        Value::String(s) if !is_label_value(s) => out.push(
            doc.diagnostic(
                codes::INVALID_METADATA,
                format!("label value `{s}` is not valid"),
                v.span(),
            )
            .with_path(path)
            .with_help("label values are at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
        ),
        Value::String(_) => {}
        Value::Null => {}
        _ => out.push(
            doc.diagnostic(
                codes::INVALID_METADATA,
                format!("label `{key_text}` has a non-string value"),
                v.span(),
            )
            .with_path(path)
            .with_help("Kubernetes labels are strings: quote the value"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_names() {
        assert!(is_dns1123_subdomain("rate-limit-foo"));
        assert!(is_dns1123_subdomain("a.b-c"));
        assert!(!is_dns1123_subdomain("write_ds"));
        assert!(!is_dns1123_subdomain("Foo"));
        assert!(!is_dns1123_subdomain("-a"));
        assert!(!is_dns1123_label("a.b"));
        assert!(is_label_key("app.kubernetes.io/name"));
        assert!(!is_label_key("-x"));
        assert!(is_label_value(""));
        assert!(!is_label_value("a b"));
        assert_eq!(
            suggestion("Write_DS", is_dns1123_subdomain, true),
            "; try `write-ds`"
        );
        assert_eq!(
            suggestion("a.b__c", is_dns1123_label, false),
            "; try `a-b-c`"
        );
        // Nothing to offer for a name in another script.
        assert_eq!(suggestion("限流规则", is_dns1123_subdomain, true), "");
    }
}
