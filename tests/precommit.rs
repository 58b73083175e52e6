//! The pre-commit hooks in `.pre-commit-hooks.yaml`, run by the real
//! `pre-commit` (from PyPI) on real `git commit`s.
//!
//! The working tree (tracked and untracked, not ignored, files) is copied
//! into a snapshot git repository named after its commit, and a throwaway
//! repository's `.pre-commit-config.yaml` points at that commit. pre-commit
//! then builds the hooks as it does for users (`language: rust`: `cargo
//! install` of this crate), except that the release profile is overridden
//! to an unoptimized build through CARGO_PROFILE_RELEASE_* (about 70 s from
//! scratch on 2 cores instead of 4-6 minutes). The build is kept under
//! `target/pre-commit/` (PRE_COMMIT_HOME and CARGO_TARGET_DIR), so a run on
//! an unchanged tree reuses it and a changed tree recompiles only this crate
//! (seconds).
//!
//! Without `pre-commit` on PATH the test is skipped with a note, except when
//! `CI` is set: then it fails (`.ci/run` installs pre-commit with pip).
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use opensergo::yaml;

mod common;

const HOOKS: &[&str] = &["opensergo-validate", "opensergo-lint"];
/// The same hooks for an `opensergo` already on PATH (`language: system`).
const SYSTEM_HOOKS: &[&str] = &["opensergo-validate-system", "opensergo-lint-system"];

const BAD_RULE: &str = "\
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: RateLimitStrategy
metadata:
  name: rate-limit-foo
  labels:
    app: foo-app
spec:
  metricType: RequestAmount
  limitMode: Global
  threshold: \"ten\"
  statDurationSeconds: 1
";

/// First build of the hooks: a release build of the whole crate.
const INSTALL_TIMEOUT: Duration = Duration::from_secs(40 * 60);
const COMMIT_TIMEOUT: Duration = Duration::from_secs(3 * 60);

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `target/pre-commit`, next to the build this test binary came from.
fn work_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // target/<profile>/deps/precommit-<hash>
    let target = exe
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("pre-commit")
}

/// Runs `cmd`, killing its process group if it outlives `timeout`.
fn run(cmd: &mut Command, timeout: Duration) -> Output {
    common::run(cmd, None, timeout)
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `program` in `dir`, without the user's global or system git configuration.
fn command(program: &str, dir: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "opensergo test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "opensergo test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid");
    cmd
}

fn git(dir: &Path) -> Command {
    command("git", dir)
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = run(git(dir).args(args), Duration::from_secs(120));
    assert!(out.status.success(), "git {args:?} failed: {}", text(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Copies the working tree into `<work>/snapshots/<commit>` as a one-commit
/// repository and returns its path and commit. The commit depends only on
/// the files, so an unchanged tree maps to the same repository and rev, and
/// pre-commit reuses the hooks it built for it.
fn snapshot(work: &Path) -> Option<(PathBuf, String)> {
    let root = repo_root();
    let listed = run(
        git(&root).args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ]),
        Duration::from_secs(60),
    );
    if !listed.status.success() {
        assert!(
            !common::in_ci(),
            "git ls-files failed in {}: {}",
            root.display(),
            text(&listed)
        );
        eprintln!("note: {} is not a git work tree; skipping", root.display());
        return None;
    }
    let snapshots = work.join("snapshots");
    std::fs::create_dir_all(&snapshots).unwrap();
    let staging = tempfile::tempdir_in(&snapshots).unwrap();
    let dir = staging.path();
    let mut files: Vec<&[u8]> = listed
        .stdout
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .collect();
    files.sort();
    files.dedup();
    for file in files {
        let rel = Path::new(std::str::from_utf8(file).unwrap());
        let from = root.join(rel);
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        let to = dir.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&from, &to).unwrap();
    }
    git_ok(dir, &["init", "--quiet"]);
    git_ok(dir, &["add", "--all"]);
    let commit = run(
        git(dir)
            .args([
                "commit",
                "--quiet",
                "--no-verify",
                "--no-gpg-sign",
                "-m",
                "snapshot",
            ])
            .env("GIT_AUTHOR_DATE", "2000-01-01T00:00:00Z")
            .env("GIT_COMMITTER_DATE", "2000-01-01T00:00:00Z"),
        Duration::from_secs(120),
    );
    assert!(
        commit.status.success(),
        "snapshot commit: {}",
        text(&commit)
    );
    let rev = git_ok(dir, &["rev-parse", "HEAD"]);
    let path = snapshots.join(&rev);
    if !path.exists() {
        let staged = staging.keep();
        if std::fs::rename(&staged, &path).is_err() {
            // Another run made the same snapshot first.
            let _ = std::fs::remove_dir_all(&staged);
        }
    }
    Some((path, rev))
}

/// Whether `opensergo lint` runs (it may still be being implemented).
fn lint_works(dir: &Path, file: &str) -> bool {
    let out = run(
        Command::new(env!("CARGO_BIN_EXE_opensergo"))
            .current_dir(dir)
            .args(["--no-config", "lint", file]),
        Duration::from_secs(60),
    );
    matches!(out.status.code(), Some(0 | 1))
}

/// `program` (pre-commit, or git running the pre-commit hook) with the
/// hooks' build kept under `work`.
fn pre_commit(program: &str, dir: &Path, work: &Path) -> Command {
    let mut cmd = command(program, dir);
    cmd.env("PRE_COMMIT_HOME", work.join("home"))
        .env("CARGO_TARGET_DIR", work.join("cargo-target"))
        // What is under test is the hooks, not the optimizer: an unoptimized
        // build takes a fraction of the release profile's time on 2 cores.
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256")
        .env_remove("PRE_COMMIT_COLOR")
        .env_remove("SKIP");
    cmd
}

/// A FaultToleranceRule that applies the RateLimitStrategy `strategy`;
/// the strategy's name is on line 11.
fn rule_using(strategy: &str) -> String {
    format!(
        "\
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: FaultToleranceRule
metadata:
  name: foo-rule-{strategy}
  labels:
    app: foo-app
spec:
  targets:
    - targetResourceName: /foo
  strategies:
    - name: {strategy}
      kind: RateLimitStrategy
"
    )
}

/// The part of pre-commit's output about `hook`: from its status line to
/// the next hook's.
fn section(log: &str, hook: &str) -> String {
    let name = hook.replacen('-', " ", 1);
    let mut lines = log.lines().skip_while(|l| !l.starts_with(&name));
    let mut out: Vec<&str> = lines.next().into_iter().collect();
    out.extend(lines.take_while(|l| {
        !HOOKS
            .iter()
            .any(|h| l.starts_with(&h.replacen('-', " ", 1)))
    }));
    out.join("\n")
}

fn assert_passed(log: &str, hooks: &[&str]) {
    for hook in hooks {
        let status = section(log, hook);
        let first = status.lines().next().unwrap_or_default();
        assert!(first.ends_with("Passed"), "{hook} did not pass:\n{log}");
    }
}

#[test]
fn hook_manifest_declares_the_hooks() {
    let path = repo_root().join(".pre-commit-hooks.yaml");
    let source = std::fs::read_to_string(&path).unwrap();
    let (docs, error) = yaml::load_stream(&source);
    assert!(error.is_none(), "{}: {error:?}", path.display());
    assert_eq!(docs.len(), 1);
    let manifest = docs[0].root.to_json();
    let hooks = manifest
        .as_array()
        .expect("the manifest is a list of hooks");
    let ids: Vec<&str> = hooks.iter().filter_map(|h| h["id"].as_str()).collect();
    assert_eq!(ids, [HOOKS, SYSTEM_HOOKS].concat());
    for hook in hooks {
        let id = hook["id"].as_str().unwrap();
        let (base, language) = match id.strip_suffix("-system") {
            Some(base) => (base, "system"),
            None => (id, "rust"),
        };
        // Excludes apply to the files pre-commit names (issue 14).
        let command = format!("{} --force-exclude", base.replacen('-', " ", 1));
        assert_eq!(hook["entry"], command.as_str(), "{id}");
        assert_eq!(hook["language"], language, "{id}");
        assert_eq!(
            hook["types_or"],
            serde_json::json!(["yaml", "json"]),
            "{id}"
        );
        assert_eq!(hook["require_serial"], false, "{id}");
        // validate checks the staged files; lint always reads the whole
        // repository, since references span files that did not change.
        let per_file = base == "opensergo-validate";
        assert_eq!(hook["pass_filenames"], per_file, "{id}");
        assert!(
            hook["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{id}"
        );
    }
}

#[test]
fn hooks_reject_a_bad_rule_and_pass_a_good_one_on_git_commit() {
    let found = Command::new("pre-commit")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            !common::in_ci(),
            "pre-commit is not installed and CI is set (.ci/run installs it with pip)"
        );
        eprintln!("note: pre-commit not found on PATH; skipping the pre-commit hook test");
        return;
    }
    let work = work_dir();
    let Some((hook_repo, rev)) = snapshot(&work) else {
        return;
    };

    // The throwaway project that uses the hooks.
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    git_ok(dir, &["init", "--quiet"]);
    git_ok(dir, &["config", "commit.gpgsign", "false"]);
    std::fs::create_dir(dir.join("rules")).unwrap();
    let good_rule = BAD_RULE.replace("\"ten\"", "10");
    std::fs::write(dir.join("rules/probe.yaml"), &good_rule).unwrap();
    let lint = lint_works(dir, "rules/probe.yaml");
    std::fs::remove_file(dir.join("rules/probe.yaml")).unwrap();
    let hooks: &[&str] = if lint {
        HOOKS
    } else {
        eprintln!("note: `opensergo lint` does not run yet; testing opensergo-validate only");
        &HOOKS[..1]
    };
    let mut config = format!(
        "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n",
        hook_repo.display()
    );
    for hook in hooks {
        config.push_str(&format!("      - id: {hook}\n"));
    }
    std::fs::write(dir.join(".pre-commit-config.yaml"), &config).unwrap();
    // The project's own opensergo.yaml: skipped by the hooks, used by them.
    std::fs::write(dir.join("opensergo.yaml"), "version: v1\n").unwrap();

    let out = run(
        pre_commit("pre-commit", dir, &work).arg("install"),
        COMMIT_TIMEOUT,
    );
    assert!(out.status.success(), "pre-commit install: {}", text(&out));
    let started = Instant::now();
    let out = run(
        pre_commit("pre-commit", dir, &work).arg("install-hooks"),
        INSTALL_TIMEOUT,
    );
    assert!(
        out.status.success(),
        "pre-commit install-hooks (cargo install of {}): {}",
        hook_repo.display(),
        text(&out)
    );
    eprintln!("pre-commit install-hooks took {:.0?}", started.elapsed());

    let commit = |message: &str| {
        run(
            pre_commit("git", dir, &work).args(["commit", "-m", message]),
            COMMIT_TIMEOUT,
        )
    };
    let commits = || git_ok(dir, &["rev-list", "--count", "--all"]);

    // 1. The hook configuration itself (YAML, but not a rule) commits.
    git_ok(dir, &["add", "--all"]);
    let out = commit("add pre-commit");
    let log = text(&out);
    assert!(out.status.success(), "committing the config failed:\n{log}");
    assert_eq!(commits(), "1");

    // 2. A rule with a schema violation is refused, with the finding.
    std::fs::write(dir.join("rules/rate-limit.yaml"), BAD_RULE).unwrap();
    std::fs::write(dir.join("notes.txt"), "threshold: ten\n").unwrap();
    git_ok(dir, &["add", "--all"]);
    let out = commit("add a bad rule");
    let log = text(&out);
    assert!(!out.status.success(), "the bad rule was committed:\n{log}");
    assert_eq!(commits(), "1", "a commit was made:\n{log}");
    for needle in [
        "opensergo validate",
        "Failed",
        "- hook id: opensergo-validate",
        "OS1004",
        "rules/rate-limit.yaml:10:14",
        "spec.threshold",
    ] {
        assert!(
            log.contains(needle),
            "no `{needle}` in the hook output:\n{log}"
        );
    }
    // Only YAML and JSON reach validate; the config and opensergo.yaml are skipped.
    let validate_log = section(&log, "opensergo-validate");
    for absent in ["notes.txt", ".pre-commit-config.yaml", "opensergo.yaml:"] {
        assert!(
            !validate_log.contains(absent),
            "`{absent}` was checked:\n{log}"
        );
    }

    // 3. Fixed, it commits; a JSON rule next to it is checked as well.
    std::fs::write(dir.join("rules/rate-limit.yaml"), &good_rule).unwrap();
    let json_rule = r#"{"apiVersion": "fault-tolerance.opensergo.io/v1alpha1",
 "kind": "ThrottlingStrategy",
 "metadata": {"name": "throttling-foo", "labels": {"app": "foo-app"}},
 "spec": {"minIntervalOfRequests": "20ms", "queueTimeout": "500ms"}}
"#;
    std::fs::write(dir.join("rules/throttling.json"), json_rule).unwrap();
    git_ok(dir, &["add", "--all"]);
    let out = commit("add good rules");
    let log = text(&out);
    assert!(out.status.success(), "the good rules were refused:\n{log}");
    assert_eq!(commits(), "2");
    assert_passed(&log, hooks);

    // 4. A FaultToleranceRule that uses the strategy committed before: lint
    // reads the whole repository, so the reference resolves.
    std::fs::write(
        dir.join("rules/fault-tolerance.yaml"),
        rule_using("rate-limit-foo"),
    )
    .unwrap();
    git_ok(dir, &["add", "--all"]);
    let out = commit("add a rule using the committed strategy");
    let log = text(&out);
    assert!(out.status.success(), "the rule was refused:\n{log}");
    assert_eq!(commits(), "3");
    assert_passed(&log, hooks);

    // 5. One that names a strategy defined nowhere: lint refuses it.
    if lint {
        std::fs::write(
            dir.join("rules/broken-ref.yaml"),
            rule_using("no-such-strategy"),
        )
        .unwrap();
        git_ok(dir, &["add", "--all"]);
        let out = commit("add a rule with a broken reference");
        let log = text(&out);
        assert!(
            !out.status.success(),
            "the broken reference was committed:\n{log}"
        );
        assert_eq!(commits(), "3", "a commit was made:\n{log}");
        assert_passed(&log, &HOOKS[..1]);
        let lint_log = section(&log, "opensergo-lint");
        for needle in [
            "Failed",
            "OS2001",
            "rules/broken-ref.yaml:11:",
            "no-such-strategy",
        ] {
            assert!(
                lint_log.contains(needle),
                "no `{needle}` in the lint hook output:\n{log}"
            );
        }
        std::fs::remove_file(dir.join("rules/broken-ref.yaml")).unwrap();
        git_ok(dir, &["add", "--all"]);
    }

    // 6. A bad JSON rule is refused too.
    std::fs::write(
        dir.join("rules/throttling.json"),
        json_rule.replace("\"20ms\"", "20"),
    )
    .unwrap();
    git_ok(dir, &["add", "--all"]);
    let out = commit("break the JSON rule");
    let log = text(&out);
    assert!(
        !out.status.success(),
        "the bad JSON rule was committed:\n{log}"
    );
    let validate_log = section(&log, "opensergo-validate");
    for needle in [
        "OS1004",
        "rules/throttling.json:4:",
        "minIntervalOfRequests",
    ] {
        assert!(
            validate_log.contains(needle),
            "no `{needle}` in the hook output:\n{log}"
        );
    }
    assert_eq!(commits(), "3");

    // Drop what older runs built (pre-commit keeps what configs still on
    // disk use, this one included) and older snapshots.
    let _ = run(
        pre_commit("pre-commit", dir, &work).arg("gc"),
        COMMIT_TIMEOUT,
    );
    if let Ok(entries) = std::fs::read_dir(work.join("snapshots")) {
        for entry in entries.flatten() {
            let old = entry.path() != hook_repo
                && entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t.elapsed().unwrap_or_default() > Duration::from_secs(3600));
            if old {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}
