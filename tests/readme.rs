//! The README's examples are real: every ```console block is run by
//! trycmd, and its output and exit status must match what the README
//! shows. A flag renamed or an output changed without the README
//! following fails here.

use std::path::PathBuf;

#[test]
fn readme_console_examples_match_real_output() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.matches("```console").count() >= 3,
        "the README shows at least three runnable examples"
    );
    // trycmd runs each `$ opensergo ...` line of every console block from
    // the repository root and compares stdout and the exit status (`? 1`
    // under the command line; success when absent).
    trycmd::TestCases::new()
        .register_bin("opensergo", trycmd::cargo::cargo_bin!("opensergo"))
        .env("NO_COLOR", "1")
        .case(root.join("README.md"));
}

/// The configuration shown in the README is one the tool accepts.
#[test]
fn readme_configuration_example_loads() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let block = first_yaml_block(&readme, "## Project configuration");
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
    let mut in_console = false;
    let mut checked = 0;
    for (i, line) in readme.lines().enumerate() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            in_code = !in_code;
            // Console blocks are run (above); their output may quote commands.
            in_console = in_code && info == "console";
            continue;
        }
        if !in_code || in_console {
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

/// The generation template shown in "Generating SDK stubs" (managed mode,
/// a git input) is one `gen` accepts.
#[test]
fn readme_gen_template_loads() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let block = first_yaml_block(&readme, "## Generating SDK stubs");
    let template = opensergo::proto::template::parse("opensergo.gen.yaml", block)
        .unwrap_or_else(|problems| panic!("{problems:?}"));
    assert!(template.managed.enabled);
    assert_eq!(template.plugins.len(), 7);
    assert!(matches!(
        &template.inputs[..],
        [opensergo::proto::template::InputConfig::Git(git)] if git.reference.as_deref() == Some("main")
    ));
}

/// The first ```yaml block after `heading`.
fn first_yaml_block<'r>(readme: &'r str, heading: &str) -> &'r str {
    let section = readme.split(heading).nth(1).unwrap();
    section
        .split("```yaml\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap()
}
