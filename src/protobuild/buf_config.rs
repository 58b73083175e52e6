//! The configuration of a proto workspace, in buf.yaml's shape, read by
//! one parser wherever it is written: a buf.yaml (v2, v1, v1beta1) or the
//! `proto:` section of opensergo.yaml (buf.yaml v2 without `version`).
//! Every unknown key, at any depth, is a diagnostic at its position with
//! the closest known key, as buf rejects them too.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::{Value as JsonValue, json};

use super::INVALID_WORKSPACE_CONFIG;
use super::yaml_keys::{Problems, first_document};
use crate::engine::Selection;
use crate::source::SharedSource;
use crate::yaml::{Node, Value};

/// Configuration problems, each at its place in the file.
pub type Checked<T> = std::result::Result<T, Vec<crate::diagnostic::Diagnostic>>;

/// buf.yaml's `version`: some keys differ between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Version {
    /// Also the shape of opensergo.yaml's `proto:` section.
    #[default]
    V2,
    V1,
    V1Beta1,
}

/// One module: an include root and what is left out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleConfig {
    /// The module root, relative to the configuration's directory.
    pub path: String,
    /// Directories or files left out, relative to the configuration's directory.
    pub excludes: Vec<String>,
    /// The module's own `lint` block (v2), replacing the top-level one.
    pub lint: Option<LintBlock>,
    /// The module's own `breaking` block (v2), replacing the top-level one.
    pub breaking: Option<BreakingBlock>,
}

impl ModuleConfig {
    /// The whole directory as one module, buf's default.
    pub fn whole_directory() -> Self {
        ModuleConfig {
            path: ".".into(),
            excludes: Vec::new(),
            lint: None,
            breaking: None,
        }
    }
}

/// buf's `lint` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintBlock {
    /// Categories or rule IDs; empty: buf's default, STANDARD.
    pub use_rules: Vec<String>,
    pub except: Vec<String>,
    pub ignore: Vec<String>,
    pub ignore_only: BTreeMap<String, Vec<String>>,
    pub enum_zero_value_suffix: Option<String>,
    pub service_suffix: Option<String>,
    pub rpc_allow_same_request_response: bool,
    pub rpc_allow_google_protobuf_empty_requests: bool,
    pub rpc_allow_google_protobuf_empty_responses: bool,
    /// Whether `// buf:lint:ignore RULE_ID` comments count: v2's
    /// `disallow_comment_ignores` (allowed unless set), v1's
    /// `allow_comment_ignores` (not allowed unless set).
    pub allow_comment_ignores: bool,
    /// Run no built-in rule (buf then runs only check plugins, which
    /// this tool has none of).
    pub disable_builtin: bool,
}

impl LintBlock {
    /// buf's defaults in a file of `version`.
    pub fn defaults(version: Version) -> Self {
        LintBlock {
            use_rules: Vec::new(),
            except: Vec::new(),
            ignore: Vec::new(),
            ignore_only: BTreeMap::new(),
            enum_zero_value_suffix: None,
            service_suffix: None,
            rpc_allow_same_request_response: false,
            rpc_allow_google_protobuf_empty_requests: false,
            rpc_allow_google_protobuf_empty_responses: false,
            allow_comment_ignores: version == Version::V2,
            disable_builtin: false,
        }
    }
}

/// buf's `breaking` block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BreakingBlock {
    /// Categories or rule IDs; empty: buf's default, FILE.
    pub use_rules: Vec<String>,
    pub except: Vec<String>,
    pub ignore: Vec<String>,
    pub ignore_only: BTreeMap<String, Vec<String>>,
    /// Drop findings in alpha, beta and test packages (`foo.v1beta1`).
    pub ignore_unstable_packages: bool,
    pub disable_builtin: bool,
}

/// A workspace configuration: its modules and the checks' blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceConfig {
    pub version: Version,
    pub modules: Vec<ModuleConfig>,
    /// The top-level `lint` block: for modules without their own.
    pub lint: LintBlock,
    /// The top-level `breaking` block: for modules without their own.
    pub breaking: BreakingBlock,
}

impl Default for WorkspaceConfig {
    /// No configuration: the whole directory, buf's defaults.
    fn default() -> Self {
        WorkspaceConfig {
            version: Version::V2,
            modules: vec![ModuleConfig::whole_directory()],
            lint: LintBlock::defaults(Version::V2),
            breaking: BreakingBlock::default(),
        }
    }
}

impl WorkspaceConfig {
    /// The `lint` block module `index` is checked with: its own, else
    /// the top-level one (buf replaces, it does not merge).
    pub fn lint_for(&self, index: usize) -> &LintBlock {
        self.modules
            .get(index)
            .and_then(|m| m.lint.as_ref())
            .unwrap_or(&self.lint)
    }

    /// The `breaking` block module `index` is checked with.
    pub fn breaking_for(&self, index: usize) -> &BreakingBlock {
        self.modules
            .get(index)
            .and_then(|m| m.breaking.as_ref())
            .unwrap_or(&self.breaking)
    }

    /// The configuration in buf.yaml v2's shape, every block with its
    /// effective values (`opensergo config show`); it reads back as a
    /// `proto:` section.
    pub fn to_json(&self) -> JsonValue {
        let modules: Vec<JsonValue> = self
            .modules
            .iter()
            .map(|m| {
                let mut module = json!({"path": m.path, "excludes": m.excludes});
                let fields = module.as_object_mut().expect("an object literal");
                if let Some(lint) = &m.lint {
                    fields.insert("lint".into(), lint_json(lint));
                }
                if let Some(breaking) = &m.breaking {
                    fields.insert("breaking".into(), breaking_json(breaking));
                }
                module
            })
            .collect();
        json!({
            "modules": modules,
            "lint": lint_json(&self.lint),
            "breaking": breaking_json(&self.breaking),
        })
    }
}

/// The rules a block runs, as a selection of its family: `use` (empty:
/// the family's default) minus `except`; none with `disable_builtin`
/// (buf would then run only check plugins, which this tool has none of).
fn block_selection(use_rules: &[String], except: &[String], disable_builtin: bool) -> Selection {
    if disable_builtin {
        return Selection {
            ignore: vec!["ALL".into()],
            ..Selection::default()
        };
    }
    Selection {
        select: use_rules.to_vec(),
        ignore: except.to_vec(),
        ..Selection::default()
    }
}

impl LintBlock {
    /// The lint rules the block runs.
    pub fn selection(&self) -> Selection {
        block_selection(&self.use_rules, &self.except, self.disable_builtin)
    }
}

impl BreakingBlock {
    /// The breaking rules the block runs.
    pub fn selection(&self) -> Selection {
        block_selection(&self.use_rules, &self.except, self.disable_builtin)
    }
}

/// `use` as shown: buf's default category when the block names none.
fn shown_use(use_rules: &[String], default: &str) -> Vec<String> {
    if use_rules.is_empty() {
        vec![default.to_string()]
    } else {
        use_rules.to_vec()
    }
}

fn lint_json(lint: &LintBlock) -> JsonValue {
    json!({
        "use": shown_use(&lint.use_rules, "STANDARD"),
        "except": lint.except,
        "ignore": lint.ignore,
        "ignore_only": lint.ignore_only,
        "enum_zero_value_suffix": lint.enum_zero_value_suffix.as_deref().unwrap_or("_UNSPECIFIED"),
        "service_suffix": lint.service_suffix.as_deref().unwrap_or("Service"),
        "rpc_allow_same_request_response": lint.rpc_allow_same_request_response,
        "rpc_allow_google_protobuf_empty_requests": lint.rpc_allow_google_protobuf_empty_requests,
        "rpc_allow_google_protobuf_empty_responses": lint.rpc_allow_google_protobuf_empty_responses,
        "disallow_comment_ignores": !lint.allow_comment_ignores,
        "disable_builtin": lint.disable_builtin,
    })
}

fn breaking_json(breaking: &BreakingBlock) -> JsonValue {
    json!({
        "use": shown_use(&breaking.use_rules, "FILE"),
        "except": breaking.except,
        "ignore": breaking.ignore,
        "ignore_only": breaking.ignore_only,
        "ignore_unstable_packages": breaking.ignore_unstable_packages,
        "disable_builtin": breaking.disable_builtin,
    })
}

/// The `proto:` section of an opensergo.yaml: the workspace rooted at the
/// file's directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtoSection {
    /// The directory of the opensergo.yaml (module paths are relative to it).
    pub dir: PathBuf,
    /// The opensergo.yaml, for messages.
    pub file: String,
    pub config: WorkspaceConfig,
}

/// A buf.yaml: v2 `modules` and their blocks, v1 `build.excludes` (one
/// module at `.`), v1beta1 `build.roots` and `build.excludes`; the
/// `lint` and `breaking` blocks of each.
pub fn from_buf_yaml(source: &SharedSource) -> Checked<WorkspaceConfig> {
    let mut problems = Problems::new(source, INVALID_WORKSPACE_CONFIG);
    let Some(root) = first_document(source)? else {
        return Ok(WorkspaceConfig::default());
    };
    let version = match root.get("version").and_then(Node::as_str) {
        Some("v2") => Version::V2,
        Some("v1") => Version::V1,
        None | Some("v1beta1") => Version::V1Beta1,
        Some(other) => {
            let node = root.get("version").unwrap_or(&root);
            problems.error(
                node,
                format!("unsupported buf.yaml version `{other}`: use v2, v1 or v1beta1"),
            );
            return Err(problems.list);
        }
    };
    let config = match version {
        Version::V2 => {
            let known = [
                "version", "name", "modules", "deps", "lint", "breaking", "plugins", "policies",
            ];
            v2_shape(&root, "buf.yaml", &known, &mut problems)
        }
        Version::V1 | Version::V1Beta1 => v1_shape(&root, version, &mut problems),
    };
    finish(config, problems)
}

/// The `proto:` section of opensergo.yaml, shaped like buf.yaml v2.
pub fn from_proto_section(section: &Node, source: &SharedSource) -> Checked<WorkspaceConfig> {
    let mut problems = Problems::new(source, INVALID_WORKSPACE_CONFIG);
    let config = v2_shape(
        section,
        "`proto`",
        &["modules", "lint", "breaking"],
        &mut problems,
    );
    finish(config, problems)
}

fn finish(config: WorkspaceConfig, problems: Problems<'_>) -> Checked<WorkspaceConfig> {
    if problems.list.is_empty() {
        Ok(config)
    } else {
        Err(problems.list)
    }
}

/// buf.yaml v2, and the `proto:` section (which has fewer keys).
fn v2_shape(
    root: &Node,
    what: &str,
    known: &[&str],
    problems: &mut Problems<'_>,
) -> WorkspaceConfig {
    let mut config = WorkspaceConfig::default();
    for (key, value) in problems.entries(root, what, known) {
        match key {
            "modules" => config.modules = module_list(value, problems),
            "deps" => no_deps(value, problems),
            "lint" => config.lint = lint_block(value, "`lint`", Version::V2, problems),
            "breaking" => config.breaking = breaking_block(value, "`breaking`", problems),
            _ => {}
        }
    }
    config
}

fn v1_shape(root: &Node, version: Version, problems: &mut Problems<'_>) -> WorkspaceConfig {
    let known = ["version", "name", "deps", "build", "lint", "breaking"];
    let mut config = WorkspaceConfig {
        version,
        lint: LintBlock::defaults(version),
        ..WorkspaceConfig::default()
    };
    let mut excludes = Vec::new();
    let mut roots = Vec::new();
    for (key, value) in problems.entries(root, "buf.yaml", &known) {
        match key {
            "build" => {
                let build_keys: &[&str] = if version == Version::V1 {
                    &["excludes"]
                } else {
                    &["roots", "excludes"]
                };
                for (key, value) in problems.entries(value, "`build`", build_keys) {
                    match key {
                        "roots" => roots = problems.strings(value, "roots", false),
                        _ => excludes = problems.strings(value, "excludes", false),
                    }
                }
            }
            "deps" => no_deps(value, problems),
            "lint" => config.lint = lint_block(value, "`lint`", version, problems),
            "breaking" => config.breaking = breaking_block(value, "`breaking`", problems),
            _ => {}
        }
    }
    if roots.is_empty() {
        roots.push(".".into());
    }
    config.modules = roots
        .into_iter()
        .map(|path| ModuleConfig {
            path,
            excludes: excludes.clone(),
            ..ModuleConfig::whole_directory()
        })
        .collect();
    config
}

fn module_list(node: &Node, problems: &mut Problems<'_>) -> Vec<ModuleConfig> {
    let mut modules = Vec::new();
    if !matches!(node.value, Value::Seq(_)) {
        problems.error(node, "`modules` takes a list of modules (`- path: DIR`)");
        return vec![ModuleConfig::whole_directory()];
    }
    for item in node.as_seq() {
        let known = ["path", "name", "includes", "excludes", "lint", "breaking"];
        let mut module = ModuleConfig::whole_directory();
        let mut has_path = false;
        for (key, value) in problems.entries(item, "a module", &known) {
            match key {
                "path" => {
                    if let Some(path) = problems.string(value, "path") {
                        module.path = path;
                        has_path = true;
                    }
                }
                "excludes" => module.excludes = problems.strings(value, "excludes", false),
                "includes" => {
                    problems.error(
                        value,
                        "`includes` is not supported yet: use `excludes`, or one module per directory",
                    );
                }
                "lint" => {
                    module.lint = Some(lint_block(
                        value,
                        "a module's `lint`",
                        Version::V2,
                        problems,
                    ));
                }
                "breaking" => {
                    module.breaking =
                        Some(breaking_block(value, "a module's `breaking`", problems));
                }
                _ => {}
            }
        }
        if !has_path && matches!(item.value, Value::Map(_)) {
            problems.error(item, "a module needs a `path`");
        }
        modules.push(module);
    }
    if modules.is_empty() {
        problems.error(node, "`modules` must list at least one `path`");
    }
    modules
}

/// Keys both blocks have.
const COMMON_BLOCK_KEYS: &[&str] = &["use", "except", "ignore", "ignore_only", "disable_builtin"];

fn lint_block(node: &Node, what: &str, version: Version, problems: &mut Problems<'_>) -> LintBlock {
    let mut block = LintBlock::defaults(version);
    if node.is_null() {
        return block;
    }
    let comment_key = if version == Version::V2 {
        "disallow_comment_ignores"
    } else {
        "allow_comment_ignores"
    };
    let known = [
        COMMON_BLOCK_KEYS,
        &[
            "enum_zero_value_suffix",
            "service_suffix",
            "rpc_allow_same_request_response",
            "rpc_allow_google_protobuf_empty_requests",
            "rpc_allow_google_protobuf_empty_responses",
            comment_key,
        ],
    ]
    .concat();
    for (key, value) in problems.entries(node, what, &known) {
        let flag = |problems: &mut Problems<'_>| problems.bool(value, key).unwrap_or(false);
        match key {
            "use" => block.use_rules = problems.strings(value, key, false),
            "except" => block.except = problems.strings(value, key, false),
            "ignore" => block.ignore = problems.strings(value, key, false),
            "ignore_only" => block.ignore_only = ignore_only(value, problems),
            "disable_builtin" => block.disable_builtin = flag(problems),
            "enum_zero_value_suffix" => block.enum_zero_value_suffix = problems.string(value, key),
            "service_suffix" => block.service_suffix = problems.string(value, key),
            "rpc_allow_same_request_response" => {
                block.rpc_allow_same_request_response = flag(problems);
            }
            "rpc_allow_google_protobuf_empty_requests" => {
                block.rpc_allow_google_protobuf_empty_requests = flag(problems);
            }
            "rpc_allow_google_protobuf_empty_responses" => {
                block.rpc_allow_google_protobuf_empty_responses = flag(problems);
            }
            "disallow_comment_ignores" => block.allow_comment_ignores = !flag(problems),
            _ => block.allow_comment_ignores = flag(problems),
        }
    }
    block
}

fn breaking_block(node: &Node, what: &str, problems: &mut Problems<'_>) -> BreakingBlock {
    let mut block = BreakingBlock::default();
    if node.is_null() {
        return block;
    }
    let known = [COMMON_BLOCK_KEYS, &["ignore_unstable_packages"]].concat();
    for (key, value) in problems.entries(node, what, &known) {
        match key {
            "use" => block.use_rules = problems.strings(value, key, false),
            "except" => block.except = problems.strings(value, key, false),
            "ignore" => block.ignore = problems.strings(value, key, false),
            "ignore_only" => block.ignore_only = ignore_only(value, problems),
            "disable_builtin" => block.disable_builtin = problems.bool(value, key).unwrap_or(false),
            _ => block.ignore_unstable_packages = problems.bool(value, key).unwrap_or(false),
        }
    }
    block
}

/// `ignore_only`: rule ID -> paths.
fn ignore_only(node: &Node, problems: &mut Problems<'_>) -> BTreeMap<String, Vec<String>> {
    if !matches!(node.value, Value::Map(_) | Value::Null) {
        problems.error(node, "`ignore_only` takes a mapping of rule IDs to paths");
        return BTreeMap::new();
    }
    node.as_map()
        .iter()
        .filter_map(|(rule, paths)| {
            let rule = problems.string(rule, "a rule ID in ignore_only")?;
            Some((rule, problems.strings(paths, "ignore_only", false)))
        })
        .collect()
}

fn no_deps(node: &Node, problems: &mut Problems<'_>) {
    if !node.as_seq().is_empty() {
        let d = problems.error(
            node,
            "`deps` name Buf Schema Registry modules, which need the network",
        );
        d.help = Some(
            "vendor the dependency's .proto files into a directory and list it under `modules`"
                .into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use std::sync::Arc;

    fn source(text: &str) -> SharedSource {
        Arc::new(SourceFile::new("buf.yaml", text.to_string()))
    }

    #[test]
    fn reads_buf_yaml_v2_and_v1() {
        let v2 = "version: v2\nmodules:\n  - path: proto\n    excludes: [proto/vendor]\nlint:\n  use: [STANDARD]\n";
        let config = from_buf_yaml(&source(v2)).unwrap();
        assert_eq!(
            config.modules,
            [ModuleConfig {
                path: "proto".into(),
                excludes: vec!["proto/vendor".into()],
                ..ModuleConfig::whole_directory()
            }]
        );
        assert_eq!(config.lint.use_rules, ["STANDARD"]);
        let v1 = "version: v1\nbuild:\n  excludes: [third_party]\n";
        let config = from_buf_yaml(&source(v1)).unwrap();
        assert_eq!(config.modules[0].excludes, ["third_party"]);
        assert_eq!(config.version, Version::V1);
        assert!(!config.lint.allow_comment_ignores);
    }

    #[test]
    fn unknown_keys_and_deps_are_errors_with_positions() {
        let text = "version: v2\nmodules:\n  - path: proto\n    exclude: [x]\ndeps: [buf.build/googleapis/googleapis]\n";
        let problems = from_buf_yaml(&source(text)).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].start().unwrap().line, 4);
        assert!(problems[0].help.as_deref().unwrap().contains("`excludes`"));
        assert!(problems[1].message.contains("deps"));
    }

    #[test]
    fn a_modules_blocks_replace_the_top_level_ones() {
        let text = "version: v2\nmodules:\n  - path: a\n    lint:\n      except: [PACKAGE_VERSION_SUFFIX]\n    breaking:\n      use: [WIRE]\n  - path: b\nlint:\n  use: [MINIMAL]\nbreaking:\n  ignore_unstable_packages: true\n";
        let config = from_buf_yaml(&source(text)).unwrap();
        assert!(config.lint_for(0).use_rules.is_empty());
        assert_eq!(config.lint_for(0).except, ["PACKAGE_VERSION_SUFFIX"]);
        assert_eq!(config.lint_for(1).use_rules, ["MINIMAL"]);
        assert_eq!(config.breaking_for(0).use_rules, ["WIRE"]);
        assert!(!config.breaking_for(0).ignore_unstable_packages);
        assert!(config.breaking_for(1).ignore_unstable_packages);
    }

    #[test]
    fn block_keys_are_checked_at_any_depth_as_buf_checks_them() {
        // v2 has `disallow_comment_ignores`, v1 `allow_comment_ignores`.
        let text = "version: v2\nmodules:\n  - path: a\n    lint:\n      allow_comment_ignores: true\n      ignor: []\n";
        let problems = from_buf_yaml(&source(text)).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].start().unwrap().line, 5);
        assert_eq!(problems[1].start().unwrap().line, 6);
        assert!(problems[1].help.as_deref().unwrap().contains("`ignore`"));
        let v1 = "version: v1\nlint:\n  allow_comment_ignores: true\n  ignore_only: {FIELD_LOWER_SNAKE_CASE: [a]}\n";
        let config = from_buf_yaml(&source(v1)).unwrap();
        assert!(config.lint.allow_comment_ignores);
        assert_eq!(config.lint.ignore_only["FIELD_LOWER_SNAKE_CASE"], ["a"]);
    }

    #[test]
    fn the_proto_section_has_buf_yaml_v2_shape_and_shows_back() {
        let text = "modules:\n  - path: api\n    breaking: {use: [WIRE_JSON]}\nlint:\n  use: [BASIC]\n  disallow_comment_ignores: true\n";
        let src = source(text);
        let (docs, _) = crate::yaml::load_stream(text);
        let config = from_proto_section(&docs[0].root, &src).unwrap();
        assert_eq!(config.modules[0].path, "api");
        assert!(!config.lint.allow_comment_ignores);
        // Shown with every effective value, it reads back to the same.
        let shown = crate::yaml_out::to_yaml(&config.to_json());
        let (docs, _) = crate::yaml::load_stream(&shown);
        let again = from_proto_section(&docs[0].root, &source(&shown)).unwrap();
        assert_eq!(again.to_json(), config.to_json());
        assert_eq!(again.breaking_for(0).use_rules, ["WIRE_JSON"]);
        let (docs, _) = crate::yaml::load_stream("version: v2\n");
        let problems = from_proto_section(&docs[0].root, &src).unwrap_err();
        assert!(problems[0].message.contains("unknown key `version`"));
    }
}
