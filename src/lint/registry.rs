//! The registry of lint rules: every rule, in code order. `--list-rules`,
//! `--explain`, settings and suppressions all read this list.

use std::fmt::Write as _;

use super::rules::{
    ambiguous_strategy_ref, ambiguous_string_match, anded_match_entries,
    conflicting_circuit_breakers, conflicting_limits, conflicting_route_limits,
    control_plane_ignored_field, data_source_not_found, database_ref_not_found, duplicate_host,
    duplicate_object, duplicate_route_match, empty_hosts, fallback_action_not_found,
    fallback_other_host, fallback_same_as_destination, fqdn_host, ignored_slow_conditions,
    inert_circuit_breaker, invalid_regex, invalid_route_weights, limit_mode_ignored,
    local_ref_not_found, max_rt_not_below_stat_duration, orphan_strategy, possibly_shadowed_route,
    queue_timeout_below_interval, rate_limit_with_throttling, shadow_source_is_shadow,
    shadowed_route, sharding_table_twice, short_recovery_timeout, slow_ratio_without_max_rt,
    stat_duration_ignored, strategy_in_other_group, strategy_kind_mismatch, strategy_not_found,
    subset_not_defined, target_ref_not_found, unknown_suppression_code, unreachable_route,
    unused_suppression, yaml11_boolean, zero_limit, zero_request_interval, zero_trigger_ratio,
};
use super::{Rule, settings::CATEGORIES};

/// Every lint rule, in code order.
pub static RULES: &[Rule] = &[
    strategy_not_found::RULE,
    strategy_kind_mismatch::RULE,
    ambiguous_strategy_ref::RULE,
    strategy_in_other_group::RULE,
    orphan_strategy::RULE,
    fallback_action_not_found::RULE,
    target_ref_not_found::RULE,
    database_ref_not_found::RULE,
    data_source_not_found::RULE,
    local_ref_not_found::RULE,
    subset_not_defined::RULE,
    duplicate_object::RULE,
    duplicate_host::RULE,
    conflicting_limits::RULE,
    conflicting_circuit_breakers::RULE,
    rate_limit_with_throttling::RULE,
    sharding_table_twice::RULE,
    conflicting_route_limits::RULE,
    unreachable_route::RULE,
    shadowed_route::RULE,
    possibly_shadowed_route::RULE,
    duplicate_route_match::RULE,
    invalid_route_weights::RULE,
    ambiguous_string_match::RULE,
    invalid_regex::RULE,
    fallback_same_as_destination::RULE,
    fallback_other_host::RULE,
    empty_hosts::RULE,
    zero_limit::RULE,
    zero_trigger_ratio::RULE,
    slow_ratio_without_max_rt::RULE,
    max_rt_not_below_stat_duration::RULE,
    short_recovery_timeout::RULE,
    zero_request_interval::RULE,
    queue_timeout_below_interval::RULE,
    yaml11_boolean::RULE,
    ignored_slow_conditions::RULE,
    shadow_source_is_shadow::RULE,
    inert_circuit_breaker::RULE,
    limit_mode_ignored::RULE,
    stat_duration_ignored::RULE,
    fqdn_host::RULE,
    anded_match_entries::RULE,
    control_plane_ignored_field::RULE,
    unknown_suppression_code::RULE,
    unused_suppression::RULE,
];

/// A rule by code (`OS2001`, any case) or name (`strategy-not-found`).
pub fn find(id_or_name: &str) -> Option<&'static Rule> {
    let wanted = id_or_name.trim();
    RULES
        .iter()
        .find(|r| r.code.id.eq_ignore_ascii_case(wanted) || r.code.name == wanted)
}

/// The `--list-rules` table, grouped by category.
pub fn table() -> String {
    let width = RULES.iter().map(|r| r.code.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for category in CATEGORIES {
        let rules: Vec<&Rule> = RULES.iter().filter(|r| r.category == category).collect();
        if rules.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}:", category.as_str());
        for r in rules {
            let _ = writeln!(
                out,
                "  {}  {:width$}  {:7}  {}",
                r.code.id,
                r.code.name,
                r.default_level().as_str(),
                r.code.summary
            );
        }
    }
    out.push_str(
        "\nLevels are the defaults; change them with --select, --ignore and --severity CODE=LEVEL.\n\
         `opensergo lint --explain CODE` shows a rule's documentation.\n",
    );
    out
}

/// The `--explain` text of a rule.
pub fn explain(rule: &Rule) -> String {
    format!(
        "{} {}\ncategory: {}, default: {}\n\n{}\n\n{}\n",
        rule.code.id,
        rule.code.name,
        rule.category.as_str(),
        rule.default_level(),
        rule.code.summary,
        rule.docs.trim()
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::path::Path;

    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for r in RULES {
            assert!(ids.insert(r.code.id), "{} is used twice", r.code.id);
            assert!(names.insert(r.code.name), "{} is used twice", r.code.name);
            assert!(
                r.code.id.len() == 6
                    && r.code.id.starts_with("OS")
                    && r.code.id[2..].bytes().all(|b| b.is_ascii_digit()),
                "{}",
                r.code.id
            );
            // OS7xxx belongs to convert.
            assert!(
                matches!(r.code.id.as_bytes()[2], b'2'..=b'6' | b'8'),
                "{} is outside the lint ranges",
                r.code.id
            );
            assert!(
                r.code
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{} is not kebab-case",
                r.code.name
            );
            assert!(crate::diagnostic::codes::find(r.code.id).is_none());
        }
        let mut sorted: Vec<_> = RULES.iter().map(|r| r.code.id).collect();
        sorted.sort_unstable();
        assert_eq!(sorted, RULES.iter().map(|r| r.code.id).collect::<Vec<_>>());
    }

    #[test]
    fn every_rule_is_documented() {
        for r in RULES {
            assert!(!r.code.summary.is_empty(), "{}", r.code.id);
            for section in [
                "## What it does",
                "## Why is this bad",
                "## Example",
                "## How to fix",
            ] {
                assert!(
                    r.docs.contains(section),
                    "{} {}: docs lack `{section}`",
                    r.code.id,
                    r.code.name
                );
            }
            assert!(explain(r).contains(r.code.name));
        }
        assert!(table().lines().count() > RULES.len());
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
}
