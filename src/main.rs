use std::process::ExitCode;

// musl's allocator is slow when several threads parse at once; glibc's is
// not, and starts faster than mimalloc (src/allocator.rs).
#[cfg(target_env = "musl")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() -> ExitCode {
    opensergo::allocator::configure();
    opensergo::yaml::quiet_contained_parser_panics();
    // Usage errors exit 2 (clap's default); `--help` and `--version` exit 0.
    let cli = opensergo::cli::Cli::parse();
    ExitCode::from(opensergo::cli::run(cli))
}
