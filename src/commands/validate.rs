//! `opensergo validate`: read -> parse -> check each document against its
//! schema -> report. Files are read and checked in parallel; the report
//! keeps input order.

use rayon::prelude::*;

use crate::cli::ValidateArgs;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::{self, Document, LoadedSource};
use crate::report::{DocumentEntry, FileEntry, Report};
use crate::schema::SchemaSet;
use crate::validate::{self, Checked, Options};
use crate::walk::{self, Input, WalkOptions};

/// Builds the schema set: embedded schemas plus the user's.
pub fn schema_set(
    schema_dirs: &[std::path::PathBuf],
    crds: &[std::path::PathBuf],
    max_size: u64,
) -> Result<SchemaSet, String> {
    let mut schemas = SchemaSet::builtin();
    for dir in schema_dirs {
        schemas.add_schema_dir(dir)?;
    }
    for file in crds {
        let loaded = document::load_source(&Input::File(file.clone()), max_size);
        if let Some(err) = loaded.errors.first() {
            return Err(format!("--crd {}: {}", file.display(), err.message));
        }
        let docs: Vec<_> = loaded.documents.iter().map(Document::to_json).collect();
        let added = schemas.add_crds(&file.display().to_string(), &docs)?;
        if added == 0 {
            return Err(format!(
                "--crd {}: no CustomResourceDefinition with a schema in this file",
                file.display()
            ));
        }
    }
    Ok(schemas)
}

/// One input, read and checked.
pub struct CheckedSource {
    pub loaded: LoadedSource,
    pub checked: Vec<Checked>,
}

pub fn check_inputs(
    inputs: &[Input],
    schemas: &SchemaSet,
    options: Options,
    max_size: u64,
) -> Vec<CheckedSource> {
    let mut results: Vec<CheckedSource> = inputs
        .par_iter()
        .map(|input| {
            let loaded = document::load_source(input, max_size);
            let checked = loaded
                .documents
                .iter()
                .map(|doc| validate::check_document(doc, schemas, options))
                .collect();
            CheckedSource { loaded, checked }
        })
        .collect();
    validate::resolve_strategy_kinds(results.iter_mut().flat_map(|r| {
        r.loaded
            .documents
            .iter()
            .zip(r.checked.iter_mut().map(|c| &mut c.diagnostics))
    }));
    results
}

/// Turns checked sources into the report model.
pub fn build_report(results: Vec<CheckedSource>, walk_errors: Vec<Diagnostic>) -> Report {
    let mut report = Report::new("validate");
    for error in walk_errors {
        report.files.push(FileEntry {
            name: error.file.clone(),
            documents: Vec::new(),
            diagnostics: vec![error],
        });
    }
    for CheckedSource { loaded, checked } in results {
        let mut entry = FileEntry {
            name: loaded.source.name.clone(),
            ..FileEntry::default()
        };
        let mut diagnostics: Vec<Diagnostic> = loaded.errors;
        for (doc, checked) in loaded.documents.iter().zip(checked) {
            entry.documents.push(DocumentEntry {
                index: doc.index,
                line: doc.start().line,
                api_version: doc.meta.api_version.clone(),
                kind: doc.meta.kind.clone(),
                name: doc.meta.name.clone(),
                namespace: doc.meta.namespace.clone(),
                status: checked.status,
            });
            diagnostics.extend(checked.diagnostics);
        }
        diagnostics.sort_by_key(|d| d.location.as_ref().map(|l| l.span.start));
        entry.diagnostics = diagnostics;
        report.files.push(entry);
    }
    report
}

pub fn run(args: &ValidateArgs, config: &Config, color: bool) -> Result<u8, String> {
    let schema_dirs: Vec<_> = config
        .schema_dirs
        .iter()
        .chain(&args.schema_dir)
        .cloned()
        .collect();
    let crds: Vec<_> = config.crds.iter().chain(&args.crd).cloned().collect();
    let schemas = schema_set(&schema_dirs, &crds, args.input.max_file_size)?;
    let excludes: Vec<String> = config
        .exclude
        .iter()
        .chain(&args.input.exclude)
        .cloned()
        .collect();
    let walked = walk::collect(
        &args.input.paths,
        &WalkOptions {
            excludes: &excludes,
            respect_ignore: !args.input.no_ignore,
        },
    )?;
    let options = Options {
        strict: args.strict || config.strict,
    };
    let results = super::with_progress(walked.inputs.len(), || {
        check_inputs(&walked.inputs, &schemas, options, args.input.max_file_size)
    });
    let mut report = build_report(results, walked.errors);
    for file in &mut report.files {
        config.apply(&mut file.diagnostics);
        file.refresh_statuses();
    }
    super::emit_report(&report, &args.report, color)
}
