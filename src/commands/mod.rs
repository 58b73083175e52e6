//! One module per subcommand. Each turns parsed arguments into calls on
//! the shared core and returns an exit code; none reaches into another.

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
