//! Reading buf-style YAML files (buf.yaml, buf.gen.yaml) strictly: every
//! unknown key or wrong type is a diagnostic at its position, with the
//! closest known key, as buf rejects them too.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::source::SharedSource;
use crate::yaml::{self, Node, Value};

/// The first document's root, unless the file is empty; a YAML error
/// is a diagnostic.
pub(crate) fn first_document(source: &SharedSource) -> Result<Option<Node>, Vec<Diagnostic>> {
    let (documents, error) = yaml::load_stream(&source.text);
    if let Some(error) = error {
        return Err(vec![error.into_diagnostic(source)]);
    }
    Ok(documents
        .into_iter()
        .next()
        .map(|d| d.root)
        .filter(|r| !r.is_null()))
}

/// The problems found while reading one file.
pub(crate) struct Problems<'s> {
    source: &'s SharedSource,
    code: Code,
    pub list: Vec<Diagnostic>,
}

impl<'s> Problems<'s> {
    pub fn new(source: &'s SharedSource, code: Code) -> Self {
        Problems {
            source,
            code,
            list: Vec::new(),
        }
    }

    pub fn error(&mut self, node: &Node, message: impl Into<String>) -> &mut Diagnostic {
        self.list
            .push(Diagnostic::new(self.code, message).at(self.source, node.span()));
        self.list.last_mut().expect("just pushed")
    }

    /// The entries of a mapping, reporting keys outside `known` (with the
    /// closest known key) and anything that is not a mapping.
    pub fn entries<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        known: &[&str],
    ) -> Vec<(&'n str, &'n Node)> {
        if !matches!(node.value, Value::Map(_)) {
            self.error(node, format!("{what} must be a mapping"));
            return Vec::new();
        }
        let mut entries = Vec::new();
        for (key, value) in node.as_map() {
            let name = key.as_str().unwrap_or_default();
            if known.contains(&name) {
                entries.push((name, value));
                continue;
            }
            let d = self.error(key, format!("unknown key `{name}` in {what}"));
            let help = match closest(name, known) {
                Some(close) => format!("did you mean `{close}`? known keys: {}", known.join(", ")),
                None => format!("known keys: {}", known.join(", ")),
            };
            d.help = Some(help);
        }
        entries
    }

    pub fn string(&mut self, node: &Node, what: &str) -> Option<String> {
        match &node.value {
            Value::String(s) => Some(s.to_string()),
            _ => {
                self.error(node, format!("`{what}` takes a string"));
                None
            }
        }
    }

    pub fn bool(&mut self, node: &Node, what: &str) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.error(node, format!("`{what}` takes true or false"));
                None
            }
        }
    }

    /// A list of strings; `or_single` also accepts one string (buf's
    /// `opt: a=b` and `local: name`).
    pub fn strings(&mut self, node: &Node, what: &str, or_single: bool) -> Vec<String> {
        match &node.value {
            Value::String(s) if or_single => vec![s.to_string()],
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.string(item, what))
                .collect(),
            Value::Null => Vec::new(),
            _ => {
                let expected = if or_single {
                    "a string or a list of strings"
                } else {
                    "a list of strings"
                };
                self.error(node, format!("`{what}` takes {expected}"));
                Vec::new()
            }
        }
    }
}

/// The known key closest to a misspelt one, when it is close enough to
/// be the one meant.
fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(distance, k)| *distance <= (k.len() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_key_is_suggested_only_when_close() {
        assert_eq!(closest("opts", &["opt", "out"]), Some("opt"));
        assert_eq!(closest("exclude", &["excludes", "path"]), Some("excludes"));
        assert_eq!(closest("zzzzzzzz", &["opt", "out"]), None);
    }
}
