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
