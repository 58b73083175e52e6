//! `opensergo proto`: the OpenSergo .proto definitions, and building any
//! proto workspace into an image as `buf build` does.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Args, Subcommand};

use super::ReportArgs;
use crate::commands::{self, ColorChoice, WorkspaceArgs, compile_workspace};
use crate::convert::descriptors;
use crate::error::{Error, ExitStatus, Result};
use crate::findings::plural;
use crate::findings::{FileEntry, Report};
use crate::output;
use crate::protobreaking::{self, config::ModuleBreaking};
use crate::protobuild::buf_rule_id;
use crate::protobuild::workspace::check_blocks;
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
        after_help = "The workspace is DIR's buf.yaml (v2 `modules`, v1 `build.excludes`) \
        as is, else every .proto file under DIR, else (none there) the embedded OpenSergo protos.\n\n\
        Exit codes: 0 built, 1 the .proto files do not compile, 2 usage or I/O error"
    )]
    Build(BuildArgs),
    /// Lint .proto files with buf's rules (IDs, categories and buf.yaml
    /// configuration as buf has them).
    #[command(after_help = PROTO_LINT_EXIT_CODES)]
    Lint(ProtoLintArgs),
    /// Check a proto workspace for changes that break its previous version
    /// (a directory, a descriptor-set image or a git revision), with buf's
    /// rules and buf.yaml `breaking` configuration.
    #[command(after_help = PROTO_BREAKING_EXIT_CODES)]
    Breaking(ProtoBreakingArgs),
    /// A .proto file for a kind's spec, from its JSON Schema: one message
    /// per object, stable field numbers (--previous), buf STANDARD style.
    #[command(
        after_help = "Exit codes: 0 written, 1 the schema cannot be generated compatibly (nothing written), 2 usage or I/O error"
    )]
    FromSchema(super::schemagen::FromSchemaArgs),
    /// Format .proto files in the style `buf format` writes.
    #[command(after_help = super::proto_format::EXIT_CODES)]
    Format(super::proto_format::FormatArgs),
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
    /// The workspace: a directory with a buf.yaml (v2 or v1), or a module
    /// root. With no .proto files in it, the embedded OpenSergo protos.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// The previous version: a directory, a descriptor-set image
    /// (`.binpb`), or a git revision (`main`, `v1.2.0`, `origin/main`, a
    /// commit, `.git#branch=main`) read from the local object store.
    #[arg(long, value_name = "REF", required_unless_present = "list_rules")]
    pub against: Option<String>,

    #[command(flatten)]
    pub workspace: WorkspaceArgs,

    /// Refuse files (in the --against revision or image) larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::document::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,

    #[command(flatten)]
    pub report: ReportArgs,

    #[command(flatten)]
    pub buf: BufCompatArgs,
}

#[derive(Debug, Args)]
pub struct ProtoLintArgs {
    /// The workspace: a directory with a buf.yaml (v2 or v1), or a module
    /// root. With no .proto files in it, the embedded OpenSergo protos
    /// are linted.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    #[command(flatten)]
    pub workspace: WorkspaceArgs,

    #[command(flatten)]
    pub report: ReportArgs,

    #[command(flatten)]
    pub buf: BufCompatArgs,
}

pub fn run(command: &ProtoCommand, color: ColorChoice) -> Result<ExitStatus> {
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
        ProtoCommand::Build(args) => build(args, color),
        ProtoCommand::Lint(args) => lint(args, color),
        ProtoCommand::Breaking(args) => breaking(args, color),
        ProtoCommand::FromSchema(args) => super::schemagen::from_schema(args, color),
        ProtoCommand::Format(args) => super::proto_format::run(args, color),
    }
}

fn build(args: &BuildArgs, color: ColorChoice) -> Result<ExitStatus> {
    let started = Instant::now();
    let commands::Compiled {
        image, compiler, ..
    } = match compile_workspace(&args.dir, &args.workspace, color)? {
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

fn lint(args: &ProtoLintArgs, color_choice: ColorChoice) -> Result<ExitStatus> {
    let color = commands::use_color(color_choice);
    if args.buf.list_rules {
        output::print_stdout(protolint::FAMILY.table().as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    let compiled = match compile_workspace(&args.dir, &args.workspace, color_choice)? {
        Ok(compiled) => compiled,
        // Files that do not compile cannot be linted: a usage error here.
        Err(_) => return Ok(ExitStatus::Failure),
    };
    let blocks = check_blocks(&args.dir, "lint")?;
    let all_files: Arc<HashMap<String, _>> = Arc::new(
        compiled
            .image
            .files
            .iter()
            .map(|f| (f.name.clone(), f.descriptor.clone()))
            .collect(),
    );
    let pool = prost_reflect::DescriptorPool::decode(compiled.image.encode().as_slice())
        .context("re-reading the compiled image")?;
    let targets: HashSet<&str> = compiled.targets.iter().map(String::as_str).collect();
    let mut report = Report::of_files("proto lint");
    let mut diagnostics = Vec::new();
    for (index, module) in compiled.workspace.modules.iter().enumerate() {
        let config = match &blocks {
            Some(blocks) => ModuleLint::from_block(blocks.for_module(index), &blocks.version)
                .map_err(Error::msg)?,
            None => ModuleLint::default(),
        };
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

fn breaking(args: &ProtoBreakingArgs, color_choice: ColorChoice) -> Result<ExitStatus> {
    if args.buf.list_rules {
        output::print_stdout(protobreaking::FAMILY.table().as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    let color = commands::use_color(color_choice);
    let Some(against) = &args.against else {
        return Err(Error::msg("--against REF is required"));
    };
    let compiled = match compile_workspace(&args.dir, &args.workspace, color_choice)? {
        Ok(compiled) => compiled,
        Err(_) => return Ok(ExitStatus::Failure),
    };
    let config = breaking_config(&args.dir)?;
    let levels = config
        .selection
        .resolve(&protobreaking::FAMILY)
        .map_err(Error::msg)?;
    for warning in &levels.warnings {
        eprintln!("warning: {warning}");
    }
    let previous = protobreaking::against::load(
        against,
        &args.dir,
        &protobreaking::against::Selection {
            paths: &args.workspace.paths,
            exclude_paths: &args.workspace.exclude_paths,
            compiler: args.workspace.compiler.into(),
            max_file_size: args.max_file_size,
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
    // deleted files) the file they were in.
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
    for d in protobreaking::check(&previous, &current, &levels) {
        let about = if d.file.is_empty() {
            d.related.first().map(|r| r.location.source.name.as_str())
        } else {
            Some(d.file.as_str())
        };
        let (names, package) = about
            .and_then(|name| known.get(name))
            .map_or((&[][..], ""), |(names, package)| (&names[..], *package));
        if config.ignores(&buf_rule_id(d.code.name), names, package) {
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
    finish(&report, &args.report, &args.buf, color)
}

/// The `breaking` block of the workspace's buf.yaml. buf checks each
/// module with its own block; one run here takes one block, so modules
/// with different blocks are refused rather than checked with the wrong one.
fn breaking_config(dir: &std::path::Path) -> Result<ModuleBreaking> {
    let Some(blocks) = check_blocks(dir, "breaking")? else {
        return Ok(ModuleBreaking::default());
    };
    let first = blocks.for_module(0);
    if blocks.modules.iter().any(|b| b != first) {
        return Err(Error::msg(
            "the modules of buf.yaml have different `breaking` blocks; proto breaking takes one: put it at the top level",
        ));
    }
    ModuleBreaking::from_block(first).map_err(Error::msg)
}
