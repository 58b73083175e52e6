//! opensergo: validate, lint, diff and convert OpenSergo governance rules.
//!
//! Data flows one way: [`walk`] finds inputs, [`document`] reads and parses
//! them into spanned [`yaml`] trees, [`validate`] (and the other checks)
//! turn documents into [`diagnostic`]s, and [`report`] renders them.

pub mod cli;
pub mod commands;
pub mod config;
pub mod convert;
pub mod diagnostic;
pub mod document;
pub mod duration;
pub mod kinds;
pub mod lint;
pub mod output;
pub mod path;
pub mod report;
pub mod schema;
pub mod source;
pub mod suggest;
pub mod typecheck;
pub mod validate;
pub mod walk;
pub mod yaml;

use cli::{Cli, Command};

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> u8 {
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
    let config = config.and_then(|config| {
        let unknown = config.unknown_rule_codes(&commands::explain::all_codes());
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
            return 2;
        }
    };
    let result = match &cli.command {
        Command::Validate(args) => commands::validate::run(args, &config, color),
        Command::Config(command) => commands::config::run(command, &config),
        Command::Lint(args) => commands::lint::run(args, &config, color),
        Command::Convert(args) => commands::convert::run(args, cli.color),
        Command::Proto(command) => commands::convert::proto(command),
        Command::Schema(command) => commands::schema::run(command),
        Command::Explain {
            code: Some(code), ..
        } => commands::explain::run(code),
        Command::Explain { code: None, .. } => commands::explain::list(),
        Command::Completions { shell } => {
            output::print_stdout(&commands::meta::completions(*shell)).map(|()| 0)
        }
        Command::Man { out_dir: None } => {
            commands::meta::man_page().and_then(|page| output::print_stdout(&page).map(|()| 0))
        }
        Command::Man { out_dir: Some(dir) } => commands::meta::write_man_pages(dir).map(|()| 0),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            2
        }
    }
}
