//! The command-line interface, the top of the tree: the parser (composed
//! from each command's own arguments), the dispatch to `commands`, and the
//! completions and man page generated from the same definitions.

pub mod meta;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands::config::ConfigCommand;
use crate::commands::convert::ConvertArgs;
use crate::commands::diff::DiffArgs;
use crate::commands::generate::GenArgs;
use crate::commands::lazy::Lazy;
use crate::commands::lint::LintArgs;
use crate::commands::proto::ProtoCommand;
use crate::commands::schema::SchemaCommand;
use crate::commands::validate::ValidateArgs;
use crate::commands::{self, ColorChoice};
use crate::config;
use crate::error::{self, ExitStatus};

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
    // `--version` is the program's alone: propagated to every subcommand
    // it made clap suggest `--version` for any close miss (`proto lint
    // --severity`), where no version was meant.
    after_help = EXIT_CODES
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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate OpenSergo YAML against the embedded schemas.
    #[command(after_help = EXIT_CODES)]
    Validate(Lazy<ValidateArgs>),
    /// Find conflicts and broken references across a rule set.
    #[command(after_help = EXIT_CODES)]
    Lint(Lazy<LintArgs>),
    /// Compare two rule sets by meaning: objects by identity, not by file or line.
    Diff(Lazy<DiffArgs>),
    /// Convert between OpenSergo CRD YAML and protobuf messages.
    Convert(Lazy<ConvertArgs>),
    /// Work with .proto files: export the OpenSergo ones, build a workspace.
    #[command(subcommand)]
    Proto(ProtoCommand),
    /// Generate SDK stubs with protoc plugins from a buf.gen.yaml v2 template.
    Gen(Lazy<GenArgs>),
    /// Work with the JSON Schemas: list kinds, export them, convert CRDs.
    #[command(subcommand)]
    Schema(SchemaCommand),
    /// Create or show the project configuration (opensergo.yaml).
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Explain a diagnostic code of any command (`opensergo explain OS1004`).
    Explain {
        /// A code (OS1004) or its name (schema-violation).
        #[arg(required_unless_present = "list", value_parser = commands::codes::CodeCompletion::every_code())]
        code: Option<String>,
        /// List every code of every command with its summary.
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
        #[arg(
            long = "output",
            short = 'o',
            visible_alias = "out-dir",
            value_name = "DIR"
        )]
        out_dir: Option<PathBuf>,
    },
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

/// The size limit a command reads the project configuration within (its
/// `--max-file-size`, the same as for its inputs), or `None` for a command
/// that does not use the configuration: a broken opensergo.yaml never
/// blocks `config init`, completions or help.
fn config_limit(command: &Command) -> Option<u64> {
    match command {
        Command::Validate(args) => Some(args.input.max_file_size),
        Command::Lint(args) => Some(args.input.max_file_size),
        Command::Diff(args) => Some(args.max_file_size),
        Command::Gen(args) => Some(args.workspace.max_file_size),
        Command::Proto(ProtoCommand::Build(args)) => Some(args.workspace.max_file_size),
        Command::Proto(ProtoCommand::Lint(args)) => Some(args.workspace.max_file_size),
        Command::Proto(ProtoCommand::Breaking(args)) => Some(args.workspace.max_file_size),
        Command::Proto(ProtoCommand::Format(args)) => Some(args.max_file_size),
        Command::Config(ConfigCommand::Show { max_file_size }) => Some(*max_file_size),
        _ => None,
    }
}

/// Runs a parsed command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitStatus {
    let color = commands::use_color(cli.color);
    let config = match config_limit(&cli.command) {
        Some(max_size) if !cli.no_config => {
            let cwd = std::env::current_dir().unwrap_or_default();
            config::load_bounded(cli.config.as_deref(), &cwd, max_size)
        }
        _ => Ok(config::Config::default()),
    };
    let config = config.and_then(|config| {
        if !config.names_rules() {
            return Ok(config);
        }
        let all: Vec<crate::codes::Code> = commands::codes::all().into_iter().copied().collect();
        let configurable: Vec<crate::codes::Code> =
            commands::codes::configurable().copied().collect();
        let unknown = config.unknown_rule_codes(&configurable, &all);
        if unknown.is_empty() {
            Ok(config)
        } else {
            Err(unknown)
        }
    });
    let config = match config {
        Ok(config) => config,
        Err(errors) => {
            commands::print_errors(&errors, cli.color);
            return ExitStatus::Failure;
        }
    };
    let result = match &cli.command {
        Command::Validate(args) => commands::validate::run(args, &config, color),
        Command::Config(command) => commands::config::run(command, &config),
        Command::Lint(args) => commands::lint::run(args, &config, color),
        Command::Diff(args) => commands::diff::run(args, &config, color, cli.color),
        Command::Convert(args) => commands::convert::run(args, cli.color),
        Command::Proto(command) => commands::proto::run(command, &config, cli.color),
        Command::Gen(args) => commands::generate::run(args, &config, cli.color),
        Command::Schema(command) => commands::schema::run(command),
        Command::Explain { code, list } => commands::explain::run(code.as_deref(), *list),
        Command::Completions { shell } => meta::print_completions(*shell),
        Command::Man { out_dir: None } => meta::print_man_page(),
        Command::Man { out_dir: Some(dir) } => meta::write_man_pages(dir),
    };
    result.unwrap_or_else(|error| {
        eprint!("{}", error::render(&error));
        ExitStatus::Failure
    })
}
