//! A TrafficRouter's HTTP routes as the route rules reason about them:
//! routes are tried in order and the first match wins; the entries of a
//! route's `match` list are alternatives (OR), the conditions inside one
//! entry all apply (AND); a route without `match` takes every request.

use std::cmp::Ordering;

use regex::Regex;

use crate::yaml::Node;

use super::read;

/// One `spec.http[]` route.
#[derive(Debug)]
pub struct Route<'a> {
    pub index: usize,
    pub node: &'a Node,
    pub matches: Vec<Match<'a>>,
}

impl Route<'_> {
    /// True when the route takes every request that reaches it.
    pub fn catch_all(&self) -> bool {
        self.matches.is_empty() || self.matches.iter().any(|m| m.conditions.is_empty())
    }

    /// Where findings about the route point: its `match` key, else its
    /// first key.
    pub fn span(&self) -> crate::source::Span {
        self.node
            .entry("match")
            .map_or_else(|| read::head(self.node), |(key, _)| key.span())
    }

    pub fn path(&self) -> crate::path::FieldPath {
        crate::path::FieldPath::keys(&["spec", "http"]).child(self.index)
    }

    /// "http[1] (`v2-canary`)".
    pub fn label(&self) -> String {
        match read::text(self.node, &["name"]) {
            Some(name) => format!("http[{}] (`{name}`)", self.index),
            None => format!("http[{}]", self.index),
        }
    }
}

/// One entry of a route's `match` list.
#[derive(Debug)]
pub struct Match<'a> {
    pub index: usize,
    pub node: &'a Node,
    /// Restrictive conditions; `name` and always-true tests are left out.
    pub conditions: Vec<Condition<'a>>,
    pub ignore_uri_case: bool,
}

/// One field test of a match entry.
#[derive(Debug)]
pub struct Condition<'a> {
    /// `uri`, `headers.x-tag`, `port`...
    pub field: String,
    pub test: Test<'a>,
}

#[derive(Debug)]
pub enum Test<'a> {
    Exact(&'a str),
    Prefix(&'a str),
    Regex(&'a str),
    /// Any other value, compared as a whole.
    Other(&'a Node),
}

/// Whether an earlier match takes every request a later one would.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cover {
    No,
    /// Depends on regular expressions lint does not compare.
    Unknown,
    Yes,
}

const STRING_MATCH_FIELDS: &[&str] = &["uri", "scheme", "method", "authority"];
const STRING_MATCH_MAPS: &[&str] = &["headers", "queryParams", "withoutHeaders"];
const NON_RESTRICTIVE: &[&str] = &["name", "statPrefix", "ignoreUriCase"];

/// The HTTP routes of a TrafficRouter.
pub fn http_routes(root: &Node) -> Vec<Route<'_>> {
    let list = root.get_path(&["spec", "http"]);
    list.map_or(&[][..], Node::as_seq)
        .iter()
        .enumerate()
        .map(|(index, node)| Route {
            index,
            node,
            matches: node
                .get("match")
                .map_or(&[][..], Node::as_seq)
                .iter()
                .enumerate()
                .map(|(i, m)| read_match(i, m))
                .collect(),
        })
        .collect()
}

fn read_match(index: usize, node: &Node) -> Match<'_> {
    let mut conditions = Vec::new();
    for (key, value) in node.as_map() {
        let Some(key) = key.key_text() else { continue };
        let key = key.as_ref();
        if NON_RESTRICTIVE.contains(&key) {
            continue;
        }
        if STRING_MATCH_FIELDS.contains(&key) {
            conditions.extend(string_test(key.to_string(), value, key == "uri"));
        } else if STRING_MATCH_MAPS.contains(&key) && key != "withoutHeaders" {
            for (name, test) in value.as_map() {
                let name = name.key_text().unwrap_or_default();
                let name = if key == "headers" {
                    name.to_ascii_lowercase()
                } else {
                    name.into_owned()
                };
                conditions.extend(string_test(format!("{key}.{name}"), test, false));
            }
        } else {
            conditions.push(Condition {
                field: key.to_string(),
                test: Test::Other(value),
            });
        }
    }
    conditions.sort_by(|a, b| a.field.cmp(&b.field));
    Match {
        index,
        node,
        conditions,
        ignore_uri_case: node
            .get("ignoreUriCase")
            .is_some_and(|n| matches!(n.value, crate::yaml::Value::Bool(true))),
    }
}

/// A StringMatch as the control plane reads it (exact, then prefix, then
/// regex); `None` when it always matches (`prefix: /` on the uri, `.*`).
fn string_test<'a>(field: String, node: &'a Node, uri: bool) -> Option<Condition<'a>> {
    let test = if let Some(s) = node.get("exact").and_then(Node::as_str) {
        Test::Exact(s)
    } else if let Some(s) = node.get("prefix").and_then(Node::as_str) {
        if s.is_empty() || (uri && s == "/") {
            return None;
        }
        Test::Prefix(s)
    } else if let Some(s) = node.get("regex").and_then(Node::as_str) {
        if matches!(s, ".*" | "^.*$" | ".+" | "^.+$") {
            return None;
        }
        Test::Regex(s)
    } else {
        Test::Other(node)
    };
    Some(Condition { field, test })
}

/// Does `earlier` take every request `later` would match?
pub fn covers(earlier: &Match<'_>, later: &Match<'_>) -> Cover {
    if later.ignore_uri_case
        && !earlier.ignore_uri_case
        && earlier.conditions.iter().any(|c| c.field == "uri")
    {
        return Cover::No;
    }
    let fold = earlier.ignore_uri_case;
    let mut result = Cover::Yes;
    for condition in &earlier.conditions {
        let Some(other) = later.conditions.iter().find(|c| c.field == condition.field) else {
            return Cover::No;
        };
        let fold = fold && condition.field == "uri";
        let cover = test_covers(&condition.test, &other.test, fold);
        result = result.min(cover);
        if result == Cover::No {
            return Cover::No;
        }
    }
    result
}

/// Same requests either way.
pub fn identical(a: &Match<'_>, b: &Match<'_>) -> bool {
    covers(a, b) == Cover::Yes && covers(b, a) == Cover::Yes
}

fn test_covers(a: &Test<'_>, b: &Test<'_>, fold: bool) -> Cover {
    let norm = |s: &str| {
        if fold {
            s.to_lowercase()
        } else {
            s.to_string()
        }
    };
    let yes = |c: bool| if c { Cover::Yes } else { Cover::No };
    match (a, b) {
        (Test::Exact(x), Test::Exact(y)) => yes(norm(x) == norm(y)),
        (Test::Prefix(p), Test::Exact(s) | Test::Prefix(s)) => yes(norm(s).starts_with(&norm(p))),
        (Test::Regex(r), Test::Exact(s)) => match full_regex(r) {
            Some(re) => yes(re.is_match(s)),
            None => Cover::No,
        },
        (Test::Regex(r), Test::Regex(q)) if r == q => Cover::Yes,
        (Test::Regex(_), Test::Prefix(_) | Test::Regex(_)) | (Test::Prefix(_), Test::Regex(_)) => {
            Cover::Unknown
        }
        (Test::Other(x), Test::Other(y)) => yes(x.to_json() == y.to_json()),
        _ => Cover::No,
    }
}

/// The regex anchored at both ends, as Envoy's safe_regex matches.
fn full_regex(r: &str) -> Option<Regex> {
    Regex::new(&format!("^(?:{r})$")).ok()
}

/// The first route that takes every request, if any.
pub fn first_catch_all<'r, 'a>(routes: &'r [Route<'a>]) -> Option<&'r Route<'a>> {
    routes.iter().find(|r| r.catch_all())
}

/// Routes that can still be reached: those up to the first catch-all.
pub fn reachable<'r, 'a>(routes: &'r [Route<'a>]) -> &'r [Route<'a>] {
    match routes.iter().position(Route::catch_all) {
        Some(i) => &routes[..=i],
        None => routes,
    }
}

/// How every match of `route` is covered by the matches of earlier
/// routes: `Yes` when each is certainly covered, `Unknown` when some are
/// only possibly covered, with the earlier matches that cover them.
pub fn shadowing<'r, 'a>(
    earlier: &'r [Route<'a>],
    route: &Route<'a>,
) -> (Cover, Vec<(&'r Route<'a>, &'r Match<'a>)>) {
    if route.matches.is_empty() {
        return (Cover::No, Vec::new());
    }
    let mut overall = Cover::Yes;
    let mut by = Vec::new();
    for m in &route.matches {
        let best = earlier
            .iter()
            .flat_map(|r| r.matches.iter().map(move |e| (r, e)))
            .map(|(r, e)| (covers(e, m), r, e))
            .max_by(|a, b| a.0.cmp(&b.0).then(Ordering::Greater));
        match best {
            Some((cover, r, e)) if cover > Cover::No => {
                overall = overall.min(cover);
                if !by
                    .iter()
                    .any(|(_, x): &(&Route<'_>, &Match<'_>)| std::ptr::eq(*x, e))
                {
                    by.push((r, e));
                }
            }
            _ => return (Cover::No, Vec::new()),
        }
    }
    (overall, by)
}

/// StringMatch nodes of a TrafficRouter, with their paths.
pub fn string_matches(root: &Node) -> Vec<read::Found<'_>> {
    let mut out = Vec::new();
    for field in STRING_MATCH_FIELDS {
        out.extend(read::select(
            root,
            &["spec", "http", "[]", "match", "[]", field],
        ));
    }
    for map in STRING_MATCH_MAPS {
        out.extend(read::select(
            root,
            &["spec", "http", "[]", "match", "[]", map, "*"],
        ));
    }
    out.extend(read::select(
        root,
        &["spec", "http", "[]", "corsPolicy", "allowOrigins", "[]"],
    ));
    out.retain(|f| !f.node.as_map().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routes(text: &str) -> Node {
        crate::yaml::load_stream(text).0.remove(0).root
    }

    #[test]
    fn prefix_and_regex_coverage() {
        let root = routes(
            "spec:\n  http:\n  - match: [{uri: {prefix: /api}}]\n  - match: [{uri: {exact: /api/v1}, headers: {X: {exact: a}}}]\n  - match: [{uri: {prefix: /ap}}]\n  - match: [{uri: {regex: '/a.*'}}]\n  - match: [{headers: {x: {regex: 'a|b'}}}]\n  - match: [{headers: {x: {exact: b}}}]\n",
        );
        let r = http_routes(&root);
        let m = |i: usize| &r[i].matches[0];
        assert_eq!(covers(m(0), m(1)), Cover::Yes);
        assert_eq!(covers(m(1), m(0)), Cover::No);
        assert_eq!(covers(m(0), m(2)), Cover::No);
        assert_eq!(covers(m(3), m(0)), Cover::Unknown);
        assert_eq!(covers(m(4), m(5)), Cover::Yes);
        assert!(identical(m(0), m(0)));
        assert_eq!(shadowing(&r[..1], &r[1]).0, Cover::Yes);
        assert_eq!(shadowing(&r[..1], &r[2]).0, Cover::No);
    }

    #[test]
    fn catch_alls() {
        let root = routes("spec:\n  http:\n  - match: [{uri: {prefix: /}}]\n  - route: []\n");
        let r = http_routes(&root);
        assert!(r[0].catch_all());
        assert_eq!(reachable(&r).len(), 1);
        assert_eq!(first_catch_all(&r).unwrap().index, 0);
    }
}
