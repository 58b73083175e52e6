//! One module per subcommand: its arguments (clap definitions the `cli`
//! composes) and the run that turns them into calls on the checks and
//! the core. None reaches into another; shared argument groups and
//! reporting live here.

pub mod codes;
pub mod config;
pub mod convert;
pub mod diff;
pub mod explain;
pub mod generate;
pub mod lazy;
pub mod lint;
pub mod proto;
pub mod proto_format;
pub mod schema;
pub mod schemagen;
pub mod validate;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::protobuild::compile::{self as proto_compile, CompilerChoice, Image, PoolUse};
use crate::protobuild::workspace::{Checked, Opened, ProtoSection, Workspace, WorkspaceConfig};

use anyhow::bail;

use crate::codes::Severity;
use crate::engine::{Selection, SeverityOverride};
use crate::error::{Error, ExitStatus, Result};
use crate::escape::escape_control;
use crate::findings::{FileEntry, Report};
use crate::output;
use crate::report::{self, Format, RenderOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The compiler a build uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompilerArg {
    /// protox, or protoc on PATH (saying so) for what protox cannot compile:
    /// editions, single-number extension ranges with options.
    Auto,
    /// protox only (built in, no protoc needed).
    Protox,
    /// protoc from PATH.
    Protoc,
}

impl From<CompilerArg> for CompilerChoice {
    fn from(arg: CompilerArg) -> Self {
        match arg {
            CompilerArg::Auto => CompilerChoice::Auto,
            CompilerArg::Protox => CompilerChoice::Protox,
            CompilerArg::Protoc => CompilerChoice::Protoc,
        }
    }
}

/// What to compile and with what; shared with `gen`.
#[derive(Debug, Args)]
pub struct WorkspaceArgs {
    /// Build only these files or directories (repeatable): a path under
    /// DIR or an import path.
    #[arg(long = "path", value_name = "PATH")]
    pub paths: Vec<String>,

    /// Leave out these files or directories (repeatable).
    #[arg(long = "exclude-path", value_name = "PATH")]
    pub exclude_paths: Vec<String>,

    /// The compiler.
    #[arg(long, value_enum, default_value_t = CompilerArg::Auto)]
    pub compiler: CompilerArg,

    /// Refuse files (.proto, buf.yaml, those of an --against revision or
    /// image) larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// Inputs: paths, excludes, extra schemas.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories to check (`-` reads stdin). Directories are
    /// walked for *.yaml, *.yml and *.json, honouring .gitignore.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<String>,

    /// Skip paths matching this glob (repeatable; gitignore syntax, as
    /// ripgrep's `-g '!GLOB'`), e.g. `--exclude vendor`.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Do not honour .gitignore/.ignore files, and read hidden files.
    #[arg(long)]
    pub no_ignore: bool,

    /// Apply excludes to files named on the command line too (as the
    /// pre-commit hooks do), not only to directory walks.
    #[arg(long)]
    pub force_exclude: bool,

    /// The name stdin (`-`) has in reports and excludes.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// Follow symbolic links whose target lies outside the walked
    /// directory (by default they are skipped, with a note). Files named
    /// on the command line are always read as given.
    #[arg(long)]
    pub follow_symlinks: bool,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// What validates a document: user schemas and the kinds to skip, reject
/// or require. `validate` and `lint` (which runs validate's checks and
/// reports its errors) take the same flags, added to opensergo.yaml's.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Treat fields the schema does not declare as errors, not warnings.
    #[arg(long)]
    pub strict: bool,

    /// Also validate against JSON Schemas in this directory (repeatable),
    /// named `<group>/<version>/<Kind>.json`, `<group>/<kind>_<version>.json`
    /// or `<kind>_<version>.json`.
    #[arg(long, value_name = "DIR")]
    pub schema_dir: Vec<PathBuf>,

    /// Also validate against the schemas of these CustomResourceDefinition files (repeatable).
    #[arg(long, value_name = "FILE")]
    pub crd: Vec<PathBuf>,

    /// Skip documents of these kinds unchecked (comma-separated, repeatable):
    /// `Deployment`, or `apps/v1/Deployment` for one apiVersion.
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    pub skip: Vec<String>,

    /// Report every document of these kinds as an error (comma-separated, repeatable).
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    pub reject: Vec<String>,

    /// Documents that no schema checks (other kinds, YAML that is no
    /// object) are errors instead of being skipped.
    #[arg(long)]
    pub require_known: bool,
}

impl SchemaArgs {
    /// The schema set (embedded, the configuration's and these) and
    /// validate's options from the configuration and these flags; notes on
    /// schema files left out are printed.
    pub fn resolve(
        &self,
        config: &crate::config::Config,
        input: &InputArgs,
    ) -> Result<(crate::schema::SchemaSet, crate::validate::Options)> {
        let schema_dirs = [config.schema_dirs.as_slice(), &self.schema_dir].concat();
        let crds = [config.crds.as_slice(), &self.crd].concat();
        let schemas = crate::schema::SchemaSet::with_user_schemas(
            &schema_dirs,
            &crds,
            input.max_file_size,
            input.follow_symlinks,
        )
        .map_err(Error::msg)?;
        crate::walk::print_notes(&schemas.skipped);
        let mut options = crate::validate::Options::from_config(config);
        options.strict |= self.strict;
        options.skip.extend(self.skip.iter().cloned());
        options.reject.extend(self.reject.iter().cloned());
        options.require_known |= self.require_known;
        Ok((schemas, options))
    }
}

/// Which codes a check reports and how loud, the same flags for `lint`
/// and `validate` (each resolves them against its own codes).
#[derive(Debug, Args)]
pub struct SelectionArgs {
    /// Report only these codes instead of the default set: codes (OS1005,
    /// OS2001), names (unknown-field, strategy-not-found), code prefixes
    /// (OS10, OS2), categories (validate: type, schema, metadata,
    /// suppression;
    /// lint: reference, conflict, suspicious, runtime-compat, style) or
    /// ALL. Repeatable; comma lists work.
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = codes::CodeCompletion::selectors())]
    pub select: Vec<String>,

    /// Report these codes on top of the selected set (same forms as --select).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = codes::CodeCompletion::selectors())]
    pub extend_select: Vec<String>,

    /// Do not report these codes (same forms as --select; the more
    /// specific of a select and an ignore wins).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = codes::CodeCompletion::selectors())]
    pub ignore: Vec<String>,

    /// Set a code's level: CODE=off|info|warning|error (repeatable; the
    /// code may also be a name, prefix or category). The lowest level that
    /// fails the run is --fail-on.
    #[arg(long, value_name = "CODE=LEVEL", value_delimiter = ',')]
    pub severity: Vec<SeverityOverride>,
}

impl SelectionArgs {
    /// The selection the flags give (layered over the config file's).
    pub fn selection(&self) -> Selection {
        Selection {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            severity: self.severity.clone(),
        }
    }
}

/// `--list-rules`: a family's rule table, as JSON with `--format json`.
pub fn rule_table<C>(family: &crate::engine::RuleFamily<C>, report: &ReportArgs) -> Result<String> {
    Ok(if report.format.contains(&Format::Json) {
        serde_json::to_string_pretty(&family.table_json())? + "\n"
    } else {
        family.table()
    })
}

/// Where findings go and when they fail the run.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format (repeatable; pair each with an --output).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Vec<Format>,

    /// Write the matching --format to this file instead of stdout
    /// (repeatable, in the same order as --format; `-` is stdout).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Vec<PathBuf>,

    /// Lowest severity that makes the exit code 1 [default: error, or
    /// `failOn` in opensergo.yaml].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,

    /// Print findings only: no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Add a count of findings per code after the summary line.
    #[arg(long)]
    pub summary: bool,
}

/// Whether stdout gets ANSI colors.
pub fn use_color(choice: ColorChoice) -> bool {
    color_for(choice, std::io::stdout().is_terminal())
}

/// Whether stderr gets ANSI colors.
pub fn use_stderr_color(choice: ColorChoice) -> bool {
    color_for(choice, std::io::stderr().is_terminal())
}

fn color_for(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal,
    }
}

/// Expands the command line's paths (with the config's and the flags'
/// excludes) into inputs, and says so when a directory held nothing to check.
/// `report` names the run's output files: a walk never reads them back,
/// and naming one as an input is a usage error.
pub fn collect_inputs(
    input: &InputArgs,
    report: &ReportArgs,
    config: &crate::config::Config,
) -> Result<crate::walk::Walked> {
    let excludes = [config.exclude.as_slice(), &input.exclude].concat();
    let outputs = output_ids(&report.output);
    let walked = crate::walk::collect(
        &input.paths,
        &crate::walk::WalkOptions {
            excludes: &excludes,
            respect_ignore: !input.no_ignore,
            force_exclude: input.force_exclude || config.force_exclude,
            stdin_name: input.stdin_filename.as_deref(),
            follow_symlinks: input.follow_symlinks,
            outputs: &outputs,
        },
    )
    .map_err(Error::msg)?;
    walked.print_skipped();
    if walked.inputs.is_empty() && walked.errors.is_empty() {
        eprintln!(
            "warning: no *.yaml, *.yml or *.json files found in {}",
            escape_control(&input.paths.join(", "))
        );
    }
    Ok(walked)
}

/// The identities of the output files that exist already (`-` is stdout).
fn output_ids(paths: &[std::path::PathBuf]) -> Vec<output::FileId> {
    paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .filter_map(|p| output::FileId::of(p))
        .collect()
}

/// Prints diagnostics that stop a command (a broken config file) to stderr.
pub fn print_errors(errors: &[crate::diagnostic::Diagnostic], color: ColorChoice) {
    let mut report = Report::new("config");
    report.files.push(FileEntry {
        name: errors.first().map(|d| d.file.clone()).unwrap_or_default(),
        documents: Vec::new(),
        diagnostics: errors.to_vec(),
    });
    let options = RenderOptions {
        color: use_stderr_color(color),
        quiet: true,
        counts: false,
    };
    eprint!("{}", report::render(Format::Human, &report, &options));
}

/// Runs `work` with a progress bar on stderr that appears only when the
/// run takes more than a second on an interactive terminal (never in
/// pipes or CI logs). `work` ticks the bar once per file.
pub fn with_progress<T: Send>(
    files: usize,
    work: impl FnOnce(&indicatif::ProgressBar) -> T + Send,
) -> T {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};

    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::hidden());
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !interactive || files < 2 {
        return work(&bar);
    }
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos}/{len} files {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    let done = AtomicBool::new(false);
    let result = std::thread::scope(|scope| {
        scope.spawn(|| {
            let started = Instant::now();
            while !done.load(Ordering::Relaxed) {
                if started.elapsed() > Duration::from_secs(1) {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(100));
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        let result = work(&bar);
        done.store(true, Ordering::Relaxed);
        result
    });
    bar.finish_and_clear();
    result
}

/// The formats a run writes, `--format` and `--output` paired in order;
/// `Err` for the pairings that cannot be meant: a format name given as
/// an output file (`-o json`, kubectl's spelling), more outputs than
/// formats, or two machine-readable formats mixed on stdout. Commands call
/// it before doing any work, so a usage error costs nothing.
pub fn check_report_args(args: &ReportArgs) -> Result<Vec<Format>> {
    use clap::ValueEnum;
    for path in &args.output {
        let Some(name) = path.to_str() else { continue };
        if Format::from_str(name, true).is_ok() && !path.exists() {
            bail!(
                "`--output {name}` would write a file named `{name}`: the format is chosen with `--format {name}` (`-f {name}`), and `--output FILE` says where it goes"
            );
        }
    }
    let formats = if args.format.is_empty() {
        vec![Format::Human]
    } else {
        args.format.clone()
    };
    if args.output.len() > formats.len() {
        bail!(
            "{} --output given for {} --format; pair each --output with a --format",
            args.output.len(),
            formats.len()
        );
    }
    let to_stdout: Vec<Format> = formats
        .iter()
        .enumerate()
        .filter(|(i, _)| args.output.get(*i).is_none_or(|p| p.as_os_str() == "-"))
        .map(|(_, f)| *f)
        .collect();
    let machine = |f: &Format| matches!(f, Format::Json | Format::Sarif | Format::Junit);
    if to_stdout.len() > 1 && to_stdout.iter().any(machine) {
        bail!(
            "a machine-readable format would share stdout with another format: give all formats on stdout but one an `--output FILE`"
        );
    }
    Ok(formats)
}

/// Renders a report in every requested format to its destination and
/// returns the exit code. Shared by every command that reports findings.
pub fn emit_report(
    report: &Report,
    args: &ReportArgs,
    config: &crate::config::Config,
    color: bool,
) -> Result<ExitStatus> {
    let formats = check_report_args(args)?;
    for (i, format) in formats.iter().enumerate() {
        let destination = args.output.get(i).filter(|p| p.as_os_str() != "-");
        let options = RenderOptions {
            color: color && destination.is_none(),
            quiet: args.quiet,
            counts: args.summary,
        };
        match destination {
            Some(path) => {
                output::write_file(path, report::render(*format, report, &options).as_bytes())
            }
            None => output::print_stdout_with(|out| report::write(*format, report, &options, out)),
        }
        .map_err(Error::msg)?;
    }
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(Severity::Error);
    Ok(report.exit_status(fail_on))
}

/// A workspace and the image of its selected files.
pub struct Compiled {
    pub workspace: Workspace,
    /// Its configuration: the `lint` and `breaking` blocks of each module.
    pub config: WorkspaceConfig,
    /// The import paths built (all files, or those `--path` selects).
    pub targets: Vec<String>,
    pub image: Image,
    /// Which compiler ran: `protox` or `protoc`.
    pub compiler: &'static str,
    /// protox's descriptor pool of the image, when kept
    /// ([`compile_workspace_with`]) and protox compiled.
    pub pool: Option<prost_reflect::DescriptorPool>,
}

/// The workspace of `dir` (configured by `section`, opensergo.yaml's
/// `proto:`, when `dir` is its directory) compiled, or the exit status
/// when it could not be: 2 for a broken configuration, 1 for files that
/// do not compile (both printed). `proto build`, `gen`, `proto lint` and
/// `proto breaking` read and compile workspaces only through here.
pub fn compile_workspace(
    dir: &std::path::Path,
    section: Option<&ProtoSection>,
    args: &WorkspaceArgs,
    color: ColorChoice,
) -> Result<std::result::Result<Compiled, ExitStatus>> {
    compile_workspace_with(dir, section, args, color, PoolUse::Drop)
}

/// [`compile_workspace`], keeping the descriptor pool protox built when
/// `pool` says so, for checks that read descriptors through one (proto
/// lint): they need not link a second pool from the image.
pub fn compile_workspace_with(
    dir: &std::path::Path,
    section: Option<&ProtoSection>,
    args: &WorkspaceArgs,
    color: ColorChoice,
    pool: PoolUse,
) -> Result<std::result::Result<Compiled, ExitStatus>> {
    let opened = Workspace::open(
        dir,
        section,
        args.max_file_size,
        crate::convert::descriptors::proto_sources(),
    )?;
    compile_opened_with(opened, args, color, pool)
}

/// A workspace (or the problems of its configuration) compiled, or the
/// exit status when it could not be.
pub fn compile_opened(
    opened: Checked<Opened>,
    args: &WorkspaceArgs,
    color: ColorChoice,
) -> Result<std::result::Result<Compiled, ExitStatus>> {
    compile_opened_with(opened, args, color, PoolUse::Drop)
}

fn compile_opened_with(
    opened: Checked<Opened>,
    args: &WorkspaceArgs,
    color: ColorChoice,
    pool: PoolUse,
) -> Result<std::result::Result<Compiled, ExitStatus>> {
    let Opened { workspace, config } = match opened {
        Ok(opened) => opened,
        Err(problems) => {
            print_errors(&problems, color);
            return Ok(Err(ExitStatus::Failure));
        }
    };
    let targets = workspace.select(&args.paths, &args.exclude_paths)?;
    match proto_compile::build_with(&workspace, &targets, args.compiler.into(), pool)? {
        Ok(built) => Ok(Ok(Compiled {
            workspace,
            config,
            targets,
            image: built.image,
            compiler: built.compiler,
            pool: built.pool,
        })),
        Err(errors) => {
            print_errors(&errors, color);
            eprintln!(
                "proto build: {} of {} does not compile",
                crate::findings::plural(errors.len(), "error"),
                workspace.origin
            );
            Ok(Err(ExitStatus::Findings))
        }
    }
}
