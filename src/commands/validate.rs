//! `opensergo validate`: read -> parse -> check each document against its
//! schema -> report. Files are read and checked in parallel; the report
//! keeps input order.

use rayon::prelude::*;

use clap::Args;

use super::{InputArgs, ReportArgs};
use crate::codes;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::{self, LoadedSource};
use crate::error::{Error, ExitStatus, Result};
use crate::escape::escape_control;
use crate::findings::{DocumentEntry, FileEntry, Report};
use crate::input::Input;
use crate::schema::SchemaSet;
use crate::suppress::Suppressions;
use crate::validate::{self, Options, StrategyFacts};

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub report: ReportArgs,

    #[command(flatten)]
    pub schema: super::SchemaArgs,

    #[command(flatten)]
    pub selection: super::SelectionArgs,

    /// Print the table of validate's codes (for --select, --ignore,
    /// --severity and suppressions) and exit.
    #[arg(long)]
    pub list_rules: bool,
}

/// One input, read and checked; the parsed trees are already dropped.
pub struct CheckedFile {
    pub entry: FileEntry,
    facts: StrategyFacts,
    /// Findings silenced by comments or annotations in the file.
    suppressed: usize,
}

/// The checked inputs of a run.
pub struct CheckedInputs {
    pub files: Vec<FileEntry>,
    /// Findings silenced by comments or annotations.
    pub suppressed: usize,
}

/// Reads and checks inputs in parallel. Each file's trees are freed as
/// soon as it is checked, so memory stays bounded by the findings.
/// `on_file` is called once per file checked (progress).
pub fn check_inputs(
    inputs: &[Input],
    schemas: &SchemaSet,
    options: &Options,
    max_size: u64,
    on_file: &(dyn Fn() + Sync),
) -> CheckedInputs {
    let check = |input: &Input| {
        let file = check_file(&document::load_source(input, max_size), schemas, options);
        on_file();
        file
    };
    // One file (the pre-commit case) is checked on this thread: starting
    // the thread pool would cost more than the check.
    let mut checked: Vec<CheckedFile> = if inputs.len() < 2 {
        inputs.iter().map(check).collect()
    } else {
        inputs.par_iter().map(check).collect()
    };
    // Only untyped strategy references need the run's strategies indexed.
    if checked.iter().any(|c| !c.facts.untyped.is_empty()) {
        let facts: Vec<StrategyFacts> = checked
            .iter_mut()
            .map(|c| std::mem::take(&mut c.facts))
            .collect();
        let index = validate::strategy_index(facts.iter());
        for (c, facts) in checked.iter_mut().zip(&facts) {
            for (i, namespace, name) in &facts.untyped {
                validate::complete_untyped_help(
                    &mut c.entry.diagnostics[*i],
                    namespace,
                    name,
                    &index,
                );
            }
        }
    }
    CheckedInputs {
        suppressed: checked.iter().map(|c| c.suppressed).sum(),
        files: checked.into_iter().map(|c| c.entry).collect(),
    }
}

/// Checks every document of a file; the file's suppression comments and
/// annotations silence findings before they are recorded (so the
/// strategy facts index the findings that stay).
fn check_file(loaded: &LoadedSource, schemas: &SchemaSet, options: &Options) -> CheckedFile {
    let mut suppressions = Suppressions::collect([loaded], &validate::resolve);
    let mut suppressed = 0;
    // Reading and parsing errors stay as they are: no level or comment
    // hides a file that was not checked.
    let mut entry = FileEntry {
        name: loaded.source.name.clone(),
        documents: Vec::with_capacity(loaded.documents.len()),
        diagnostics: loaded.errors.clone(),
    };
    let mut facts = StrategyFacts::default();
    for doc in &loaded.documents {
        let mut checked = validate::check_document(doc, schemas, options);
        let silenced = suppressions.apply(&mut checked.diagnostics);
        if silenced > 0 {
            suppressed += silenced;
            checked = checked.refreshed();
        }
        facts.record(doc, &checked.diagnostics, entry.diagnostics.len());
        entry.documents.push(DocumentEntry::of(doc, checked.status));
        entry.diagnostics.extend(checked.diagnostics);
    }
    let mut unknown = unknown_suppressed_codes(&suppressions);
    options.relevel(&mut unknown);
    entry.diagnostics.extend(unknown);
    CheckedFile {
        entry,
        facts,
        suppressed,
    }
}

/// OS1012 for each code a suppression names that no command has (lint's
/// codes are lint's to judge: it reads the same comments), with the
/// closest of validate's and lint's codes.
fn unknown_suppressed_codes(suppressions: &Suppressions<'_>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for s in suppressions.iter() {
        for named in &s.codes {
            if named.code.is_some() || super::codes::find(&named.text).is_some() {
                continue;
            }
            let message = if named.text.is_empty() {
                "suppression names no code".to_string()
            } else {
                format!(
                    "suppression names `{}`, which is no code",
                    escape_control(&named.text)
                )
            };
            let list = "name codes by id or name (`# opensergo:ignore OS1005 reason`); `opensergo validate --list-rules` lists validate's";
            let help = match crate::suggest::closest(
                &named.text,
                super::codes::configurable().flat_map(|c| [c.id, c.name]),
            ) {
                Some(close) => format!("did you mean `{close}`? {list}"),
                None => list.to_string(),
            };
            found.push(
                s.doc
                    .diagnostic(codes::UNKNOWN_SUPPRESSED_CODE, message, s.at)
                    .with_label("silences nothing")
                    .with_help(help),
            );
        }
    }
    found
}

/// Assembles the report: walk errors first, then files in input order,
/// each file's findings in source order.
pub fn build_report(checked: CheckedInputs, walk_errors: Vec<Diagnostic>) -> Report {
    let mut report = Report::new("validate");
    report.suppressed = checked.suppressed;
    for error in walk_errors {
        report.files.push(FileEntry {
            name: error.file.clone(),
            documents: Vec::new(),
            diagnostics: vec![error],
        });
    }
    for mut entry in checked.files {
        entry
            .diagnostics
            .sort_by_key(|d| d.location.as_ref().map(|l| l.span.start));
        report.files.push(entry);
    }
    report
}

pub fn run(args: &ValidateArgs, config: &Config, color: bool) -> Result<ExitStatus> {
    if args.list_rules {
        let table = super::rule_table(&validate::FAMILY, &args.report)?;
        crate::output::print_stdout(table.as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    super::check_report_args(&args.report)?;
    let (schemas, mut options) = args.schema.resolve(config, &args.input)?;
    let walked = super::collect_inputs(&args.input, &args.report, config)?;
    options.levels = validate::levels(config, args.selection.selection()).map_err(Error::msg)?;
    for warning in &options.levels.warnings {
        eprintln!("warning: {warning}");
    }
    let results = super::with_progress(walked.inputs.len(), |bar| {
        check_inputs(
            &walked.inputs,
            &schemas,
            &options,
            args.input.max_file_size,
            &|| bar.inc(1),
        )
    });
    if let Some(broken) = schemas.unusable() {
        return Err(Error::msg(broken));
    }
    let report = build_report(results, walked.errors);
    super::emit_report(&report, &args.report, config, color)
}
