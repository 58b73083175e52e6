//! One module per subcommand. Each turns parsed arguments into calls on
//! the shared core and returns an exit code; none reaches into another.

pub mod config;
pub mod convert;
pub mod explain;
pub mod lint;
pub mod meta;
pub mod schema;
pub mod validate;

use std::io::IsTerminal;

use crate::cli::{ColorChoice, ReportArgs};
use crate::output;
use crate::report::{self, Format, RenderOptions, Report};

/// Whether stdout gets ANSI colors.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Expands the command line's paths (with the config's and the flags'
/// excludes) into inputs, and says so when a directory held nothing to check.
pub fn collect_inputs(
    input: &crate::cli::InputArgs,
    config: &crate::config::Config,
) -> Result<crate::walk::Walked, String> {
    let excludes: Vec<String> = config
        .exclude
        .iter()
        .chain(&input.exclude)
        .cloned()
        .collect();
    let walked = crate::walk::collect(
        &input.paths,
        &crate::walk::WalkOptions {
            excludes: &excludes,
            respect_ignore: !input.no_ignore,
        },
    )?;
    if walked.inputs.is_empty() && walked.errors.is_empty() {
        eprintln!(
            "warning: no *.yaml, *.yml or *.json files found in {}",
            input.paths.join(", ")
        );
    }
    Ok(walked)
}

/// Prints diagnostics that stop a command (a broken config file) to stderr.
pub fn print_errors(errors: &[crate::diagnostic::Diagnostic], color: bool) {
    let mut report = Report::new("config");
    report.files.push(report::FileEntry {
        name: errors.first().map(|d| d.file.clone()).unwrap_or_default(),
        documents: Vec::new(),
        diagnostics: errors.to_vec(),
    });
    let options = RenderOptions {
        color: color && std::io::stderr().is_terminal(),
        quiet: true,
        counts: false,
    };
    eprint!("{}", report::render(Format::Human, &report, &options));
}

/// Runs `work`, showing a progress spinner on stderr when it takes more
/// than a second on an interactive terminal (never in pipes or CI logs).
pub fn with_progress<T: Send>(items: usize, work: impl FnOnce() -> T + Send) -> T {
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !interactive || items < 2 {
        return work();
    }
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let spinner = scope.spawn(|| {
            let started = std::time::Instant::now();
            let mut bar: Option<indicatif::ProgressBar> = None;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                if bar.is_none() && started.elapsed() > std::time::Duration::from_secs(1) {
                    let b = indicatif::ProgressBar::new_spinner()
                        .with_message(format!("checking {items} files"));
                    b.enable_steady_tick(std::time::Duration::from_millis(100));
                    bar = Some(b);
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            if let Some(b) = bar {
                b.finish_and_clear();
            }
        });
        let result = work();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = spinner.join();
        result
    })
}

/// Renders a report in every requested format to its destination and
/// returns the exit code. Shared by every command that reports findings.
pub fn emit_report(report: &Report, args: &ReportArgs, color: bool) -> Result<u8, String> {
    let formats = if args.format.is_empty() {
        vec![Format::Human]
    } else {
        args.format.clone()
    };
    if args.output.len() > formats.len() {
        return Err(format!(
            "{} --output given for {} --format; pair each --output with a --format",
            args.output.len(),
            formats.len()
        ));
    }
    for (i, format) in formats.iter().enumerate() {
        let destination = args.output.get(i).filter(|p| p.as_os_str() != "-");
        let options = RenderOptions {
            color: color && destination.is_none(),
            quiet: args.quiet,
            counts: args.summary,
        };
        let text = report::render(*format, report, &options);
        match destination {
            Some(path) => output::write_atomic(path, text.as_bytes())?,
            None => output::print_stdout(text.as_bytes())?,
        }
    }
    Ok(report.exit_code(args.fail_on.severity()))
}
