//! How one module is linted, from its `lint` block as buf reads it (v2
//! and v1, in a buf.yaml or opensergo.yaml's `proto:` section): `use`,
//! `except`, `ignore`, `ignore_only`, the rule options and comment
//! ignores. The block itself is parsed, with positions, by
//! [`crate::protobuild::buf_config`], with the modules it applies to.

use std::collections::BTreeMap;

use super::Options;
use crate::engine::Selection;
use crate::protobuild::buf_config::{LintBlock, Version};

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
        ModuleLint::from_block(&LintBlock::defaults(Version::V2))
    }
}

impl ModuleLint {
    /// Whether configuration drops a finding of `rule_id` in a file,
    /// named by its import path or its path in the workspace (v1 paths
    /// are relative to the module root, v2 paths to buf.yaml).
    pub fn ignores(&self, rule_id: &str, file: &[&str]) -> bool {
        crate::protobuild::workspace::path_ignored(&self.ignore, &self.ignore_only, rule_id, file)
    }

    /// The settings of one module's `lint` block.
    pub fn from_block(lint: &LintBlock) -> Self {
        let defaults = Options::default();
        ModuleLint {
            selection: lint.selection(),
            options: Options {
                enum_zero_value_suffix: lint
                    .enum_zero_value_suffix
                    .clone()
                    .unwrap_or(defaults.enum_zero_value_suffix),
                service_suffix: lint
                    .service_suffix
                    .clone()
                    .unwrap_or(defaults.service_suffix),
                rpc_allow_same_request_response: lint.rpc_allow_same_request_response,
                rpc_allow_google_protobuf_empty_requests: lint
                    .rpc_allow_google_protobuf_empty_requests,
                rpc_allow_google_protobuf_empty_responses: lint
                    .rpc_allow_google_protobuf_empty_responses,
            },
            ignore: lint.ignore.clone(),
            ignore_only: lint.ignore_only.clone(),
            allow_comment_ignores: lint.allow_comment_ignores,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lint_blocks_are_read_as_buf_reads_them() {
        let block = LintBlock {
            use_rules: vec!["STANDARD".into(), "COMMENTS".into()],
            except: vec!["FIELD_LOWER_SNAKE_CASE".into()],
            ignore_only: [("ENUM_PASCAL_CASE".into(), vec!["acme/legacy".into()])].into(),
            service_suffix: Some("API".into()),
            ..LintBlock::defaults(Version::V2)
        };
        let m = ModuleLint::from_block(&block);
        assert_eq!(m.selection.select, ["STANDARD", "COMMENTS"]);
        assert_eq!(m.options.service_suffix, "API");
        assert!(m.allow_comment_ignores);
        assert!(m.ignores("ENUM_PASCAL_CASE", &["acme/legacy/a.proto"]));
        assert!(!m.ignores("ENUM_PASCAL_CASE", &["acme/legacyx/a.proto"]));
        assert!(!ModuleLint::from_block(&LintBlock::defaults(Version::V1)).allow_comment_ignores);
    }

    #[test]
    fn disable_builtin_runs_no_rule() {
        let block = LintBlock {
            disable_builtin: true,
            ..LintBlock::defaults(Version::V2)
        };
        let levels = ModuleLint::from_block(&block)
            .selection
            .resolve(&super::super::FAMILY)
            .unwrap();
        assert!(
            super::super::FAMILY
                .rules
                .iter()
                .all(|r| levels.level(&r.code).is_none())
        );
    }
}
