//! Running a template's plugins over an image and writing what they
//! generate: all of it, or none of it.
//!
//! Every plugin runs first (in parallel, across plugins and across
//! directories with `strategy: directory`, bounded by the core count);
//! its responses stay in memory. Only when every one succeeded are the
//! files assembled (insertion points applied, a file generated twice is
//! an error naming both plugins, a path leaving `out` is refused) and
//! then written, skipping files whose content is already on disk.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, anyhow, bail};
use prost::Message as _;
use rayon::prelude::*;

use super::cache::{self, Cache, PluginOutput};
use super::plugin::{self, CodeGeneratorRequest, GeneratedFile};
use super::template::{PluginConfig, PluginSource, Strategy};
use crate::error::Result;
use crate::protobuild::compile::{Image, encode_file_set};
use prost::bytes::Bytes;

/// The generators protoc has built in (`protoc_builtin:`).
const PROTOC_BUILTINS: &[&str] = &[
    "cpp", "csharp", "java", "js", "kotlin", "objc", "php", "pyi", "python", "ruby", "rbs", "rust",
];

/// How a plugin is started.
#[derive(Debug, Clone)]
enum Runner {
    /// A program speaking the plugin protocol on stdin/stdout.
    Program(Vec<OsString>),
    /// protoc running one of its own generators.
    Protoc { protoc: Vec<OsString>, name: String },
}

/// The program a template's plugin runs, found before anything starts.
fn runner(plugin: &PluginConfig) -> Result<Runner> {
    match &plugin.source {
        PluginSource::Local(argv) => {
            let (program, args) = argv.split_first().context("an empty `local` command")?;
            let prefixed = format!("protoc-gen-{program}");
            let found = plugin::find_program(program).or_else(|| {
                (argv.len() == 1 && !program.contains('/'))
                    .then(|| plugin::find_program(&prefixed))
                    .flatten()
            });
            if let Some(path) = found {
                let mut full = vec![path.into_os_string()];
                full.extend(args.iter().map(OsString::from));
                return Ok(Runner::Program(full));
            }
            // As buf does: a missing `protoc-gen-java` falls back to protoc's own.
            let builtin = program.trim_start_matches("protoc-gen-");
            if argv.len() == 1 && PROTOC_BUILTINS.contains(&builtin) {
                return protoc_runner(&["protoc".to_string()], builtin);
            }
            bail!(
                "plugin `{}` not found: neither `{program}` nor `{prefixed}` is on PATH (or give a path)",
                plugin.name
            )
        }
        PluginSource::ProtocBuiltin { name, protoc } => protoc_runner(protoc, name),
    }
}

impl Runner {
    /// What the cache keys on: the program's identity (an upgraded plugin
    /// or protoc misses) and the generator. `None` for a command line with
    /// arguments (`go run ./cmd/gen`, `python -m ...`): what it runs is not
    /// known from the outside, so it always runs.
    fn identity(&self) -> Option<String> {
        match self {
            Runner::Program(argv) if argv.len() == 1 => {
                Some(cache::program_identity(Path::new(&argv[0])))
            }
            Runner::Protoc { protoc, name } if protoc.len() == 1 => Some(format!(
                "{} --{name}_out",
                cache::program_identity(Path::new(&protoc[0]))
            )),
            _ => None,
        }
    }
}

fn protoc_runner(protoc: &[String], name: &str) -> Result<Runner> {
    let (program, args) = protoc.split_first().context("an empty `protoc_path`")?;
    let path = plugin::find_program(program)
        .ok_or_else(|| anyhow!("`{program}` (for protoc_builtin: {name}) is not on PATH; install protoc or set `protoc_path`"))?;
    let mut full = vec![path.into_os_string()];
    full.extend(args.iter().map(OsString::from));
    Ok(Runner::Protoc {
        protoc: full,
        name: name.to_string(),
    })
}

/// The requests one plugin gets for an image: one per directory of the
/// files to generate (`strategy: directory`, directories in name order)
/// or one for all of them.
pub fn requests(plugin: &PluginConfig, image: &Image) -> Vec<CodeGeneratorRequest> {
    let generate: Vec<usize> = image
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            !f.is_import
                || (plugin.include_imports
                    && (plugin.include_wkt || !f.name.starts_with("google/protobuf/")))
        })
        .map(|(i, _)| i)
        .collect();
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &generate {
        let name = image.files[i].name.as_str();
        let directory = match plugin.strategy {
            Strategy::Directory => name.rsplit_once('/').map_or("", |(dir, _)| dir),
            Strategy::All => "",
        };
        groups.entry(directory).or_default().push(i);
    }
    let index: HashMap<&str, usize> = image
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.as_str(), i))
        .collect();
    groups
        .into_values()
        .map(|members| {
            // Everything the files import, transitively, in image order
            // (which is topological).
            let mut needed = vec![false; image.files.len()];
            let mut pending = members.clone();
            while let Some(i) = pending.pop() {
                if std::mem::replace(&mut needed[i], true) {
                    continue;
                }
                for dependency in &image.files[i].descriptor.dependency {
                    if let Some(&d) = index.get(dependency.as_str()) {
                        pending.push(d);
                    }
                }
            }
            CodeGeneratorRequest {
                file_to_generate: members
                    .iter()
                    .map(|&i| image.files[i].name.clone())
                    .collect(),
                parameter: plugin.parameter(),
                proto_file: (0..image.files.len())
                    .filter(|&i| needed[i])
                    .map(|i| image.files[i].encoded.clone())
                    .collect(),
                source_file_descriptors: members
                    .iter()
                    .map(|&i| image.files[i].encoded.clone())
                    .collect(),
            }
        })
        .collect()
}

/// What one plugin produced, once it succeeded.
pub struct PluginRun {
    /// Index into the template's plugins.
    pub plugin: usize,
    /// The files of every response, in request order.
    pub files: Vec<GeneratedFile>,
    pub requests: usize,
    /// Requests answered from the cache, without running the plugin.
    pub cached: usize,
    pub elapsed: Duration,
}

impl PluginRun {
    /// What the run cache keeps of it.
    pub fn output(&self) -> PluginOutput {
        PluginOutput {
            plugin: self.plugin as u64,
            requests: self.requests as u64,
            files: self.files.clone(),
        }
    }

    /// A run answered whole from the run cache: refused unless it is of
    /// a `selected` plugin (the entry is untrusted data).
    pub fn from_output(output: PluginOutput, selected: &[usize]) -> Result<PluginRun> {
        let plugin = usize::try_from(output.plugin)
            .ok()
            .filter(|i| selected.contains(i))
            .ok_or_else(|| anyhow!("plugin #{} is not one this run runs", output.plugin))?;
        let requests = usize::try_from(output.requests).context("a request count")?;
        Ok(PluginRun {
            plugin,
            files: output.files,
            requests,
            cached: requests,
            elapsed: Duration::ZERO,
        })
    }
}

/// The selected plugins of a template, each with the program it runs,
/// found before anything is compiled.
pub struct SelectedPlugins {
    runners: Vec<(usize, Runner)>,
}

impl SelectedPlugins {
    /// Finds the program of each `selected` plugin (indexes into
    /// `plugins`); an error names the first one missing.
    pub fn resolve(plugins: &[PluginConfig], selected: &[usize]) -> Result<SelectedPlugins> {
        let runners = selected
            .iter()
            .map(|&i| runner(&plugins[i]).map(|r| (i, r)))
            .collect::<Result<Vec<_>>>()?;
        Ok(SelectedPlugins { runners })
    }

    /// The indexes of the plugins, in template order.
    pub fn indexes(&self) -> Vec<usize> {
        self.runners.iter().map(|(i, _)| *i).collect()
    }

    /// Each plugin's identity, as the response cache keys on it; `None`
    /// when one has none (a command line with arguments).
    pub fn identities(&self) -> Option<Vec<String>> {
        self.runners.iter().map(|(_, r)| r.identity()).collect()
    }
}

/// Runs the selected plugins over the image, in parallel, answering from
/// `cache` what it holds. Every failure is collected; the result is an
/// error when any plugin failed, naming each with its stderr.
pub fn run_plugins(
    plugins: &[PluginConfig],
    selected: &SelectedPlugins,
    image: &Image,
    timeout: Duration,
    cache: Option<&Cache>,
) -> Result<Vec<PluginRun>> {
    let mut jobs: Vec<(usize, &Runner, CodeGeneratorRequest)> = Vec::new();
    for (i, runner) in &selected.runners {
        let plugin = &plugins[*i];
        let pruned;
        let plugin_image = if plugin.type_filter.is_empty() {
            image
        } else {
            pruned = crate::protobuild::prune::filter_types(image, &plugin.type_filter)
                .with_context(|| format!("plugin {}", plugin.name))?;
            &pruned
        };
        jobs.extend(
            requests(plugin, plugin_image)
                .into_iter()
                .map(|request| (*i, runner, request)),
        );
    }
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    type JobResult = (usize, Result<(Vec<GeneratedFile>, bool)>, Duration);
    let results: Vec<JobResult> = pool.install(|| {
        jobs.par_iter()
            .map(|(i, runner, request)| {
                let job_started = Instant::now();
                let identity = runner.identity();
                let encoded = request.encode_to_vec();
                let cache = cache.zip(identity.as_deref());
                let result = match cache.and_then(|(c, id)| c.lookup(id, &encoded)) {
                    Some(files) => Ok((files, true)),
                    None => run_job(&plugins[*i], runner, request, timeout)
                        .inspect(|files| {
                            if let Some((cache, identity)) = cache {
                                cache.store(identity, &encoded, files);
                            }
                        })
                        .map(|files| (files, false)),
                };
                (*i, result, job_started.elapsed())
            })
            .collect()
    });
    let mut runs: BTreeMap<usize, PluginRun> = selected
        .indexes()
        .into_iter()
        .map(|i| {
            (
                i,
                PluginRun {
                    plugin: i,
                    files: Vec::new(),
                    requests: 0,
                    cached: 0,
                    elapsed: Duration::ZERO,
                },
            )
        })
        .collect();
    let mut failures = Vec::new();
    for (i, result, elapsed) in results {
        let run = runs.get_mut(&i).expect("a selected plugin");
        run.requests += 1;
        run.elapsed = run.elapsed.max(elapsed);
        match result {
            Ok((files, cached)) => {
                run.files.extend(files);
                run.cached += usize::from(cached);
            }
            Err(error) => failures.push(format!("plugin `{}`: {error:#}", plugins[i].name)),
        }
    }
    if !failures.is_empty() {
        failures.dedup();
        bail!(
            "{} of the plugins failed; nothing was written:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
    Ok(runs.into_values().collect())
}

fn run_job(
    plugin: &PluginConfig,
    runner: &Runner,
    request: &CodeGeneratorRequest,
    timeout: Duration,
) -> Result<Vec<GeneratedFile>> {
    let files = match runner {
        Runner::Program(argv) => {
            let (response, stderr) = plugin::call(argv, request, timeout)?;
            if !stderr.trim().is_empty() {
                eprintln!("{}: {}", plugin.name, stderr.trim_end());
            }
            check_features(plugin, request, response.supported_features.unwrap_or(0))?;
            response.file
        }
        Runner::Protoc { protoc, name } => run_protoc_builtin(protoc, name, request, timeout)?,
    };
    Ok(files)
}

/// buf's rules: a plugin without proto3-optional support is warned
/// about; one without editions support given an editions file fails.
fn check_features(
    plugin: &PluginConfig,
    request: &CodeGeneratorRequest,
    supported: u64,
) -> Result<()> {
    let files: Vec<prost_types::FileDescriptorProto> = request
        .source_file_descriptors
        .iter()
        .filter_map(|bytes| prost_types::FileDescriptorProto::decode(bytes.as_slice()).ok())
        .collect();
    if supported & plugin::FEATURE_SUPPORTS_EDITIONS == 0
        && let Some(file) = files.iter().find(|f| f.syntax() == "editions")
    {
        bail!(
            "does not support editions, and {} uses them (the plugin does not set FEATURE_SUPPORTS_EDITIONS)",
            file.name()
        );
    }
    let optional = |f: &&prost_types::FileDescriptorProto| {
        fn any(messages: &[prost_types::DescriptorProto]) -> bool {
            messages
                .iter()
                .any(|m| m.field.iter().any(|f| f.proto3_optional()) || any(&m.nested_type))
        }
        any(&f.message_type)
    };
    if supported & plugin::FEATURE_PROTO3_OPTIONAL == 0
        && let Some(file) = files.iter().find(optional)
    {
        eprintln!(
            "warning: plugin `{}` does not support proto3 `optional`, which {} uses",
            plugin.name,
            file.name()
        );
    }
    Ok(())
}

/// protoc running one of its own generators on the request's files, as
/// buf does: the descriptors go in through `--descriptor_set_in`, the
/// output directory is read back.
fn run_protoc_builtin(
    protoc: &[OsString],
    name: &str,
    request: &CodeGeneratorRequest,
    timeout: Duration,
) -> Result<Vec<GeneratedFile>> {
    let scratch = tempfile::tempdir().context("cannot create a temporary directory")?;
    let set = scratch.path().join("image.binpb");
    let out = scratch.path().join("out");
    std::fs::create_dir(&out).context("cannot create a temporary directory")?;
    std::fs::write(&set, encode_file_set(request.proto_file.clone()))
        .context("cannot stage the descriptors for protoc")?;
    let mut argv = protoc.to_vec();
    argv.push(format!("--descriptor_set_in={}", set.display()).into());
    argv.push(format!("--{name}_out={}", out.display()).into());
    if let Some(parameter) = &request.parameter {
        argv.push(format!("--{name}_opt={parameter}").into());
    }
    argv.extend(request.file_to_generate.iter().map(OsString::from));
    plugin::run_process(&argv, b"", timeout, None)?;
    let mut files = Vec::new();
    for path in files_under(&out)? {
        let relative = path.strip_prefix(&out).expect("walked under out");
        files.push(GeneratedFile {
            name: Some(slash(relative)),
            insertion_point: None,
            content: Some(
                std::fs::read(&path)
                    .context("reading protoc's output")?
                    .into(),
            ),
        });
    }
    Ok(files)
}

fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every file under `dir` (not following symlinked directories), sorted.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
        };
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
            if entry.file_type()?.is_dir() {
                pending.push(entry.path());
            } else {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    Ok(found)
}

/// One file the run writes.
#[derive(Debug, Clone)]
pub struct PlannedFile {
    /// The plugin's `out` directory.
    pub out: PathBuf,
    /// The name the plugin gave, checked to stay below `out`.
    pub name: PathBuf,
    pub content: Bytes,
    /// The plugin that created it.
    pub plugin: String,
}

impl PlannedFile {
    pub fn path(&self) -> PathBuf {
        self.out.join(&self.name)
    }
}

/// Everything a run writes, and the directories it cleans.
#[derive(Debug, Default)]
pub struct Plan {
    pub files: Vec<PlannedFile>,
    /// `out` directories whose other files `clean: true` deletes.
    pub clean: Vec<PathBuf>,
}

/// Puts the plugins' files together in plugin order: paths checked,
/// insertion points applied, a file written twice refused.
pub fn assemble(plugins: &[PluginConfig], runs: &[PluginRun], base: &Path) -> Result<Plan> {
    let mut plan = Plan::default();
    let mut index: HashMap<PathBuf, usize> = HashMap::new();
    for run in runs {
        let config = &plugins[run.plugin];
        let out = base.join(&config.out);
        let mut previous: Option<usize> = None;
        for file in &run.files {
            let content = file.content.clone().unwrap_or_default();
            let name = file.name.as_deref().unwrap_or_default();
            if name.is_empty() {
                // protoc's rule: no name continues the previous file.
                let at = previous.ok_or_else(|| {
                    anyhow!("plugin `{}` sent a file without a name", config.name)
                })?;
                let continued = &mut plan.files[at].content;
                *continued = [&continued[..], &content[..]].concat().into();
                continue;
            }
            // Names from plugins are untrusted: checked whole here, before
            // anything is written (symbolic links on the way are checked
            // against the disk when writing).
            crate::output::check_below(&out, Path::new(name)).map_err(|why| {
                anyhow!(
                    "plugin `{}` wrote `{}`: {why}",
                    config.name,
                    plugin::escape_controls(name)
                )
            })?;
            let path = out.join(name);
            let point = file.insertion_point.as_deref().unwrap_or_default();
            if !point.is_empty() {
                let at = *index.get(&path).ok_or_else(|| {
                    anyhow!(
                        "plugin `{}` inserts at `{point}` in {}, which no earlier plugin of this run generates",
                        config.name,
                        path.display()
                    )
                })?;
                plan.files[at].content = insert(&plan.files[at].content, point, &content)
                    .with_context(|| format!("plugin `{}`: {}", config.name, path.display()))?
                    .into();
                continue;
            }
            if let Some(&at) = index.get(&path) {
                bail!(
                    "{} is generated twice: by plugin `{}` and again by plugin `{}`",
                    path.display(),
                    plan.files[at].plugin,
                    config.name
                );
            }
            index.insert(path.clone(), plan.files.len());
            previous = Some(plan.files.len());
            plan.files.push(PlannedFile {
                out: out.clone(),
                name: PathBuf::from(name),
                content,
                plugin: config.name.clone(),
            });
        }
    }
    Ok(plan)
}

/// `content` inserted above the line holding `@@protoc_insertion_point(point)`,
/// each line indented as that line is.
fn insert(file: &[u8], point: &str, content: &[u8]) -> Result<Vec<u8>> {
    let marker = format!("@@protoc_insertion_point({point})");
    let at = memchr::memmem::find(file, marker.as_bytes())
        .ok_or_else(|| anyhow!("could not find insertion point `{point}`"))?;
    let line_start = file[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let indent: Vec<u8> = file[line_start..at]
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .copied()
        .collect();
    let mut out = file[..line_start].to_vec();
    for line in content.split_inclusive(|&b| b == b'\n') {
        if line != b"\n" {
            out.extend_from_slice(&indent);
        }
        out.extend_from_slice(line);
    }
    if !content.is_empty() && !content.ends_with(b"\n") {
        out.push(b'\n');
    }
    out.extend_from_slice(&file[line_start..]);
    Ok(out)
}

/// What a write did.
#[derive(Debug, Default)]
pub struct Written {
    pub changed: usize,
    pub unchanged: usize,
    pub deleted: usize,
}

/// The files under the clean directories that the plan does not write.
fn extras(plan: &Plan) -> Result<Vec<PathBuf>> {
    let planned: HashSet<PathBuf> = plan.files.iter().map(PlannedFile::path).collect();
    let mut found = Vec::new();
    for dir in &plan.clean {
        found.extend(
            files_under(dir)?
                .into_iter()
                .filter(|p| !planned.contains(p)),
        );
    }
    Ok(found)
}

/// Writes the plan: changed files through one confined [`Batch`] per
/// `out` directory (nothing outside it, no symbolic link below it
/// followed), all staged before any is renamed into place; files whose
/// content is already there are left untouched (their mtime too); with
/// `clean`, then deletes what the run did not write. Every name is
/// checked against the disk before any directory is created, so a
/// refused name leaves every output directory as it was.
///
/// [`Batch`]: crate::output::Batch
pub fn write(plan: &Plan) -> Result<Written> {
    for file in &plan.files {
        crate::output::check_below(&file.out, &file.name)
            .map_err(|why| anyhow!("plugin `{}`: {why}; nothing was written", file.plugin))?;
    }
    let mut written = Written::default();
    let mut batches: BTreeMap<&Path, crate::output::Batch> = BTreeMap::new();
    for file in &plan.files {
        let limit = file.content.len() as u64;
        if crate::output::read_below(&file.out, &file.name, limit)
            .is_some_and(|old| old == file.content)
        {
            written.unchanged += 1;
            continue;
        }
        let batch = match batches.entry(file.out.as_path()) {
            std::collections::btree_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::btree_map::Entry::Vacant(entry) => {
                entry.insert(crate::output::Batch::new(&file.out).map_err(|e| anyhow!(e))?)
            }
        };
        batch
            .stage(&file.name, &file.content)
            .map_err(|e| anyhow!("{e}; nothing was written"))?;
        written.changed += 1;
    }
    for batch in batches.into_values() {
        batch.commit().map_err(|e| anyhow!(e))?;
    }
    for extra in extras(plan)? {
        std::fs::remove_file(&extra)
            .with_context(|| format!("clean: cannot delete {}", extra.display()))?;
        written.deleted += 1;
    }
    Ok(written)
}

/// How a file on disk differs from what the run generates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// Different content, with a short unified diff (text files).
    Stale {
        path: PathBuf,
        plugin: String,
        diff: Option<String>,
    },
    Missing {
        path: PathBuf,
        plugin: String,
    },
    /// Under a `clean: true` output, not generated.
    Extra {
        path: PathBuf,
    },
}

/// How much longer than the generated file a file on disk may be and
/// still be read whole for `--check`'s diff.
const DIFF_SLACK: u64 = 1 << 20;

/// Compares the plan with the disk; writes nothing.
pub fn check(plan: &Plan) -> Result<Vec<Drift>> {
    let mut drift = Vec::new();
    for file in &plan.files {
        // A file reached through a symbolic link is not compared (the
        // run would replace the link): it counts as missing.
        // A file on disk far longer than the generated one is stale
        // without reading it whole, and gets no diff.
        let limit = (file.content.len() as u64).saturating_mul(2) + DIFF_SLACK;
        match crate::output::read_below(&file.out, &file.name, limit) {
            Some(old) if old == file.content => {}
            Some(old) => drift.push(Drift::Stale {
                path: file.path(),
                plugin: file.plugin.clone(),
                diff: (old.len() as u64 <= limit)
                    .then(|| short_diff(&old, &file.content))
                    .flatten(),
            }),
            None => drift.push(Drift::Missing {
                path: file.path(),
                plugin: file.plugin.clone(),
            }),
        }
    }
    drift.extend(extras(plan)?.into_iter().map(|path| Drift::Extra { path }));
    Ok(drift)
}

/// The first lines of a unified diff from disk to generated, for text.
fn short_diff(old: &[u8], new: &[u8]) -> Option<String> {
    const MAX_LINES: usize = 20;
    let (Ok(old), Ok(new)) = (std::str::from_utf8(old), std::str::from_utf8(new)) else {
        return None;
    };
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(1)
        .header("on disk", "generated")
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    let mut short = lines[..lines.len().min(MAX_LINES)].join("\n");
    if lines.len() > MAX_LINES {
        short.push_str(&format!(
            "\n... {} more diff lines",
            lines.len() - MAX_LINES
        ));
    }
    Some(plugin::escape_controls(&short))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insertion_keeps_the_marker_and_its_indent() {
        let file = b"class A {\n    // @@protoc_insertion_point(body)\n}\n";
        let out = insert(file, "body", b"int x;\nint y;\n").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "class A {\n    int x;\n    int y;\n    // @@protoc_insertion_point(body)\n}\n"
        );
        assert!(insert(file, "nope", b"x").is_err());
    }

    #[test]
    fn diffs_are_short() {
        let old: String = (0..100).map(|i| format!("{i}\n")).collect();
        let new = old.replace("5\n", "five\n").replace("80\n", "eighty\n");
        let diff = short_diff(old.as_bytes(), new.as_bytes()).unwrap();
        assert!(diff.contains("+five"));
        assert!(short_diff(&[0xff], b"x").is_none());
    }
}
