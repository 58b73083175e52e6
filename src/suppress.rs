//! Silencing findings in the files themselves, in the style of istioctl's
//! `galley.istio.io/analyze-suppress` and ruff's `# noqa`. Every command
//! that checks documents (`validate`, `lint`) reads the same markers:
//!
//! * A comment `# opensergo:ignore CODE[,CODE...] reason` silences those
//!   codes on the YAML node that starts on its line (a trailing comment)
//!   or on the next line (a comment on its own line): the whole object
//!   when that line is the object's first, a whole list item or mapping
//!   entry otherwise.
//! * The annotation `lint.opensergo.io/ignore: CODE,CODE` silences those
//!   codes in its whole object.
//!
//! Codes are written as ids (`OS2001`) or names (`strategy-not-found`);
//! the command says which it knows. A finding is silenced when its
//! primary position is covered; commands count silenced findings in the
//! summary. What to say about suppressions themselves (unknown codes,
//! suppressions that silence nothing) is the command's business.

use std::collections::HashMap;
use std::sync::Arc;

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, LoadedSource};
use crate::source::{SourceFile, Span};
use crate::yaml::{Node, Value};

/// The comment marker.
pub const MARKER: &str = "opensergo:ignore";
/// The annotation key (named for lint, where it started; validate reads it too).
pub const ANNOTATION: &str = "lint.opensergo.io/ignore";

/// Finds the code a suppression names (an id in any case, or a name).
pub type Resolve<'r> = &'r dyn Fn(&str) -> Option<Code>;

/// One code named by a suppression.
#[derive(Debug)]
pub struct Named {
    /// As written; empty when the suppression names no code at all.
    pub text: String,
    /// `None` when the command knows no code of that name.
    pub code: Option<Code>,
    /// Whether it silenced a finding.
    pub used: bool,
}

/// One comment or annotation.
#[derive(Debug)]
pub struct Suppression<'a> {
    pub doc: &'a Document,
    /// Where the suppression is written (for findings about it).
    pub at: Span,
    /// What it covers.
    pub range: Span,
    pub codes: Vec<Named>,
}

/// Every suppression of a run, by source.
#[derive(Debug, Default)]
pub struct Suppressions<'a> {
    list: Vec<Suppression<'a>>,
    by_source: HashMap<*const SourceFile, Vec<usize>>,
}

impl<'a> Suppressions<'a> {
    /// The comments and annotations of `sources`; `resolve` turns the
    /// codes they name into the command's codes.
    pub fn collect(sources: impl IntoIterator<Item = &'a LoadedSource>, resolve: Resolve) -> Self {
        let mut found = Vec::new();
        for source in sources {
            comments(source, resolve, &mut found);
            for doc in &source.documents {
                if let Some(value) = doc.root.get_path(&["metadata", "annotations", ANNOTATION]) {
                    let text = value.key_text().unwrap_or_default();
                    found.push(Suppression {
                        doc,
                        at: value.span(),
                        range: doc.span,
                        codes: parse_codes(text.split(','), resolve),
                    });
                }
            }
        }
        let mut by_source: HashMap<*const SourceFile, Vec<usize>> = HashMap::new();
        for (i, s) in found.iter().enumerate() {
            by_source
                .entry(Arc::as_ptr(&s.doc.source))
                .or_default()
                .push(i);
        }
        Suppressions {
            list: found,
            by_source,
        }
    }

    /// True when a suppression covers `d`; marks that suppression used.
    pub fn suppresses(&mut self, d: &Diagnostic) -> bool {
        let Some(loc) = &d.location else {
            return false;
        };
        let Some(ids) = self.by_source.get(&Arc::as_ptr(&loc.source)) else {
            return false;
        };
        let mut hit = false;
        for &i in ids {
            let s = &mut self.list[i];
            if loc.span.start < s.range.start || loc.span.start > s.range.end {
                continue;
            }
            for named in &mut s.codes {
                if named.code.is_some_and(|c| c.id == d.code.id) {
                    named.used = true;
                    hit = true;
                }
            }
        }
        hit
    }

    /// Drops the findings a suppression covers and returns how many.
    pub fn apply(&mut self, diagnostics: &mut Vec<Diagnostic>) -> usize {
        crate::engine::suppress(diagnostics, |d| self.suppresses(d))
    }

    /// Every suppression, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Suppression<'a>> {
        self.list.iter()
    }
}

fn parse_codes<'t>(parts: impl Iterator<Item = &'t str>, resolve: Resolve) -> Vec<Named> {
    parts
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|text| Named {
            text: text.to_string(),
            code: resolve(text),
            used: false,
        })
        .collect()
}

/// Finds `# opensergo:ignore` comments in a source.
fn comments<'a>(loaded: &'a LoadedSource, resolve: Resolve, out: &mut Vec<Suppression<'a>>) {
    let source = &loaded.source;
    let text = source.text.as_str();
    if !text.contains(MARKER) {
        return;
    }
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
        .collect();
    for (l, &(start, line)) in lines.iter().enumerate() {
        let Some((hash, after)) = comment_marker(line) else {
            continue;
        };
        let trailing = !line[..hash].trim().is_empty();
        let target = if trailing {
            Some(l)
        } else {
            (l + 1..lines.len()).find(|&n| {
                let t = lines[n].1.trim();
                !t.is_empty() && !t.starts_with('#') && t != "---"
            })
        };
        let at = Span::new(start + hash, start + line.len());
        let Some(target) = target else { continue };
        let target_start = lines[target].0;
        let Some(doc) = loaded.documents.iter().find(|d| {
            d.span.start <= target_start + lines[target].1.len() && target_start <= d.span.end
        }) else {
            continue;
        };
        let line_no = target + 1;
        let range = covering(doc, source, line_no).unwrap_or(Span::new(
            target_start,
            target_start + lines[target].1.len(),
        ));
        out.push(Suppression {
            doc,
            at,
            range,
            codes: codes_of(after, resolve),
        });
    }
}

/// The byte offset of `#` and the text after the marker, when the line
/// has a `# opensergo:ignore` comment.
fn comment_marker(line: &str) -> Option<(usize, &str)> {
    let pos = line.find(MARKER)?;
    let before = line[..pos].trim_end();
    let hash = before.strip_suffix('#').map(str::len)?;
    // A comment starts a line or follows whitespace.
    if hash > 0 && !before[..hash].ends_with([' ', '\t']) {
        return None;
    }
    Some((hash, &line[pos + MARKER.len()..]))
}

/// The codes of `CODE,CODE reason` (also `CODE, CODE reason`); one
/// nameless entry when no code is written, so the command can say so.
fn codes_of(after: &str, resolve: Resolve) -> Vec<Named> {
    let mut list = String::new();
    for token in after.split_whitespace() {
        list.push_str(token);
        if !token.ends_with(',') {
            break;
        }
    }
    let codes = parse_codes(list.split(','), resolve);
    if codes.is_empty() {
        return vec![Named {
            text: String::new(),
            code: None,
            used: false,
        }];
    }
    codes
}

/// The span of the outermost node of `doc` that starts on `line`: the
/// whole document for its first line.
fn covering(doc: &Document, source: &SourceFile, line: usize) -> Option<Span> {
    let line_of = |offset: usize| source.line_col(offset).line;
    if line_of(doc.root.span().start) == line {
        return Some(doc.span);
    }
    let mut stack: Vec<&Node> = vec![&doc.root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Map(entries) => {
                for (k, v) in entries {
                    if line_of(k.span().start) == line {
                        return Some(Span::new(k.span().start, v.span().end.max(k.span().end)));
                    }
                    if contains_line(v, source, line) {
                        stack.push(v);
                    }
                }
            }
            Value::Seq(items) => {
                for item in items {
                    if line_of(item.span().start) == line {
                        return Some(item.span());
                    }
                    if contains_line(item, source, line) {
                        stack.push(item);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn contains_line(node: &Node, source: &SourceFile, line: usize) -> bool {
    source.line_col(node.span().start).line <= line && line <= source.line_col(node.span().end).line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    fn resolve(text: &str) -> Option<Code> {
        codes::find(codes::DOCUMENT_CODES, text).copied()
    }

    #[test]
    fn markers_are_comments_only() {
        assert_eq!(
            comment_marker("  # opensergo:ignore OS1005 why").map(|(h, a)| (h, a.trim())),
            Some((2, "OS1005 why"))
        );
        assert!(comment_marker("x: 1 # opensergo:ignore OS1005").is_some());
        assert!(comment_marker("x: 'a#opensergo:ignore'").is_none());
        let codes = codes_of(" OS1005, missing-app-label reason text", &resolve);
        assert_eq!(codes.len(), 2);
        assert!(codes.iter().all(|c| c.code.is_some()));
        assert_eq!(codes_of("", &resolve).len(), 1);
        assert!(codes_of(" OS2001", &resolve)[0].code.is_none());
    }

    #[test]
    fn comments_and_annotations_cover_their_nodes() {
        let text = "apiVersion: v1\nkind: X\nmetadata:\n  name: a\n  annotations:\n    lint.opensergo.io/ignore: OS1007\nspec:\n  # opensergo:ignore unknown-field the next entry\n  extra: 1\n  kept: 2\n";
        let source = Arc::new(SourceFile::new("t.yaml", text.to_string()));
        let loaded = crate::document::parse_source(&source);
        let mut suppressions = Suppressions::collect([&loaded], &resolve);
        assert_eq!(suppressions.iter().count(), 2);
        let doc = &loaded.documents[0];
        let at = |needle: &str, code: Code| {
            let start = text.find(needle).unwrap();
            doc.diagnostic(code, "m", Span::new(start, start + needle.len()))
        };
        let mut found = vec![
            at("extra", codes::UNKNOWN_FIELD),
            at("kept", codes::UNKNOWN_FIELD),
            at("kind", codes::MISSING_APP_LABEL),
            at("kind", codes::UNKNOWN_FIELD),
        ];
        assert_eq!(suppressions.apply(&mut found), 2);
        let left: Vec<_> = found
            .iter()
            .map(|d| {
                (
                    d.code.id,
                    &text[d.location.as_ref().unwrap().span.start..][..4],
                )
            })
            .collect();
        assert_eq!(left, [("OS1005", "kept"), ("OS1005", "kind")]);
    }
}
