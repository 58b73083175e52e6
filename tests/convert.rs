//! End-to-end tests of `opensergo convert` and `opensergo proto export`.
//!
//! Wire compatibility is checked against testdata/convert/golden: binary
//! vectors encoded by protoc (an independent encoder) from hand-written
//! text-format files. Our encoder must produce the same bytes from the CRD
//! YAML equivalents (`<name>.yaml`), decoding them must give the YAML
//! back, and, when protoc is installed, `protoc --decode` must read our
//! bytes as the expected text.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use serde_json::Value as Json;

mod common;
use common::{flat, root, yaml_docs};

fn golden(name: &str) -> PathBuf {
    root().join("testdata/convert/golden").join(name)
}

fn opensergo() -> Command {
    let mut cmd = Command::cargo_bin("opensergo").unwrap();
    cmd.current_dir(root()).env("NO_COLOR", "1");
    cmd
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs `opensergo convert ARGS` (or `opensergo proto ...`).
fn run(args: &[&str]) -> Run {
    let mut cmd = opensergo();
    if args.first() != Some(&"proto") {
        cmd.arg("convert");
    }
    let out = cmd.args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run_stdin(args: &[&str], input: &[u8]) -> Run {
    let out = opensergo()
        .arg("convert")
        .args(args)
        .write_stdin(input.to_vec())
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// (vector, message, kind flags for decoding, CRD -> proto flags)
const VECTORS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "rate_limit_strategy",
        "io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy",
        &["--kind", "RateLimitStrategy", "--app", "foo-app"],
        &[],
    ),
    (
        "throttling_strategy",
        "io.opensergo.proto.fault_tolerance.v1.ThrottlingStrategy",
        &["--kind", "ThrottlingStrategy", "--app", "foo-app"],
        &[],
    ),
    (
        "concurrency_limit_strategy",
        "io.opensergo.proto.fault_tolerance.v1.ConcurrencyLimitStrategy",
        &["--kind", "ConcurrencyLimitStrategy", "--app", "foo-app"],
        &[],
    ),
    (
        "circuit_breaker_strategy",
        "io.opensergo.proto.fault_tolerance.v1.CircuitBreakerStrategy",
        &["--kind", "CircuitBreakerStrategy", "--app", "foo-app"],
        &[],
    ),
    (
        "fault_tolerance_rule",
        "io.opensergo.proto.fault_tolerance.v1.FaultToleranceRule",
        &[
            "--kind",
            "fault-tolerance.opensergo.io/v1alpha1/FaultToleranceRule",
            "--name",
            "my-opensergo-rule-1",
            "--app",
            "foo-app",
        ],
        &[],
    ),
    (
        "traffic_router",
        "opensergo.traffic.v1alpha1.TrafficRouterSpec",
        &[
            "--kind",
            "TrafficRouter",
            "--name",
            "service-provider",
            "--namespace",
            "default",
            "--app",
            "service-provider",
        ],
        &[],
    ),
    (
        "subscribe_response",
        "io.opensergo.proto.transport.v1.SubscribeResponse",
        &["--envelope"],
        &["--envelope"],
    ),
];

#[test]
fn our_encoder_produces_the_protoc_golden_bytes() {
    for (name, _, _, encode_flags) in VECTORS {
        let yaml = golden(&format!("{name}.yaml"));
        let mut args = vec![yaml.to_str().unwrap(), "--to", "binpb"];
        args.extend_from_slice(encode_flags);
        let out = run(&args);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let expected = std::fs::read(golden(&format!("{name}.binpb"))).unwrap();
        assert_eq!(out.stdout, expected, "{name}: bytes differ from protoc's");
    }
}

#[test]
fn decoding_the_golden_bytes_gives_back_the_yaml() {
    for (name, _, decode_flags, _) in VECTORS {
        let binpb = golden(&format!("{name}.binpb"));
        let mut args = vec![binpb.to_str().unwrap(), "--from", "binpb", "--to", "yaml"];
        args.extend_from_slice(decode_flags);
        let out = run(&args);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert!(out.stderr.is_empty(), "{name}: {}", out.stderr);
        let got = yaml_docs(&String::from_utf8(out.stdout).unwrap());
        let want = yaml_docs(&std::fs::read_to_string(golden(&format!("{name}.yaml"))).unwrap());
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn our_text_format_is_protocs() {
    // protoc --decode output, committed: comments gone, field-number order.
    for (name, _, _, encode_flags) in VECTORS.iter().filter(|v| v.0 != "subscribe_response") {
        let yaml = golden(&format!("{name}.yaml"));
        let mut args = vec![yaml.to_str().unwrap(), "--to", "txtpb"];
        args.extend_from_slice(encode_flags);
        let out = run(&args);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let expected = std::fs::read_to_string(golden(&format!("{name}.decoded.txt"))).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{name}");
    }
}

#[test]
fn json_and_text_format_round_trip_to_the_same_bytes() {
    for (name, _, decode_flags, encode_flags) in VECTORS {
        let yaml = golden(&format!("{name}.yaml"));
        let expected = std::fs::read(golden(&format!("{name}.binpb"))).unwrap();
        for format in ["json", "txtpb"] {
            let mut args = vec![yaml.to_str().unwrap(), "--to", format];
            args.extend_from_slice(encode_flags);
            let encoded = run(&args);
            assert_eq!(encoded.code, 0, "{name} {format}: {}", encoded.stderr);
            let args: Vec<&str> = if decode_flags.contains(&"--envelope") {
                vec!["-", "--from", format, "--to", "binpb", "--envelope"]
            } else {
                vec![
                    "-",
                    "--from",
                    format,
                    "--to",
                    "binpb",
                    "--kind",
                    decode_flags[1],
                ]
            };
            let back = run_stdin(&args, &encoded.stdout);
            assert_eq!(back.code, 0, "{name} {format}: {}", back.stderr);
            assert_eq!(back.stdout, expected, "{name} via {format}");
        }
    }
}

/// protoc and the include directory of its well-known types.
fn protoc() -> Option<(PathBuf, PathBuf)> {
    common::protoc().map(|include| (PathBuf::from("protoc"), include))
}

const PROTOS: &[&str] = &[
    "schemas/proto/opensergo/proto/common/v1/common.proto",
    "schemas/proto/opensergo/proto/fault_tolerance/v1/fault_tolerance.proto",
    "schemas/proto/opensergo/proto/transport/v1/transport.proto",
    "schemas/proto/opensergo/traffic/v1alpha1/traffic_router.proto",
];

fn protoc_run(protoc: &Path, include: &Path, mode: &str, input: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut child = Process::new(protoc)
        .current_dir(root())
        .arg(mode)
        .args(["-I", "schemas/proto", "-I"])
        .arg(include)
        .args(PROTOS)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "protoc {mode}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn protoc_decodes_our_bytes_and_encodes_our_text() {
    let Some((protoc, include)) = protoc() else {
        return;
    };
    for (name, message, _, encode_flags) in VECTORS {
        let yaml = golden(&format!("{name}.yaml"));
        let mut args = vec![yaml.to_str().unwrap(), "--to", "binpb"];
        args.extend_from_slice(encode_flags);
        let ours = run(&args);
        assert_eq!(ours.code, 0, "{}", ours.stderr);
        let decoded = protoc_run(
            &protoc,
            &include,
            &format!("--decode={message}"),
            &ours.stdout,
        );
        let expected = std::fs::read(golden(&format!("{name}.decoded.txt"))).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&decoded),
            String::from_utf8_lossy(&expected),
            "{name}"
        );

        let mut args = vec![yaml.to_str().unwrap(), "--to", "txtpb"];
        args.extend_from_slice(encode_flags);
        let text = run(&args);
        let encoded = protoc_run(
            &protoc,
            &include,
            &format!("--encode={message}"),
            &text.stdout,
        );
        assert_eq!(encoded, ours.stdout, "{name}: protoc --encode of our text");
    }
}

#[test]
fn proto_export_writes_files_protoc_compiles() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["proto", "export", dir.path().to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let exported = dir
        .path()
        .join("opensergo/proto/fault_tolerance/v1/fault_tolerance.proto");
    let original = std::fs::read(
        root().join("schemas/proto/opensergo/proto/fault_tolerance/v1/fault_tolerance.proto"),
    )
    .unwrap();
    assert_eq!(std::fs::read(&exported).unwrap(), original);
    assert!(dir.path().join("README.md").exists());
    let Some((protoc, include)) = protoc() else {
        eprintln!("note: protoc not found: not compiling the exported files");
        return;
    };
    // The exported README's own check command works in the export
    // directory (issue 14: it named `schemas/proto`, which is not there).
    let readme = std::fs::read_to_string(dir.path().join("README.md")).unwrap();
    let command = readme
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap()
        .replace("\\\n", " ")
        .replacen("protoc ", &format!("{} ", protoc.display()), 1)
        .replace("/usr/include", &include.display().to_string());
    let out = Process::new("sh")
        .args(["-c", &command])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{command}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn sample() -> String {
    root()
        .join("testdata/upstream/samples/opensergo-control-plane/opensergo_new_sample.yaml")
        .display()
        .to_string()
}

#[test]
fn several_documents_become_a_delimited_stream_and_envelopes_decode_back() {
    let sample = sample();
    let stream = run(&[&sample, "--to", "binpb"]);
    assert_eq!(stream.code, 0, "{}", stream.stderr);
    let frames = opensergo::convert::wire::split_delimited(&stream.stdout).unwrap();
    assert_eq!(frames.len(), 6);

    // Envelopes: one SubscribeResponse per (namespace, app, kind).
    let pushed = run(&[
        &sample,
        "--to",
        "binpb",
        "--envelope",
        "--data-version",
        "7",
    ]);
    assert_eq!(pushed.code, 0, "{}", pushed.stderr);
    assert_eq!(
        opensergo::convert::wire::split_delimited(&pushed.stdout)
            .unwrap()
            .len(),
        5
    );
    let back = run_stdin(
        &[
            "-",
            "--from",
            "binpb",
            "--envelope",
            "--delimited",
            "--to",
            "yaml",
            "--name",
            "rule",
        ],
        &pushed.stdout,
    );
    assert_eq!(back.code, 0, "{}", back.stderr);
    let docs = yaml_docs(&String::from_utf8(back.stdout).unwrap());
    let original = yaml_docs(&std::fs::read_to_string(&sample).unwrap());
    assert_eq!(docs.len(), original.len());
    for doc in &docs {
        assert_eq!(doc["metadata"]["namespace"], "default");
        assert_eq!(doc["metadata"]["labels"]["app"], "foo-app");
    }
    // Envelopes group by kind: the two rules come out together, named from --name.
    let names: Vec<&str> = docs
        .iter()
        .map(|d| d["metadata"]["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"rule-1") && names.contains(&"rule-2"),
        "{names:?}"
    );
    let text = run(&[
        &sample,
        "--to",
        "txtpb",
        "--envelope",
        "--data-version",
        "7",
    ]);
    assert!(
        String::from_utf8(text.stdout)
            .unwrap()
            .contains("version: 7")
    );
}

#[test]
fn out_dir_writes_one_file_per_message() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample();
    let out = run(&[
        &sample,
        "--to",
        "json",
        "--out-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "default_CircuitBreakerStrategy_circuit-breaker-slow-foo.json",
            "default_ConcurrencyLimitStrategy_concurrency-limit-foo.json",
            "default_FaultToleranceRule_my-opensergo-rule-1.json",
            "default_FaultToleranceRule_my-opensergo-rule-2.json",
            "default_RateLimitStrategy_rate-limit-foo.json",
            "default_ThrottlingStrategy_throttling-foo.json",
        ]
    );
    let out = run(&[
        &sample,
        "--to",
        "binpb",
        "--envelope",
        "--out-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let push = std::fs::read(dir.path().join("default_foo-app_RateLimitStrategy.binpb")).unwrap();
    assert_eq!(
        push,
        std::fs::read(golden("subscribe_response.binpb")).unwrap()
    );
}

#[test]
fn dropped_fields_are_warnings_that_name_them() {
    let out = run(&[
        "testdata/validate/valid/CircuitBreakerStrategy.yaml",
        "--to",
        "json",
    ]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.contains("OS7002"), "{}", out.stderr);
    assert!(
        flat(&out.stderr).contains("spec.errorConditions.representation is left out"),
        "{}",
        out.stderr
    );
    let json: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errorCondition"], serde_json::json!({}));
    assert_eq!(json["triggerRatio"], 0.5);
    assert_eq!(json["statDuration"], "1");
    assert_eq!(json["statDurationTimeUnit"], "MINUTE");
}

/// Every kind of bad input: exit 2, a clear message, nothing written (an
/// existing output file keeps its contents, no directory is created).
#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("out");
    std::fs::write(&out_file, b"old").unwrap();
    let out_dir = dir.path().join("new-dir");
    let crd = |text: &str| {
        let path = dir.path().join(format!("in{}.yaml", text.len()));
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let bytes_file = |bytes: &[u8]| {
        let path = dir
            .path()
            .join(format!("b{}_{:02x}.binpb", bytes.len(), bytes[0]));
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let garbage = dir.path().join("garbage.binpb");
    std::fs::write(&garbage, b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01").unwrap();
    let truncated = dir.path().join("truncated.binpb");
    let full = std::fs::read(golden("circuit_breaker_strategy.binpb")).unwrap();
    std::fs::write(&truncated, &full[..full.len() - 3]).unwrap();
    let head = "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nmetadata: {name: x, labels: {app: a}}\n";
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![crd(&format!(
                "{head}kind: RateLimitStrategy\nspec: {{metricType: RequestAmount, limitMode: GlobalToLocal, threshold: 1, statDurationSeconds: 1}}\n"
            ))],
            "`GlobalToLocal` has no counterpart",
        ),
        (
            vec![crd(&format!(
                "{head}kind: CircuitBreakerStrategy\nspec: {{strategy: SlowRequestRatio, triggerRatio: '60.5%', statDuration: 1s, recoveryTimeout: 1s, minRequestAmount: 1}}\n"
            ))],
            "fractional percent",
        ),
        (
            vec![crd(&format!(
                "{head}kind: CircuitBreakerStrategy\nspec: {{strategy: SlowRequestRatio, triggerRatio: '60%', statDuration: 1s, recoveryTimeout: 1s, minRequestAmount: 99999999999}}\n"
            ))],
            "out of range for int32",
        ),
        (
            vec![crd(&format!(
                "{head}kind: CircuitBreakerStrategy\nspec: {{strategy: SlowRequestRatio, triggerRatio: '60%', statDuration: 1m30s, recoveryTimeout: 3000000000ms, minRequestAmount: 1}}\n"
            ))],
            "unknown unit",
        ),
        (
            vec![crd(&format!(
                "{head}kind: CircuitBreakerStrategy\nspec: {{strategy: SlowRatio, triggerRatio: '60%', statDuration: 1s, recoveryTimeout: 1s, minRequestAmount: 1}}\n"
            ))],
            "`SlowRatio` has no counterpart",
        ),
        (
            vec![crd(
                "apiVersion: traffic.opensergo.io/v1alpha1\nkind: RouterRule\nmetadata: {name: x}\n",
            )],
            "replaced by",
        ),
        (
            vec![
                garbage.display().to_string(),
                "--from".into(),
                "binpb".into(),
                "--kind".into(),
                "RateLimitStrategy".into(),
            ],
            "is not a valid io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy",
        ),
        (
            vec![
                truncated.display().to_string(),
                "--from".into(),
                "binpb".into(),
                "--kind".into(),
                "CircuitBreakerStrategy".into(),
            ],
            "truncated or corrupt",
        ),
        (
            vec![
                golden("rate_limit_strategy.binpb").display().to_string(),
                "--from".into(),
                "binpb".into(),
                "--kind".into(),
                "ThrottlingStrategy".into(),
            ],
            "wrong --kind",
        ),
        (
            vec![
                golden("rate_limit_strategy.binpb").display().to_string(),
                "--from".into(),
                "binpb".into(),
                "--kind".into(),
                "CircuitBreakerStrategy".into(),
            ],
            "wrong --kind",
        ),
        (
            // RateLimitStrategy{limit_mode: 7}: no such LimitMode.
            vec![
                bytes_file(&[0x18, 0x07]),
                "--from".into(),
                "binpb".into(),
                "--kind".into(),
                "RateLimitStrategy".into(),
            ],
            "limit_mode = 7 has no counterpart in the CRD",
        ),
        (
            // RateLimitStrategy{stat_duration: 5} without a time unit: what the
            // reference control plane sends.
            vec![
                bytes_file(&[0x28, 0x05]),
                "--from".into(),
                "binpb".into(),
                "--kind".into(),
                "RateLimitStrategy".into(),
            ],
            "the time unit is unknown",
        ),
        (
            // CircuitBreakerStrategy{trigger_ratio: 0.605}: not a whole percent.
            vec![
                bytes_file(&[[0x19].as_slice(), &0.605f64.to_le_bytes()].concat()),
                "--from".into(),
                "binpb".into(),
                "--kind".into(),
                "CircuitBreakerStrategy".into(),
            ],
            "is not a whole percentage",
        ),
        (
            vec![
                golden("traffic_router.binpb").display().to_string(),
                "--from".into(),
                "binpb".into(),
                "--envelope".into(),
            ],
            "not a valid io.opensergo.proto.transport.v1.SubscribeResponse",
        ),
        (
            vec![
                golden("rate_limit_strategy.binpb").display().to_string(),
                "--from".into(),
                "binpb".into(),
                "--kind".into(),
                "NoSuchKind".into(),
            ],
            "unknown kind `NoSuchKind`",
        ),
        (
            vec![
                golden("rate_limit_strategy.binpb").display().to_string(),
                "--from".into(),
                "binpb".into(),
                "--kind".into(),
                "VirtualDatabase".into(),
            ],
            "has no protobuf message",
        ),
    ];
    for (mut args, expected) in cases {
        let to = if args.iter().any(|a| a == "--from") {
            "yaml"
        } else {
            "binpb"
        };
        args.extend(["--to".into(), to.into()]);
        for target in [
            vec!["-o".to_string(), out_file.display().to_string()],
            vec!["--out-dir".to_string(), out_dir.display().to_string()],
        ] {
            let mut all = args.clone();
            all.extend(target);
            let refs: Vec<&str> = all.iter().map(String::as_str).collect();
            let out = run(&refs);
            assert_eq!(out.code, 2, "{refs:?}\n{}", out.stderr);
            assert!(
                flat(&out.stderr).contains(expected),
                "{refs:?}: want `{expected}` in\n{}",
                out.stderr
            );
            assert_eq!(std::fs::read(&out_file).unwrap(), b"old");
            assert!(!out_dir.exists());
        }
    }
}

#[test]
fn errors_point_at_the_value() {
    let out = run(&[
        "testdata/validate/invalid/RateLimitStrategy-limitmode-globaltolocal.yaml",
        "--to",
        "binpb",
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("OS7001"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("RateLimitStrategy-limitmode-globaltolocal.yaml:"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("nothing written"), "{}", out.stderr);
}

#[test]
fn any_message_by_type_like_buf_convert() {
    let response = golden("subscribe_response.binpb");
    let out = run(&[
        response.to_str().unwrap(),
        "--from",
        "binpb",
        "--type",
        "io.opensergo.proto.transport.v1.SubscribeResponse",
        "--to",
        "yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(
        yaml.contains(
            "'@type': type.googleapis.com/io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy"
        ),
        "{yaml}"
    );
    let back = run_stdin(
        &[
            "-",
            "--from",
            "yaml",
            "--type",
            "io.opensergo.proto.transport.v1.SubscribeResponse",
            "--to",
            "binpb",
        ],
        yaml.as_bytes(),
    );
    assert_eq!(back.code, 0, "{}", back.stderr);
    assert_eq!(back.stdout, std::fs::read(&response).unwrap());

    let out = run(&[
        response.to_str().unwrap(),
        "--from",
        "binpb",
        "--type",
        "SubscribeResponse",
        "--to",
        "json",
    ]);
    assert_eq!(out.code, 2);
    assert!(
        flat(&out.stderr)
            .contains("did you mean io.opensergo.proto.transport.v1.SubscribeResponse"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_descriptor_set_adds_user_messages() {
    let Some((protoc, include)) = protoc() else {
        eprintln!("note: protoc not found: skipping --descriptor-set");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("user.proto"),
        "syntax = \"proto3\";\npackage acme.v1;\nimport \"google/protobuf/duration.proto\";\nmessage Probe { string target = 1; google.protobuf.Duration every = 2; map<string, int64> weights = 3; }\n",
    )
    .unwrap();
    let set = dir.path().join("set.binpb");
    let status = Process::new(protoc)
        .arg("-I")
        .arg(dir.path())
        .arg("-I")
        .arg(include)
        .arg("--include_imports")
        .arg(format!("--descriptor_set_out={}", set.display()))
        .arg(dir.path().join("user.proto"))
        .status()
        .unwrap();
    assert!(status.success());
    let yaml = b"target: db\nevery: 1.5s\nweights: {b: 2, a: 1}\n";
    let common = [
        "--type",
        "acme.v1.Probe",
        "--descriptor-set",
        set.to_str().unwrap(),
    ];
    let mut args = vec!["-", "--from", "yaml", "--to", "json"];
    args.extend(common);
    let out = run_stdin(&args, yaml);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"target": "db", "every": "1.500s", "weights": {"a": "1", "b": "2"}})
    );
}

#[test]
fn usage_errors_exit_2() {
    let sample = sample();
    for (args, expected) in [
        (
            vec![sample.as_str(), "--to", "yaml"],
            "the input is CRD YAML already",
        ),
        (
            vec![sample.as_str(), "--to", "binpb", "--name", "x"],
            "required arguments were not provided: --from",
        ),
        (
            vec![sample.as_str(), "--from", "binpb", "--to", "yaml"],
            "--from needs --kind",
        ),
        (
            vec![
                sample.as_str(),
                "--from",
                "yaml",
                "--to",
                "binpb",
                "--kind",
                "RateLimitStrategy",
            ],
            "CRD YAML is the default input",
        ),
        (
            vec!["testdata/examples/database.yaml", "--to", "binpb"],
            "nothing to convert",
        ),
        (
            vec!["no/such/file.yaml", "--to", "binpb"],
            "no/such/file.yaml",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            flat(&out.stderr).contains(expected),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn stdin_works_both_ways() {
    let yaml = std::fs::read(golden("throttling_strategy.yaml")).unwrap();
    let out = run_stdin(&["-", "--to", "binpb"], &yaml);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        std::fs::read(golden("throttling_strategy.binpb")).unwrap()
    );
    let back = run_stdin(
        &[
            "-",
            "--from",
            "binpb",
            "--kind",
            "ThrottlingStrategy",
            "--to",
            "yaml",
        ],
        &out.stdout,
    );
    assert_eq!(back.code, 0, "{}", back.stderr);
    let text = String::from_utf8(back.stdout).unwrap();
    assert!(text.contains("minIntervalOfRequests: '20ms'"), "{text}");
}

#[test]
fn garbage_never_crashes_the_cli() {
    // A fixed pseudo-random sequence: exit 0 or 2, never a panic (101).
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..24 {
        let len = (next() % 64) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        let kind = [
            "RateLimitStrategy",
            "TrafficRouter",
            "CircuitBreaker",
            "SubscribeResponse",
        ][i % 4];
        let format = ["binpb", "json", "txtpb"][i % 3];
        let out = run_stdin(
            &["-", "--from", format, "--kind", kind, "--to", "yaml"],
            &bytes,
        );
        assert!(
            out.code == 0 || out.code == 2,
            "{kind} {format} {bytes:?}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    }
}

/// `--proto-path` compiles the user's own .proto files (like `buf convert`).
#[test]
fn any_message_from_user_protos() {
    let dir = tempfile::tempdir().unwrap();
    let protos = dir.path().join("protos/acme/v1");
    std::fs::create_dir_all(&protos).unwrap();
    std::fs::write(
        protos.join("widget.proto"),
        "syntax = \"proto3\";\npackage acme.v1;\nimport \"google/protobuf/duration.proto\";\nmessage Widget { string name = 1; int32 size = 2; google.protobuf.Duration ttl = 3; }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("w.json"),
        r#"{"name": "w", "size": 3, "ttl": "1.5s"}"#,
    )
    .unwrap();
    let bin = dir.path().join("w.binpb");
    let run = |args: &[&str]| {
        assert_cmd::Command::new(env!("CARGO_BIN_EXE_opensergo"))
            .current_dir(dir.path())
            .args(["--no-config", "convert"])
            .args(args)
            .assert()
    };
    run(&[
        "w.json",
        "--from",
        "json",
        "--type",
        "acme.v1.Widget",
        "--proto-path",
        "protos",
        "--to",
        "binpb",
        "-o",
        "w.binpb",
    ])
    .code(0);
    assert_eq!(std::fs::read(&bin).unwrap()[..3], [0x0a, 0x01, b'w']);
    let out = run(&[
        "w.binpb",
        "--from",
        "binpb",
        "--type",
        "acme.v1.Widget",
        "--proto-path",
        "protos",
        "--to",
        "json",
    ])
    .code(0)
    .get_output()
    .stdout
    .clone();
    let back: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(back["size"], 3);
    assert_eq!(back["ttl"], "1.500s");
    // A broken .proto is a clear error, exit 2.
    std::fs::write(
        protos.join("broken.proto"),
        "syntax = \"proto3\";\nmessage {",
    )
    .unwrap();
    run(&[
        "w.json",
        "--from",
        "json",
        "--type",
        "acme.v1.Widget",
        "--proto-path",
        "protos",
        "--to",
        "binpb",
    ])
    .code(2)
    .stderr(predicates::str::contains(
        "cannot compile the --proto-path files",
    ));
}

/// One verdict across commands (issue 14): convert refuses every type
/// mistake with the code and message validate reports for it.
#[test]
fn convert_and_validate_judge_type_mistakes_alike() {
    let dir = root().join("testdata/validate/type-mistakes");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    for file in files {
        let rel = file.strip_prefix(root()).unwrap().to_str().unwrap();
        let validated = opensergo()
            .args(["validate", "--format", "json", rel])
            .output()
            .unwrap();
        let report: Json = serde_json::from_slice(&validated.stdout).unwrap();
        let converted = run(&[rel, "--to", "json"]);
        assert_eq!(converted.code, 2, "{rel}");
        // miette wraps long lines anywhere; compare without whitespace.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let stderr = squeeze(&flat(&converted.stderr));
        for d in report["diagnostics"].as_array().unwrap() {
            if d["code"] == "OS1004" {
                continue; // schema checks are validate's alone
            }
            let (code, message) = (d["code"].as_str().unwrap(), d["message"].as_str().unwrap());
            assert!(stderr.contains(code), "{rel}: {code} missing in {stderr}");
            assert!(
                stderr.contains(&squeeze(message)),
                "{rel}: `{message}` missing in {stderr}"
            );
        }
    }
}

/// Every value convert cannot map in a policy.opensergo.io object is a
/// validate finding at the same place (issue 14: `interval: '1'` passed
/// validate while convert refused it, and convert's help suggested the
/// quoting it then rejected).
#[test]
fn validate_finds_every_policy_value_convert_cannot_map() {
    let dir = tempfile::tempdir().unwrap();
    let unquoted = dir.path().join("unquoted.yaml");
    let text = std::fs::read_to_string(
        root().join("testdata/validate/invalid/RateLimit-out-of-range.yaml"),
    )
    .unwrap();
    std::fs::write(&unquoted, text.replace("interval: '1'", "interval: 1")).unwrap();
    let unquoted = unquoted.display().to_string();
    for file in [
        "testdata/validate/invalid/RateLimit-out-of-range.yaml",
        "testdata/validate/invalid/ConcurrencyLimit-negative.yaml",
        "testdata/validate/invalid/CircuitBreaker-out-of-range.yaml",
        unquoted.as_str(),
    ] {
        let converted = run(&[file, "--to", "json"]);
        assert_eq!(converted.code, 2, "{file}");
        assert!(
            !converted.stderr.contains("quote it"),
            "{}",
            converted.stderr
        );
        let refused: Vec<&str> = converted
            .stderr
            .lines()
            .filter_map(|l| {
                l.split_once("╭─[")
                    .map(|(_, rest)| rest.trim_end_matches(']'))
            })
            .collect();
        assert!(!refused.is_empty(), "{file}");
        let validated = opensergo()
            .args(["validate", "--format", "short", file])
            .output()
            .unwrap();
        let short = String::from_utf8_lossy(&validated.stdout);
        assert_eq!(validated.status.code(), Some(1), "{short}");
        for place in refused {
            assert!(
                short.contains(&format!("{place}: error[OS1004]")),
                "{file}: convert refuses {place}, validate does not:\n{short}"
            );
        }
    }
}

/// Issue 14: a bare message has no metadata, so converting without
/// `--envelope` says the namespace and app are dropped ("nothing is
/// dropped silently"); with `--envelope` they are kept and nothing is said.
#[test]
fn bare_messages_say_namespace_and_app_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.binpb");
    let out = out.to_str().unwrap();
    let rule = "testdata/validate/valid/RateLimitStrategy.yaml";
    let bare = run(&[rule, "--to", "binpb", "-o", out]);
    assert_eq!(bare.code, 0);
    let stderr = flat(&bare.stderr);
    assert!(
        stderr.contains("metadata.namespace and metadata.labels.app are left out"),
        "{stderr}"
    );
    let wrapped = run(&[rule, "--to", "binpb", "--envelope", "-o", out]);
    assert_eq!(wrapped.code, 0);
    assert!(!wrapped.stderr.contains("left out"), "{}", wrapped.stderr);
}

/// Bare messages of several kinds in one output cannot be read back: the
/// run says so and names the two ways that keep the types (issue 14).
#[test]
fn several_kinds_in_one_output_say_how_to_keep_their_types() {
    let sample = sample();
    for to in ["json", "binpb", "txtpb"] {
        let mixed = run(&[&sample, "--to", to]);
        assert_eq!(mixed.code, 0, "{}", mixed.stderr);
        let stderr = flat(&mixed.stderr);
        assert!(stderr.contains("OS7008 mixed-kinds"), "{stderr}");
        assert!(
            stderr.contains(&format!("--from {to} --envelope")) && stderr.contains("--out-dir"),
            "{stderr}"
        );
        let wrapped = run(&[&sample, "--to", to, "--envelope"]);
        assert_eq!(wrapped.code, 0, "{}", wrapped.stderr);
        assert!(!wrapped.stderr.contains("OS7008"), "{}", wrapped.stderr);
    }
    let one_kind = run(&[
        "testdata/validate/valid/RateLimitStrategy.yaml",
        "--to",
        "json",
    ]);
    assert!(!one_kind.stderr.contains("OS7008"), "{}", one_kind.stderr);
    let dir = tempfile::tempdir().unwrap();
    let split = run(&[
        &sample,
        "--to",
        "json",
        "--out-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert!(!split.stderr.contains("OS7008"), "{}", split.stderr);
}
