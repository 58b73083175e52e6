//! opensergo: validate, lint, diff and convert OpenSergo governance rules.
//!
//! Data flows one way: [`walk`] finds inputs, [`document`] reads and parses
//! them into spanned [`yaml`] trees, [`validate`] (and the other checks)
//! turn documents into [`diagnostic`]s, and [`report`] renders them.

pub mod cli;
pub mod codes;
pub mod commands;
pub mod config;
pub mod convert;
pub mod diagnostic;
pub mod document;
pub mod duration;
pub mod engine;
pub mod error;
pub mod findings;
pub mod input;
pub mod kinds;
pub mod lint;
pub mod output;
pub mod path;
pub mod report;
pub mod schema;
pub mod source;
pub mod validate;
pub mod walk;
pub mod yaml;

use cli::{Cli, Command};
use error::ExitStatus;

/// Runs a parsed command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitStatus {
    let color = commands::use_color(cli.color);
    // Only the commands that use the project configuration read it, so a
    // broken opensergo.yaml never blocks `config init`, completions or help.
    let uses_config = matches!(
        cli.command,
        Command::Validate(_) | Command::Lint(_) | Command::Config(cli::ConfigCommand::Show)
    );
    let config = if cli.no_config || !uses_config {
        Ok(config::Config::default())
    } else {
        let cwd = std::env::current_dir().unwrap_or_default();
        config::load(cli.config.as_deref(), &cwd)
    };
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
        Command::Convert(args) => commands::convert::run(args, cli.color),
        Command::Proto(command) => commands::proto::run(command),
        Command::Schema(command) => commands::schema::run(command),
        Command::Explain { code, list } => commands::explain::run(code.as_deref(), *list),
        Command::Completions { shell } => commands::meta::print_completions(*shell),
        Command::Man => commands::meta::print_man_page(),
    };
    result.unwrap_or_else(|error| {
        eprint!("{}", error::render(&error));
        ExitStatus::Failure
    })
}
