use std::process::ExitCode;

// Parsing allocates many small nodes on several threads; mimalloc is
// markedly faster than the system allocator at that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() -> ExitCode {
    opensergo::yaml::quiet_contained_parser_panics();
    // Usage errors exit 2 (clap's default); `--help` and `--version` exit 0.
    let cli = opensergo::cli::Cli::parse();
    ExitCode::from(opensergo::cli::run(cli))
}
