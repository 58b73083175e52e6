//! `opensergo proto format`: the command around [`crate::protofmt`] —
//! which files, and what to do with their formatted text.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use rayon::prelude::*;

use super::ColorChoice;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, ExitStatus, Result};
use crate::findings::{FileEntry, Report};
use crate::protobuild::workspace::{ProtoSection, Workspace};
use crate::protofmt;
use crate::report::{self, Format, RenderOptions};
use crate::source::{SourceFile, Span};
use crate::{escape, output};

pub const EXIT_CODES: &str = "Exit codes:
  0  formatted (or, with --exit-code, nothing to change)
  1  with --exit-code: a file is not formatted
  2  usage error, unreadable input, or a file that does not parse";

#[derive(Debug, Args)]
pub struct FormatArgs {
    /// Files or directories (a directory is a workspace, read as `proto
    /// lint` reads it: opensergo.yaml's `proto:` modules or its buf.yaml
    /// modules, else every .proto file under it); `-` reads stdin. Default: the workspace in the current
    /// directory, else the embedded OpenSergo protos.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print a unified diff of the changes instead of the formatted files.
    #[arg(long, short = 'd')]
    pub diff: bool,

    /// Rewrite the files in place (each one atomically).
    #[arg(long, short = 'w')]
    pub write: bool,

    /// Exit 1 when a file is not formatted (for CI).
    #[arg(long)]
    pub exit_code: bool,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// A file to format: its name as shown, where to write it back (none for
/// stdin and the embedded protos), its text.
struct Input {
    shown: String,
    path: Option<PathBuf>,
    text: String,
}

pub fn run(
    args: &FormatArgs,
    section: Option<&ProtoSection>,
    color: ColorChoice,
) -> Result<ExitStatus> {
    let inputs = inputs(args, section, color)?;
    if args.write
        && let Some(input) = inputs.iter().find(|i| i.path.is_none())
    {
        return Err(Error::msg(format!(
            "--write: {} is not a file (to format the embedded protos, `opensergo proto export DIR` them first)",
            escape::escape_control(&input.shown)
        )));
    }
    let mut failures = Vec::new();
    let mut changed = false;
    let mut stdout = String::new();
    // Files are independent: format them in parallel, report in order.
    let results: Vec<_> = inputs
        .par_iter()
        .map(|input| protofmt::format(&input.text))
        .collect();
    for (input, result) in inputs.iter().zip(results) {
        let formatted = match result {
            Ok(formatted) => formatted,
            Err(error) => {
                failures.push(diagnostic(input, &error));
                continue;
            }
        };
        let differs = formatted != input.text;
        changed |= differs;
        if args.diff {
            if differs {
                stdout.push_str(&unified_diff(&input.shown, &input.text, &formatted));
            }
        } else if !args.write {
            stdout.push_str(&formatted);
        }
        if args.write
            && differs
            && let Some(path) = &input.path
        {
            output::write_file(path, formatted.as_bytes()).map_err(Error::msg)?;
        }
    }
    // The files' own control characters (in comments and strings) reach a
    // pipe as they are, a terminal escaped.
    let stdout = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        escape::escape_control_keep_newlines(&stdout)
    } else {
        std::borrow::Cow::Borrowed(stdout.as_str())
    };
    output::print_stdout(stdout.as_bytes()).map_err(Error::msg)?;
    if !failures.is_empty() {
        print_failures(failures, color);
        return Ok(ExitStatus::Failure);
    }
    Ok(if args.exit_code && changed {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

fn diagnostic(input: &Input, error: &protofmt::SyntaxError) -> Diagnostic {
    let code = if error.too_deep {
        protofmt::TOO_DEEP
    } else {
        protofmt::SYNTAX_ERROR
    };
    let source = Arc::new(SourceFile::new(input.shown.clone(), input.text.clone()));
    let end = input.text[error.offset..]
        .chars()
        .next()
        .map_or(error.offset, |c| error.offset + c.len_utf8());
    Diagnostic::new(code, error.message.clone())
        .at(&source, Span::new(error.offset, end))
        .with_help("the file is left as it is")
}

fn print_failures(failures: Vec<Diagnostic>, color: ColorChoice) {
    let mut report = Report::of_files("proto format");
    for d in failures {
        report.files.push(FileEntry {
            name: d.file.clone(),
            documents: Vec::new(),
            diagnostics: vec![d],
        });
    }
    let options = RenderOptions {
        color: super::use_stderr_color(color),
        quiet: true,
        counts: false,
    };
    eprint!("{}", report::render(Format::Human, &report, &options));
}

/// `--- a/NAME` / `+++ b/NAME` and the hunks, three lines of context.
fn unified_diff(shown: &str, old: &str, new: &str) -> String {
    let name = escape::escape_control(shown);
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// The files named, in path order, each once.
fn inputs(
    args: &FormatArgs,
    section: Option<&ProtoSection>,
    color: ColorChoice,
) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    if args.paths.is_empty() {
        workspace_inputs(
            Path::new("."),
            section,
            args.max_file_size,
            color,
            &mut inputs,
        )?;
    }
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin()
                .take(args.max_file_size.saturating_add(1))
                .read_to_string(&mut text)
                .map_err(|e| Error::msg(format!("cannot read stdin: {e}")))?;
            if text.len() as u64 > args.max_file_size {
                return Err(Error::msg(format!(
                    "stdin is larger than --max-file-size {}",
                    args.max_file_size
                )));
            }
            inputs.push(Input {
                shown: "<stdin>".into(),
                path: None,
                text,
            });
        } else if path.is_dir() {
            workspace_inputs(path, section, args.max_file_size, color, &mut inputs)?;
        } else {
            let text = crate::input::read_text_bounded(path, args.max_file_size)
                .map_err(|e| Error::msg(e.message("file", path, args.max_file_size)))?;
            inputs.push(Input {
                shown: path.display().to_string(),
                path: Some(path.clone()),
                text,
            });
        }
    }
    inputs.sort_by(|a, b| a.shown.cmp(&b.shown));
    inputs.dedup_by(|a, b| a.path.is_some() && a.path == b.path);
    Ok(inputs)
}

/// The files of the workspace in `dir`; the embedded OpenSergo protos
/// (read-only) when it has none.
fn workspace_inputs(
    dir: &Path,
    section: Option<&ProtoSection>,
    max_size: u64,
    color: ColorChoice,
    inputs: &mut Vec<Input>,
) -> Result<()> {
    let opened = Workspace::open(
        dir,
        section,
        max_size,
        crate::convert::descriptors::proto_sources(),
    )?;
    let workspace = match opened {
        Ok(opened) => opened.workspace,
        Err(problems) => {
            super::print_errors(&problems, color);
            return Err(Error::msg(format!(
                "the workspace configuration in {} is invalid",
                escape::escape_path(dir)
            )));
        }
    };
    // `Workspace::embedded` names its one module `<embedded OpenSergo protos>`.
    let embedded = workspace.modules.iter().any(|m| m.root.starts_with('<'));
    for file in workspace.files() {
        inputs.push(Input {
            shown: file.source.name.clone(),
            path: (!embedded).then(|| PathBuf::from(&file.source.name)),
            text: file.source.text.clone(),
        });
    }
    Ok(())
}
