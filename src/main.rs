use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Usage errors exit 2 (clap's default); `--help` and `--version` exit 0.
    let cli = opensergo::cli::Cli::parse();
    ExitCode::from(opensergo::run(cli))
}
