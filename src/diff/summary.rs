//! The closing summary: per target resource and per host, how the
//! effective protection or routing changed.
//!
//! A [`Picture`] of each side holds which strategies protect each
//! resource and which routes serve each host. The command fills it from
//! lint's rule-set index (strategy resolution and target bindings are
//! lint's, and a check never imports another); this module only describes
//! and compares.

use std::collections::BTreeMap;

use super::meaning::{self, format_rate};
use crate::yaml::Node;

pub use crate::changeset::{Line, Subject};

/// Protection per resource: category -> descriptions (several strategies
/// of a category may apply; all are enforced).
type Protection = BTreeMap<&'static str, Vec<String>>;

/// One HTTP route of a host: its identity (name, else position), what it
/// matches and where it sends traffic.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RouteView {
    id: String,
    matches: String,
    destinations: String,
}

/// One side's protection per resource and routing per host.
#[derive(Debug, Default)]
pub struct Picture {
    resources: BTreeMap<(String, String, String), Protection>,
    hosts: BTreeMap<(String, String), Vec<RouteView>>,
}

impl Picture {
    /// A strategy of `kind` named `name` (its `spec`) protects `resource`
    /// of the (namespace, app) group.
    pub fn protect(
        &mut self,
        (namespace, app, resource): (&str, &str, &str),
        kind: &str,
        name: &str,
        spec: Option<&Node>,
    ) {
        let protection = self
            .resources
            .entry((namespace.to_string(), app.to_string(), resource.to_string()))
            .or_default();
        let (category, text) = describe(kind, name, spec);
        let list = protection.entry(category).or_default();
        if !list.contains(&text) {
            list.push(text);
            list.sort();
        }
    }

    /// `host` of `namespace` is served by these `spec.http` routes, in
    /// order (the first match wins).
    pub fn route(&mut self, namespace: &str, host: String, routes: &[Node]) {
        let views = routes.iter().enumerate().map(|(index, node)| RouteView {
            id: node
                .get("name")
                .and_then(Node::as_str)
                .map_or_else(|| format!("http[{index}]"), |n| format!("`{n}`")),
            matches: node
                .get("match")
                .map(|m| m.to_json().to_string())
                .unwrap_or_default(),
            destinations: destinations(node),
        });
        self.hosts
            .entry((namespace.to_string(), host))
            .or_default()
            .extend(views);
    }
}

/// The lines for every resource and host whose picture differs.
pub fn protection_changes(before: &Picture, after: &Picture) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut resources: Vec<&(String, String, String)> = before
        .resources
        .keys()
        .chain(after.resources.keys())
        .collect();
    resources.sort();
    resources.dedup();
    let empty = Protection::new();
    for key in resources {
        let a = before.resources.get(key).unwrap_or(&empty);
        let b = after.resources.get(key).unwrap_or(&empty);
        let changes = protection_diff(a, b);
        if !changes.is_empty() {
            lines.push(Line {
                subject: Subject::Resource {
                    namespace: key.0.clone(),
                    app: key.1.clone(),
                    name: key.2.clone(),
                },
                changes,
            });
        }
    }
    let mut hosts: Vec<&(String, String)> = before.hosts.keys().chain(after.hosts.keys()).collect();
    hosts.sort();
    hosts.dedup();
    for key in hosts {
        let a = before.hosts.get(key).map_or(&[][..], Vec::as_slice);
        let b = after.hosts.get(key).map_or(&[][..], Vec::as_slice);
        let changes = routing_diff(a, b);
        if !changes.is_empty() {
            lines.push(Line {
                subject: Subject::Host {
                    namespace: key.0.clone(),
                    host: key.1.clone(),
                },
                changes,
            });
        }
    }
    lines
}

/// A strategy's category and its limit in words.
fn describe(kind: &str, name: &str, spec: Option<&Node>) -> (&'static str, String) {
    let text = |keys: &[&str]| {
        spec.and_then(|s| s.get_path(keys))
            .and_then(|n| n.key_text())
            .map(|t| t.into_owned())
            .unwrap_or_else(|| "?".to_string())
    };
    match kind {
        "RateLimitStrategy" => {
            let rate = meaning::rate(spec).map_or_else(|| "?".to_string(), format_rate);
            let mode = text(&["limitMode"]);
            let scope = if mode == "Local" {
                String::new()
            } else {
                format!(" ({mode})")
            };
            ("rate limit", format!("{rate}{scope}"))
        }
        "ConcurrencyLimitStrategy" => (
            "concurrency limit",
            format!("{} at once", text(&["maxConcurrency"])),
        ),
        "ThrottlingStrategy" => (
            "throttling",
            format!(
                "1 request per {}, queue {}",
                text(&["minIntervalOfRequests"]),
                text(&["queueTimeout"])
            ),
        ),
        "CircuitBreakerStrategy" => {
            let what = match text(&["strategy"]).as_str() {
                "SlowRequestRatio" => format!(
                    "slow (> {}) ratio {}",
                    text(&["slowConditions", "maxAllowedRt"]),
                    text(&["triggerRatio"])
                ),
                "ErrorRequestRatio" => format!("error ratio {}", text(&["triggerRatio"])),
                other => format!("{other} {}", text(&["triggerRatio"])),
            };
            ("circuit breaker", what)
        }
        _ => ("other strategy", format!("{kind} `{name}`")),
    }
}

fn protection_diff(a: &Protection, b: &Protection) -> Vec<String> {
    let mut categories: Vec<&&str> = a.keys().chain(b.keys()).collect();
    categories.sort();
    categories.dedup();
    categories
        .into_iter()
        .filter_map(|category| {
            let old = a.get(*category).map(|l| l.join(" + "));
            let new = b.get(*category).map(|l| l.join(" + "));
            match (old, new) {
                (None, Some(n)) => Some(format!("{category} added ({n})")),
                (Some(o), None) => Some(format!("{category} removed (was {o})")),
                (Some(o), Some(n)) if o != n => Some(format!("{category} {o} -> {n}")),
                _ => None,
            }
        })
        .collect()
}

/// `v1 90%, v2 10%`.
fn destinations(route: &Node) -> String {
    let list = route.get("route").map_or(&[][..], Node::as_seq);
    let parts: Vec<String> = list
        .iter()
        .map(|d| {
            let host = d
                .get_path(&["destination", "host"])
                .and_then(Node::key_text)
                .unwrap_or_default();
            let subset = d
                .get_path(&["destination", "subset"])
                .and_then(Node::key_text);
            let weight = d.get("weight").and_then(Node::key_text);
            let mut text = match subset {
                Some(s) => format!("{host}/{s}"),
                None => host.into_owned(),
            };
            if let Some(w) = weight {
                text.push_str(&format!(" {w}%"));
            }
            text
        })
        .collect();
    if parts.is_empty() {
        "no destination".into()
    } else {
        parts.join(", ")
    }
}

fn routing_diff(a: &[RouteView], b: &[RouteView]) -> Vec<String> {
    let mut out = Vec::new();
    if a.is_empty() && !b.is_empty() {
        return vec![format!("routed now ({} routes)", b.len())];
    }
    if b.is_empty() && !a.is_empty() {
        return vec!["no longer routed".to_string()];
    }
    let ids = |routes: &[RouteView]| routes.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    let (ia, ib) = (ids(a), ids(b));
    let kept_a: Vec<&String> = ia.iter().filter(|id| ib.contains(id)).collect();
    let kept_b: Vec<&String> = ib.iter().filter(|id| ia.contains(id)).collect();
    if kept_a != kept_b {
        let show = |l: &[&String]| l.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        out.push(format!(
            "route order {} -> {} (first match wins)",
            show(&kept_a),
            show(&kept_b)
        ));
    }
    for r in a.iter().filter(|r| !ib.contains(&r.id)) {
        out.push(format!("route {} removed", r.id));
    }
    for r in b.iter().filter(|r| !ia.contains(&r.id)) {
        out.push(format!("route {} added ({})", r.id, r.destinations));
    }
    for old in a {
        let Some(new) = b.iter().find(|r| r.id == old.id) else {
            continue;
        };
        if old.destinations != new.destinations {
            out.push(format!(
                "route {}: {} -> {}",
                old.id, old.destinations, new.destinations
            ));
        }
        if old.matches != new.matches {
            out.push(format!("route {}: match changed", old.id));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::load_stream;

    fn spec(text: &str) -> Node {
        load_stream(text).0.remove(0).root
    }

    #[test]
    fn a_lower_threshold_shows_as_a_lower_rate() {
        let picture = |threshold: u32| {
            let mut p = Picture::default();
            let s = spec(&format!(
                "{{limitMode: Local, threshold: {threshold}, statDurationSeconds: 1}}"
            ));
            p.protect(
                ("shop", "orders", "GET:/orders"),
                "RateLimitStrategy",
                "rl",
                Some(&s),
            );
            p
        };
        let lines = protection_changes(&picture(100), &picture(10));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].subject.to_string(), "`GET:/orders` (shop/orders)");
        assert_eq!(lines[0].changes, ["rate limit 100/s -> 10/s"]);
        assert!(protection_changes(&picture(5), &picture(5)).is_empty());
        assert_eq!(
            protection_changes(&Picture::default(), &picture(5))[0].changes,
            ["rate limit added (5/s)"]
        );
    }

    #[test]
    fn swapped_routes_are_a_new_order() {
        let routes = spec("[{name: a, route: [{destination: {host: r, subset: v1}}]}, {name: b}]");
        let mut before = Picture::default();
        before.route("shop", "r".into(), routes.as_seq());
        let mut after = Picture::default();
        let swapped: Vec<Node> = routes.as_seq().iter().rev().cloned().collect();
        after.route("shop", "r".into(), &swapped);
        let lines = protection_changes(&before, &after);
        assert_eq!(
            lines[0].changes,
            ["route order `a`, `b` -> `b`, `a` (first match wins)"]
        );
    }
}
