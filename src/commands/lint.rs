//! `opensergo lint`: read every input -> index the whole rule set -> run
//! the enabled rules -> apply suppressions -> report through the same
//! layer (formats, exit codes) as `validate`.

use rayon::prelude::*;

use crate::cli::LintArgs;
use crate::config::Config;
use crate::document::{self, LoadedSource};
use anyhow::anyhow;

use crate::error::{Error, ExitStatus, Result};
use crate::lint::{self, registry};
use crate::output;

pub fn run(args: &LintArgs, config: &Config, color: bool) -> Result<ExitStatus> {
    if args.list_rules {
        output::print_stdout(registry::FAMILY.table().as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    if let Some(code) = &args.explain {
        let rule = registry::find(code).ok_or_else(|| {
            anyhow!("unknown lint rule `{code}`; `opensergo lint --list-rules` lists them")
        })?;
        output::print_stdout(registry::FAMILY.explain(rule).as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    let mut selection = registry::selection_from_config(config);
    selection.merge(args.selection());
    let levels = selection.resolve(&registry::FAMILY).map_err(Error::msg)?;
    for warning in &levels.warnings {
        eprintln!("warning: {warning}");
    }
    let walked = super::collect_inputs(&args.input, config)?;
    let max_size = args.input.max_file_size;
    let (sources, outcome) = super::with_progress(walked.inputs.len(), |bar| {
        let sources: Vec<LoadedSource> = walked
            .inputs
            .par_iter()
            .map(|input| {
                let loaded = document::load_source(input, max_size);
                bar.inc(1);
                loaded
            })
            .collect();
        let outcome = lint::lint_sources(&sources, &levels);
        (sources, outcome)
    });
    let mut report = lint::build_report(sources, walked.errors, outcome);
    for file in &mut report.files {
        config.apply(&mut file.diagnostics);
        file.refresh_statuses();
    }
    super::emit_report(&report, &args.report, color)
}
