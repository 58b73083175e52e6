//! TrafficRouter as the SDKs receive it: an envoy `RouteConfiguration`
//! (the subset in schemas/proto/envoy), both ways.
//!
//! Forward, [`Flavour::Correct`]: one virtual host named after the router
//! with a domain `<host>.<namespace>.svc.cluster.local` per host; one envoy
//! route per `http[]` entry and per OR-ed `match[]` entry, in order; `uri`
//! as the path specifier, `method`/`scheme`/`authority` as `:method`/
//! `:scheme`/`:authority` header matchers; headers, `withoutHeaders`
//! (inverted) and query parameters keep their names; one destination is
//! the cluster `outbound|<port>|<subset>|<host>.<namespace>.svc.cluster.local`
//! (or, with a fallback, the inline cluster-specifier plugin OpenSergo
//! defines), several are weighted clusters.
//!
//! [`Flavour::ControlPlane`] reproduces opensergo-control-plane's
//! `BuildRouteConfiguration` (pkg/controller/traffic_router_transform.go),
//! its bugs included, with a finding wherever that differs.
//!
//! Both directions go through the proto3 JSON form of the messages: the
//! shapes are easiest to read and write as JSON, and deserializing the
//! result checks it against the descriptors.

use prost_reflect::{DynamicMessage, ReflectMessage};
use serde_json::{Map, Value as Json, json};

use super::codes;
use super::descriptors;
use super::protojson::{self, Style};
use crate::codes::Code;
use crate::path::FieldPath;

pub const ROUTE_CONFIGURATION: &str = "envoy.config.route.v3.RouteConfiguration";
/// The extension name of OpenSergo's fallback cluster specifier.
pub const FALLBACK_PLUGIN: &str = "envoy.router.cluster_specifier_plugin.cluster_fallback";
pub const FALLBACK_CONFIG: &str =
    "io.opensergo.proto.router.v1.ClusterFallbackConfig_ClusterConfig";
const TRAFFIC_ROUTER_SPEC: &str = "opensergo.traffic.v1alpha1.TrafficRouterSpec";
/// Pseudo-headers that carry a match request's own fields.
/// The match-entry fields the correct mapping carries.
const MATCH_CARRIED: &[&str] = &[
    "uri",
    "method",
    "scheme",
    "authority",
    "headers",
    "withoutHeaders",
    "queryParams",
    "ignoreUriCase",
];
const MATCH_DROPPED: &str = "envoy's route match has no counterpart (SDKs match on path, headers and query parameters only)";
const PSEUDO_HEADERS: [(&str, &str); 3] = [
    ("method", ":method"),
    ("scheme", ":scheme"),
    ("authority", ":authority"),
];

/// Which mapping to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// The mapping that keeps the rule's meaning.
    Correct,
    /// What today's control plane sends.
    ControlPlane,
}

/// One thing to tell the user, at a path of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub path: FieldPath,
    pub message: String,
}

/// The Kubernetes service name of a host in a namespace.
fn fqdn(host: &str, namespace: &str) -> String {
    format!("{host}.{namespace}.svc.cluster.local")
}

fn text<'a>(value: &'a Json, key: &str) -> &'a str {
    value.get(key).and_then(Json::as_str).unwrap_or_default()
}

fn entries(value: &Json) -> impl Iterator<Item = (&String, &Json)> {
    value.as_object().into_iter().flatten()
}

fn items(value: Option<&Json>) -> &[Json] {
    value.and_then(Json::as_array).map_or(&[], Vec::as_slice)
}

fn decode(json: Json, name: &str) -> Result<DynamicMessage, String> {
    let desc = descriptors::pool()
        .get_message_by_name(name)
        .ok_or_else(|| format!("{name} is missing from the embedded descriptors"))?;
    DynamicMessage::deserialize(desc, json).map_err(|e| format!("internal: building {name}: {e}"))
}

// ------------------------------------------------------------ CRD -> envoy

struct Forward<'a> {
    namespace: &'a str,
    flavour: Flavour,
    path: FieldPath,
    findings: Vec<Finding>,
}

impl Forward<'_> {
    fn note(&mut self, code: Code, key: Option<&str>, message: String) {
        let path = match key {
            Some(k) => self.path.child(k),
            None => self.path.clone(),
        };
        self.findings.push(Finding {
            code,
            path,
            message,
        });
    }

    /// A field with no place in the RouteConfiguration.
    fn dropped(&mut self, key: &str, why: &str) {
        let path = self.path.child(key);
        self.note(
            codes::DROPPED_FIELD,
            Some(key),
            format!("{path} is left out of the envoy RouteConfiguration: {why}"),
        );
    }

    /// Where the control plane's rendering differs from the correct one.
    fn differs(&mut self, key: Option<&str>, what: String) {
        self.note(codes::CONTROL_PLANE_DIFFERENCE, key, what);
    }

    fn cluster(&self, destination: &Json, port: bool) -> String {
        let port = match (port, destination.pointer("/port/number")) {
            (true, Some(n)) => n.to_string(),
            _ => String::new(),
        };
        format!(
            "outbound|{port}|{}|{}",
            text(destination, "subset"),
            fqdn(text(destination, "host"), self.namespace)
        )
    }

    fn route_configuration(&mut self, name: &str, spec: &Json) -> Json {
        let mut domains = Vec::new();
        let mut routes = Vec::new();
        for (key, value) in entries(spec) {
            match key.as_str() {
                "hosts" => {
                    for host in items(Some(value)) {
                        domains.push(Json::String(fqdn(
                            host.as_str().unwrap_or_default(),
                            self.namespace,
                        )));
                    }
                }
                "http" => {
                    self.path.push("http");
                    for (i, http) in items(Some(value)).iter().enumerate() {
                        self.path.push(i);
                        routes.extend(self.http_route(http));
                        self.path.pop();
                    }
                    self.path.pop();
                }
                "tcp" | "tls" => self.dropped(
                    key,
                    "a RouteConfiguration holds HTTP routes only; TCP and TLS routes have no place in it",
                ),
                "gateways" => self.dropped(
                    key,
                    "SDKs route inside the application; a route table has no gateway binding",
                ),
                _ => self.dropped(key, "a route table has no place for it"),
            }
        }
        json!({
            "name": name,
            "virtualHosts": [{"name": name, "domains": domains, "routes": routes}],
        })
    }

    fn http_route(&mut self, http: &Json) -> Vec<Json> {
        const CARRIED: &[&str] = &["match", "route", "name", "timeout"];
        for (key, _) in entries(http) {
            if !CARRIED.contains(&key.as_str()) {
                self.dropped(
                    key,
                    "the RouteConfiguration SDKs receive carries only matches, destinations, route names and timeouts",
                );
            }
        }
        let action = self.action(http);
        let matches = items(http.get("match"));
        if self.flavour == Flavour::ControlPlane {
            for key in ["name", "timeout"] {
                if http.get(key).is_some() {
                    self.differs(
                        Some(key),
                        format!(
                            "the control plane leaves out {}; the correct mapping carries it",
                            self.path.child(key)
                        ),
                    );
                }
            }
            return vec![json!({"match": self.anded_match(matches), "route": action})];
        }
        let mut route = Map::new();
        if let Some(name) = http.get("name") {
            route.insert("name".into(), name.clone());
        }
        if let Some(mut action) = action {
            if let Some(timeout) = http.get("timeout") {
                action["timeout"] = timeout.clone();
            }
            route.insert("route".into(), action);
        } else if http.get("timeout").is_some() {
            self.dropped(
                "timeout",
                "a route without destinations has no route action to time out",
            );
        }
        if matches.is_empty() {
            let mut route = route;
            route.insert("match".into(), json!({"prefix": "/"}));
            return vec![Json::Object(route)];
        }
        self.path.push("match");
        let mut out = Vec::with_capacity(matches.len());
        for (i, m) in matches.iter().enumerate() {
            self.path.push(i);
            let mut route = route.clone();
            route.insert("match".into(), self.route_match(m));
            out.push(Json::Object(route));
            self.path.pop();
        }
        self.path.pop();
        out
    }

    /// One match entry (fields AND-ed) as an envoy RouteMatch.
    fn route_match(&mut self, m: &Json) -> Json {
        for (key, _) in entries(m) {
            if !MATCH_CARRIED.contains(&key.as_str()) {
                self.dropped(key, MATCH_DROPPED);
            }
        }
        let mut out = match m.get("uri") {
            Some(uri) => {
                self.path.push("uri");
                let path = match self.pick(uri) {
                    Some(("exact", v)) => json!({"path": v}),
                    Some(("prefix", v)) => json!({"prefix": v}),
                    Some((_, v)) => json!({"safeRegex": {"regex": v}}),
                    None => json!({"prefix": "/"}),
                };
                self.path.pop();
                path
            }
            None => json!({"prefix": "/"}),
        };
        if m.get("ignoreUriCase") == Some(&Json::Bool(true)) {
            out["caseSensitive"] = Json::Bool(false);
        }
        let mut headers = Vec::new();
        for (field, pseudo) in PSEUDO_HEADERS {
            if let Some(matcher) = m.get(field) {
                self.path.push(field);
                headers.push(self.header(pseudo, matcher, false));
                self.path.pop();
            }
        }
        for (key, inverted) in [("headers", false), ("withoutHeaders", true)] {
            self.path.push(key);
            for (name, matcher) in entries(m.get(key).unwrap_or(&Json::Null)) {
                self.path.push(name.as_str());
                headers.push(self.header(name, matcher, inverted));
                self.path.pop();
            }
            self.path.pop();
        }
        if !headers.is_empty() {
            out["headers"] = Json::Array(headers);
        }
        let mut query = Vec::new();
        self.path.push("queryParams");
        for (name, matcher) in entries(m.get("queryParams").unwrap_or(&Json::Null)) {
            self.path.push(name.as_str());
            let mut q = match self.pick(matcher) {
                Some(pattern) => json!({"stringMatch": string_matcher(pattern)}),
                None => json!({"presentMatch": true}),
            };
            q["name"] = Json::String(name.clone());
            query.push(q);
            self.path.pop();
        }
        self.path.pop();
        if !query.is_empty() {
            out["queryParameters"] = Json::Array(query);
        }
        out
    }

    /// The one pattern of a StringMatch envoy can hold: exact, else
    /// prefix, else regex (the control plane's precedence), with a finding
    /// for the others.
    fn pick<'j>(&mut self, matcher: &'j Json) -> Option<(&'static str, &'j Json)> {
        let set: Vec<(&'static str, &Json)> = ["exact", "prefix", "regex"]
            .into_iter()
            .filter_map(|k| matcher.get(k).map(|v| (k, v)))
            .collect();
        for (key, _) in set.iter().skip(1) {
            self.dropped(
                key,
                &format!(
                    "a StringMatch with several patterns is carried as its `{}` alone (an envoy matcher holds one)",
                    set[0].0
                ),
            );
        }
        set.first().copied()
    }

    /// A header matcher as the control plane writes one (the deprecated
    /// `exact_match` / `prefix_match` / `safe_regex_match` fields SDKs read).
    fn header(&mut self, name: &str, matcher: &Json, inverted: bool) -> Json {
        let mut out = match self.pick(matcher) {
            Some(("exact", v)) => json!({"exactMatch": v}),
            Some(("prefix", v)) => json!({"prefixMatch": v}),
            Some((_, v)) => json!({"safeRegexMatch": {"regex": v}}),
            None if self.flavour == Flavour::ControlPlane => json!({}),
            None => json!({"presentMatch": true}),
        };
        out["name"] = Json::String(name.to_string());
        if inverted {
            out["invertMatch"] = Json::Bool(true);
        }
        out
    }

    /// The control plane's match: every header and query parameter of
    /// every match entry in one list (AND-ed), query parameters nameless.
    fn anded_match(&mut self, matches: &[Json]) -> Json {
        if matches.len() > 1 {
            self.differs(
                Some("match"),
                format!(
                    "the control plane AND-s the {} entries of {} into one envoy route (they are alternatives: each should be a route of its own)",
                    matches.len(),
                    self.path.child("match")
                ),
            );
        }
        let mut headers = Vec::new();
        let mut query = Vec::new();
        self.path.push("match");
        for (i, m) in matches.iter().enumerate() {
            self.path.push(i);
            for (key, _) in entries(m) {
                match key.as_str() {
                    "headers" | "queryParams" => {}
                    carried if MATCH_CARRIED.contains(&carried) => {
                        let path = self.path.child(carried);
                        self.differs(
                            Some(carried),
                            format!("the control plane leaves out {path}; the correct mapping carries it"),
                        );
                    }
                    other => self.dropped(other, MATCH_DROPPED),
                }
            }
            self.path.push("headers");
            for (name, matcher) in entries(m.get("headers").unwrap_or(&Json::Null)) {
                self.path.push(name.as_str());
                headers.push(self.header(name, matcher, false));
                self.path.pop();
            }
            self.path.pop();
            self.path.push("queryParams");
            for (name, matcher) in entries(m.get("queryParams").unwrap_or(&Json::Null)) {
                self.path.push(name.as_str());
                self.differs(
                    None,
                    format!(
                        "the control plane drops the query parameter's name `{name}` at {}: the matcher tests no parameter",
                        self.path
                    ),
                );
                let q = match self.pick(matcher) {
                    Some(pattern) => json!({"stringMatch": string_matcher(pattern)}),
                    None => json!({}),
                };
                query.push(q);
                self.path.pop();
            }
            self.path.pop();
            self.path.pop();
        }
        self.path.pop();
        let mut out = json!({});
        if !headers.is_empty() {
            out["headers"] = Json::Array(headers);
        }
        if !query.is_empty() {
            out["queryParameters"] = Json::Array(query);
        }
        out
    }

    fn action(&mut self, http: &Json) -> Option<Json> {
        let destinations = items(http.get("route"));
        let control_plane = self.flavour == Flavour::ControlPlane;
        self.path.push("route");
        for (i, d) in destinations.iter().enumerate() {
            self.path.push(i);
            for (key, _) in entries(d) {
                if !matches!(key.as_str(), "destination" | "weight") {
                    self.dropped(key, "envoy's clusters carry no per-destination headers");
                }
            }
            self.path.push("destination");
            let destination = d.get("destination").unwrap_or(&Json::Null);
            if destination.get("port").is_some() && control_plane {
                self.differs(
                    Some("port"),
                    format!(
                        "the control plane leaves the port slot of the cluster name empty; the correct mapping writes {}",
                        self.cluster(destination, true)
                    ),
                );
            }
            if destination.get("fallback").is_some() && destinations.len() > 1 {
                let why = "a fallback applies to a single destination: envoy's weighted clusters have no fallback";
                if control_plane {
                    self.differs(
                        Some("fallback"),
                        format!(
                            "the control plane ignores {}: {why}",
                            self.path.child("fallback")
                        ),
                    );
                } else {
                    self.dropped("fallback", why);
                }
            }
            self.path.pop();
            if destinations.len() == 1 && d.get("weight").is_some() {
                self.dropped("weight", "a single destination takes all the traffic (envoy's plain cluster has no weight)");
            }
            if let Some(w) = d.get("weight").and_then(Json::as_i64).filter(|w| *w < 0) {
                if control_plane {
                    self.differs(
                        Some("weight"),
                        format!(
                            "the control plane writes the weight {w} as the unsigned {}",
                            w as i32 as u32
                        ),
                    );
                } else {
                    self.note(
                        codes::UNREPRESENTABLE,
                        Some("weight"),
                        format!(
                            "{} = {w}: envoy weights are unsigned",
                            self.path.child("weight")
                        ),
                    );
                }
            }
            self.path.pop();
        }
        self.path.pop();
        let port = !control_plane;
        match destinations {
            [] if control_plane => {
                self.differs(None, format!("the control plane gives {} with no destination an empty weighted-cluster list (envoy rejects it); the correct mapping has no route action", self.path));
                Some(json!({"weightedClusters": {}}))
            }
            [] => None,
            [one] => {
                let destination = one.get("destination").unwrap_or(&Json::Null);
                let cluster = self.cluster(destination, port);
                Some(match destination.get("fallback") {
                    Some(fallback) => json!({"inlineClusterSpecifierPlugin": {
                        "extension": {
                            "name": FALLBACK_PLUGIN,
                            "typedConfig": {
                                "@type": format!("{}{FALLBACK_CONFIG}", super::envelope::TYPE_URL_PREFIX),
                                "RoutingCluster": cluster,
                                "FallbackCluster": self.cluster(fallback, false),
                            },
                        },
                    }}),
                    None => json!({"cluster": cluster}),
                })
            }
            several => {
                let clusters: Vec<Json> = several
                    .iter()
                    .map(|d| {
                        let weight = d.get("weight").and_then(Json::as_i64).unwrap_or(0);
                        json!({
                            "name": self.cluster(d.get("destination").unwrap_or(&Json::Null), port),
                            "weight": weight as i32 as u32,
                        })
                    })
                    .collect();
                Some(json!({"weightedClusters": {"clusters": clusters}}))
            }
        }
    }
}

fn string_matcher((kind, value): (&str, &Json)) -> Json {
    match kind {
        "regex" => json!({"safeRegex": {"regex": value}}),
        other => json!({ other: value }),
    }
}

/// The RouteConfiguration of a TrafficRouter named `name` in `namespace`
/// whose spec message is `spec`, with findings at spec paths.
pub fn to_route_configuration(
    name: &str,
    namespace: &str,
    spec: &DynamicMessage,
    flavour: Flavour,
) -> Result<(DynamicMessage, Vec<Finding>), String> {
    let (spec_json, _) = protojson::message_to_json(spec, Style::ProtoJson);
    let mut forward = Forward {
        namespace,
        flavour,
        path: FieldPath::keys(&["spec"]),
        findings: Vec::new(),
    };
    let json = forward.route_configuration(name, &spec_json);
    let message = decode(json, ROUTE_CONFIGURATION)?;
    Ok((message, forward.findings))
}

// ------------------------------------------------------------ envoy -> CRD

/// A TrafficRouter read back from a RouteConfiguration.
#[derive(Debug)]
pub struct Recovered {
    /// The TrafficRouterSpec message.
    pub spec: DynamicMessage,
    /// The namespace the domains name, when the caller knew none.
    pub namespace: Option<String>,
    /// Findings at paths of the RouteConfiguration.
    pub findings: Vec<Finding>,
}

struct Backward {
    suffix: String,
    path: FieldPath,
    findings: Vec<Finding>,
}

impl Backward {
    /// Something of the RouteConfiguration that has no TrafficRouter form,
    /// at the current path (or its child `key`).
    fn lost(&mut self, key: Option<&str>, what: String) {
        let path = match key {
            Some(k) => self.path.child(k),
            None => self.path.clone(),
        };
        let message = if path.is_empty() {
            what
        } else {
            format!("{path}: {what}")
        };
        self.findings.push(Finding {
            code: codes::DROPPED_FIELD,
            path,
            message,
        });
    }

    fn host(&self, domain: &str) -> String {
        domain
            .strip_suffix(&self.suffix)
            .unwrap_or(domain)
            .to_string()
    }

    /// `outbound|<port>|<subset>|<fqdn>` as a Destination.
    fn destination(&mut self, cluster: &str) -> Json {
        let parts: Vec<&str> = cluster.split('|').collect();
        let [outbound, port, subset, domain] = parts.as_slice() else {
            self.lost(None, format!("cluster `{cluster}` is not `outbound|<port>|<subset>|<host>`: taken as the host"));
            return json!({"host": cluster});
        };
        if *outbound != "outbound" {
            self.lost(
                None,
                format!("cluster `{cluster}` is not an outbound cluster: taken as the host"),
            );
            return json!({"host": cluster});
        }
        let mut out = json!({"host": self.host(domain)});
        if !subset.is_empty() {
            out["subset"] = json!(subset);
        }
        if !port.is_empty() {
            match port.parse::<u32>() {
                Ok(n) => out["port"] = json!({"number": n}),
                Err(_) => self.lost(
                    None,
                    format!(
                        "cluster `{cluster}` has the port `{port}`, which is not a number: left out"
                    ),
                ),
            }
        }
        out
    }

    /// A route action's destinations (and, through `timeout`, the route's).
    fn destinations(&mut self, action: &Json) -> Vec<Json> {
        let mut out = Vec::new();
        for (key, value) in entries(action) {
            self.path.push(key.as_str());
            match key.as_str() {
                "cluster" => out.push(
                    json!({"destination": self.destination(value.as_str().unwrap_or_default())}),
                ),
                "weightedClusters" => {
                    for (i, c) in items(value.get("clusters")).iter().enumerate() {
                        self.path.push("clusters");
                        self.path.push(i);
                        let mut d = json!({"destination": self.destination(text(c, "name"))});
                        if let Some(w) = c.get("weight").and_then(Json::as_u64).filter(|w| *w > 0) {
                            match i32::try_from(w) {
                                Ok(w) => d["weight"] = json!(w),
                                Err(_) => self.lost(
                                    Some("weight"),
                                    format!("{w} does not fit the CRD's int32 weight: left out"),
                                ),
                            }
                        }
                        out.push(d);
                        self.path.pop();
                        self.path.pop();
                    }
                    if value.get("totalWeight").is_some() {
                        self.lost(
                            Some("totalWeight"),
                            "no CRD counterpart (Istio weights add up to 100): left out".into(),
                        );
                    }
                }
                "inlineClusterSpecifierPlugin" => {
                    let extension = value.get("extension").unwrap_or(&Json::Null);
                    let config = extension.get("typedConfig").unwrap_or(&Json::Null);
                    let expected = format!("{}{FALLBACK_CONFIG}", super::envelope::TYPE_URL_PREFIX);
                    if text(extension, "name") != FALLBACK_PLUGIN
                        || text(config, "@type") != expected
                    {
                        self.lost(
                            None,
                            format!(
                                "only OpenSergo's {FALLBACK_PLUGIN} plugin has a CRD form: left out"
                            ),
                        );
                    } else {
                        let mut destination = self.destination(text(config, "RoutingCluster"));
                        let fallback = self.destination(text(config, "FallbackCluster"));
                        destination["fallback"] = json!({"host": fallback["host"], "subset": fallback.get("subset").unwrap_or(&json!(""))});
                        if fallback.get("port").is_some() {
                            self.lost(None, "a fallback has no port in the CRD: left out".into());
                        }
                        out.push(json!({"destination": destination}));
                    }
                }
                "timeout" => {}
                _ => self.lost(None, "no CRD counterpart: left out".into()),
            }
            self.path.pop();
        }
        out
    }

    fn string_match(&mut self, matcher: &Json) -> Json {
        let mut out = json!({});
        for (key, value) in entries(matcher) {
            match key.as_str() {
                "exact" | "prefix" => out[key.as_str()] = value.clone(),
                "safeRegex" => out["regex"] = value.get("regex").cloned().unwrap_or_default(),
                _ => self.lost(
                    Some(key),
                    "no StringMatch counterpart (exact, prefix, regex): left out".into(),
                ),
            }
        }
        out
    }

    /// A header matcher as (name, StringMatch, inverted).
    fn header(&mut self, h: &Json) -> (String, Json, bool) {
        let mut matcher = json!({});
        for (key, value) in entries(h) {
            match key.as_str() {
                "name" | "invertMatch" | "presentMatch" => {}
                "exactMatch" => matcher = json!({"exact": value}),
                "prefixMatch" => matcher = json!({"prefix": value}),
                "safeRegexMatch" => {
                    matcher = json!({"regex": value.get("regex").cloned().unwrap_or_default()})
                }
                "stringMatch" => {
                    self.path.push("stringMatch");
                    matcher = self.string_match(value);
                    self.path.pop();
                }
                _ => self.lost(Some(key), "no CRD counterpart: left out".into()),
            }
        }
        let inverted = h.get("invertMatch") == Some(&Json::Bool(true));
        (text(h, "name").to_string(), matcher, inverted)
    }

    /// An envoy RouteMatch as a match entry; `None` for a catch-all.
    fn route_match(&mut self, m: &Json) -> Option<Json> {
        let mut out = Map::new();
        for (key, value) in entries(m) {
            match key.as_str() {
                "path" => {
                    out.insert("uri".into(), json!({"exact": value}));
                }
                "prefix" if value != "/" => {
                    out.insert("uri".into(), json!({"prefix": value}));
                }
                "prefix" | "headers" | "queryParameters" => {}
                "safeRegex" => {
                    out.insert(
                        "uri".into(),
                        json!({"regex": value.get("regex").cloned().unwrap_or_default()}),
                    );
                }
                "caseSensitive" => {
                    if value == &Json::Bool(false) {
                        out.insert("ignoreUriCase".into(), Json::Bool(true));
                    }
                }
                _ => self.lost(Some(key), "no CRD counterpart: left out".into()),
            }
        }
        self.path.push("headers");
        for (i, h) in items(m.get("headers")).iter().enumerate() {
            self.path.push(i);
            let (name, matcher, inverted) = self.header(h);
            let pseudo = PSEUDO_HEADERS
                .iter()
                .find(|(_, p)| *p == name)
                .map(|(f, _)| *f);
            let (map, key) = match (pseudo, inverted) {
                (Some(field), false) => (None, field.to_string()),
                (_, true) => (Some("withoutHeaders"), name),
                (None, false) => (Some("headers"), name),
            };
            let slot = match map {
                Some(map) => out
                    .entry(map)
                    .or_insert_with(|| json!({}))
                    .as_object_mut()
                    .map(|o| o.entry(key.clone())),
                None => Some(out.entry(key.clone())),
            };
            match slot {
                Some(serde_json::map::Entry::Vacant(v)) => { v.insert(matcher); }
                _ => self.lost(None, format!("a second matcher for `{key}` in one route cannot be written in the CRD's map: left out")),
            }
            self.path.pop();
        }
        self.path.pop();
        self.path.push("queryParameters");
        for (i, q) in items(m.get("queryParameters")).iter().enumerate() {
            self.path.push(i);
            let name = text(q, "name").to_string();
            let matcher = match q.get("stringMatch") {
                Some(s) => {
                    self.path.push("stringMatch");
                    let s = self.string_match(s);
                    self.path.pop();
                    s
                }
                None => json!({}),
            };
            if name.is_empty() {
                self.lost(None, "tests a query parameter without a name (the control plane drops the names): it has no CRD form, left out".into());
            } else {
                let params = out.entry("queryParams").or_insert_with(|| json!({}));
                if params.get(&name).is_some() {
                    self.lost(None, format!("a second matcher for the query parameter `{name}` in one route cannot be written in the CRD's map: left out"));
                } else {
                    params[name.as_str()] = matcher;
                }
            }
            self.path.pop();
        }
        self.path.pop();
        (!out.is_empty()).then_some(Json::Object(out))
    }

    /// A route as (name, match entry, action destinations, timeout).
    fn route(&mut self, r: &Json) -> Json {
        let mut http = Map::new();
        for (key, value) in entries(r) {
            match key.as_str() {
                "name" => {
                    http.insert("name".into(), value.clone());
                }
                "match" => {
                    self.path.push("match");
                    if let Some(m) = self.route_match(value) {
                        http.insert("match".into(), json!([m]));
                    }
                    self.path.pop();
                }
                "route" => {
                    self.path.push("route");
                    let destinations = self.destinations(value);
                    self.path.pop();
                    if !destinations.is_empty() {
                        http.insert("route".into(), Json::Array(destinations));
                    }
                    if let Some(t) = value.get("timeout") {
                        http.insert("timeout".into(), t.clone());
                    }
                }
                _ => self.lost(Some(key), "no CRD counterpart: left out".into()),
            }
        }
        Json::Object(http)
    }
}

/// Folds consecutive routes that only differ in their match (the OR-ed
/// match entries of one `http[]` entry) back into one entry.
fn fold(routes: Vec<Json>) -> Vec<Json> {
    let mut out: Vec<Json> = Vec::with_capacity(routes.len());
    for route in routes {
        let without_match = |r: &Json| {
            let mut r = r.clone();
            r.as_object_mut().map(|o| o.remove("match"));
            r
        };
        if let Some(last) = out.last_mut()
            && last.get("match").is_some()
            && route.get("match").is_some()
            && without_match(last) == without_match(&route)
            && let (Some(Json::Array(into)), Some(Json::Array(more))) =
                (last.get_mut("match"), route.get("match"))
        {
            into.extend(more.iter().cloned());
            continue;
        }
        out.push(route);
    }
    out
}

/// Reads a TrafficRouter back from a RouteConfiguration. `namespace` is
/// the object's, when known; otherwise the first domain's is used.
pub fn from_route_configuration(
    config: &DynamicMessage,
    namespace: Option<&str>,
) -> Result<Recovered, String> {
    if config.descriptor().full_name() != ROUTE_CONFIGURATION {
        return Err(format!(
            "{} is not a {ROUTE_CONFIGURATION}",
            config.descriptor().full_name()
        ));
    }
    let (json, unknown) = protojson::message_to_json(config, Style::ProtoJson);
    let hosts_of = |vh: &Json| {
        items(vh.get("domains"))
            .iter()
            .filter_map(Json::as_str)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let vhosts = items(json.get("virtualHosts"));
    let inferred = match namespace {
        Some(_) => None,
        None => vhosts
            .first()
            .and_then(|vh| hosts_of(vh).into_iter().next())
            .and_then(|d| {
                let rest = d.strip_suffix(".svc.cluster.local")?;
                rest.rsplit_once('.').map(|(_, ns)| ns.to_string())
            }),
    };
    let ns = namespace
        .map(str::to_string)
        .or_else(|| inferred.clone())
        .unwrap_or_else(|| "default".into());
    let mut back = Backward {
        suffix: format!(".{ns}.svc.cluster.local"),
        path: FieldPath::root(),
        findings: Vec::new(),
    };
    for path in unknown {
        back.lost(
            None,
            format!("field {path} is not part of the envoy subset this tool reads: left out"),
        );
    }
    for (key, _) in entries(&json) {
        if !matches!(key.as_str(), "name" | "virtualHosts") {
            back.lost(Some(key), "no TrafficRouter counterpart: left out".into());
        }
    }
    let mut spec = Map::new();
    back.path.push("virtualHosts");
    for (i, vh) in vhosts.iter().enumerate() {
        back.path.push(i);
        if i > 0 {
            back.lost(
                None,
                "a TrafficRouter is one virtual host; this one is left out (convert it separately)"
                    .into(),
            );
            back.path.pop();
            continue;
        }
        for (key, _) in entries(vh) {
            if !matches!(key.as_str(), "name" | "domains" | "routes") {
                back.lost(Some(key), "no TrafficRouter counterpart: left out".into());
            }
        }
        let hosts: Vec<Json> = hosts_of(vh)
            .iter()
            .map(|d| Json::String(back.host(d)))
            .collect();
        if !hosts.is_empty() {
            spec.insert("hosts".into(), Json::Array(hosts));
        }
        back.path.push("routes");
        let mut routes = Vec::new();
        for (j, r) in items(vh.get("routes")).iter().enumerate() {
            back.path.push(j);
            routes.push(back.route(r));
            back.path.pop();
        }
        back.path.pop();
        let http = fold(routes);
        if !http.is_empty() {
            spec.insert("http".into(), Json::Array(http));
        }
        back.path.pop();
    }
    back.path.pop();
    let spec = decode(Json::Object(spec), TRAFFIC_ROUTER_SPEC)?;
    Ok(Recovered {
        spec,
        namespace: inferred,
        findings: back.findings,
    })
}

/// Whether a message is an envoy RouteConfiguration.
pub fn is_route_configuration(message: &DynamicMessage) -> bool {
    message.descriptor().full_name() == ROUTE_CONFIGURATION
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spec(json: Json) -> DynamicMessage {
        decode(json, TRAFFIC_ROUTER_SPEC).unwrap()
    }

    fn forward(json: Json, flavour: Flavour) -> (Json, Vec<Finding>) {
        let (message, findings) =
            to_route_configuration("r", "shop", &spec(json), flavour).unwrap();
        (
            protojson::message_to_json(&message, Style::ProtoJson).0,
            findings,
        )
    }

    #[test]
    fn or_ed_matches_become_routes_and_and_ed_ones_one() {
        let rule = json!({"hosts": ["a"], "http": [{
            "match": [{"headers": {"x": {"exact": "1"}}}, {"headers": {"y": {"exact": "2"}}}],
            "route": [{"destination": {"host": "a", "subset": "v1"}}],
        }]});
        let (correct, findings) = forward(rule.clone(), Flavour::Correct);
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(
            correct["virtualHosts"][0]["routes"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        let (cp, findings) = forward(rule, Flavour::ControlPlane);
        let routes = cp["virtualHosts"][0]["routes"].as_array().unwrap();
        assert_eq!(routes.len(), 1);
        assert_eq!(routes[0]["match"]["headers"].as_array().unwrap().len(), 2);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "spec.http[0].match");
    }

    #[test]
    fn cluster_names_carry_port_subset_and_host() {
        let mut back = Backward {
            suffix: ".shop.svc.cluster.local".into(),
            path: FieldPath::root(),
            findings: Vec::new(),
        };
        assert_eq!(
            back.destination("outbound|9080|v1|reviews.shop.svc.cluster.local"),
            json!({"host": "reviews", "subset": "v1", "port": {"number": 9080}})
        );
        assert_eq!(
            back.destination("outbound|||reviews.other.svc.cluster.local"),
            json!({"host": "reviews.other.svc.cluster.local"})
        );
        assert!(back.findings.is_empty());
        assert_eq!(
            back.destination("static-cluster"),
            json!({"host": "static-cluster"})
        );
        assert_eq!(back.findings.len(), 1);
    }

    #[test]
    fn the_namespace_comes_from_the_domains_when_unknown() {
        let (message, _) = to_route_configuration(
            "r",
            "prod",
            &spec(json!({"hosts": ["a"]})),
            Flavour::Correct,
        )
        .unwrap();
        let recovered = from_route_configuration(&message, None).unwrap();
        assert_eq!(recovered.namespace.as_deref(), Some("prod"));
        assert!(recovered.findings.is_empty());
    }

    fn name() -> impl Strategy<Value = String> {
        "[a-z][a-z0-9]{0,5}"
    }

    fn string_match() -> impl Strategy<Value = Json> {
        prop_oneof![
            "[a-z/]{1,6}".prop_map(|s| json!({"exact": s})),
            "/[a-z]{1,5}".prop_map(|s| json!({"prefix": s})),
            "[a-z.*+]{1,6}".prop_map(|s| json!({"regex": s})),
            Just(json!({})),
        ]
    }

    /// A match entry with at least one condition (an empty entry is a
    /// catch-all, which comes back as "no match").
    fn match_entry() -> impl Strategy<Value = Json> {
        (
            proptest::option::of(string_match().prop_filter("a uri pattern", |m| m != &json!({}))),
            proptest::option::of("[A-Z]{3,6}"),
            proptest::collection::btree_map(
                name().prop_map(|n| format!("x-{n}")),
                string_match(),
                0..3,
            ),
            proptest::collection::btree_map(name(), string_match(), 0..3),
            proptest::collection::btree_map(
                name().prop_map(|n| format!("x-{n}")),
                Just(json!({})),
                0..2,
            ),
            any::<bool>(),
        )
            .prop_map(|(uri, method, headers, query, without, any_case)| {
                let mut m = Map::new();
                if let Some(uri) = uri {
                    m.insert("uri".into(), uri);
                }
                if let Some(method) = method {
                    m.insert("method".into(), json!({"exact": method}));
                }
                if !headers.is_empty() {
                    m.insert("headers".into(), json!(headers));
                }
                if !query.is_empty() {
                    m.insert("queryParams".into(), json!(query));
                }
                if !without.is_empty() {
                    m.insert("withoutHeaders".into(), json!(without));
                }
                if any_case {
                    m.insert("ignoreUriCase".into(), Json::Bool(true));
                }
                if m.is_empty() {
                    m.insert("headers".into(), json!({"x-any": {}}));
                }
                Json::Object(m)
            })
    }

    fn destination() -> impl Strategy<Value = Json> {
        (name(), "[a-z0-9]{0,4}", proptest::option::of(1u32..65536)).prop_map(
            |(host, subset, port)| {
                let mut d = json!({"host": host, "subset": subset});
                if let Some(port) = port {
                    d["port"] = json!({"number": port});
                }
                d
            },
        )
    }

    fn destinations() -> impl Strategy<Value = Vec<Json>> {
        prop_oneof![
            (
                destination(),
                proptest::option::of((name(), "[a-z0-9]{0,4}"))
            )
                .prop_map(|(mut d, fallback)| {
                    if let Some((host, subset)) = fallback {
                        d["fallback"] = json!({"host": host, "subset": subset});
                    }
                    vec![json!({"destination": d})]
                }),
            proptest::collection::vec((destination(), 1i32..100), 2..4).prop_map(|ds| ds
                .into_iter()
                .map(|(d, w)| json!({"destination": d, "weight": w}))
                .collect()),
        ]
    }

    fn router() -> impl Strategy<Value = Json> {
        (
            proptest::collection::vec(name(), 1..3),
            proptest::collection::vec(
                (
                    proptest::collection::vec(match_entry(), 0..3),
                    destinations(),
                    proptest::option::of(1u32..100),
                ),
                0..4,
            ),
        )
            .prop_map(|(hosts, http)| {
                let http: Vec<Json> = http
                    .into_iter()
                    .enumerate()
                    .map(|(i, (matches, route, timeout))| {
                        // Distinct names: consecutive routes with the same name
                        // and destinations would fold into one entry.
                        let mut h = json!({"name": format!("route-{i}"), "route": route});
                        if !matches.is_empty() {
                            h["match"] = json!(matches);
                        }
                        if let Some(t) = timeout {
                            h["timeout"] = json!(format!("{t}s"));
                        }
                        h
                    })
                    .collect();
                json!({"hosts": hosts, "http": http})
            })
    }

    proptest! {
        /// CRD -> envoy -> CRD gives the same spec message, without a
        /// finding, for everything envoy carries.
        #[test]
        fn crd_to_envoy_to_crd_is_lossless(rule in router()) {
            let original = spec(rule);
            let (message, findings) =
                to_route_configuration("r", "shop", &original, Flavour::Correct).unwrap();
            prop_assert!(findings.is_empty(), "{:?}", findings);
            let bytes = super::super::wire::encode(&message);
            let decoded = DynamicMessage::decode(message.descriptor(), bytes.as_slice()).unwrap();
            let recovered = from_route_configuration(&decoded, Some("shop")).unwrap();
            prop_assert!(recovered.findings.is_empty(), "{:?}", recovered.findings);
            // Bytes, not messages: an explicitly empty list equals an unset one.
            prop_assert_eq!(
                super::super::wire::encode(&recovered.spec),
                super::super::wire::encode(&original)
            );
        }
    }
}
