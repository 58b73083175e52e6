//! The rule engine every rule-running command shares: rule specs,
//! selection (`--select`, `--ignore`, `--severity`, the config file),
//! lifecycle, the runner and the sink rules report into.
//!
//! A [`Rule`] is generic over its check function, so one spec type serves
//! `lint` (a check over the YAML rule-set index), `proto lint` (over
//! descriptors) and `proto breaking` (over a previous/current pair), as
//! buf's one rule spec serves lint and breaking. Selection, levels,
//! lifecycle and the `--list-rules` table never look at the check.
//!
//! Selectors name rules the same way everywhere:
//!
//! | selector | matches | specificity |
//! |---|---|---|
//! | `ALL` | every rule | 0 |
//! | a category (`reference`, `STANDARD`, ...) | its rules | 1 |
//! | a code prefix (`OS2`, `OS40`) | codes starting with it | its length |
//! | a code (`OS2001`) or a name (`strategy-not-found`) | that rule | 100 |
//!
//! Where several selectors match a rule, the most specific one decides, so
//! `--select OS2 --ignore OS2005` runs every reference rule but one, and
//! `--ignore OS2 --select OS2005` runs only that one.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::str::FromStr;

use rayon::prelude::*;

use crate::codes::{Code, Lifecycle, Severity};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::path::FieldPath;
use crate::source::Span;

/// One rule: its code (with docs and lifecycle), the categories it
/// belongs to and its check. `C` is the check's function type.
#[derive(Debug, Clone, Copy)]
pub struct Rule<C> {
    /// `code.default_severity` is the severity when the rule is enabled
    /// and not reconfigured.
    pub code: Code,
    /// The first is the one `--list-rules` groups it under.
    pub categories: &'static [&'static str],
    /// False for opt-in rules (selecting them by code enables them).
    pub enabled_by_default: bool,
    pub check: C,
}

impl<C> Rule<C> {
    pub const fn new(code: Code, categories: &'static [&'static str], check: C) -> Self {
        Rule {
            code,
            categories,
            enabled_by_default: true,
            check,
        }
    }

    /// Marks a rule opt-in.
    pub const fn off_by_default(mut self) -> Self {
        self.enabled_by_default = false;
        self
    }

    /// The level with no configuration: `None` is off.
    pub fn default_level(&self) -> Option<Severity> {
        (self.enabled_by_default && !matches!(self.code.lifecycle, Lifecycle::Removed { .. }))
            .then_some(self.code.default_severity)
    }

    pub fn category(&self) -> &'static str {
        self.categories.first().copied().unwrap_or("")
    }

    /// How specifically `selector` names this rule, or `None`.
    fn specificity(&self, selector: &str) -> Option<usize> {
        let selector = selector.trim();
        if self.code.is_named(selector) {
            return Some(EXACT);
        }
        if selector.eq_ignore_ascii_case("ALL") {
            return Some(0);
        }
        if self.categories.contains(&selector) {
            return Some(1);
        }
        let upper = selector.to_ascii_uppercase();
        (upper.len() >= 2
            && upper.starts_with("OS")
            && upper[2..].bytes().all(|b| b.is_ascii_digit())
            && self.code.id.starts_with(&upper))
        .then_some(upper.len())
    }
}

const EXACT: usize = 100;

/// How validate's and lint's families are configured: the same flags and
/// the same `rules:` section.
pub const CONFIGURED_BY_FLAGS: &str = "Levels are the defaults; change them with --select, --ignore and \
                                       --severity CODE=LEVEL (or `rules:` in opensergo.yaml).";

/// A named set of rules (`lint`, `proto lint`, `proto breaking`).
#[derive(Debug)]
pub struct RuleFamily<C: 'static> {
    /// The command that runs them, for messages (`opensergo lint`).
    pub command: &'static str,
    pub rules: &'static [Rule<C>],
    /// Every category, in display order.
    pub categories: &'static [&'static str],
    /// How a user chooses the rules and their levels, for the end of the
    /// `--list-rules` table: each family is configured its own way.
    pub configured_by: &'static str,
}

impl<C> RuleFamily<C> {
    /// A rule by code (any case) or name.
    pub fn find(&self, id_or_name: &str) -> Option<&'static Rule<C>> {
        self.rules.iter().find(|r| r.code.is_named(id_or_name))
    }

    /// Whether `selector` names any rule of this family.
    pub fn matches(&self, selector: &str) -> bool {
        self.rules.iter().any(|r| r.specificity(selector).is_some())
    }

    pub fn codes(&self) -> impl Iterator<Item = &'static Code> {
        self.rules.iter().map(|r| &r.code)
    }

    /// The `--list-rules` table, grouped by first category.
    pub fn table(&self) -> String {
        let width = self
            .rules
            .iter()
            .map(|r| r.code.name.len())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for category in self.categories {
            let rules: Vec<_> = self
                .rules
                .iter()
                .filter(|r| r.category() == *category)
                .collect();
            if rules.is_empty() {
                continue;
            }
            let _ = writeln!(out, "{category}:");
            for r in rules {
                let _ = write!(
                    out,
                    "  {}  {:width$}  {:7}  {}",
                    r.code.id,
                    r.code.name,
                    Severity::level_str(r.default_level()),
                    r.code.summary
                );
                if r.code.lifecycle != Lifecycle::Stable {
                    let _ = write!(out, " ({})", r.code.lifecycle.as_str());
                }
                out.push('\n');
            }
        }
        let _ = write!(
            out,
            "\n{}\n`opensergo explain CODE` shows a code's documentation.\n",
            self.configured_by
        );
        out
    }

    /// The `--list-rules --format json` table: one object a rule.
    pub fn table_json(&self) -> serde_json::Value {
        self.rules
            .iter()
            .map(|rule| {
                serde_json::json!({
                    "code": rule.code.id,
                    "name": rule.code.name,
                    "category": rule.category(),
                    "severity": rule.code.default_severity,
                    "enabledByDefault": rule.enabled_by_default,
                    "summary": rule.code.summary,
                })
            })
            .collect()
    }

    /// The selection that per-code levels give (`rules:` in
    /// opensergo.yaml): those naming a rule of this family, as `--severity`
    /// would.
    pub fn selection_from_levels<'k>(
        &self,
        levels: impl IntoIterator<Item = (&'k String, &'k Option<Severity>)>,
    ) -> Selection {
        let severity = levels
            .into_iter()
            .filter(|(key, _)| self.find(key).is_some())
            .map(|(key, level)| SeverityOverride {
                selector: key.clone(),
                level: *level,
            })
            .collect();
        Selection {
            severity,
            ..Selection::default()
        }
    }

    /// The `--explain` text of a rule.
    pub fn explain(&self, rule: &Rule<C>) -> String {
        rule.code.explanation(Some(&format!(
            "category: {}, default: {}",
            rule.categories.join(", "),
            Severity::level_str(rule.default_level())
        )))
    }
}

/// One `SELECTOR=LEVEL` setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeverityOverride {
    pub selector: String,
    /// `None` turns the rule off.
    pub level: Option<Severity>,
}

impl FromStr for SeverityOverride {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (selector, level) = s.split_once('=').ok_or_else(|| {
            let mut message = format!("`{s}`: expected CODE=LEVEL, e.g. OS2005=info");
            if let Ok(Some(severity)) = Severity::parse_level(s) {
                message.push_str(&format!(
                    "; the lowest severity that fails the run is set with `--fail-on {severity}`"
                ));
            }
            message
        })?;
        Ok(SeverityOverride {
            selector: selector.trim().to_string(),
            level: Severity::parse_level(level)?,
        })
    }
}

/// Which rules run and how loud, as the config file and the command line
/// give it. Every list holds selectors (see the module docs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Rules to run instead of the default set; empty: the defaults.
    /// Selecting an opt-in rule enables it.
    pub select: Vec<String>,
    /// Rules to run on top of the selected set.
    pub extend_select: Vec<String>,
    /// Rules not to run; against a select, the more specific selector
    /// wins, and on a tie ignore wins.
    pub ignore: Vec<String>,
    /// Levels, in order: the most specific selector wins, on a tie the
    /// later entry. `off` disables; another level given for an exact code
    /// or name also enables an opt-in rule (unless it is ignored).
    pub severity: Vec<SeverityOverride>,
}

impl Selection {
    /// Layers `later` (the command line) over `self` (the config file): a
    /// non-empty `select` replaces both earlier select lists; the other
    /// lists are appended, so later entries win ties.
    pub fn merge(&mut self, later: Selection) {
        if !later.select.is_empty() {
            self.select = later.select;
            self.extend_select.clear();
        }
        self.extend_select.extend(later.extend_select);
        self.ignore.extend(later.ignore);
        self.severity.extend(later.severity);
    }

    /// One level per rule of `family`. A selector that matches no rule is
    /// an error; one that names a removed rule is an error naming its
    /// replacement; one that names a deprecated rule is a warning.
    pub fn resolve<C>(&self, family: &RuleFamily<C>) -> Result<Levels, String> {
        let all = self
            .select
            .iter()
            .chain(&self.extend_select)
            .chain(&self.ignore)
            .chain(self.severity.iter().map(|o| &o.selector));
        let mut warnings = Vec::new();
        for selector in all {
            if let Some(rule) = family.find(selector) {
                match rule.code.lifecycle {
                    Lifecycle::Stable => {}
                    Lifecycle::Deprecated { replaced_by } => warnings.push(format!(
                        "rule {} ({}) is deprecated{}",
                        rule.code.id,
                        rule.code.name,
                        replaced_by.map_or(String::new(), |r| format!("; use {r} instead"))
                    )),
                    Lifecycle::Removed { replaced_by } => {
                        return Err(format!(
                            "rule {} ({}) was removed{}",
                            rule.code.id,
                            rule.code.name,
                            replaced_by.map_or(String::new(), |r| format!("; use {r} instead"))
                        ));
                    }
                }
                continue;
            }
            if !family
                .rules
                .iter()
                .any(|r| r.specificity(selector).is_some())
            {
                return Err(format!(
                    "unknown rule selector `{selector}`: use a code, a name, a code prefix, \
                     a category ({}) or ALL; `{} --list-rules` lists them",
                    family.categories.join(", "),
                    family.command
                ));
            }
        }
        let levels = family
            .rules
            .iter()
            .map(|rule| (rule.code.id, self.level_of(rule)))
            .collect();
        Ok(Levels { levels, warnings })
    }

    fn level_of<C>(&self, rule: &Rule<C>) -> Option<Severity> {
        if matches!(rule.code.lifecycle, Lifecycle::Removed { .. }) {
            return None;
        }
        let best = |list: &[String]| list.iter().filter_map(|s| rule.specificity(s)).max();
        let selected = if self.select.is_empty() {
            let default = rule.enabled_by_default.then_some(0);
            default.max(best(&self.extend_select))
        } else {
            best(&self.select).max(best(&self.extend_select))
        };
        let ignored = best(&self.ignore);
        let mut enabled = match (selected, ignored) {
            (Some(s), Some(i)) => s > i,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let mut level = rule.code.default_severity;
        let chosen = self
            .severity
            .iter()
            .filter_map(|o| rule.specificity(&o.selector).map(|spec| (spec, o.level)))
            // max_by_key keeps the last of equal keys: later entries win ties.
            .max_by_key(|(spec, _)| *spec);
        if let Some((spec, chosen)) = chosen {
            match chosen {
                None => enabled = false,
                Some(severity) => {
                    level = severity;
                    if spec == EXACT && ignored.is_none() {
                        enabled = true;
                    }
                }
            }
        }
        enabled.then_some(level)
    }
}

/// The level of every rule for one run, and what resolving them warned.
#[derive(Debug, Clone, Default)]
pub struct Levels {
    levels: HashMap<&'static str, Option<Severity>>,
    /// Deprecated rules named by a selector.
    pub warnings: Vec<String>,
}

impl Levels {
    /// The level of a rule's code; `None` is off (and codes of no rule).
    pub fn level(&self, code: &Code) -> Option<Severity> {
        self.levels.get(code.id).copied().flatten()
    }

    /// The configured level of a code: `None` for codes outside the
    /// family, `Some(None)` for off.
    pub fn configured(&self, code: &Code) -> Option<Option<Severity>> {
        self.levels.get(code.id).copied()
    }
}

/// Gives findings reported outside [`run`] (validate's checks are one
/// pass, not a rule each) their levels: drops the findings whose level
/// `level_of` says is off and moves the others to their level where it is
/// not their code's default (as [`run`] does, so a check's own choice,
/// such as `--strict` errors, stands);
/// findings `level_of` knows nothing about (`None`) are left alone.
/// Returns whether anything changed.
pub fn relevel(
    diagnostics: &mut Vec<Diagnostic>,
    level_of: impl Fn(&Diagnostic) -> Option<Option<Severity>>,
) -> bool {
    let mut changed = false;
    diagnostics.retain_mut(|d| match level_of(d) {
        None => true,
        Some(None) => {
            changed = true;
            false
        }
        Some(Some(level)) => {
            if level != d.code.default_severity && d.severity != level {
                d.severity = level;
                changed = true;
            }
            true
        }
    });
    changed
}

/// Runs every enabled rule of `family` in parallel; `check` calls one
/// rule's check function on the family's input. A configured level
/// applies to all of a rule's findings, even those it reports below its
/// default severity.
pub fn run<C: Sync>(
    family: &RuleFamily<C>,
    levels: &Levels,
    check: impl Fn(&C, &mut Sink) + Sync,
) -> Vec<Diagnostic> {
    family
        .rules
        .par_iter()
        .filter_map(|rule| {
            let severity = levels.level(&rule.code)?;
            let mut sink = Sink::new(rule.code);
            check(&rule.check, &mut sink);
            let mut found = sink.into_diagnostics();
            if severity != rule.code.default_severity {
                for d in &mut found {
                    d.severity = severity;
                }
            }
            Some(found)
        })
        .flatten()
        .collect()
}

/// Where one rule's findings go.
#[derive(Debug)]
pub struct Sink {
    code: Code,
    out: Vec<Diagnostic>,
}

impl Sink {
    pub fn new(code: Code) -> Self {
        Sink {
            code,
            out: Vec::new(),
        }
    }

    pub fn code(&self) -> Code {
        self.code
    }

    /// Records a finding built elsewhere, under this rule's code.
    pub fn push(&mut self, mut diagnostic: Diagnostic) {
        diagnostic.code = self.code;
        self.out.push(diagnostic);
    }

    /// Starts a finding about `doc` at `span`; it is recorded when the
    /// returned builder goes out of scope. Unless set, its path is the
    /// path of the node at `span`.
    pub fn report<'s, 'd>(
        &'s mut self,
        doc: &'d Document,
        span: Span,
        message: impl Into<String>,
    ) -> Finding<'s, 'd> {
        let diagnostic = doc.diagnostic(self.code, message, span);
        Finding {
            sink: self,
            doc,
            diagnostic: Some(diagnostic),
        }
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.out
    }
}

/// A finding being built; pushed into its sink on drop.
pub struct Finding<'s, 'd> {
    sink: &'s mut Sink,
    doc: &'d Document,
    diagnostic: Option<Diagnostic>,
}

impl Finding<'_, '_> {
    fn map(mut self, f: impl FnOnce(Diagnostic) -> Diagnostic) -> Self {
        self.diagnostic = self.diagnostic.take().map(f);
        self
    }

    pub fn path(self, path: impl Into<FieldPath>) -> Self {
        let path = path.into();
        self.map(|d| d.with_path(path))
    }

    pub fn label(self, label: impl Into<String>) -> Self {
        let label = label.into();
        self.map(|d| d.with_label(label))
    }

    pub fn help(self, help: impl Into<String>) -> Self {
        let help = help.into();
        self.map(|d| d.with_help(help))
    }

    /// A second place the finding involves (the other side of a conflict).
    pub fn related(self, doc: &Document, span: Span, message: impl Into<String>) -> Self {
        let message = message.into();
        self.map(|d| d.with_related(&doc.source, span, message))
    }

    pub fn severity(self, severity: Severity) -> Self {
        self.map(|d| d.with_severity(severity))
    }
}

impl Drop for Finding<'_, '_> {
    fn drop(&mut self) {
        if let Some(mut d) = self.diagnostic.take() {
            if d.path.is_none()
                && let Some(loc) = &d.location
            {
                let path = self.doc.path_at(loc.span);
                d.path = (!path.is_empty()).then_some(path);
            }
            self.sink.out.push(d);
        }
    }
}

/// Drops the findings `suppressed` says are silenced and returns how many.
pub fn suppress(
    diagnostics: &mut Vec<Diagnostic>,
    mut suppressed: impl FnMut(&Diagnostic) -> bool,
) -> usize {
    let before = diagnostics.len();
    diagnostics.retain(|d| !suppressed(d));
    before - diagnostics.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    type Check = fn(&[u32], &mut Sink);

    fn nothing(_: &[u32], _: &mut Sink) {}

    static RULES: &[Rule<Check>] = &[
        Rule::new(
            Code::new("OS2001", "first", Severity::Error, "s", "d"),
            &["reference"],
            |input, sink| {
                for n in input {
                    sink.push(Diagnostic::new(sink.code(), format!("{n}")));
                }
            },
        ),
        Rule::new(
            Code::new("OS2005", "second", Severity::Warning, "s", "d"),
            &["reference"],
            nothing as Check,
        ),
        Rule::new(
            Code::new("OS3001", "opt-in", Severity::Warning, "s", "d"),
            &["conflict"],
            nothing as Check,
        )
        .off_by_default(),
        Rule::new(
            Code::new("OS3002", "old", Severity::Warning, "s", "d").deprecated(Some("OS3001")),
            &["conflict"],
            nothing as Check,
        ),
        Rule::new(
            Code::new("OS3003", "gone", Severity::Warning, "s", "d").removed(Some("OS3001")),
            &["conflict"],
            nothing as Check,
        ),
    ];

    static FAMILY: RuleFamily<Check> = RuleFamily {
        command: "test",
        rules: RULES,
        categories: &["reference", "conflict"],
        configured_by: "Configured in the test.",
    };

    fn level(selection: &Selection, id: &str) -> Option<Severity> {
        let rule = FAMILY.find(id).unwrap();
        selection.resolve(&FAMILY).unwrap().level(&rule.code)
    }

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_follow_the_rules() {
        let s = Selection::default();
        for rule in RULES {
            assert_eq!(level(&s, rule.code.id), rule.default_level());
        }
        assert_eq!(level(&s, "OS3003"), None, "removed rules never run");
    }

    #[test]
    fn the_more_specific_selector_wins() {
        let s = Selection {
            select: list(&["OS2"]),
            ignore: list(&["OS2005"]),
            ..Selection::default()
        };
        assert_eq!(level(&s, "OS2001"), Some(Severity::Error));
        assert_eq!(level(&s, "OS2005"), None);
        let s = Selection {
            select: list(&["second"]),
            ignore: list(&["reference"]),
            ..Selection::default()
        };
        assert_eq!(level(&s, "OS2005"), Some(Severity::Warning));
        assert_eq!(level(&s, "OS2001"), None);
    }

    #[test]
    fn severity_overrides_and_enables_opt_in_rules() {
        let s = Selection {
            severity: vec![
                "OS3001=warning".parse().unwrap(),
                "OS2001=info".parse().unwrap(),
                "first=warn".parse().unwrap(),
                "reference=off".parse().unwrap(),
            ],
            ..Selection::default()
        };
        assert_eq!(level(&s, "OS3001"), Some(Severity::Warning));
        assert_eq!(level(&s, "OS2001"), Some(Severity::Warning));
        assert_eq!(level(&s, "OS2005"), None);
    }

    #[test]
    fn cli_select_replaces_the_config_select() {
        let mut config = Selection {
            select: list(&["OS2"]),
            ..Selection::default()
        };
        config.merge(Selection {
            select: list(&["OS3001"]),
            ..Selection::default()
        });
        assert_eq!(level(&config, "OS2001"), None);
        assert_eq!(level(&config, "OS3001"), Some(Severity::Warning));
    }

    #[test]
    fn lifecycle_and_unknown_selectors() {
        let s = Selection {
            ignore: list(&["OS9999"]),
            ..Selection::default()
        };
        assert!(s.resolve(&FAMILY).unwrap_err().contains("OS9999"));
        let s = Selection {
            select: list(&["gone"]),
            ..Selection::default()
        };
        assert!(s.resolve(&FAMILY).unwrap_err().contains("use OS3001"));
        let s = Selection {
            select: list(&["OS3002"]),
            ..Selection::default()
        };
        let levels = s.resolve(&FAMILY).unwrap();
        assert!(levels.warnings[0].contains("deprecated; use OS3001"));
        assert!(FAMILY.table().contains("old") && FAMILY.table().contains("(deprecated)"));
        assert!("OS2001=loud".parse::<SeverityOverride>().is_err());
        let bare = "warn".parse::<SeverityOverride>().unwrap_err();
        assert!(bare.contains("`--fail-on warning`"), "{bare}");
    }

    #[test]
    fn levels_apply_to_findings_reported_outside_the_runner() {
        let s = Selection {
            ignore: list(&["OS2005"]),
            severity: vec!["OS2001=warning".parse().unwrap()],
            ..Selection::default()
        };
        let levels = s.resolve(&FAMILY).unwrap();
        let of = |id: &str| Diagnostic::new(FAMILY.find(id).unwrap().code, id);
        let outside = Diagnostic::new(Code::new("OS1004", "x", Severity::Error, "s", "d"), "x");
        let mut found = vec![of("OS2001"), of("OS2005"), of("OS3001"), outside];
        let apply = |found: &mut Vec<Diagnostic>| relevel(found, |d| levels.configured(&d.code));
        assert!(apply(&mut found));
        let left: Vec<_> = found.iter().map(|d| (d.code.id, d.severity)).collect();
        assert_eq!(
            left,
            [("OS2001", Severity::Warning), ("OS1004", Severity::Error)]
        );
        assert!(!apply(&mut found), "applying twice changes nothing");
    }

    #[test]
    fn the_runner_applies_levels() {
        let s = Selection {
            severity: vec!["OS2001=warning".parse().unwrap()],
            ..Selection::default()
        };
        let levels = s.resolve(&FAMILY).unwrap();
        let found = run(&FAMILY, &levels, |check, sink| check(&[1, 2], sink));
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| d.severity == Severity::Warning));
    }
}
