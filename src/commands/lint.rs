//! `opensergo lint`: read every input -> index the whole rule set -> run
//! the enabled rules -> apply suppressions -> report through the same
//! layer (formats, exit codes) as `validate`.

use rayon::prelude::*;

use crate::cli::LintArgs;
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::document::{self, LoadedSource};
use crate::lint::{self, LintSettings, registry};
use crate::output;
use crate::report::Format;
use crate::schema::SchemaSet;
use crate::validate::{self, Checked};

pub fn run(args: &LintArgs, config: &Config, color: bool) -> Result<u8, String> {
    if args.list_rules {
        let text = if args.report.format.contains(&Format::Json) {
            let rules: Vec<serde_json::Value> = registry::RULES
                .iter()
                .map(|rule| {
                    serde_json::json!({
                        "code": rule.code.id,
                        "name": rule.code.name,
                        "category": rule.category.as_str(),
                        "severity": rule.code.default_severity,
                        "enabledByDefault": rule.enabled_by_default,
                        "summary": rule.code.summary,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rules).map_err(|e| e.to_string())? + "\n"
        } else {
            registry::table()
        };
        output::print_stdout(text.as_bytes())?;
        return Ok(0);
    }
    if let Some(code) = &args.explain {
        let rule = registry::find(code).ok_or_else(|| {
            format!("unknown lint rule `{code}`; `opensergo lint --list-rules` lists them")
        })?;
        output::print_stdout(registry::explain(rule).as_bytes())?;
        return Ok(0);
    }
    super::check_report_args(&args.report)?;
    let mut settings = LintSettings::from_config(config);
    settings.merge(args.settings());
    let settings = settings.resolve()?;
    let walked = super::collect_inputs(&args.input, config)?;
    let max_size = args.input.max_file_size;
    // Lint also runs validate's checks and reports the errors among them,
    // so it never calls an object valid that validate rejects, and a
    // mistyped kind is never a silent skip. Validate's warnings (unknown
    // fields, missing app labels) stay validate's, to keep lint about
    // what only a whole rule set shows.
    let schemas = SchemaSet::with_user_schemas(&config.schema_dirs, &config.crds, max_size)?;
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
        let outcome = lint::lint_sources(&sources, &settings);
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
