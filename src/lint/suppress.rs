//! Silencing findings in the files themselves, in the style of istioctl's
//! `galley.istio.io/analyze-suppress` and ruff's `# noqa`.
//!
//! * A comment `# opensergo:ignore CODE[,CODE...] reason` silences those
//!   codes on the YAML node that starts on its line (a trailing comment)
//!   or on the next line (a comment on its own line): the whole object
//!   when that line is the object's first, a whole list item or mapping
//!   entry otherwise.
//! * The annotation `lint.opensergo.io/ignore: CODE,CODE` silences those
//!   codes in its whole object.
//!
//! Codes are lint codes (`OS2001`) or rule names (`strategy-not-found`).
//! A finding is silenced when its primary position is covered; silenced
//! findings are counted in the summary. Unknown codes are reported
//! (`unknown-suppression-code`), and so are suppressions that silence
//! nothing when `unused-suppression` is enabled.

use std::collections::HashMap;
use std::sync::Arc;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, LoadedSource};
use crate::source::{SourceFile, Span};
use crate::yaml::{Node, Value};

use super::index::RuleSet;
use super::{Rule, registry, rules};
use crate::engine::{Levels, Sink};

/// The comment marker.
pub const MARKER: &str = "opensergo:ignore";
/// The annotation key.
pub const ANNOTATION: &str = "lint.opensergo.io/ignore";

/// One code named by a suppression.
#[derive(Debug)]
struct Named {
    text: String,
    rule: Option<&'static Rule>,
    used: bool,
}

#[derive(Debug)]
struct Suppression<'a> {
    doc: &'a Document,
    /// Where the suppression is written (for findings about it).
    at: Span,
    /// What it covers.
    range: Span,
    codes: Vec<Named>,
}

/// Every suppression of a run, by source.
#[derive(Debug, Default)]
pub struct Suppressions<'a> {
    list: Vec<Suppression<'a>>,
    by_source: HashMap<*const SourceFile, Vec<usize>>,
}

impl<'a> Suppressions<'a> {
    pub fn collect(set: &RuleSet<'a>) -> Self {
        let mut found = Vec::new();
        for source in set.sources() {
            comments(source, &mut found);
        }
        for object in set.objects() {
            if let Some(value) = object
                .doc
                .root
                .get_path(&["metadata", "annotations", ANNOTATION])
            {
                let text = value.key_text().unwrap_or_default();
                found.push(Suppression {
                    doc: object.doc,
                    at: value.span,
                    range: object.doc.span,
                    codes: parse_codes(text.split(',')),
                });
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
                if named.rule.is_some_and(|r| r.code.id == d.code.id) {
                    named.used = true;
                    hit = true;
                }
            }
        }
        hit
    }

    /// Findings about the suppressions themselves: unknown codes, and
    /// (when enabled) suppressions that silenced nothing.
    pub fn findings(&self, levels: &Levels) -> Vec<Diagnostic> {
        let unknown = &rules::unknown_suppression_code::RULE;
        let unused = &rules::unused_suppression::RULE;
        let mut out = Vec::new();
        for (rule, pick) in [(unknown, true), (unused, false)] {
            let Some(severity) = levels.level(&rule.code) else {
                continue;
            };
            let mut sink = Sink::new(rule.code);
            for s in &self.list {
                for named in &s.codes {
                    if pick {
                        report_unknown(&mut sink, s, named);
                    } else {
                        report_unused(&mut sink, s, named, levels);
                    }
                }
            }
            out.extend(sink.into_diagnostics().into_iter().map(|mut d| {
                d.severity = severity;
                d
            }));
        }
        out
    }
}

fn report_unknown(sink: &mut Sink, s: &Suppression<'_>, named: &Named) {
    if named.rule.is_some() || codes::find(codes::DOCUMENT_CODES, &named.text).is_some() {
        return;
    }
    let message = if named.text.is_empty() {
        "suppression names no code".to_string()
    } else {
        format!("suppression names `{}`, which is no lint rule", named.text)
    };
    let mut finding = sink
        .report(s.doc, s.at, message)
        .label("silences nothing")
        .help("name rules by code or name: `# opensergo:ignore OS2001 reason`; `opensergo lint --list-rules` lists them");
    if let Some(close) = crate::suggest::closest(
        &named.text,
        registry::RULES
            .iter()
            .flat_map(|r| [r.code.id, r.code.name]),
    ) {
        finding = finding.help(format!("did you mean `{close}`?"));
    }
    drop(finding);
}

fn report_unused(sink: &mut Sink, s: &Suppression<'_>, named: &Named, levels: &Levels) {
    let Some(rule) = named.rule else { return };
    if named.used || levels.level(&rule.code).is_none() {
        return;
    }
    sink.report(
        s.doc,
        s.at,
        format!(
            "suppression of {} {} silences nothing here",
            rule.code.id, rule.code.name
        ),
    )
    .label("unused")
    .help("remove it, or move it onto the line (or above the object) the finding points at");
}

fn parse_codes<'t>(parts: impl Iterator<Item = &'t str>) -> Vec<Named> {
    parts
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|text| Named {
            text: text.to_string(),
            rule: registry::find(text),
            used: false,
        })
        .collect()
}

/// Finds `# opensergo:ignore` comments in a source.
fn comments<'a>(loaded: &'a LoadedSource, out: &mut Vec<Suppression<'a>>) {
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
        let codes = codes_of(after);
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
            codes,
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

/// The codes of `CODE,CODE reason` (also `CODE, CODE reason`).
fn codes_of(after: &str) -> Vec<Named> {
    let mut list = String::new();
    for token in after.split_whitespace() {
        list.push_str(token);
        if !token.ends_with(',') {
            break;
        }
    }
    let codes = parse_codes(list.split(','));
    if codes.is_empty() {
        return vec![Named {
            text: String::new(),
            rule: None,
            used: false,
        }];
    }
    codes
}

/// The span of the outermost node of `doc` that starts on `line`: the
/// whole document for its first line.
fn covering(doc: &Document, source: &SourceFile, line: usize) -> Option<Span> {
    let line_of = |offset: usize| source.line_col(offset).line;
    if line_of(doc.root.span.start) == line {
        return Some(doc.span);
    }
    let mut stack: Vec<&Node> = vec![&doc.root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Map(entries) => {
                for (k, v) in entries {
                    if line_of(k.span.start) == line {
                        return Some(Span::new(k.span.start, v.span.end.max(k.span.end)));
                    }
                    if contains_line(v, source, line) {
                        stack.push(v);
                    }
                }
            }
            Value::Seq(items) => {
                for item in items {
                    if line_of(item.span.start) == line {
                        return Some(item.span);
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
    source.line_col(node.span.start).line <= line && line <= source.line_col(node.span.end).line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_comments_only() {
        assert_eq!(
            comment_marker("  # opensergo:ignore OS2001 why").map(|(h, a)| (h, a.trim())),
            Some((2, "OS2001 why"))
        );
        assert!(comment_marker("x: 1 # opensergo:ignore OS2001").is_some());
        assert!(comment_marker("x: 'a#opensergo:ignore'").is_none());
        let codes = codes_of(" OS2001, strategy-not-found reason text");
        assert_eq!(codes.len(), 2);
        assert!(codes.iter().all(|c| c.rule.is_some()));
        assert_eq!(codes_of("").len(), 1);
    }
}
