//! Lint's side of in-file suppressions (the markers themselves are the
//! core's, [`crate::suppress`], shared with `validate`): which codes a
//! lint run silences, and the findings about suppressions themselves.
//!
//! Codes are lint codes (`OS2001`), rule names (`strategy-not-found`) or
//! validate's codes, whose errors lint reports too. Unknown codes are
//! reported (`unknown-suppression-code`), and so are suppressions that
//! silence nothing when `unused-suppression` is enabled.

use crate::codes::{self, Code};
use crate::diagnostic::Diagnostic;
use crate::document::LoadedSource;
use crate::suppress::{Named, Suppression, Suppressions};

use super::{registry, rules};
use crate::engine::{Levels, Sink};

/// The codes a lint suppression may name: lint rules, and validate's
/// codes (lint reports validate's errors too).
pub fn resolve(text: &str) -> Option<Code> {
    registry::find(text)
        .map(|r| r.code)
        .or_else(|| codes::find(codes::DOCUMENT_CODES, text).copied())
}

/// Every suppression written in `sources`.
pub fn collect(sources: &[LoadedSource]) -> Suppressions<'_> {
    Suppressions::collect(sources, &resolve)
}

/// Findings about the suppressions themselves: unknown codes, and (when
/// enabled) suppressions of lint rules that silenced nothing.
pub fn findings(suppressions: &Suppressions<'_>, levels: &Levels) -> Vec<Diagnostic> {
    let unknown = &rules::unknown_suppression_code::RULE;
    let unused = &rules::unused_suppression::RULE;
    let mut out = Vec::new();
    for (rule, pick) in [(unknown, true), (unused, false)] {
        let Some(severity) = levels.level(&rule.code) else {
            continue;
        };
        let mut sink = Sink::new(rule.code);
        for s in suppressions.iter() {
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

fn report_unknown(sink: &mut Sink, s: &Suppression<'_>, named: &Named) {
    if named.code.is_some() {
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
    // Validate's codes are no rules: their levels are not lint's to judge.
    let Some(rule) = named.code.and_then(|c| registry::find(c.id)) else {
        return;
    };
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
