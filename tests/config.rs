//! The project configuration file, end to end.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/validate")
        .join(name)
}

fn opensergo(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_opensergo"));
    c.current_dir(dir).args(["--color", "never"]);
    c
}

#[test]
fn init_writes_a_default_that_show_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    opensergo(dir.path())
        .args(["config", "init"])
        .assert()
        .code(0);
    let written = std::fs::read_to_string(dir.path().join("opensergo.yaml")).unwrap();
    assert!(written.contains("overrides"));
    // A second init refuses to overwrite.
    opensergo(dir.path())
        .args(["config", "init"])
        .assert()
        .code(2);
    let shown = opensergo(dir.path())
        .args(["config", "show"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(shown).unwrap().contains("strict: false"));
}

#[test]
fn config_is_found_walking_up_and_changes_severities() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::copy(
        fixture("invalid/RateLimitStrategy-name-underscore.yaml"),
        nested.join("rule.yaml"),
    )
    .unwrap();
    // Without config: invalid metadata is an error.
    opensergo(&nested)
        .args(["validate", "rule.yaml"])
        .assert()
        .code(1);
    std::fs::write(
        dir.path().join("opensergo.yaml"),
        "rules:\n  invalid-metadata: warning\n",
    )
    .unwrap();
    opensergo(&nested)
        .args(["validate", "rule.yaml"])
        .assert()
        .code(0);
    // --no-config ignores it; a path override can turn it back on.
    opensergo(&nested)
        .args(["--no-config", "validate", "rule.yaml"])
        .assert()
        .code(1);
    std::fs::write(
        dir.path().join("opensergo.yaml"),
        "rules:\n  invalid-metadata: warning\noverrides:\n  - paths: ['rule.yaml']\n    rules: {OS1006: error}\n",
    )
    .unwrap();
    opensergo(&nested)
        .args(["validate", "rule.yaml"])
        .assert()
        .code(1);
}

#[test]
fn unknown_keys_are_positioned_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("opensergo.yaml"),
        "version: v1\nvalidate:\n  strikt: true\n",
    )
    .unwrap();
    opensergo(dir.path())
        .args(["validate", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown key `validate.strikt`"))
        .stderr(predicates::str::contains("opensergo.yaml:3:3"));
    // Commands that do not use the configuration are not blocked by it.
    opensergo(dir.path())
        .args(["completions", "bash"])
        .assert()
        .code(0);
    opensergo(dir.path())
        .args(["config", "init", "--force"])
        .assert()
        .code(0);
}

#[test]
fn config_excludes_and_strictness_apply() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("vendor")).unwrap();
    std::fs::copy(
        fixture("invalid/RateLimitStrategy-threshold-string.yaml"),
        dir.path().join("vendor/bad.yaml"),
    )
    .unwrap();
    std::fs::copy(
        fixture("invalid/FaultToleranceRule-selector-fallbackaction.yaml"),
        dir.path().join("rule.yaml"),
    )
    .unwrap();
    opensergo(dir.path())
        .args(["validate", "."])
        .assert()
        .code(1);
    std::fs::write(dir.path().join("opensergo.yaml"), "exclude: ['vendor']\n").unwrap();
    opensergo(dir.path())
        .args(["validate", "."])
        .assert()
        .code(0);
    std::fs::write(
        dir.path().join("opensergo.yaml"),
        "exclude: ['vendor']\nvalidate: {strict: true}\n",
    )
    .unwrap();
    opensergo(dir.path())
        .args(["validate", "."])
        .assert()
        .code(1);
}

/// Issue 14: mistakes in opensergo.yaml are OS0007 (not OS1004, which is
/// about rules) at their position, with a "did you mean", at any depth.
#[test]
fn config_mistakes_are_errors_with_positions_and_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("valid/RateLimitStrategy.yaml"),
        dir.path().join("rule.yaml"),
    )
    .unwrap();
    for (config, line, wanted) in [
        ("validate:\n  strikt: true\n", 2, "did you mean `strict`?"),
        ("overrides:\n  - pathz: [a]\n", 2, "did you mean `paths`?"),
        ("exlude: [a]\n", 1, "did you mean `exclude`?"),
        (
            "rules:\n  missing-app-lable: off\n",
            2,
            "did you mean `missing-app-label`?",
        ),
        (
            "overrides:\n  - paths: [a]\n    rules: {OS9999: off}\n",
            3,
            "OS9999",
        ),
        // A code no configuration can change is an error too, not a
        // silent no-op (a file nobody parsed is never hidden).
        ("rules:\n  OS0004: off\n", 2, "has no level to configure"),
        (
            "overrides:\n  - paths: [a]\n    rules: {dropped-field: off}\n",
            3,
            "OS7002 dropped-field",
        ),
        ("validate: true\n", 1, "takes a mapping"),
        ("validate:\n  strict: yes please\n", 2, "true or false"),
        ("rules: [OS1007]\n", 1, "takes a mapping"),
        ("failOn: loud\n", 1, "info, warning or error"),
    ] {
        std::fs::write(dir.path().join("opensergo.yaml"), config).unwrap();
        let out = opensergo(dir.path())
            .args(["validate", "rule.yaml"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{config}: {stderr}");
        assert!(
            stderr.contains("OS0007 invalid-config"),
            "{config}: {stderr}"
        );
        assert!(!stderr.contains("OS1004"), "{config}: {stderr}");
        assert!(
            stderr.contains(&format!("opensergo.yaml:{line}:")),
            "{config}: {stderr}"
        );
        assert!(stderr.contains(wanted), "{config}: {stderr}");
    }
}

#[test]
fn fail_on_can_be_set_in_the_config_and_the_flag_wins() {
    let dir = tempfile::tempdir().unwrap();
    let rule = std::fs::read_to_string(fixture("valid/RateLimitStrategy.yaml")).unwrap();
    // A missing app label is a warning.
    let rule = rule.replace("    app: ", "    tier: ");
    std::fs::write(dir.path().join("rule.yaml"), rule).unwrap();
    opensergo(dir.path())
        .args(["validate", "rule.yaml"])
        .assert()
        .code(0);
    std::fs::write(dir.path().join("opensergo.yaml"), "failOn: warning\n").unwrap();
    opensergo(dir.path())
        .args(["validate", "rule.yaml"])
        .assert()
        .code(1);
    opensergo(dir.path())
        .args(["validate", "--fail-on", "error", "rule.yaml"])
        .assert()
        .code(0);
}
