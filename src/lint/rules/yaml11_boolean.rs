//! OS5008 yaml11-boolean.

use super::prelude::*;
use crate::yaml::Value;

pub const RULE: Rule = Rule::new(
    code!(
        "OS5008",
        "yaml11-boolean",
        Warning,
        "An unquoted yes/no/on/off/y/n is a string in YAML 1.2 but a boolean for Kubernetes' YAML 1.1 parser.",
        DOCS
    ),
    category::SUSPICIOUS,
    check,
);

pub const DOCS: &str = r#"
## What it does
Finds unquoted scalars (values and keys) that YAML 1.1 reads as
booleans: `yes`, `no`, `on`, `off`, `y`, `n` in any capitalisation.

## Why is this bad
YAML 1.2 parsers (and this tool) read `yes` as the string "yes";
Kubernetes' go-yaml (YAML 1.1) reads it as `true`. The same file means
different things to different tools: a header match `exact: on` matches
the header value `true` once applied, and a field typed string gets a
boolean and is rejected.

## Example
```yaml
match:
  - headers:
      x-canary:
        exact: yes           # Kubernetes stores true
```

## How to fix
Quote the value (`'yes'`) if a string is meant, or write `true`/`false`
if a boolean is.
"#;

const WORDS: &[&str] = &["yes", "no", "on", "off", "y", "n"];

/// The YAML 1.1 boolean an unquoted scalar stands for, if any.
fn yaml11(node: &Node) -> Option<(&str, bool)> {
    let Value::String(s) = &node.value else {
        return None;
    };
    let word = WORDS
        .iter()
        .find(|w| node.plain() && w.eq_ignore_ascii_case(s))?;
    Some((s, matches!(*word, "yes" | "on" | "y")))
}

fn check(set: &RuleSet<'_>, sink: &mut Sink) {
    super::each_scalar(set, |object, node| {
        if let Some((text, boolean)) = yaml11(node) {
            report(sink, object, node, text, boolean);
        }
    });
}

fn report(sink: &mut Sink, object: &Object<'_>, node: &Node, text: &str, boolean: bool) {
    sink.report(
        object.doc,
        node.span(),
        format!(
            "unquoted `{text}` is a string here but the boolean {boolean} for Kubernetes (YAML 1.1)"
        ),
    )
    .label("YAML 1.1 boolean")
    .help(format!(
        "quote it (`'{text}'`) if you mean the string, or write `{boolean}` if you mean a boolean"
    ));
}
