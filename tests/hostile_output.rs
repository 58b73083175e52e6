//! Hostile input, honest output (issue #9): control characters from input
//! never reach the terminal or a CI log raw, numbers are added without
//! wrapping, readers that disagree are warned about, and setup errors are
//! usage errors reported once.
#![cfg(unix)]

mod common;

use common::hostile::*;
use std::time::Duration;

const FORMATS: &[&str] = &["human", "short", "json", "sarif", "github", "junit"];

/// The characters that must never appear raw: C0 controls but newline
/// and tab, DEL, C1 controls, bidirectional overrides.
fn raw_control(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// ESC sequences, C1 controls and bidi overrides in keys, values and
/// messages are escaped in every format (validate and lint).
#[test]
fn control_characters_are_escaped_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    // YAML double-quoted escapes: ESC [2J, an OSC title, BEL, a C1 CSI,
    // a right-to-left override (raw control characters are a YAML error).
    let evil = "\\e[2J\\e]0;pwned\\a\\x9b31m\\u202e";
    write(
        &dir.path().join("evil.yaml"),
        format!(
            "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: RateLimitStrategy\nmetadata:\n  name: \"a{evil}\"\n  labels:\n    app: foo\nspec:\n  metricType: \"Req{evil}\"\n  limitMode: Local\n  threshold: 10\n  statDurationSeconds: 1\n  \"x{evil}\": 1\n---\napiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: FaultToleranceRule\nmetadata:\n  name: r\n  labels:\n    app: foo\nspec:\n  targets:\n    - targetResourceName: \"GET:/{evil}\"\n  strategies:\n    - name: \"b{evil}\"\n      kind: RateLimitStrategy\n"
        ),
    );
    for command in ["validate", "lint"] {
        for format in FORMATS {
            let r = run(dir.path(), &[command, "evil.yaml", "-f", format]);
            assert_eq!(r.code, 1, "{command} {format}: {}", r.stderr);
            assert_eq!(
                raw_control(&r.stdout),
                None,
                "{command} {format}: {:?}",
                r.stdout
            );
            assert_eq!(
                raw_control(&r.stderr),
                None,
                "{command} {format}: {:?}",
                r.stderr
            );
            if ["human", "short", "github", "junit"].contains(format) {
                assert!(
                    r.stdout.contains("\\u{1b}"),
                    "{command} {format}: {}",
                    r.stdout
                );
            }
        }
    }
}

/// A file name with a newline cannot inject a workflow command (or any
/// line) through the human, short, github and junit formats.
#[test]
fn file_names_with_newlines_cannot_inject_lines() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a\n::warning file=x.yaml,line=1::injected\n\u{1b}[31mb.yaml";
    write(
        &dir.path().join("repo").join(name),
        strategy("a").replace("threshold: 10", "threshold: ten"),
    );
    for format in &["human", "short", "github"] {
        let r = run(dir.path(), &["validate", "repo", "-f", format]);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert!(
            !r.stdout
                .lines()
                .any(|l| l.contains("::warning file=x.yaml")
                    && l.trim_start().starts_with("::warning")),
            "{format}: {}",
            r.stdout
        );
        assert_eq!(raw_control(&r.stdout), None, "{format}: {:?}", r.stdout);
        let shown = if *format == "github" {
            "a%0A%3A%3Awarning"
        } else {
            "a\\n::warning"
        };
        assert!(r.stdout.contains(shown), "{format}: {}", r.stdout);
    }
    // The github format has exactly one annotation line for the one finding.
    let r = run(dir.path(), &["validate", "repo", "-f", "github"]);
    assert_eq!(
        r.stdout.lines().filter(|l| l.starts_with("::")).count(),
        1,
        "{}",
        r.stdout
    );
    // Errors about such paths on stderr are escaped too.
    let r = run(dir.path(), &["validate", &format!("repo/{name}x")]);
    assert_eq!(r.code, 2);
    assert!(!r.stderr.contains("\n::warning"), "{}", r.stderr);
}

/// Route weights add up in wide arithmetic: two i64::MAX and a 102 do
/// not "add up to" 100.
#[test]
fn route_weights_do_not_wrap() {
    let dir = tempfile::tempdir().unwrap();
    let max = i64::MAX;
    write(
        &dir.path().join("router.yaml"),
        format!(
            "apiVersion: traffic.opensergo.io/v1alpha1\nkind: TrafficRouter\nmetadata:\n  name: r\n  labels:\n    app: r\nspec:\n  hosts: [r]\n  http:\n    - route:\n        - destination: {{host: r, subset: a}}\n          weight: {max}\n        - destination: {{host: r, subset: b}}\n          weight: {max}\n        - destination: {{host: r, subset: c}}\n          weight: 102\n"
        ),
    );
    let r = run(dir.path(), &["lint", "router.yaml", "-f", "short"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("OS4005") && r.stdout.contains("add up to 18446744073709551716"),
        "{}",
        r.stdout
    );
}

/// An integer beyond 64 bits is a validate finding (it used to pass, then
/// get convert's "has a fraction"); convert says what is wrong.
#[test]
fn oversized_integers_are_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("big.yaml"),
        strategy("a").replace("threshold: 10", "threshold: 99999999999999999999999999"),
    );
    let r = run(dir.path(), &["validate", "big.yaml", "-f", "short"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains(
            "spec.threshold: 99999999999999999999999999 is too large for a 64-bit integer"
        ),
        "{}",
        r.stdout
    );
    let r = run(dir.path(), &["convert", "big.yaml", "--to", "json"]);
    assert_eq!(r.code, 2);
    assert!(r.flat().contains("out of range"), "{}", r.stderr);
    assert!(!r.flat().contains("fraction"), "{}", r.stderr);
}

/// JSON message input with a key twice is refused, as YAML input is.
#[test]
fn json_message_input_rejects_duplicate_keys() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("m.json"),
        "{\"name\": \"a\",\n \"name\": \"b\"}\n",
    );
    let r = run(
        dir.path(),
        &[
            "convert",
            "m.json",
            "--from",
            "json",
            "--kind",
            "RateLimitStrategy",
            "--to",
            "yaml",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.flat().contains("duplicate key `name` at line 2"),
        "{}",
        r.stderr
    );
}

/// A text-format stream ending in `---` makes no empty message.
#[test]
fn trailing_separators_make_no_messages() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("m.txtpb"), "name: \"a\"\n---\n");
    let r = run(
        dir.path(),
        &[
            "convert",
            "m.txtpb",
            "--from",
            "txtpb",
            "--kind",
            "ThrottlingStrategy",
            "--to",
            "yaml",
            "--name",
            "x",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.matches("kind: ThrottlingStrategy").count(),
        1,
        "{}",
        r.stdout
    );
}

/// A broken user schema is the user's setup: exit 2, said once, not a
/// finding per document; in validate and in lint (which runs validate's
/// checks), given on the command line or in opensergo.yaml.
#[test]
fn broken_user_schemas_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<String> = (0..5).map(|i| strategy(&format!("s{i}"))).collect();
    write(&dir.path().join("rules.yaml"), docs.join("---\n"));
    let schema = dir
        .path()
        .join("schemas/fault-tolerance.opensergo.io/ratelimitstrategy_v1alpha1.json");
    for command in ["validate", "lint"] {
        write(&schema, "{not json");
        let r = run(
            dir.path(),
            &[command, "--schema-dir", "schemas", "rules.yaml"],
        );
        assert_eq!(r.code, 2, "{command}: {}", r.stdout);
        assert_eq!(r.stderr.matches("error:").count(), 1, "{}", r.stderr);
        assert!(r.stderr.contains("is not valid JSON"), "{}", r.stderr);

        // Valid JSON that is no usable schema: reported once when used.
        write(&schema, "{\"type\": 5}");
        let r = run(
            dir.path(),
            &[command, "--schema-dir", "schemas", "rules.yaml"],
        );
        assert_eq!(r.code, 2, "{command}: {}", r.stdout);
        assert_eq!(r.stderr.matches("unusable").count(), 1, "{}", r.stderr);
        assert!(!r.stdout.contains("OS1004"), "{}", r.stdout);

        // A CRD with an unusable schema.
        write(
            &dir.path().join("crd.yaml"),
            crd("example.io", "v1", "Foo").replace("type: object", "type: 5"),
        );
        let r = run(dir.path(), &[command, "--crd", "crd.yaml", "rules.yaml"]);
        assert_eq!(r.code, 2, "{command}: {}", r.stdout);
        assert!(r.stderr.contains("unusable schema"), "{}", r.stderr);
    }
    // The same schema directory named in opensergo.yaml.
    let project = dir.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::rename(dir.path().join("schemas"), project.join("schemas")).unwrap();
    std::fs::rename(dir.path().join("rules.yaml"), project.join("rules.yaml")).unwrap();
    write(
        &project.join("opensergo.yaml"),
        "validate:\n  schemaDirs: [schemas]\n",
    );
    for command in ["validate", "lint"] {
        let r = run_in(&project, &[command, "rules.yaml"], Duration::from_secs(120));
        assert_eq!(r.code, 2, "{command}: {}", r.stdout);
        assert_eq!(r.stderr.matches("unusable").count(), 1, "{}", r.stderr);
    }
}

/// UTF-16 is text in the wrong encoding, not "binary".
#[test]
fn utf16_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = strategy("a");
    let mut le = vec![0xFF, 0xFE];
    let mut be_no_bom = Vec::new();
    for unit in text.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be_no_bom.extend_from_slice(&unit.to_be_bytes());
    }
    write(&dir.path().join("le.yaml"), le);
    write(&dir.path().join("be.yaml"), be_no_bom);
    let r = run(
        dir.path(),
        &["validate", "le.yaml", "be.yaml", "-f", "short"],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("le.yaml: error[OS0002] the file is UTF-16LE-encoded text"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("be.yaml: error[OS0002] the file is UTF-16BE-encoded text"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("binary"), "{}", r.stdout);
}

/// YAML 1.1 and 1.2 read `017`, `1e3` and `1_000` differently: warned.
#[test]
fn yaml11_numbers_are_warned() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("n.yaml"),
        strategy("a")
            .replace("threshold: 10", "threshold: 017")
            .replace("statDurationSeconds: 1", "statDurationSeconds: 1e3"),
    );
    let r = run(dir.path(), &["lint", "n.yaml", "-f", "short"]);
    assert!(
        r.stdout
            .contains("`017` is the number 17 here but the number 15 (octal)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("`1e3` is the number 1000 here but the string \"1e3\""),
        "{}",
        r.stdout
    );
}
