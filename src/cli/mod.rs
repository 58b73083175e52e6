//! The command-line interface: argument definitions only. `main.rs` parses
//! them; `commands` runs them. Completions and the man page are generated
//! from these definitions.

mod convert;
mod lint;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use convert::{ConvertArgs, ProtoCommand};
pub use lint::LintArgs;

use crate::diagnostic::Severity;
use crate::report::Format;

pub const EXIT_CODES: &str = "Exit codes:
  0  no findings at or above --fail-on
  1  findings (invalid documents, lint findings)
  2  usage error, unreadable input or internal error";

#[derive(Debug, Parser)]
#[command(
    name = "opensergo",
    version,
    about = "Validate, lint, diff and convert OpenSergo governance rules",
    long_about = "Validate, lint, diff and convert OpenSergo governance rules: traffic routing, \
                  fault tolerance and database governance objects written as Kubernetes YAML.",
    after_help = EXIT_CODES,
    propagate_version = true
)]
pub struct Cli {
    /// When to use colors: auto follows the terminal and NO_COLOR.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Project configuration file (default: the nearest opensergo.yaml
    /// found walking up from the current directory).
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore any opensergo.yaml.
    #[arg(long, global = true)]
    pub no_config: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate OpenSergo YAML against the embedded schemas.
    #[command(after_help = EXIT_CODES)]
    Validate(ValidateArgs),
    /// Find conflicts and broken references across a rule set.
    #[command(after_help = EXIT_CODES)]
    Lint(LintArgs),
    /// Convert between OpenSergo CRD YAML and protobuf messages.
    Convert(ConvertArgs),
    /// Work with the OpenSergo .proto definitions.
    #[command(subcommand)]
    Proto(ProtoCommand),
    /// Work with the JSON Schemas: list kinds, export them, convert CRDs.
    #[command(subcommand)]
    Schema(SchemaCommand),
    /// Create or show the project configuration (opensergo.yaml).
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Explain a diagnostic code (`opensergo explain OS1004`).
    Explain {
        /// A code (OS1004) or its name (schema-violation).
        #[arg(value_parser = CodeCompletion::every_code(), required_unless_present = "list")]
        code: Option<String>,
        /// List every code of every command, with its default severity.
        #[arg(long, conflicts_with = "code")]
        list: bool,
    },
    /// Print shell completions.
    Completions {
        /// The shell to print completions for.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff) to stdout, or write it and one page per
    /// subcommand (`opensergo-validate.1`, ...) to a directory.
    Man {
        /// Write `opensergo.1` and the subcommand pages here.
        #[arg(long, short = 'o', value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

/// Accepts any text, and offers diagnostic codes and names to shell
/// completions (clap's static completions read a parser's possible
/// values). The commands check the value and suggest a close one.
#[derive(Clone)]
pub struct CodeCompletion {
    values: Vec<&'static str>,
}

impl CodeCompletion {
    /// Every code and name of every command (`explain`).
    pub fn every_code() -> Self {
        CodeCompletion {
            values: crate::commands::explain::all_codes()
                .iter()
                .flat_map(|c| [c.id, c.name])
                .collect(),
        }
    }

    /// Lint rule codes, names and categories, and `ALL` (`--select`,
    /// `--ignore`).
    pub fn lint_selectors() -> Self {
        let rules = crate::lint::registry::RULES.iter();
        CodeCompletion {
            values: rules
                .flat_map(|r| [r.code.id, r.code.name])
                .chain(crate::lint::settings::CATEGORIES.iter().map(|c| c.as_str()))
                .chain(["ALL"])
                .collect(),
        }
    }
}

impl clap::builder::TypedValueParser for CodeCompletion {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.values
                .iter()
                .map(|v| clap::builder::PossibleValue::new(*v)),
        ))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
    Nushell,
}

/// Inputs: paths, excludes, extra schemas.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories to check (`-` reads stdin). Directories are
    /// walked for *.yaml, *.yml and *.json, honouring .gitignore.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<String>,

    /// Skip paths matching this glob (repeatable), e.g. `--exclude 'vendor/**'`.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Do not honour .gitignore/.ignore files, and read hidden files.
    #[arg(long)]
    pub no_ignore: bool,

    /// Apply excludes to files named on the command line too (as the
    /// pre-commit hooks do), not only to directory walks.
    #[arg(long)]
    pub force_exclude: bool,

    /// The name stdin (`-`) has in reports and excludes.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// Where findings go and when they fail the run.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format (repeatable; pair each with an --output).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Vec<Format>,

    /// Write the matching --format to this file instead of stdout
    /// (repeatable, in the same order as --format; `-` is stdout).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Vec<PathBuf>,

    /// Lowest severity that makes the exit code 1 [default: error, or
    /// `failOn` in opensergo.yaml].
    #[arg(
        long,
        alias = "severity-threshold",
        value_enum,
        value_name = "SEVERITY"
    )]
    pub fail_on: Option<FailOn>,

    /// Print findings only: no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Add a count of findings per code after the summary line.
    #[arg(long)]
    pub summary: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Error,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Info => Severity::Info,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
        }
    }
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub report: ReportArgs,

    /// Treat fields the schema does not declare as errors, not warnings.
    #[arg(long)]
    pub strict: bool,

    /// Also validate against JSON Schemas in this directory (repeatable),
    /// named `<group>/<version>/<Kind>.json`, `<group>/<kind>_<version>.json`
    /// or `<kind>_<version>.json`.
    #[arg(long, value_name = "DIR")]
    pub schema_dir: Vec<PathBuf>,

    /// Also validate against the schemas of these CustomResourceDefinition files (repeatable).
    #[arg(long, value_name = "FILE")]
    pub crd: Vec<PathBuf>,

    /// Skip documents of these kinds unchecked (comma-separated, repeatable):
    /// `Deployment`, or `apps/v1/Deployment` for one apiVersion.
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    pub skip: Vec<String>,

    /// Report every document of these kinds as an error (comma-separated, repeatable).
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    pub reject: Vec<String>,

    /// Documents that no schema checks (other kinds, YAML that is no
    /// object) are errors instead of being skipped.
    #[arg(long)]
    pub require_known: bool,
}

#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// List every kind the tool knows, with its schema origin.
    List,
    /// Write the embedded JSON Schemas to a directory.
    Export {
        /// Directory to write `<group>/<version>/<Kind>.json` into (created
        /// if missing).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Convert CustomResourceDefinition files to JSON Schema files
    /// (`<group>/<version>/<Kind>.json` under the -o/--out-dir directory).
    FromCrd {
        /// CustomResourceDefinition files (any number of CRDs each).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Directory to write the schemas into (created if missing).
        #[arg(long, short = 'o', value_name = "DIR")]
        out_dir: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Write a commented default opensergo.yaml.
    Init {
        /// Where to write it.
        #[arg(value_name = "FILE", default_value = "opensergo.yaml")]
        path: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Print the effective configuration.
    Show,
}
