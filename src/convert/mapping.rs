//! The mapping between OpenSergo CRDs and their protobuf messages: one
//! table ([`MAPPINGS`]), one entry per proto-backed kind, read by both
//! directions. Which message a kind has comes from the kind registry
//! (`kinds::KindInfo::proto_message`); this table says how its fields map.
//!
//! * fault-tolerance kinds: field by field ([`Map`]): durations to millis
//!   or value + `TimeUnit` (in the unit written, so `60s` is 60 SECOND),
//!   `N%` to N/100, string enums to proto enums, `statDurationSeconds` to
//!   value + SECOND, `metadata.name` to the message's `name` field.
//!   Back: millis in the largest exact unit, value + unit as written,
//!   fractions to whole percents.
//! * TrafficRouter and the policy.opensergo.io kinds: the spec is the
//!   message in the proto3 JSON mapping ([`Spec::ProtoJson`]); their CRD
//!   field names are the proto JSON names.
//!
//! A CRD field with no proto field is left out with a warning naming it;
//! a value the message cannot hold (or the CRD cannot hold, going back) is
//! an error at its position.

use prost_reflect::{
    DynamicMessage, FieldDescriptor, Kind, MessageDescriptor, ReflectMessage, Value,
};
use serde_json::{Map as JsonMap, Value as Json};

use super::protojson::{self, Reader, Style, int_value, scalar_text};
use super::{Converted, ObjectMessage, codes, descriptors};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::duration::{self, Unit};
use crate::kinds::KindInfo;
use crate::path::FieldPath;
use crate::typecheck::{self, TypeVerdict};
use crate::yaml::{self, Node};

/// How one kind's spec maps to its message.
#[derive(Debug)]
pub struct KindMapping {
    pub kind: &'static str,
    pub spec: Spec,
}

#[derive(Debug)]
pub enum Spec {
    /// Field by field.
    Fields(&'static [FieldRule]),
    /// The spec is the message in the proto3 JSON mapping. `dropped` lists
    /// spec paths (keys joined by dots) whose CRD shape the proto cannot
    /// hold, with the reason.
    ProtoJson {
        dropped: &'static [(&'static str, &'static str)],
    },
}

/// One CRD field.
#[derive(Debug)]
pub struct FieldRule {
    /// The CRD key.
    pub crd: &'static str,
    /// The CRD requires it.
    pub required: bool,
    pub map: Map,
}

/// Where a CRD field goes. Names are proto field names.
#[derive(Debug)]
pub enum Map {
    /// A string, as is.
    Str(&'static str),
    /// A whole number, range-checked against the proto integer type.
    Int(&'static str),
    /// A CRD enum string -> proto enum value: (CRD value, proto value name).
    Enum(&'static str, &'static [(&'static str, &'static str)]),
    /// A duration string -> milliseconds.
    Millis(&'static str),
    /// A duration string -> (value, `TimeUnit` field) in the unit written.
    WithUnit(&'static str, &'static str),
    /// Whole seconds -> (value, `TimeUnit` field = SECOND).
    Seconds(&'static str, &'static str),
    /// `N%` -> N / 100.
    Ratio(&'static str),
    /// A nested object -> a message field.
    Object(&'static str, &'static [FieldRule]),
    /// A list of objects -> a repeated message field.
    List(&'static str, &'static [FieldRule]),
    /// The name of an object of `kind` -> a `{name, kind}` reference message.
    Ref(&'static str, &'static str),
    /// No proto field can hold it: left out with this reason.
    Dropped(&'static str),
}

const fn req(crd: &'static str, map: Map) -> FieldRule {
    FieldRule {
        crd,
        required: true,
        map,
    }
}

const fn opt(crd: &'static str, map: Map) -> FieldRule {
    FieldRule {
        crd,
        required: false,
        map,
    }
}

const LIMIT_MODES: &[(&str, &str)] = &[("Local", "MODE_LOCAL"), ("Global", "MODE_GLOBAL")];

/// Every proto-backed kind. `kinds::KINDS` says which message each has.
pub static MAPPINGS: &[KindMapping] = &[
    KindMapping {
        kind: "FaultToleranceRule",
        spec: Spec::Fields(&[
            req(
                "targets",
                Map::List(
                    "targets",
                    &[req("targetResourceName", Map::Str("target_resource_name"))],
                ),
            ),
            req(
                "strategies",
                Map::List(
                    "strategies",
                    &[req("name", Map::Str("name")), req("kind", Map::Str("kind"))],
                ),
            ),
            opt(
                "fallbackAction",
                Map::Ref("action", "HttpRequestFallbackAction"),
            ),
            opt(
                "selector",
                Map::Dropped(
                    "the spec documents' app selector has no proto field (the control plane binds a rule to the app in metadata.labels.app)",
                ),
            ),
        ]),
    },
    KindMapping {
        kind: "RateLimitStrategy",
        spec: Spec::Fields(&[
            req(
                "metricType",
                Map::Enum("metric_type", &[("RequestAmount", "TYPE_REQUEST_AMOUNT")]),
            ),
            req("limitMode", Map::Enum("limit_mode", LIMIT_MODES)),
            req("threshold", Map::Int("threshold")),
            req(
                "statDurationSeconds",
                Map::Seconds("stat_duration", "stat_duration_time_unit"),
            ),
            opt(
                "statDuration",
                Map::Dropped(
                    "the CRD field is statDurationSeconds (whole seconds); statDuration comes from older spec documents",
                ),
            ),
        ]),
    },
    KindMapping {
        kind: "ThrottlingStrategy",
        spec: Spec::Fields(&[
            req(
                "minIntervalOfRequests",
                Map::Millis("min_interval_millis_of_requests"),
            ),
            req("queueTimeout", Map::Millis("queue_timeout_millis")),
        ]),
    },
    KindMapping {
        kind: "ConcurrencyLimitStrategy",
        spec: Spec::Fields(&[
            req("maxConcurrency", Map::Int("max_concurrency")),
            req("limitMode", Map::Enum("limit_mode", LIMIT_MODES)),
        ]),
    },
    KindMapping {
        kind: "CircuitBreakerStrategy",
        spec: Spec::Fields(&[
            req(
                "strategy",
                Map::Enum(
                    "strategy",
                    &[
                        ("SlowRequestRatio", "STRATEGY_SLOW_REQUEST_RATIO"),
                        ("ErrorRequestRatio", "STRATEGY_ERROR_REQUEST_RATIO"),
                    ],
                ),
            ),
            req("triggerRatio", Map::Ratio("trigger_ratio")),
            req(
                "statDuration",
                Map::WithUnit("stat_duration", "stat_duration_time_unit"),
            ),
            req(
                "recoveryTimeout",
                Map::WithUnit("recovery_timeout", "recovery_timeout_time_unit"),
            ),
            req("minRequestAmount", Map::Int("min_request_amount")),
            opt(
                "slowConditions",
                Map::Object(
                    "slow_condition",
                    &[req("maxAllowedRt", Map::Millis("max_allowed_rt_millis"))],
                ),
            ),
            opt(
                "errorConditions",
                Map::Object(
                    "error_condition",
                    &[req(
                        "representation",
                        Map::Dropped(
                            "the proto's error condition is an empty message (CircuitBreakerErrorCondition has no fields)",
                        ),
                    )],
                ),
            ),
        ]),
    },
    KindMapping {
        kind: "TrafficRouter",
        spec: Spec::ProtoJson { dropped: &[] },
    },
    KindMapping {
        kind: "RateLimit",
        spec: Spec::ProtoJson { dropped: &[] },
    },
    KindMapping {
        kind: "ConcurrencyLimit",
        spec: Spec::ProtoJson { dropped: &[] },
    },
    KindMapping {
        kind: "CircuitBreaker",
        spec: Spec::ProtoJson {
            dropped: &[(
                "config.errorRequest.conditions",
                "the CRD's conditions are strings, but the published proto declares them as ErrorCondition messages whose fields are not published (see schemas/proto/README.md)",
            )],
        },
    },
];

/// The mapping of a kind.
pub fn mapping_for(info: &KindInfo) -> Option<&'static KindMapping> {
    MAPPINGS.iter().find(|m| m.kind == info.kind)
}

fn field(message: &DynamicMessage, name: &str) -> Option<FieldDescriptor> {
    message.descriptor().get_field_by_name(name)
}

/// The message's own `name` field (top level, string), if it has one.
fn name_field(desc: &MessageDescriptor) -> Option<FieldDescriptor> {
    desc.get_field_by_name("name")
        .filter(|f| matches!(f.kind(), Kind::String) && !f.is_list())
}

/// The object name a message carries, if its type has a name field.
pub fn message_name(message: &DynamicMessage) -> Option<String> {
    let f = name_field(&message.descriptor())?;
    let name = message.get_field(&f).as_str()?.to_string();
    (!name.is_empty()).then_some(name)
}

const TIME_UNIT: &str = "io.opensergo.proto.common.v1.TimeUnit";

fn time_unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Millisecond => "MILLISECOND",
        Unit::Second => "SECOND",
        Unit::Minute => "MINUTE",
        Unit::Hour => "HOUR",
        Unit::Day => "DAY",
    }
}

fn time_unit_number(unit: Unit) -> Option<i32> {
    descriptors::pool()
        .get_enum_by_name(TIME_UNIT)?
        .get_value_by_name(time_unit_name(unit))
        .map(|v| v.number())
}

fn unit_of_time_unit(number: i32) -> Option<Unit> {
    let value = descriptors::pool()
        .get_enum_by_name(TIME_UNIT)?
        .get_value(number)?;
    Unit::ALL
        .into_iter()
        .find(|u| time_unit_name(*u) == value.name())
}

/// `N%` with a whole N.
fn parse_percent(text: &str) -> Result<u32, String> {
    let Some(number) = text.strip_suffix('%') else {
        return Err(format!(
            "`{text}` is not a percentage: write a whole number and `%`, e.g. '60%'"
        ));
    };
    if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
        return number
            .parse()
            .map_err(|_| format!("`{text}` is out of range"));
    }
    if number.parse::<f64>().is_ok() {
        return Err(format!(
            "`{text}` is a fractional percent: the CRD holds whole percents only, so it could not be written back"
        ));
    }
    Err(format!(
        "`{text}` is not a percentage: write a whole number and `%`, e.g. '60%'"
    ))
}

// ---------------------------------------------------------------- CRD -> proto

/// Converts one CRD document into its message.
pub fn document_to_object(doc: &Document) -> Converted {
    let mut out = Converted::default();
    let info = match typecheck::judge(doc) {
        TypeVerdict::Known(info) => info,
        TypeVerdict::Wrong(d) => {
            out.diagnostics.push(*d);
            return out;
        }
        TypeVerdict::Foreign | TypeVerdict::NotAnObject => {
            let what = if doc.meta.kind.is_empty() {
                "this document".to_string()
            } else {
                format!("{} {}", doc.meta.api_version, doc.meta.kind)
            };
            out.diagnostics.push(doc.diagnostic(
                codes::NOT_CONVERTIBLE,
                format!("{what} is not an OpenSergo object: skipped"),
                doc.head_span(),
            ));
            return out;
        }
    };
    let (Some(mapping), Some(desc)) = (mapping_for(info), descriptors::kind_message(info)) else {
        out.diagnostics.push(doc.diagnostic(
            codes::NOT_CONVERTIBLE,
            format!(
                "{} has no protobuf message (only its spec documents define it): skipped",
                info.kind
            ),
            doc.head_span(),
        ));
        return out;
    };

    check_envelope_fields(doc, &mut out.diagnostics);
    let spec = doc.root.get("spec").filter(|s| !s.is_null());
    if spec.is_none() {
        out.diagnostics.push(doc.diagnostic(
            codes::MISSING_FIELD,
            format!("{} has no spec: its message is empty", info.kind),
            doc.head_span(),
        ));
    }
    let empty = Node::new(doc.head_span(), yaml::Value::Null, true);
    let spec = spec.unwrap_or(&empty);
    let mut message = match &mapping.spec {
        Spec::Fields(rules) => {
            let mut message = DynamicMessage::new(desc.clone());
            let mut reader = Reader::new(doc, &["spec"], &[]);
            read_rules(&mut reader, spec, rules, &mut message, info.kind);
            out.diagnostics.append(&mut reader.diagnostics);
            message
        }
        Spec::ProtoJson { dropped } => {
            let mut reader = Reader::new(doc, &["spec"], dropped);
            let message = reader.read_message(spec, &desc);
            out.diagnostics.append(&mut reader.diagnostics);
            message
        }
    };
    if let Some(f) = name_field(&desc)
        && !doc.meta.name.is_empty()
    {
        message.set_field(&f, Value::String(doc.meta.name.to_string()));
    }
    if !super::has_errors(&out.diagnostics) {
        out.object = Some(ObjectMessage {
            kind: info,
            name: doc.meta.name.to_string(),
            namespace: (!doc.meta.namespace.is_empty()).then(|| doc.meta.namespace.to_string()),
            app: doc.meta.app().map(str::to_string),
            message,
        });
    }
    out
}

/// Warns about object fields no message or envelope carries: top-level
/// keys besides apiVersion/kind/metadata/spec, and metadata besides
/// name, namespace and the `app` label.
fn check_envelope_fields(doc: &Document, diagnostics: &mut Vec<Diagnostic>) {
    for (key, _) in doc.root.as_map() {
        let name = key.key_text().unwrap_or_default();
        if !matches!(name.as_ref(), "apiVersion" | "kind" | "metadata" | "spec") {
            diagnostics.push(
                doc.diagnostic(
                    codes::DROPPED_FIELD,
                    format!("{name} is left out: only the spec is carried in the message"),
                    key.span(),
                )
                .with_path(FieldPath::keys(&[&name])),
            );
        }
    }
    let Some(metadata) = doc.root.get("metadata") else {
        return;
    };
    let mut lost = Vec::new();
    let mut first_span = None;
    for (key, value) in metadata.as_map() {
        let name = key.key_text().unwrap_or_default().into_owned();
        let extra: Vec<String> = match name.as_str() {
            "name" | "namespace" => Vec::new(),
            "labels" => value
                .as_map()
                .iter()
                .filter_map(|(k, _)| k.key_text())
                .filter(|k| k != "app")
                .map(|k| format!("metadata.labels.{k}"))
                .collect(),
            _ => vec![format!("metadata.{name}")],
        };
        if !extra.is_empty() {
            first_span.get_or_insert(key.span());
            lost.extend(extra);
        }
    }
    if let Some(span) = first_span {
        diagnostics.push(
            doc.diagnostic(
                codes::DROPPED_FIELD,
                format!(
                    "{} {} left out: messages carry the spec, the envelope carries namespace and the app label, nothing carries other metadata",
                    lost.join(", "),
                    if lost.len() == 1 { "is" } else { "are" }
                ),
                span,
            )
            .with_path(FieldPath::keys(&["metadata"])),
        );
    }
}

fn read_rules(
    r: &mut Reader,
    node: &Node,
    rules: &[FieldRule],
    message: &mut DynamicMessage,
    kind: &str,
) {
    let entries: &[(Node, Node)] = match &node.value {
        yaml::Value::Map(entries) => entries,
        yaml::Value::Null => &[],
        _ => {
            let shown = scalar_text(node);
            r.error(node, format!("expected a mapping, not {shown}"));
            return;
        }
    };
    for (key, value) in entries {
        let Some(name) = key.key_text() else {
            r.error(key, "a mapping key must be a scalar");
            continue;
        };
        r.push_key(&name);
        match rules.iter().find(|rule| rule.crd == name) {
            Some(rule) => read_rule(r, rule, key, value, message),
            None => {
                let path = r.path();
                let known: Vec<&str> = rules.iter().map(|rule| rule.crd).collect();
                r.report_with_help(
                    codes::DROPPED_FIELD,
                    key.span(),
                    format!("{path} is left out: {kind} has no field `{name}`, and no proto field holds it"),
                    format!("the fields here are: {}", known.join(", ")),
                );
            }
        }
        r.pop();
    }
    for rule in rules {
        let absent = node.get(rule.crd).is_none_or(Node::is_null);
        if rule.required && absent && !matches!(rule.map, Map::Dropped(_)) {
            r.push_key(rule.crd);
            let path = r.path();
            let span = r.span_here();
            r.report(
                codes::MISSING_FIELD,
                span,
                format!(
                    "{path} is missing (the CRD requires it): the proto field keeps its default"
                ),
            );
            r.pop();
        }
    }
}

fn read_rule(
    r: &mut Reader,
    rule: &FieldRule,
    key: &Node,
    value: &Node,
    message: &mut DynamicMessage,
) {
    if let Map::Dropped(why) = rule.map {
        let path = r.path();
        r.report(
            codes::DROPPED_FIELD,
            key.span(),
            format!("{path} is left out: {why}"),
        );
        return;
    }
    if value.is_null() {
        return;
    }
    let crd = rule.crd;
    match rule.map {
        Map::Str(f) => {
            if let Some(s) = r.string(value, crd) {
                set(r, value, message, f, |_| Ok(Value::String(s)));
            }
        }
        Map::Int(f) => {
            if let Some(n) = r.whole_number(value, crd, false) {
                set(r, value, message, f, |kind| int_value(kind, n));
            }
        }
        Map::Enum(f, values) => {
            let Some(s) = r.string(value, crd) else {
                return;
            };
            match values.iter().find(|(c, _)| *c == s) {
                Some((_, proto)) => set(r, value, message, f, |kind| enum_value(kind, proto)),
                None => {
                    let allowed: Vec<&str> = values.iter().map(|(c, _)| *c).collect();
                    let enum_name = field(message, f)
                        .and_then(|fd| fd.kind().as_enum().map(|e| e.full_name().to_string()))
                        .unwrap_or_default();
                    let mut msg = format!(
                        "`{s}` has no counterpart in the proto enum {enum_name}: {crd} can be {}",
                        allowed.join(" or ")
                    );
                    if let Some((c, _)) = values.iter().find(|(c, _)| c.eq_ignore_ascii_case(&s)) {
                        msg.push_str(&format!(" (did you mean `{c}`?)"));
                    }
                    r.error(value, msg);
                }
            }
        }
        Map::Millis(f) => {
            if let Some(d) = read_duration(r, value, crd) {
                set(r, value, message, f, |kind| {
                    int_value(kind, i128::from(d.millis))
                });
            }
        }
        Map::WithUnit(vf, uf) => {
            if let Some(d) = read_duration(r, value, crd) {
                set(r, value, message, vf, |kind| {
                    int_value(kind, i128::from(d.value))
                });
                set_unit(r, value, message, uf, d.unit);
            }
        }
        Map::Seconds(vf, uf) => {
            if let Some(n) = r.whole_number(value, crd, false) {
                set(r, value, message, vf, |kind| int_value(kind, n));
                set_unit(r, value, message, uf, Unit::Second);
            }
        }
        Map::Ratio(f) => {
            let Some(text) = ratio_text(r, value, crd) else {
                return;
            };
            match parse_percent(&text) {
                Ok(p) => set(r, value, message, f, |_| {
                    Ok(Value::F64(f64::from(p) / 100.0))
                }),
                Err(e) => r.error(value, e),
            }
        }
        Map::Object(f, rules) => {
            let Some(desc) = field(message, f).and_then(|fd| fd.kind().as_message().cloned())
            else {
                return;
            };
            let mut sub = DynamicMessage::new(desc);
            read_rules(r, value, rules, &mut sub, crd);
            set(r, value, message, f, |_| Ok(Value::Message(sub)));
        }
        Map::List(f, rules) => {
            let Some(desc) = field(message, f).and_then(|fd| fd.kind().as_message().cloned())
            else {
                return;
            };
            let yaml::Value::Seq(items) = &value.value else {
                let shown = scalar_text(value);
                r.error(value, format!("{crd} must be a list, not {shown}"));
                return;
            };
            let mut list = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                r.push_index(i);
                let mut sub = DynamicMessage::new(desc.clone());
                read_rules(r, item, rules, &mut sub, crd);
                list.push(Value::Message(sub));
                r.pop();
            }
            set(r, value, message, f, |_| Ok(Value::List(list)));
        }
        Map::Ref(f, kind) => {
            let Some(name) = r.string(value, crd) else {
                return;
            };
            let Some(desc) = field(message, f).and_then(|fd| fd.kind().as_message().cloned())
            else {
                return;
            };
            let mut sub = DynamicMessage::new(desc);
            sub.set_field_by_name("name", Value::String(name));
            sub.set_field_by_name("kind", Value::String(kind.to_string()));
            set(r, value, message, f, |_| Ok(Value::Message(sub)));
        }
        Map::Dropped(_) => {}
    }
}

/// Sets proto field `name` to the value `make` builds for its kind; an
/// error (e.g. out of range) is reported at `node`.
fn set(
    r: &mut Reader,
    node: &Node,
    message: &mut DynamicMessage,
    name: &str,
    make: impl FnOnce(&Kind) -> Result<Value, String>,
) {
    let Some(f) = field(message, name) else {
        return;
    };
    match make(&f.kind()) {
        Ok(v) if v.is_valid_for_field(&f) => message.set_field(&f, v),
        Ok(_) => r.error(node, format!("internal: wrong value type for `{name}`")),
        Err(e) => {
            let full = message.descriptor().full_name().to_string();
            r.error(node, format!("{e} ({full}.{name})"));
        }
    }
}

fn set_unit(r: &mut Reader, node: &Node, message: &mut DynamicMessage, name: &str, unit: Unit) {
    set(r, node, message, name, |_| {
        time_unit_number(unit)
            .map(Value::EnumNumber)
            .ok_or_else(|| "TimeUnit is missing from the descriptors".to_string())
    });
}

fn enum_value(kind: &Kind, proto: &str) -> Result<Value, String> {
    kind.as_enum()
        .and_then(|e| e.get_value_by_name(proto))
        .map(|v| Value::EnumNumber(v.number()))
        .ok_or_else(|| format!("the proto enum has no value {proto}"))
}

fn read_duration(r: &mut Reader, node: &Node, crd: &str) -> Option<duration::Duration> {
    let text = match &node.value {
        yaml::Value::String(s) => s.clone(),
        _ => {
            let shown = scalar_text(node);
            r.error(
                node,
                format!("{crd} must be a duration string like '500ms' or '30s', not {shown}"),
            );
            return None;
        }
    };
    match duration::parse(&text) {
        Ok(d) => Some(d),
        Err(e) => {
            r.error(node, format!("{e}"));
            None
        }
    }
}

/// The text of a ratio; a bare number gets a pointed message.
fn ratio_text(r: &mut Reader, node: &Node, crd: &str) -> Option<String> {
    match &node.value {
        yaml::Value::String(s) => Some(s.to_string()),
        yaml::Value::Int(_) | yaml::Value::Float(_) => {
            let shown = scalar_text(node);
            r.error(
                node,
                format!("{crd} must be a percentage string like '60%', not the number {shown}"),
            );
            None
        }
        _ => {
            let shown = scalar_text(node);
            r.error(
                node,
                format!("{crd} must be a percentage string like '60%', not {shown}"),
            );
            None
        }
    }
}

// ---------------------------------------------------------------- proto -> CRD

/// Rebuilds the CRD document of an object as a JSON value.
pub fn object_to_crd(object: &ObjectMessage) -> (Option<Json>, Vec<Diagnostic>) {
    let info = object.kind;
    let mut w = Writer::default();
    let Some(mapping) = mapping_for(info) else {
        w.error(
            codes::UNREPRESENTABLE,
            "",
            format!("{} has no protobuf message", info.kind),
        );
        return (None, w.diagnostics);
    };
    if super::envoy::is_route_configuration(&object.message) {
        return route_configuration_to_crd(object);
    }
    let unknown = unknown_field_paths(&object.message, "");
    if !unknown.is_empty() {
        w.error(
            codes::BAD_MESSAGE,
            "",
            format!(
                "the message has field numbers that {} does not define ({}): wrong --kind, or bytes from a different proto",
                object.message.descriptor().full_name(),
                unknown.join(", ")
            ),
        );
        return (None, w.diagnostics);
    }
    let spec = match &mapping.spec {
        Spec::Fields(rules) => {
            w.path.push("spec".to_string());
            let spec = write_rules(&mut w, &object.message, rules);
            w.path.pop();
            Json::Object(spec)
        }
        Spec::ProtoJson { .. } => protojson::message_to_json(&object.message, Style::Yaml).0,
    };
    if super::has_errors(&w.diagnostics) {
        return (None, w.diagnostics);
    }
    (
        Some(crd_document(
            info,
            object,
            object.namespace.as_deref(),
            spec,
        )),
        w.diagnostics,
    )
}

/// A TrafficRouter read back from the envoy RouteConfiguration SDKs
/// receive; the namespace comes from the domains when the object has none.
fn route_configuration_to_crd(object: &ObjectMessage) -> (Option<Json>, Vec<Diagnostic>) {
    let recovered = match super::envoy::from_route_configuration(
        &object.message,
        object.namespace.as_deref(),
    ) {
        Ok(r) => r,
        Err(e) => return (None, vec![Diagnostic::new(codes::BAD_MESSAGE, e)]),
    };
    let diagnostics = recovered
        .findings
        .into_iter()
        .map(|f| Diagnostic::new(f.code, f.message).with_path(f.path))
        .collect();
    let namespace = object
        .namespace
        .as_deref()
        .or(recovered.namespace.as_deref());
    let spec = protojson::message_to_json(&recovered.spec, Style::Yaml).0;
    (
        Some(crd_document(object.kind, object, namespace, spec)),
        diagnostics,
    )
}

fn crd_document(
    info: &KindInfo,
    object: &ObjectMessage,
    namespace: Option<&str>,
    spec: Json,
) -> Json {
    let mut metadata = JsonMap::new();
    metadata.insert("name".into(), Json::String(object.name.clone()));
    if let Some(ns) = namespace {
        metadata.insert("namespace".into(), Json::String(ns.to_string()));
    }
    if let Some(app) = &object.app {
        let mut labels = JsonMap::new();
        labels.insert("app".into(), Json::String(app.clone()));
        metadata.insert("labels".into(), Json::Object(labels));
    }
    let mut doc = JsonMap::new();
    doc.insert("apiVersion".into(), Json::String(info.api_version()));
    doc.insert("kind".into(), Json::String(info.kind.to_string()));
    doc.insert("metadata".into(), Json::Object(metadata));
    doc.insert("spec".into(), spec);
    Json::Object(doc)
}

/// Paths of unknown fields anywhere in a message (`#7`, `slow_condition.#3`).
pub fn unknown_field_paths(message: &DynamicMessage, path: &str) -> Vec<String> {
    let join = |name: &str| {
        if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        }
    };
    let mut out: Vec<String> = message
        .unknown_fields()
        .map(|u| join(&format!("#{}", u.number())))
        .collect();
    for (f, v) in message.fields() {
        let here = join(f.name());
        match v {
            Value::Message(m) => out.extend(unknown_field_paths(m, &here)),
            Value::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::Message(m) = item {
                        out.extend(unknown_field_paths(m, &format!("{here}[{i}]")));
                    }
                }
            }
            Value::Map(map) => {
                for value in map.values() {
                    if let Value::Message(m) = value {
                        out.extend(unknown_field_paths(m, &here));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[derive(Default)]
struct Writer {
    diagnostics: Vec<Diagnostic>,
    path: FieldPath,
}

impl Writer {
    fn path_with(&self, key: &str) -> FieldPath {
        if key.is_empty() {
            self.path.clone()
        } else {
            self.path.child(key)
        }
    }

    fn error(&mut self, code: crate::codes::Code, key: &str, message: String) {
        let path = self.path_with(key);
        let mut d = Diagnostic::new(code, message);
        if !path.is_empty() {
            d = d.with_path(path);
        }
        self.diagnostics.push(d);
    }
}

fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::I32(i) => Some(i64::from(*i)),
        Value::I64(i) => Some(*i),
        Value::U32(u) => Some(i64::from(*u)),
        Value::U64(u) => i64::try_from(*u).ok(),
        Value::EnumNumber(n) => Some(i64::from(*n)),
        _ => None,
    }
}

fn write_rules(
    w: &mut Writer,
    message: &DynamicMessage,
    rules: &[FieldRule],
) -> JsonMap<String, Json> {
    let mut out = JsonMap::new();
    for rule in rules {
        match write_rule(w, rule, message) {
            Some(v) => {
                out.insert(rule.crd.to_string(), v);
            }
            None if rule.required => {
                let path = w.path_with(rule.crd);
                let message = match rule.map {
                    Map::Dropped(why) => format!(
                        "{path} cannot be filled in: {why}; the CRD requires it, so add it by hand"
                    ),
                    _ => format!(
                        "{path} is left out: its proto field is unset, but the CRD requires it"
                    ),
                };
                w.diagnostics
                    .push(Diagnostic::new(codes::MISSING_FIELD, message).with_path(path));
            }
            None => {}
        }
    }
    out
}

/// A field's value when set (proto3: not the default).
fn get(message: &DynamicMessage, name: &str) -> Option<Value> {
    let f = field(message, name)?;
    message
        .has_field(&f)
        .then(|| message.get_field(&f).into_owned())
}

fn write_rule(w: &mut Writer, rule: &FieldRule, message: &DynamicMessage) -> Option<Json> {
    let crd = rule.crd;
    let full = message.descriptor().full_name().to_string();
    match rule.map {
        Map::Str(f) => get(message, f).and_then(|v| v.as_str().map(|s| Json::String(s.into()))),
        Map::Int(f) => match get(message, f).as_ref().and_then(int_of) {
            Some(n) => Some(Json::from(n)),
            None => rule.required.then(|| Json::from(0)),
        },
        Map::Enum(f, values) => {
            let number = get(message, f).as_ref().and_then(int_of)?;
            let enum_desc = field(message, f)?.kind().as_enum()?.clone();
            let proto_name = i32::try_from(number)
                .ok()
                .and_then(|n| enum_desc.get_value(n))
                .map(|v| v.name().to_string());
            let crd_value = proto_name
                .as_deref()
                .and_then(|p| values.iter().find(|(_, pv)| *pv == p));
            match crd_value {
                Some((c, _)) => Some(Json::String((*c).to_string())),
                None => {
                    let shown = proto_name.unwrap_or_else(|| number.to_string());
                    let allowed: Vec<&str> = values.iter().map(|(_, p)| *p).collect();
                    w.error(
                        codes::UNREPRESENTABLE,
                        crd,
                        format!(
                            "{full}.{f} = {shown} has no counterpart in the CRD (it maps {})",
                            allowed.join(", ")
                        ),
                    );
                    None
                }
            }
        }
        Map::Millis(f) => {
            let millis = get(message, f).as_ref().and_then(int_of);
            match millis {
                Some(m) if m < 0 => {
                    w.error(
                        codes::UNREPRESENTABLE,
                        crd,
                        format!("{full}.{f} = {m}: a negative duration has no CRD form"),
                    );
                    None
                }
                Some(m) => Some(Json::String(duration::format_millis(m))),
                None => rule.required.then(|| Json::String("0ms".into())),
            }
        }
        Map::WithUnit(vf, uf) | Map::Seconds(vf, uf) => {
            let value = get(message, vf).as_ref().and_then(int_of).unwrap_or(0);
            let unit_number = get(message, uf).as_ref().and_then(int_of).unwrap_or(0);
            if value == 0 && unit_number == 0 {
                return None;
            }
            let unit = i32::try_from(unit_number)
                .ok()
                .filter(|n| *n != 0)
                .and_then(unit_of_time_unit);
            let Some(unit) = unit else {
                w.error(
                    codes::UNREPRESENTABLE,
                    crd,
                    format!(
                        "{full}.{vf} = {value} but {uf} is {}: the time unit is unknown, so the duration cannot be told (the reference control plane leaves it unset)",
                        if unit_number == 0 { "UNKNOWN".to_string() } else { unit_number.to_string() }
                    ),
                );
                return None;
            };
            if value < 0 {
                w.error(
                    codes::UNREPRESENTABLE,
                    crd,
                    format!("{full}.{vf} = {value}: a negative duration has no CRD form"),
                );
                return None;
            }
            if matches!(rule.map, Map::WithUnit(..)) {
                return Some(Json::String(format!("{value}{}", unit.suffix())));
            }
            let seconds = value
                .checked_mul(unit.millis())
                .filter(|ms| ms % 1000 == 0)
                .map(|ms| ms / 1000)
                .filter(|s| i32::try_from(*s).is_ok());
            match seconds {
                Some(s) => Some(Json::from(s)),
                None => {
                    w.error(
                        codes::UNREPRESENTABLE,
                        crd,
                        format!(
                            "{full}.{vf} = {value} {} is not a whole number of seconds (int32), which is all {crd} holds",
                            time_unit_name(unit)
                        ),
                    );
                    None
                }
            }
        }
        Map::Ratio(f) => {
            let Some(ratio) = get(message, f).and_then(|v| v.as_f64()) else {
                return rule.required.then(|| Json::String("0%".into()));
            };
            let percent = (ratio * 100.0).round();
            if ratio.is_finite() && percent >= 0.0 && percent / 100.0 == ratio && percent < 1e9 {
                Some(Json::String(format!("{}%", percent as u64)))
            } else {
                w.error(
                    codes::UNREPRESENTABLE,
                    crd,
                    format!(
                        "{full}.{f} = {ratio} is not a whole percentage, which is all {crd} holds"
                    ),
                );
                None
            }
        }
        Map::Object(f, rules) => {
            let sub = get(message, f)?;
            let sub = sub.as_message()?;
            w.path.push(crd.to_string());
            let object = write_rules(w, sub, rules);
            w.path.pop();
            Some(Json::Object(object))
        }
        Map::List(f, rules) => {
            let items = get(message, f)
                .and_then(|v| v.as_list().map(<[Value]>::to_vec))
                .unwrap_or_default();
            if items.is_empty() {
                return rule.required.then(|| Json::Array(Vec::new()));
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let Some(sub) = item.as_message() else {
                    continue;
                };
                w.path.push(format!("{crd}[{i}]"));
                out.push(Json::Object(write_rules(w, sub, rules)));
                w.path.pop();
            }
            Some(Json::Array(out))
        }
        Map::Ref(f, kind) => {
            let sub = get(message, f)?;
            let sub = sub.as_message()?;
            let name = sub
                .get_field_by_name("name")
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let ref_kind = sub
                .get_field_by_name("kind")
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            if !ref_kind.is_empty() && ref_kind != kind {
                w.error(
                    codes::UNREPRESENTABLE,
                    crd,
                    format!(
                        "{full}.{f} refers to a {ref_kind}; the CRD's {crd} can only name a {kind}"
                    ),
                );
                return None;
            }
            Some(Json::String(name))
        }
        Map::Dropped(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::KINDS;

    #[test]
    fn every_proto_kind_has_exactly_one_mapping_and_back() {
        for info in KINDS {
            let count = MAPPINGS.iter().filter(|m| m.kind == info.kind).count();
            assert_eq!(
                count,
                usize::from(info.proto_message.is_some()),
                "{}",
                info.kind
            );
        }
        assert_eq!(
            MAPPINGS.len(),
            KINDS.iter().filter(|k| k.proto_message.is_some()).count()
        );
    }

    fn check_rules(desc: &MessageDescriptor, rules: &[FieldRule], covered: &mut Vec<String>) {
        let expect = |name: &str, covered: &mut Vec<String>| {
            let f = desc
                .get_field_by_name(name)
                .unwrap_or_else(|| panic!("{} has no field {name}", desc.full_name()));
            covered.push(f.full_name().to_string());
            f
        };
        for rule in rules {
            match rule.map {
                Map::Str(f) => assert!(matches!(expect(f, covered).kind(), Kind::String)),
                Map::Int(f) | Map::Millis(f) => assert!(matches!(
                    expect(f, covered).kind(),
                    Kind::Int32 | Kind::Int64
                )),
                Map::Enum(f, values) => {
                    let e = expect(f, covered).kind().as_enum().unwrap().clone();
                    for (_, p) in values {
                        assert!(e.get_value_by_name(p).is_some(), "{p}");
                    }
                }
                Map::WithUnit(v, u) | Map::Seconds(v, u) => {
                    assert!(matches!(
                        expect(v, covered).kind(),
                        Kind::Int32 | Kind::Int64
                    ));
                    let unit = expect(u, covered).kind();
                    assert_eq!(unit.as_enum().unwrap().full_name(), TIME_UNIT);
                }
                Map::Ratio(f) => assert!(matches!(expect(f, covered).kind(), Kind::Double)),
                Map::Object(f, sub) | Map::List(f, sub) => {
                    let fd = expect(f, covered);
                    assert_eq!(fd.is_list(), matches!(rule.map, Map::List(..)));
                    check_rules(fd.kind().as_message().unwrap(), sub, covered);
                }
                Map::Ref(f, _) => {
                    let m = expect(f, covered).kind().as_message().unwrap().clone();
                    for name in ["name", "kind"] {
                        expect_field(&m, name, covered);
                    }
                }
                Map::Dropped(_) => {}
            }
        }
    }

    fn expect_field(desc: &MessageDescriptor, name: &str, covered: &mut Vec<String>) {
        covered.push(
            desc.get_field_by_name(name)
                .unwrap()
                .full_name()
                .to_string(),
        );
    }

    /// Every rule names a real field of the right type, and every field of
    /// the field-by-field messages is written by some rule (or is the name).
    #[test]
    fn rules_match_the_descriptors_and_cover_every_field() {
        for mapping in MAPPINGS {
            let info = crate::kinds::by_kind_name(mapping.kind).unwrap();
            let desc = descriptors::kind_message(info).unwrap();
            let Spec::Fields(rules) = &mapping.spec else {
                continue;
            };
            let mut covered = Vec::new();
            if let Some(f) = name_field(&desc) {
                covered.push(f.full_name().to_string());
            }
            check_rules(&desc, rules, &mut covered);
            let mut all = Vec::new();
            collect_fields(&desc, &mut all);
            for f in all {
                assert!(covered.contains(&f), "{f} is never mapped");
            }
        }
    }

    fn collect_fields(desc: &MessageDescriptor, out: &mut Vec<String>) {
        for f in desc.fields() {
            out.push(f.full_name().to_string());
            if let Kind::Message(m) = f.kind()
                && !m.full_name().starts_with("google.")
            {
                collect_fields(&m, out);
            }
        }
    }

    /// For the kinds whose spec is the message's JSON form, the CRD
    /// schema's field names must be the proto JSON (or proto) names, and
    /// every proto field must be in the schema: walk both together.
    #[test]
    fn proto_json_kinds_have_the_crd_field_names() {
        fn walk(schema: &Json, desc: &MessageDescriptor, path: &str, problems: &mut Vec<String>) {
            let props = schema.get("properties").and_then(Json::as_object);
            let Some(props) = props else {
                problems.push(format!(
                    "{path}: the schema has no properties for {}",
                    desc.full_name()
                ));
                return;
            };
            for (name, sub) in props {
                let Some(field) = desc
                    .get_field_by_json_name(name)
                    .or_else(|| desc.get_field_by_name(name))
                else {
                    problems.push(format!("{path}.{name}: no field in {}", desc.full_name()));
                    continue;
                };
                let Kind::Message(m) = field.kind() else {
                    continue;
                };
                if m.full_name().starts_with("google.protobuf.") {
                    continue;
                }
                let here = format!("{path}.{name}");
                if field.is_map() {
                    if let Kind::Message(v) = m.map_entry_value_field().kind() {
                        walk(&sub["additionalProperties"], &v, &here, problems);
                    }
                } else if field.is_list() {
                    walk(&sub["items"], &m, &here, problems);
                } else {
                    walk(sub, &m, &here, problems);
                }
            }
            for field in desc.fields() {
                if !props.contains_key(field.json_name()) && !props.contains_key(field.name()) {
                    problems.push(format!(
                        "{path}: proto field {} is not in the schema",
                        field.full_name()
                    ));
                }
            }
        }
        for mapping in MAPPINGS {
            let Spec::ProtoJson { dropped } = &mapping.spec else {
                continue;
            };
            let info = crate::kinds::by_kind_name(mapping.kind).unwrap();
            let schema: Json = serde_json::from_str(info.schema).unwrap();
            let desc = descriptors::kind_message(info).unwrap();
            let mut problems = Vec::new();
            walk(&schema["properties"]["spec"], &desc, "spec", &mut problems);
            // The draft policy protos declare ErrorCondition without fields
            // (its upstream shape is unpublished); the mapping drops it.
            problems.retain(|p| {
                !dropped
                    .iter()
                    .any(|(d, _)| p.starts_with(&format!("spec.{d}")))
            });
            assert!(problems.is_empty(), "{}: {problems:#?}", mapping.kind);
        }
    }

    #[test]
    fn percents_are_whole() {
        assert_eq!(parse_percent("60%"), Ok(60));
        assert_eq!(parse_percent("0%"), Ok(0));
        assert!(parse_percent("60.5%").unwrap_err().contains("fractional"));
        assert!(parse_percent("0.6").is_err());
        assert!(parse_percent("%").is_err());
    }

    #[test]
    fn time_units_round_trip() {
        for unit in Unit::ALL {
            assert_eq!(
                unit_of_time_unit(time_unit_number(unit).unwrap()),
                Some(unit)
            );
        }
        assert_eq!(unit_of_time_unit(0), None);
    }
}
