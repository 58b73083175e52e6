//! Installing without compiling (issue 14): the composite GitHub Action
//! (`action.yml`) and the container image (`Dockerfile`), exercised as far
//! as a machine without GitHub or a Docker engine allows.
//!
//! * The action's run step is executed by bash, as the runner would, with
//!   the inputs in its environment and the freshly built binary on PATH.
//! * The Dockerfile's build step is `scripts/static-build`; it runs here
//!   for the host target (the image uses musl), with an unoptimized
//!   release profile kept in `target/static-build` so reruns are cheap.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use opensergo::yaml;

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn manifest(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let (docs, error) = yaml::load_stream(&text);
    assert!(error.is_none(), "{path}: {error:?}");
    docs[0].root.to_json()
}

fn action_step<'a>(action: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no step `{name}`"))
}

#[test]
fn action_is_composite_and_installs_from_its_own_checkout() {
    let action = manifest("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let install = action_step(&action, "Install opensergo");
    assert_eq!(install["env"]["ACTION_PATH"], "${{ github.action_path }}");
    assert!(
        install["run"]
            .as_str()
            .unwrap()
            .contains("cargo install --locked --path \"$ACTION_PATH\"")
    );
    let upload = action_step(&action, "Upload SARIF");
    assert_eq!(upload["uses"], "github/codeql-action/upload-sarif@v4");
    assert_eq!(upload["with"]["sarif_file"], "${{ inputs.sarif-file }}");
    for input in ["command", "paths", "args", "sarif-file", "upload-sarif"] {
        assert!(
            action["inputs"][input]["description"].is_string(),
            "{input}"
        );
    }
}

/// Runs the action's `Run opensergo` script with bash, inputs in its
/// environment as the runner passes them.
fn run_action_script(dir: &Path, command: &str, paths: &str, args: &str) -> (i32, String) {
    let action = manifest("action.yml");
    let script = action_step(&action, "Run opensergo")["run"]
        .as_str()
        .unwrap()
        .to_string();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_opensergo")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = common::run(
        Command::new("bash")
            .args(["-e", "-c", &script])
            .current_dir(root())
            .env("PATH", path)
            .env("OPENSERGO_COMMAND", command)
            .env("OPENSERGO_PATHS", paths)
            .env("OPENSERGO_ARGS", args)
            .env("OPENSERGO_SARIF", dir.join("out.sarif")),
        None,
        Duration::from_secs(60),
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn action_run_step_writes_sarif_and_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let (code, annotations) = run_action_script(
        dir.path(),
        "validate",
        "testdata/validate/type-mistakes/api-no-io.yaml testdata/examples",
        "",
    );
    assert_eq!(code, 1, "{annotations}");
    assert!(
        annotations.starts_with("::error file=testdata/validate/type-mistakes/api-no-io.yaml"),
        "{annotations}"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "OS1008");
    // Extra arguments reach the command: the examples lint clean.
    let (code, out) = run_action_script(dir.path(), "lint", "testdata/examples", "--quiet");
    assert_eq!(code, 0, "{out}");
}

#[test]
fn dockerfile_builds_with_the_static_build_script_into_scratch() {
    let text = std::fs::read_to_string(root().join("Dockerfile")).unwrap();
    let instructions: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert!(
        instructions[0].starts_with("FROM rust:") && instructions[0].ends_with("-alpine AS build")
    );
    assert!(instructions.contains(&"RUN scripts/static-build /out"));
    assert!(instructions.contains(&"FROM scratch"));
    assert!(instructions.contains(&"COPY --from=build /out/opensergo /opensergo"));
    assert!(instructions.contains(&"ENTRYPOINT [\"/opensergo\"]"));
}

/// The Dockerfile's build step, run for the host's target (`.ci/run` has
/// no Docker engine): the result must be a static binary that runs.
#[test]
fn static_build_script_produces_a_static_binary() {
    let target_dir = root().join("target/static-build");
    let out = tempfile::tempdir().unwrap();
    let host = format!("{}-unknown-linux-gnu", std::env::consts::ARCH);
    let result = common::run(
        Command::new(root().join("scripts/static-build"))
            .arg(out.path())
            .env("OPENSERGO_TARGET", &host)
            .env("CARGO_TARGET_DIR", &target_dir)
            // As in tests/precommit.rs: a release build without optimization
            // takes about a minute from scratch on two cores.
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "true"),
        None,
        Duration::from_secs(30 * 60),
    );
    let log = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{log}");
    let bin = out.path().join("opensergo");
    let version = common::run(
        Command::new(&bin).arg("--version"),
        None,
        Duration::from_secs(10),
    );
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("opensergo "));
    let elf = std::fs::read(&bin).unwrap();
    assert!(
        !has_interpreter(&elf),
        "{} is dynamically linked",
        bin.display()
    );
}

/// Whether a 64-bit little-endian ELF file has a PT_INTERP program header
/// (a dynamic loader to run it); static binaries have none.
fn has_interpreter(elf: &[u8]) -> bool {
    assert_eq!(&elf[..4], b"\x7fELF");
    let u16_at = |at: usize| usize::from(u16::from_le_bytes([elf[at], elf[at + 1]]));
    let phoff = usize::try_from(u64::from_le_bytes(elf[0x20..0x28].try_into().unwrap())).unwrap();
    let (size, count) = (u16_at(0x36), u16_at(0x38));
    (0..count).any(|i| {
        let at = phoff + i * size;
        u32::from_le_bytes(elf[at..at + 4].try_into().unwrap()) == 3
    })
}

#[test]
fn the_test_binary_itself_is_dynamic() {
    // has_interpreter can fail: this test binary is linked dynamically.
    let elf = std::fs::read(std::env::current_exe().unwrap()).unwrap();
    assert!(has_interpreter(&elf));
}
