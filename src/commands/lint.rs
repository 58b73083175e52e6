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

use crate::codes::Severity;
use crate::error::{Error, ExitStatus, Result};
use crate::lint::{self, registry};
use crate::output;
use crate::report::Format;
use crate::schema::SchemaSet;
use crate::validate::{self, Checked};

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
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = super::codes::CodeCompletion::lint_selectors())]
    pub select: Vec<String>,

    /// Run these rules on top of the selected set (same forms as --select).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = super::codes::CodeCompletion::lint_selectors())]
    pub extend_select: Vec<String>,

    /// Do not run these rules (same forms as --select; the more specific of
    /// a select and an ignore wins).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = super::codes::CodeCompletion::lint_selectors())]
    pub ignore: Vec<String>,

    /// Set a rule's level: CODE=off|info|warning|error (repeatable; the
    /// code may also be a name, prefix or category).
    #[arg(long, value_name = "CODE=LEVEL", value_delimiter = ',')]
    pub severity: Vec<SeverityOverride>,

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
        let text = if args.report.format.contains(&Format::Json) {
            let rules: Vec<serde_json::Value> = registry::RULES
                .iter()
                .map(|rule| {
                    serde_json::json!({
                        "code": rule.code.id,
                        "name": rule.code.name,
                        "category": rule.category(),
                        "severity": rule.code.default_severity,
                        "enabledByDefault": rule.enabled_by_default,
                        "summary": rule.code.summary,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rules)? + "\n"
        } else {
            registry::FAMILY.table()
        };
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
    let mut selection = registry::selection_from_config(config);
    selection.merge(args.selection());
    let levels = selection.resolve(&registry::FAMILY).map_err(Error::msg)?;
    for warning in &levels.warnings {
        eprintln!("warning: {warning}");
    }
    let walked = super::collect_inputs(&args.input, &args.report, config)?;
    let max_size = args.input.max_file_size;
    // Lint also runs validate's checks and reports the errors among them,
    // so it never calls an object valid that validate rejects, and a
    // mistyped kind is never a silent skip. Validate's warnings (unknown
    // fields, missing app labels) stay validate's, to keep lint about
    // what only a whole rule set shows.
    let schemas = SchemaSet::with_user_schemas(&config.schema_dirs, &config.crds, max_size)
        .map_err(Error::msg)?;
    let options = validate::Options::from_config(config);
    let namespace = args.namespace.as_deref().or(config.namespace.as_deref());
    let (sources, checked, outcome) = super::with_progress(walked.inputs.len(), |bar| {
        let (sources, checked): (Vec<LoadedSource>, Vec<Vec<Checked>>) = walked
            .inputs
            .par_iter()
            .map(|input| {
                let mut loaded = document::load_source(input, max_size);
                if let Some(ns) = namespace {
                    for doc in &mut loaded.documents {
                        if doc.meta.namespace.is_empty() {
                            doc.meta.namespace = ns.to_string();
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
        let outcome = lint::lint_sources(&sources, &levels);
        (sources, checked, outcome)
    });
    let mut report = lint::build_report(sources, walked.errors, outcome);
    // build_report lists walk errors first, then one entry per source.
    let first_source = report.files.len() - checked.len();
    for (file, checked) in report.files[first_source..].iter_mut().zip(checked) {
        for (doc, mut check) in file.documents.iter_mut().zip(checked) {
            doc.status = check.status;
            config.apply(&mut check.diagnostics);
            file.diagnostics.extend(
                check
                    .diagnostics
                    .into_iter()
                    .filter(|d| d.severity == Severity::Error),
            );
        }
        file.diagnostics
            .sort_by_key(|d| (d.location.as_ref().map(|l| l.span.start), d.code.id));
    }
    for file in &mut report.files {
        config.apply(&mut file.diagnostics);
        file.refresh_statuses();
    }
    super::emit_report(&report, &args.report, config, color)
}
