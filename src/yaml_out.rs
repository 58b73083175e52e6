//! A small YAML emitter for JSON-like values (block style, two-space
//! indent, lists indented under their key the way the OpenSergo samples
//! write them).
//!
//! Strings are written plain only when every YAML 1.1 and 1.2 reader
//! (libyaml, go-yaml, PyYAML, kubectl) reads them back as the same string:
//! anything that could resolve to a boolean, null or number (`yes`, `on`,
//! `~`, `010`, `1e3`, `.5`, `30s` is quoted too, to be safe), starts with
//! an indicator, or holds `: `, ` #`, leading or trailing blanks, is
//! single-quoted; strings with line breaks or control characters are
//! double-quoted with escapes.

use std::fmt::Write as _;

use serde_json::{Map, Value};

/// One document, without a `---` line.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_map(&mut out, map, 0, false),
        Value::Array(items) if !items.is_empty() => write_seq(&mut out, items, 0, false),
        scalar => {
            write_scalar(&mut out, scalar);
            out.push('\n');
        }
    }
    out
}

/// Several documents, separated by `---` lines.
pub fn to_yaml_stream(values: &[Value]) -> String {
    values.iter().map(to_yaml).collect::<Vec<_>>().join("---\n")
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// Writes a mapping's entries; with `inline`, the first entry continues
/// the current line (after `- `).
fn write_map(out: &mut String, map: &Map<String, Value>, indent: usize, inline: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 || !inline {
            pad(out, indent);
        }
        write_string(out, key);
        out.push(':');
        match value {
            Value::Object(m) if !m.is_empty() => {
                out.push('\n');
                write_map(out, m, indent + 2, false);
            }
            Value::Array(items) if !items.is_empty() => {
                out.push('\n');
                write_seq(out, items, indent + 2, false);
            }
            scalar => {
                out.push(' ');
                write_scalar(out, scalar);
                out.push('\n');
            }
        }
    }
}

fn write_seq(out: &mut String, items: &[Value], indent: usize, inline: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !inline {
            pad(out, indent);
        }
        out.push_str("- ");
        match item {
            Value::Object(m) if !m.is_empty() => write_map(out, m, indent + 2, true),
            Value::Array(inner) if !inner.is_empty() => write_seq(out, inner, indent + 2, true),
            scalar => {
                write_scalar(out, scalar);
                out.push('\n');
            }
        }
    }
}

fn write_scalar(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let text = n.to_string();
            // YAML 1.1 readers need a dot in a float with an exponent.
            if n.is_f64() && text.contains('e') && !text.contains('.') {
                out.push_str(&text.replacen('e', ".0e", 1));
            } else {
                out.push_str(&text);
            }
        }
        Value::String(s) => write_string(out, s),
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

/// Words some YAML reader resolves to a non-string (YAML 1.1 booleans
/// included), compared case-insensitively.
const RESERVED: &[&str] = &[
    "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "=",
];

fn needs_double_quotes(s: &str) -> bool {
    s.chars().any(|c| {
        c.is_control()
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            )
    })
}

fn can_be_plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if RESERVED.iter().any(|w| w.eq_ignore_ascii_case(s)) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() {
        return false;
    }
    // libyaml-safer takes a stream starting with byte 0xEF for a broken
    // UTF-8 BOM, and U+F000..U+FFFF start with 0xEF: quote them.
    if ('\u{f000}'..='\u{ffff}').contains(&first) {
        return false;
    }
    // Anything that starts like a number (and `.inf`, `.nan`, `...`).
    let second = s.chars().nth(1);
    if first.is_ascii_digit()
        || (matches!(first, '+' | '.') && second.is_some_and(|c| c.is_ascii_digit() || c == '.'))
        || s.starts_with(".inf")
        || s.starts_with(".Inf")
        || s.starts_with(".INF")
        || s.eq_ignore_ascii_case(".nan")
    {
        return false;
    }
    if s.ends_with(char::is_whitespace) || s.ends_with(':') {
        return false;
    }
    !(s.contains(": ") || s.contains(" #") || s.contains(":\t") || s.contains("\t#"))
}

fn write_string(out: &mut String, s: &str) {
    if needs_double_quotes(s) {
        out.push('"');
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\0' => out.push_str("\\0"),
                c if c.is_control()
                    || matches!(
                        c,
                        '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                    ) =>
                {
                    let code = u32::from(c);
                    if code <= 0xff {
                        let _ = write!(out, "\\x{code:02x}");
                    } else {
                        let _ = write!(out, "\\u{code:04x}");
                    }
                }
                c => out.push(c),
            }
        }
        out.push('"');
    } else if can_be_plain(s) {
        out.push_str(s);
    } else {
        out.push('\'');
        out.push_str(&s.replace('\'', "''"));
        out.push('\'');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reload(text: &str) -> Vec<Value> {
        let (docs, err) = crate::yaml::load_stream(text);
        assert_eq!(err, None, "{text}");
        docs.iter().map(|d| d.root.to_json()).collect()
    }

    #[test]
    fn writes_the_sample_style() {
        let value = json!({
            "apiVersion": "fault-tolerance.opensergo.io/v1alpha1",
            "metadata": {"name": "x", "labels": {"app": "foo"}},
            "spec": {"targets": [{"targetResourceName": "GET:/foo", "count": 1}], "empty": [], "e": {}}
        });
        let text = to_yaml(&value);
        assert_eq!(
            text,
            "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nmetadata:\n  name: x\n  labels:\n    app: foo\nspec:\n  targets:\n    - targetResourceName: GET:/foo\n      count: 1\n  empty: []\n  e: {}\n"
        );
        assert_eq!(reload(&text), vec![value]);
    }

    #[test]
    fn quotes_what_would_not_read_back_as_a_string() {
        for s in [
            "",
            "yes",
            "No",
            "ON",
            "~",
            "null",
            "true",
            "010",
            "1e3",
            ".5",
            "+1",
            "-1",
            "0x1f",
            "60%",
            "30s",
            "- a",
            "a: b",
            "a #b",
            "#x",
            "&a",
            "*a",
            "!t",
            "|",
            ">",
            "'q'",
            "\"q\"",
            "%x",
            "@x",
            "`x",
            " lead",
            "trail ",
            "key:",
            "line\nbreak",
            "tab\there",
            "bell\u{7}",
            "<<",
            "=",
            "...",
            "---",
            ".inf",
            ".NaN",
            "{a}",
            "[a]",
            "a,b",
            "? x",
            "中文 注释",
            "it's",
            "\u{2028}",
            "\u{feff}x",
            "\u{fffc}",
            "\u{f000}a",
        ] {
            let text = to_yaml(&json!({ s: s }));
            assert_eq!(reload(&text), vec![json!({ s: s })], "{s:?} -> {text}");
        }
    }

    #[test]
    fn numbers_keep_their_type() {
        let value = json!([
            1,
            -2,
            1.5,
            1e21,
            0.1,
            i64::MAX,
            u64::MAX,
            null,
            true,
            [[1, 2], []]
        ]);
        let text = to_yaml(&value);
        assert!(text.contains("1.0e+21"), "{text}");
        let mut back = reload(&text);
        // u64::MAX is beyond i64: the loader reads it as a float.
        back[0][6] = json!(u64::MAX);
        assert_eq!(back, vec![value]);
    }

    #[test]
    fn streams_separate_documents() {
        let text = to_yaml_stream(&[json!({"a": 1}), json!({"b": 2})]);
        assert_eq!(text, "a: 1\n---\nb: 2\n");
        assert_eq!(reload(&text).len(), 2);
    }
}
