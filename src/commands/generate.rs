//! `opensergo gen`: run a buf.gen.yaml v2 template's plugins over a proto
//! workspace (the OpenSergo protos by default) and write the stubs, all
//! or nothing; `--check` compares instead of writing, for CI.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};

use crate::commands::{ColorChoice, WorkspaceArgs, compile_opened, print_errors};
use crate::diagnostic::Diagnostic;
use crate::error::{ExitStatus, Result};
use crate::findings::{FileEntry, Report, plural};
use crate::proto::OUT_OF_DATE_STUB;
use crate::proto::cache::{Cache, RunKey, program_identity};
use crate::proto::generate::{self, Drift, PluginRun, SelectedPlugins};
use crate::proto::template::{
    self, InputConfig, InputFilter, PluginConfig, PluginSource, Template,
};
use crate::proto::{archive_input, git_input, managed};
use crate::protobuild::compile::{Image, find_program};
use crate::protobuild::prune;
use crate::protobuild::workspace::{Checked, Opened, ProtoSection, Workspace};
use crate::report::{self, Format, RenderOptions};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "The template is --template, else opensergo.gen.yaml, else buf.gen.yaml \
    in the current directory (buf.gen.yaml v2 format). Plugin outputs are held in memory: \
    nothing is written unless every plugin succeeds.\n\n\
    Exit codes: 0 done (with --check: everything current), 1 --check found stale, missing or \
    extra files, or the .proto files do not compile, 2 usage, template or plugin failure"
)]
pub struct GenArgs {
    /// The input directory (default: the template's `inputs`, else `.`;
    /// a directory without .proto files means the embedded OpenSergo protos).
    #[arg(value_name = "DIR")]
    pub input: Option<PathBuf>,

    /// The template: a file, or inline YAML/JSON.
    #[arg(long, value_name = "FILE")]
    pub template: Option<String>,

    /// Generate in memory and compare with the output directories; write
    /// nothing. Exit 1 listing stale, missing and extra files.
    #[arg(long)]
    pub check: bool,

    /// Run only this plugin of the template (repeatable): its `local`
    /// name (`protoc-gen-go` or `go`) or its `protoc_builtin` name.
    #[arg(long = "plugin", value_name = "NAME")]
    pub plugins: Vec<String>,

    /// Kill a plugin that runs longer than this (`30s`, `2m`).
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = parse_timeout)]
    pub timeout: Duration,

    /// Compile and run every plugin, ignoring the cache of earlier runs
    /// (under ~/.cache/opensergo/gen; keyed by the inputs' bytes, the
    /// template and the plugin binaries, checked in full, so it never
    /// changes the output).
    #[arg(long)]
    pub no_cache: bool,

    /// Format of the --check findings.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Human)]
    pub format: Format,

    #[command(flatten)]
    pub workspace: WorkspaceArgs,
}

fn parse_timeout(text: &str) -> std::result::Result<Duration, String> {
    let parsed = crate::duration::parse(text).map_err(|e| e.to_string())?;
    let millis = u64::try_from(parsed.millis).map_err(|_| format!("`{text}` is negative"))?;
    if millis == 0 {
        return Err("the timeout must be more than zero".into());
    }
    Ok(Duration::from_millis(millis))
}

/// Runs `gen`; `config` is the project configuration, whose `proto:`
/// section configures a directory input that is its directory.
pub fn run(
    args: &GenArgs,
    config: &crate::config::Config,
    color: ColorChoice,
) -> Result<ExitStatus> {
    let started = Instant::now();
    // Output paths stay relative to the current directory, as written.
    let cwd = PathBuf::new();
    let template = match load_template(args.template.as_deref(), &cwd)? {
        Ok(template) => template,
        Err(problems) => {
            print_errors(&problems, color);
            return Ok(ExitStatus::Failure);
        }
    };
    let selected = select_plugins(&template.plugins, &args.plugins)?;
    let plugins = SelectedPlugins::resolve(&template.plugins, &selected)?;
    let whole = InputFilter::default();
    let inputs: Vec<(InputConfig, &InputFilter)> = match &args.input {
        Some(dir) => vec![(InputConfig::Directory(dir.display().to_string()), &whole)],
        None if template.inputs.is_empty() => vec![(InputConfig::Directory(".".into()), &whole)],
        None => template
            .inputs
            .iter()
            .cloned()
            .zip(&template.input_filters)
            .collect(),
    };
    for warning in template.managed.warnings() {
        eprintln!("warning: {warning}");
    }
    // Every input is walked and read, but nothing compiled, before the
    // run cache is asked.
    let mut opened = Vec::new();
    for (input, filter) in &inputs {
        let selection = selection_of(&args.workspace, filter);
        match open_input(input, filter, selection, config.proto.as_ref())? {
            Ok(input) => opened.push(input),
            Err(problems) => {
                print_errors(&problems, color);
                return Ok(ExitStatus::Failure);
            }
        }
    }
    let cache = if args.no_cache { None } else { Cache::user() };
    let key = cache
        .as_ref()
        .and_then(|_| run_key(args, &template, &plugins, &inputs, &opened));
    let cached = cache
        .as_ref()
        .zip(key.as_ref())
        .and_then(|(cache, key)| cached_run(cache, key, &template, &selected, &cwd));
    let (runs, mut plan) = match cached {
        Some(cached) => {
            eprintln!(
                "gen: no input changed since the last run: nothing compiled, no plugin started"
            );
            cached
        }
        None => {
            let mut runs: Vec<PluginRun> = Vec::new();
            for (input, (_, filter)) in opened.into_iter().zip(&inputs) {
                let mut image = match compile_input(input, color)? {
                    Ok(image) => image,
                    Err(status) => return Ok(status),
                };
                if !filter.type_filter.is_empty() {
                    image = prune::filter_types(&image, &filter.type_filter).context("input")?;
                }
                managed::apply(&template.managed, &mut image)?;
                runs.extend(generate::run_plugins(
                    &template.plugins,
                    &plugins,
                    &image,
                    args.timeout,
                    cache.as_ref(),
                )?);
            }
            let plan = generate::assemble(&template.plugins, &runs, &cwd)?;
            if let Some((cache, key)) = cache.as_ref().zip(key.as_ref()) {
                cache.store_run(key, runs.iter().map(PluginRun::output).collect());
            }
            if let Some(cache) = &cache {
                cache.trim();
            }
            (runs, plan)
        }
    };
    for run in &runs {
        let cached = match run.cached {
            0 => String::new(),
            n if n == run.requests => " (all cached: inputs unchanged)".to_string(),
            n => format!(" ({n} cached)"),
        };
        eprintln!(
            "  {}: {} from {}{cached} in {} ms",
            template.plugins[run.plugin].name,
            plural(run.files.len(), "file"),
            plural(run.requests, "request"),
            run.elapsed.as_millis()
        );
    }
    if template.clean {
        plan.clean = clean_dirs(&template.plugins, &selected, &cwd);
    }
    if args.check {
        let drift = generate::check(&plan)?;
        return report_drift(&drift, plan.files.len(), args.format, color);
    }
    let written = generate::write(&plan)?;
    eprintln!(
        "gen: {}: {} written, {} unchanged, {} deleted in {} ms",
        plural(plan.files.len(), "file"),
        written.changed,
        written.unchanged,
        written.deleted,
        started.elapsed().as_millis()
    );
    Ok(ExitStatus::Success)
}

/// An input walked and read, not yet compiled.
enum OpenedInput {
    /// A workspace (a directory, a `proto_file`'s, a git revision's, an
    /// archive's) and the files of it to generate for.
    Workspace {
        /// Boxed: it is large and the other variant small.
        opened: Box<Opened>,
        selection: WorkspaceArgs,
        /// A `proto_file` with `include_package_files`: the files of its
        /// package are chosen once it is compiled.
        package_of: Option<String>,
    },
    /// A binary image's bytes.
    Image {
        path: String,
        bytes: Vec<u8>,
        selection: WorkspaceArgs,
    },
}

/// Walks and reads an input (git reads its revision; an archive is
/// unpacked in memory), or the problems of its configuration.
fn open_input(
    input: &InputConfig,
    filter: &InputFilter,
    selection: WorkspaceArgs,
    section: Option<&ProtoSection>,
) -> Result<Checked<OpenedInput>> {
    let open_dir = |dir: &str| {
        Workspace::open(
            Path::new(dir),
            section,
            selection.max_file_size,
            crate::convert::descriptors::proto_sources(),
        )
    };
    let (opened, selection, package_of) = match input {
        InputConfig::Directory(dir) => (open_dir(dir)?, selection, None),
        InputConfig::ProtoFile(file) => {
            let opened = open_dir(".")?;
            if filter.include_package_files {
                (opened, selection, Some(file.clone()))
            } else {
                let one = WorkspaceArgs {
                    paths: vec![file.clone()],
                    ..selection
                };
                (opened, one, None)
            }
        }
        InputConfig::Git(git) => (git_input::open(git)?, selection, None),
        InputConfig::Archive(archive) => (
            archive_input::open(archive, selection.max_file_size)?,
            selection,
            None,
        ),
        InputConfig::BinaryImage(path) => {
            let limit = selection.max_file_size;
            let bytes = crate::input::read_bounded(Path::new(path), limit)
                .map_err(|e| anyhow::anyhow!(e.message("image", Path::new(path), limit)))?;
            return Ok(Ok(OpenedInput::Image {
                path: path.clone(),
                bytes,
                selection,
            }));
        }
    };
    Ok(opened.map(|opened| OpenedInput::Workspace {
        opened: Box::new(opened),
        selection,
        package_of,
    }))
}

/// The run cache's key (see [`crate::proto::cache`]): `None` when a
/// plugin has no identity or the current directory is unknown, and the
/// run is not cached whole.
fn run_key(
    args: &GenArgs,
    template: &Template,
    plugins: &SelectedPlugins,
    inputs: &[(InputConfig, &InputFilter)],
    opened: &[OpenedInput],
) -> Option<RunKey> {
    let identities = plugins.identities()?;
    let cwd = std::env::current_dir().ok()?;
    let slot = format!(
        "{cwd:?} {:?} {:?} {:?}",
        args.template, args.input, args.plugins
    );
    let mut key = RunKey::new(slot);
    key.part("cwd", cwd.as_os_str().as_encoded_bytes());
    key.part("template", format!("{template:?}"));
    key.part("plugins", format!("{:?}", plugins.indexes()));
    for identity in identities {
        key.part("plugin identity", identity);
    }
    // protoc compiles what protox cannot (and with `--compiler protoc`).
    let protoc = find_program("protoc").map(|path| program_identity(&path));
    key.part("protoc", protoc.unwrap_or_default());
    for ((input, filter), opened) in inputs.iter().zip(opened) {
        key.part("input", format!("{input:?} {filter:?}"));
        match opened {
            OpenedInput::Workspace {
                opened,
                selection,
                package_of,
            } => {
                key.part("selection", format!("{selection:?} {package_of:?}"));
                key.workspace(opened);
            }
            OpenedInput::Image {
                path,
                bytes,
                selection,
            } => {
                key.part("selection", format!("{selection:?}"));
                key.part("image", path);
                key.part("bytes", bytes);
            }
        }
    }
    Some(key)
}

/// The last run's plugin outputs and their assembly, when the run cache
/// holds this exact key and the entry assembles (it is untrusted data:
/// one that does not, a name leaving `out` say, is a miss).
fn cached_run(
    cache: &Cache,
    key: &RunKey,
    template: &Template,
    selected: &[usize],
    base: &Path,
) -> Option<(Vec<PluginRun>, generate::Plan)> {
    let outputs = cache.lookup_run(key)?;
    let assembled = outputs
        .into_iter()
        .map(|output| PluginRun::from_output(output, selected))
        .collect::<Result<Vec<_>>>()
        .and_then(|runs| {
            let plan = generate::assemble(&template.plugins, &runs, base)?;
            Ok((runs, plan))
        });
    match assembled {
        Ok(cached) => Some(cached),
        Err(error) => {
            eprintln!(
                "note: the cached result of the last run is not usable ({error:#}): running in full"
            );
            None
        }
    }
}

/// `--template`, else the first template file in the directory.
fn load_template(
    spec: Option<&str>,
    dir: &Path,
) -> Result<crate::protobuild::workspace::Checked<Template>> {
    if let Some(spec) = spec {
        return template::load(spec);
    }
    let Some(found) = template::TEMPLATE_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|path| path.is_file())
    else {
        bail!(
            "no {} here: write one (see \"Generating SDK stubs\" in the README) or pass --template",
            template::TEMPLATE_NAMES.join(" or ")
        );
    };
    template::load(&found.display().to_string())
}

/// The indexes of the plugins `--plugin` names (all without it).
fn select_plugins(plugins: &[PluginConfig], wanted: &[String]) -> Result<Vec<usize>> {
    if wanted.is_empty() {
        return Ok((0..plugins.len()).collect());
    }
    let names = |plugin: &PluginConfig| -> Vec<String> {
        match &plugin.source {
            PluginSource::Local(argv) => {
                let program = argv[0].rsplit('/').next().unwrap_or(&argv[0]).to_string();
                let short = program.trim_start_matches("protoc-gen-").to_string();
                vec![plugin.name.clone(), program, short]
            }
            PluginSource::ProtocBuiltin { name, .. } => vec![plugin.name.clone(), name.clone()],
        }
    };
    for name in wanted {
        if !plugins.iter().any(|p| names(p).contains(name)) {
            let known: Vec<&str> = plugins.iter().map(|p| p.name.as_str()).collect();
            bail!(
                "--plugin {name}: the template has no such plugin (it has: {})",
                known.join(", ")
            );
        }
    }
    Ok((0..plugins.len())
        .filter(|&i| wanted.iter().any(|w| names(&plugins[i]).contains(w)))
        .collect())
}

/// The files an input generates for: `--path` and `--exclude-path`
/// when given (the command line wins, as in buf), else the input's
/// `paths` and `exclude_paths`.
fn selection_of(flags: &WorkspaceArgs, filter: &InputFilter) -> WorkspaceArgs {
    let or_input = |flag: &Vec<String>, input: &Vec<String>| {
        if flag.is_empty() { input } else { flag }.clone()
    };
    WorkspaceArgs {
        paths: or_input(&flags.paths, &filter.paths),
        exclude_paths: or_input(&flags.exclude_paths, &filter.exclude_paths),
        compiler: flags.compiler,
        max_file_size: flags.max_file_size,
    }
}

/// The compiled input, or the exit status when it does not compile.
fn compile_input(
    input: OpenedInput,
    color: ColorChoice,
) -> Result<std::result::Result<Image, ExitStatus>> {
    match input {
        OpenedInput::Workspace {
            opened,
            selection,
            package_of: None,
        } => Ok(compile_opened(Ok(*opened), &selection, color)?.map(|c| c.image)),
        OpenedInput::Workspace {
            opened,
            selection,
            package_of: Some(file),
        } => {
            let paths = match package_files(&file, &opened, &selection, color)? {
                Ok(paths) => paths,
                Err(status) => return Ok(Err(status)),
            };
            let package = WorkspaceArgs { paths, ..selection };
            Ok(compile_opened(Ok(*opened), &package, color)?.map(|c| c.image))
        }
        OpenedInput::Image {
            path,
            bytes,
            selection,
        } => {
            // Every file of a plain FileDescriptorSet is generated for,
            // except the well-known types, and as `paths` choose.
            let probe =
                Image::decode(&bytes, &HashSet::new()).with_context(|| format!("image {path}"))?;
            let targets: HashSet<&str> = probe
                .files
                .iter()
                .map(|f| f.name.as_str())
                .filter(|name| !name.starts_with("google/protobuf/"))
                .filter(|name| {
                    selection.paths.is_empty() || selection.paths.iter().any(|p| is_under(name, p))
                })
                .filter(|name| !selection.exclude_paths.iter().any(|p| is_under(name, p)))
                .collect();
            if targets.is_empty() {
                bail!(
                    "image {path}: its `paths` and `exclude_paths` leave no file to generate for"
                );
            }
            Ok(Ok(Image::decode(&bytes, &targets)?))
        }
    }
}

/// Whether import path `name` is `wanted` or under it.
fn is_under(name: &str, wanted: &str) -> bool {
    let wanted = wanted.trim_end_matches('/');
    name == wanted || (name.starts_with(wanted) && name.as_bytes().get(wanted.len()) == Some(&b'/'))
}

/// `file` and the other files of its package in the workspace of the
/// current directory (`include_package_files`), by import path.
fn package_files(
    file: &str,
    opened: &Opened,
    selection: &WorkspaceArgs,
    color: ColorChoice,
) -> Result<std::result::Result<Vec<String>, ExitStatus>> {
    let all = WorkspaceArgs {
        paths: Vec::new(),
        exclude_paths: selection.exclude_paths.clone(),
        compiler: selection.compiler,
        max_file_size: selection.max_file_size,
    };
    let compiled = match compile_opened(Ok(opened.clone()), &all, color)? {
        Ok(compiled) => compiled,
        Err(status) => return Ok(Err(status)),
    };
    let Some(named) = compiled
        .workspace
        .files()
        .find(|f| file.ends_with(".proto") && f.is_under(file))
    else {
        bail!("proto_file {file}: no such .proto file in the workspace of the current directory");
    };
    let package_of = |name: &str| {
        compiled
            .image
            .files
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.descriptor.package().to_string())
    };
    let package = package_of(&named.name);
    Ok(Ok(compiled
        .targets
        .iter()
        .filter(|name| package_of(name) == package)
        .cloned()
        .collect()))
}

/// The `out` directories `clean: true` may prune: those of the selected
/// plugins that no unselected plugin shares (its files are not
/// regenerated in this run, so they must stay).
fn clean_dirs(plugins: &[PluginConfig], selected: &[usize], base: &Path) -> Vec<PathBuf> {
    let kept: HashSet<&str> = (0..plugins.len())
        .filter(|i| !selected.contains(i))
        .map(|i| plugins[i].out.as_str())
        .collect();
    let mut dirs: Vec<PathBuf> = selected
        .iter()
        .map(|&i| plugins[i].out.as_str())
        .filter(|out| !kept.contains(out))
        .map(|out| base.join(out))
        .collect();
    dirs.sort();
    dirs.dedup();
    dirs
}

fn report_drift(
    drift: &[Drift],
    generated: usize,
    format: Format,
    color: ColorChoice,
) -> Result<ExitStatus> {
    let mut report = Report::new("gen");
    for item in drift {
        let (path, diagnostic) = match item {
            Drift::Stale { path, plugin, diff } => {
                let d = Diagnostic::new(
                    OUT_OF_DATE_STUB,
                    format!("stale: differs from what `{plugin}` generates"),
                );
                let d = match diff {
                    Some(diff) => d.with_help(diff.clone()),
                    None => d.with_help("binary content differs"),
                };
                (path, d)
            }
            Drift::Missing { path, plugin } => (
                path,
                Diagnostic::new(
                    OUT_OF_DATE_STUB,
                    format!("missing: `{plugin}` generates it"),
                ),
            ),
            Drift::Extra { path } => (
                path,
                Diagnostic::new(
                    OUT_OF_DATE_STUB,
                    "extra: not generated, and `clean: true` would delete it",
                ),
            ),
        };
        let name = path.display().to_string();
        report.files.push(FileEntry {
            name: name.clone(),
            documents: Vec::new(),
            diagnostics: vec![diagnostic.in_file(name)],
        });
    }
    let options = RenderOptions {
        color: crate::commands::use_color(color),
        quiet: true,
        counts: false,
    };
    crate::output::print_stdout(report::render(format, &report, &options).as_bytes())
        .map_err(anyhow::Error::msg)?;
    if drift.is_empty() {
        eprintln!("gen --check: {} current", plural(generated, "file"));
        Ok(ExitStatus::Success)
    } else {
        eprintln!(
            "gen --check: {} out of date; run `opensergo gen` and commit the result",
            plural(drift.len(), "file")
        );
        Ok(ExitStatus::Findings)
    }
}
