//! OS5012 yaml11-number.

use super::prelude::*;
use crate::yaml::Value;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5012",
        "yaml11-number",
        Warning,
        "An unquoted number (or number-like string) that YAML 1.1 readers such as Kubernetes' YAML library read differently: `017`, `1e3`, `1_000`, `1:30`.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds unquoted scalars (values and keys) that YAML 1.2 (this tool, and
JSON-minded parsers) and YAML 1.1 (Kubernetes' YAML library, PyYAML,
Ruby) read as different values:

| written | YAML 1.2 | YAML 1.1 |
|---|---|---|
| `017` | 17 | 15 (octal) |
| `1e3`, `1.5e3` | 1000, 1500 | the strings "1e3", "1.5e3" |
| `0o17` | 15 | the string "0o17" |
| `1_000` | the string "1_000" | 1000 |
| `0b101` | the string "0b101" | 5 |
| `1:30` | the string "1:30" | 90 (base 60) |
| `-0x1F` | the string "-0x1F" | -31 |

## Why is this bad
The same file means different things to different tools: a threshold of
`010` is 10 here and 8 once applied, a time written `10:30` becomes 630,
and a value typed string receives a number (or the other way round) and
is rejected.

## Example
```yaml
spec:
  threshold: 010          # 10 here, 8 for Kubernetes
```

## How to fix
Write a form both versions read alike: a plain decimal without leading
zeros (`10`), a float with a dot and a signed exponent (`1.0e+3`), or
quote the value (`'1:30'`) if a string is meant.
"#;

/// A number as a YAML reader resolved it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    fn show(self) -> String {
        match self {
            Num::Int(i) => i.to_string(),
            Num::Float(f) => f.to_string(),
        }
    }
}

/// How a YAML 1.1 reader (PyYAML's resolver, the YAML 1.1 type
/// repository) reads a plain scalar: a number, or `None` for a string.
fn yaml11(text: &str) -> Option<Num> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let sign = |n: i128| if negative { -n } else { n };
    let radix = |digits: &str, radix: u32| -> Option<Num> {
        let clean: String = digits.chars().filter(|&c| c != '_').collect();
        if clean.is_empty() {
            return None;
        }
        i128::from_str_radix(&clean, radix)
            .ok()
            .map(|n| Num::Int(sign(n)))
    };
    let all = |s: &str, ok: fn(char) -> bool| !s.is_empty() && s.chars().all(ok);
    match body {
        ".inf" | ".Inf" | ".INF" => {
            return Some(Num::Float(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }));
        }
        ".nan" | ".NaN" | ".NAN" if text == body => return Some(Num::Float(f64::NAN)),
        "0" => return Some(Num::Int(0)),
        _ => {}
    }
    if let Some(bin) = body.strip_prefix("0b") {
        return all(bin, |c| matches!(c, '0' | '1' | '_'))
            .then(|| radix(bin, 2))
            .flatten();
    }
    if let Some(hex) = body.strip_prefix("0x") {
        return all(hex, |c| c.is_ascii_hexdigit() || c == '_')
            .then(|| radix(hex, 16))
            .flatten();
    }
    if body.starts_with('0') && all(&body[1..], |c| matches!(c, '0'..='7' | '_')) {
        return radix(&body[1..], 8);
    }
    if body.starts_with(|c: char| matches!(c, '1'..='9')) {
        if all(body, |c| c.is_ascii_digit() || c == '_') {
            return radix(body, 10);
        }
        // Base 60: `1:30`, `190:20:30`.
        let mut parts = body.split(':');
        let first = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        if !rest.is_empty()
            && all(first, |c| c.is_ascii_digit() || c == '_')
            && rest.iter().all(|p| {
                (1..=2).contains(&p.len())
                    && all(p, |c| c.is_ascii_digit())
                    && p.parse::<u32>().is_ok_and(|v| v < 60)
            })
        {
            let mut n: i128 = first
                .chars()
                .filter(|&c| c != '_')
                .collect::<String>()
                .parse()
                .ok()?;
            for p in rest {
                n = n.checked_mul(60)?.checked_add(p.parse().ok()?)?;
            }
            return Some(Num::Int(sign(n)));
        }
    }
    // Floats need a dot; an exponent needs its sign.
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.')?;
    let whole_ok = whole.is_empty()
        || (whole.starts_with(|c: char| c.is_ascii_digit())
            && all(whole, |c| c.is_ascii_digit() || c == '_'));
    let fraction_ok = fraction.chars().all(|c| c.is_ascii_digit() || c == '_');
    let exponent_ok =
        exponent.is_none_or(|e| e.starts_with(['-', '+']) && all(&e[1..], |c| c.is_ascii_digit()));
    if !(whole_ok && fraction_ok && exponent_ok) || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    if whole.is_empty() && !fraction.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok().map(Num::Float)
}

/// What YAML 1.2 made of a plain scalar, as this tool's loader read it.
fn yaml12(node: &Node) -> Option<Num> {
    match node.value {
        Value::Int(i) => Some(Num::Int(i128::from(i))),
        Value::Float(f) => Some(Num::Float(f)),
        _ => None,
    }
}

/// The finding for a plain scalar, when the two readings differ.
fn difference(node: &Node, source: &str) -> Option<(String, String)> {
    if !node.plain() {
        return None;
    }
    let text = match &node.value {
        Value::String(s) => s.as_str(),
        Value::Int(_) | Value::Float(_) => source.get(node.span().start..node.span().end)?,
        _ => return None,
    };
    // Only text that starts like a number can be one in either version.
    if !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.')) {
        return None;
    }
    let new = yaml12(node);
    let old = yaml11(text);
    let same = match (new, old) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let (a, b) = (a.as_f64(), b.as_f64());
            a == b || (a.is_nan() && b.is_nan())
        }
        _ => false,
    };
    if same {
        return None;
    }
    let describe = |n: Option<Num>| match n {
        Some(n) => format!("the number {}", n.show()),
        None => format!("the string \"{text}\""),
    };
    let old_text = match old {
        Some(Num::Int(_))
            if text.trim_start_matches(['-', '+']).starts_with('0')
                && text.len() > 1
                && !text.contains(['x', 'b']) =>
        {
            format!("{} (octal)", describe(old))
        }
        _ => describe(old),
    };
    Some((
        format!(
            "unquoted `{text}` is {} here but {old_text} for YAML 1.1 readers (Kubernetes' YAML library, PyYAML)",
            describe(new)
        ),
        text.to_string(),
    ))
}

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    super::each_scalar(set, |object, node| {
        let Some((message, text)) = difference(node, &object.doc.source.text) else {
            return;
        };
        sink.report(object.doc, node.span(), message)
            .label("YAML 1.1 reads this differently")
            .help(format!(
                "quote it (`'{text}'`) if you mean a string; for a number write a form both read alike (a decimal without leading zeros, a float with a dot and a signed exponent like `1.0e+3`)"
            ));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml11_reads_numbers_like_pyyaml() {
        assert_eq!(yaml11("017"), Some(Num::Int(15)));
        assert_eq!(yaml11("1e3"), None);
        assert_eq!(yaml11("1.5e3"), None);
        assert_eq!(yaml11("1.0e+3"), Some(Num::Float(1000.0)));
        assert_eq!(yaml11("0o17"), None);
        assert_eq!(yaml11("1_000"), Some(Num::Int(1000)));
        assert_eq!(yaml11("0b101"), Some(Num::Int(5)));
        assert_eq!(yaml11("1:30"), Some(Num::Int(90)));
        assert_eq!(yaml11("-0x1F"), Some(Num::Int(-31)));
        assert_eq!(yaml11("10"), Some(Num::Int(10)));
        assert_eq!(yaml11("1.5"), Some(Num::Float(1.5)));
        assert_eq!(yaml11(".5"), Some(Num::Float(0.5)));
        assert_eq!(yaml11("019"), None);
        assert_eq!(yaml11("1.2.3"), None);
        assert_eq!(yaml11("GET:/foo"), None);
        assert_eq!(yaml11("10:30"), Some(Num::Int(630)));
        assert_eq!(yaml11("1:75"), None);
    }
}
