//! End-to-end tests of `opensergo validate` on the fixtures in testdata/.
//!
//! Fixture files declare what they expect in `# expect: CODE LINE:COL PATH`
//! comment lines; the tests compare the complete set of findings with
//! them, so a new, missing or misplaced finding fails.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use opensergo::commands::validate::{build_report, check_inputs};
use opensergo::findings::{Report, Status};
use opensergo::input::Input;
use opensergo::schema::SchemaSet;
use opensergo::validate::Options;

mod common;
use common::root;

fn files_in(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e != "md"))
        .collect();
    files.sort();
    files
}

fn validate_paths(paths: &[PathBuf], options: Options) -> Report {
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::File).collect();
    let schemas = SchemaSet::builtin();
    let results = check_inputs(
        &inputs,
        &schemas,
        &options,
        opensergo::document::DEFAULT_MAX_FILE_SIZE,
        &|| {},
    );
    build_report(results, Vec::new())
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Finding {
    code: String,
    line: usize,
    column: usize,
    path: String,
}

fn expected(path: &Path) -> Vec<Finding> {
    let text = std::fs::read(path).unwrap();
    let mut out: Vec<Finding> = common::expectations(&String::from_utf8_lossy(&text))
        .into_iter()
        .map(|e| Finding {
            code: e.code,
            line: e.line,
            column: e.column,
            path: e.path.unwrap_or_else(|| "-".to_string()),
        })
        .collect();
    out.sort();
    out
}

fn actual(report: &Report) -> Vec<Finding> {
    let mut out: Vec<Finding> = report
        .diagnostics()
        .map(|d| {
            let start = d.start().expect("every fixture finding has a position");
            Finding {
                code: d.code.id.to_string(),
                line: start.line,
                column: start.column,
                path: d
                    .path
                    .as_ref()
                    .map_or_else(|| "-".to_string(), ToString::to_string),
            }
        })
        .collect();
    out.sort();
    out
}

/// Compares findings; a `-` path in the expectation matches any path
/// (YAML-level findings have no document path).
fn assert_findings(file: &Path, expected: &[Finding], actual: &[Finding]) {
    let same = expected.len() == actual.len()
        && expected.iter().zip(actual).all(|(e, a)| {
            e.code == a.code
                && e.line == a.line
                && e.column == a.column
                && (e.path == "-" || e.path == a.path)
        });
    assert!(
        same,
        "{}\nexpected: {expected:#?}\nactual: {actual:#?}",
        file.display()
    );
}

#[test]
fn every_valid_fixture_has_no_findings() {
    let files = files_in("testdata/validate/valid");
    assert!(files.len() >= 22, "one valid fixture per kind");
    for file in files {
        let report = validate_paths(std::slice::from_ref(&file), Options::default());
        let findings = actual(&report);
        assert!(findings.is_empty(), "{}: {findings:#?}", file.display());
        assert!(
            report.files[0]
                .documents
                .iter()
                .all(|d| d.status == Status::Valid),
            "{}",
            file.display()
        );
    }
}

#[test]
fn every_kind_has_a_valid_fixture() {
    for kind in opensergo::kinds::KINDS {
        let path = root().join(format!("testdata/validate/valid/{}.yaml", kind.kind));
        assert!(path.exists(), "no valid fixture for {}", kind.kind);
        let invalid = files_in("testdata/validate/invalid").into_iter().any(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{}-", kind.kind))
        });
        assert!(invalid, "no invalid fixture for {}", kind.kind);
    }
}

#[test]
fn invalid_fixtures_report_exactly_their_expected_findings() {
    for file in files_in("testdata/validate/invalid") {
        let want = expected(&file);
        assert!(!want.is_empty(), "{} has no expect lines", file.display());
        let report = validate_paths(std::slice::from_ref(&file), Options::default());
        assert_findings(&file, &want, &actual(&report));
    }
}

/// A mistake in apiVersion or kind is never a silent skip (issue 14):
/// misspelt groups, missing versions, misspelt kinds, lists of objects.
#[test]
fn type_mistakes_report_exactly_their_expected_findings() {
    let files = files_in("testdata/validate/type-mistakes");
    assert!(files.len() >= 10);
    for file in files {
        let want = expected(&file);
        assert!(!want.is_empty(), "{} has no expect lines", file.display());
        let report = validate_paths(std::slice::from_ref(&file), Options::default());
        assert_findings(&file, &want, &actual(&report));
        assert_eq!(report.summary().skipped, 0, "{}", file.display());
    }
}

#[test]
fn list_items_are_documents_of_their_own() {
    let report = validate_paths(
        &[root().join("testdata/validate/type-mistakes/kubectl-list.yaml")],
        Options::default(),
    );
    let docs: Vec<(usize, usize, &str, Status)> = report.files[0]
        .documents
        .iter()
        .map(|d| (d.index, d.line, d.name.as_str(), d.status))
        .collect();
    assert_eq!(
        docs,
        [
            (0, 10, "orders-ok", Status::Valid),
            (1, 16, "orders-bad", Status::Invalid),
            (2, 22, "orders-concurrency", Status::Invalid),
        ]
    );
}

#[test]
fn bad_input_fixtures_fail_cleanly_and_fast() {
    for file in files_in("testdata/validate/bad-input") {
        let started = Instant::now();
        let report = validate_paths(std::slice::from_ref(&file), Options::default());
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{} took {:?}",
            file.display(),
            started.elapsed()
        );
        let want = expected(&file);
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let codes: Vec<&str> = report.diagnostics().map(|d| d.code.id).collect();
        match name.as_str() {
            "alias-bomb.yaml" | "deep.yaml" => assert_eq!(codes, ["OS0005"], "{name}"),
            "binary.yaml" | "latin1.yaml" => assert_eq!(codes, ["OS0002"], "{name}"),
            "empty.yaml" | "comments-only.yaml" => {
                assert!(codes.is_empty(), "{name}: {codes:?}");
                assert!(report.files[0].documents.is_empty());
            }
            _ => assert_findings(&file, &want, &actual(&report)),
        }
    }
}

#[test]
fn multi_document_files_skip_foreign_objects() {
    let report = validate_paths(
        &[root().join("testdata/validate/bad-input/multi-doc.yaml")],
        Options::default(),
    );
    let statuses: Vec<Status> = report.files[0].documents.iter().map(|d| d.status).collect();
    assert_eq!(statuses, [Status::Skipped, Status::Valid, Status::Skipped]);
}

#[test]
fn strict_turns_unknown_fields_into_errors() {
    let file =
        root().join("testdata/validate/invalid/FaultToleranceRule-selector-fallbackaction.yaml");
    let lenient = validate_paths(std::slice::from_ref(&file), Options::default());
    assert_eq!(lenient.files[0].documents[0].status, Status::Valid);
    let strict = validate_paths(
        &[file],
        Options {
            strict: true,
            ..Options::default()
        },
    );
    assert_eq!(strict.files[0].documents[0].status, Status::Invalid);
}

/// The help texts for the spec-vs-CRD traps (issue: targeted help).
#[test]
fn spec_traps_get_targeted_help() {
    let cases = [
        (
            "RateLimitStrategy-statduration-1s.yaml",
            "statDurationSeconds: 1",
        ),
        (
            "RateLimitStrategy-limitmode-globaltolocal.yaml",
            "GlobalToLocal",
        ),
        ("RateLimitStrategy-threshold-fraction.yaml", "whole number"),
        (
            "FaultToleranceRule-selector-fallbackaction.yaml",
            "labels.app",
        ),
        ("CircuitBreakerStrategy-errortype.yaml", "representation"),
        (
            "CircuitBreakerStrategy-duration-compound.yaml",
            "minutes, not milliseconds",
        ),
    ];
    for (file, needle) in cases {
        let report = validate_paths(
            &[root().join("testdata/validate/invalid").join(file)],
            Options::default(),
        );
        let helps: Vec<String> = report
            .diagnostics()
            .filter_map(|d| d.help.clone())
            .collect();
        assert!(
            helps.iter().any(|h| h.contains(needle)),
            "{file}: no help mentions {needle:?}: {helps:#?}"
        );
    }
}

#[test]
fn untyped_strategy_reference_names_the_kind_found_in_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rules.yaml");
    std::fs::write(
        &file,
        "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: ConcurrencyLimitStrategy\nmetadata:\n  name: cl\n  labels: {app: a}\nspec: {maxConcurrency: 8, limitMode: Local}\n---\napiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: FaultToleranceRule\nmetadata:\n  name: r\n  labels: {app: a}\nspec:\n  targets: [{targetResourceName: /foo}]\n  strategies:\n  - name: cl\n",
    )
    .unwrap();
    // The same strategy in a second file (issue 14: the help listed
    // "ConcurrencyLimitStrategy, ConcurrencyLimitStrategy").
    let copy = dir.path().join("copy.yaml");
    std::fs::write(
        &copy,
        "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: ConcurrencyLimitStrategy\nmetadata:\n  name: cl\n  labels: {app: a}\nspec: {maxConcurrency: 8, limitMode: Local}\n",
    )
    .unwrap();
    let report = validate_paths(&[file, copy], Options::default());
    let help = report
        .diagnostics()
        .find(|d| {
            d.path
                .as_ref()
                .is_some_and(|p| *p == "spec.strategies[0].kind")
        })
        .and_then(|d| d.help.clone())
        .unwrap();
    assert!(
        help.starts_with(
            "`cl` is a ConcurrencyLimitStrategy in this run: add `kind: ConcurrencyLimitStrategy`. The "
        ),
        "{help}"
    );
}

/// Every upstream file (CRDs, samples, spec examples) has its outcome
/// written down in testdata/upstream/expected.json.
#[test]
fn upstream_files_match_their_written_down_outcomes() {
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("testdata/upstream/expected.json")).unwrap(),
    )
    .unwrap();
    let files = expected["files"].as_object().unwrap();
    assert!(files.len() >= 45);
    for (rel, want) in files {
        let path = root().join("testdata/upstream").join(rel);
        let report = validate_paths(std::slice::from_ref(&path), Options::default());
        let file = &report.files[0];
        let parses = !file.diagnostics.iter().any(|d| d.code.id == "OS0003");
        assert_eq!(parses, want["parses"].as_bool().unwrap(), "{rel}");
        if !parses {
            let line = file
                .diagnostics
                .iter()
                .find(|d| d.code.id == "OS0003")
                .and_then(|d| d.start())
                .unwrap()
                .line;
            assert_eq!(
                line as u64,
                want["syntax_error_line"].as_u64().unwrap(),
                "{rel}"
            );
            continue;
        }
        let docs = want["documents"].as_array().unwrap();
        assert_eq!(file.documents.len(), docs.len(), "{rel}: document count");
        for (doc, want_doc) in file.documents.iter().zip(docs) {
            let outcome = match doc.status {
                Status::Valid => "valid",
                Status::Invalid => "invalid",
                Status::Skipped => "skipped",
            };
            let mut codes: Vec<&str> = file
                .diagnostics
                .iter()
                .filter(|d| d.document == Some(doc.index))
                .map(|d| d.code.id)
                .collect();
            codes.sort_unstable();
            codes.dedup();
            let want_codes: Vec<&str> = want_doc["codes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            let want_outcome = match want_doc["outcome"].as_str().unwrap() {
                "superseded" => "invalid",
                other => other,
            };
            assert_eq!(
                (outcome, codes.clone()),
                (want_outcome, want_codes),
                "{rel}: {} {}",
                doc.kind,
                doc.name
            );
        }
    }
}

/// The loader must read every published CRD (libyaml leniency included)
/// with positions.
#[test]
fn every_upstream_crd_loads_with_positions() {
    let mut crds: Vec<PathBuf> = Vec::new();
    for dir in [
        "testdata/upstream/crd/opensergo-control-plane",
        "testdata/upstream/crd/higress-group-opensergo-api",
    ] {
        crds.extend(files_in(dir));
    }
    assert_eq!(crds.len(), 7);
    for path in crds {
        let loaded = opensergo::document::load_source(&Input::File(path.clone()), u64::MAX);
        assert!(
            loaded.errors.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.errors
        );
        let doc = &loaded.documents[0];
        let (key, value) = doc.root.entry("kind").unwrap();
        assert_eq!(doc.source.line_col(key.span().start).column, 1);
        assert_eq!(value.as_str(), Some("CustomResourceDefinition"));
    }
}

/// The embedded CRD-derived schemas are exactly what `schema from-crd`
/// makes of the published CRDs: regenerate them, never hand-edit.
#[test]
fn crd_schemas_are_generated_not_edited() {
    let out = tempfile::tempdir().unwrap();
    let mut crds = files_in("testdata/upstream/crd/opensergo-control-plane");
    crds.extend(files_in(
        "testdata/upstream/crd/higress-group-opensergo-api",
    ));
    let written = opensergo::commands::schema::from_crd(
        &crds,
        out.path(),
        opensergo::document::DEFAULT_MAX_FILE_SIZE,
    )
    .unwrap();
    assert_eq!(written.len(), 9);
    for path in written {
        let rel = path.strip_prefix(out.path()).unwrap();
        let committed = std::fs::read_to_string(root().join("schemas").join(rel)).unwrap();
        let fresh = std::fs::read_to_string(&path).unwrap();
        assert!(
            committed == fresh,
            "schemas/{} is stale: run `opensergo schema from-crd testdata/upstream/crd/*/*.yaml -o schemas`",
            rel.display()
        );
    }
}

fn opensergo() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opensergo"));
    cmd.current_dir(root()).env_remove("NO_COLOR");
    cmd
}

#[test]
fn exit_codes_follow_the_contract() {
    opensergo()
        .args(["validate", "testdata/examples"])
        .assert()
        .code(0);
    opensergo()
        .args([
            "validate",
            "testdata/validate/invalid/RateLimitStrategy-threshold-string.yaml",
        ])
        .assert()
        .code(1);
    opensergo()
        .args(["validate", "does/not/exist.yaml"])
        .assert()
        .code(2);
    opensergo()
        .args(["validate", "--no-such-flag"])
        .assert()
        .code(2);
    // Warnings alone pass, unless --fail-on warning.
    let warn_only = "testdata/validate/invalid/ThrottlingStrategy-no-labels.yaml";
    opensergo().args(["validate", warn_only]).assert().code(0);
    opensergo()
        .args(["validate", "--fail-on", "warning", warn_only])
        .assert()
        .code(1);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let text = std::fs::read_to_string(
        root().join("testdata/validate/invalid/RateLimitStrategy-threshold-string.yaml"),
    )
    .unwrap();
    let out = opensergo()
        .args(["validate", "--format", "short", "-"])
        .write_stdin(text)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("<stdin>:"), "{out}");
}

#[test]
fn unreadable_paths_and_symlink_loops_do_not_stop_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let good = root().join("testdata/validate/valid/RateLimitStrategy.yaml");
    std::fs::copy(&good, dir.path().join("good.yaml")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("missing.yaml"),
        dir.path().join("dangling.yaml"),
    )
    .unwrap();
    let out = opensergo()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["summary"]["valid"], 1, "{report:#}");
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages.iter().any(|m| m.contains("loop")), "{messages:?}");
}

#[test]
fn a_50_megabyte_file_validates_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let doc =
        std::fs::read_to_string(root().join("testdata/validate/valid/RateLimitStrategy.yaml"))
            .unwrap();
    let mut text = String::with_capacity(52 * 1024 * 1024);
    let mut n = 0;
    while text.len() < 50 * 1024 * 1024 {
        text.push_str("---\n");
        text.push_str(&doc.replace("name: ", &format!("name: n{n}-")));
        n += 1;
    }
    let path = dir.path().join("big.yaml");
    std::fs::write(&path, &text).unwrap();
    let out = opensergo()
        .args(["validate", "--format", "json", "--quiet"])
        .arg(&path)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["summary"]["valid"], n);
    // And the size limit gives a clean finding, not an allocation failure.
    opensergo()
        .args(["validate", "--max-file-size", "1048576"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("larger than the 1 MiB limit"));
}

#[test]
fn user_schema_dirs_and_crds_validate_other_kinds() {
    let widgets = "testdata/validate/user-schemas/widgets.yaml";
    // Without a schema the Widgets are not OpenSergo objects: skipped.
    let out = opensergo()
        .args(["validate", "--format", "json", widgets])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["summary"]["skipped"], 2);
    // lint runs validate's checks and takes the same schema flags.
    for (command, extra) in ["validate", "lint"].into_iter().flat_map(|command| {
        [
            ["--schema-dir", "testdata/validate/user-schemas"],
            ["--crd", "testdata/validate/user-schemas/widget-crd.yaml"],
        ]
        .map(|extra| (command, extra))
    }) {
        let out = opensergo()
            .args([command, "--format", "json"])
            .args(extra)
            .arg(widgets)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            (
                report["summary"]["valid"].as_u64(),
                report["summary"]["invalid"].as_u64()
            ),
            (Some(1), Some(1)),
            "{command} {extra:?}"
        );
        assert_eq!(report["diagnostics"][0]["path"], "spec.size");
        assert_eq!(report["diagnostics"][0]["line"], 14);
    }
    // A CRD file that is not a CRD is a usage error.
    opensergo()
        .args(["validate", "--crd", widgets, widgets])
        .assert()
        .code(2);
}

#[test]
fn a_directory_without_yaml_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not yaml").unwrap();
    opensergo()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "no *.yaml, *.yml or *.json files found",
        ));
}

/// A malformed stream that makes libyaml-safer panic is a syntax error,
/// and the contained panic never reaches stderr.
#[test]
fn a_parser_panic_is_a_quiet_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tag-comma.yaml");
    std::fs::write(&path, "a: [!,\n").unwrap();
    let out = opensergo()
        .args(["validate", "--format", "short"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stdout).contains("OS0003"));
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs validate (or any command) with `--format short` in `dir`; the exit
/// code and the codes of the findings, in order, and the summary line.
fn short_run(dir: &Path, args: &[&str]) -> (i32, Vec<String>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(dir)
        .args(args)
        .args(["--format", "short"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let codes = text
        .lines()
        .filter_map(|l| l.split('[').nth(1)?.split(']').next())
        .map(|c| c.to_string())
        .collect();
    let summary = text.lines().last().unwrap_or_default().to_string();
    (out.status.code().unwrap(), codes, summary)
}

const SUPPRESSED: &str = "testdata/validate/suppressed/rules.yaml";
const UNSUPPRESSED: &str = "testdata/validate/suppressed/unsuppressed.yaml";

#[test]
fn suppression_comments_and_annotations_silence_validate_findings() {
    let (code, codes, _) = short_run(&root(), &["validate", UNSUPPRESSED]);
    assert_eq!(
        (code, codes),
        (1, vec!["OS1006".into(), "OS1005".into(), "OS1007".into()])
    );
    let (code, codes, summary) = short_run(&root(), &["validate", SUPPRESSED]);
    assert_eq!((code, codes), (0, Vec::<String>::new()), "{summary}");
    assert!(
        summary.ends_with("2 valid, 0 invalid, 0 skipped; 0 errors, 0 warnings, 3 suppressed"),
        "{summary}"
    );
    let json = opensergo()
        .args(["validate", "--format", "json", SUPPRESSED])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["summary"]["suppressed"], 3);
    // Lint reports validate's errors too, so the same comment silences
    // them there, counted the same way.
    let (code, codes, summary) = short_run(&root(), &["lint", SUPPRESSED]);
    assert_eq!((code, codes), (0, Vec::<String>::new()), "{summary}");
    assert!(
        summary.ends_with("0 errors, 0 warnings, 1 suppressed"),
        "{summary}"
    );
    let (code, codes, _) = short_run(&root(), &["lint", UNSUPPRESSED]);
    assert_eq!((code, codes), (1, vec!["OS1006".to_string()]));
}

/// A suppression naming a code no command has is a warning (OS1012) at
/// the comment, with the closest code; lint's codes are left to lint
/// (which reads the same comments), and the warning is a code like any
/// other: `--ignore` silences it.
#[test]
fn suppressions_naming_unknown_codes_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(SUPPRESSED))
        .unwrap()
        .replace("ignore unknown-field read", "ignore unknwon-field read")
        .replace("ignore: OS1007", "ignore: OS1007,OS2001")
        .replace(
            "  maxConcurrency: 8",
            "  # opensergo:ignore\n  maxConcurrency: 8",
        );
    std::fs::write(dir.path().join("rules.yaml"), text).unwrap();
    let (code, codes, summary) = short_run(dir.path(), &["validate", "rules.yaml"]);
    assert_eq!(
        (code, codes),
        (0, vec!["OS1005".into(), "OS1012".into(), "OS1012".into()]),
        "{summary}"
    );
    let out = opensergo()
        .current_dir(dir.path())
        .args(["validate", "rules.yaml"])
        .output()
        .unwrap();
    let human = common::flat(&String::from_utf8_lossy(&out.stdout));
    assert!(
        human.contains("suppression names `unknwon-field`, which is no code"),
        "{human}"
    );
    assert!(human.contains("did you mean `unknown-field`?"), "{human}");
    assert!(human.contains("suppression names no code"), "{human}");
    let (code, codes, _) = short_run(
        dir.path(),
        &[
            "validate",
            "--ignore",
            "unknown-suppressed-code",
            "rules.yaml",
        ],
    );
    assert_eq!((code, codes), (0, vec!["OS1005".to_string()]));
}

#[test]
fn validate_selects_ignores_and_levels_codes_like_lint() {
    let run = |args: &[&str]| {
        let mut all = vec!["validate"];
        all.extend_from_slice(args);
        all.push(UNSUPPRESSED);
        let (code, codes, _) = short_run(&root(), &all);
        (code, codes)
    };
    let codes = |list: &[&str]| list.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        run(&["--ignore", "OS1006"]),
        (0, codes(&["OS1005", "OS1007"]))
    );
    assert_eq!(
        run(&["--select", "metadata"]),
        (1, codes(&["OS1006", "OS1007"]))
    );
    assert_eq!(
        run(&["--select", "OS10", "--ignore", "invalid-metadata,OS1005"]),
        (0, codes(&["OS1007"]))
    );
    assert_eq!(
        run(&[
            "--ignore",
            "OS1006",
            "--severity",
            "missing-app-label=error"
        ]),
        (1, codes(&["OS1005", "OS1007"]))
    );
    assert_eq!(
        run(&["--severity", "schema=off,OS1006=warning"]),
        (0, codes(&["OS1006", "OS1007"]))
    );
    // A selector validate has no code for is a usage error that says so.
    let out = opensergo()
        .args(["validate", "--ignore", "OS2001", UNSUPPRESSED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown rule selector `OS2001`"));
    // A file that was not parsed is never hidden: the reading and parsing
    // codes are not selectable, and a comment naming one silences nothing.
    let out = opensergo()
        .args([
            "validate",
            "--ignore",
            "duplicate-key",
            "testdata/validate/bad-input/dupkey.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown rule selector `duplicate-key`"));
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(root().join("testdata/validate/bad-input/dupkey.yaml")).unwrap();
    let commented: String = text
        .lines()
        .map(|l| {
            if l.starts_with("  threshold") {
                format!("{l}  # opensergo:ignore OS0004\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(dir.path().join("dupkey.yaml"), commented).unwrap();
    let (code, codes, _) = short_run(dir.path(), &["validate", "dupkey.yaml"]);
    assert_eq!((code, codes), (1, vec!["OS0004".to_string()]));
    let table = opensergo()
        .args(["validate", "--list-rules", "--format", "json"])
        .output()
        .unwrap();
    let table: serde_json::Value = serde_json::from_slice(&table.stdout).unwrap();
    assert!(
        table
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["code"] == "OS1007" && r["category"] == "metadata")
    );
}

#[test]
fn config_rules_are_validate_levels_under_the_flags() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(UNSUPPRESSED), dir.path().join("rules.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("legacy")).unwrap();
    std::fs::copy(
        root().join(UNSUPPRESSED),
        dir.path().join("legacy/rules.yaml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("opensergo.yaml"),
        "version: v1\nrules:\n  OS1006: warning\n  unknown-field: off\n  missing-app-label: off\noverrides:\n  - paths: ['legacy/**']\n    rules: {missing-app-label: error}\n",
    )
    .unwrap();
    let (code, codes, _) = short_run(dir.path(), &["validate", "rules.yaml"]);
    assert_eq!((code, codes), (0, vec!["OS1006".to_string()]));
    // The command line wins over `rules:`.
    let (code, codes, _) = short_run(
        dir.path(),
        &["validate", "--severity", "OS1005=error", "rules.yaml"],
    );
    assert_eq!(
        (code, codes),
        (1, vec!["OS1006".to_string(), "OS1005".to_string()])
    );
    // A path's override turns a code back on that `rules:` turned off.
    let (code, codes, _) = short_run(dir.path(), &["validate", "legacy/rules.yaml"]);
    assert_eq!(
        (code, codes),
        (1, vec!["OS1006".to_string(), "OS1007".to_string()])
    );
}

#[test]
fn a_type_verdict_turned_off_is_a_skip_not_a_pass() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("svc.yaml"),
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n",
    )
    .unwrap();
    let (code, codes, summary) =
        short_run(dir.path(), &["validate", "--require-known", "svc.yaml"]);
    assert_eq!((code, codes), (1, vec!["OS1010".to_string()]));
    assert!(
        summary.contains("0 valid, 1 invalid, 0 skipped"),
        "{summary}"
    );
    let (code, codes, summary) = short_run(
        dir.path(),
        &[
            "validate",
            "--require-known",
            "--ignore",
            "no-schema",
            "svc.yaml",
        ],
    );
    assert_eq!((code, codes), (0, Vec::<String>::new()));
    assert!(
        summary.contains("0 valid, 0 invalid, 1 skipped (1 Service)"),
        "{summary}"
    );
}

/// `--severity LEVEL` (the spelling of other tools' threshold flags) points
/// at `--fail-on`, and no hidden alias is suggested (issue 14).
#[test]
fn a_bare_severity_level_points_at_fail_on() {
    for command in ["validate", "lint"] {
        let out = opensergo()
            .args([command, "--severity", "warning", UNSUPPRESSED])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("`--fail-on warning`"), "{stderr}");
    }
    let out = opensergo()
        .args(["proto", "lint", "--severity-threshold", "error"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = opensergo()
        .args(["proto", "lint", "--severity", "error"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("severity-threshold"), "{stderr}");
}

/// A name written in another script has no ASCII spelling to offer: the
/// help says what names may hold and suggests nothing (issue 14: it
/// offered an empty ``try ` ``).
#[test]
fn a_non_ascii_name_gets_no_empty_suggestion() {
    let text =
        std::fs::read_to_string(root().join("testdata/validate/valid/RateLimitStrategy.yaml"))
            .unwrap();
    let name = text
        .lines()
        .find_map(|l| l.strip_prefix("  name: "))
        .unwrap()
        .to_string();
    let out = opensergo()
        .args(["--color", "never", "validate", "--format", "json", "-"])
        .write_stdin(text.replacen(&format!("name: {name}"), "name: 限流", 1))
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let help = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "OS1006")
        .and_then(|d| d["help"].as_str())
        .unwrap()
        .to_string();
    assert!(
        help.starts_with("names must be lower-case letters"),
        "{help}"
    );
    assert!(!help.contains("try"), "{help}");
}
