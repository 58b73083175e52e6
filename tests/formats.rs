//! Every output format, pinned by snapshots on the same fixtures, and the
//! SARIF output checked against the official SARIF 2.1.0 schema.

use assert_cmd::Command;

const FIXTURES: &[&str] = &[
    "testdata/validate/invalid/RateLimitStrategy-statduration-1s.yaml",
    "testdata/validate/invalid/FaultToleranceRule-chinese.yaml",
    "testdata/validate/bad-input/dupkey.yaml",
    "testdata/validate/bad-input/multi-doc.yaml",
];

mod common;
use common::root;

fn run(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(root())
        .args([
            "--color",
            "never",
            "--no-config",
            "validate",
            "--format",
            format,
        ])
        .args(FIXTURES)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn human() {
    insta::assert_snapshot!(run("human"));
}

#[test]
fn short() {
    insta::assert_snapshot!(run("short"));
}

#[test]
fn json() {
    insta::assert_snapshot!(run("json"));
}

#[test]
fn github() {
    insta::assert_snapshot!(run("github"));
}

#[test]
fn junit() {
    insta::assert_snapshot!(run("junit"));
}

#[test]
fn sarif() {
    insta::assert_snapshot!(run("sarif"));
}

#[test]
fn sarif_matches_the_official_schema() {
    let text =
        std::fs::read_to_string(root().join("testdata/sarif/sarif-2.1.0-rtm.5.json")).unwrap();
    // The official schema's `language` pattern has a stray `]`, which
    // ECMA-262 reads as a literal and Rust's regex engines reject; escape it.
    let stray = r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"#;
    assert!(text.contains(stray));
    let text = text.replace(stray, r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$"#);
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And it is not trivially valid: a broken log is rejected.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn several_formats_go_to_their_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("out.sarif");
    let junit = dir.path().join("out.xml");
    let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(root())
        .args(["--color", "never", "--no-config", "validate"])
        .args(["--format", "sarif", "--output"])
        .arg(&sarif)
        .args(["--format", "junit", "--output"])
        .arg(&junit)
        .args(["--format", "short"])
        .args(FIXTURES)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("error[OS1004]"));
    assert!(
        std::fs::read_to_string(&sarif)
            .unwrap()
            .contains("\"version\": \"2.1.0\"")
    );
    assert!(
        std::fs::read_to_string(&junit)
            .unwrap()
            .starts_with("<?xml")
    );
}

#[test]
fn fail_on_quiet_and_summary() {
    let base = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_opensergo"));
        c.current_dir(root())
            .args(["--color", "never", "--no-config", "validate"]);
        c
    };
    let warn_only = "testdata/validate/invalid/ThrottlingStrategy-no-labels.yaml";
    let out = base()
        .args(["--quiet", warn_only])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(
        !String::from_utf8(out).unwrap().contains("validate:"),
        "--quiet drops the summary"
    );
    base()
        .args(["--fail-on", "warning", warn_only])
        .assert()
        .code(1);
    let out = base()
        .args(["--summary", warn_only])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("OS1007 missing-app-label")
    );
}
