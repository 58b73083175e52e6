//! `validate` and `lint` on a realistic repository (issue 14): rule files
//! beside a Helm chart, a compose file, a kustomization, a `kubectl get -o
//! yaml` dump and package.json (testdata/validate/repo). Every OpenSergo
//! object is found and judged, other YAML is skipped and counted, and the
//! run is the same whatever the order or repetition of its arguments.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value as Json;

const REPO: &str = "testdata/validate/repo";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn opensergo() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opensergo"));
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .arg("--no-config");
    cmd
}

fn stdout(args: &[&str]) -> (i32, String) {
    let out = opensergo().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn json(args: &[&str]) -> (i32, Json) {
    let (code, text) = stdout(&[args, &["--format", "json"]].concat());
    (code, serde_json::from_str(&text).unwrap())
}

#[test]
fn other_yaml_is_skipped_and_counted_by_kind_and_templates_get_a_note() {
    let (code, out) = stdout(&["validate", "--format", "short", REPO]);
    assert_eq!(code, 0, "{out}");
    insta::assert_snapshot!(out, @r"
    testdata/validate/repo/chart/templates/rate-limit.yaml:4:9: info[OS0006] a Helm/Go template: not checked until it is rendered
    validate: 8 files, 9 documents: 2 valid, 0 invalid, 7 skipped (4 non-object, 1 Deployment, 1 Kustomization, 1 Service); 0 errors, 0 warnings, 1 info
    ");
}

#[test]
fn require_known_turns_every_unchecked_document_into_an_error() {
    let (code, report) = json(&["validate", "--require-known", REPO]);
    assert_eq!(code, 1);
    let mut codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "OS0006", "OS1009", "OS1009", "OS1009", "OS1009", "OS1010", "OS1010", "OS1010"
        ]
    );
}

#[test]
fn skip_and_reject_choose_kinds() {
    let (code, report) = json(&[
        "validate",
        "--skip",
        "RateLimitStrategy,FaultToleranceRule",
        &format!("{REPO}/rules"),
    ]);
    assert_eq!(code, 0);
    assert_eq!(report["summary"]["skipped"], 2);
    assert_eq!(
        report["summary"]["skippedKinds"],
        serde_json::json!({"FaultToleranceRule": 1, "RateLimitStrategy": 1})
    );
    let (code, report) = json(&["validate", "--reject", "apps/v1/Deployment", REPO]);
    assert_eq!(code, 1);
    let rejected: Vec<&Json> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "OS1011")
        .collect();
    assert_eq!(rejected.len(), 1);
    assert_eq!(
        rejected[0]["file"],
        "testdata/validate/repo/cluster-dump.yaml"
    );
    assert_eq!(rejected[0]["line"], 7);
}

#[test]
fn skip_reject_and_require_known_come_from_opensergo_yaml_too() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("opensergo.yaml");
    std::fs::write(
        &config,
        "version: v1\nvalidate:\n  reject: [Service]\n  skip: [Deployment]\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(root())
        .args(["--config", config.to_str().unwrap(), "validate"])
        .args(["--format", "json", REPO])
        .output()
        .unwrap();
    let report: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(report["summary"]["skippedKinds"]["Deployment"], 1);
    assert_eq!(report["summary"]["errors"], 1);
}

#[test]
fn a_missing_path_is_reported_and_everything_else_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("out.sarif");
    let out = opensergo()
        .args(["validate", "no/such/rules.yaml", REPO])
        .args(["--format", "sarif", "--output", sarif.to_str().unwrap()])
        .args(["--format", "short"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("no/such/rules.yaml: error[OS0001] cannot read no/such/rules.yaml"),
        "{text}"
    );
    assert!(text.contains("9 files, 9 documents: 2 valid"), "{text}");
    let sarif: Json = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "OS0001"), "{sarif}");
}

#[test]
fn a_path_given_twice_is_read_once_and_argument_order_does_not_matter() {
    let rules = format!("{REPO}/rules");
    let file = format!("{REPO}/rules/rate-limit.yaml");
    let dotted = format!("./{REPO}/rules/./rate-limit.yaml");
    let (_, once) = stdout(&["validate", "--format", "short", REPO]);
    let (_, again) = stdout(&[
        "validate", "--format", "short", &file, REPO, &dotted, &rules,
    ]);
    assert_eq!(once, again);
    // Lint saw the same objects twice before: "defined 2 times".
    let (code, lint) = stdout(&["lint", "--format", "short", &file, &rules, &file]);
    assert_eq!(code, 0, "{lint}");
    assert!(lint.contains("lint: 1 file, 2 documents"), "{lint}");
    let (_, forward) = stdout(&[
        "lint",
        "--format",
        "json",
        "testdata/lint/OS3001",
        "testdata/examples",
    ]);
    let (_, backward) = stdout(&[
        "lint",
        "--format",
        "json",
        "testdata/examples",
        "testdata/lint/OS3001",
    ]);
    assert_eq!(forward, backward);
}

#[test]
fn force_exclude_applies_excludes_to_named_files() {
    let values = format!("{REPO}/chart/values.yaml");
    let template = format!("{REPO}/chart/templates/rate-limit.yaml");
    let args = ["validate", "--format", "short", "--exclude", "**/chart/**"];
    let (_, named) = stdout(&[&args[..], &[&values, &template]].concat());
    assert!(named.contains("validate: 2 files"), "{named}");
    let (code, forced) = stdout(&[&args[..], &["--force-exclude", &values, &template]].concat());
    assert_eq!(code, 0);
    assert!(forced.contains("validate: 0 files"), "{forced}");
}

#[test]
fn stdin_filename_names_stdin_in_reports_and_excludes() {
    let rule = std::fs::read(root().join(REPO).join("rules/rate-limit.yaml")).unwrap();
    let bad = String::from_utf8(rule)
        .unwrap()
        .replace("threshold: 100", "threshold: ten");
    let out = opensergo()
        .args([
            "validate",
            "--format",
            "short",
            "--stdin-filename",
            "deploy/rl.yaml",
            "-",
        ])
        .write_stdin(bad.clone())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("deploy/rl.yaml:10:14: error[OS1004]"),
        "{text}"
    );
    let out = opensergo()
        .args([
            "validate",
            "--format",
            "short",
            "--stdin-filename",
            "deploy/rl.yaml",
        ])
        .args(["--exclude", "deploy/**", "--force-exclude", "-"])
        .write_stdin(bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// `-o json` (kubectl's spelling) must not silently write a file named
/// `json`, and two machine formats must not share stdout.
#[test]
fn format_names_as_output_files_and_mixed_stdout_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["json", "sarif", "junit", "short"] {
        let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
            .current_dir(dir.path())
            .args(["--no-config", "validate", "-o", name, "-"])
            .write_stdin("a: 1\n")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("--format {name}")), "{stderr}");
        assert!(!dir.path().join(name).exists(), "{name} was written");
    }
    for formats in [&["json", "sarif"][..], &["human", "json"]] {
        let mut cmd = opensergo();
        cmd.args(["lint", REPO]);
        for f in formats {
            cmd.args(["--format", f]);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{formats:?}");
        assert!(out.stdout.is_empty());
    }
    // One machine format on stdout beside files is fine.
    let sarif = dir.path().join("report.sarif");
    let (code, _) = stdout(&[
        "validate",
        "--format",
        "sarif",
        "--output",
        sarif.to_str().unwrap(),
        "--format",
        "json",
        REPO,
    ]);
    assert_eq!(code, 0);
}

/// Kustomize-style repositories leave `metadata.namespace` out; lint's
/// references and duplicates then need the namespace they will get.
#[test]
fn namespace_fills_in_objects_without_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rules.yaml"),
        "apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: FaultToleranceRule
metadata:
  name: orders-rule
  labels: {app: orders}
spec:
  targets: [{targetResourceName: /api/orders}]
  strategies: [{name: orders-rate-limit, kind: RateLimitStrategy}]
---
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: RateLimitStrategy
metadata:
  name: orders-rate-limit
  namespace: shop
  labels: {app: orders}
spec: {metricType: RequestAmount, limitMode: Local, threshold: 10, statDurationSeconds: 1}
",
    )
    .unwrap();
    let lint = |args: &[&str], config: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_opensergo"));
        cmd.current_dir(dir.path()).env("NO_COLOR", "1");
        match config {
            Some(text) => std::fs::write(dir.path().join("opensergo.yaml"), text).unwrap(),
            None => {
                let _ = std::fs::remove_file(dir.path().join("opensergo.yaml"));
            }
        }
        let out = cmd
            .args(["lint", "--format", "short"])
            .args(args)
            .arg("rules.yaml")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, out) = lint(&[], None);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[OS2004]"), "{out}");
    assert_eq!(lint(&["-n", "shop"], None).0, 0);
    assert_eq!(lint(&["--namespace", "shop"], None).0, 0);
    assert_eq!(lint(&[], Some("namespace: shop\n")).0, 0);
}

/// The short format follows `--color` like the human one.
#[test]
fn short_format_follows_color_always() {
    let file = "testdata/validate/type-mistakes/api-no-io.yaml";
    let colored = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(root())
        .args([
            "--no-config",
            "--color",
            "always",
            "validate",
            "-f",
            "short",
            file,
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&colored.stdout);
    assert!(text.contains("\x1b[1;31merror[OS1008]\x1b[0m"), "{text:?}");
    let (_, plain) = stdout(&["--color", "never", "validate", "-f", "short", file]);
    assert!(!plain.contains('\x1b'));
}
