//! `opensergo proto breaking`, end to end: every rule fires on the
//! fixture pair written for it, findings match the real `buf breaking`
//! (rule, file, line, column and message), the previous version is read
//! from a directory, a descriptor-set image or a git revision (of a
//! repository the test creates with git, shallow clone included), and the
//! project's own protos do not break the SDKs built from them.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use opensergo::protobreaking;
use opensergo::protobuild::buf_rule_id;

mod common;
use common::{copy_tree, git, root};

fn opensergo() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opensergo"));
    cmd.env("NO_COLOR", "1");
    cmd
}

use common::{BufFinding as Finding, buf_json_findings as findings};

/// Our findings for `dir` against `against` (relative to `dir`).
fn ours(dir: &Path, against: &str) -> BTreeSet<Finding> {
    let out = opensergo()
        .current_dir(dir)
        .args([
            "proto",
            "breaking",
            "--error-format",
            "json",
            "--against",
            against,
        ])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    findings(&out.stdout)
}

const ALL_RULES: &str = "testdata/proto-breaking/all-rules";
const GOLDEN: &str = "testdata/proto-breaking/opensergo-golden.binpb";

#[test]
fn every_rule_fires_on_its_pair() {
    let fired: BTreeSet<String> = ours(&root().join(ALL_RULES).join("new"), "../old")
        .into_iter()
        .map(|(rule, ..)| rule)
        .collect();
    for rule in protobreaking::FAMILY.rules {
        let id = buf_rule_id(rule.code.name);
        assert!(fired.contains(&id), "{id} does not fire on {ALL_RULES}");
    }
}

#[test]
fn findings_match_buf_breaking() {
    if !common::available("buf") {
        return;
    }
    let new = root().join(ALL_RULES).join("new");
    let buf = Process::new("buf")
        .current_dir(&new)
        .args(["breaking", "--error-format", "json", "--against", "../old"])
        .output()
        .unwrap();
    assert_eq!(
        buf.status.code(),
        Some(100),
        "{}",
        String::from_utf8_lossy(&buf.stderr)
    );
    let theirs = findings(&buf.stdout);
    let found = ours(&new, "../old");
    let only_ours: Vec<_> = found.difference(&theirs).collect();
    let only_buf: Vec<_> = theirs.difference(&found).collect();
    assert!(
        only_ours.is_empty() && only_buf.is_empty(),
        "only opensergo: {only_ours:#?}\nonly buf: {only_buf:#?}"
    );
    // The same against buf's own image of the previous version.
    let scratch = tempfile::tempdir().unwrap();
    let image = scratch.path().join("old.binpb");
    let built = Process::new("buf")
        .current_dir(root().join(ALL_RULES).join("old"))
        .args(["build", "-o"])
        .arg(&image)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    assert_eq!(ours(&new, image.to_str().unwrap()), theirs);
}

#[test]
fn images_written_by_proto_build_are_previous_versions() {
    let scratch = tempfile::tempdir().unwrap();
    let image = scratch.path().join("old.binpb");
    let old = root().join(ALL_RULES).join("old");
    let built = opensergo()
        .args(["proto", "build"])
        .arg(&old)
        .arg("-o")
        .arg(&image)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let new = root().join(ALL_RULES).join("new");
    assert_eq!(ours(&new, image.to_str().unwrap()), ours(&new, "../old"));
}

/// The protos this tree embeds (and SDKs are generated from) must stay
/// wire- and JSON-compatible with the image checked in beside the
/// fixtures: an edit that breaks a deployed SDK fails here.
#[test]
fn the_embedded_protos_do_not_break_the_golden_image() {
    let scratch = tempfile::tempdir().unwrap();
    let exported = opensergo()
        .args(["proto", "export"])
        .arg(scratch.path())
        .output()
        .unwrap();
    assert!(exported.status.success());
    std::fs::write(
        scratch.path().join("buf.yaml"),
        "version: v2\nbreaking:\n  use: [WIRE_JSON]\n",
    )
    .unwrap();
    let golden = root().join(GOLDEN);
    let out = opensergo()
        .current_dir(scratch.path())
        .args(["proto", "breaking", "--against"])
        .arg(&golden)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "the embedded protos break {GOLDEN}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("16 files"));
    // The check is not vacuous: a deleted enum value is caught.
    let common = scratch
        .path()
        .join("opensergo/proto/common/v1/common.proto");
    let text = std::fs::read_to_string(&common).unwrap();
    let edited = text.replace("  DAY = 5;\n", "");
    assert_ne!(edited, text);
    std::fs::write(&common, edited).unwrap();
    let broken = opensergo()
        .current_dir(scratch.path())
        .args(["proto", "breaking", "--error-format", "text", "--against"])
        .arg(&golden)
        .output()
        .unwrap();
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stdout).contains("was deleted"));
}

/// A repository whose `proto/` holds the old side at tag `v1` (and on
/// branch `base`, with a symbolic link among the files), and the new side
/// in the next commit.
fn repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "-q", "-b", "main"]);
    let proto = dir.join("proto");
    std::fs::create_dir_all(&proto).unwrap();
    copy_tree(&root().join(ALL_RULES).join("old"), &proto);
    // A link in a revision is never followed (nor read as a file).
    std::os::unix::fs::symlink("/etc/hostname", proto.join("acme/v1/link.proto")).unwrap();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "old"]);
    git(dir, &["tag", "v1"]);
    git(dir, &["branch", "base"]);
    std::fs::remove_dir_all(&proto).unwrap();
    std::fs::create_dir_all(&proto).unwrap();
    copy_tree(&root().join(ALL_RULES).join("new"), &proto);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "new"]);
    repo
}

#[test]
fn git_revisions_are_read_without_a_checkout() {
    if !common::available("git") {
        return;
    }
    let repo = repository();
    let proto = repo.path().join("proto");
    let expected: BTreeSet<(String, String, u64, u64)> =
        ours(&root().join(ALL_RULES).join("new"), "../old")
            .into_iter()
            .map(|(rule, path, line, column, _)| (rule, path, line, column))
            .collect();
    let commit = git(repo.path(), &["rev-parse", "HEAD~1"]);
    for against in ["v1", "base", "HEAD~1", commit.as_str(), ".git#branch=base"] {
        let found: BTreeSet<_> = ours(&proto, against)
            .into_iter()
            .map(|(rule, path, line, column, _)| (rule, path, line, column))
            .collect();
        assert_eq!(found, expected, "--against {against}");
    }
    // Blobs are bounded like files on disk.
    let bounded = opensergo()
        .current_dir(&proto)
        .args([
            "proto",
            "breaking",
            "--against",
            "v1",
            "--max-file-size",
            "100",
        ])
        .output()
        .unwrap();
    assert_eq!(bounded.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bounded.stderr).contains("--max-file-size"));
    // --path limits both versions to the same files.
    let service: BTreeSet<String> = opensergo()
        .current_dir(&proto)
        .args([
            "proto",
            "breaking",
            "--against",
            "v1",
            "--error-format",
            "json",
        ])
        .args(["--path", "acme/v1/service.proto"])
        .output()
        .map(|out| findings(&out.stdout))
        .unwrap()
        .into_iter()
        .map(|f| f.1)
        .collect();
    assert_eq!(
        service,
        BTreeSet::from(["acme/v1/service.proto".to_string()])
    );
    // Nothing was checked out or written: the work tree is as committed.
    assert_eq!(git(repo.path(), &["status", "--porcelain"]), "");
    // From the repository root, naming the workspace directory.
    let from_root = opensergo()
        .current_dir(repo.path())
        .args([
            "proto",
            "breaking",
            "proto",
            "--against",
            "v1",
            "--error-format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(from_root.status.code(), Some(1));
    assert_eq!(findings(&from_root.stdout).len(), ours(&proto, "v1").len());
}

#[test]
fn a_revision_missing_from_a_shallow_clone_says_how_to_fetch_it() {
    if !common::available("git") {
        return;
    }
    let repo = repository();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    git(
        clone.path(),
        &["clone", "-q", "--depth", "1", "--no-tags", &url, "shallow"],
    );
    let shallow = clone.path().join("shallow");
    let out = opensergo()
        .current_dir(shallow.join("proto"))
        .args(["proto", "breaking", "--against", "v1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("git fetch origin v1"), "{stderr}");
    assert!(stderr.contains("shallow"), "{stderr}");
    // Fetched as told, it works.
    git(
        &shallow,
        &["fetch", "-q", "--depth", "1", "origin", "tag", "v1"],
    );
    let out = opensergo()
        .current_dir(shallow.join("proto"))
        .args(["proto", "breaking", "--against", "v1"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn exit_codes_formats_configuration_and_rule_docs() {
    let new = root().join(ALL_RULES).join("new");
    let code = |args: &[&str]| {
        opensergo()
            .current_dir(&new)
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code(&["proto", "breaking", "--against", "../old"]), Some(1));
    assert_eq!(
        code(&[
            "proto",
            "breaking",
            "--against",
            "../old",
            "--buf-exit-codes"
        ]),
        Some(100)
    );
    assert_eq!(
        code(&["proto", "breaking", "--against", "../nothing-here"]),
        Some(2)
    );
    assert_eq!(code(&["proto", "breaking"]), Some(2));
    let short = opensergo()
        .current_dir(&new)
        .args(["proto", "breaking", "--against", "../old", "-f", "short"])
        .output()
        .unwrap();
    insta::assert_snapshot!(
        "proto_breaking_short",
        String::from_utf8_lossy(&short.stdout)
    );
    let sarif = opensergo()
        .current_dir(&new)
        .args(["proto", "breaking", "--against", "../old", "-f", "sarif"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert!(sarif["runs"][0]["results"].as_array().unwrap().len() > 60);
    let table = opensergo()
        .args(["proto", "breaking", "--list-rules"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&table.stdout);
    for rule in protobreaking::FAMILY.rules {
        assert!(table.contains(rule.code.name), "{}", rule.code.name);
    }
    let explained = opensergo()
        .args(["explain", "FIELD_NO_DELETE"])
        .output()
        .unwrap();
    let explained = String::from_utf8_lossy(&explained.stdout);
    assert!(explained.contains("## Why is this bad"), "{explained}");
    assert!(explained.contains("FILE, PACKAGE"), "{explained}");
}

#[test]
fn buf_yaml_breaking_blocks_select_and_ignore() {
    let scratch = tempfile::tempdir().unwrap();
    copy_tree(&root().join(ALL_RULES), scratch.path());
    let new = scratch.path().join("new");
    let rules = |dir: &Path| -> BTreeSet<String> {
        ours(dir, "../old")
            .into_iter()
            .map(|(rule, ..)| rule)
            .collect()
    };
    // buf's default is FILE: no PACKAGE-only or WIRE-only rule.
    std::fs::write(new.join("buf.yaml"), "version: v2\n").unwrap();
    let file = rules(&new);
    assert!(file.contains("FIELD_NO_DELETE"));
    assert!(!file.contains("PACKAGE_NO_DELETE") && !file.contains("FIELD_WIRE_COMPATIBLE_TYPE"));
    std::fs::write(
        new.join("buf.yaml"),
        "version: v2\nbreaking:\n  use: [WIRE]\n  except: [FIELD_SAME_DEFAULT]\n",
    )
    .unwrap();
    let wire = rules(&new);
    assert!(wire.contains("FIELD_WIRE_COMPATIBLE_TYPE"));
    assert!(!wire.contains("FIELD_SAME_NAME") && !wire.contains("FIELD_SAME_DEFAULT"));
    std::fs::write(
        new.join("buf.yaml"),
        "version: v2\nbreaking:\n  ignore: [acme/v1/messages.proto]\n  ignore_only:\n    FILE_SAME_GO_PACKAGE: [acme/v1]\n",
    )
    .unwrap();
    let ignored = ours(&new, "../old");
    assert!(ignored.iter().all(|f| f.1 != "acme/v1/messages.proto"));
    assert!(ignored.iter().all(|f| f.0 != "FILE_SAME_GO_PACKAGE"));
    assert!(ignored.iter().any(|f| f.0 == "FILE_SAME_JAVA_PACKAGE"));
    std::fs::write(
        new.join("buf.yaml"),
        "version: v2\nbreaking:\n  ignore_unstable_packages: true\n",
    )
    .unwrap();
    // acme.v1 is stable: nothing is dropped.
    assert_eq!(ours(&new, "../old").len(), {
        std::fs::write(new.join("buf.yaml"), "version: v2\n").unwrap();
        ours(&new, "../old").len()
    });
    std::fs::write(
        new.join("buf.yaml"),
        "version: v2\nbreaking:\n  usee: [FILE]\n",
    )
    .unwrap();
    let out = opensergo()
        .current_dir(&new)
        .args(["proto", "breaking", "--against", "../old"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usee"));
}
