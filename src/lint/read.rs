//! Lenient reading of document trees for rules: a field of the wrong type
//! reads as absent (validate reports it), never as a crash.

use crate::duration;

use crate::yaml::{Node, Value};

/// A node found by [`select`].
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    pub node: &'a Node,
    /// The key node that introduced it, when it is a mapping value.
    pub key: Option<&'a Node>,
}

/// Every node matching a pattern of path segments: a key, `*` for every
/// value of a mapping, `[]` for every item of a sequence. Paths are not
/// built here: a finding derives its path from its position
/// ([`Node::path_at`]), so walking stays allocation-light.
pub fn select<'a>(root: &'a Node, pattern: &[&str]) -> Vec<Found<'a>> {
    let mut current = vec![Found {
        node: root,
        key: None,
    }];
    for segment in pattern {
        let mut next = Vec::new();
        for found in current {
            match *segment {
                "*" => next.extend(found.node.as_map().iter().map(|(k, v)| Found {
                    node: v,
                    key: Some(k),
                })),
                "[]" => next.extend(found.node.as_seq().iter().map(|item| Found {
                    node: item,
                    key: None,
                })),
                key => next.extend(found.node.entry(key).map(|(k, v)| Found {
                    node: v,
                    key: Some(k),
                })),
            }
        }
        current = next;
    }
    current
}

/// The non-empty string at a path of keys.
pub fn text<'a>(node: &'a Node, keys: &[&str]) -> Option<&'a str> {
    node.get_path(keys)
        .and_then(Node::as_str)
        .filter(|s| !s.is_empty())
}

/// A number written as an integer or a float (not a string).
pub fn number(node: &Node) -> Option<f64> {
    match node.value {
        #[allow(clippy::cast_precision_loss)]
        Value::Int(i) => Some(i as f64),
        Value::Float(f) => Some(f),
        _ => None,
    }
}

/// A duration string in milliseconds (`'500ms'`, `30s`).
pub fn millis(node: &Node) -> Option<i64> {
    node.as_str()
        .and_then(|s| duration::parse(s.trim()).ok())
        .map(|d| d.millis)
}

/// A ratio string (`'60%'`) as a whole percent.
pub fn percent(node: &Node) -> Option<i64> {
    node.as_str()?.trim().strip_suffix('%')?.trim().parse().ok()
}

/// The string items of a node: itself if it is a string, its string items
/// if it is a sequence.
pub fn names(node: &Node) -> Vec<&Node> {
    match &node.value {
        Value::String(_) => vec![node],
        Value::Seq(items) => items.iter().filter(|n| n.as_str().is_some()).collect(),
        _ => Vec::new(),
    }
}

/// A reference written as a bare name or as `{name: ..., kind: ...}`:
/// the name node and the kind, if any.
pub fn reference(node: &Node) -> Option<(&Node, Option<&str>)> {
    match &node.value {
        Value::String(s) if !s.is_empty() => Some((node, None)),
        Value::Map(_) => {
            let name = node
                .get("name")
                .filter(|n| n.as_str().is_some_and(|s| !s.is_empty()))?;
            Some((name, node.get("kind").and_then(Node::as_str)))
        }
        _ => None,
    }
}

/// The keys of a mapping, as text.
pub fn keys(node: &Node) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    node.as_map().iter().filter_map(|(k, _)| k.key_text())
}

/// A one-line span for a node: a mapping's first key, a sequence's first
/// item's, a scalar's own. Findings about collections point there, so
/// snippets stay one line.
pub fn head(node: &Node) -> crate::source::Span {
    match &node.value {
        Value::Map(entries) => entries.first().map_or(node.span(), |(k, _)| k.span()),
        Value::Seq(items) => items.first().map_or(node.span(), head),
        _ => node.span(),
    }
}

/// A short rendering of a scalar for messages.
pub fn show(node: &Node) -> String {
    match &node.value {
        Value::String(s) => format!("`{s}`"),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Seq(_) | Value::Map(_) => "a collection".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Node {
        crate::yaml::load_stream(text).0.remove(0).root
    }

    #[test]
    fn select_walks_keys_maps_and_sequences() {
        let n = node("spec:\n  tables:\n    a: {x: [p, q]}\n    b: {x: [r]}\n");
        let found = select(&n, &["spec", "tables", "*", "x", "[]"]);
        let paths: Vec<_> = found.iter().map(|f| n.path_at(f.node.span())).collect();
        assert_eq!(
            paths,
            [
                "spec.tables.a.x[0]",
                "spec.tables.a.x[1]",
                "spec.tables.b.x[0]"
            ]
        );
        assert_eq!(found[2].node.as_str(), Some("r"));
        let key = found[0].node;
        assert_eq!(
            n.path_at(crate::source::Span::new(
                key.span().start,
                key.span().start + 1
            )),
            "spec.tables.a.x[0]"
        );
        let (tables, _) = n.get("spec").unwrap().entry("tables").unwrap();
        assert_eq!(n.path_at(tables.span()), "spec.tables");
    }

    #[test]
    fn values_read_leniently() {
        let n = node("a: '60%'\nb: 30s\nc: [x, 1, y]\nd: {name: n, kind: K}\ne: 3\n");
        assert_eq!(percent(n.get("a").unwrap()), Some(60));
        assert_eq!(millis(n.get("b").unwrap()), Some(30_000));
        assert_eq!(millis(n.get("e").unwrap()), None);
        assert_eq!(names(n.get("c").unwrap()).len(), 2);
        let (name, kind) = reference(n.get("d").unwrap()).unwrap();
        assert_eq!((name.as_str(), kind), (Some("n"), Some("K")));
        assert_eq!(number(n.get("e").unwrap()), Some(3.0));
    }
}
