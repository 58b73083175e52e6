//! Targeted help for the places where the OpenSergo spec documents and the
//! published CRDs disagree, so users learn what to write instead of only
//! reading "schema mismatch".

use crate::document::Document;
use crate::path::FieldPath;

/// What a schema error was about, enough to pick a hint.
pub enum Problem<'a> {
    UnknownField,
    Missing(&'a str),
    Invalid,
}

/// `field_path` is the offending field (for a missing field, its parent).
pub fn help_for(doc: &Document, field_path: &FieldPath, problem: &Problem) -> Option<String> {
    let kind = doc.meta.kind.as_str();
    let path = field_path.to_string();
    let path = path.as_str();
    let field = field_path.last_key().unwrap_or_default();
    // Looked up only by the hints that need it: a mapping with many
    // unknown keys must not be scanned once per key.
    let value = || {
        doc.node_at(field_path.segments())
            .and_then(|(_, node)| node.key_text().map(|t| t.into_owned()))
            .unwrap_or_default()
    };
    let help = match (kind, problem) {
        ("RateLimitStrategy", Problem::UnknownField) if path == "spec.statDuration" => {
            format!(
                "the CRD takes `statDurationSeconds: <whole seconds>` instead of the spec's `statDuration: \"1s\"`; Kubernetes drops `statDuration`{}",
                seconds_suggestion(&value())
            )
        }
        ("RateLimitStrategy", Problem::Missing("statDurationSeconds")) => {
            let old = doc
                .root
                .get_path(&["spec", "statDuration"])
                .and_then(|n| n.as_str())
                .map(seconds_suggestion)
                .unwrap_or_default();
            format!("add `statDurationSeconds` (an integer number of seconds, at least 1){old}")
        }
        ("RateLimitStrategy", Problem::Invalid) if field == "statDurationSeconds" => {
            format!(
                "statDurationSeconds is an integer number of seconds, not a duration string{}",
                seconds_suggestion(&value())
            )
        }
        ("RateLimitStrategy", Problem::Invalid) if field == "threshold" => {
            "threshold is the whole number of requests allowed per stat window (int64, at least 0); the spec text's `double` is not accepted by the CRD".into()
        }
        ("RateLimitStrategy", Problem::Invalid) if field == "limitMode" && value() == "GlobalToLocal" => {
            "`GlobalToLocal` appears in the spec text, but neither the CRD nor the proto has it: use `Global` (one cluster-wide total) or `Local` (per instance)".into()
        }
        ("FaultToleranceRule", Problem::Missing("kind")) => {
            "the CRD requires each strategy reference to name its kind: `kind: RateLimitStrategy` or `kind: ConcurrencyLimitStrategy` (the spec's examples omit it, and the API server rejects them)".into()
        }
        ("FaultToleranceRule", Problem::Invalid) if field == "kind" && path.contains("strategies") => {
            format!(
                "the CRD only accepts RateLimitStrategy and ConcurrencyLimitStrategy here{}",
                if matches!(value().as_str(), "ThrottlingStrategy" | "CircuitBreakerStrategy") {
                    "; the control plane and SDKs do support this kind, but the API server rejects the rule"
                } else {
                    ""
                }
            )
        }
        ("FaultToleranceRule", Problem::UnknownField) if path == "spec.selector" => {
            "the CRD has no `spec.selector` and Kubernetes prunes it; the control plane binds a rule to an app through `metadata.labels.app`".into()
        }
        ("FaultToleranceRule", Problem::UnknownField) if path == "spec.fallbackAction" => {
            "the CRD has no `spec.fallbackAction` and Kubernetes prunes it; OpenSergo v1alpha1 does not apply fallback actions yet".into()
        }
        ("FaultToleranceRule", Problem::UnknownField) if field == "targetRef" => {
            "the CRD's targets only take `targetResourceName`; `targetRef` (a DatabaseAccessTarget) is a draft idea that Kubernetes prunes".into()
        }
        ("CircuitBreakerStrategy", Problem::UnknownField) if field == "errorType" => {
            "the CRD's `errorConditions` takes `representation` (a string), not the spec's `errorType`; the proto's error condition is empty, so data planes ignore it either way".into()
        }
        ("CircuitBreakerStrategy", Problem::Missing("representation")) => {
            "the CRD requires `errorConditions.representation` (the spec calls it `errorType`)".into()
        }
        ("RateLimit" | "CircuitBreaker", Problem::Invalid)
            if matches!(field, "interval" | "breakingInterval" | "latency") =>
        {
            "a positive protobuf Duration with its unit: `1s`, `1.5s`, `500ms`, `5min`, `1h`; a bare number (`1` or `'1'`) has none".into()
        }
        ("CircuitBreaker", Problem::Invalid) if field == "abnormalPercent" => {
            "abnormalPercent is a whole percent from 0 to 100, without `%` (the proto field is a UInt32Value)".into()
        }
        (_, Problem::Invalid) if is_duration_field(field) => {
            "durations are a positive whole number and one unit: `ms`, `s`, `m`/`min`/`minute` (minutes, not milliseconds), `h` or `d`; no fractions (`1.5s`), no compounds (`1m30s`), no `us`".into()
        }
        (_, Problem::Invalid) if field == "triggerRatio" => {
            "ratios are a whole percent with a `%` sign, from `0%` to `100%`, e.g. `'60%'`".into()
        }
        _ => return None,
    };
    Some(help)
}

fn is_duration_field(field: &str) -> bool {
    matches!(
        field,
        "statDuration"
            | "recoveryTimeout"
            | "maxAllowedRt"
            | "minIntervalOfRequests"
            | "queueTimeout"
    )
}

/// ": e.g. `statDurationSeconds: 60`" when a duration string converts to
/// whole seconds.
fn seconds_suggestion(duration: &str) -> String {
    crate::duration::parse(duration)
        .ok()
        .filter(|d| d.millis % 1000 == 0 && d.millis > 0)
        .map(|d| format!("; here: `statDurationSeconds: {}`", d.millis / 1000))
        .unwrap_or_default()
}
