//! Which lint rules run, and at what severity.
//!
//! [`LintSettings`] is filled from the project configuration first and
//! the command line second ([`LintSettings::merge`]); [`LintSettings::resolve`]
//! turns it into one [`Level`] per rule.
//!
//! Selectors name rules the same way everywhere (`--select`, `--ignore`,
//! `--severity`, the config file, suppression comments accept codes and
//! names only):
//!
//! | selector | matches | specificity |
//! |---|---|---|
//! | `ALL` | every rule | 0 |
//! | a category (`reference`, `conflict`, `suspicious`, `runtime-compat`, `style`) | its rules | 1 |
//! | a code prefix (`OS2`, `OS40`) | codes starting with it | its length |
//! | a code (`OS2001`) or a name (`strategy-not-found`) | that rule | 100 |
//!
//! Where several selectors match a rule, the most specific one decides, so
//! `--select OS2 --ignore OS2005` runs every reference rule but one, and
//! `--ignore OS2 --select OS2005` runs only that one.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use serde::Deserialize;

use super::{Category, Rule, registry};
use crate::diagnostic::Severity;

/// How loud a rule is: `off` or a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl From<Severity> for Level {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Info => Level::Info,
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "off" | "none" => Ok(Level::Off),
            "info" => Ok(Level::Info),
            "warning" | "warn" => Ok(Level::Warning),
            "error" => Ok(Level::Error),
            _ => Err(format!(
                "unknown level `{s}`: use off, info, warning or error"
            )),
        }
    }
}

/// One `SELECTOR=LEVEL` setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeverityOverride {
    pub selector: String,
    pub level: Level,
}

impl FromStr for SeverityOverride {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (selector, level) = s
            .split_once('=')
            .ok_or_else(|| format!("`{s}`: expected CODE=LEVEL, e.g. OS2005=info"))?;
        Ok(SeverityOverride {
            selector: selector.trim().to_string(),
            level: level.trim().parse()?,
        })
    }
}

/// Lint configuration, as the project config file and the command line
/// give it. Every list holds selectors (see the module docs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintSettings {
    /// Rules to run instead of the default set. Empty: the rules enabled
    /// by default. Selecting a rule that is off by default enables it.
    /// (config: `lint.select`; flag: `--select`)
    pub select: Vec<String>,
    /// Rules to run on top of the selected set. (config:
    /// `lint.extend-select`; flag: `--extend-select`)
    pub extend_select: Vec<String>,
    /// Rules not to run. Against a select, the more specific selector
    /// wins; on a tie, ignore wins. (config: `lint.ignore`; flag: `--ignore`)
    pub ignore: Vec<String>,
    /// Severities, in order: the most specific selector wins, and on a tie
    /// the later entry. `off` disables the rule; any other level given for
    /// an exact code or name also enables an opt-in rule (unless that rule
    /// is ignored). (config: `lint.severity` table `CODE = "level"`;
    /// flag: `--severity CODE=LEVEL`)
    pub severity: Vec<SeverityOverride>,
}

impl LintSettings {
    /// Layers `later` (the command line) over `self` (the config file):
    /// a non-empty `select` replaces both earlier select lists; the other
    /// lists are appended, so later entries win ties.
    pub fn merge(&mut self, later: LintSettings) {
        if !later.select.is_empty() {
            self.select = later.select;
            self.extend_select.clear();
        }
        self.extend_select.extend(later.extend_select);
        self.ignore.extend(later.ignore);
        self.severity.extend(later.severity);
    }

    /// The settings a project configuration gives: its top-level `rules`
    /// levels that name lint rules (per-path `overrides` are applied to
    /// the findings afterwards, like validate's).
    pub fn from_config(config: &crate::config::Config) -> Self {
        let severity = config
            .rules
            .iter()
            .filter(|(key, _)| registry::find(key).is_some())
            .map(|(key, level)| SeverityOverride {
                selector: key.clone(),
                level: match level {
                    crate::config::Level::Off => Level::Off,
                    crate::config::Level::On(s) => Level::from(*s),
                },
            })
            .collect();
        LintSettings {
            severity,
            ..LintSettings::default()
        }
    }

    /// One level per rule; `Err` names a selector that matches no rule.
    pub fn resolve(&self) -> Result<ResolvedSettings, String> {
        let all = self
            .select
            .iter()
            .chain(&self.extend_select)
            .chain(&self.ignore)
            .chain(self.severity.iter().map(|o| &o.selector));
        for selector in all {
            if !registry::RULES
                .iter()
                .any(|r| matches(selector, r).is_some())
            {
                return Err(format!(
                    "unknown rule selector `{selector}`: use a code (OS2001), a name \
                     (strategy-not-found), a code prefix (OS2), a category or ALL; \
                     `opensergo lint --list-rules` lists them"
                ));
            }
        }
        let levels = registry::RULES
            .iter()
            .map(|rule| (rule.code.id, self.level_of(rule)))
            .collect();
        Ok(ResolvedSettings { levels })
    }

    fn level_of(&self, rule: &Rule) -> Level {
        let best = |list: &[String]| list.iter().filter_map(|s| matches(s, rule)).max();
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
        let mut level = Level::from(rule.code.default_severity);
        let chosen = self
            .severity
            .iter()
            .filter_map(|o| matches(&o.selector, rule).map(|spec| (spec, o.level)))
            // max_by_key keeps the last of equal keys: later entries win ties.
            .max_by_key(|(spec, _)| *spec);
        if let Some((spec, chosen)) = chosen {
            if chosen == Level::Off {
                enabled = false;
            } else {
                level = chosen;
                if spec == EXACT && ignored.is_none() {
                    enabled = true;
                }
            }
        }
        if enabled { level } else { Level::Off }
    }
}

const EXACT: usize = 100;

/// How specifically `selector` names `rule`, or `None`.
fn matches(selector: &str, rule: &Rule) -> Option<usize> {
    let selector = selector.trim();
    if selector.eq_ignore_ascii_case(rule.code.id) || selector == rule.code.name {
        return Some(EXACT);
    }
    if selector.eq_ignore_ascii_case("ALL") {
        return Some(0);
    }
    if selector == rule.category.as_str() {
        return Some(1);
    }
    let upper = selector.to_ascii_uppercase();
    (upper.len() >= 2 && upper.starts_with("OS") && rule.code.id.starts_with(&upper))
        .then_some(upper.len())
}

/// Splits repeatable, comma-separated flag values: `--select OS2,OS3`.
pub fn split_list(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Every category, in display order.
pub const CATEGORIES: [Category; 5] = [
    Category::Reference,
    Category::Conflict,
    Category::Suspicious,
    Category::RuntimeCompat,
    Category::Style,
];

/// The level of every rule for one run.
#[derive(Debug, Clone)]
pub struct ResolvedSettings {
    levels: HashMap<&'static str, Level>,
}

impl ResolvedSettings {
    pub fn level(&self, rule: &Rule) -> Level {
        self.levels.get(rule.code.id).copied().unwrap_or(Level::Off)
    }

    /// The level of a code, `Off` for codes that are not lint rules.
    pub fn level_of_code(&self, id: &str) -> Level {
        self.levels.get(id).copied().unwrap_or(Level::Off)
    }
}

impl Default for ResolvedSettings {
    fn default() -> Self {
        LintSettings::default()
            .resolve()
            .expect("the default settings name no selector")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(settings: &LintSettings, code: &str) -> Level {
        let rule = registry::find(code).unwrap();
        settings.resolve().unwrap().level(rule)
    }

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_follow_the_registry() {
        let s = LintSettings::default();
        for rule in registry::RULES {
            assert_eq!(level(&s, rule.code.id), rule.default_level());
        }
    }

    #[test]
    fn the_more_specific_selector_wins() {
        let s = LintSettings {
            select: list(&["OS2"]),
            ignore: list(&["OS2005"]),
            ..LintSettings::default()
        };
        assert_eq!(level(&s, "OS2001"), Level::Error);
        assert_eq!(level(&s, "OS2005"), Level::Off);
        assert_eq!(level(&s, "OS3001"), Level::Off);
        let s = LintSettings {
            select: list(&["OS2005"]),
            ignore: list(&["OS2"]),
            ..LintSettings::default()
        };
        assert_eq!(level(&s, "OS2005"), Level::Warning);
        assert_eq!(level(&s, "OS2001"), Level::Off);
    }

    #[test]
    fn severity_overrides_and_enables_opt_in_rules() {
        let opt_in = registry::RULES
            .iter()
            .find(|r| !r.enabled_by_default)
            .unwrap();
        let s = LintSettings {
            severity: vec![
                format!("{}=warning", opt_in.code.id).parse().unwrap(),
                "OS2001=info".parse().unwrap(),
                "strategy-not-found=warning".parse().unwrap(),
                "reference=off".parse().unwrap(),
            ],
            ..LintSettings::default()
        };
        assert_eq!(level(&s, opt_in.code.id), Level::Warning);
        // Exact beats category; the later exact entry wins the tie.
        assert_eq!(level(&s, "OS2001"), Level::Warning);
        assert_eq!(level(&s, "OS2002"), Level::Off);
    }

    #[test]
    fn cli_select_replaces_the_config_select() {
        let mut config = LintSettings {
            select: list(&["OS2"]),
            ignore: list(&["OS2001"]),
            ..LintSettings::default()
        };
        config.merge(LintSettings {
            select: list(&["OS3"]),
            severity: vec!["OS3001=warning".parse().unwrap()],
            ..LintSettings::default()
        });
        assert_eq!(level(&config, "OS2002"), Level::Off);
        assert_eq!(level(&config, "OS3001"), Level::Warning);
    }

    #[test]
    fn unknown_selectors_are_errors() {
        let s = LintSettings {
            ignore: list(&["OS9999"]),
            ..LintSettings::default()
        };
        assert!(s.resolve().unwrap_err().contains("OS9999"));
        assert!("OS2001=loud".parse::<SeverityOverride>().is_err());
        assert_eq!(
            split_list(&list(&["OS2, OS3", "ALL"])),
            ["OS2", "OS3", "ALL"]
        );
    }
}
