//! The lint rule family: every rule (one file each under `rules/`), in
//! code order, with the categories `--list-rules` groups them by.
//! `--list-rules`, `--explain`, selection and suppressions all read it.

use super::{Check, Rule};
use crate::engine::{RuleFamily, Selection};

pub use super::rules::RULES;

/// Every category, in display order.
pub const CATEGORIES: &[&str] = &[
    "reference",
    "conflict",
    "suspicious",
    "runtime-compat",
    "style",
];

pub static FAMILY: RuleFamily<Check> = RuleFamily {
    command: "opensergo lint",
    rules: RULES,
    categories: CATEGORIES,
    configured_by: crate::engine::CONFIGURED_BY_FLAGS,
};

/// A rule by code (`OS2001`, any case) or name (`strategy-not-found`).
pub fn find(id_or_name: &str) -> Option<&'static Rule> {
    FAMILY.find(id_or_name)
}

/// The selection a project configuration gives: its top-level `rules`
/// levels that name lint rules (per-path `overrides` are applied to the
/// findings afterwards, like validate's).
pub fn selection_from_config(config: &crate::config::Config) -> Selection {
    FAMILY.selection_from_levels(&config.rules)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn codes_and_names_are_unique_well_formed_and_documented() {
        crate::codes::check_table(FAMILY.codes()).unwrap();
        for r in RULES {
            // OS7xxx belongs to convert, OS9xxx to diff.
            assert!(
                matches!(r.code.id.as_bytes()[2], b'2'..=b'6' | b'8'),
                "{} is outside the lint ranges",
                r.code.id
            );
            assert!(crate::codes::find(crate::codes::DOCUMENT_CODES, r.code.id).is_none());
            assert!(CATEGORIES.contains(&r.category()), "{}", r.code.id);
            assert!(FAMILY.explain(r).contains(r.code.name));
        }
        let mut sorted: Vec<_> = RULES.iter().map(|r| r.code.id).collect();
        sorted.sort_unstable();
        assert_eq!(sorted, RULES.iter().map(|r| r.code.id).collect::<Vec<_>>());
        assert!(FAMILY.table().lines().count() > RULES.len());
    }

    #[test]
    fn every_rule_has_fixtures() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/lint");
        for r in RULES {
            let dir = root.join(r.code.id);
            let names: Vec<String> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            assert!(
                names.iter().any(|n| n.starts_with("fires")),
                "{}: no fires* fixture",
                r.code.id
            );
            assert!(
                names.iter().any(|n| n.starts_with("clean")),
                "{}: no clean* fixture",
                r.code.id
            );
        }
    }

    #[test]
    fn find_takes_codes_and_names() {
        assert_eq!(find("os2001").unwrap().code.name, "strategy-not-found");
        assert_eq!(find("strategy-not-found").unwrap().code.id, "OS2001");
        assert!(find("OS1004").is_none());
    }

    #[test]
    fn defaults_follow_the_registry() {
        let levels = Selection::default().resolve(&FAMILY).unwrap();
        for rule in RULES {
            assert_eq!(levels.level(&rule.code), rule.default_level());
        }
    }
}
