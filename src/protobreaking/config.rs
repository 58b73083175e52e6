//! How one module is checked, from its `breaking` block as buf reads it:
//! `use`, `except`, `ignore`, `ignore_only` and `ignore_unstable_packages`.
//! The block itself is parsed, with positions, by
//! [`crate::protobuild::buf_config`], with the modules it applies to.

use std::collections::BTreeMap;

use crate::engine::Selection;
use crate::protobuild::buf_config::BreakingBlock;

/// How one module is checked.
#[derive(Debug, Clone, Default)]
pub struct ModuleBreaking {
    /// Empty `select`: buf's default, the FILE category.
    pub selection: Selection,
    /// Paths whose findings are dropped.
    pub ignore: Vec<String>,
    /// Rule ID -> paths whose findings of that rule are dropped.
    pub ignore_only: BTreeMap<String, Vec<String>>,
    /// Drop findings in alpha, beta and test packages (`foo.v1beta1`).
    pub ignore_unstable_packages: bool,
}

impl ModuleBreaking {
    /// The settings of one module's `breaking` block.
    pub fn from_block(breaking: &BreakingBlock) -> Self {
        ModuleBreaking {
            selection: breaking.selection(),
            ignore: breaking.ignore.clone(),
            ignore_only: breaking.ignore_only.clone(),
            ignore_unstable_packages: breaking.ignore_unstable_packages,
        }
    }

    /// Whether configuration drops a finding of `rule_id` about a file
    /// known by `names` (import path, workspace path) in `package`.
    pub fn ignores(&self, rule_id: &str, names: &[&str], package: &str) -> bool {
        (self.ignore_unstable_packages && crate::protobuild::version::is_unstable(package))
            || crate::protobuild::workspace::path_ignored(
                &self.ignore,
                &self.ignore_only,
                rule_id,
                names,
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaking_blocks_are_read_as_buf_reads_them() {
        let block = BreakingBlock {
            use_rules: vec!["WIRE_JSON".into()],
            except: vec!["FIELD_SAME_NAME".into()],
            ignore: vec!["acme/legacy".into()],
            ignore_unstable_packages: true,
            ..BreakingBlock::default()
        };
        let m = ModuleBreaking::from_block(&block);
        assert_eq!(m.selection.select, ["WIRE_JSON"]);
        assert!(m.ignores("FIELD_NO_DELETE", &["acme/legacy/a.proto"], "acme.v1"));
        assert!(m.ignores("FIELD_NO_DELETE", &["acme/v1/a.proto"], "acme.v1beta1"));
        assert!(!m.ignores("FIELD_NO_DELETE", &["acme/v1/a.proto"], "acme.v1"));
    }
}
