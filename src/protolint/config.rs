//! The `lint` block of buf.yaml, read as it is (v2 and v1), so a buf user
//! switches without rewriting anything: `use`, `except`, `ignore`,
//! `ignore_only`, the rule options and comment ignores. The modules
//! themselves come from [`crate::protobuild::workspace`], which reads the
//! same file. Unknown keys are errors, as in buf.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::Options;
use crate::engine::Selection;

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

/// How one module is linted.
#[derive(Debug, Clone)]
pub struct ModuleLint {
    pub selection: Selection,
    pub options: Options,
    /// Paths whose findings are dropped.
    pub ignore: Vec<String>,
    /// Rule ID -> paths whose findings of that rule are dropped.
    pub ignore_only: BTreeMap<String, Vec<String>>,
    pub allow_comment_ignores: bool,
}

impl Default for ModuleLint {
    /// buf's defaults: STANDARD, comment ignores allowed.
    fn default() -> Self {
        ModuleLint {
            selection: Selection::default(),
            options: Options::default(),
            ignore: Vec::new(),
            ignore_only: BTreeMap::new(),
            allow_comment_ignores: true,
        }
    }
}

impl ModuleLint {
    /// Whether configuration drops a finding of `rule_id` in a file,
    /// named by its import path or its path in the workspace (v1 paths
    /// are relative to the module root, v2 paths to buf.yaml).
    pub fn ignores(&self, rule_id: &str, file: &[&str]) -> bool {
        crate::protobuild::workspace::path_ignored(&self.ignore, &self.ignore_only, rule_id, file)
    }

    /// The settings of one module's `lint` block (`null`: the defaults).
    pub fn from_block(block: &serde_json::Value, version: &str) -> Result<Self, String> {
        let lint: LintBlock = if block.is_null() {
            LintBlock::default()
        } else {
            serde_json::from_value(block.clone()).map_err(|e| format!("buf.yaml `lint`: {e}"))?
        };
        let allow_comment_ignores = if version == "v2" {
            !lint.disallow_comment_ignores.unwrap_or(false)
        } else {
            lint.allow_comment_ignores.unwrap_or(false)
        };
        let defaults = Options::default();
        Ok(ModuleLint {
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
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lint_blocks_are_read_as_buf_reads_them() {
        let block = serde_json::json!({
            "use": ["STANDARD", "COMMENTS"],
            "except": ["FIELD_LOWER_SNAKE_CASE"],
            "ignore_only": {"ENUM_PASCAL_CASE": ["acme/legacy"]},
            "service_suffix": "API",
        });
        let m = ModuleLint::from_block(&block, "v2").unwrap();
        assert_eq!(m.selection.select, ["STANDARD", "COMMENTS"]);
        assert_eq!(m.options.service_suffix, "API");
        assert!(m.allow_comment_ignores);
        assert!(m.ignores("ENUM_PASCAL_CASE", &["acme/legacy/a.proto"]));
        assert!(!m.ignores("ENUM_PASCAL_CASE", &["acme/legacyx/a.proto"]));
        assert!(
            !ModuleLint::from_block(&serde_json::Value::Null, "v1")
                .unwrap()
                .allow_comment_ignores
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        let block = serde_json::json!({"usee": ["STANDARD"]});
        assert!(
            ModuleLint::from_block(&block, "v2")
                .unwrap_err()
                .contains("usee")
        );
    }
}
