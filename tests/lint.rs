//! `opensergo lint`, end to end.
//!
//! * Every fixture under `testdata/lint/<CODE>/` (a file, or a directory
//!   linted as one rule set) produces exactly the findings its
//!   `# expect: CODE LINE:COL` lines list, with the default rules plus
//!   `<CODE>` enabled; `fires*` fixtures produce `<CODE>`, `clean*` ones
//!   never do.
//! * The spec's own examples (`testdata/upstream/spec-md/`) produce the
//!   reference findings of opensergo-facts §3.2.
//! * The command line: selection, severities, suppressions, exit codes,
//!   `--list-rules`, `--explain`; output pinned by insta snapshots.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use opensergo::document::{self, LoadedSource};
use opensergo::engine::Selection;
use opensergo::lint::{self, registry};
use opensergo::walk::{self, WalkOptions};

mod common;
use common::{Fired, root};

/// Lints `path` (a file or a directory) as one rule set with the default
/// rules plus `extra`.
fn lint_path(path: &Path, extra: &str) -> Vec<Fired> {
    let walked = walk::collect(&[path.display().to_string()], &WalkOptions::default()).unwrap();
    let sources: Vec<LoadedSource> = walked
        .inputs
        .iter()
        .map(|i| document::load_source(i, document::DEFAULT_MAX_FILE_SIZE))
        .collect();
    let levels = Selection {
        extend_select: vec![extra.to_string()],
        ..Selection::default()
    }
    .resolve(&registry::FAMILY)
    .unwrap();
    let outcome = lint::lint_sources(&sources, &levels);
    let mut found: Vec<Fired> = sources
        .iter()
        .flat_map(|s| s.errors.iter())
        .chain(&outcome.diagnostics)
        .map(|d| {
            let at = d.start().unwrap();
            Fired {
                file: d.file.clone(),
                code: d.code.id.to_string(),
                line: at.line,
                column: at.column,
            }
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_fixture_produces_exactly_its_expectations() {
    let checked = common::check_rule_fixtures(
        &root().join("testdata/lint"),
        |code| registry::find(code).is_some(),
        lint_path,
    );
    assert!(checked >= 2 * registry::RULES.len());
}

fn opensergo() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opensergo"));
    cmd.current_dir(root())
        .args(["--color", "never", "--no-config"]);
    cmd
}

fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

// The spec's own examples.

/// Each database-example block is a complete example; linted alone, the
/// encryption and shadow blocks name objects that are spelt differently.
#[test]
fn spec_database_examples_name_objects_spelt_differently() {
    let base = "testdata/upstream/spec-md/zh-Hans_database-example__";
    let encryption = stdout(
        opensergo().args([
            "lint",
            "-f",
            "json",
            &format!("{base}05_VirtualDatabase+DatabaseEndpoint+Encryption.yaml"),
        ]),
        1,
    );
    let json: serde_json::Value = serde_json::from_str(&encryption).unwrap();
    // Besides the lint finding, validate's errors: the spec names its
    // database objects with underscores, which no API server accepts.
    let (lint, validate): (Vec<&serde_json::Value>, Vec<&serde_json::Value>) = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .partition(|d| d["code"].as_str().unwrap() >= "OS2");
    assert!(
        validate.iter().all(|d| d["code"] == "OS1006"),
        "{validate:?}"
    );
    let d = lint[0];
    assert_eq!(lint.len(), 1);
    assert_eq!(d["code"], "OS2008");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(15), Some(17))
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("`encrypt_db` not found")
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("did you mean `encrypt-db`?")
    );

    let shadow = stdout(
        opensergo().args([
            "lint",
            "-f",
            "short",
            &format!("{base}06_VirtualDatabase+DatabaseEndpoint+Shadow.yaml"),
        ]),
        1,
    );
    assert!(
        shadow.contains(":15:13: error[OS2008] shadow `shadow_db` not found"),
        "{shadow}"
    );
    for clean in ["01", "02", "03", "04"] {
        let path = std::fs::read_dir(root().join("testdata/upstream/spec-md"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&format!("zh-Hans_database-example__{clean}"))
            })
            .unwrap();
        // No lint finding; validate's errors are the underscore names only.
        let out = opensergo()
            .args(["lint", "-f", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let codes: Vec<&str> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert!(codes.iter().all(|c| *c == "OS1006"), "{clean}: {codes:?}");
    }
}

/// The database page linted as one set: its ReadWriteSplitting reads from
/// read_ds_0/read_ds_1 while its endpoints are write_ds, ds_0 and ds_1.
#[test]
fn spec_database_page_reads_from_missing_endpoints() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("testdata/upstream/spec-md"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("zh-Hans_database__"))
        .map(|n| format!("testdata/upstream/spec-md/{n}"))
        .collect();
    files.sort();
    let out = stdout(opensergo().args(["lint", "-f", "short"]).args(&files), 1);
    insta::assert_snapshot!("spec_database_page", out);
    for want in [
        "zh-Hans_database__03_ReadWriteSplitting.yaml:11:9: error[OS2009] data source `read_ds_0` not found",
        "zh-Hans_database__03_ReadWriteSplitting.yaml:12:9: error[OS2009] data source `read_ds_1` not found",
        "zh-Hans_database__09_DatabaseDiscovery.yaml:11:9: error[OS2009] data source `ds_2` not found",
        "zh-Hans_database__01_VirtualDatabase.yaml:18:29: error[OS2008] distributedTransaction `sharding_db_txn` not found",
    ] {
        assert!(out.contains(want), "missing `{want}` in:\n{out}");
    }
}

/// The fault-tolerance pages: the rule lives in prod/my-app, its strategy
/// (written without `kind`) and fallback action in default with no app.
#[test]
fn spec_fault_tolerance_references_never_reach_their_targets() {
    for page in [
        "en_fault-tolerance__01_RateLimitStrategy+HttpRequestFallbackAction+FaultToleranceRule.yaml",
        "zh-Hans_fault-tolerance__06_RateLimitStrategy+HttpRequestFallbackAction+FaultToleranceRule.yaml",
    ] {
        let out = stdout(
            opensergo().args([
                "lint",
                "-f",
                "json",
                &format!("testdata/upstream/spec-md/{page}"),
            ]),
            1,
        );
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let by_code: BTreeMap<&str, &serde_json::Value> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].as_str().unwrap(), d))
            .collect();
        let strategy = by_code["OS2004"];
        assert!(
            strategy["message"]
                .as_str()
                .unwrap()
                .contains("`rate-limit-foo`")
        );
        assert!(strategy["help"].as_str().unwrap().contains("has no `kind`"));
        assert_eq!(strategy["related"].as_array().unwrap().len(), 1);
        assert!(
            by_code["OS2006"]["message"]
                .as_str()
                .unwrap()
                .contains("`fallback-foo`")
        );
        assert!(by_code.contains_key("OS6001"), "limitMode: Global");
    }
}

#[test]
fn spec_examples_whole_directory() {
    let out = stdout(
        opensergo().args(["lint", "-f", "short", "testdata/upstream/spec-md"]),
        1,
    );
    insta::assert_snapshot!("spec_md_directory", out);
}

#[test]
fn repository_examples_have_no_errors() {
    let out = stdout(
        opensergo().args(["lint", "-f", "short", "testdata/examples"]),
        0,
    );
    insta::assert_snapshot!("examples", out);
}

// Output through the shared reporting layer.

#[test]
fn human_output_shows_both_sides_of_a_conflict() {
    // Exit 1: lint also reports validate's errors, and the CRD rejects the
    // ThrottlingStrategy reference this fixture needs.
    let out = stdout(
        opensergo().args(["lint", "testdata/lint/OS3005/fires.yaml"]),
        1,
    );
    insta::assert_snapshot!("human_conflict", out);
}

#[test]
fn human_output_across_files() {
    let out = stdout(
        opensergo().args(["lint", "testdata/lint/OS3001/fires-across-files"]),
        1,
    );
    insta::assert_snapshot!("human_across_files", out);
}

/// A long line is cut to a window around the labels on it, however far
/// apart the finding's labels lie; labels a few lines apart are shown in
/// snippets of their own, without the lines between.
#[test]
fn human_output_cuts_long_lines_around_far_apart_labels() {
    let out = stdout(
        opensergo().args([
            "lint",
            "testdata/lint/OS3001/fires-far-apart-long-line.yaml",
        ]),
        1,
    );
    insta::assert_snapshot!("human_far_apart_long_line", out);
}

#[test]
fn json_output_carries_related_places() {
    let out = stdout(
        opensergo().args(["lint", "-f", "json", "testdata/lint/OS3003/fires.yaml"]),
        0,
    );
    insta::assert_snapshot!("json_conflicts", out);
}

#[test]
fn every_format_renders_lint_findings() {
    for format in ["short", "github", "sarif", "junit"] {
        let out = stdout(
            opensergo().args(["lint", "-f", format, "testdata/lint/OS2001/fires.yaml"]),
            1,
        );
        assert!(out.contains("OS2001"), "{format}: {out}");
        insta::assert_snapshot!(format!("format_{format}"), out);
    }
}

// Selection, severities, exit codes.

#[test]
fn select_ignore_and_severity() {
    let fixture = "testdata/lint/OS2004/fires.yaml";
    let only = stdout(
        opensergo().args(["lint", "-f", "short", "-q", "--select", "OS2004", fixture]),
        1,
    );
    assert_eq!(only.lines().count(), 2, "{only}");
    assert!(only.lines().all(|l| l.contains("[OS2004]")));
    let ignored = stdout(
        opensergo().args([
            "lint",
            "-f",
            "short",
            "-q",
            "--ignore",
            "reference",
            fixture,
        ]),
        0,
    );
    assert_eq!(ignored, "");
    let softened = stdout(
        opensergo().args([
            "lint",
            "-f",
            "short",
            "-q",
            "--severity",
            "strategy-in-other-group=warning",
            fixture,
        ]),
        0,
    );
    assert!(
        softened.lines().all(|l| l.contains("warning[OS2004]")),
        "{softened}"
    );
    stdout(
        opensergo().args([
            "lint",
            "--fail-on",
            "warning",
            "--severity",
            "OS2004=warning",
            fixture,
        ]),
        1,
    );
    // An opt-in rule, enabled by its level.
    let opt_in = stdout(
        opensergo().args([
            "lint",
            "-f",
            "short",
            "-q",
            "--severity",
            "OS6005=warning",
            "testdata/lint/OS6005/fires.yaml",
        ]),
        0,
    );
    assert_eq!(opt_in.matches("warning[OS6005]").count(), 4, "{opt_in}");
}

#[test]
fn unknown_selectors_and_levels_are_usage_errors() {
    opensergo()
        .args(["lint", "--select", "OS9", "testdata/lint"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown rule selector `OS9`"));
    opensergo()
        .args(["lint", "--severity", "OS2001=loud", "testdata/lint"])
        .assert()
        .code(2);
    opensergo()
        .args(["lint", "does/not/exist"])
        .assert()
        .code(2);
}

#[test]
fn suppressions_are_counted() {
    let out = stdout(
        opensergo().args(["lint", "testdata/lint/OS8002/clean.yaml"]),
        0,
    );
    assert!(
        out.ends_with("0 errors, 0 warnings, 1 suppressed\n"),
        "{out}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rules.yaml");
    let text = std::fs::read_to_string(root().join("testdata/lint/OS2004/fires.yaml")).unwrap();
    let text = text.replace(
        "    - name: rate-limit-foo\n",
        "    # opensergo:ignore OS2004 delivered by a sidecar config\n    - name: rate-limit-foo\n",
    );
    let text = text.replace(
        "  name: my-rule\n",
        "  name: my-rule\n  annotations:\n    lint.opensergo.io/ignore: strategy-in-other-group\n",
    );
    std::fs::write(&file, text).unwrap();
    let out = stdout(opensergo().args(["lint", "-f", "short"]).arg(&file), 0);
    assert!(
        out.ends_with("0 errors, 0 warnings, 2 suppressed\n"),
        "{out}"
    );
}

#[test]
fn list_rules_and_explain() {
    let table = stdout(opensergo().args(["lint", "--list-rules"]), 0);
    for rule in registry::RULES {
        assert!(table.contains(rule.code.id) && table.contains(rule.code.name));
    }
    insta::assert_snapshot!("list_rules", table);
    let explained = stdout(opensergo().args(["lint", "--explain", "OS2008"]), 0);
    insta::assert_snapshot!("explain_os2008", explained);
    let by_name = stdout(
        opensergo().args(["lint", "--explain", "database-ref-not-found"]),
        0,
    );
    assert_eq!(by_name, explained);
    let via_explain = stdout(opensergo().args(["explain", "OS2008"]), 0);
    assert_eq!(via_explain, explained);
    opensergo()
        .args(["lint", "--explain", "OS2999"])
        .assert()
        .code(2);
}

#[test]
fn project_config_sets_rule_levels() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("opensergo.yaml"),
        "version: v1\nrules:\n  OS2005: off\n  control-plane-ignored-field: warning\noverrides:\n  - paths: [\"legacy/**\"]\n    rules:\n      OS6005: off\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("legacy")).unwrap();
    for (from, to) in [
        ("testdata/lint/OS2005/fires.yaml", "orphan.yaml"),
        ("testdata/lint/OS6005/fires.yaml", "router.yaml"),
        ("testdata/lint/OS6005/fires.yaml", "legacy/router.yaml"),
    ] {
        let text = std::fs::read_to_string(root().join(from)).unwrap();
        let text = if to.starts_with("legacy") {
            text.replace("namespace: shop", "namespace: legacy")
        } else {
            text
        };
        std::fs::write(dir.path().join(to), text).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(dir.path())
        .args(["--color", "never", "lint", "-f", "short", "."])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(!out.contains("OS2005"), "{out}");
    assert_eq!(out.matches("warning[OS6005]").count(), 4, "{out}");
    assert!(!out.contains("legacy/router.yaml:"), "{out}");
}

/// Lint reads fields leniently: schema-invalid and hostile inputs give
/// findings, never a crash.
#[test]
fn survives_invalid_and_hostile_inputs() {
    let out = opensergo()
        .args([
            "lint",
            "-f",
            "short",
            "-q",
            "testdata/validate",
            "testdata/upstream",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(!String::from_utf8(out).unwrap().is_empty());
}

/// Every value of every fixture replaced by values of other types (a
/// list, a mapping, a number, an empty value): still no crash.
#[test]
fn survives_values_of_the_wrong_type() {
    use std::sync::Arc;
    let levels = Selection {
        select: vec!["ALL".into()],
        ..Selection::default()
    }
    .resolve(&registry::FAMILY)
    .unwrap();
    let mut files = Vec::new();
    let mut stack = vec![root().join("testdata/lint")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let mut runs = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some((key, value)) = line.split_once(": ") else {
                continue;
            };
            if value.trim().is_empty()
                || key.trim_start().starts_with('#')
                || key.contains("apiVersion")
            {
                continue;
            }
            for replacement in ["[1, {a: b}]", "{x: [1]}", "-7", "~", "'%'"] {
                let mut mutated = lines.clone();
                let new_line = format!("{key}: {replacement}");
                mutated[i] = &new_line;
                let source = Arc::new(opensergo::source::SourceFile::new(
                    "mutated.yaml",
                    mutated.join("\n"),
                ));
                let loaded = vec![document::parse_source(&source)];
                let _ = lint::lint_sources(&loaded, &levels);
                runs += 1;
            }
        }
    }
    assert!(runs > 1000, "{runs}");
}

/// Issue 14: the bundled examples lint clean, and a strategy the
/// FaultToleranceRule CRD cannot reference is an info that says why,
/// not a warning with advice that cannot be followed.
#[test]
fn bundled_examples_lint_clean_and_unreferenceable_strategies_are_explained() {
    let out = stdout(
        opensergo().args(["lint", "-f", "short", "testdata/examples"]),
        0,
    );
    assert!(
        out.ends_with("0 errors, 0 warnings, 2 suppressed\n"),
        "{out}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fault-tolerance.yaml");
    let text = std::fs::read_to_string(root().join("testdata/examples/fault-tolerance.yaml"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("# opensergo:ignore"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&file, text).unwrap();
    let out = stdout(opensergo().args(["lint", "-f", "json"]).arg(&file), 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = json["diagnostics"].as_array().unwrap();
    assert_eq!(findings.len(), 2, "{out}");
    for d in findings {
        assert_eq!(d["code"], "OS2005");
        assert_eq!(d["severity"], "info");
        assert!(
            d["help"]
                .as_str()
                .unwrap()
                .contains("accepts only RateLimitStrategy and ConcurrencyLimitStrategy"),
            "{d}"
        );
    }
}

#[test]
fn list_rules_prints_json_with_format_json() {
    let out = stdout(
        opensergo().args(["lint", "--list-rules", "--format", "json"]),
        0,
    );
    let rules: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rules.len(), registry::RULES.len());
    for (json, rule) in rules.iter().zip(registry::RULES) {
        assert_eq!(json["code"], rule.code.id);
        assert_eq!(json["name"], rule.code.name);
        assert_eq!(json["category"], rule.category());
        assert_eq!(json["enabledByDefault"], rule.enabled_by_default);
    }
}

/// A conflict between strategies that validate rejects describes what it
/// can and names the field it cannot show (issue 14: "threshold 100 per ?s").
#[test]
fn conflicts_name_the_settings_they_cannot_show() {
    let out = stdout(
        opensergo().args(["lint", "testdata/lint/OS3003/fires-invalid-settings.yaml"]),
        1,
    );
    assert!(
        out.contains("`limit-100`: threshold 100, limitMode Local (no valid statDurationSeconds)"),
        "{out}"
    );
    assert!(!out.contains('?'), "{out}");
}

/// The human format wraps at spaces: a host name longer than a line stays
/// whole (issue 14: OS6003 split one at a hyphen).
#[test]
fn human_output_never_wraps_inside_a_host_name() {
    let host = "order-processing-service-canary-with-a-much-longer-name.payments-production.svc.cluster.local";
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("testdata/lint/OS6003/fires.yaml"))
        .unwrap()
        .replace("reviews.shop.svc.cluster.local", host);
    std::fs::write(dir.path().join("router.yaml"), text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .current_dir(dir.path())
        .args([
            "--color",
            "never",
            "--no-config",
            "lint",
            "--select",
            "OS6003",
            "router.yaml",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let message = out
        .lines()
        .find(|l| l.contains("the control plane turns host"))
        .unwrap();
    assert!(
        message.contains(host) || !message.contains("order-"),
        "{out}"
    );
    for line in out.lines().filter(|l| l.contains("order-processing")) {
        assert!(
            line.contains(host),
            "a line holds part of the host name:\n{out}"
        );
    }
}

/// The validate errors lint reports take `--ignore` and `--severity` as in
/// validate; `--select` picks lint rules only, and says so when given a
/// validate code.
#[test]
fn validate_codes_are_ignored_and_levelled_in_lint_too() {
    let file = "testdata/validate/suppressed/unsuppressed.yaml";
    let out = stdout(opensergo().args(["lint", "-f", "short", file]), 1);
    assert!(out.contains("error[OS1006]"), "{out}");
    for args in [
        ["--ignore", "invalid-metadata"],
        ["--ignore", "metadata"],
        ["--severity", "OS1006=warning"],
    ] {
        let out = stdout(
            opensergo()
                .args(["lint", "-f", "short"])
                .args(args)
                .arg(file),
            0,
        );
        assert!(!out.contains("OS1006"), "{args:?}: {out}");
    }
    opensergo()
        .args(["lint", "--select", "OS1006", file])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "lint reports validate's errors whatever --select says",
        ));
    // Lint's own selection is unchanged by it.
    let out = stdout(
        opensergo().args([
            "lint", "-f", "short", "--select", "OS2", "--ignore", "OS1006", file,
        ]),
        0,
    );
    assert!(!out.contains("OS1006"), "{out}");
}
