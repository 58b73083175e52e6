//! The generation template: buf.gen.yaml v2, read as is (also under the
//! name opensergo.gen.yaml). Unknown keys are errors at their position,
//! with the closest known key, as in buf.

use std::path::Path;
use std::sync::Arc;

use super::INVALID_GEN_TEMPLATE;
use super::managed::Managed;
use crate::protobuild::prune::TypeFilter;
use crate::protobuild::workspace::Checked;
use crate::protobuild::yaml_keys::{Problems, first_document};
use crate::source::{SharedSource, SourceFile};
use crate::yaml::Node;

/// The template file names looked for, in order.
pub const TEMPLATE_NAMES: &[&str] = &["opensergo.gen.yaml", "buf.gen.yaml"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Delete files under each `out` that the run does not write.
    pub clean: bool,
    pub plugins: Vec<PluginConfig>,
    /// What to generate for when no input is given (default: `.`).
    pub inputs: Vec<InputConfig>,
    /// Which files of each input to generate for, one per entry of `inputs`.
    pub input_filters: Vec<InputFilter>,
    /// File options set on the descriptors plugins receive.
    pub managed: Managed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PluginSource {
    /// A program: a name on PATH, a path, or a whole command line.
    Local(Vec<String>),
    /// One of protoc's own generators (`python`, `java`, ...), run through protoc.
    ProtocBuiltin { name: String, protoc: Vec<String> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// One request per directory of files to generate.
    Directory,
    /// One request for everything.
    All,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginConfig {
    /// As the template writes it: `protoc-gen-go`, `protoc_builtin: java`.
    pub name: String,
    pub source: PluginSource,
    pub out: String,
    /// Joined with `,` into the request's parameter.
    pub opt: Vec<String>,
    pub strategy: Strategy,
    pub include_imports: bool,
    pub include_wkt: bool,
    /// `types` and `exclude_types`: what of the input the requests hold.
    pub type_filter: TypeFilter,
}

impl PluginConfig {
    /// The request parameter: `opt` joined with `,`, as buf sends it.
    pub fn parameter(&self) -> Option<String> {
        (!self.opt.is_empty()).then(|| self.opt.join(","))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputConfig {
    Directory(String),
    /// One file, built in the workspace of the current directory.
    ProtoFile(String),
    /// A FileDescriptorSet (`buf build -o x.binpb`, `protoc -o`).
    BinaryImage(String),
    /// A revision of a git repository, read by git itself.
    Git(GitInput),
    /// A tar or zip archive of local files, read in memory.
    Archive(ArchiveInput),
}

/// A `tarball` or `zip_archive` input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveInput {
    /// A local file.
    pub path: String,
    pub format: ArchiveFormat,
    /// Leading path components dropped from every entry.
    pub strip_components: u32,
    /// The directory of the workspace inside the archive.
    pub subdir: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveFormat {
    Tar,
    TarGzip,
    Zip,
}

/// The files of an input to generate for: buf's per-input `paths`,
/// `exclude_paths` and (for a `proto_file`) `include_package_files`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputFilter {
    /// Only files at or under these (workspace or import) paths; empty: all.
    pub paths: Vec<String>,
    /// Not the files at or under these.
    pub exclude_paths: Vec<String>,
    /// A `proto_file` input: also every other file of its package.
    pub include_package_files: bool,
    /// `types` and `exclude_types`: applied to the input before each
    /// plugin's own.
    pub type_filter: TypeFilter,
}

/// A `git_repo` input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitInput {
    /// A local repository (work tree or bare) or a URL git can fetch
    /// (`file://`, `https://`, `ssh://`).
    pub repository: String,
    /// A branch, tag, ref or commit; `HEAD` when absent.
    pub reference: Option<String>,
    /// The directory of the workspace inside the repository.
    pub subdir: Option<String>,
    /// How many commits a fetch reads (URLs only).
    pub depth: Option<u32>,
}

/// Reads a template from its text; `name` is shown in diagnostics.
pub fn parse(name: &str, text: &str) -> Checked<Template> {
    let source: SharedSource = Arc::new(SourceFile::new(name, text.to_string()));
    let mut problems = Problems::new(&source, INVALID_GEN_TEMPLATE);
    let mut template = Template {
        clean: false,
        plugins: Vec::new(),
        inputs: Vec::new(),
        input_filters: Vec::new(),
        managed: Managed::default(),
    };
    let Some(root) = first_document(&source)? else {
        return Err(vec![
            crate::diagnostic::Diagnostic::new(INVALID_GEN_TEMPLATE, "the template is empty")
                .in_file(name),
        ]);
    };
    let known = ["version", "clean", "plugins", "managed", "inputs"];
    let entries = problems.entries(&root, "the template", &known);
    match root.get("version").and_then(Node::as_str) {
        Some("v2") => {}
        Some(other) => {
            let node = root.get("version").expect("just read");
            let d = problems.error(node, format!("template version `{other}` is not supported"));
            d.help = Some("use `version: v2` (`buf config migrate` converts v1 templates)".into());
        }
        None => {
            problems.error(&root, "the template needs `version: v2`");
        }
    }
    for (key, value) in entries {
        match key {
            "clean" => template.clean = problems.bool(value, "clean").unwrap_or(false),
            "plugins" => {
                for item in value.as_seq() {
                    if let Some(plugin) = plugin(item, &mut problems) {
                        template.plugins.push(plugin);
                    }
                }
            }
            "inputs" => {
                for item in value.as_seq() {
                    if let Some((input, filter)) = input(item, &mut problems) {
                        template.inputs.push(input);
                        template.input_filters.push(filter);
                    }
                }
            }
            "managed" => template.managed = super::managed::parse(value, &mut problems),
            _ => {}
        }
    }
    if template.plugins.is_empty() && problems.list.is_empty() {
        problems.error(&root, "the template lists no `plugins`");
    }
    if problems.list.is_empty() {
        Ok(template)
    } else {
        Err(problems.list)
    }
}

/// Reads the template at `path`, or `spec` itself when it is inline YAML
/// or JSON (buf's `--template '{"version":"v2",...}'`).
pub fn load(spec: &str) -> crate::error::Result<Checked<Template>> {
    let path = Path::new(spec);
    let inline = !path.exists() && (spec.trim_start().starts_with('{') || spec.contains('\n'));
    if inline {
        return Ok(parse("--template", spec));
    }
    let limit = crate::document::DEFAULT_MAX_FILE_SIZE;
    let bytes = crate::input::read_bounded(path, limit)
        .map_err(|e| anyhow::anyhow!(e.message("template", path, limit)))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("template {spec} is not UTF-8 text"))?;
    Ok(parse(spec, &text))
}

fn plugin(node: &Node, problems: &mut Problems<'_>) -> Option<PluginConfig> {
    let known = [
        "local",
        "protoc_builtin",
        "protoc_path",
        "remote",
        "revision",
        "out",
        "opt",
        "strategy",
        "include_imports",
        "include_wkt",
        "types",
        "exclude_types",
    ];
    let mut local = None;
    let mut builtin = None;
    let mut protoc = vec!["protoc".to_string()];
    let mut out = None;
    let mut config = PluginConfig {
        name: String::new(),
        source: PluginSource::Local(Vec::new()),
        out: String::new(),
        opt: Vec::new(),
        strategy: Strategy::Directory,
        include_imports: false,
        include_wkt: false,
        type_filter: TypeFilter::default(),
    };
    for (key, value) in problems.entries(node, "a plugin", &known) {
        match key {
            "local" => local = Some(problems.strings(value, "local", true)),
            "protoc_builtin" => builtin = problems.string(value, "protoc_builtin"),
            "protoc_path" => protoc = problems.strings(value, "protoc_path", true),
            "remote" => {
                let name = value.as_str().unwrap_or_default();
                let d = problems.error(
                    value,
                    format!("remote plugin `{name}` runs on the Buf Schema Registry, which needs the network"),
                );
                d.help = Some(local_replacement(name));
            }
            "revision" => {}
            "out" => out = problems.string(value, "out"),
            "opt" => config.opt = problems.strings(value, "opt", true),
            "strategy" => match value.as_str() {
                Some("directory") => config.strategy = Strategy::Directory,
                Some("all") => config.strategy = Strategy::All,
                _ => {
                    problems.error(value, "`strategy` is `directory` or `all`");
                }
            },
            "include_imports" => {
                config.include_imports = problems.bool(value, "include_imports").unwrap_or(false);
            }
            "include_wkt" => {
                config.include_wkt = problems.bool(value, "include_wkt").unwrap_or(false);
            }
            "types" => config.type_filter.types = problems.strings(value, key, false),
            // `exclude_types`, the last key `known` lists.
            _ => config.type_filter.exclude_types = problems.strings(value, key, false),
        }
    }
    if config.include_wkt && !config.include_imports {
        problems.error(node, "`include_wkt` needs `include_imports: true`");
    }
    match (local, builtin) {
        (Some(argv), None) if !argv.is_empty() => {
            config.name = argv.join(" ");
            config.source = PluginSource::Local(argv);
        }
        (None, Some(name)) => {
            config.name = format!("protoc_builtin: {name}");
            config.source = PluginSource::ProtocBuiltin {
                name,
                protoc: protoc.clone(),
            };
        }
        (Some(_), Some(_)) => {
            problems.error(
                node,
                "a plugin has one of `local` or `protoc_builtin`, not both",
            );
        }
        _ => {
            if node.get("remote").is_none() {
                problems.error(
                    node,
                    "a plugin needs `local` (a program) or `protoc_builtin`",
                );
            }
        }
    }
    match out {
        Some(out) => config.out = out,
        None => {
            problems.error(node, "a plugin needs `out`, the directory it writes into");
        }
    }
    (!config.name.is_empty() && !config.out.is_empty()).then_some(config)
}

/// The local plugin to install instead of a BSR-hosted one.
fn local_replacement(remote: &str) -> String {
    let plugin = remote
        .split(':')
        .next()
        .unwrap_or(remote)
        .trim_start_matches("buf.build/");
    let known = [
        (
            "protocolbuffers/go",
            "local: protoc-gen-go (apt-get install protoc-gen-go, or go install google.golang.org/protobuf/cmd/protoc-gen-go)",
        ),
        (
            "grpc/go",
            "local: protoc-gen-go-grpc (apt-get install protoc-gen-go-grpc)",
        ),
        (
            "bufbuild/es",
            "local: protoc-gen-es (npm install @bufbuild/protoc-gen-es; node_modules/.bin/protoc-gen-es)",
        ),
        (
            "community/stephenh-ts-proto",
            "local: protoc-gen-ts_proto (npm install ts-proto)",
        ),
        (
            "community/neoeinstein-prost",
            "local: protoc-gen-prost (cargo install protoc-gen-prost)",
        ),
        (
            "community/neoeinstein-tonic",
            "local: protoc-gen-tonic (cargo install protoc-gen-tonic)",
        ),
        (
            "protocolbuffers/python",
            "protoc_builtin: python (needs protoc)",
        ),
        ("protocolbuffers/pyi", "protoc_builtin: pyi (needs protoc)"),
        (
            "protocolbuffers/java",
            "protoc_builtin: java (needs protoc)",
        ),
        ("protocolbuffers/cpp", "protoc_builtin: cpp (needs protoc)"),
        (
            "grpc/python",
            "local: grpc_python_plugin (apt-get install protobuf-compiler-grpc)",
        ),
        (
            "grpc/java",
            "local: protoc-gen-grpc-java (from grpc-java's releases)",
        ),
    ];
    let instead = known
        .iter()
        .find(|(name, _)| *name == plugin)
        .map(|(_, local)| local.to_string())
        .unwrap_or_else(|| {
            let last = plugin.rsplit('/').next().unwrap_or(plugin);
            let last = last.rsplit('-').next().unwrap_or(last);
            format!("local: protoc-gen-{last}, installed from the plugin's own releases")
        });
    format!("install the plugin and use `{instead}` instead")
}

/// What an input is, one key of each.
const INPUT_KINDS: &[&str] = &[
    "directory",
    "proto_file",
    "binary_image",
    "git_repo",
    "module",
    "tarball",
    "zip_archive",
    "json_image",
    "text_image",
    "yaml_image",
];

/// The keys of a git input besides `git_repo`.
const GIT_KEYS: &[&str] = &["branch", "tag", "ref", "commit", "depth", "subdir"];

/// The keys of an archive input besides `tarball` or `zip_archive`.
const ARCHIVE_KEYS: &[&str] = &["strip_components", "compression"];

/// The keys that choose an input's files.
const FILTER_KEYS: &[&str] = &["paths", "exclude_paths", "include_package_files"];

/// The keys that filter an input's declarations.
const TYPE_KEYS: &[&str] = &["types", "exclude_types"];

/// Keys of buf's inputs `gen` does not read.
const OTHER_INPUT_KEYS: &[&str] = &["recurse_submodules"];

fn input(node: &Node, problems: &mut Problems<'_>) -> Option<(InputConfig, InputFilter)> {
    let known: Vec<&str> = [
        INPUT_KINDS,
        GIT_KEYS,
        ARCHIVE_KEYS,
        FILTER_KEYS,
        TYPE_KEYS,
        OTHER_INPUT_KEYS,
    ]
    .concat();
    let entries = problems.entries(node, "an input", &known);
    let kinds: Vec<&(&str, &Node)> = entries
        .iter()
        .filter(|(key, _)| INPUT_KINDS.contains(key))
        .collect();
    let [(kind, value)] = kinds.as_slice() else {
        problems.error(
            node,
            "an input has exactly one of `directory`, `proto_file`, `binary_image`, `git_repo`, `tarball` or `zip_archive`",
        );
        return None;
    };
    let location = problems.string(value, kind)?;
    let is_git = *kind == "git_repo";
    let is_archive = matches!(*kind, "tarball" | "zip_archive");
    let (mut reference, mut subdir, mut depth) = (None, None, None);
    let mut strip_components = 0;
    let mut compression = None;
    let mut filter = InputFilter::default();
    for (key, value) in &entries {
        match *key {
            _ if key == kind => {}
            "paths" if *kind == "proto_file" => {
                problems.error(
                    value,
                    "a `proto_file` input is one file: `paths` does not apply (use `include_package_files` for its package)",
                );
            }
            "paths" => filter.paths = problems.strings(value, key, false),
            "exclude_paths" => filter.exclude_paths = problems.strings(value, key, false),
            "include_package_files" if *kind == "proto_file" => {
                filter.include_package_files = problems.bool(value, key).unwrap_or(false);
            }
            "include_package_files" => {
                problems.error(
                    value,
                    "`include_package_files` belongs to a `proto_file` input",
                );
            }
            "types" => filter.type_filter.types = problems.strings(value, key, false),
            "exclude_types" => {
                filter.type_filter.exclude_types = problems.strings(value, key, false);
            }
            "branch" | "tag" | "ref" | "commit" if is_git => {
                if reference.is_some() {
                    problems.error(
                        value,
                        "a git input names one of `branch`, `tag`, `ref` or `commit`",
                    );
                }
                reference = problems.string(value, key);
            }
            "subdir" if is_git || is_archive => subdir = problems.string(value, key),
            "strip_components" if is_archive => {
                match value.as_i64().and_then(|n| u32::try_from(n).ok()) {
                    Some(n) => strip_components = n,
                    None => {
                        problems.error(value, "`strip_components` takes a number of directories");
                    }
                }
            }
            "compression" if *kind == "tarball" => match value.as_str() {
                Some(c @ ("none" | "gzip")) => compression = Some(c == "gzip"),
                _ => {
                    problems.error(
                        value,
                        "`compression` is `none` or `gzip` (zstd is not supported yet)",
                    );
                }
            },
            "subdir" => {
                problems.error(
                    value,
                    "`subdir` belongs to a `git_repo`, `tarball` or `zip_archive` input",
                );
            }
            key if ARCHIVE_KEYS.contains(&key) => {
                let owner = if key == "compression" {
                    "a `tarball`"
                } else {
                    "a `tarball` or `zip_archive`"
                };
                problems.error(value, format!("`{key}` belongs to {owner} input"));
            }
            "depth" if is_git => match value.as_i64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) if n > 0 => depth = Some(n),
                _ => {
                    problems.error(value, "`depth` takes a positive number of commits");
                }
            },
            key if GIT_KEYS.contains(&key) => {
                problems.error(value, format!("`{key}` belongs to a `git_repo` input"));
            }
            _ => {
                problems.error(value, format!("`{key}` on an input is not supported yet"));
            }
        }
    }
    let config = match *kind {
        "directory" => InputConfig::Directory(location),
        "proto_file" => InputConfig::ProtoFile(location),
        "binary_image" => InputConfig::BinaryImage(location),
        "git_repo" => InputConfig::Git(GitInput {
            repository: location,
            reference,
            subdir,
            depth,
        }),
        "tarball" | "zip_archive" if location.contains("://") => {
            problems.error(
                value,
                format!("`{kind}: {location}` is a URL: download it first and name the local file"),
            );
            return None;
        }
        "tarball" | "zip_archive" => {
            let gzip_name = [".tar.gz", ".tgz"].iter().any(|e| location.ends_with(e));
            let format = match *kind {
                "zip_archive" => ArchiveFormat::Zip,
                _ if compression.unwrap_or(gzip_name) => ArchiveFormat::TarGzip,
                _ => ArchiveFormat::Tar,
            };
            InputConfig::Archive(ArchiveInput {
                path: location,
                format,
                strip_components,
                subdir,
            })
        }
        "module" => {
            let d = problems.error(
                value,
                format!(
                    "`module: {location}` is a Buf Schema Registry module, which needs the network"
                ),
            );
            d.help = Some(
                "point a `git_repo` input at the module's source repository (with `subdir`), or vendor its .proto files and use `directory`".into(),
            );
            return None;
        }
        other => {
            problems.error(
                value,
                format!(
                    "`{other}` inputs are not supported: build a binary image (`opensergo proto build -o image.binpb`) and use `binary_image`"
                ),
            );
            return None;
        }
    };
    Some((config, filter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_buf_gen_yaml_v2() {
        let text = r#"version: v2
clean: true
plugins:
  - local: protoc-gen-go
    out: gen/go
    opt: paths=source_relative
  - local: ["go", "run", "./cmd/gen"]
    out: gen/x
    opt: [a=1, b=2]
    strategy: all
  - protoc_builtin: python
    protoc_path: /opt/protoc
    out: gen/py
inputs:
  - directory: proto
"#;
        let template = parse("buf.gen.yaml", text).unwrap();
        assert!(template.clean);
        assert_eq!(template.plugins.len(), 3);
        assert_eq!(template.plugins[1].parameter().as_deref(), Some("a=1,b=2"));
        assert_eq!(template.plugins[1].strategy, Strategy::All);
        assert_eq!(
            template.plugins[2].source,
            PluginSource::ProtocBuiltin {
                name: "python".into(),
                protoc: vec!["/opt/protoc".into()]
            }
        );
        assert_eq!(template.inputs, [InputConfig::Directory("proto".into())]);
    }

    #[test]
    fn unknown_keys_and_remote_plugins_are_errors_with_help() {
        let text = "version: v2\nplugins:\n  - local: protoc-gen-go\n    out: gen\n    opts: x\n  - remote: buf.build/protocolbuffers/go:v1.28.1\n    out: gen\n";
        let problems = parse("buf.gen.yaml", text).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].start().unwrap().line, 5);
        assert!(
            problems[0]
                .help
                .as_deref()
                .unwrap()
                .contains("did you mean `opt`")
        );
        assert!(
            problems[1]
                .help
                .as_deref()
                .unwrap()
                .contains("local: protoc-gen-go")
        );
    }

    #[test]
    fn plugins_filter_types_both_ways() {
        let text = "version: v2\nplugins:\n  - local: x\n    out: gen\n    types: [acme.v1.Order]\n    exclude_types: [acme.v1.Order.Line, acme.legacy.**]\n";
        let template = parse("buf.gen.yaml", text).unwrap();
        assert_eq!(template.plugins[0].type_filter.types, ["acme.v1.Order"]);
        assert_eq!(
            template.plugins[0].type_filter.exclude_types,
            ["acme.v1.Order.Line", "acme.legacy.**"]
        );
    }

    #[test]
    fn inputs_choose_their_files_as_buf_inputs_do() {
        let text = "version: v2\nplugins:\n  - local: x\n    out: gen\ninputs:\n  - directory: proto\n    paths: [proto/acme/order]\n    exclude_paths: [proto/acme/order/legacy]\n  - proto_file: proto/acme/a.proto\n    include_package_files: true\n    types: [acme.v1]\n    exclude_types: [acme.v1.Legacy]\n";
        let template = parse("buf.gen.yaml", text).unwrap();
        assert_eq!(template.input_filters.len(), 2);
        assert_eq!(
            template.input_filters[1].type_filter,
            TypeFilter {
                types: vec!["acme.v1".into()],
                exclude_types: vec!["acme.v1.Legacy".into()],
            }
        );
        assert!(template.input_filters[0].type_filter.is_empty());
        assert_eq!(template.input_filters[0].paths, ["proto/acme/order"]);
        assert_eq!(
            template.input_filters[0].exclude_paths,
            ["proto/acme/order/legacy"]
        );
        assert!(template.input_filters[1].include_package_files);

        let wrong = "version: v2\nplugins:\n  - local: x\n    out: gen\ninputs:\n  - directory: proto\n    include_package_files: true\n    recurse_submodules: true\n  - proto_file: a.proto\n    paths: [b]\n";
        let problems = parse("buf.gen.yaml", wrong).unwrap_err();
        let lines: Vec<usize> = problems.iter().map(|d| d.start().unwrap().line).collect();
        assert_eq!(lines, [7, 8, 10], "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("belongs to a `proto_file` input")
        );
        assert!(problems[1].message.contains("not supported yet"));
        assert!(problems[2].message.contains("one file"));
    }

    #[test]
    fn archive_inputs_are_local_files_with_their_own_keys() {
        let text = "version: v2\nplugins:\n  - local: x\n    out: gen\ninputs:\n  - tarball: a.tar.gz\n    strip_components: 1\n    subdir: proto\n  - tarball: b.tar\n    compression: gzip\n  - zip_archive: c.zip\n";
        let template = parse("buf.gen.yaml", text).unwrap();
        let formats: Vec<ArchiveFormat> = template
            .inputs
            .iter()
            .map(|i| match i {
                InputConfig::Archive(a) => a.format,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            formats,
            [
                ArchiveFormat::TarGzip,
                ArchiveFormat::TarGzip,
                ArchiveFormat::Zip
            ]
        );
        let wrong = "version: v2\nplugins:\n  - local: x\n    out: gen\ninputs:\n  - zip_archive: https://example.com/a.zip\n  - zip_archive: c.zip\n    compression: gzip\n  - directory: d\n    strip_components: 1\n";
        let problems = parse("buf.gen.yaml", wrong).unwrap_err();
        let lines: Vec<usize> = problems.iter().map(|d| d.start().unwrap().line).collect();
        assert_eq!(lines, [6, 8, 10], "{problems:?}");
        assert!(problems[0].message.contains("download it first"));
        assert!(problems[1].message.contains("belongs to a `tarball` input"));
    }
}
