//! The proto workspace's configuration, end to end: per-module `lint` and
//! `breaking` blocks checked as the real `buf lint` / `buf breaking`
//! check them (a two-module workspace, testdata/proto-config), the same
//! configuration written as the `proto:` section of opensergo.yaml and
//! its precedence over buf.yaml, errors at their place, `config show` and
//! `config init`, and hostile workspaces (links out, oversized files,
//! FIFOs) refused or skipped visibly, never waited on.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command as Process;
use std::time::Duration;

mod common;
use common::root;

const NEW: &str = "testdata/proto-config/new";
const OLD: &str = "testdata/proto-config/old";

type Finding = (String, String, u64, u64);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs opensergo in `dir`, bounded (a FIFO read would hang it).
fn opensergo(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_opensergo"));
    cmd.current_dir(dir).env("NO_COLOR", "1").args(args);
    let out = common::run(&mut cmd, None, Duration::from_secs(60));
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// (rule, path, line, column) of `--error-format json` lines.
fn findings(json_lines: &str) -> BTreeSet<Finding> {
    common::buf_json_findings(json_lines.as_bytes())
        .into_iter()
        .map(|(rule, path, line, column, _)| (rule, path, line, column))
        .collect()
}

fn lint(dir: &Path) -> BTreeSet<Finding> {
    let r = opensergo(dir, &["proto", "lint", "--error-format", "json"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    findings(&r.stdout)
}

fn breaking(dir: &Path, against: &str) -> BTreeSet<Finding> {
    let r = opensergo(
        dir,
        &[
            "proto",
            "breaking",
            "--error-format",
            "json",
            "--against",
            against,
        ],
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    findings(&r.stdout)
}

fn finding(rule: &str, path: &str, line: u64, column: u64) -> Finding {
    (rule.into(), path.into(), line, column)
}

/// Module `a` lints with its own block (BASIC without
/// FIELD_LOWER_SNAKE_CASE), module `b` with the top-level one (STANDARD,
/// ENUM_ZERO_VALUE_SUFFIX ignored for its file).
fn expected_lint() -> BTreeSet<Finding> {
    [finding(
        "FIELD_LOWER_SNAKE_CASE",
        "b/acme/b/v1/b.proto",
        9,
        10,
    )]
    .into()
}

/// Module `a` checks WIRE (a rename, a wire-compatible type change and a
/// deleted file are fine there), module `b` FILE (all three break it).
fn expected_breaking() -> BTreeSet<Finding> {
    [
        finding(
            "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
            "a/acme/a/v1/a.proto",
            6,
            1,
        ),
        finding("FIELD_NO_DELETE", "b/acme/b/v1/b.proto", 6, 1),
        finding("FIELD_SAME_NAME", "b/acme/b/v1/b.proto", 7, 10),
        finding("FIELD_SAME_TYPE", "b/acme/b/v1/b.proto", 8, 3),
        finding("FILE_NO_DELETE", "<input>", 1, 1),
    ]
    .into()
}

#[test]
fn per_module_blocks_replace_the_top_level_ones() {
    let new = root().join(NEW);
    assert_eq!(lint(&new), expected_lint());
    assert_eq!(breaking(&new, "../old"), expected_breaking());
}

#[test]
fn per_module_blocks_match_buf() {
    if !common::available("buf") {
        return;
    }
    let new = root().join(NEW);
    let buf = |args: &[&str]| {
        let out = Process::new("buf")
            .current_dir(&new)
            .args(args)
            .args(["--error-format", "json"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(100),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        findings(&String::from_utf8_lossy(&out.stdout))
    };
    assert_eq!(buf(&["lint"]), lint(&new));
    assert_eq!(
        buf(&["breaking", "--against", "../old"]),
        breaking(&new, "../old")
    );
}

/// buf.yaml v2's text as opensergo.yaml's `proto:` section.
fn as_proto_section(buf_yaml: &str) -> String {
    let body: String = buf_yaml
        .lines()
        .filter(|line| !line.starts_with("version:"))
        .map(|line| format!("  {line}\n"))
        .collect();
    format!("version: v1\nproto:\n{body}")
}

/// A copy of the fixture pair, each with opensergo.yaml instead of buf.yaml.
fn pair_with_proto_sections() -> tempfile::TempDir {
    let scratch = tempfile::tempdir().unwrap();
    for (from, to) in [(NEW, "new"), (OLD, "old")] {
        common::copy_tree(&root().join(from), &scratch.path().join(to));
        let buf_yaml = scratch.path().join(to).join("buf.yaml");
        let text = std::fs::read_to_string(&buf_yaml).unwrap();
        std::fs::remove_file(&buf_yaml).unwrap();
        std::fs::write(
            scratch.path().join(to).join("opensergo.yaml"),
            as_proto_section(&text),
        )
        .unwrap();
    }
    scratch
}

#[test]
fn the_proto_section_configures_the_workspace_as_buf_yaml_does() {
    let scratch = pair_with_proto_sections();
    let new = scratch.path().join("new");
    assert_eq!(lint(&new), expected_lint());
    // The previous version is a directory with its own proto section: it
    // is read on its own, as buf reads the --against directory's buf.yaml.
    assert_eq!(breaking(&new, "../old"), expected_breaking());

    // `--config` names the file from anywhere; the section applies to
    // its directory.
    let config = new.join("opensergo.yaml");
    let config = config.to_str().unwrap();
    let new_dir = new.to_str().unwrap();
    let r = opensergo(
        scratch.path(),
        &[
            "--config",
            config,
            "proto",
            "lint",
            "--error-format",
            "json",
            new_dir,
        ],
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(findings(&r.stdout).len(), 1, "{}", r.stdout);

    // `build` and `format` read the same modules: excluding module b
    // leaves a's file only.
    let excluded = std::fs::read_to_string(config)
        .unwrap()
        .replace("  - path: b\n", "  - path: b\n      excludes: [b/acme]\n");
    std::fs::write(config, excluded).unwrap();
    let r = opensergo(&new, &["proto", "build", "-o", "image.json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let image: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(new.join("image.json")).unwrap()).unwrap();
    let names: Vec<&str> = image["file"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["acme/a/v1/a.proto"]);
    let r = opensergo(&new, &["proto", "format", "--diff"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stdout.contains("b.proto"), "{}", r.stdout);
    // Without the section (and no buf.yaml here): every .proto file as
    // one module, imported by their paths from the top.
    let r = opensergo(&new, &["--no-config", "proto", "build", "-o", "plain.json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let plain = std::fs::read_to_string(new.join("plain.json")).unwrap();
    assert!(plain.contains("\"b/acme/b/v1/b.proto\""), "{plain}");
}

/// A git revision is laid out by the `proto:` section of the
/// opensergo.yaml at the same place in its tree.
#[test]
fn a_git_revision_is_read_with_its_own_proto_section() {
    let scratch = pair_with_proto_sections();
    let repo = scratch.path().join("repo");
    common::copy_tree(&scratch.path().join("old"), &repo.join("apis"));
    common::git(&repo, &["init", "-q"]);
    common::git(&repo, &["add", "."]);
    common::git(&repo, &["commit", "-q", "-m", "old"]);
    std::fs::remove_dir_all(repo.join("apis")).unwrap();
    common::copy_tree(&scratch.path().join("new"), &repo.join("apis"));
    assert_eq!(breaking(&repo.join("apis"), "HEAD"), expected_breaking());
}

/// A revision's `.opensergo.yaml` is read as the file of that name is on
/// disk, and one that does not parse is an error at its place, not
/// passed over for the revision's buf.yaml.
#[test]
fn a_git_revision_reads_a_hidden_or_broken_opensergo_yaml() {
    let scratch = pair_with_proto_sections();
    let repo = scratch.path().join("repo");
    let apis = repo.join("apis");
    common::copy_tree(&scratch.path().join("old"), &apis);
    std::fs::rename(apis.join("opensergo.yaml"), apis.join(".opensergo.yaml")).unwrap();
    common::git(&repo, &["init", "-q"]);
    common::git(&repo, &["add", "."]);
    common::git(&repo, &["commit", "-q", "-m", "hidden"]);
    std::fs::write(apis.join(".opensergo.yaml"), "proto: [unclosed\n").unwrap();
    std::fs::write(apis.join("buf.yaml"), "version: v2\n").unwrap();
    common::git(&repo, &["add", "."]);
    common::git(&repo, &["commit", "-q", "-m", "broken"]);
    std::fs::remove_dir_all(&apis).unwrap();
    common::copy_tree(&scratch.path().join("new"), &apis);
    assert_eq!(breaking(&apis, "HEAD~1"), expected_breaking());

    let r = opensergo(&apis, &["proto", "breaking", "--against", "HEAD"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains(".opensergo.yaml:"), "{}", r.stderr);
}

#[test]
fn opensergo_yaml_wins_over_buf_yaml_and_says_so() {
    let scratch = pair_with_proto_sections();
    let new = scratch.path().join("new");
    // A buf.yaml that would lint everything with MINIMAL: not read.
    std::fs::write(
        new.join("buf.yaml"),
        "version: v2\nlint:\n  use: [MINIMAL]\n",
    )
    .unwrap();
    let r = opensergo(&new, &["proto", "lint", "--error-format", "json"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(findings(&r.stdout), expected_lint());
    assert!(
        r.stderr
            .contains("buf.yaml is not read: the `proto:` section of"),
        "{}",
        r.stderr
    );
    // A directory inside the section's workspace is read on its own, with a note.
    let r = opensergo(&new, &["proto", "build", "a"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("is read on its own"), "{}", r.stderr);
}

#[test]
fn section_errors_point_at_their_place_at_any_depth() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(
        scratch.path().join("opensergo.yaml"),
        "version: v1\nproto:\n  modules:\n    - path: a\n      lint:\n        excep: [FIELD_LOWER_SNAKE_CASE]\n  breaking:\n    ignore_unstable_packages: yes please\n",
    )
    .unwrap();
    for args in [
        &["proto", "lint"][..],
        &["proto", "build"],
        &["proto", "format"],
        &["config", "show"],
    ] {
        let r = opensergo(scratch.path(), args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("opensergo.yaml:6:9") && r.stderr.contains("did you mean `except`"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("opensergo.yaml:8:31") && r.stderr.contains("true or false"),
            "{args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn config_show_and_init_know_the_section() {
    let scratch = pair_with_proto_sections();
    let new = scratch.path().join("new");
    let r = opensergo(&new, &["config", "show"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let shown = common::yaml_docs(&r.stdout).remove(0);
    assert_eq!(shown["proto"]["modules"][0]["path"], "a");
    assert_eq!(shown["proto"]["modules"][0]["breaking"]["use"][0], "WIRE");
    assert_eq!(shown["proto"]["lint"]["use"][0], "STANDARD");
    // What `show` prints configures the same workspace.
    std::fs::write(new.join("opensergo.yaml"), &r.stdout).unwrap();
    assert_eq!(lint(&new), expected_lint());

    let r = opensergo(scratch.path(), &["config", "init"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let written = std::fs::read_to_string(scratch.path().join("opensergo.yaml")).unwrap();
    assert!(written.contains("# proto:\n#   modules:"), "{written}");
    // Uncommented, the example is a valid section.
    let at = written.find("# proto:").unwrap();
    let example: String = written[at..]
        .lines()
        .map(|l| format!("{}\n", l.strip_prefix("# ").unwrap_or(l)))
        .collect();
    let uncommented = format!("{}{example}", &written[..at]);
    std::fs::write(scratch.path().join("opensergo.yaml"), uncommented).unwrap();
    let r = opensergo(scratch.path(), &["config", "show"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("path: proto"), "{}", r.stdout);
}

const PROTO: &str = "syntax = \"proto3\";\n\npackage acme.v1;\n\nmessage Thing {}\n";

#[test]
fn a_buf_yaml_linked_out_of_the_workspace_is_not_read() {
    let scratch = tempfile::tempdir().unwrap();
    let ws = scratch.path().join("ws");
    std::fs::create_dir_all(ws.join("acme/v1")).unwrap();
    std::fs::write(ws.join("acme/v1/a.proto"), PROTO).unwrap();
    std::fs::write(scratch.path().join("secret.yaml"), "version: v2\n").unwrap();
    std::os::unix::fs::symlink(scratch.path().join("secret.yaml"), ws.join("buf.yaml")).unwrap();
    let r = opensergo(&ws, &["proto", "build"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("leads out of"), "{}", r.stderr);
}

#[test]
fn a_proto_linked_out_of_the_workspace_is_skipped_visibly() {
    let scratch = tempfile::tempdir().unwrap();
    let ws = scratch.path().join("ws");
    std::fs::create_dir_all(ws.join("acme/v1")).unwrap();
    std::fs::write(ws.join("acme/v1/a.proto"), PROTO).unwrap();
    std::fs::write(scratch.path().join("secret.proto"), "secret").unwrap();
    std::os::unix::fs::symlink(
        scratch.path().join("secret.proto"),
        ws.join("acme/v1/b.proto"),
    )
    .unwrap();
    let r = opensergo(&ws, &["proto", "build", "-o", "-"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("skipping acme/v1/b.proto: a symlink pointing outside"),
        "{}",
        r.stderr
    );
}

#[test]
fn oversized_protos_and_buf_yamls_are_refused_by_name() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(scratch.path().join("acme/v1")).unwrap();
    std::fs::write(scratch.path().join("acme/v1/a.proto"), PROTO).unwrap();
    let r = opensergo(scratch.path(), &["proto", "lint", "--max-file-size", "20"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("acme/v1/a.proto is larger than the 20 bytes limit")
            && r.stderr.contains("--max-file-size"),
        "{}",
        r.stderr
    );
    std::fs::write(
        scratch.path().join("buf.yaml"),
        format!("version: v2\n#{}\n", "x".repeat(100)),
    )
    .unwrap();
    let r = opensergo(
        scratch.path(),
        &["proto", "build", "--max-file-size", "100"],
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("buf.yaml is larger than"), "{}", r.stderr);
}

#[test]
fn a_fifo_named_like_a_proto_is_skipped_not_waited_on() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(scratch.path().join("acme/v1")).unwrap();
    std::fs::write(scratch.path().join("acme/v1/a.proto"), PROTO).unwrap();
    let status = Process::new("mkfifo")
        .arg(scratch.path().join("acme/v1/x.proto"))
        .status()
        .unwrap();
    assert!(status.success());
    for args in [
        &["proto", "build"][..],
        &["proto", "lint"],
        &["proto", "format"],
    ] {
        let r = opensergo(scratch.path(), args);
        assert!(matches!(r.code, Some(0 | 1)), "{args:?}: {}", r.stderr);
        assert!(
            r.stderr
                .contains("skipping acme/v1/x.proto: not a regular file"),
            "{args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn a_fifo_named_buf_yaml_is_refused_not_waited_on() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(scratch.path().join("acme/v1")).unwrap();
    std::fs::write(scratch.path().join("acme/v1/a.proto"), PROTO).unwrap();
    let status = Process::new("mkfifo")
        .arg(scratch.path().join("buf.yaml"))
        .status()
        .unwrap();
    assert!(status.success());
    let r = opensergo(scratch.path(), &["proto", "build"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("buf.yaml is not a regular file"),
        "{}",
        r.stderr
    );
}
