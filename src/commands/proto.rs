//! `opensergo proto`: the OpenSergo .proto definitions, and building any
//! proto workspace into an image as `buf build` does.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Args, Subcommand};

use super::ReportArgs;
use crate::commands::{self, ColorChoice, WorkspaceArgs, compile_workspace, plural};
use crate::convert::descriptors;
use crate::error::{Error, ExitStatus, Result};
use crate::findings::{FileEntry, Report};
use crate::output;
use crate::protolint::{self, BufFormat, config::ModuleLint};

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
    /// A .proto file for a kind's spec, from its JSON Schema: one message
    /// per object, stable field numbers (--previous), buf STANDARD style.
    #[command(
        after_help = "Exit codes: 0 written, 1 the schema cannot be generated compatibly (nothing written), 2 usage or I/O error"
    )]
    FromSchema(super::schemagen::FromSchemaArgs),
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

#[derive(Debug, Args)]
pub struct ProtoLintArgs {
    /// The workspace: a directory with a buf.yaml (v2 or v1), or a module
    /// root. With no .proto files in it, the embedded OpenSergo protos
    /// are linted.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    #[command(flatten)]
    pub report: ReportArgs,

    /// Print findings as `buf lint --error-format` does (instead of --format).
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "format")]
    pub error_format: Option<BufFormat>,

    /// Exit 100 on findings, as buf does.
    #[arg(long)]
    pub buf_exit_codes: bool,

    /// Print the table of proto lint rules and exit.
    #[arg(long)]
    pub list_rules: bool,
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
        ProtoCommand::Lint(args) => lint(args, commands::use_color(color)),
        ProtoCommand::FromSchema(args) => super::schemagen::from_schema(args, color),
    }
}

fn build(args: &BuildArgs, color: ColorChoice) -> Result<ExitStatus> {
    let started = Instant::now();
    let (image, compiler) = match compile_workspace(&args.dir, &args.workspace, color)? {
        Ok(built) => built,
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

/// The modules to lint: buf.yaml's, else the directory itself when it
/// holds .proto files, else the embedded OpenSergo protos (written to a
/// private temporary directory, shown under their import paths).
fn modules(dir: &std::path::Path) -> Result<(Vec<ModuleLint>, Option<tempfile::TempDir>)> {
    if let Some(modules) = protolint::config::read(dir).map_err(Error::msg)? {
        return Ok((modules, None));
    }
    let has_protos = ignore::WalkBuilder::new(dir)
        .build()
        .filter_map(std::result::Result::ok)
        .any(|e| e.path().extension().is_some_and(|x| x == "proto"));
    if has_protos {
        return Ok((vec![ModuleLint::defaults(dir.to_path_buf())], None));
    }
    let embedded = tempfile::tempdir().context("creating a directory for the embedded protos")?;
    for (path, text) in descriptors::proto_sources() {
        let target = embedded.path().join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, text)?;
    }
    let module = ModuleLint::defaults(embedded.path().to_path_buf());
    Ok((vec![module], Some(embedded)))
}

fn lint(args: &ProtoLintArgs, color: bool) -> Result<ExitStatus> {
    if args.list_rules {
        output::print_stdout(protolint::FAMILY.table().as_bytes()).map_err(Error::msg)?;
        return Ok(ExitStatus::Success);
    }
    let (modules, embedded) = modules(&args.dir)?;
    let mut report = Report::of_files("proto lint");
    let mut diagnostics = Vec::new();
    for module in &modules {
        let shown = match &embedded {
            Some(_) => std::path::PathBuf::new(),
            // As buf shows them: relative to where the command runs, with
            // no `./` segments.
            None => module
                .root
                .components()
                .filter(|c| !matches!(c, std::path::Component::CurDir))
                .collect(),
        };
        let mut set = protolint::load_module(&module.root, &shown, &module.excludes)
            .map_err(Error::msg)
            .with_context(|| format!("compiling the module at {}", module.root.display()))?;
        set.options = module.options.clone();
        let levels = module
            .selection
            .resolve(&protolint::FAMILY)
            .map_err(Error::msg)?;
        for warning in &levels.warnings {
            eprintln!("warning: {warning}");
        }
        let linted = protolint::lint(&set, &levels, module.allow_comment_ignores);
        report.suppressed += linted.suppressed;
        let import_paths: std::collections::HashMap<&str, &str> = set
            .files
            .iter()
            .map(|f| (f.source.name.as_str(), f.name()))
            .collect();
        for d in linted.diagnostics {
            let relative = import_paths.get(d.file.as_str()).copied().unwrap_or("");
            if module.ignores(&protolint::buf_id(d.code.name), relative) {
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
    let status = match args.error_format {
        Some(format) => {
            let all: Vec<_> = report.diagnostics().cloned().collect();
            output::print_stdout(protolint::buf_output(&all, format).as_bytes())
                .map_err(Error::msg)?;
            report.exit_status(args.report.fail_on.unwrap_or(crate::codes::Severity::Error))
        }
        None => super::emit_report(
            &report,
            &args.report,
            &crate::config::Config::default(),
            color,
        )?,
    };
    Ok(if args.buf_exit_codes && status == ExitStatus::Findings {
        ExitStatus::BufFindings
    } else {
        status
    })
}
