//! `opensergo lint`: read every input -> index the whole rule set -> run
//! the enabled rules -> apply suppressions -> report through the same
//! layer (formats, exit codes) as `validate`.

use rayon::prelude::*;

use clap::Args;

use super::{InputArgs, ReportArgs};
use crate::config::Config;
use crate::document::{self, LoadedSource};
use crate::engine::{Selection, SeverityOverride};
use anyhow::anyhow;

use crate::error::{Error, ExitStatus, Result};
use crate::lint::{self, registry};
use crate::output;

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub report: ReportArgs,

    /// Run only these rules instead of the default set: codes (OS2001),
    /// names (strategy-not-found), code prefixes (OS2), categories
    /// (reference, conflict, suspicious, runtime-compat, style) or ALL.
    /// Repeatable; comma lists work.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Run these rules on top of the selected set (same forms as --select).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub extend_select: Vec<String>,

    /// Do not run these rules (same forms as --select; the more specific of
    /// a select and an ignore wins).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// Set a rule's level: CODE=off|info|warning|error (repeatable; the
    /// code may also be a name, prefix or category).
    #[arg(long, value_name = "CODE=LEVEL", value_delimiter = ',')]
    pub severity: Vec<SeverityOverride>,

    /// Print the table of lint rules and exit.
    #[arg(long)]
    pub list_rules: bool,

    /// Print the documentation of a rule (code or name) and exit.
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
}

impl LintArgs {
    /// The rule selection the flags give (layered over the config file's).
    pub fn selection(&self) -> Selection {
        Selection {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            severity: self.severity.clone(),
        }
    }
}

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
    let walked = super::collect_inputs(&args.input, &args.report, config)?;
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
