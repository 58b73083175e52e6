//! `opensergo diff`, end to end, on the fixture pairs of `testdata/diff/`
//! (see its README): every pair in every format, pinned by insta
//! snapshots; exit codes; bad input on either side; and git revisions
//! read from a temporary repository made with the real `git`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The two sides of a fixture pair: `old.yaml`/`new.yaml` or `old/`/`new/`.
fn pair(name: &str) -> (String, String) {
    let dir = Path::new("testdata/diff").join(name);
    let side = |s: &str| {
        let file = dir.join(format!("{s}.yaml"));
        if root().join(&file).exists() {
            file.display().to_string()
        } else {
            dir.join(s).display().to_string()
        }
    };
    (side("old"), side("new"))
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(["--no-config", "diff"])
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn diff(name: &str, extra: &[&str]) -> Run {
    let (old, new) = pair(name);
    let mut args: Vec<&str> = extra.to_vec();
    args.extend([old.as_str(), new.as_str()]);
    run_in(&root(), &args)
}

/// Every format of one pair, in one snapshot.
fn all_formats(name: &str, extra: &[&str]) -> String {
    let mut out = String::new();
    for format in ["human", "brief", "json", "github"] {
        let mut args = vec!["--format", format];
        args.extend(extra);
        let run = diff(name, &args);
        assert_eq!(run.code, 0, "{name} {format}: {}", run.stderr);
        assert_eq!(run.stderr, "", "{name} {format}");
        out.push_str(&format!("===== {format}\n{}", run.stdout));
    }
    out
}

#[test]
fn reordered_documents_comments_and_quoting_are_no_change() {
    for name in ["reorder", "split", "duration"] {
        let run = diff(name, &["--exit-code"]);
        assert_eq!(run.code, 0, "{name}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.starts_with("diff: no changes"),
            "{name}: {}",
            run.stdout
        );
        let brief = diff(name, &["--format", "brief"]);
        assert_eq!(brief.stdout, "", "{name}");
    }
    insta::assert_snapshot!("reorder", all_formats("reorder", &[]));
}

#[test]
fn same_meaning_durations_differ_only_with_raw() {
    insta::assert_snapshot!("duration_raw", all_formats("duration", &["--raw"]));
}

#[test]
fn a_rename_is_a_removal_and_an_addition() {
    insta::assert_snapshot!("rename", all_formats("rename", &[]));
}

#[test]
fn moved_list_items_are_moves_unless_order_is_ignored() {
    insta::assert_snapshot!("moved", all_formats("moved", &[]));
    let ignored = diff("moved", &["--ignore-order", "--format", "json"]);
    assert!(!ignored.stdout.contains("\"moved\""), "{}", ignored.stdout);
    assert!(ignored.stdout.contains("PUT:/cart"));
}

#[test]
fn limits_are_labelled_tightening_or_loosening() {
    insta::assert_snapshot!("limits", all_formats("limits", &[]));
}

#[test]
fn route_order_is_meaning_even_with_ignore_order() {
    insta::assert_snapshot!("routes", all_formats("routes", &[]));
    let run = diff("routes", &["--ignore-order", "--format", "brief"]);
    assert_eq!(run.stdout, "~ TrafficRouter shop/reviews\n");
    let run = diff("routes", &["--ignore-order"]);
    assert!(
        run.stdout
            .contains("moved from [0] to [1], changes behaviour"),
        "{}",
        run.stdout
    );
}

#[test]
fn exit_codes_follow_git_diff() {
    assert_eq!(diff("limits", &[]).code, 0);
    assert_eq!(diff("limits", &["--exit-code"]).code, 1);
    assert_eq!(diff("reorder", &["--exit-code"]).code, 0);
    let run = run_in(
        &root(),
        &["testdata/diff/nope.yaml", "testdata/diff/limits/new.yaml"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("testdata/diff/nope.yaml"),
        "{}",
        run.stderr
    );
    let run = run_in(&root(), &["--key", "spec.rules", "a", "b"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("PATH=FIELD"), "{}", run.stderr);
}

#[test]
fn bad_input_on_either_side_is_reported_at_its_position() {
    let good = "testdata/diff/limits/new.yaml";
    for args in [
        ["testdata/diff/bad/broken.yaml", good],
        [good, "testdata/diff/bad/broken.yaml"],
    ] {
        let run = run_in(&root(), &args);
        assert_eq!(run.code, 2);
        assert_eq!(run.stdout, "");
        assert!(run.stderr.contains("OS0003 yaml-syntax"), "{}", run.stderr);
        assert!(
            run.stderr.contains("testdata/diff/bad/broken.yaml:8:1"),
            "{}",
            run.stderr
        );
    }
    let run = run_in(&root(), &["testdata/diff/bad/twice", good]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("duplicate_identity", run.stderr);
}

#[test]
fn documents_without_identity_are_counted_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), "just: values\n").unwrap();
    std::fs::write(dir.path().join("b.yaml"), "just: other values\n").unwrap();
    let run = run_in(dir.path(), &["a.yaml", "b.yaml", "--exit-code"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("OS9003 unidentified-document"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stdout,
        "diff: no changes (0 objects compared); 2 documents without identity skipped\n"
    );
}

#[test]
fn stdin_and_extra_keys() {
    let old = "apiVersion: database.opensergo.io/v1alpha1\nkind: Sharding\nmetadata: {name: s}\nspec:\n  tables:\n    - {table: a, nodes: 1}\n    - {table: b, nodes: 2}\n";
    let new = old.replace("nodes: 2", "nodes: 3");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("new.yaml"), &new).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(dir.path())
        .args(["--no-config", "diff", "-", "new.yaml", "--format", "json"])
        .write_stdin(old)
        .output()
        .unwrap();
    let by_content = String::from_utf8(out.stdout).unwrap();
    // No key: the changed item is one removed and one added by content.
    assert!(
        by_content.contains("\"removed\"") && by_content.contains("\"added\""),
        "{by_content}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(dir.path())
        .args([
            "--no-config",
            "diff",
            "-",
            "new.yaml",
            "--format",
            "json",
            "--key",
            "spec.tables=table",
        ])
        .write_stdin(old)
        .output()
        .unwrap();
    let keyed = String::from_utf8(out.stdout).unwrap();
    assert!(
        keyed.contains("\"path\": \"spec.tables[1].nodes\""),
        "{keyed}"
    );
    assert!(
        keyed.contains("\"oldPosition\": {\n        \"file\": \"<stdin>\""),
        "{keyed}"
    );
}

#[test]
fn control_characters_in_input_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let doc = |v: &str| {
        format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: \"x\\e[31m\"}}\ndata: {{a: \"{v}\"}}\n"
        )
    };
    std::fs::write(dir.path().join("a.yaml"), doc("1\\e]0;pwned\\a")).unwrap();
    std::fs::write(dir.path().join("b.yaml"), doc("2")).unwrap();
    for format in ["human", "brief", "github", "json"] {
        let run = run_in(dir.path(), &["a.yaml", "b.yaml", "--format", format]);
        assert_eq!(run.code, 0);
        assert!(!run.stdout.contains('\u{1b}'), "{format}: {:?}", run.stdout);
        assert!(!run.stdout.contains('\u{7}'), "{format}: {:?}", run.stdout);
    }
    // Diagnostics built from input names escape them too.
    let both = format!("{}---\n{}", doc("1"), doc("2"));
    std::fs::write(dir.path().join("twice.yaml"), both).unwrap();
    let run = run_in(dir.path(), &["twice.yaml", "b.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("ConfigMap default/x\\u{1b}[31m"),
        "{}",
        run.stderr
    );
}

fn git(dir: &Path, args: &[&str]) {
    let status = StdCommand::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// A repository whose first commit holds `limits/old.yaml` as
/// `rules/policy.yaml` and whose working tree holds `limits/new.yaml`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    let fixture = |s: &str| {
        std::fs::read_to_string(root().join(format!("testdata/diff/limits/{s}.yaml"))).unwrap()
    };
    std::fs::write(rules.join("policy.yaml"), fixture("old")).unwrap();
    std::fs::write(dir.path().join("README.txt"), "not a rule file\n").unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    std::fs::write(rules.join("policy.yaml"), fixture("new")).unwrap();
    dir
}

#[test]
fn git_revisions_are_read_without_touching_the_work_tree() {
    if !common::available("git") {
        return;
    }
    let repo = repository();
    let before = std::fs::read(repo.path().join("rules/policy.yaml")).unwrap();
    let run = run_in(repo.path(), &["--format", "brief", "HEAD:rules/", "rules/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("git_revision", run.stdout);
    // The same with the single-revision form, from a subdirectory, and
    // with a file path.
    let alone = run_in(repo.path(), &["--format", "brief", "main"]);
    assert_eq!(alone.stdout, run.stdout, "{}", alone.stderr);
    let sub = run_in(&repo.path().join("rules"), &["--format", "brief", "main"]);
    assert_eq!(sub.stdout, run.stdout, "{}", sub.stderr);
    let file = run_in(
        repo.path(),
        &[
            "--format",
            "brief",
            "HEAD:./rules/policy.yaml",
            "rules/policy.yaml",
        ],
    );
    assert_eq!(file.stdout, run.stdout, "{}", file.stderr);
    let human = run_in(repo.path(), &["main:", "."]);
    assert!(
        human.stdout.contains("main:rules/policy.yaml:11:14"),
        "{}",
        human.stdout
    );
    // Nothing was written, checked out or staged.
    assert_eq!(
        std::fs::read(repo.path().join("rules/policy.yaml")).unwrap(),
        before
    );
    let status = StdCommand::new("git")
        .current_dir(repo.path())
        .args(["status", "--porcelain"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        " M rules/policy.yaml\n"
    );
}

#[test]
fn unreadable_revisions_are_errors() {
    if !common::available("git") {
        return;
    }
    let repo = repository();
    for (args, expected) in [
        (vec!["mian:rules/", "rules/"], "unknown revision `mian`"),
        (
            vec!["main:nowhere/", "rules/"],
            "`nowhere` does not exist in `main`",
        ),
        (vec!["--", "-x:rules/", "rules/"], "unknown revision `-x`"),
    ] {
        let run = run_in(repo.path(), &args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains("OS9002"), "{}", run.stderr);
        assert!(run.stderr.contains(expected), "{}", run.stderr);
    }
    let outside = tempfile::tempdir().unwrap();
    let run = run_in(outside.path(), &["main:rules/", "."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not inside a git repository"),
        "{}",
        run.stderr
    );
}

#[test]
fn symbolic_links_in_a_tree_are_not_followed() {
    if !common::available("git") {
        return;
    }
    let repo = repository();
    std::os::unix::fs::symlink("/etc/passwd", repo.path().join("rules/secret.yaml")).unwrap();
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-q", "-m", "link"]);
    let run = run_in(
        repo.path(),
        &["--format", "brief", "HEAD:rules/", "HEAD:rules/"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
    assert!(!run.stdout.contains("root:"), "{}", run.stdout);
}

#[test]
fn lint_findings_the_change_removes() {
    let run = diff("limits", &["--lint", "--no-summary"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("limits_lint_human", run.stdout);
    let json = diff("limits", &["--lint", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["lint"]["introduced"], serde_json::json!([]));
    assert_eq!(value["lint"]["removed"][0]["code"], "OS2005");
    // Without --lint the JSON has no lint member at all.
    let plain = diff("limits", &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&plain.stdout).unwrap();
    assert!(value.get("lint").is_none());
}

#[test]
fn color_is_for_terminals_or_when_asked() {
    let plain = diff("limits", &[]);
    assert!(!plain.stdout.contains('\u{1b}'));
    let colored = diff("limits", &["--color", "always"]);
    assert!(
        colored.stdout.contains("\u{1b}[36mtightens\u{1b}[0m"),
        "{}",
        colored.stdout
    );
    assert!(
        colored.stdout.contains("\u{1b}[1;35mloosens\u{1b}[0m"),
        "{}",
        colored.stdout
    );
}
