//! Arguments of `opensergo diff`.

use clap::Args;

use crate::diff::render::Format;

/// Diff's exit codes follow `git diff --exit-code` and `kubectl diff`.
const DIFF_EXIT_CODES: &str = "Exit codes:
  0  no differences (or differences without --exit-code)
  1  differences, with --exit-code
  2  usage error, unreadable or invalid input on either side";

pub const DIFF_EXAMPLES: &str = "Examples:
  opensergo diff old/ new/                  # two directories (or files, or - for stdin)
  opensergo diff main:rules/ rules/         # a path at a git revision against the work tree
  opensergo diff HEAD~1:rules/policy.yaml rules/policy.yaml
  opensergo diff main                       # the work tree's rule files against main
  opensergo diff --format github origin/main: HEAD: > comment.md

Objects pair by apiVersion group, kind, namespace (default when absent) and
name, never by file or position. Values compare by meaning (1m = 60s where a
field is a duration, \"10\" = 10 where it is an integer); --raw compares
spellings. Paths after REV: are relative to the repository root (./ for the
current directory).

Exit codes:
  0  no differences (or differences without --exit-code)
  1  differences, with --exit-code
  2  usage error, unreadable or invalid input on either side";

#[derive(Debug, Args)]
#[command(after_help = DIFF_EXIT_CODES, after_long_help = DIFF_EXAMPLES)]
pub struct DiffArgs {
    /// The old side: a file, a directory, `-` (stdin) or REV:PATH. Alone, a
    /// revision compared with the working tree (like `git diff REV`).
    #[arg(value_name = "OLD")]
    pub old: String,

    /// The new side: a file, a directory, `-` (stdin) or REV:PATH.
    #[arg(value_name = "NEW")]
    pub new: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT", default_value_t = Format::Human)]
    pub format: Format,

    /// Exit 1 when the sides differ (0 when equal, 2 on errors).
    #[arg(long)]
    pub exit_code: bool,

    /// Compare spellings, not meanings: `1m` vs `60s`, `"10"` vs `10`.
    #[arg(long)]
    pub raw: bool,

    /// Do not report moved list items, except where order is meaning
    /// (TrafficRouter http routes: the first match wins).
    #[arg(long)]
    pub ignore_order: bool,

    /// Pair items of the list at PATH by FIELD (repeatable; `a,b` for
    /// several fields), e.g. `--key spec.rules=name`.
    #[arg(long, value_name = "PATH=FIELD")]
    pub key: Vec<String>,

    /// Also lint both sides and show the findings the change introduces
    /// and removes (with the project's lint configuration).
    #[arg(long)]
    pub lint: bool,

    /// Leave out the closing summary of protection and routing changes.
    #[arg(long)]
    pub no_summary: bool,

    /// Skip paths matching this glob (repeatable), on both sides.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Do not honour .gitignore/.ignore files, and read hidden files.
    #[arg(long)]
    pub no_ignore: bool,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}
