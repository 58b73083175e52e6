//! What values mean: the field types the kind's schema declares (so that
//! `"10"` equals `10` where it says integer, and `1m` equals `60s` where it
//! says duration), and whether a changed limit tightens or loosens
//! protection.

use std::sync::OnceLock;

use serde_json::Value as Json;

pub use crate::changeset::{Direction, Effect};
use crate::duration;
use crate::kinds::{self, KINDS, KindInfo};
use crate::path::{FieldPath, Segment};
use crate::yaml::{Node, Value};

/// The embedded schema of a kind, parsed once per run.
pub fn schema_of(info: &'static KindInfo) -> Option<&'static Json> {
    static PARSED: OnceLock<Vec<Option<Json>>> = OnceLock::new();
    let all = PARSED.get_or_init(|| {
        KINDS
            .iter()
            .map(|k| serde_json::from_str(k.schema).ok())
            .collect()
    });
    let index = KINDS.iter().position(|k| std::ptr::eq(k, info))?;
    all[index].as_ref()
}

/// The schema of a document's kind, when the registry knows it.
pub fn schema_for(api_version: &str, kind: &str) -> Option<&'static Json> {
    match kinds::lookup(api_version, kind) {
        kinds::Lookup::Known(info) => schema_of(info),
        _ => None,
    }
}

/// One step down a schema: a property, an `additionalProperties` map
/// value, or a list's items.
pub fn schema_child<'s>(schema: Option<&'s Json>, segment: &Segment) -> Option<&'s Json> {
    let schema = schema?;
    match segment {
        Segment::Key(key) => schema
            .get("properties")
            .and_then(|p| p.get(key))
            .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object())),
        Segment::Index(_) => schema.get("items"),
    }
}

/// What a scalar field holds, for comparing by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Integer,
    Number,
    /// An OpenSergo duration string (`500ms`, `30s`, `1m`).
    Duration,
    Other,
}

/// Duration fields the CRDs leave out but the spec documents (the spec's
/// `statDuration: "1s"` on a RateLimitStrategy): known by name when the
/// schema has no node for them.
const DURATION_NAMES: &[&str] = &[
    "statDuration",
    "recoveryTimeout",
    "maxAllowedRt",
    "minIntervalOfRequests",
    "queueTimeout",
];

pub fn field_type(schema: Option<&Json>, field: Option<&str>) -> FieldType {
    let Some(schema) = schema else {
        return if field.is_some_and(|f| DURATION_NAMES.contains(&f)) {
            FieldType::Duration
        } else {
            FieldType::Other
        };
    };
    match schema.get("type").and_then(Json::as_str) {
        Some("integer") => FieldType::Integer,
        Some("number") => FieldType::Number,
        Some("string")
            if schema
                .get("pattern")
                .and_then(Json::as_str)
                .is_some_and(|p| p.contains("(s|ms|m|min|minute|h|d)")) =>
        {
            FieldType::Duration
        }
        _ => FieldType::Other,
    }
}

/// A number written as a number or as a string of one.
pub fn number(node: &Node) -> Option<f64> {
    match &node.value {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn millis(node: &Node) -> Option<i64> {
    node.as_str()
        .and_then(|s| duration::parse(s).ok())
        .map(|d| d.millis)
}

/// Whether two scalars mean the same for a field of this type.
pub fn same_scalar(a: &Node, b: &Node, field: FieldType) -> bool {
    if a.value == b.value {
        return true;
    }
    match field {
        FieldType::Integer | FieldType::Number => number(a).is_some_and(|x| number(b) == Some(x)),
        FieldType::Duration => millis(a).is_some_and(|x| millis(b) == Some(x)),
        // 10 and 10.0 are one number whatever the field.
        FieldType::Other => match (&a.value, &b.value) {
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                number(a) == number(b)
            }
            _ => false,
        },
    }
}

/// The canonical text of a scalar for pairing list items by value.
pub fn scalar_key(node: &Node, field: FieldType) -> String {
    match field {
        FieldType::Integer | FieldType::Number => {
            if let Some(n) = number(node) {
                return format!("n:{n}");
            }
        }
        FieldType::Duration => {
            if let Some(ms) = millis(node) {
                return format!("d:{ms}");
            }
        }
        FieldType::Other => {}
    }
    match &node.value {
        Value::Int(i) => format!("n:{}", *i as f64),
        Value::Float(f) => format!("n:{f}"),
        Value::String(s) => format!("s:{s}"),
        Value::Bool(b) => format!("b:{b}"),
        Value::Null => "null".to_string(),
        Value::Seq(_) | Value::Map(_) => String::new(),
    }
}

fn effect(direction: Direction, note: impl Into<String>) -> Option<Effect> {
    Some(Effect {
        direction,
        note: note.into(),
    })
}

/// Tightens when the new number is lower (or, with `higher_tightens`,
/// higher); `None` when the numbers are equal or unreadable.
fn by_number(old: &Node, new: &Node, higher_tightens: bool, note: &str) -> Option<Effect> {
    let (a, b) = (number(old)?, number(new)?);
    let direction = match (b < a, b > a) {
        (true, _) => Direction::Tightens,
        (_, true) => Direction::Loosens,
        _ => return None,
    };
    let direction = match (higher_tightens, direction) {
        (true, Direction::Tightens) => Direction::Loosens,
        (true, Direction::Loosens) => Direction::Tightens,
        (_, d) => d,
    };
    effect(direction, note)
}

fn by_duration(old: &Node, new: &Node, longer_tightens: bool, note: &str) -> Option<Effect> {
    let (a, b) = (millis(old)?, millis(new)?);
    let tightens = if longer_tightens { b > a } else { b < a };
    match a.cmp(&b) {
        std::cmp::Ordering::Equal => None,
        _ if tightens => effect(Direction::Tightens, note),
        _ => effect(Direction::Loosens, note),
    }
}

/// Requests per second of a RateLimitStrategy spec (threshold over
/// statDurationSeconds, 1 when absent).
pub fn rate(spec: Option<&Node>) -> Option<f64> {
    let spec = spec?;
    let threshold = number(spec.get("threshold")?)?;
    let seconds = spec
        .get("statDurationSeconds")
        .and_then(number)
        .unwrap_or(1.0);
    (seconds > 0.0).then(|| threshold / seconds)
}

/// `100/s`, `0.2/s`.
pub fn format_rate(rate: f64) -> String {
    let text = format!("{rate:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}/s")
}

/// The effect of a changed, added or removed field of a `kind` object.
/// `old_spec`/`new_spec` are the objects' `spec`s (a rate needs both the
/// threshold and the window).
pub fn change_effect(
    kind: &str,
    path: &FieldPath,
    old: Option<&Node>,
    new: Option<&Node>,
    old_spec: Option<&Node>,
    new_spec: Option<&Node>,
) -> Option<Effect> {
    let keys: Vec<&str> = path.segments().iter().filter_map(Segment::as_key).collect();
    let is_item = matches!(path.last(), Some(Segment::Index(_)));
    match (kind, keys.as_slice(), old, new) {
        ("FaultToleranceRule", ["spec", "strategies"], None, Some(_)) if is_item => effect(
            Direction::Tightens,
            "adds a strategy to every target of the rule",
        ),
        ("FaultToleranceRule", ["spec", "strategies"], Some(_), None) if is_item => effect(
            Direction::Loosens,
            "removes a strategy from every target of the rule",
        ),
        ("FaultToleranceRule", ["spec", "targets"], None, Some(_)) if is_item => effect(
            Direction::Tightens,
            "the rule's strategies now protect one more resource",
        ),
        ("FaultToleranceRule", ["spec", "targets"], Some(_), None) if is_item => effect(
            Direction::Loosens,
            "the rule's strategies no longer protect this resource",
        ),
        ("TrafficRouter", ["spec", "http", .., "weight"], Some(_), Some(_)) => {
            effect(Direction::Behaviour, "shifts traffic between destinations")
        }
        (_, [.., "limitMode"], Some(a), Some(b)) => effect(
            Direction::Behaviour,
            format!(
                "changes what the limit counts: {} -> {}",
                limit_scope(a),
                limit_scope(b)
            ),
        ),
        (_, _, Some(a), Some(b)) => limit_effect(kind, &keys, a, b, old_spec, new_spec),
        _ => None,
    }
}

fn limit_scope(node: &Node) -> &'static str {
    match node.as_str() {
        Some("Local") => "per instance",
        Some("Global") => "cluster total",
        Some("GlobalToLocal") => "cluster total split over instances",
        _ => "unknown scope",
    }
}

fn limit_effect(
    kind: &str,
    keys: &[&str],
    old: &Node,
    new: &Node,
    old_spec: Option<&Node>,
    new_spec: Option<&Node>,
) -> Option<Effect> {
    match (kind, keys) {
        ("RateLimitStrategy", ["spec", "threshold" | "statDurationSeconds"]) => {
            let (a, b) = (rate(old_spec)?, rate(new_spec)?);
            let note = format!("rate {} -> {}", format_rate(a), format_rate(b));
            let note = if keys[1] == "statDurationSeconds" {
                format!("the window rescales the rate: {note}")
            } else {
                note
            };
            match a.partial_cmp(&b)? {
                std::cmp::Ordering::Greater => effect(Direction::Tightens, note),
                std::cmp::Ordering::Less => effect(Direction::Loosens, note),
                std::cmp::Ordering::Equal => effect(Direction::Behaviour, note),
            }
        }
        ("ConcurrencyLimitStrategy", ["spec", "maxConcurrency"]) => {
            by_number(old, new, false, "fewer requests may run at once")
                .map(|e| reword(e, "more requests may run at once"))
        }
        ("ThrottlingStrategy", ["spec", "minIntervalOfRequests"]) => {
            by_duration(old, new, true, "requests are spaced further apart")
                .map(|e| reword(e, "requests may come closer together"))
        }
        ("ThrottlingStrategy", ["spec", "queueTimeout"]) => {
            by_duration(old, new, false, "queued requests are rejected sooner")
                .map(|e| reword(e, "requests may wait longer in the queue"))
        }
        ("CircuitBreakerStrategy", ["spec", "triggerRatio"]) => {
            let percent = |n: &Node| n.as_str()?.trim_end_matches('%').parse::<f64>().ok();
            let (a, b) = (percent(old)?, percent(new)?);
            match a.partial_cmp(&b)? {
                std::cmp::Ordering::Greater => effect(
                    Direction::Tightens,
                    "a lower ratio trips the breaker sooner",
                ),
                std::cmp::Ordering::Less => {
                    effect(Direction::Loosens, "a higher ratio trips the breaker later")
                }
                std::cmp::Ordering::Equal => None,
            }
        }
        ("CircuitBreakerStrategy", ["spec", "minRequestAmount"]) => {
            by_number(old, new, false, "the breaker can trip on less traffic")
                .map(|e| reword(e, "the breaker needs more traffic to trip"))
        }
        ("CircuitBreakerStrategy", ["spec", "recoveryTimeout"]) => {
            by_duration(old, new, true, "the breaker stays open longer")
                .map(|e| reword(e, "the breaker closes again sooner"))
        }
        ("CircuitBreakerStrategy", ["spec", "slowConditions", "maxAllowedRt"]) => {
            by_duration(old, new, false, "more requests count as slow")
                .map(|e| reword(e, "fewer requests count as slow"))
        }
        _ => None,
    }
}

/// Uses `loosening` as the note when the effect loosens (the note given
/// to `by_number`/`by_duration` describes tightening).
fn reword(e: Effect, loosening: &str) -> Effect {
    match e.direction {
        Direction::Loosens => Effect {
            direction: Direction::Loosens,
            note: loosening.to_string(),
        },
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::load_stream;

    fn node(text: &str) -> Node {
        load_stream(text).0.remove(0).root
    }

    #[test]
    fn schema_types_decide_equality() {
        let info = kinds::by_kind_name("CircuitBreakerStrategy").unwrap();
        let schema = schema_of(info);
        let spec = schema_child(schema, &Segment::Key("spec".into()));
        let at = |k: &str| schema_child(spec, &Segment::Key(k.into()));
        assert_eq!(field_type(at("statDuration"), None), FieldType::Duration);
        assert_eq!(field_type(at("minRequestAmount"), None), FieldType::Integer);
        assert_eq!(field_type(at("strategy"), None), FieldType::Other);
        assert!(same_scalar(
            &node("1m"),
            &node("60000ms"),
            FieldType::Duration
        ));
        assert!(!same_scalar(&node("1m"), &node("1ms"), FieldType::Duration));
        assert!(same_scalar(&node("'10'"), &node("10"), FieldType::Integer));
        assert!(!same_scalar(&node("'10'"), &node("10"), FieldType::Other));
        assert!(same_scalar(&node("10.0"), &node("10"), FieldType::Other));
        assert_eq!(field_type(None, Some("statDuration")), FieldType::Duration);
    }

    #[test]
    fn limits_are_labelled_by_direction() {
        let spec = |t: i64, s: i64| node(&format!("{{threshold: {t}, statDurationSeconds: {s}}}"));
        let path = FieldPath::keys(&["spec", "threshold"]);
        let (a, b) = (spec(100, 1), spec(10, 1));
        let e = change_effect(
            "RateLimitStrategy",
            &path,
            a.get("threshold"),
            b.get("threshold"),
            Some(&a),
            Some(&b),
        )
        .unwrap();
        assert_eq!(e.direction, Direction::Tightens);
        assert_eq!(e.note, "rate 100/s -> 10/s");
        let c = spec(100, 5);
        let path = FieldPath::keys(&["spec", "statDurationSeconds"]);
        let e = change_effect(
            "RateLimitStrategy",
            &path,
            a.get("statDurationSeconds"),
            c.get("statDurationSeconds"),
            Some(&a),
            Some(&c),
        )
        .unwrap();
        assert_eq!(e.direction, Direction::Tightens);
        assert_eq!(e.note, "the window rescales the rate: rate 100/s -> 20/s");
        let path = FieldPath::keys(&["spec", "triggerRatio"]);
        let e = change_effect(
            "CircuitBreakerStrategy",
            &path,
            Some(&node("'50%'")),
            Some(&node("'60%'")),
            None,
            None,
        )
        .unwrap();
        assert_eq!(e.direction, Direction::Loosens);
        let path = FieldPath::keys(&["spec", "maxConcurrency"]);
        let e = change_effect(
            "ConcurrencyLimitStrategy",
            &path,
            Some(&node("8")),
            Some(&node("16")),
            None,
            None,
        )
        .unwrap();
        assert_eq!(e.direction, Direction::Loosens);
        assert_eq!(e.note, "more requests may run at once");
    }
}
