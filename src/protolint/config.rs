//! buf.yaml, read as it is (v2, and v1 where it is simple), so a buf user
//! switches without rewriting anything: the module roots and the `lint`
//! block (`use`, `except`, `ignore`, `ignore_only`, the rule options and
//! comment ignores). Unknown keys are errors, as in buf.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::Options;
use crate::engine::Selection;

/// buf.yaml; keys this tool does not use (`name`, `deps`, `breaking`,
/// `plugins`, `policies`, ...) are accepted and ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BufYaml {
    version: Option<String>,
    #[serde(rename = "name", default)]
    _name: Option<IgnoredAny>,
    #[serde(default)]
    modules: Vec<Module>,
    #[serde(rename = "deps", default)]
    _deps: Option<IgnoredAny>,
    lint: Option<LintBlock>,
    #[serde(rename = "breaking", default)]
    _breaking: Option<IgnoredAny>,
    /// v1: `build.excludes`.
    build: Option<Build>,
    #[serde(rename = "plugins", default)]
    _plugins: Option<IgnoredAny>,
    #[serde(rename = "policies", default)]
    _policies: Option<IgnoredAny>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Build {
    #[serde(default)]
    excludes: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Module {
    path: String,
    #[serde(rename = "name", default)]
    _name: Option<IgnoredAny>,
    #[serde(rename = "includes", default)]
    _includes: Option<IgnoredAny>,
    #[serde(default)]
    excludes: Vec<String>,
    lint: Option<LintBlock>,
    #[serde(rename = "breaking", default)]
    _breaking: Option<IgnoredAny>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LintBlock {
    #[serde(rename = "use", default)]
    use_rules: Vec<String>,
    #[serde(default)]
    except: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    ignore_only: BTreeMap<String, Vec<String>>,
    enum_zero_value_suffix: Option<String>,
    service_suffix: Option<String>,
    #[serde(default)]
    rpc_allow_same_request_response: bool,
    #[serde(default)]
    rpc_allow_google_protobuf_empty_requests: bool,
    #[serde(default)]
    rpc_allow_google_protobuf_empty_responses: bool,
    /// v1 (default false).
    allow_comment_ignores: Option<bool>,
    /// v2 (comment ignores are allowed unless this is true).
    disallow_comment_ignores: Option<bool>,
    #[serde(rename = "disable_builtin", default)]
    _disable_builtin: Option<IgnoredAny>,
}

/// One module to lint and how.
#[derive(Debug, Clone)]
pub struct ModuleLint {
    /// The module root (also the import root).
    pub root: PathBuf,
    /// Paths under the root not linted (buf's `excludes`).
    pub excludes: Vec<String>,
    pub selection: Selection,
    pub options: Options,
    /// Paths (relative to the root) whose findings are dropped.
    pub ignore: Vec<String>,
    /// Rule ID -> paths whose findings of that rule are dropped.
    pub ignore_only: BTreeMap<String, Vec<String>>,
    pub allow_comment_ignores: bool,
}

impl ModuleLint {
    /// A module with buf's defaults (STANDARD, comment ignores allowed).
    pub fn defaults(root: PathBuf) -> Self {
        ModuleLint {
            root,
            excludes: Vec::new(),
            selection: Selection::default(),
            options: Options::default(),
            ignore: Vec::new(),
            ignore_only: BTreeMap::new(),
            allow_comment_ignores: true,
        }
    }

    /// Whether configuration drops a finding of `rule_id` in `file`
    /// (a path relative to the module root).
    pub fn ignores(&self, rule_id: &str, file: &str) -> bool {
        let under = |prefix: &String| {
            let prefix = prefix.trim_end_matches('/');
            file == prefix || file.starts_with(&format!("{prefix}/"))
        };
        self.ignore.iter().any(under)
            || self
                .ignore_only
                .get(rule_id)
                .is_some_and(|paths| paths.iter().any(under))
    }
}

/// The modules `dir/buf.yaml` describes, or `None` when there is none.
pub fn read(dir: &Path) -> Result<Option<Vec<ModuleLint>>, String> {
    let file = dir.join("buf.yaml");
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", file.display())),
    };
    let (docs, error) = crate::yaml::load_stream(&text);
    if let Some(error) = error {
        return Err(format!("{}: {}", file.display(), error.message));
    }
    let json = docs
        .first()
        .map_or(serde_json::Value::Null, |d| d.root.to_json());
    let config: BufYaml = if json.is_null() {
        BufYaml::default()
    } else {
        serde_json::from_value(json).map_err(|e| format!("{}: {e}", file.display()))?
    };
    let v2 = config.version.as_deref() == Some("v2");
    let top = config.lint.clone().unwrap_or_default();
    let modules = if v2 && !config.modules.is_empty() {
        config.modules
    } else {
        vec![Module {
            path: ".".into(),
            excludes: config.build.map(|b| b.excludes).unwrap_or_default(),
            ..Module::default()
        }]
    };
    Ok(Some(
        modules
            .into_iter()
            .map(|module| {
                let lint = module.lint.unwrap_or_else(|| top.clone());
                let allow_comment_ignores = if v2 {
                    !lint.disallow_comment_ignores.unwrap_or(false)
                } else {
                    lint.allow_comment_ignores.unwrap_or(false)
                };
                let defaults = Options::default();
                ModuleLint {
                    root: dir.join(&module.path),
                    excludes: module.excludes,
                    selection: Selection {
                        select: lint.use_rules,
                        ignore: lint.except,
                        ..Selection::default()
                    },
                    options: Options {
                        enum_zero_value_suffix: lint
                            .enum_zero_value_suffix
                            .unwrap_or(defaults.enum_zero_value_suffix),
                        service_suffix: lint.service_suffix.unwrap_or(defaults.service_suffix),
                        rpc_allow_same_request_response: lint.rpc_allow_same_request_response,
                        rpc_allow_google_protobuf_empty_requests: lint
                            .rpc_allow_google_protobuf_empty_requests,
                        rpc_allow_google_protobuf_empty_responses: lint
                            .rpc_allow_google_protobuf_empty_responses,
                    },
                    ignore: lint.ignore,
                    ignore_only: lint.ignore_only,
                    allow_comment_ignores,
                }
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buf_yaml_v2_is_read_as_buf_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("buf.yaml"),
            "version: v2\nmodules:\n  - path: proto\n    excludes: [proto/vendor]\nlint:\n  use: [STANDARD, COMMENTS]\n  except: [FIELD_LOWER_SNAKE_CASE]\n  ignore_only:\n    ENUM_PASCAL_CASE: [acme/legacy]\n  service_suffix: API\n",
        )
        .unwrap();
        let modules = read(dir.path()).unwrap().unwrap();
        assert_eq!(modules.len(), 1);
        let m = &modules[0];
        assert!(m.root.ends_with("proto"));
        assert_eq!(m.selection.select, ["STANDARD", "COMMENTS"]);
        assert_eq!(m.options.service_suffix, "API");
        assert!(m.allow_comment_ignores);
        assert!(m.ignores("ENUM_PASCAL_CASE", "acme/legacy/a.proto"));
        assert!(!m.ignores("ENUM_PASCAL_CASE", "acme/legacyx/a.proto"));
    }

    #[test]
    fn unknown_keys_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("buf.yaml"),
            "version: v2\nlint:\n  usee: [STANDARD]\n",
        )
        .unwrap();
        assert!(read(dir.path()).unwrap_err().contains("usee"));
    }
}
