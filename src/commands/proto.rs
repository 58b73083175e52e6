//! `opensergo proto`: the OpenSergo .proto definitions, and building any
//! proto workspace into an image as `buf build` does.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Args, Subcommand};

use super::ReportArgs;
use super::lazy::Lazy;
use crate::commands::{self, ColorChoice, WorkspaceArgs, compile_workspace};
use crate::convert::descriptors;
use crate::error::{Error, ExitStatus, Result};
use crate::findings::plural;
use crate::findings::{FileEntry, Report};
use crate::output;
use crate::protobreaking::{self, config::ModuleBreaking};
use crate::protobuild::buf_config::{BreakingBlock, ProtoSection};
use crate::protobuild::buf_rule_id;
use crate::protobuild::compile::PoolUse;
use crate::protolint::{self, config::ModuleLint};
use crate::report::buf::{BufFormat, buf_output};

#[derive(Debug, Subcommand)]
pub enum ProtoCommand {
    /// Write the OpenSergo .proto files (the ones `convert` uses) to a directory,
    /// for generating SDK stubs.
    Export {
        /// The directory to write into (created if missing); it becomes the
        /// include root (`protoc -I DIR`).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Compile a proto workspace into an image (a FileDescriptorSet with
    /// imports and source info), as `buf build` does.
    #[command(
        after_help = "The workspace is the `proto:` section of opensergo.yaml when DIR is that \
        file's directory, else DIR's buf.yaml (v2 `modules`, v1 `build.excludes`) as is, else every \
        .proto file under DIR, else (none there) the embedded OpenSergo protos.\n\n\
        Exit codes: 0 built, 1 the .proto files do not compile, 2 usage or I/O error"
    )]
    Build(Lazy<BuildArgs>),
    /// Lint .proto files with buf's rules (IDs, categories and buf.yaml
    /// configuration as buf has them).
    #[command(after_help = PROTO_LINT_EXIT_CODES)]
    Lint(Lazy<ProtoLintArgs>),
    /// Check a proto workspace for changes that break its previous version
    /// (a directory, a descriptor-set image or a git revision), with buf's
    /// rules and buf.yaml `breaking` configuration.
    #[command(after_help = PROTO_BREAKING_EXIT_CODES)]
    Breaking(Lazy<ProtoBreakingArgs>),
    /// A .proto file for a kind's spec, from its JSON Schema: one message
    /// per object, stable field numbers (--previous), buf STANDARD style.
    #[command(
        after_help = "Exit codes: 0 written, 1 the schema cannot be generated compatibly (nothing written), 2 usage or I/O error"
    )]
    FromSchema(Lazy<super::schemagen::FromSchemaArgs>),
    /// Format .proto files in the style `buf format` writes.
    #[command(after_help = super::proto_format::EXIT_CODES)]
    Format(Lazy<super::proto_format::FormatArgs>),
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The workspace directory.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Write the image here: `.json` for proto3 JSON, anything else binary
    /// (`.binpb`); `-` writes binary to stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub workspace: WorkspaceArgs,
}

const PROTO_LINT_EXIT_CODES: &str = "Exit codes:
  0  no findings at or above --fail-on
  1  findings (100 with --buf-exit-codes)
  2  usage error, unreadable input or a file that does not compile";

const PROTO_BREAKING_EXIT_CODES: &str = "Exit codes:
  0  no breaking change at or above --fail-on
  1  breaking changes (100 with --buf-exit-codes)
  2  usage error, unreadable input, a revision git does not have, or a file that does not compile";

/// What buf's commands print and exit with; shared by `lint` and `breaking`.
#[derive(Debug, Args)]
pub struct BufCompatArgs {
    /// Print findings as buf's `--error-format` does (instead of --format).
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "format")]
    pub error_format: Option<BufFormat>,

    /// Exit 100 on findings, as buf does.
    #[arg(long)]
    pub buf_exit_codes: bool,

    /// Print the table of rules and exit.
    #[arg(long)]
    pub list_rules: bool,
}

#[derive(Debug, Args)]
pub struct ProtoBreakingArgs {
    /// The workspace: the directory of the opensergo.yaml with a `proto:`
    /// section, a directory with a buf.yaml (v2 or v1), or a module root.
    /// With no .proto files in it, the embedded OpenSergo protos.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// The previous version: a directory, a descriptor-set image
    /// (`.binpb`), or a git revision (`main`, `v1.2.0`, `origin/main`, a
    /// commit, `.git#branch=main`) read from the local object store.
    #[arg(long, value_name = "REF", required_unless_present = "list_rules")]
    pub against: Option<String>,

    #[command(flatten)]
    pub workspace: WorkspaceArgs,

    #[command(flatten)]
    pub report: ReportArgs,

    #[command(flatten)]
    pub buf: BufCompatArgs,
}

#[derive(Debug, Args)]
pub struct ProtoLintArgs {
    /// The workspace: the directory of the opensergo.yaml with a `proto:`
    /// section, a directory with a buf.yaml (v2 or v1), or a module root.
    /// With no .proto files in it, the embedded OpenSergo protos are linted.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    #[command(flatten)]
    pub workspace: WorkspaceArgs,

    #[command(flatten)]
    pub report: ReportArgs,

    #[command(flatten)]
    pub buf: BufCompatArgs,
}

/// Runs a `proto` subcommand; `config` is the project configuration,
/// whose `proto:` section configures the workspace of its directory.
pub fn run(
    command: &ProtoCommand,
    config: &crate::config::Config,
    color: ColorChoice,
) -> Result<ExitStatus> {
    let section = config.proto.as_ref();
    match command {
        ProtoCommand::Export { dir } => {
            let mut batch = output::Batch::new(dir).map_err(Error::msg)?;
            for (path, text) in descriptors::proto_sources() {
                batch
                    .stage(std::path::Path::new(path), text.as_bytes())
                    .map_err(Error::msg)?;
            }
            let written = batch.commit().map_err(Error::msg)?;
            let dir = crate::escape::escape_path(dir);
            eprintln!(
                "wrote {} files to {dir} (include root for protoc: -I {dir})",
                written.len(),
            );
            Ok(ExitStatus::Success)
        }
        ProtoCommand::Build(args) => build(args, section, color),
        ProtoCommand::Lint(args) => lint(args, section, color),
        ProtoCommand::Breaking(args) => breaking(args, section, color),
        ProtoCommand::FromSchema(args) => super::schemagen::from_schema(args, color),
        ProtoCommand::Format(args) => super::proto_format::run(args, section, color),
    }
}

fn build(
    args: &BuildArgs,
    section: Option<&ProtoSection>,
    color: ColorChoice,
) -> Result<ExitStatus> {
    let started = Instant::now();
    let commands::Compiled {
        image, compiler, ..
    } = match compile_workspace(&args.dir, section, &args.workspace, color)? {
        Ok(compiled) => compiled,
        Err(status) => return Ok(status),
    };
    if let Some(path) = &args.output {
        let bytes = if path.extension().is_some_and(|e| e == "json") {
            image.to_json()?.into_bytes()
        } else {
            image.encode()
        };
        if path.as_os_str() == "-" {
            output::print_stdout(&bytes)
        } else {
            output::write_file(path, &bytes)
        }
        .map_err(Error::msg)?;
    }
    let imports = image.files.iter().filter(|f| f.is_import).count();
    eprintln!(
        "proto build: {} and {} compiled with {compiler} in {} ms",
        plural(image.files.len() - imports, "file"),
        plural(imports, "import"),
        started.elapsed().as_millis()
    );
    Ok(ExitStatus::Success)
}

fn lint(
    args: &ProtoLintArgs,
    section: Option<&ProtoSection>,
    color_choice: ColorChoice,
) -> Result<ExitStatus> {
    let color = commands::use_color(color_choice);
    if args.buf.list_rules {
        output::print_stdout(protolint::FAMILY.table().as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    let compiled = match commands::compile_workspace_with(
        &args.dir,
        section,
        &args.workspace,
        color_choice,
        PoolUse::Keep,
    )? {
        Ok(compiled) => compiled,
        // Files that do not compile cannot be linted: a usage error here.
        Err(_) => return Ok(ExitStatus::Failure),
    };
    let all_files: Arc<HashMap<String, _>> = Arc::new(
        compiled
            .image
            .files
            .iter()
            .map(|f| (f.name.clone(), f.descriptor.clone()))
            .collect(),
    );
    // protox's own pool; protoc's image is linked into one here.
    let pool = match &compiled.pool {
        Some(pool) => pool.clone(),
        None => prost_reflect::DescriptorPool::decode(compiled.image.encode().as_slice())
            .context("re-reading the compiled image")?,
    };
    let targets: HashSet<&str> = compiled.targets.iter().map(String::as_str).collect();
    let mut report = Report::of_files("proto lint");
    let mut diagnostics = Vec::new();
    for (index, module) in compiled.workspace.modules.iter().enumerate() {
        // The module's own `lint` block, else the top-level one.
        let config = ModuleLint::from_block(compiled.config.lint_for(index));
        let files: Vec<_> = module
            .files
            .iter()
            .filter(|f| targets.contains(f.name.as_str()))
            .collect();
        let set = protolint::from_image(
            &compiled.image,
            &files,
            all_files.clone(),
            &pool,
            config.options.clone(),
        );
        let levels = config
            .selection
            .resolve(&protolint::FAMILY)
            .map_err(Error::msg)?;
        for warning in &levels.warnings {
            eprintln!("warning: {warning}");
        }
        let linted = protolint::lint(&set, &levels, config.allow_comment_ignores);
        report.suppressed += linted.suppressed;
        let names: HashMap<&str, [&str; 2]> = files
            .iter()
            .map(|f| {
                (
                    f.source.name.as_str(),
                    [f.name.as_str(), f.workspace_path.as_str()],
                )
            })
            .collect();
        for d in linted.diagnostics {
            let known_as = names.get(d.file.as_str()).map_or(&[][..], |n| &n[..]);
            if config.ignores(&buf_rule_id(d.code.name), known_as) {
                report.suppressed += 1;
            } else {
                diagnostics.push(d);
            }
        }
        report.files.extend(set.files.iter().map(|file| FileEntry {
            name: file.source.name.clone(),
            documents: Vec::new(),
            diagnostics: Vec::new(),
        }));
    }
    // One pass puts every finding with its file.
    let position: std::collections::HashMap<String, usize> = report
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.clone(), i))
        .collect();
    for d in diagnostics {
        if let Some(&i) = position.get(&d.file) {
            report.files[i].diagnostics.push(d);
        }
    }
    finish(&report, &args.report, &args.buf, color)
}

/// Prints a proto lint or breaking report (buf's format, or the tool's
/// own) and returns the exit status, buf's 100 when asked for.
fn finish(
    report: &Report,
    report_args: &ReportArgs,
    buf: &BufCompatArgs,
    color: bool,
) -> Result<ExitStatus> {
    let status = match buf.error_format {
        Some(format) => {
            let all: Vec<_> = report.diagnostics().cloned().collect();
            output::print_stdout(buf_output(&all, format).as_bytes()).map_err(Error::msg)?;
            report.exit_status(report_args.fail_on.unwrap_or(crate::codes::Severity::Error))
        }
        None => super::emit_report(
            report,
            report_args,
            &crate::config::Config::default(),
            color,
        )?,
    };
    Ok(if buf.buf_exit_codes && status == ExitStatus::Findings {
        ExitStatus::BufFindings
    } else {
        status
    })
}

fn breaking(
    args: &ProtoBreakingArgs,
    section: Option<&ProtoSection>,
    color_choice: ColorChoice,
) -> Result<ExitStatus> {
    if args.buf.list_rules {
        output::print_stdout(protobreaking::FAMILY.table().as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    let color = commands::use_color(color_choice);
    let Some(against) = &args.against else {
        return Err(Error::msg("--against REF is required"));
    };
    let compiled = match compile_workspace(&args.dir, section, &args.workspace, color_choice)? {
        Ok(compiled) => compiled,
        Err(_) => return Ok(ExitStatus::Failure),
    };
    let groups = breaking_groups(&compiled)?;
    let previous = protobreaking::against::load(
        against,
        &args.dir,
        &protobreaking::against::Selection {
            paths: &args.workspace.paths,
            exclude_paths: &args.workspace.exclude_paths,
            compiler: args.workspace.compiler.into(),
            max_file_size: args.workspace.max_file_size,
        },
    )
    .with_context(|| format!("reading the previous version --against {against}"))?;
    let targets: Vec<_> = compiled
        .workspace
        .files()
        .filter(|f| compiled.targets.contains(&f.name))
        .collect();
    let current = protobreaking::Side::compiled(&compiled.image, &targets);
    // Configuration matches findings by the file they are in, or (for
    // deleted files) the file they were in: its names, its package and
    // its module (whose `breaking` block applies).
    let module_of = module_of_files(&compiled, &previous);
    let mut known: HashMap<&str, ([&str; 2], &str)> = HashMap::new();
    for file in &targets {
        let package = current
            .files
            .iter()
            .find(|f| f.name() == file.name)
            .map_or("", |f| f.descriptor.package());
        known.insert(
            file.source.name.as_str(),
            ([file.name.as_str(), file.workspace_path.as_str()], package),
        );
    }
    for file in &previous.files {
        known
            .entry(file.source.name.as_str())
            .or_insert(([file.name(), file.name()], file.descriptor.package()));
    }
    let mut report = Report::of_files("proto breaking");
    report
        .files
        .extend(current.files.iter().map(|file| FileEntry {
            name: file.source.name.clone(),
            documents: Vec::new(),
            diagnostics: Vec::new(),
        }));
    let position: HashMap<String, usize> = report
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.clone(), i))
        .collect();
    // One run per distinct `breaking` block; each keeps the findings
    // about its own modules' files.
    for group in &groups {
        for d in protobreaking::check(&previous, &current, &group.levels) {
            let about = if d.file.is_empty() {
                d.related.first().map(|r| r.location.source.name.as_str())
            } else {
                Some(d.file.as_str())
            };
            let module = about.and_then(|name| module_of.get(name)).copied();
            if !group.modules.contains(&module.unwrap_or(0)) {
                continue;
            }
            let (names, package) = about
                .and_then(|name| known.get(name))
                .map_or((&[][..], ""), |(names, package)| (&names[..], *package));
            if group
                .config
                .ignores(&buf_rule_id(d.code.name), names, package)
            {
                report.suppressed += 1;
                continue;
            }
            match position.get(&d.file) {
                Some(&i) => report.files[i].diagnostics.push(d),
                None => {
                    // About the whole input (a deleted file or package).
                    if report.files.last().is_none_or(|f| !f.name.is_empty()) {
                        report.files.push(FileEntry {
                            name: String::new(),
                            documents: Vec::new(),
                            diagnostics: Vec::new(),
                        });
                    }
                    if let Some(last) = report.files.last_mut() {
                        last.diagnostics.push(d);
                    }
                }
            }
        }
    }
    if groups.len() > 1 {
        // Each group's findings came in order; merged, they are put back in it.
        for entry in &mut report.files {
            entry
                .diagnostics
                .sort_by_key(|d| d.start().map(|p| (p.line, p.column)));
        }
    }
    finish(&report, &args.report, &args.buf, color)
}

/// The modules that share one `breaking` block, and how they are checked.
struct BreakingGroup {
    config: ModuleBreaking,
    levels: crate::engine::Levels,
    /// Indexes into the workspace's modules.
    modules: Vec<usize>,
}

/// The workspace's modules grouped by their `breaking` block (a module's
/// own, else the top-level one), as buf checks each module with its own.
fn breaking_groups(compiled: &commands::Compiled) -> Result<Vec<BreakingGroup>> {
    let mut blocks: Vec<(&BreakingBlock, Vec<usize>)> = Vec::new();
    for index in 0..compiled.workspace.modules.len().max(1) {
        let block = compiled.config.breaking_for(index);
        match blocks.iter_mut().find(|(b, _)| *b == block) {
            Some((_, modules)) => modules.push(index),
            None => blocks.push((block, vec![index])),
        }
    }
    blocks
        .into_iter()
        .map(|(block, modules)| {
            let config = ModuleBreaking::from_block(block);
            let levels = config
                .selection
                .resolve(&protobreaking::FAMILY)
                .map_err(Error::msg)?;
            for warning in &levels.warnings {
                eprintln!("warning: {warning}");
            }
            Ok(BreakingGroup {
                config,
                levels,
                modules,
            })
        })
        .collect()
}

/// The module (index into the workspace's) of every file of both sides,
/// by the name it is shown under. A previous file is in the module that
/// has a file of its import path now, else in the module whose path its
/// shown name ends with (`old/proto/a/x.proto` under `proto/a`); files of
/// an image, which has no modules, fall to the first module.
fn module_of_files<'a>(
    compiled: &'a commands::Compiled,
    previous: &'a protobreaking::Side,
) -> HashMap<&'a str, usize> {
    let mut module_of = HashMap::new();
    let mut by_import = HashMap::new();
    for (index, module) in compiled.workspace.modules.iter().enumerate() {
        for file in &module.files {
            module_of.insert(file.source.name.as_str(), index);
            by_import.insert(file.name.as_str(), index);
        }
    }
    // Longer module paths first: `.` would match every name.
    let mut paths: Vec<(usize, String)> = compiled
        .config
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                i,
                m.path
                    .trim_start_matches("./")
                    .trim_end_matches('/')
                    .to_string(),
            )
        })
        .collect();
    paths.sort_by_key(|(_, path)| std::cmp::Reverse(path.len()));
    for file in &previous.files {
        let shown = file.source.name.as_str();
        let module = by_import.get(file.name()).copied().or_else(|| {
            paths.iter().find_map(|(index, path)| {
                let suffix = if path.is_empty() || path == "." {
                    file.name().to_string()
                } else {
                    format!("{path}/{}", file.name())
                };
                let at = shown.len().checked_sub(suffix.len())?;
                let before = shown[..at].chars().next_back();
                (shown.ends_with(&suffix) && matches!(before, None | Some('/' | ':')))
                    .then_some(*index)
            })
        });
        module_of.entry(shown).or_insert(module.unwrap_or(0));
    }
    module_of
}
