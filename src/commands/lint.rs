//! `opensergo lint`: read every input -> index the whole rule set -> run
//! the enabled rules -> apply suppressions -> report through the same
//! layer (formats, exit codes) as `validate`.

use rayon::prelude::*;

use clap::Args;

use super::{InputArgs, ReportArgs};
use crate::config::Config;
use crate::document::{self, LoadedSource};
use crate::engine::{Selection, SeverityOverride};
use anyhow::{anyhow, bail};

use crate::codes::Severity;
use crate::error::{Error, ExitStatus, Result};
use crate::lint::{self, registry};
use crate::output;
use crate::validate::{self, Checked};

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub report: ReportArgs,

    #[command(flatten)]
    pub schema: super::SchemaArgs,

    #[command(flatten)]
    pub selection: super::SelectionArgs,

    /// The namespace of objects that set no `metadata.namespace` (as
    /// `kubectl apply -n` gives them; kustomize-style repositories leave it
    /// out) [default: `namespace` in opensergo.yaml, else `default`].
    #[arg(long, short = 'n', value_name = "NAMESPACE")]
    pub namespace: Option<String>,

    /// Print the table of lint rules and exit.
    #[arg(long)]
    pub list_rules: bool,

    /// Print the documentation of a rule (code or name) and exit.
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
}

/// Splits the command line's selection between lint's rules and the
/// validate codes lint reports: `--ignore` and `--severity` selectors that
/// name only validate's codes (`invalid-metadata`, `OS10`) change those;
/// everything else is lint's. `--select` chooses lint rules only: validate's
/// errors are reported whatever it says, so one naming only validate's
/// codes is a usage error that says so.
fn split_selection(cli: Selection) -> Result<(Selection, Selection)> {
    let validate_only = |s: &str| !registry::FAMILY.matches(s) && validate::FAMILY.matches(s);
    if let Some(s) = cli
        .select
        .iter()
        .chain(&cli.extend_select)
        .find(|s| validate_only(s))
    {
        bail!(
            "`{s}` names validate's codes: lint reports validate's errors whatever --select says; change them with --ignore or --severity"
        );
    }
    let (validate_ignore, ignore) = cli.ignore.into_iter().partition(|s| validate_only(s));
    let (validate_severity, severity) = cli
        .severity
        .into_iter()
        .partition(|o: &SeverityOverride| validate_only(&o.selector));
    Ok((
        Selection {
            ignore,
            severity,
            ..cli
        },
        Selection {
            ignore: validate_ignore,
            severity: validate_severity,
            ..Selection::default()
        },
    ))
}

pub fn run(args: &LintArgs, config: &Config, color: bool) -> Result<ExitStatus> {
    if args.list_rules {
        let text = super::rule_table(&registry::FAMILY, &args.report)?;
        output::print_stdout(text.as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    if let Some(code) = &args.explain {
        let rule = registry::find(code).ok_or_else(|| {
            anyhow!("unknown lint rule `{code}`; `opensergo lint --list-rules` lists them")
        })?;
        output::print_stdout(registry::FAMILY.explain(rule).as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    super::check_report_args(&args.report)?;
    let (lint_cli, validate_cli) = split_selection(args.selection.selection())?;
    let mut selection = registry::selection_from_config(config);
    selection.merge(lint_cli);
    let levels = selection.resolve(&registry::FAMILY).map_err(Error::msg)?;
    // Lint also runs validate's checks and reports the errors among them,
    // so it never calls an object valid that validate rejects, and a
    // mistyped kind is never a silent skip. Validate's warnings (unknown
    // fields, missing app labels) stay validate's, to keep lint about
    // what only a whole rule set shows.
    let (schemas, mut options) = args.schema.resolve(config, &args.input)?;
    options.levels = validate::levels(config, validate_cli).map_err(Error::msg)?;
    for warning in levels.warnings.iter().chain(&options.levels.warnings) {
        eprintln!("warning: {warning}");
    }
    let walked = super::collect_inputs(&args.input, &args.report, config)?;
    let max_size = args.input.max_file_size;
    let namespace = args.namespace.as_deref().or(config.namespace.as_deref());
    let (sources, statuses, outcome) = super::with_progress(walked.inputs.len(), |bar| {
        let (sources, checked): (Vec<LoadedSource>, Vec<Vec<Checked>>) = walked
            .inputs
            .par_iter()
            .map(|input| {
                let mut loaded = document::load_source(input, max_size);
                if let Some(ns) = namespace {
                    for doc in &mut loaded.documents {
                        if doc.meta.namespace.is_empty() {
                            doc.meta.namespace = ns.into();
                        }
                    }
                }
                let checked = loaded
                    .documents
                    .iter()
                    .map(|doc| validate::check_document(doc, &schemas, &options))
                    .collect();
                bar.inc(1);
                (loaded, checked)
            })
            .unzip();
        let mut statuses = Vec::with_capacity(checked.len());
        let mut validated = Vec::new();
        for file in checked {
            statuses.push(file.iter().map(|c| c.status).collect::<Vec<_>>());
            validated.extend(
                file.into_iter()
                    .flat_map(|c| c.diagnostics)
                    .filter(|d| d.severity == Severity::Error),
            );
        }
        let outcome = lint::lint_validated(&sources, &levels, validated);
        (sources, statuses, outcome)
    });
    // A user schema that does not compile is the run's error, as in
    // validate, not a finding on every document of its kind.
    if let Some(broken) = schemas.unusable() {
        return Err(Error::msg(broken));
    }
    let mut report = lint::build_report(sources, walked.errors, outcome);
    // build_report lists walk errors first, then one entry per source.
    let first_source = report.files.len() - statuses.len();
    for (file, statuses) in report.files[first_source..].iter_mut().zip(statuses) {
        for (doc, status) in file.documents.iter_mut().zip(statuses) {
            doc.status = status;
        }
    }
    for file in &mut report.files {
        // Lint's rules got their levels from the selection and validate's
        // codes theirs in check_document; lint's findings get their path's
        // `overrides:` here.
        config.apply_overrides(&mut file.diagnostics, |code| {
            registry::find(code.id).is_some()
        });
        file.refresh_statuses();
    }
    super::emit_report(&report, &args.report, config, color)
}
