//! `opensergo diff`: read both sides -> pair objects by identity ->
//! compare -> summarise protection and routing -> render. Any error on
//! either side stops the run before anything is compared (exit 2): a diff
//! over half-read input would show objects as removed that are not.
//!
//! Lint's rule-set index and lint itself are used here, and only here
//! (a check never imports another): [`picture`] reads the strategy
//! bindings and host claims of each side into the diff's own summary
//! model, and `--lint` lints both sides.

use std::path::Path;

use anyhow::bail;
use clap::Args;
use rustc_hash::FxHashSet;

use super::ColorChoice;
use crate::codes::Severity;
use crate::config::Config;
use crate::diff::Diff;
use crate::diff::compare::ListKey;
use crate::diff::input::{LoadOptions, Side, Spec};
use crate::diff::summary::Picture;
use crate::diff::{self, Options, changes, findings, summary};
use crate::document::{Document, LoadedSource};
use crate::error::{Error, ExitStatus, Result};
use crate::escape::escape_control;
use crate::findings::plural;
use crate::lint::{self, RuleSet, index::short_host, registry};
use crate::output;
use crate::report::{self, diff::DiffFormat};
use crate::yaml::Node;

/// Diff's exit codes follow `git diff --exit-code` and `kubectl diff`.
macro_rules! diff_exit_codes {
    () => {
        "Exit codes:
  0  no differences (or differences without --exit-code)
  1  differences, with --exit-code
  2  usage error, unreadable or invalid input on either side"
    };
}

const DIFF_EXIT_CODES: &str = diff_exit_codes!();

pub const DIFF_EXAMPLES: &str = concat!(
    "Examples:
  opensergo diff old/ new/                  # two directories (or files, or - for stdin)
  opensergo diff main:rules/ rules/         # a path at a git revision against the work tree
  opensergo diff HEAD~1:rules/policy.yaml rules/policy.yaml
  opensergo diff main                       # the work tree's rule files against main
  opensergo diff --format github origin/main: HEAD: > comment.md

Objects pair by apiVersion group, kind, namespace (default when absent) and
name, never by file or position. Values compare by meaning (1m = 60s where a
field is a duration, \"10\" = 10 where it is an integer); --raw compares
spellings. Paths after REV: are relative to the repository root (./ for the
current directory).

",
    diff_exit_codes!()
);

#[derive(Debug, Args)]
#[command(after_help = DIFF_EXIT_CODES, after_long_help = DIFF_EXAMPLES)]
pub struct DiffArgs {
    /// The old side: a file, a directory, `-` (stdin) or REV:PATH. Alone, a
    /// revision compared with the working tree (like `git diff REV`).
    #[arg(value_name = "OLD")]
    pub old: String,

    /// The new side: a file, a directory, `-` (stdin) or REV:PATH.
    #[arg(value_name = "NEW")]
    pub new: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT", default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// Exit 1 when the sides differ (0 when equal, 2 on errors).
    #[arg(long)]
    pub exit_code: bool,

    /// Compare spellings, not meanings: `1m` vs `60s`, `"10"` vs `10`.
    #[arg(long)]
    pub raw: bool,

    /// Do not report moved list items, except where order is meaning
    /// (TrafficRouter http routes: the first match wins).
    #[arg(long)]
    pub ignore_order: bool,

    /// Pair items of the list at PATH by FIELD (repeatable; `a,b` for
    /// several fields), e.g. `--key spec.rules=name`.
    #[arg(long, value_name = "PATH=FIELD")]
    pub key: Vec<String>,

    /// Also lint both sides and show the findings the change introduces
    /// and removes (with the project's lint configuration).
    #[arg(long)]
    pub lint: bool,

    /// Leave out the closing summary of protection and routing changes.
    #[arg(long)]
    pub no_summary: bool,

    /// Skip paths matching this glob (repeatable), on both sides.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Do not honour .gitignore/.ignore files, and read hidden files.
    #[arg(long)]
    pub no_ignore: bool,

    /// Follow symbolic links whose target lies outside a compared
    /// directory (by default they are skipped, with a note). Links in a
    /// git revision's tree are never followed.
    #[arg(long)]
    pub follow_symlinks: bool,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

pub fn run(
    args: &DiffArgs,
    config: &Config,
    color: bool,
    choice: ColorChoice,
) -> Result<ExitStatus> {
    let options = Options {
        raw: args.raw,
        ignore_order: args.ignore_order,
        keys: args
            .key
            .iter()
            .map(|k| ListKey::parse(k))
            .collect::<Result<_, _>>()
            .map_err(Error::msg)?,
    };
    let (old_spec, new_spec) = sides(args)?;
    let load = LoadOptions {
        excludes: [config.exclude.as_slice(), &args.exclude].concat(),
        respect_ignore: !args.no_ignore,
        follow_symlinks: args.follow_symlinks,
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
            "diff: {} in the input: nothing compared",
            plural(errors, "error")
        );
        return Ok(ExitStatus::Failure);
    }
    for side in [&old, &new] {
        if side.sources.is_empty() {
            eprintln!(
                "warning: no *.yaml, *.yml or *.json files in `{}`",
                escape_control(&side.spec.to_string())
            );
        }
    }
    let result = diff::diff(&old_objects, &new_objects, &options);
    let protection = if args.no_summary {
        Vec::new()
    } else {
        let touched = Touched::by(&result);
        let (before, after) = rayon::join(
            || picture(&old.sources, &touched),
            || picture(&new.sources, &touched),
        );
        summary::protection_changes(&before, &after)
    };
    let lint = if args.lint {
        let mut selection = registry::selection_from_config(config);
        let levels = selection_levels(&mut selection)?;
        let (before, after) = rayon::join(
            || lint::lint_sources(&old.sources, &levels).diagnostics,
            || lint::lint_sources(&new.sources, &levels).diagnostics,
        );
        Some(findings::delta(before, after))
    } else {
        None
    };
    let different = !result.is_empty();
    let change_set = changes::change_set(
        &result,
        changes::Context {
            old_label: old.spec.to_string(),
            new_label: new.spec.to_string(),
            protection,
            lint,
            skipped: old_objects.skipped + new_objects.skipped,
        },
    );
    output::print_stdout(report::diff::render(args.format, &change_set, color).as_bytes())
        .map_err(Error::msg)?;
    Ok(if args.exit_code && different {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

/// The project's lint rule levels (opensergo.yaml `rules:`).
fn selection_levels(selection: &mut crate::engine::Selection) -> Result<crate::engine::Levels> {
    let levels = selection.resolve(&registry::FAMILY).map_err(Error::msg)?;
    for warning in &levels.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(levels)
}

/// Where a diff's changes can alter protection or routing: the
/// (namespace, app) groups of the changed objects (strategy references
/// resolve inside a group) and their namespaces (routers of a namespace
/// share its hosts), on either side.
#[derive(Debug, Default)]
pub struct Touched<'a> {
    groups: FxHashSet<(&'a str, &'a str)>,
    namespaces: FxHashSet<&'a str>,
}

impl<'a> Touched<'a> {
    pub fn by(diff: &Diff<'a>) -> Self {
        let mut touched = Touched::default();
        let docs = diff.objects.iter().flat_map(|o| [o.old, o.new]).flatten();
        for doc in docs {
            let ns = doc.meta.namespace_or_default();
            touched
                .groups
                .insert((ns, doc.meta.app().unwrap_or_default()));
            touched.namespaces.insert(ns);
        }
        touched
    }

    /// Whether `doc` can take part in a touched resource's protection or
    /// a touched host's routing.
    fn covers(&self, doc: &Document) -> bool {
        let ns = doc.meta.namespace_or_default();
        self.groups
            .contains(&(ns, doc.meta.app().unwrap_or_default()))
            || (doc.meta.kind == "TrafficRouter" && self.namespaces.contains(ns))
    }
}

/// One side's protection and routing where the change touched it, read
/// from lint's rule-set index: the strategies bound to each target
/// resource (references resolved as the control plane resolves them) and
/// the routes of each claimed host. Untouched groups have the same picture
/// on both sides, so only touched ones are indexed: the summary costs in
/// proportion to the change, not to the rule set.
pub fn picture(sources: &[LoadedSource], touched: &Touched<'_>) -> Picture {
    let set = RuleSet::build_where(sources, |doc| touched.covers(doc));
    let mut picture = Picture::default();
    for (&resource, bindings) in set.bindings() {
        for binding in bindings {
            let strategy = set.object(binding.strategy);
            picture.protect(resource, strategy.kind(), strategy.name(), strategy.spec());
        }
    }
    for claims in set.host_claims() {
        for claim in claims {
            let router = set.object(claim.router);
            let host = short_host(claim.node.as_str().unwrap_or_default(), router.ns());
            let routes = router.spec().and_then(|s| s.get("http"));
            picture.route(router.ns(), host, routes.map_or(&[][..], Node::as_seq));
        }
    }
    picture
}

/// The two sides the arguments name. One argument is a revision compared
/// with the working tree's rule files, like `git diff REV`.
fn sides(args: &DiffArgs) -> Result<(Spec, Spec)> {
    if let Some(new) = &args.new {
        if args.old == "-" && new == "-" {
            bail!("stdin can be only one side of a diff");
        }
        return Ok((Spec::parse(&args.old), Spec::parse(new)));
    }
    let rev = &args.old;
    if rev == "-" || rev.contains(':') || Path::new(rev).exists() {
        bail!(
            "`{}` alone: give two sides (OLD NEW), or one git revision to compare the working tree with",
            escape_control(rev)
        );
    }
    Ok((
        Spec::Git {
            rev: rev.clone(),
            path: ".".to_string(),
        },
        Spec::Path(".".to_string()),
    ))
}
