//! One file per lint rule: its [`Rule`](super::Rule) (code, category,
//! docs, check) in `RULE`, its documentation in `DOCS`. The registry
//! lists them; the helpers here are what several rules share.
//!
//! Code ranges: OS2xxx references, OS3xxx duplicates and conflicts,
//! OS4xxx traffic routes, OS5xxx suspicious values, OS6xxx runtime
//! compatibility, OS8xxx style (lint's own comments). Codes and names are
//! stable: a retired rule keeps its code forever.

/// A lint [`Code`](crate::diagnostic::Code) literal.
macro_rules! code {
    ($id:literal, $name:literal, $sev:ident, $summary:literal) => {
        crate::diagnostic::Code {
            id: $id,
            name: $name,
            default_severity: crate::diagnostic::Severity::$sev,
            summary: $summary,
        }
    };
}

// References.
pub mod ambiguous_strategy_ref;
pub mod data_source_not_found;
pub mod database_ref_not_found;
pub mod fallback_action_not_found;
pub mod local_ref_not_found;
pub mod orphan_strategy;
pub mod strategy_in_other_group;
pub mod strategy_kind_mismatch;
pub mod strategy_not_found;
pub mod subset_not_defined;
pub mod target_ref_not_found;
// Duplicates and conflicts.
pub mod conflicting_circuit_breakers;
pub mod conflicting_limits;
pub mod conflicting_route_limits;
pub mod duplicate_host;
pub mod duplicate_object;
pub mod rate_limit_with_throttling;
pub mod sharding_table_twice;
// Traffic routes.
pub mod ambiguous_string_match;
pub mod duplicate_route_match;
pub mod empty_hosts;
pub mod fallback_other_host;
pub mod fallback_same_as_destination;
pub mod invalid_regex;
pub mod invalid_route_weights;
pub mod possibly_shadowed_route;
pub mod shadowed_route;
pub mod unreachable_route;
// Suspicious values.
pub mod ignored_slow_conditions;
pub mod inert_circuit_breaker;
pub mod max_rt_not_below_stat_duration;
pub mod queue_timeout_below_interval;
pub mod shadow_source_is_shadow;
pub mod short_recovery_timeout;
pub mod slow_ratio_without_max_rt;
pub mod yaml11_boolean;
pub mod zero_limit;
pub mod zero_request_interval;
pub mod zero_trigger_ratio;
// Runtime compatibility.
pub mod anded_match_entries;
pub mod control_plane_ignored_field;
pub mod fqdn_host;
pub mod limit_mode_ignored;
pub mod stat_duration_ignored;
// Style.
pub mod unknown_suppression_code;
pub mod unused_suppression;

use std::collections::HashSet;

use super::Sink;
use super::index::{Binding, Object, Resolution, RuleSet, STRATEGY_KINDS, Scope};
use super::read;
use super::refs::Reference;

/// What every rule file imports.
mod prelude {
    pub use crate::lint::index::{Binding, DocId, Object, Resolution, RuleSet, Scope};
    pub use crate::lint::refs::Reference;
    pub use crate::lint::{Category, Rule, Sink, read};
    pub use crate::yaml::Node;
}

/// Reports `route` as taken by the earlier routes `by` (shared by
/// shadowed-route and possibly-shadowed-route); `message` gets their names.
fn report_shadowed(
    sink: &mut Sink,
    router: &Object<'_>,
    route: &crate::lint::routes::Route<'_>,
    by: &[(
        &crate::lint::routes::Route<'_>,
        &crate::lint::routes::Match<'_>,
    )],
    message: impl FnOnce(&str) -> String,
    label: &str,
    help: &str,
) {
    let names: Vec<String> = by.iter().map(|(r, _)| r.label()).collect();
    let mut finding = sink
        .report(router.doc, route.span(), message(&names.join(", ")))
        .path(route.path())
        .label(label)
        .help(help);
    for (r, m) in by {
        finding = finding.related(
            router.doc,
            read::head(m.node),
            format!("{} matches first", r.label()),
        );
    }
}

/// Reports the strategy references whose resolution `pick` selects.
fn report_strategy_refs(set: &RuleSet<'_>, sink: &mut Sink, pick: fn(&Resolution) -> bool) {
    for r in set.strategy_refs().iter().filter(|r| pick(&r.resolution)) {
        let rule = set.object(r.rule);
        Reference {
            doc: rule.doc,
            node: r.name,
            name: r.name(),
            from: None,
            what: "strategy",
            kind: r.kind,
            family: STRATEGY_KINDS,
            scope: Scope::Group {
                ns: rule.ns,
                app: rule.app,
            },
            consequence: "Sentinel and the SDKs skip a dangling strategy silently: the rule protects nothing with it.",
        }
        .report(set, sink, &r.resolution);
    }
}

/// Resolves one reference and reports it unless it finds its target.
fn check_reference(set: &RuleSet<'_>, sink: &mut Sink, reference: &Reference<'_>) {
    let resolution = reference.resolve(set);
    reference.report(set, sink, &resolution);
}

/// One strategy of a kind bound to a resource, once, with the binding
/// that first applies it.
fn bound<'s, 'a>(
    set: &'s RuleSet<'a>,
    bindings: &'s [Binding<'a>],
    kind: &str,
) -> Vec<(&'s Object<'a>, &'s Binding<'a>)> {
    let mut seen = HashSet::new();
    bindings
        .iter()
        .filter(|b| set.object(b.strategy).kind() == kind && seen.insert(b.strategy))
        .map(|b| (set.object(b.strategy), b))
        .collect()
}

/// Reports a conflict on one resource: at the last rule's target, with
/// each strategy's reference as a related place.
fn report_conflict(
    set: &RuleSet<'_>,
    sink: &mut Sink,
    bindings: &[Binding<'_>],
    involved: &[(&Object<'_>, &Binding<'_>, String)],
    message: String,
    help: &str,
) {
    let Some(last) = bindings.last() else { return };
    let rule = set.object(last.rule);
    let mut finding = sink
        .report(rule.doc, last.target.span, message)
        .label(format!("{} strategies apply here", involved.len()))
        .help(help);
    for (strategy, binding, description) in involved {
        finding = finding.related(
            set.object(binding.rule).doc,
            binding.reference.span,
            format!("`{}`: {description}", strategy.name()),
        );
    }
}

/// `spec.<field>` of an object as a whole number.
fn int_field(object: &Object<'_>, field: &str) -> Option<i64> {
    object.spec()?.get(field)?.as_i64()
}

/// `spec.<field>` of an object as a duration in milliseconds.
fn millis_field(object: &Object<'_>, field: &str) -> Option<i64> {
    read::millis(object.spec()?.get(field)?)
}

/// `spec.<field>` of an object as text.
fn text_field<'a>(object: &Object<'a>, field: &str) -> Option<&'a str> {
    read::text(object.spec()?, &[field])
}

/// `value` or `?` for messages about schema-invalid fields.
fn or_unknown<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "?".to_string(), |v| v.to_string())
}

/// The TrafficRouter destinations (`spec.{http,tcp,tls}[].route[].destination`).
fn destinations<'a>(object: &Object<'a>) -> Vec<read::Found<'a>> {
    ["http", "tcp", "tls"]
        .iter()
        .flat_map(|section| {
            read::select(
                &object.doc.root,
                &["spec", section, "[]", "route", "[]", "destination"],
            )
        })
        .collect()
}
