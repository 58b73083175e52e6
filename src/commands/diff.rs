//! `opensergo diff`: read both sides -> pair objects by identity ->
//! compare -> summarise protection and routing -> render. Any error on
//! either side stops the run before anything is compared (exit 2): a diff
//! over half-read input would show objects as removed that are not.

use std::path::Path;

use crate::cli::{ColorChoice, DiffArgs};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::diff::compare::ListKey;
use crate::diff::input::{LoadOptions, Side, Spec};
use crate::diff::render::{self, DiffReport};
use crate::diff::{self, Options, findings, summary};
use crate::lint::LintSettings;
use crate::output;

pub fn run(
    args: &DiffArgs,
    config: &Config,
    color: bool,
    choice: ColorChoice,
) -> Result<u8, String> {
    let options = Options {
        raw: args.raw,
        ignore_order: args.ignore_order,
        keys: args
            .key
            .iter()
            .map(|k| ListKey::parse(k))
            .collect::<Result<_, _>>()?,
    };
    let (old_spec, new_spec) = sides(args)?;
    let load = LoadOptions {
        excludes: config
            .exclude
            .iter()
            .chain(&args.exclude)
            .cloned()
            .collect(),
        respect_ignore: !args.no_ignore,
        max_file_size: args.max_file_size,
    };
    let (old, new) = rayon::join(
        || Side::load(old_spec, &load),
        || Side::load(new_spec, &load),
    );
    let (old_objects, old_found) = old.objects();
    let (new_objects, new_found) = new.objects();
    let diagnostics: Vec<_> = old
        .diagnostics
        .iter()
        .chain(&new.diagnostics)
        .chain(&old_found)
        .chain(&new_found)
        .cloned()
        .collect();
    if !diagnostics.is_empty() {
        super::print_errors(&diagnostics, choice);
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        eprintln!(
            "diff: {errors} error{} in the input: nothing compared",
            if errors == 1 { "" } else { "s" }
        );
        return Ok(2);
    }
    for side in [&old, &new] {
        if side.sources.is_empty() {
            eprintln!(
                "warning: no *.yaml, *.yml or *.json files in `{}`",
                render::clean(&side.spec.to_string())
            );
        }
    }
    let result = diff::diff(&old_objects, &new_objects, &options);
    let protection = if args.no_summary {
        Vec::new()
    } else {
        summary::protection_changes(&old.sources, &new.sources)
    };
    let lint = if args.lint {
        let settings = LintSettings::from_config(config).resolve()?;
        Some(findings::lint_delta(&old.sources, &new.sources, &settings))
    } else {
        None
    };
    let different = !result.is_empty();
    let report = DiffReport {
        old_label: old.spec.to_string(),
        new_label: new.spec.to_string(),
        diff: result,
        protection,
        lint,
        skipped: old_objects.skipped + new_objects.skipped,
    };
    output::print_stdout(render::render(args.format, &report, color).as_bytes())?;
    Ok(u8::from(args.exit_code && different))
}

/// The two sides the arguments name. One argument is a revision compared
/// with the working tree's rule files, like `git diff REV`.
fn sides(args: &DiffArgs) -> Result<(Spec, Spec), String> {
    if let Some(new) = &args.new {
        if args.old == "-" && new == "-" {
            return Err("stdin can be only one side of a diff".into());
        }
        return Ok((Spec::parse(&args.old), Spec::parse(new)));
    }
    let rev = &args.old;
    if rev == "-" || rev.contains(':') || Path::new(rev).exists() {
        return Err(format!(
            "`{}` alone: give two sides (OLD NEW), or one git revision to compare the working tree with",
            render::clean(rev)
        ));
    }
    Ok((
        Spec::Git {
            rev: rev.clone(),
            path: ".".to_string(),
        },
        Spec::Path(".".to_string()),
    ))
}
