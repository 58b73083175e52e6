//! `opensergo proto lint`, end to end: every rule fires on the module
//! written for it, findings match the real `buf lint` (rule, file, line,
//! column and message) on that module and on the embedded OpenSergo
//! protos, and the command line behaves as buf's does where scripts rely
//! on it (error formats, exit code 100, buf.yaml).

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use opensergo::protolint;

mod common;
use common::root;

fn opensergo() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opensergo"));
    cmd.env("NO_COLOR", "1");
    cmd
}

use common::buf_json_findings as findings;

fn ours(dir: &Path) -> BTreeSet<common::BufFinding> {
    ours_with(dir, &[])
}

/// The findings of `opensergo proto lint ARGS` in `dir`.
fn ours_with(dir: &Path, args: &[&str]) -> BTreeSet<common::BufFinding> {
    let out = opensergo()
        .current_dir(dir)
        .args(["proto", "lint", "--error-format", "json", "."])
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    findings(&out.stdout)
}

const ALL_RULES: &str = "testdata/proto-lint/all-rules";
/// Package versions at the edges of buf's rule.
const VERSIONS: &str = "testdata/proto-lint/versions";
/// Name splitting and option locations found on all of googleapis.
const NAMES: &str = "testdata/proto-lint/names";
/// Imports used only by custom options, and one unused.
const OPTIONS: &str = "testdata/proto-lint/options";

/// Rules buf 1.75 does not report although they are configured, with why;
/// see testdata/proto-lint/PARITY.md.
const KNOWN_DIFFERENCES: &[&str] = &["IMPORT_NO_WEAK"];

#[test]
fn every_rule_fires_on_its_module() {
    let fired: BTreeSet<String> = ours(&root().join(ALL_RULES))
        .into_iter()
        .map(|(rule, ..)| rule)
        .collect();
    for rule in protolint::FAMILY.rules {
        let id = opensergo::protobuild::buf_rule_id(rule.code.name);
        assert!(fired.contains(&id), "{id} does not fire on {ALL_RULES}");
    }
}

/// protox's image is linted through the descriptor pool protox built;
/// protoc's is linked into a pool by the lint itself. Either way, the same
/// findings (the option-set imports of IMPORT_USED read the pool).
#[test]
fn findings_do_not_depend_on_the_compiler() {
    if !common::available("protoc") {
        return;
    }
    for module in [ALL_RULES, NAMES, OPTIONS] {
        let dir = root().join(module);
        let by_protox = ours_with(&dir, &["--compiler", "protox"]);
        assert!(!by_protox.is_empty(), "{module}: no finding");
        assert_eq!(
            by_protox,
            ours_with(&dir, &["--compiler", "protoc"]),
            "{module}"
        );
    }
}

#[test]
fn findings_match_buf_lint() {
    if !common::available("buf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let status = opensergo()
        .args(["proto", "export"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(status.status.success());
    for module in [
        root().join(ALL_RULES),
        root().join(VERSIONS),
        root().join(NAMES),
        root().join(OPTIONS),
        dir.path().to_path_buf(),
    ] {
        let buf = std::process::Command::new("buf")
            .current_dir(&module)
            .args(["lint", "--error-format", "json", "."])
            .output()
            .unwrap();
        let theirs = findings(&buf.stdout);
        assert!(
            !theirs.is_empty(),
            "buf found nothing in {}",
            module.display()
        );
        let ours: BTreeSet<_> = ours(&module)
            .into_iter()
            .filter(|f| !KNOWN_DIFFERENCES.contains(&f.0.as_str()))
            .collect();
        let only_ours: Vec<_> = ours.difference(&theirs).collect();
        let only_buf: Vec<_> = theirs.difference(&ours).collect();
        assert!(
            only_ours.is_empty() && only_buf.is_empty(),
            "{}:\nonly opensergo: {only_ours:#?}\nonly buf: {only_buf:#?}",
            module.display()
        );
    }
}

#[test]
fn comment_ignores_and_configuration_silence_findings() {
    let dir = tempfile::tempdir().unwrap();
    let proto = dir.path().join("acme/v1");
    std::fs::create_dir_all(&proto).unwrap();
    std::fs::write(
        proto.join("a.proto"),
        "syntax = \"proto3\";\n\npackage acme.v1;\n\n// buf:lint:ignore FIELD_LOWER_SNAKE_CASE\nmessage A {\n  string BadName = 1;\n  string OtherBad = 2;\n}\n",
    )
    .unwrap();
    let out = ours(dir.path());
    assert!(out.is_empty(), "{out:?}");
    // v1 does not allow comment ignores unless asked to.
    std::fs::write(dir.path().join("buf.yaml"), "version: v1\n").unwrap();
    assert_eq!(ours(dir.path()).len(), 2);
    std::fs::write(
        dir.path().join("buf.yaml"),
        "version: v2\nlint:\n  except: [FIELD_LOWER_SNAKE_CASE]\n  disallow_comment_ignores: true\n",
    )
    .unwrap();
    assert!(ours(dir.path()).is_empty());
    std::fs::write(
        dir.path().join("buf.yaml"),
        "version: v2\nlint:\n  disallow_comment_ignores: true\n  ignore_only:\n    FIELD_LOWER_SNAKE_CASE: [acme/v1/a.proto]\n",
    )
    .unwrap();
    assert!(ours(dir.path()).is_empty());
    std::fs::write(
        dir.path().join("buf.yaml"),
        "version: v2\nlint:\n  usee: [STANDARD]\n",
    )
    .unwrap();
    let out = opensergo()
        .current_dir(dir.path())
        .args(["proto", "lint", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usee"));
}

#[test]
fn exit_codes_and_formats() {
    let module = root().join(ALL_RULES);
    let code = |args: &[&str]| {
        opensergo()
            .current_dir(&module)
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code(&["proto", "lint", "."]), Some(1));
    assert_eq!(code(&["proto", "lint", "--buf-exit-codes", "."]), Some(100));
    assert_eq!(
        code(&[
            "proto",
            "lint",
            "--error-format",
            "text",
            "--fail-on",
            "error",
            "."
        ]),
        Some(1)
    );
    let text = opensergo()
        .current_dir(&module)
        .args(["proto", "lint", "--error-format", "msvc", "."])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&text.stdout)
            .contains("acme/weather/v1/weather.proto(27,10) : error FIELD_LOWER_SNAKE_CASE : Field name \"City\" should be lower_snake_case, such as \"city\".")
    );
    let short = opensergo()
        .current_dir(&module)
        .args(["proto", "lint", "-f", "short", "."])
        .output()
        .unwrap();
    insta::assert_snapshot!("proto_lint_short", String::from_utf8_lossy(&short.stdout));
    let table = opensergo()
        .args(["proto", "lint", "--list-rules"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&table.stdout);
    for rule in protolint::FAMILY.rules {
        assert!(table.contains(rule.code.name), "{}", rule.code.name);
    }
    let explained = opensergo()
        .args(["explain", "FIELD_LOWER_SNAKE_CASE"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&explained.stdout).contains("## Why is this bad"));
}

#[test]
fn the_embedded_protos_are_linted_when_there_is_nothing_else() {
    let empty = tempfile::tempdir().unwrap();
    let found = ours(empty.path());
    assert!(
        found
            .iter()
            .any(|(rule, path, ..)| rule == "ENUM_VALUE_PREFIX"
                && path == "opensergo/proto/common/v1/common.proto")
    );
}
