//! Round trips CRD -> binpb -> CRD: for every valid fixture, example and
//! upstream sample of a proto-backed kind, and for generated rules
//! (proptest); plus "no panic on any bytes" properties.
//!
//! "The same objects (normalised)" means: the same JSON after
//! * leaving out what convert reported as dropped (OS7002, by path),
//! * durations compared by length (`60s` = `1min`, `0.5s` = `500ms`),
//! * proto3 defaults (0, "", false, the zero enum value, empty lists)
//!   treated as absent in the specs that are the message's JSON form,
//! * metadata reduced to what the envelope carries: name, namespace
//!   (`default` when absent) and the `app` label.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use opensergo::codes::Severity;
use opensergo::convert::{
    self, ObjectMessage, codes, descriptors, envelope, mapping, protojson, wire,
};
use opensergo::diagnostic::Diagnostic;
use opensergo::document::{self, Document};
use opensergo::kinds::Lookup;
use opensergo::source::SourceFile;
use proptest::prelude::*;
use prost_reflect::{DynamicMessage, Kind, MessageDescriptor, ReflectMessage};
use serde_json::{Value as Json, json};

mod common;
use common::root;

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

fn parse(text: &str) -> Vec<Document> {
    let source = Arc::new(SourceFile::new("generated.yaml", text.to_string()));
    document::parse_source(&source).documents
}

/// Whether a document is of a kind with a protobuf message.
fn proto_backed(doc: &Document) -> bool {
    matches!(doc.lookup(), Lookup::Known(info) if info.proto_message.is_some())
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            format!(
                "{} {}: {}",
                d.code.id,
                d.path.clone().unwrap_or_default(),
                d.message
            )
        })
        .collect()
}

// ------------------------------------------------------------ normalisation

/// `spec.a[0].b` -> ["spec", "a", 0, "b"] and removes it from `value`.
fn remove_path(value: &mut Json, path: &str) {
    let mut segments: Vec<Result<String, usize>> = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        segments.push(Ok(key.to_string()));
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            segments.push(Err(index.trim_end_matches(']').parse().unwrap()));
        }
    }
    let Some((last, parents)) = segments.split_last() else {
        return;
    };
    let mut node = value;
    for segment in parents {
        node = match segment {
            Ok(key) => match node.get_mut(key) {
                Some(n) => n,
                None => return,
            },
            Err(i) => match node.get_mut(*i) {
                Some(n) => n,
                None => return,
            },
        };
    }
    if let (Ok(key), Some(map)) = (last, node.as_object_mut()) {
        map.remove(key);
    }
}

/// Durations by length; everything else as is.
fn normalize_durations(value: &mut Json) {
    match value {
        Json::String(s) => {
            if let Ok(d) = opensergo::duration::parse(s) {
                *s = format!("{}ns", i128::from(d.millis) * 1_000_000);
            } else if let Ok((secs, nanos)) = protojson::parse_duration(s) {
                *s = format!("{}ns", i128::from(secs) * 1_000_000_000 + i128::from(nanos));
            }
        }
        Json::Array(items) => items.iter_mut().for_each(normalize_durations),
        Json::Object(map) => map.values_mut().for_each(normalize_durations),
        _ => {}
    }
}

/// Drops proto3 default values from a JSON-mapped message and renames
/// proto field names to JSON names, guided by the descriptor.
fn normalize_defaults(value: &mut Json, desc: &MessageDescriptor) {
    let Some(map) = value.as_object_mut() else {
        return;
    };
    if desc.full_name().starts_with("google.protobuf.") {
        return;
    }
    let entries: Vec<(String, Json)> = std::mem::take(map).into_iter().collect();
    for (key, mut v) in entries {
        let Some(field) = desc
            .get_field_by_json_name(&key)
            .or_else(|| desc.get_field_by_name(&key))
        else {
            map.insert(key, v);
            continue;
        };
        let kind = field.kind();
        let is_default = match (&v, &kind) {
            (Json::Null, _) => true,
            (Json::Array(items), _) if field.is_list() => items.is_empty(),
            (Json::Object(entries), _) if field.is_map() => entries.is_empty(),
            (Json::Bool(b), _) => !b,
            (Json::Number(n), Kind::Message(_)) => {
                let _ = n;
                false
            }
            (Json::Number(n), _) => n.as_f64() == Some(0.0),
            (Json::String(s), Kind::String) => s.is_empty(),
            (Json::String(s), Kind::Enum(e)) => e.get_value(0).is_some_and(|z| z.name() == s),
            _ => false,
        };
        if is_default && !field.supports_presence() {
            continue;
        }
        if let Kind::Message(m) = &kind {
            if field.is_map() {
                let value_kind = m.map_entry_value_field().kind();
                if let (Some(entries), Kind::Message(vm)) = (v.as_object_mut(), value_kind) {
                    entries
                        .values_mut()
                        .for_each(|e| normalize_defaults(e, &vm));
                }
            } else if let Some(items) = v.as_array_mut() {
                items.iter_mut().for_each(|i| normalize_defaults(i, m));
            } else {
                normalize_defaults(&mut v, m);
            }
        }
        map.insert(field.json_name().to_string(), v);
    }
}

fn normalize(doc: &Json, dropped: &[String], spec_desc: Option<&MessageDescriptor>) -> Json {
    let mut doc = doc.clone();
    for path in dropped {
        remove_path(&mut doc, path);
    }
    let meta = &doc["metadata"];
    let mut metadata = json!({
        "name": meta["name"],
        "namespace": meta.get("namespace").cloned().unwrap_or(json!("default")),
    });
    if let Some(app) = meta.get("labels").and_then(|l| l.get("app")) {
        metadata["labels"] = json!({ "app": app });
    }
    let mut spec = doc.get("spec").cloned().unwrap_or(json!({}));
    normalize_durations(&mut spec);
    if let Some(desc) = spec_desc {
        normalize_defaults(&mut spec, desc);
    }
    json!({
        "apiVersion": doc["apiVersion"],
        "kind": doc["kind"],
        "metadata": metadata,
        "spec": spec,
    })
}

// ------------------------------------------------------------ the round trip

/// CRD -> message -> envelope bytes -> message -> CRD, compared normalised.
/// Returns the warnings of the forward direction.
fn round_trip(doc: &Document) -> Result<Vec<Diagnostic>, String> {
    let converted = convert::document_to_object(doc);
    let errs = errors(&converted.diagnostics);
    if !errs.is_empty() {
        return Err(format!("CRD -> proto errors: {errs:?}"));
    }
    let mut object = converted.object.ok_or("no object")?;
    let info = object.kind;
    let desc = descriptors::kind_message(info).unwrap();

    // The bare message, through its bytes.
    let bytes = wire::encode(&object.message);
    let decoded =
        DynamicMessage::decode(desc.clone(), bytes.as_slice()).map_err(|e| e.to_string())?;
    assert_eq!(
        wire::encode(&decoded),
        bytes,
        "re-encoding changed the bytes"
    );

    // Through the envelope, which carries namespace and app.
    if object.app.is_none() {
        object.app = Some("app".into());
    }
    let pushed = envelope::wrap(std::slice::from_ref(&object), 1)?;
    let pushed_bytes = wire::encode_delimited(&pushed);
    let frames = wire::split_delimited(&pushed_bytes)?;
    let response_desc = descriptors::pool()
        .get_message_by_name(envelope::SUBSCRIBE_RESPONSE)
        .unwrap();
    let response = DynamicMessage::decode(response_desc, frames[0]).map_err(|e| e.to_string())?;
    let mut back: Vec<ObjectMessage> = envelope::unwrap(&response, None, None)?;
    let mut back = back.remove(0);
    if back.name.is_empty() {
        back.name = object.name.clone(); // what --name does
    }
    let (crd, diagnostics) = convert::object_to_crd(&back);
    let errs = errors(&diagnostics);
    if !errs.is_empty() {
        return Err(format!("proto -> CRD errors: {errs:?}"));
    }
    let crd = crd.ok_or("no CRD")?;

    // proto -> CRD -> proto gives the same bytes.
    let text = opensergo::yaml_out::to_yaml(&crd);
    let again = parse(&text);
    let reconverted = convert::document_to_object(&again[0]);
    let again_object = reconverted.object.ok_or_else(|| {
        format!(
            "re-converting failed: {:?}\n{text}",
            errors(&reconverted.diagnostics)
        )
    })?;
    if wire::encode(&again_object.message) != bytes {
        return Err(format!("proto -> CRD -> proto changed the bytes:\n{text}"));
    }

    let dropped: Vec<String> = converted
        .diagnostics
        .iter()
        .filter(|d| d.code == codes::DROPPED_FIELD)
        .filter_map(|d| d.path.as_ref().map(ToString::to_string))
        .collect();
    let spec_desc = match mapping::mapping_for(info).map(|m| &m.spec) {
        Some(mapping::Spec::ProtoJson { .. }) => Some(desc.clone()),
        _ => None,
    };
    let mut original = doc.to_json();
    if original["metadata"]
        .get("labels")
        .and_then(|l| l.get("app"))
        .is_none()
    {
        original["metadata"]["labels"] = json!({"app": "app"});
    }
    let want = normalize(&original, &dropped, spec_desc.as_ref());
    let got = normalize(&crd, &[], spec_desc.as_ref());
    if want != got {
        return Err(format!(
            "round trip differs:\n want {}\n  got {}",
            serde_json::to_string(&want).unwrap(),
            serde_json::to_string(&got).unwrap()
        ));
    }
    Ok(converted.diagnostics)
}

/// Upstream documents that cannot round-trip, with the reason.
const KNOWN_UNREPRESENTABLE: &[(&str, &str)] = &[];

#[test]
fn every_fixture_example_and_upstream_sample_round_trips() {
    let mut files = Vec::new();
    for dir in [
        "testdata/validate/valid",
        "testdata/examples",
        "testdata/convert/golden",
        "testdata/upstream",
    ] {
        yaml_files(&root().join(dir), &mut files);
    }
    files.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for file in &files {
        let loaded = document::load_source(
            &opensergo::input::Input::File(file.clone()),
            document::DEFAULT_MAX_FILE_SIZE,
        );
        for doc in loaded.documents.iter().filter(|d| proto_backed(d)) {
            let id = format!(
                "{}#{} {}",
                file.strip_prefix(root()).unwrap().display(),
                doc.index,
                doc.meta.kind
            );
            if KNOWN_UNREPRESENTABLE.iter().any(|(f, _)| id.starts_with(f)) {
                continue;
            }
            checked += 1;
            if let Err(e) = round_trip(doc) {
                failures.push(format!("{id}: {e}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(checked >= 40, "only {checked} documents checked");
}

// ------------------------------------------------------------ generated rules

fn dns_name() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,12}[a-z0-9]"
}

/// Free text, including what YAML must quote.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 :/#{}*?&!'\"%@`|>=~.,-]{1,16}",
        "\\PC{1,12}",
        Just("yes".to_string()),
        Just("010".to_string()),
        Just("GET:/foo/{id}".to_string()),
        Just("限流 规则".to_string()),
    ]
    .prop_filter("non-empty", |s| !s.is_empty())
}

fn opensergo_duration(max: i64) -> impl Strategy<Value = String> {
    (
        1..=max,
        prop::sample::select(vec!["ms", "s", "m", "min", "minute", "h", "d"]),
    )
        .prop_map(|(v, u)| format!("{v}{u}"))
}

fn proto_duration() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..100_000i64).prop_map(|s| format!("{s}s")),
        (0..100i64, 1..1_000_000_000i32).prop_map(|(s, n)| format!("{s}.{n:09}s")),
        (1..1000i64).prop_map(|ms| format!("{ms}ms")),
    ]
}

fn metadata(kind: &str, api: &str) -> impl Strategy<Value = Json> + use<> {
    let (kind, api) = (kind.to_string(), api.to_string());
    (
        dns_name(),
        prop::option::of(dns_name()),
        prop::option::of(dns_name()),
    )
        .prop_map(move |(name, ns, app)| {
            let mut meta = json!({ "name": name });
            if let Some(ns) = ns {
                meta["namespace"] = json!(ns);
            }
            if let Some(app) = app {
                meta["labels"] = json!({ "app": app });
            }
            json!({ "apiVersion": api, "kind": kind, "metadata": meta })
        })
}

const FT: &str = "fault-tolerance.opensergo.io/v1alpha1";

fn with_spec(head: Json, spec: Json) -> Json {
    let mut doc = head;
    doc["spec"] = spec;
    doc
}

fn rate_limit_strategy() -> impl Strategy<Value = Json> {
    (
        metadata("RateLimitStrategy", FT),
        prop::sample::select(vec!["Local", "Global"]),
        0..i64::MAX,
        1..=i64::from(i32::MAX),
    )
        .prop_map(|(head, mode, threshold, secs)| {
            with_spec(
                head,
                json!({"metricType": "RequestAmount", "limitMode": mode, "threshold": threshold, "statDurationSeconds": secs}),
            )
        })
}

fn throttling_strategy() -> impl Strategy<Value = Json> {
    (
        metadata("ThrottlingStrategy", FT),
        prop_oneof![Just("0ms".to_string()), opensergo_duration(1_000_000)],
        opensergo_duration(1_000_000),
    )
        .prop_map(|(head, interval, timeout)| {
            with_spec(
                head,
                json!({"minIntervalOfRequests": interval, "queueTimeout": timeout}),
            )
        })
}

fn concurrency_limit_strategy() -> impl Strategy<Value = Json> {
    (
        metadata("ConcurrencyLimitStrategy", FT),
        0..i64::MAX,
        prop::sample::select(vec!["Local", "Global"]),
    )
        .prop_map(|(head, max, mode)| {
            with_spec(head, json!({"maxConcurrency": max, "limitMode": mode}))
        })
}

fn circuit_breaker_strategy() -> impl Strategy<Value = Json> {
    (
        metadata("CircuitBreakerStrategy", FT),
        prop::sample::select(vec!["SlowRequestRatio", "ErrorRequestRatio"]),
        0..=100u32,
        opensergo_duration(1_000_000),
        opensergo_duration(i64::from(i32::MAX)),
        1..=i64::from(i32::MAX),
        prop::option::of(1..=2_000_000i64),
        prop::option::of(text()),
    )
        .prop_map(
            |(head, strategy, ratio, stat, recovery, min, rt, representation)| {
                let mut spec = json!({
                    "strategy": strategy,
                    "triggerRatio": format!("{ratio}%"),
                    "statDuration": stat,
                    "recoveryTimeout": recovery,
                    "minRequestAmount": min,
                });
                if let Some(rt) = rt {
                    spec["slowConditions"] = json!({"maxAllowedRt": format!("{rt}ms")});
                }
                if let Some(r) = representation {
                    spec["errorConditions"] = json!({"representation": r});
                }
                with_spec(head, spec)
            },
        )
}

fn fault_tolerance_rule() -> impl Strategy<Value = Json> {
    let strategy_kind = prop::sample::select(vec![
        "RateLimitStrategy",
        "ConcurrencyLimitStrategy",
        "ThrottlingStrategy",
        "CircuitBreakerStrategy",
    ]);
    (
        metadata("FaultToleranceRule", FT),
        prop::collection::vec(text(), 1..4),
        prop::collection::vec((dns_name(), strategy_kind), 1..4),
        prop::option::of(dns_name()),
    )
        .prop_map(|(head, targets, strategies, fallback)| {
            let mut spec = json!({
                "targets": targets.iter().map(|t| json!({"targetResourceName": t})).collect::<Vec<_>>(),
                "strategies": strategies.iter().map(|(n, k)| json!({"name": n, "kind": k})).collect::<Vec<_>>(),
            });
            if let Some(f) = fallback {
                spec["fallbackAction"] = json!(f);
            }
            with_spec(head, spec)
        })
}

fn string_match() -> impl Strategy<Value = Json> {
    (
        prop::sample::select(vec!["exact", "prefix", "regex"]),
        text(),
    )
        .prop_map(|(k, v)| json!({ k: v }))
}

fn traffic_router() -> impl Strategy<Value = Json> {
    let destination = (
        dns_name(),
        prop::option::of(dns_name()),
        prop::option::of((dns_name(), prop::option::of(dns_name()))),
        prop::option::of(1..65536u32),
    )
        .prop_map(|(host, subset, fallback, port)| {
            let mut d = json!({ "host": host });
            if let Some(s) = subset {
                d["subset"] = json!(s);
            }
            if let Some((h, s)) = fallback {
                d["fallback"] = json!({ "host": h });
                if let Some(s) = s {
                    d["fallback"]["subset"] = json!(s);
                }
            }
            if let Some(p) = port {
                d["port"] = json!({ "number": p });
            }
            d
        });
    let matcher = (
        prop::collection::btree_map("[a-z][a-z0-9-]{0,10}", string_match(), 0..3),
        prop::option::of(string_match()),
        any::<bool>(),
    )
        .prop_map(|(headers, uri, ignore)| {
            let mut m = json!({});
            if !headers.is_empty() {
                m["headers"] = json!(headers);
            }
            if let Some(u) = uri {
                m["uri"] = u;
            }
            if ignore {
                m["ignoreUriCase"] = json!(true);
            }
            m
        });
    let route = (
        prop::option::of(dns_name()),
        prop::collection::vec(matcher, 0..3),
        prop::collection::vec((destination, prop::option::of(1..=100i32)), 1..3),
        prop::option::of(proto_duration()),
    )
        .prop_map(|(name, matches, dests, timeout)| {
            let mut r = json!({});
            if let Some(n) = name {
                r["name"] = json!(n);
            }
            if !matches.is_empty() {
                r["match"] = json!(matches);
            }
            r["route"] = json!(
                dests
                    .into_iter()
                    .map(|(d, w)| {
                        let mut rd = json!({ "destination": d });
                        if let Some(w) = w {
                            rd["weight"] = json!(w);
                        }
                        rd
                    })
                    .collect::<Vec<_>>()
            );
            if let Some(t) = timeout {
                r["timeout"] = json!(t);
            }
            r
        });
    (
        metadata("TrafficRouter", "traffic.opensergo.io/v1alpha1"),
        prop::collection::vec(dns_name(), 1..3),
        prop::collection::vec(route, 0..4),
    )
        .prop_map(|(head, hosts, http)| {
            let mut spec = json!({ "hosts": hosts });
            if !http.is_empty() {
                spec["http"] = json!(http);
            }
            with_spec(head, spec)
        })
}

fn fallback_action() -> impl Strategy<Value = Json> {
    prop_oneof![
        (
            100..600u32,
            prop::sample::select(vec!["TEXT", "JSON"]),
            text(),
            prop::collection::btree_map("[a-z][a-z0-9-]{0,10}", text(), 0..3),
        )
            .prop_map(|(code, enc, body, headers)| {
                json!({"http": {"customResponse": {"statusCode": code, "bodyEncoding": enc, "body": body, "responseHeadersToAdd": headers}}})
            }),
        text().prop_map(|url| json!({"http": {"redirect": {"redirectUrl": url}}})),
    ]
}

fn selector() -> impl Strategy<Value = Json> {
    (
        prop::collection::vec(dns_name(), 0..3),
        prop::collection::vec(
            prop::collection::btree_map("[a-z]{1,8}", dns_name(), 1..3),
            0..2,
        ),
    )
        .prop_map(|(routes, workloads)| {
            json!({
                "routes": routes.iter().map(|r| json!({"name": r})).collect::<Vec<_>>(),
                "workloads": workloads.iter().map(|l| json!({"labels": l})).collect::<Vec<_>>(),
            })
        })
}

const POLICY: &str = "policy.opensergo.io/v1alpha1";

fn policy() -> impl Strategy<Value = Json> {
    let scope = prop::sample::select(vec!["LOCAL", "GLOBAL", "GLOBAL_TO_LOCAL"]);
    let rate_limit = (
        metadata("RateLimit", POLICY),
        selector(),
        scope.clone(),
        0..u64::from(u32::MAX),
        prop::option::of(0..1000u64),
        proto_duration(),
        prop::option::of(fallback_action()),
    )
        .prop_map(|(head, selector, scope, limit, burst, interval, action)| {
            let mut config = json!({"scope": scope, "limit": limit, "interval": interval});
            if let Some(b) = burst {
                config["burst"] = json!(b);
            }
            let mut spec = json!({"selector": selector, "config": config});
            if let Some(a) = action {
                spec["action"] = a;
            }
            with_spec(head, spec)
        });
    let concurrency = (
        metadata("ConcurrencyLimit", POLICY),
        selector(),
        scope,
        0..100_000u64,
    )
        .prop_map(|(head, selector, scope, max)| {
            with_spec(
                head,
                json!({"selector": selector, "config": {"scope": scope, "maxConcurrency": max}}),
            )
        });
    let breaker = (
        metadata("CircuitBreaker", POLICY),
        prop_oneof![
            proto_duration().prop_map(|l| json!({"slowRequest": {"latency": l}})),
            Just(json!({"errorRequest": {}})),
        ],
        0..=100u32,
        proto_duration(),
        proto_duration(),
        0..1000u32,
        prop::option::of(0..10u32),
    )
        .prop_map(
            |(head, strategy, percent, interval, breaking, min, probes)| {
                let mut config = strategy;
                config["abnormalPercent"] = json!(percent);
                config["interval"] = json!(interval);
                config["breakingInterval"] = json!(breaking);
                config["minRequests"] = json!(min);
                if let Some(p) = probes {
                    config["recovery"] = json!({"probeCount": p});
                }
                with_spec(head, json!({"config": config}))
            },
        );
    prop_oneof![rate_limit, concurrency, breaker]
}

fn any_rule() -> impl Strategy<Value = Json> {
    prop_oneof![
        rate_limit_strategy(),
        throttling_strategy(),
        concurrency_limit_strategy(),
        circuit_breaker_strategy(),
        fault_tolerance_rule(),
        traffic_router(),
        policy(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn generated_rules_round_trip(rule in any_rule()) {
        let text = opensergo::yaml_out::to_yaml(&rule);
        let docs = parse(&text);
        prop_assert_eq!(docs.len(), 1);
        prop_assert_eq!(&docs[0].to_json(), &rule, "the YAML emitter changed the value:\n{}", text);
        if let Err(e) = round_trip(&docs[0]) {
            return Err(TestCaseError::fail(format!("{e}\n--- input:\n{text}")));
        }
    }

    /// Any bytes, decoded as any kind or envelope: an error or a CRD, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..96)) {
        for info in descriptors::proto_kinds() {
            let desc = descriptors::kind_message(info).unwrap();
            for delimited in [false, true] {
                if let Ok(messages) = convert::read_messages(&bytes, convert::Encoding::Binpb, &desc, delimited, convert::depth::DEFAULT_MAX_DEPTH) {
                    for message in messages {
                        let object = ObjectMessage {
                            kind: info,
                            name: "x".into(),
                            namespace: None,
                            app: None,
                            message,
                        };
                        let _ = convert::object_to_crd(&object);
                        let _ = convert::write_messages(&[object.message], convert::Encoding::Txtpb, false);
                    }
                }
            }
        }
        let response = descriptors::pool().get_message_by_name(envelope::SUBSCRIBE_RESPONSE).unwrap();
        if let Ok(messages) = convert::read_messages(&bytes, convert::Encoding::Binpb, &response, false, convert::depth::DEFAULT_MAX_DEPTH) {
            for m in messages {
                let _ = envelope::unwrap(&m, None, None);
            }
        }
    }

    /// Golden bytes with a byte changed or cut: never a panic.
    #[test]
    fn mutated_golden_bytes_never_panic(which in 0..7usize, at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
        let names = [
            ("rate_limit_strategy", "RateLimitStrategy"),
            ("throttling_strategy", "ThrottlingStrategy"),
            ("concurrency_limit_strategy", "ConcurrencyLimitStrategy"),
            ("circuit_breaker_strategy", "CircuitBreakerStrategy"),
            ("fault_tolerance_rule", "FaultToleranceRule"),
            ("traffic_router", "TrafficRouter"),
            ("subscribe_response", ""),
        ];
        let (name, kind) = names[which];
        let mut bytes = std::fs::read(root().join(format!("testdata/convert/golden/{name}.binpb"))).unwrap();
        let i = at.index(bytes.len());
        if cut { bytes.truncate(i) } else { bytes[i] = byte }
        if kind.is_empty() {
            let desc = descriptors::pool().get_message_by_name(envelope::SUBSCRIBE_RESPONSE).unwrap();
            if let Ok(ms) = convert::read_messages(&bytes, convert::Encoding::Binpb, &desc, false, convert::depth::DEFAULT_MAX_DEPTH) {
                for m in ms {
                    if let Ok(objects) = envelope::unwrap(&m, None, None) {
                        for o in objects { let _ = convert::object_to_crd(&o); }
                    }
                }
            }
        } else {
            let info = opensergo::kinds::by_kind_name(kind).unwrap();
            let desc = descriptors::kind_message(info).unwrap();
            if let Ok(ms) = convert::read_messages(&bytes, convert::Encoding::Binpb, &desc, false, convert::depth::DEFAULT_MAX_DEPTH) {
                for message in ms {
                    let _ = convert::object_to_crd(&ObjectMessage { kind: info, name: "x".into(), namespace: None, app: None, message });
                }
            }
        }
    }

    /// Any JSON-like value survives the YAML emitter and loader.
    #[test]
    fn yaml_emitter_round_trips_strings(key in "\\PC{0,20}|.{0,8}", value in any::<String>(), n in any::<i64>(), f in -1e300..1e300f64) {
        let value = json!({ key.clone(): [value, n, f, {"k": null, key: true}] });
        let text = opensergo::yaml_out::to_yaml(&value);
        let (docs, err) = opensergo::yaml::load_stream(&text);
        prop_assert!(err.is_none(), "{:?}\n{}", err, text);
        prop_assert_eq!(docs[0].root.to_json(), value, "{}", text);
    }
}

#[test]
fn envelope_of_many_groups_round_trips_all_objects() {
    let text =
        std::fs::read_to_string(root().join("testdata/examples/fault-tolerance.yaml")).unwrap();
    let docs = parse(&text);
    let objects: Vec<ObjectMessage> = docs
        .iter()
        .filter_map(|d| convert::document_to_object(d).object)
        .collect();
    let pushed = envelope::wrap(&objects, 1).unwrap();
    assert_eq!(pushed.len(), 5, "one per kind in (shop, order-service)");
    let mut names = Vec::new();
    for response in &pushed {
        let response =
            DynamicMessage::decode(response.descriptor(), wire::encode(response).as_slice())
                .unwrap();
        for object in envelope::unwrap(&response, None, None).unwrap() {
            assert_eq!(object.namespace.as_deref(), Some("shop"));
            names.push(format!("{}/{}", object.kind.kind, object.name));
        }
    }
    assert_eq!(names.len(), objects.len());
}

/// Object keys sorted at every level, so two JSON values compare by
/// content whatever order their writers chose.
fn sorted_keys(value: Json) -> Json {
    match value {
        Json::Object(map) => {
            let mut entries: Vec<(String, Json)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sorted_keys(v)))
                    .collect(),
            )
        }
        Json::Array(items) => Json::Array(items.into_iter().map(sorted_keys).collect()),
        other => other,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The hand-written deterministic JSON writer (kept because
    /// prost-reflect's map order is not stable) says exactly what
    /// prost-reflect's own proto3 JSON serializer says, once map and
    /// object keys are sorted.
    #[test]
    fn the_json_writer_agrees_with_prost_reflect(rule in any_rule()) {
        let text = opensergo::yaml_out::to_yaml(&rule);
        let docs = parse(&text);
        let converted = convert::document_to_object(&docs[0]);
        let Some(object) = converted.object else {
            return Err(TestCaseError::fail(format!("did not convert:\n{text}")));
        };
        let (ours, lost) = protojson::message_to_json(&object.message, protojson::Style::ProtoJson);
        prop_assert!(lost.is_empty(), "{:?}", lost);
        let theirs = object
            .message
            .serialize_with_options(
                serde_json::value::Serializer,
                &prost_reflect::SerializeOptions::new(),
            )
            .unwrap();
        prop_assert_eq!(sorted_keys(ours), sorted_keys(theirs), "input:\n{}", text);
    }
}
