//! Typed field paths: where inside a document a finding or a change is.
//!
//! Checks build a [`FieldPath`] from segments and never parse one back;
//! only the report layer renders it (`spec.strategies[0].kind`). `diff`
//! compares paths segment by segment.

use std::fmt;

use serde::{Serialize, Serializer};

/// One step into a document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    Key(String),
    Index(usize),
}

impl Segment {
    pub fn as_key(&self) -> Option<&str> {
        match self {
            Segment::Key(k) => Some(k),
            Segment::Index(_) => None,
        }
    }
}

impl From<&str> for Segment {
    fn from(key: &str) -> Self {
        Segment::Key(key.to_string())
    }
}

impl From<String> for Segment {
    fn from(key: String) -> Self {
        Segment::Key(key)
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Self {
        Segment::Index(index)
    }
}

/// A path from a document's root to a node.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    /// A path of keys only: `FieldPath::keys(&["spec", "threshold"])`.
    pub fn keys(keys: &[&str]) -> Self {
        FieldPath(keys.iter().map(|k| Segment::from(*k)).collect())
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn push(&mut self, segment: impl Into<Segment>) {
        self.0.push(segment.into());
    }

    pub fn pop(&mut self) -> Option<Segment> {
        self.0.pop()
    }

    /// This path with one more segment.
    pub fn child(&self, segment: impl Into<Segment>) -> Self {
        let mut path = self.clone();
        path.push(segment);
        path
    }

    pub fn parent(&self) -> Option<FieldPath> {
        let (_, rest) = self.0.split_last()?;
        Some(FieldPath(rest.to_vec()))
    }

    pub fn last(&self) -> Option<&Segment> {
        self.0.last()
    }

    /// The last key of the path (the field's own name), skipping indexes.
    pub fn last_key(&self) -> Option<&str> {
        self.0.iter().rev().find_map(Segment::as_key)
    }

    pub fn starts_with(&self, prefix: &FieldPath) -> bool {
        self.0.starts_with(&prefix.0)
    }
}

impl From<Vec<Segment>> for FieldPath {
    fn from(segments: Vec<Segment>) -> Self {
        FieldPath(segments)
    }
}

impl FromIterator<Segment> for FieldPath {
    fn from_iter<T: IntoIterator<Item = Segment>>(iter: T) -> Self {
        FieldPath(iter.into_iter().collect())
    }
}

/// Keys that a dotted rendering would make ambiguous are bracketed and
/// quoted: `metadata.labels["app.kubernetes.io/name"]`.
fn needs_quoting(key: &str) -> bool {
    key.is_empty()
        || key.chars().any(|c| {
            matches!(c, '.' | '[' | ']' | '"' | '\\') || c.is_whitespace() || c.is_control()
        })
}

impl fmt::Display for FieldPath {
    /// The way users write paths: `spec.strategies[0].kind`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(k) if needs_quoting(k) => {
                    f.write_str("[")?;
                    write!(f, "{}", serde_json::Value::String(k.clone()))?;
                    f.write_str("]")?;
                }
                Segment::Key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Compares with the rendered form (`spec.threshold`); handy in tests
/// and in settings that name a path.
impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        let rendered: String = self.to_string();
        rendered == *other
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_as_users_write_paths() {
        let mut p = FieldPath::keys(&["spec", "strategies"]);
        p.push(0);
        p.push("kind");
        assert_eq!(p.to_string(), "spec.strategies[0].kind");
        assert_eq!(p.last_key(), Some("kind"));
        assert_eq!(p.parent().unwrap().to_string(), "spec.strategies[0]");
        assert!(p.starts_with(&FieldPath::keys(&["spec"])));
        assert_eq!(FieldPath::root().to_string(), "");
    }

    #[test]
    fn keys_with_dots_and_control_characters_are_quoted() {
        let p = FieldPath::keys(&["metadata", "labels", "app.kubernetes.io/name"]);
        assert_eq!(
            p.to_string(),
            r#"metadata.labels["app.kubernetes.io/name"]"#
        );
        let p = FieldPath::keys(&["a\u{1b}[31m"]);
        assert_eq!(p.to_string(), r#"["a\u001b[31m"]"#);
    }
}
