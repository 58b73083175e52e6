//! One file per lint rule: its [`Rule`](super::Rule) (code, category,
//! docs, check) in `RULE`, its documentation in `DOCS`. The registry
//! lists them; the helpers here are what several rules share.
//!
//! Code ranges: OS2xxx references, OS3xxx duplicates and conflicts,
//! OS4xxx traffic routes, OS5xxx suspicious values, OS6xxx runtime
//! compatibility, OS8xxx style (lint's own comments). Codes and names are
//! stable: a retired rule keeps its code forever.

/// A lint rule's [`Code`](crate::codes::Code), with its docs.
macro_rules! code {
    ($id:literal, $name:literal, $sev:ident, $summary:literal, $docs:expr) => {
        crate::codes::Code::new($id, $name, crate::codes::Severity::$sev, $summary, $docs)
    };
}

/// Declares each rule's module and lists its `RULE` in [`RULES`]: adding
/// a rule is its file plus one line here, in code order.
macro_rules! rules {
    ($($module:ident,)*) => {
        $(pub mod $module;)*
        /// Every lint rule, in code order.
        pub static RULES: &[super::Rule] = &[$($module::RULE,)*];
    };
}

rules! {
    strategy_not_found,
    strategy_kind_mismatch,
    ambiguous_strategy_ref,
    strategy_in_other_group,
    orphan_strategy,
    fallback_action_not_found,
    target_ref_not_found,
    database_ref_not_found,
    data_source_not_found,
    local_ref_not_found,
    subset_not_defined,
    duplicate_object,
    duplicate_host,
    conflicting_limits,
    conflicting_circuit_breakers,
    rate_limit_with_throttling,
    sharding_table_twice,
    conflicting_route_limits,
    unreachable_route,
    shadowed_route,
    possibly_shadowed_route,
    duplicate_route_match,
    invalid_route_weights,
    ambiguous_string_match,
    invalid_regex,
    fallback_same_as_destination,
    fallback_other_host,
    empty_hosts,
    zero_limit,
    zero_trigger_ratio,
    slow_ratio_without_max_rt,
    max_rt_not_below_stat_duration,
    short_recovery_timeout,
    zero_request_interval,
    queue_timeout_below_interval,
    yaml11_boolean,
    ignored_slow_conditions,
    shadow_source_is_shadow,
    inert_circuit_breaker,
    yaml11_number,
    limit_mode_ignored,
    stat_duration_ignored,
    fqdn_host,
    anded_match_entries,
    control_plane_ignored_field,
    unknown_suppression_code,
    unused_suppression,
}

use std::collections::HashSet;

use super::index::{Binding, Object, Resolution, RuleSet, STRATEGY_KINDS, Scope};
use super::read;
use super::refs::Reference;
use crate::engine::Sink;

/// What every rule file imports.
mod prelude {
    pub use crate::engine::Sink;
    pub use crate::lint::index::{Binding, DocId, Object, Resolution, RuleSet, Scope};
    pub use crate::lint::refs::Reference;
    pub use crate::lint::{Rule, category, read};
    pub use crate::path::FieldPath;
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
                ns: rule.ns(),
                app: rule.app(),
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
        .report(rule.doc, last.target.span(), message)
        .label(format!("{} strategies apply here", involved.len()))
        .help(help);
    for (strategy, binding, description) in involved {
        finding = finding.related(
            set.object(binding.rule).doc,
            binding.reference.span(),
            format!("`{}`: {description}", strategy.name()),
        );
    }
}

/// `spec.<field>` of an object as a whole number.
/// Calls `f` with every scalar (keys and values, in document order) of
/// every OpenSergo object: the YAML 1.1 rules read each one.
fn each_scalar<'a>(set: &'a RuleSet<'_>, mut f: impl FnMut(&Object<'a>, &'a crate::yaml::Node)) {
    use crate::yaml::Value;
    for object in set.objects() {
        let mut stack = vec![&object.doc.root];
        while let Some(node) = stack.pop() {
            match &node.value {
                Value::Map(entries) => {
                    for (k, v) in entries.iter().rev() {
                        stack.push(v);
                        stack.push(k);
                    }
                }
                Value::Seq(items) => stack.extend(items.iter().rev()),
                _ => f(object, node),
            }
        }
    }
}

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

/// An object's settings for a conflict message: `whole` of the values
/// when every one is known; otherwise the known ones by field name, then
/// the fields missing or invalid ("threshold 100, limitMode Local (no valid
/// statDurationSeconds)"): validate says what is wrong with them, and a
/// message never shows a `?`.
fn settings(fields: &[(&str, Option<String>)], whole: impl FnOnce(&[String]) -> String) -> String {
    if let Some(values) = fields
        .iter()
        .map(|(_, v)| v.clone())
        .collect::<Option<Vec<_>>>()
    {
        return whole(&values);
    }
    let known: Vec<String> = fields
        .iter()
        .filter_map(|(field, v)| Some(format!("{field} {}", v.as_ref()?)))
        .collect();
    let unknown: Vec<&str> = fields
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(field, _)| *field)
        .collect();
    let missing = format!("no valid {}", unknown.join(", "));
    if known.is_empty() {
        missing
    } else {
        format!("{} ({missing})", known.join(", "))
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn settings_name_the_fields_they_cannot_show() {
        let whole = |v: &[String]| format!("threshold {} per {}s", v[0], v[1]);
        let known = |v: &str| Some(v.to_string());
        assert_eq!(
            super::settings(
                &[
                    ("threshold", known("100")),
                    ("statDurationSeconds", known("1"))
                ],
                whole
            ),
            "threshold 100 per 1s"
        );
        assert_eq!(
            super::settings(
                &[("threshold", known("100")), ("statDurationSeconds", None)],
                whole
            ),
            "threshold 100 (no valid statDurationSeconds)"
        );
        assert_eq!(
            super::settings(&[("threshold", None), ("statDurationSeconds", None)], whole),
            "no valid threshold, statDurationSeconds"
        );
    }
}
