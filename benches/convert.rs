//! `cargo bench --bench convert`: converting 10,000 documents CRD -> binpb
//! and back, in the library (per stage) and through the CLI. Plain timing
//! with std::time (best of several runs); results go to BENCHMARKS.md.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use opensergo::convert::{self, ObjectMessage, descriptors, envelope, wire};
use opensergo::document;
use opensergo::source::SourceFile;
use opensergo::yaml_out;
use prost_reflect::DynamicMessage;

mod common;

/// Documents in the corpus: 100 under `cargo test --benches`, a smoke test.
fn documents() -> usize {
    if common::is_smoke_test() { 100 } else { 10_000 }
}

/// Runs per stage (the best is kept): one in the smoke test.
fn runs() -> usize {
    if common::is_smoke_test() { 1 } else { 5 }
}

/// A realistic mix: the five fault-tolerance kinds, TrafficRouter and the
/// policy RateLimit, spread over 5 namespaces x 20 apps.
fn corpus() -> String {
    let mut out = String::new();
    for i in 0..documents() {
        let ns = format!("ns-{}", i % 5);
        let app = format!("app-{}", i % 20);
        let head = |kind: &str, api: &str| {
            format!(
                "apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: obj-{i}\n  namespace: {ns}\n  labels:\n    app: {app}\n"
            )
        };
        let ft = "fault-tolerance.opensergo.io/v1alpha1";
        let doc = match i % 7 {
            0 => {
                head("RateLimitStrategy", ft)
                    + &format!(
                        "spec:\n  metricType: RequestAmount\n  limitMode: Local\n  threshold: {}\n  statDurationSeconds: 1\n",
                        i % 1000
                    )
            }
            1 => {
                head("ThrottlingStrategy", ft)
                    + "spec:\n  minIntervalOfRequests: '20ms'\n  queueTimeout: '500ms'\n"
            }
            2 => {
                head("ConcurrencyLimitStrategy", ft)
                    + &format!("spec:\n  maxConcurrency: {}\n  limitMode: Global\n", i % 64)
            }
            3 => {
                head("CircuitBreakerStrategy", ft)
                    + "spec:\n  strategy: SlowRequestRatio\n  triggerRatio: '60%'\n  statDuration: '30s'\n  recoveryTimeout: '5s'\n  minRequestAmount: 5\n  slowConditions:\n    maxAllowedRt: '500ms'\n"
            }
            4 => {
                head("FaultToleranceRule", ft)
                    + &format!(
                        "spec:\n  targets:\n    - targetResourceName: 'GET:/api/{i}'\n    - targetResourceName: 'POST:/api/{i}'\n  strategies:\n    - name: obj-{}\n      kind: RateLimitStrategy\n",
                        i - 4
                    )
            }
            5 => {
                head("TrafficRouter", "traffic.opensergo.io/v1alpha1")
                    + &format!(
                        "spec:\n  hosts:\n    - svc-{i}\n  http:\n    - name: gray\n      match:\n        - headers:\n            x-tag:\n              exact: gray\n      route:\n        - destination:\n            host: svc-{i}\n            subset: gray\n            fallback:\n              host: svc-{i}\n              subset: stable\n    - route:\n        - destination:\n            host: svc-{i}\n            subset: stable\n"
                    )
            }
            _ => {
                head("RateLimit", "policy.opensergo.io/v1alpha1")
                    + "spec:\n  selector:\n    routes:\n      - name: create\n  config:\n    scope: GLOBAL\n    limit: 100\n    interval: 1s\n  action:\n    http:\n      customResponse:\n        statusCode: 429\n        body: slow down\n"
            }
        };
        out.push_str(&doc);
        out.push_str("---\n");
    }
    out
}

/// Best (least disturbed) time of `runs` runs, and the last result.
fn best<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs() {
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed());
        last = Some(value);
    }
    (best, last.expect("runs > 0"))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn per_doc(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6 / documents() as f64)
}

fn main() {
    let text = corpus();
    let mut table = String::from("| Stage | Time (best of 5) | Per document |\n|---|---|---|\n");
    let mut row = |stage: &str, d: Duration| {
        let _ = writeln!(table, "| {stage} | {} | {} |", ms(d), per_doc(d));
    };

    let source = Arc::new(SourceFile::new("bench.yaml", text.clone()));
    let (t_parse, loaded) = best(|| document::parse_source(&source));
    assert_eq!(loaded.documents.len(), documents());
    row("parse YAML (spanned loader)", t_parse);

    let (t_map, objects) = best(|| {
        loaded
            .documents
            .iter()
            .map(|d| {
                let c = convert::document_to_object(d);
                assert!(!convert::has_errors(&c.diagnostics), "{:?}", c.diagnostics);
                c.object.expect("object")
            })
            .collect::<Vec<ObjectMessage>>()
    });
    row("CRD -> messages (mapping)", t_map);

    let messages: Vec<DynamicMessage> = objects.iter().map(|o| o.message.clone()).collect();
    let (t_encode, stream) = best(|| wire::encode_delimited(&messages));
    row("encode binpb (length-delimited)", t_encode);

    let (t_wrap, pushed) = best(|| {
        let responses = envelope::wrap(&objects, 1).expect("wrap");
        wire::encode_delimited(&responses)
    });
    row("wrap in envelopes + encode binpb", t_wrap);

    let response_desc = descriptors::pool()
        .get_message_by_name(envelope::SUBSCRIBE_RESPONSE)
        .expect("SubscribeResponse");
    let (t_decode, decoded) = best(|| {
        let frames = wire::split_delimited(&pushed).expect("frames");
        let mut objects = Vec::with_capacity(documents());
        for frame in frames {
            let response = DynamicMessage::decode(response_desc.clone(), frame).expect("decode");
            objects.extend(envelope::unwrap(&response, None, None).expect("unwrap"));
        }
        objects
    });
    assert_eq!(decoded.len(), documents());
    row("decode binpb envelopes + unwrap", t_decode);

    let (t_back, yaml) = best(|| {
        let docs: Vec<serde_json::Value> = decoded
            .iter()
            .map(|o| {
                let mut o = o.clone();
                if o.name.is_empty() {
                    o.name = "obj".into();
                }
                let (doc, diagnostics) = convert::object_to_crd(&o);
                assert!(!convert::has_errors(&diagnostics));
                doc.expect("doc")
            })
            .collect();
        yaml_out::to_yaml_stream(&docs)
    });
    row("messages -> CRD + write YAML", t_back);
    let total = t_parse + t_map + t_wrap + t_decode + t_back;
    row("**round trip (sum of the above, envelope path)**", total);

    // The CLI, end to end (release binary, one process per direction).
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("rules.yaml");
    std::fs::write(&input, &text).expect("write corpus");
    let binpb = dir.path().join("rules.binpb");
    let back = dir.path().join("back.yaml");
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_opensergo"));
    let cli = |args: &[&std::ffi::OsStr]| {
        best(|| {
            let out = Command::new(&exe)
                .arg("convert")
                .args(args)
                .output()
                .expect("run opensergo");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        })
        .0
    };
    let t_cli_to = cli(&[
        input.as_os_str(),
        "--to".as_ref(),
        "binpb".as_ref(),
        "--envelope".as_ref(),
        "-o".as_ref(),
        binpb.as_os_str(),
    ]);
    let t_cli_back = cli(&[
        binpb.as_os_str(),
        "--from".as_ref(),
        "binpb".as_ref(),
        "--envelope".as_ref(),
        "--delimited".as_ref(),
        "--name".as_ref(),
        "obj".as_ref(),
        "--to".as_ref(),
        "yaml".as_ref(),
        "-o".as_ref(),
        back.as_os_str(),
    ]);
    row(
        "CLI: `convert rules.yaml --to binpb --envelope -o rules.binpb`",
        t_cli_to,
    );
    row(
        "CLI: `convert rules.binpb --from binpb --envelope --delimited --to yaml`",
        t_cli_back,
    );

    let back_docs = std::fs::read_to_string(&back).expect("read back");
    assert_eq!(back_docs.matches("\napiVersion: ").count() + 1, documents());
    println!(
        "{} documents: {} bytes of YAML, {} bytes binpb (delimited), {} bytes in {} envelopes, {} bytes of YAML back\n",
        documents(),
        text.len(),
        stream.len(),
        pushed.len(),
        wire::split_delimited(&pushed).map(|f| f.len()).unwrap_or(0),
        yaml.len()
    );
    println!("{table}");
}
