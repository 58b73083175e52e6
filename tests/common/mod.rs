//! Helpers shared by the integration tests: the repository root, the
//! fixtures' `# expect:` lines, and for tests that drive external programs
//! (shells, pre-commit, protoc) bounded runs and "installed or skip,
//! unless CI"; [`structural`] checks CRDs as an API server would.
#![allow(dead_code)] // each test binary uses its own subset

pub mod hostile;
pub mod structural;

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `cmd` (stdin from `input`, or nothing), killing its process
/// group if it outlives `timeout`.
pub fn run(cmd: &mut Command, input: Option<&[u8]>, timeout: Duration) -> Output {
    try_run(cmd, input, timeout)
        .unwrap_or_else(|e| panic!("cannot run {:?}: {e}", cmd.get_program()))
}

/// Like [`run`], but `None` when the program is not installed.
pub fn run_optional(cmd: &mut Command, input: Option<&[u8]>) -> Option<Output> {
    match try_run(cmd, input, Duration::from_secs(30)) {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => panic!("cannot run {:?}: {e}", cmd.get_program()),
    }
}

fn try_run(cmd: &mut Command, input: Option<&[u8]>, timeout: Duration) -> std::io::Result<Output> {
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()?;
    // Written from a thread, so a child that answers before it has read
    // everything cannot fill its stdout pipe and stall both sides.
    let writer = match (input, child.stdin.take()) {
        (Some(input), Some(mut stdin)) => {
            let input = input.to_vec();
            Some(std::thread::spawn(move || stdin.write_all(&input)))
        }
        _ => None,
    };
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = Command::new("kill")
                .args(["-KILL", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{:?} {:?} did not finish within {timeout:?}",
                cmd.get_program(),
                cmd.get_args().collect::<Vec<_>>()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if let Some(writer) = writer {
        // A child may exit without reading all of its input: not an error here.
        let _ = writer.join();
    }
    Ok(Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    })
}

/// Whether `program` can be run. When it cannot: a note and `false`,
/// or a failure when `CI` is set.
pub fn available(program: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            !in_ci(),
            "{program} is not installed and CI is set: this test needs it (.ci/run installs it)"
        );
        eprintln!("note: {program} not found on PATH; skipping the test that needs it");
    }
    found
}

/// Whether the tests run in CI, where every external program must exist.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// The repository root: fixtures are named relative to it.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One `# expect: CODE LINE:COL [PATH]` line of a fixture: a finding the
/// fixture must produce (PATH, the field path, where the line gives one).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expected {
    pub code: String,
    pub line: usize,
    pub column: usize,
    pub path: Option<String>,
}

/// Every `# expect:` line of a fixture's text, in file order.
pub fn expectations(text: &str) -> Vec<Expected> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|rest| {
            let mut parts = rest.split_whitespace();
            let code = parts.next().expect("a code after `# expect:`").to_string();
            let (line, column) = parts
                .next()
                .and_then(|p| p.split_once(':'))
                .expect("LINE:COL after the code");
            Expected {
                code,
                line: line.parse().expect("a line number"),
                column: column.parse().expect("a column number"),
                path: parts.next().map(str::to_string),
            }
        })
        .collect()
}

/// One finding as rule fixtures spell it: `CODE LINE:COL` in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fired {
    pub file: String,
    pub code: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Fired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} {}:{}",
            self.file, self.code, self.line, self.column
        )
    }
}

/// The `# expect:` lines of a fixture (a file, or every file of a
/// directory that is one rule set), as findings.
fn fixture_expectations(path: &Path) -> Vec<Fired> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut expected = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        expected.extend(expectations(&text).into_iter().map(|e| Fired {
            file: file.display().to_string(),
            code: e.code,
            line: e.line,
            column: e.column,
        }));
    }
    expected.sort();
    expected
}

/// The fixture harness every rule family shares (YAML lint today, proto
/// lint and breaking next): `dir/<CODE>/` holds `fires*` fixtures that
/// must produce `<CODE>` and `clean*` ones that must not, and each must
/// produce exactly its `# expect:` findings when `run(fixture, code)`
/// runs the family's default rules plus `<CODE>`. Returns how many
/// fixtures were checked.
pub fn check_rule_fixtures(
    dir: &Path,
    is_rule: impl Fn(&str) -> bool,
    run: impl Fn(&Path, &str) -> Vec<Fired>,
) -> usize {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut codes: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort();
    for code in &codes {
        assert!(is_rule(code), "{}/{code} is not a rule", dir.display());
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir.join(code))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for entry in entries {
            let name = entry.file_name().unwrap().to_string_lossy().into_owned();
            let shown = entry
                .strip_prefix(root())
                .unwrap_or(&entry)
                .display()
                .to_string();
            assert!(
                name.starts_with("fires") || name.starts_with("clean"),
                "{shown}: fixtures are named fires* or clean*"
            );
            let mut got = run(&entry, code);
            got.sort();
            let want = fixture_expectations(&entry);
            if got != want {
                let list = |v: &[Fired]| v.iter().map(|f| format!("\n    {f}")).collect::<String>();
                failures.push(format!(
                    "{shown}:\n  expected:{}\n  got:{}",
                    list(&want),
                    list(&got)
                ));
            }
            let fired = got.iter().any(|f| &f.code == code);
            if name.starts_with("fires") && !fired {
                failures.push(format!(
                    "{shown}: a fires fixture that does not produce {code}"
                ));
            }
            if name.starts_with("clean") && fired {
                failures.push(format!("{shown}: a clean fixture that produces {code}"));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    checked
}

/// The include directory of protoc's well-known types when protoc is on
/// PATH, or `None` with a note; under CI a missing protoc or missing
/// google/protobuf/*.proto fails the test (.ci/run installs
/// protobuf-compiler).
pub fn protoc() -> Option<PathBuf> {
    if !available("protoc") {
        return None;
    }
    let include = ["/usr/include", "/usr/local/include"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.join("google/protobuf/any.proto").exists());
    assert!(
        include.is_some() || !in_ci(),
        "protoc is installed but google/protobuf/*.proto are not (CI installs protobuf-compiler)"
    );
    include
}

/// A YAML stream's non-empty documents as JSON values (the project's own
/// loader).
pub fn yaml_docs(text: &str) -> Vec<serde_json::Value> {
    let (docs, err) = opensergo::yaml::load_stream(text);
    assert!(err.is_none(), "{err:?}\n{text}");
    docs.iter()
        .filter(|d| !d.root.is_null())
        .map(|d| d.root.to_json())
        .collect()
}

/// stderr with miette's line wrapping undone, for substring checks.
pub fn flat(stderr: &str) -> String {
    stderr
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One finding of buf's `--error-format json` (ours prints the same):
/// (rule, path, line, column, message); findings about the whole input
/// (a deleted file) have no path and get `<input>`.
pub type BufFinding = (String, String, u64, u64, String);

/// The findings of `--error-format json` lines.
pub fn buf_json_findings(json_lines: &[u8]) -> std::collections::BTreeSet<BufFinding> {
    String::from_utf8_lossy(json_lines)
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
            (
                v["type"].as_str().unwrap().to_string(),
                v["path"].as_str().unwrap_or("<input>").to_string(),
                v["start_line"].as_u64().unwrap(),
                v["start_column"].as_u64().unwrap(),
                v["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Copies the tree `from` into `to` (created as needed).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs git in `dir` with a fixed identity and none of the user's
/// configuration; its trimmed stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
