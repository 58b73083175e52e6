use std::process::ExitCode;

// Parsing allocates many small nodes on several threads; mimalloc is
// markedly faster than the system allocator at that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

/// Keeps the panics the YAML loader contains (libyaml-safer's `panic!`s
/// on some malformed input, turned into syntax errors) off stderr; every
/// other panic reports as usual.
fn quiet_contained_parser_panics() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_parser = info
            .location()
            .is_some_and(|l| l.file().contains("libyaml-safer"));
        if !in_parser {
            report(info);
        }
    }));
}

fn main() -> ExitCode {
    quiet_contained_parser_panics();
    // Usage errors exit 2 (clap's default); `--help` and `--version` exit 0.
    let cli = opensergo::cli::Cli::parse();
    ExitCode::from(opensergo::cli::run(cli))
}
