//! `--as-control-plane` for the fault-tolerance kinds: the messages
//! opensergo-control-plane's `translateCrdToProto` builds
//! (pkg/controller/crd_watcher.go, pkg/util/format_util.go), bugs
//! included, derived from the correct message with one finding per field
//! where they differ. TrafficRouter's rendering is in [`super::envoy`].

use prost_reflect::{DynamicMessage, ReflectMessage, Value};

use super::codes;
use super::envoy::Finding;
use crate::document::Document;
use crate::path::FieldPath;

/// The control plane's `Str2MillSeconds`: the first unit found as a
/// substring wins, seconds count 10 ms, minutes 600, hours 36 000, and
/// anything else must be a bare number. `None` where it fails (the
/// control plane then sends -1).
pub fn str2_mill_seconds(text: &str) -> Option<i64> {
    let number = |cut: usize| text[..text.len() - cut].parse::<i64>().ok();
    let units: [(&str, usize, i64); 6] = [
        ("ms", 2, 1),
        ("s", 1, 10),
        ("minute", 6, 600),
        ("min", 3, 600),
        ("m", 1, 600),
        ("h", 1, 36_000),
    ];
    for (unit, cut, factor) in units {
        if text.contains(unit) && text.len() > unit.len() {
            // Go's slicing by byte count; a cut inside a character fails to parse there too.
            if !text.is_char_boundary(text.len() - cut) {
                return None;
            }
            return number(cut).map(|n| n.wrapping_mul(factor));
        }
    }
    text.parse().ok()
}

struct Patcher<'a> {
    doc: &'a Document,
    findings: Vec<Finding>,
}

impl Patcher<'_> {
    /// The CRD's text at `spec.<keys>`.
    fn crd_text(&self, keys: &[&str]) -> Option<String> {
        let mut node = self.doc.root.get("spec")?;
        for key in keys {
            node = node.get(key)?;
        }
        node.as_str().map(str::to_string)
    }

    /// Sets `field` of `message` to the control plane's value (`None`:
    /// unset) and says so where that differs from the correct value.
    fn replace(
        &mut self,
        message: &mut DynamicMessage,
        field: &str,
        control_plane: Option<Value>,
        crd: &[&str],
        why: &str,
    ) {
        let Some(f) = message.descriptor().get_field_by_name(field) else {
            return;
        };
        let correct = message
            .has_field(&f)
            .then(|| message.get_field(&f).into_owned());
        let control_plane = control_plane.filter(|v| *v != Value::default_value_for_field(&f));
        if correct == control_plane {
            return;
        }
        let shown = |v: &Option<Value>| match v
            .clone()
            .unwrap_or_else(|| Value::default_value_for_field(&f))
        {
            Value::EnumNumber(n) => f
                .kind()
                .as_enum()
                .and_then(|e| e.get_value(n))
                .map_or_else(|| n.to_string(), |v| v.name().to_string()),
            Value::Message(_) if v.is_none() => "no message".to_string(),
            Value::Message(_) => "a message".to_string(),
            Value::I32(n) => n.to_string(),
            Value::I64(n) => n.to_string(),
            other => format!("{other:?}"),
        };
        let mut path = FieldPath::keys(&["spec"]);
        for key in crd {
            path.push(*key);
        }
        self.findings.push(Finding {
            code: codes::CONTROL_PLANE_DIFFERENCE,
            message: format!(
                "{path}: the control plane sends {field} = {}, the correct mapping {}: {why}",
                shown(&control_plane),
                shown(&correct)
            ),
            path,
        });
        match control_plane {
            Some(v) => message.set_field(&f, v),
            None => message.clear_field(&f),
        }
    }

    /// A duration field the control plane fills with `Str2MillSeconds`.
    fn millis(&mut self, message: &mut DynamicMessage, field: &str, crd: &[&str], int32: bool) {
        let Some(text) = self.crd_text(crd) else {
            return;
        };
        let millis = str2_mill_seconds(&text).unwrap_or(-1);
        let value = if int32 {
            Value::I32(millis as i32)
        } else {
            Value::I64(millis)
        };
        let why = match str2_mill_seconds(&text) {
            None => format!("its Str2MillSeconds cannot parse `{text}` and sends -1"),
            Some(_) => format!("its Str2MillSeconds reads `{text}` as {millis} ms"),
        };
        self.replace(message, field, Some(value), crd, &why);
    }
}

/// Turns the correct message of a fault-tolerance object into the
/// control plane's. `None` for a kind the control plane never pushes.
pub fn render(doc: &Document, kind: &str, message: &mut DynamicMessage) -> Option<Vec<Finding>> {
    const UNKNOWN_UNIT: &str =
        "the control plane leaves the time unit UNKNOWN, and Sentinel's Java SDK throws on it";
    let mut p = Patcher {
        doc,
        findings: Vec::new(),
    };
    match kind {
        "FaultToleranceRule" => p.replace(
            message,
            "action",
            None,
            &["fallbackAction"],
            "the control plane never fills in the action",
        ),
        "RateLimitStrategy" => {
            let not_parsed = "the control plane parses the CRD's enum string as an integer, which fails, so it sends 0";
            p.replace(message, "metric_type", None, &["metricType"], not_parsed);
            p.replace(message, "limit_mode", None, &["limitMode"], not_parsed);
            p.replace(
                message,
                "stat_duration_time_unit",
                None,
                &["statDurationSeconds"],
                UNKNOWN_UNIT,
            );
        }
        "ThrottlingStrategy" => {
            p.millis(
                message,
                "min_interval_millis_of_requests",
                &["minIntervalOfRequests"],
                false,
            );
            p.millis(message, "queue_timeout_millis", &["queueTimeout"], false);
        }
        "ConcurrencyLimitStrategy" => {}
        "CircuitBreakerStrategy" => {
            p.millis(message, "stat_duration", &["statDuration"], false);
            p.replace(
                message,
                "stat_duration_time_unit",
                None,
                &["statDuration"],
                UNKNOWN_UNIT,
            );
            p.millis(message, "recovery_timeout", &["recoveryTimeout"], true);
            p.replace(
                message,
                "recovery_timeout_time_unit",
                None,
                &["recoveryTimeout"],
                UNKNOWN_UNIT,
            );
            if let Some(mut slow) = message
                .get_field_by_name("slow_condition")
                .and_then(|v| v.as_message().cloned())
            {
                p.millis(
                    &mut slow,
                    "max_allowed_rt_millis",
                    &["slowConditions", "maxAllowedRt"],
                    true,
                );
                message.set_field_by_name("slow_condition", Value::Message(slow));
            }
            p.replace(
                message,
                "error_condition",
                None,
                &["errorConditions"],
                "the control plane never fills in the error condition",
            );
        }
        _ => return None,
    }
    Some(p.findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str2_mill_seconds_keeps_the_control_planes_bugs() {
        assert_eq!(str2_mill_seconds("500ms"), Some(500));
        assert_eq!(str2_mill_seconds("30s"), Some(300));
        assert_eq!(str2_mill_seconds("2m"), Some(1200));
        assert_eq!(str2_mill_seconds("2min"), Some(1200));
        assert_eq!(str2_mill_seconds("1minute"), Some(600));
        assert_eq!(str2_mill_seconds("1h"), Some(36_000));
        assert_eq!(str2_mill_seconds("1d"), None);
        assert_eq!(str2_mill_seconds("250"), Some(250));
        assert_eq!(str2_mill_seconds("s"), None);
        assert_eq!(str2_mill_seconds("1é"), None);
    }
}
