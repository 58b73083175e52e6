//! TrafficRouter as the envoy RouteConfiguration SDKs receive: the
//! mapping checked by an independent decoder (PyPI `envoy-data-plane`,
//! driven through tests/envoy_route_table.py), the round trip back to
//! CRD YAML, the warnings for what envoy cannot carry, and the
//! `--as-control-plane` golden output for the upstream sample.

use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value as Json;

mod common;
use common::{flat, root, yaml_docs};

/// For python3 (importing envoy-data-plane takes seconds) and protoc.
const TIMEOUT: Duration = Duration::from_secs(120);

const UPSTREAM_SAMPLE: &str =
    "testdata/upstream/samples/opensergo-control-plane/opensergo_traffic_router_samples.yaml";

fn fixture(name: &str) -> String {
    format!("testdata/convert/envoy/{name}")
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn convert(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::cargo_bin("opensergo").unwrap();
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .arg("convert")
        .args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn ok(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let run = convert(args, stdin);
    assert_eq!(run.code, 0, "convert {args:?}: {}", run.stderr);
    run
}

/// The route table envoy-data-plane reads from RouteConfiguration bytes,
/// or `None` (with a note) where python3 or the package is missing
/// outside CI; in CI their absence fails the test.
fn route_table(bytes: &[u8]) -> Option<String> {
    if !common::available("python3") {
        return None;
    }
    let out = common::run(
        std::process::Command::new("python3").arg(root().join("tests/envoy_route_table.py")),
        Some(bytes),
        TIMEOUT,
    );
    if out.status.code() == Some(3) {
        assert!(
            !common::in_ci(),
            "PyPI envoy-data-plane is not installed and CI is set (.ci/run installs it)"
        );
        eprintln!("note: python3 has no envoy_data_plane; skipping the independent decode");
        return None;
    }
    assert!(
        out.status.success(),
        "envoy_route_table.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn an_independent_envoy_decoder_reads_the_expected_route_tables() {
    let cases: &[(&str, &[&str], &str)] = &[
        ("routes.yaml", &["--envoy"], "routes.table.txt"),
        ("dropped.yaml", &["--envoy"], "dropped.table.txt"),
        (
            "routes.yaml",
            &["--envoy", "--as-control-plane"],
            "routes.control-plane.table.txt",
        ),
    ];
    for (input, flags, table) in cases {
        let path = fixture(input);
        let mut args = vec![path.as_str(), "--to", "binpb"];
        args.extend_from_slice(flags);
        let bytes = ok(&args, None).stdout;
        let Some(got) = route_table(&bytes) else {
            return;
        };
        let want = std::fs::read_to_string(root().join(fixture(table))).unwrap();
        assert_eq!(got, want, "{input} {flags:?}");
    }
}

#[test]
fn the_envelope_packs_a_route_configuration_and_decodes_back() {
    let path = fixture("routes.yaml");
    let envelope = ok(&[&path, "--to", "binpb", "--envelope"], None).stdout;
    let text = ok(
        &["-", "--from", "binpb", "--envelope", "--to", "json"],
        Some(&envelope),
    );
    let json: Json = serde_json::from_slice(&text.stdout).unwrap();
    assert_eq!(
        json["dataWithVersion"]["data"][0]["@type"],
        "type.googleapis.com/envoy.config.route.v3.RouteConfiguration"
    );
    assert_eq!(json["kind"], "traffic.opensergo.io/v1alpha1/TrafficRouter");

    let back = ok(
        &["-", "--from", "binpb", "--envelope", "--to", "yaml"],
        Some(&envelope),
    );
    assert!(back.stderr.is_empty(), "{}", back.stderr);
    let want = yaml_docs(&std::fs::read_to_string(root().join(&path)).unwrap());
    assert_eq!(yaml_docs(&String::from_utf8(back.stdout).unwrap()), want);
}

#[test]
fn the_bare_route_configuration_round_trips_for_every_fixture() {
    for path in [
        fixture("routes.yaml"),
        "testdata/examples/traffic-router.yaml".into(),
        UPSTREAM_SAMPLE.into(),
    ] {
        let bytes = ok(&[&path, "--to", "binpb", "--envoy"], None).stdout;
        let want = yaml_docs(&std::fs::read_to_string(root().join(&path)).unwrap());
        let app = want[0]["metadata"]["labels"]["app"]
            .as_str()
            .unwrap()
            .to_string();
        // The bare message carries no app label; the namespace comes from the domains.
        let back = ok(
            &[
                "-", "--from", "binpb", "--envoy", "--to", "yaml", "--app", &app,
            ],
            Some(&bytes),
        );
        assert!(back.stderr.is_empty(), "{path}: {}", back.stderr);
        assert_eq!(
            yaml_docs(&String::from_utf8(back.stdout).unwrap()),
            want,
            "{path}"
        );
        // JSON and text format carry the same message.
        for format in ["json", "txtpb"] {
            let text = ok(&[&path, "--to", format, "--envoy"], None).stdout;
            let again = ok(
                &["-", "--from", format, "--envoy", "--to", "binpb"],
                Some(&text),
            );
            assert_eq!(again.stdout, bytes, "{path} via {format}");
        }
    }
}

#[test]
fn what_envoy_cannot_carry_is_a_warning_naming_the_field() {
    let run = ok(&[&fixture("dropped.yaml"), "--to", "json", "--envoy"], None);
    let stderr = flat(&run.stderr);
    for path in [
        "spec.gateways",
        "spec.tcp",
        "spec.http[0].redirect",
        "spec.http[0].retries",
        "spec.http[0].fault",
        "spec.http[0].mirror",
        "spec.http[0].corsPolicy",
        "spec.http[0].match[0].port",
        "spec.http[0].match[0].sourceLabels",
        "spec.http[0].match[0].headers.x-tag.prefix",
        "spec.http[0].route[0].headers",
        "spec.http[0].route[0].weight",
        "spec.http[1].route[0].destination.fallback",
    ] {
        assert!(
            stderr.contains(&format!(
                "{path} is left out of the envoy RouteConfiguration"
            )),
            "{path} not reported:\n{stderr}"
        );
    }
    assert_eq!(stderr.matches("OS7002").count(), 13, "{stderr}");
}

#[test]
fn as_control_plane_reproduces_the_upstream_push() {
    let run = ok(
        &[
            UPSTREAM_SAMPLE,
            "--to",
            "json",
            "--envelope",
            "--as-control-plane",
        ],
        None,
    );
    insta::assert_snapshot!(
        "control_plane_upstream_traffic_router",
        String::from_utf8(run.stdout).unwrap()
    );
    // The upstream sample uses nothing the control plane gets wrong.
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn as_control_plane_says_where_it_differs() {
    let run = ok(
        &[
            &fixture("routes.yaml"),
            "--to",
            "json",
            "--envoy",
            "--as-control-plane",
        ],
        None,
    );
    let stderr = flat(&run.stderr);
    for expected in [
        "the control plane AND-s the 2 entries of spec.http[0].match into one envoy route",
        "the control plane drops the query parameter's name `tag` at spec.http[0].match[1].queryParams.tag",
        "the control plane leaves out spec.http[1].match[0].uri",
        "the control plane leaves out spec.http[1].match[0].method",
        "the control plane leaves out spec.http[1].timeout",
        "the control plane leaves the port slot of the cluster name empty; the correct mapping writes outbound|9080|gray|reviews.shop.svc.cluster.local",
    ] {
        // miette may wrap a long message anywhere: compare without spaces.
        assert!(
            stderr.replace(' ', "").contains(&expected.replace(' ', "")),
            "{expected}:\n{stderr}"
        );
    }

    let strategies = ok(
        &[
            "testdata/examples/fault-tolerance.yaml",
            "--to",
            "json",
            "--as-control-plane",
        ],
        None,
    );
    let stderr = flat(&strategies.stderr);
    assert!(
        stderr.contains("spec.statDuration: the control plane sends stat_duration = 300, the correct mapping 30: its Str2MillSeconds reads `30s` as 300 ms"),
        "{stderr}"
    );
    assert!(stderr.contains("metric_type = TYPE_UNKNOWN"), "{stderr}");
    assert!(
        stderr.contains("stat_duration_time_unit = UNKNOWN"),
        "{stderr}"
    );
}

#[test]
fn a_captured_control_plane_push_reads_back_with_what_it_lost() {
    let push = ok(
        &[
            &fixture("routes.yaml"),
            "--to",
            "binpb",
            "--envelope",
            "--as-control-plane",
        ],
        None,
    );
    let back = ok(
        &["-", "--from", "binpb", "--envelope", "--to", "yaml"],
        Some(&push.stdout),
    );
    let stderr = flat(&back.stderr);
    assert!(
        stderr.contains("tests a query parameter without a name"),
        "{stderr}"
    );
    let docs = yaml_docs(&String::from_utf8(back.stdout).unwrap());
    // AND-ed: one match entry holding both headers of the OR-ed entries' route.
    assert_eq!(
        docs[0]["spec"]["http"][0]["match"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// protoc with the exported protos reads our RouteConfiguration bytes,
/// and encodes its own reading and our text format back to our bytes.
#[test]
fn protoc_with_the_exported_protos_agrees() {
    let Some(include) = common::protoc() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().to_str().unwrap();
    let mut cmd = Command::cargo_bin("opensergo").unwrap();
    cmd.args(["proto", "export", export]).assert().success();
    let protoc = |mode: &str, input: &[u8]| -> Vec<u8> {
        let out = common::run(
            std::process::Command::new("protoc")
                .current_dir(dir.path())
                .arg(mode)
                .args(["-I", "."])
                .arg("-I")
                .arg(&include)
                .args([
                    "envoy/config/route/v3/route.proto",
                    "opensergo/proto/router/v1/route_fallback.proto",
                ]),
            Some(input),
            TIMEOUT,
        );
        assert!(
            out.status.success(),
            "protoc {mode}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let message = "envoy.config.route.v3.RouteConfiguration";
    for path in [
        fixture("routes.yaml"),
        fixture("dropped.yaml"),
        UPSTREAM_SAMPLE.into(),
    ] {
        let bytes = ok(&[&path, "--to", "binpb", "--envoy"], None).stdout;
        let decoded = protoc(&format!("--decode={message}"), &bytes);
        let text = String::from_utf8(decoded.clone()).unwrap();
        // Every field is one protoc knows by name: no bare field numbers.
        assert!(
            !text
                .lines()
                .any(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit())),
            "{path}:\n{text}"
        );
        assert_eq!(
            protoc(&format!("--encode={message}"), &decoded),
            bytes,
            "{path}: protoc's reading"
        );
        let ours = ok(&[&path, "--to", "txtpb", "--envoy"], None).stdout;
        assert_eq!(
            protoc(&format!("--encode={message}"), &ours),
            bytes,
            "{path}: our text format"
        );
    }
}

#[test]
fn a_foreign_route_configuration_reads_back_with_a_warning_per_loss() {
    let run = ok(
        &[
            &fixture("foreign.txtpb"),
            "--from",
            "txtpb",
            "--envoy",
            "--to",
            "yaml",
        ],
        None,
    );
    let stderr = flat(&run.stderr);
    for expected in [
        "clusterSpecifierPlugins: no TrafficRouter counterpart",
        "headers[0].stringMatch.suffix: no StringMatch counterpart",
        "queryParameters[0]: tests a query parameter without a name",
        "inlineClusterSpecifierPlugin: only OpenSergo's",
        "cluster `weird|cluster` is not `outbound|<port>|<subset>|<host>`",
        "has the port `notaport`, which is not a number",
        "virtualHosts[1]: a TrafficRouter is one virtual host",
    ] {
        assert!(
            stderr.replace(' ', "").contains(&expected.replace(' ', "")),
            "{expected}:\n{stderr}"
        );
    }
    let docs = yaml_docs(&String::from_utf8(run.stdout).unwrap());
    assert_eq!(docs[0]["metadata"]["namespace"], "ns");
    assert_eq!(docs[0]["spec"]["hosts"], serde_json::json!(["a", "*"]));
    assert_eq!(docs[0]["spec"]["http"].as_array().unwrap().len(), 3);
}
