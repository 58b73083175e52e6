//! The README's examples are real: every ```console block is run, and
//! its output must match what the README shows. A flag renamed or an
//! output changed without the README following fails here.

use std::path::PathBuf;

use assert_cmd::Command;

struct Example {
    line: usize,
    command: String,
    expected: String,
}

fn examples(markdown: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut lines = markdown.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let mut current: Option<Example> = None;
        for (j, line) in lines.by_ref() {
            if line.trim() == "```" {
                break;
            }
            if let Some(cmd) = line.strip_prefix("$ ") {
                out.extend(current.take());
                current = Some(Example {
                    line: j + 1,
                    command: cmd.to_string(),
                    expected: String::new(),
                });
            } else if let Some(ex) = current.as_mut() {
                ex.expected.push_str(line);
                ex.expected.push('\n');
            }
        }
        out.extend(current.take());
        assert!(
            !out.is_empty(),
            "README.md:{}: console block without `$ ` command",
            i + 1
        );
    }
    out
}

fn normalize(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
}

#[test]
fn readme_console_examples_match_real_output() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(
        examples.len() >= 3,
        "the README shows at least three runnable examples"
    );
    for ex in examples {
        let words: Vec<&str> = ex.command.split_whitespace().collect();
        assert_eq!(
            words[0], "opensergo",
            "README.md:{}: examples run opensergo",
            ex.line
        );
        let output = Command::new(env!("CARGO_BIN_EXE_opensergo"))
            .current_dir(&root)
            .env("NO_COLOR", "1")
            .args(&words[1..])
            .output()
            .unwrap();
        let code = output.status.code().unwrap_or(-1);
        assert_ne!(
            code,
            2,
            "README.md:{}: `{}` is a usage error:\n{}",
            ex.line,
            ex.command,
            String::from_utf8_lossy(&output.stderr)
        );
        let actual = normalize(&String::from_utf8_lossy(&output.stdout));
        let expected = normalize(&ex.expected);
        assert!(
            actual == expected,
            "README.md:{}: output of `{}` changed\n--- README\n{expected}\n--- actual\n{actual}",
            ex.line,
            ex.command
        );
    }
}

/// The configuration shown in the README is one the tool accepts.
#[test]
fn readme_configuration_example_loads() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let section = readme.split("## Project configuration").nth(1).unwrap();
    let block = section
        .split("```yaml\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("opensergo.yaml");
    std::fs::write(&path, block).unwrap();
    let config =
        opensergo::config::load(Some(&path), dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(config.exclude, ["vendor/**"]);
    assert_eq!(config.overrides.len(), 1);
}

/// Command lines inside the README's shell and CI snippets (not run: they
/// write files or name paths of a user's project) must still parse with
/// the current flags.
#[test]
fn readme_snippet_command_lines_parse() {
    use clap::Parser;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut in_code = false;
    let mut checked = 0;
    for (i, line) in readme.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            continue;
        }
        let Some(start) = line.find("opensergo ") else {
            continue;
        };
        let rest = &line[start..];
        // Cut at shell operators and comments; skip synopsis lines.
        let command = rest.split(['>', '|', '#', '&']).next().unwrap().trim();
        if command.contains('[') || command.contains('<') || line.trim_start().starts_with("$ ") {
            continue;
        }
        let words: Vec<&str> = command.split_whitespace().collect();
        if let Err(e) = opensergo::cli::Cli::try_parse_from(&words) {
            panic!("README.md:{}: `{command}` no longer parses:\n{e}", i + 1);
        }
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} snippet command lines found");
}
