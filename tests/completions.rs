//! Shell completions and the man page.
//!
//! * The files in `completions/` must be exactly what `opensergo completions
//!   <shell>` prints; `OPENSERGO_BLESS=1 cargo test --test completions`
//!   rewrites them.
//! * The committed bash, zsh and fish files are loaded into the real shells
//!   and asked to complete, through each shell's own completion machinery.
//!   A shell that is not installed is skipped with a note, except when `CI`
//!   is set: then it is a failure (`.ci/run` installs zsh and fish).
//! * `opensergo man` prints a man page.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use clap::ValueEnum;
use opensergo::cli::Shell;
use opensergo::cli::meta::{completion_file_name, completions, man_page};

const BLESS_HINT: &str = "run `OPENSERGO_BLESS=1 cargo test --test completions` to regenerate";

/// Completions each shell must offer: the typed line and one word the
/// completion must produce for its last word.
const CASES: &[(&str, &str)] = &[
    ("opensergo val", "validate"),
    ("opensergo validate --form", "--format"),
    ("opensergo validate --format js", "json"),
    ("opensergo validate --fail-on warn", "warning"),
    ("opensergo lint --select OS401", "OS4010"),
    ("opensergo lint --ignore orphan-str", "orphan-strategy"),
    (POSITIONAL_VALUE_CASE, "zsh"),
];

/// clap_complete's fish script completes options and subcommands but not
/// the values of positional arguments, so fish skips this case.
const POSITIONAL_VALUE_CASE: &str = "opensergo completions zs";

fn completions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("completions")
}

fn bless() -> bool {
    std::env::var("OPENSERGO_BLESS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The committed completion file for `shell`, or a failure that says how
/// to create it.
fn committed(shell: Shell) -> PathBuf {
    let path = completions_dir().join(completion_file_name(shell));
    assert!(
        path.is_file(),
        "{} is missing; {BLESS_HINT}",
        path.display()
    );
    path
}

/// Where two texts first differ, for the stale-file message.
fn first_difference(have: &[u8], want: &[u8]) -> String {
    let have = String::from_utf8_lossy(have);
    let want = String::from_utf8_lossy(want);
    let mut have_lines = have.lines();
    let mut want_lines = want.lines();
    for line in 1.. {
        match (have_lines.next(), want_lines.next()) {
            (Some(h), Some(w)) if h == w => continue,
            (None, None) => return "only in line endings".into(),
            (h, w) => {
                return format!(
                    "first difference at line {line}:\n      committed: {}\n      generated: {}",
                    h.unwrap_or("<end of file>"),
                    w.unwrap_or("<end of file>")
                );
            }
        }
    }
    unreachable!()
}

#[test]
fn committed_completion_files_are_current() {
    let dir = completions_dir();
    let mut stale = Vec::new();
    for &shell in Shell::value_variants() {
        let want = completions(shell);
        assert!(!want.is_empty(), "empty completions for {shell:?}");
        let path = dir.join(completion_file_name(shell));
        let have = std::fs::read(&path).ok();
        if have.as_deref() == Some(&want[..]) {
            continue;
        }
        if bless() {
            std::fs::create_dir_all(&dir).unwrap();
            // Written whole and renamed: the shell tests may be reading it.
            let tmp = dir.join(format!("{}.bless-tmp", completion_file_name(shell)));
            std::fs::write(&tmp, &want).unwrap();
            std::fs::rename(&tmp, &path).unwrap();
            eprintln!("wrote {}", path.display());
            continue;
        }
        stale.push(match have {
            None => format!("  {}: missing", path.display()),
            Some(have) => format!(
                "  {}: differs from `opensergo completions {}`; {}",
                path.display(),
                shell.to_possible_value().unwrap().get_name(),
                first_difference(&have, &want)
            ),
        });
    }
    assert!(
        stale.is_empty(),
        "completion files are stale:\n{}\n{BLESS_HINT}",
        stale.join("\n")
    );

    // Nothing else lives there: a file no shell produces is left over.
    let expected: Vec<&str> = Shell::value_variants()
        .iter()
        .map(|&s| completion_file_name(s))
        .collect();
    let extra: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !expected.contains(&name.as_str()) && !name.starts_with("README"))
        .collect();
    assert!(
        extra.is_empty(),
        "{} holds files no shell generates (delete them): {extra:?}",
        dir.display()
    );
}

#[test]
fn cli_prints_the_library_completions() {
    for &shell in Shell::value_variants() {
        let name = shell.to_possible_value().unwrap().get_name().to_string();
        let output = Command::new(env!("CARGO_BIN_EXE_opensergo"))
            .args(["--no-config", "completions", &name])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "opensergo completions {name} failed"
        );
        assert!(
            output.stdout == completions(shell),
            "`opensergo completions {name}` differs from meta::completions"
        );
    }
}

#[test]
fn man_page_is_roff_and_documents_the_commands() {
    let page = man_page().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_opensergo"))
        .args(["--no-config", "man"])
        .output()
        .unwrap();
    assert!(output.status.success(), "opensergo man failed");
    assert!(
        output.stdout == page,
        "`opensergo man` differs from meta::man_page"
    );

    let text = String::from_utf8(page).unwrap();
    // Only roff requests (string definitions) may come before the title.
    let header: Vec<&str> = text.lines().take_while(|l| !l.starts_with(".TH")).collect();
    assert!(
        header.iter().all(|l| l.starts_with('.')),
        "text before the .TH header: {header:?}"
    );
    let th = text
        .lines()
        .find(|l| l.starts_with(".TH"))
        .expect("no .TH header");
    assert!(th.starts_with(".TH opensergo 1"), "unexpected header: {th}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION"] {
        assert!(text.contains(section), "man page has no {section}");
    }
    assert!(
        text.contains("validate"),
        "man page does not mention validate"
    );

    #[cfg(unix)]
    render_with_groff(&text);
}

/// Formats the page with groff where it is installed: no warnings, and
/// the rendered text names the subcommands.
#[cfg(unix)]
fn render_with_groff(text: &str) {
    let Some(out) = shell::run_optional(
        Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-P-c", "-P-b", "-P-u"])
            .stdin(std::process::Stdio::piped()),
        Some(text.as_bytes()),
    ) else {
        eprintln!("note: groff not installed; man page not rendered");
        return;
    };
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "groff rejects the man page: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rendered = String::from_utf8_lossy(&out.stdout);
    assert!(
        rendered.contains("opensergo-validate"),
        "rendered man page does not list opensergo-validate:\n{rendered}"
    );
}

mod common;
use common as shell;

const SHELL_TIMEOUT: Duration = Duration::from_secs(20);

#[cfg(unix)]
#[test]
fn bash_completes_from_the_committed_file() {
    if !shell::available("bash") {
        return;
    }
    let file = committed(Shell::Bash);
    let text = std::fs::read_to_string(&file).unwrap();
    // The function registered with `complete -F NAME ... opensergo`.
    let function = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("complete -F "))
        .filter(|rest| rest.split_whitespace().last() == Some("opensergo"))
        .map(|rest| rest.split_whitespace().next().unwrap().to_string())
        .next()
        .expect("no `complete -F ... opensergo` line in the bash completions");

    // What bash does on TAB: set COMP_* and call the function with the
    // command, the word being completed and the word before it.
    const SCRIPT: &str = r#"
file=$1 fn=$2; shift 2
source "$file" || exit 3
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
COMP_TYPE=9
COMP_KEY=9
"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" || exit 4
printf '%s\n' "${COMPREPLY[@]}"
"#;
    for (line, expected) in CASES {
        let out = shell::run(
            Command::new("bash")
                .args(["--norc", "--noprofile", "-c", SCRIPT, "bash"])
                .arg(&file)
                .arg(&function)
                .args(line.split_whitespace()),
            None,
            SHELL_TIMEOUT,
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.is_empty(),
            "bash completion of `{line}` failed ({}): {stderr}",
            out.status
        );
        let replies: Vec<&str> = stdout.lines().map(str::trim).collect();
        assert!(
            replies.contains(expected),
            "bash completes `{line}<TAB>` to {replies:?}, without `{expected}`"
        );
    }
}

#[cfg(unix)]
#[test]
fn zsh_completes_from_the_committed_file() {
    if !shell::available("zsh") {
        return;
    }
    let file = committed(Shell::Zsh);
    // fpath gets a directory holding only `_opensergo`.
    let dir = tempfile::tempdir().unwrap();
    let fpath = dir.path().join("functions");
    std::fs::create_dir(&fpath).unwrap();
    std::fs::copy(&file, fpath.join("_opensergo")).unwrap();
    let dump = dir.path().join("buffers.txt");

    // An interactive `zsh -f` on a pseudo-terminal (zsh/zpty) with the real
    // completion system (compinit). Each case is typed followed by TAB; a
    // widget bound to ^T appends the edited line to a file, and ^U clears it.
    // Every read waits for a marker that only the inner shell's output has.
    const DRIVER: &str = r#"
zmodload zsh/zpty || exit 3
fpath_dir=$1 dump=$2; shift 2
zpty z zsh -f -i || exit 4
zpty -w z "PS1='Z''P> '; PROMPT_EOL_MARK=''; unsetopt beep; fpath=(${(q)fpath_dir} \$fpath); autoload -U compinit; compinit -u -D; dump() { print -r -- \"\$BUFFER\" >> ${(q)dump} }; zle -N dump; bindkey '^T' dump"
zpty -r z line '*ZP> *' || exit 5
i=0
for input in "$@"; do
  (( i++ ))
  zpty -w -n z "$input"$'\t'$'\x14'$'\x15'
  zpty -w z "echo DO''NE$i"
  zpty -r z line "*DONE$i*ZP> *" || exit 6
done
zpty -d z
"#;
    let out = shell::run(
        Command::new("zsh")
            .args(["-f", "-c", DRIVER, "zsh"])
            .arg(&fpath)
            .arg(&dump)
            .args(CASES.iter().map(|(line, _)| line))
            .env("TERM", "xterm"),
        None,
        SHELL_TIMEOUT,
    );
    assert!(
        out.status.success(),
        "the zsh driver failed ({}): {}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let buffers = std::fs::read_to_string(&dump).unwrap_or_default();
    let buffers: Vec<&str> = buffers.lines().collect();
    assert_eq!(
        buffers.len(),
        CASES.len(),
        "expected one edited line per case, got {buffers:?}"
    );
    for ((line, expected), buffer) in CASES.iter().zip(buffers) {
        // zsh completes the last word in place (`--format=` for an option
        // that takes a value).
        let last = buffer.split_whitespace().last().unwrap_or_default();
        assert!(
            last.trim_end_matches('=') == *expected,
            "zsh completes `{line}<TAB>` to `{buffer}`, not to `{expected}`"
        );
    }
}

#[cfg(unix)]
#[test]
fn fish_loads_the_committed_file_cleanly_and_completes() {
    if !shell::available("fish") {
        return;
    }
    let file = committed(Shell::Fish);
    let out = shell::run(
        Command::new("fish")
            .args(["--no-config", "-c", "source $argv[1]"])
            .arg(&file),
        None,
        SHELL_TIMEOUT,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "fish reports errors loading {} ({}):\n{stderr}",
        file.display(),
        out.status
    );

    for (line, expected) in CASES.iter().filter(|(l, _)| *l != POSITIONAL_VALUE_CASE) {
        let out = shell::run(
            Command::new("fish")
                .args([
                    "--no-config",
                    "-c",
                    "source $argv[1] 2>/dev/null; complete --do-complete=$argv[2]",
                ])
                .arg(&file)
                .arg(line),
            None,
            SHELL_TIMEOUT,
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        // `candidate<TAB>description` per line.
        let candidates: Vec<&str> = stdout
            .lines()
            .map(|l| l.split('\t').next().unwrap_or_default())
            .collect();
        assert!(
            out.status.success() && candidates.contains(expected),
            "fish completes `{line}<TAB>` to {candidates:?}, without `{expected}` ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Issue 14: `explain` completes every code of every command, and `--select`
/// the lint rules (the shells' completion of positional values differs, so
/// the generated script is checked here).
#[test]
fn explain_completes_every_code() {
    let bash = String::from_utf8(completions(Shell::Bash)).unwrap();
    let explain = bash
        .split("opensergo__subcmd__explain)")
        .nth(1)
        .expect("bash completes explain");
    let explain = explain.split(";;").next().unwrap();
    for code in opensergo::commands::codes::all() {
        assert!(explain.contains(code.id), "{} missing", code.id);
        assert!(explain.contains(code.name), "{} missing", code.name);
    }
}

/// `opensergo man -o DIR` writes every page the pages list.
#[test]
fn man_writes_every_page_it_lists() {
    let dir = tempfile::tempdir().unwrap();
    opensergo::cli::meta::write_man_pages(dir.path()).unwrap();
    let mut listed = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let page = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in page.lines() {
            if let Some(name) = line.strip_suffix("(1)") {
                let name = name.replace("\\-", "-");
                assert!(
                    dir.path().join(format!("{name}.1")).exists(),
                    "{name}(1) is listed but not written"
                );
                listed += 1;
            }
        }
    }
    assert!(listed >= 10, "{listed}");
    assert!(dir.path().join("opensergo-validate.1").exists());
}

/// `--version` is the program's alone: a subcommand's close miss is not
/// offered it (`proto lint --severity` suggested `--version` while every
/// subcommand had one), and `opensergo --version` still prints it.
#[test]
fn only_the_program_has_a_version_flag() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_opensergo"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["proto", "lint", "--severity", "x"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("unexpected argument '--severity'"),
        "{stderr}"
    );
    assert!(!stderr.contains("--version"), "{stderr}");
    let out = run(&["--version"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("opensergo "));
}

/// Every argument of every command says what it is for (issue 14: the
/// DIR of `proto export` and `schema export` had no help text).
#[test]
fn every_argument_has_help_text() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") || arg.is_hide_set() {
                continue;
            }
            if arg.get_help().is_none() && arg.get_long_help().is_none() {
                missing.push(format!("{path} {id}"));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }
    let mut missing = Vec::new();
    let mut cmd = opensergo::cli::Cli::command();
    // Subcommands add their arguments when built (cli::Lazy).
    cmd.build();
    walk(&cmd, "opensergo", &mut missing);
    assert!(missing.is_empty(), "no help text: {missing:#?}");
}

/// A `--list-rules` table names only flags its own command takes (the
/// proto tables told users to change levels with `--select`, `--ignore`
/// and `--severity`, which proto lint and proto breaking do not have).
#[test]
fn list_rules_tables_name_only_flags_their_command_takes() {
    use clap::CommandFactory;
    let mut cli = opensergo::cli::Cli::command();
    cli.build();
    for path in [
        &["validate"][..],
        &["lint"],
        &["proto", "lint"],
        &["proto", "breaking"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_opensergo"))
            .args(path)
            .arg("--list-rules")
            .output()
            .unwrap();
        assert!(out.status.success(), "{path:?}");
        let table = String::from_utf8(out.stdout).unwrap();
        let command = path.iter().fold(&cli, |cmd, name| {
            cmd.find_subcommand(name)
                .unwrap_or_else(|| panic!("{name}"))
        });
        let named: Vec<&str> = table
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter_map(|word| word.strip_prefix("--"))
            .collect();
        assert!(
            table.contains("opensergo explain CODE"),
            "{path:?}: {table}"
        );
        for flag in named {
            assert!(
                command.get_arguments().any(|a| a.get_long() == Some(flag)),
                "{path:?}: the table names --{flag}, which the command does not take"
            );
        }
    }
}
