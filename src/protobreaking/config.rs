//! The `breaking` block of buf.yaml, read as buf reads it: `use`,
//! `except`, `ignore`, `ignore_only` and `ignore_unstable_packages`.
//! Modules come from [`crate::protobuild::workspace`], which reads the
//! same file. Unknown keys are errors, as in buf.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::engine::Selection;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BreakingBlock {
    #[serde(rename = "use", default)]
    use_rules: Vec<String>,
    #[serde(default)]
    except: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    ignore_only: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    ignore_unstable_packages: bool,
    #[serde(rename = "disable_builtin", default)]
    _disable_builtin: Option<IgnoredAny>,
}

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
    /// The settings of one module's `breaking` block (`null`: defaults).
    pub fn from_block(block: &serde_json::Value) -> Result<Self, String> {
        let breaking: BreakingBlock = if block.is_null() {
            BreakingBlock::default()
        } else {
            serde_json::from_value(block.clone())
                .map_err(|e| format!("buf.yaml `breaking`: {e}"))?
        };
        Ok(ModuleBreaking {
            selection: Selection {
                select: breaking.use_rules,
                ignore: breaking.except,
                ..Selection::default()
            },
            ignore: breaking.ignore,
            ignore_only: breaking.ignore_only,
            ignore_unstable_packages: breaking.ignore_unstable_packages,
        })
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
        let block = serde_json::json!({
            "use": ["WIRE_JSON"],
            "except": ["FIELD_SAME_NAME"],
            "ignore": ["acme/legacy"],
            "ignore_unstable_packages": true,
        });
        let m = ModuleBreaking::from_block(&block).unwrap();
        assert_eq!(m.selection.select, ["WIRE_JSON"]);
        assert!(m.ignores("FIELD_NO_DELETE", &["acme/legacy/a.proto"], "acme.v1"));
        assert!(m.ignores("FIELD_NO_DELETE", &["acme/v1/a.proto"], "acme.v1beta1"));
        assert!(!m.ignores("FIELD_NO_DELETE", &["acme/v1/a.proto"], "acme.v1"));
        let unknown = serde_json::json!({"uses": ["FILE"]});
        assert!(
            ModuleBreaking::from_block(&unknown)
                .unwrap_err()
                .contains("uses")
        );
    }
}
