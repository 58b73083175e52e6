//! The project configuration file, `opensergo.yaml`, in the spirit of
//! buf.yaml: found by walking up from the current directory (or named with
//! `--config`), it sets excludes, schema sources, strictness, per-rule
//! severities and per-path overrides. Unknown keys are errors with their
//! position, so a typo never silently does nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::codes::{self, Severity};
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use crate::yaml::{self, Node, Value};

pub const FILE_NAMES: &[&str] = &["opensergo.yaml", ".opensergo.yaml"];

/// Per-code levels, keyed by code id or kebab-case name as written.
/// `None` turns the code off.
pub type RuleLevels = BTreeMap<String, Option<Severity>>;

#[derive(Debug, Clone)]
pub struct Override {
    pub paths: Vec<String>,
    matcher: GlobSet,
    pub rules: RuleLevels,
}

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from; `None` for the defaults.
    pub path: Option<PathBuf>,
    pub exclude: Vec<String>,
    pub strict: bool,
    pub schema_dirs: Vec<PathBuf>,
    pub crds: Vec<PathBuf>,
    pub rules: RuleLevels,
    pub overrides: Vec<Override>,
}

/// A commented default configuration, written by `opensergo config init`.
pub const DEFAULT_CONFIG: &str = r#"# opensergo project configuration (https://opensergo.io)
# Found by walking up from the working directory; pass --config FILE to choose one.
version: v1

# Globs of paths skipped when walking directories (like --exclude).
exclude: []
#  - "vendor/**"

validate:
  # Report fields the schema does not declare as errors instead of warnings.
  strict: false
  # Extra JSON Schema directories and CRD files, relative to this file.
  schemaDirs: []
  crds: []

# Severity per diagnostic code or name: off | info | warning | error.
rules: {}
#  OS1007: off              # missing-app-label
#  unknown-field: error

# Severities for some paths only; later entries win.
overrides: []
#  - paths: ["legacy/**"]
#    rules:
#      OS1005: off
"#;

impl Config {
    /// The configured level of a code for a file: the last matching
    /// override wins over the top-level rules.
    pub fn level(&self, id: &str, name: &str, file: &str) -> Option<Option<Severity>> {
        let file = file.strip_prefix("./").unwrap_or(file);
        let lookup = |rules: &RuleLevels| rules.get(id).or_else(|| rules.get(name)).copied();
        self.overrides
            .iter()
            .rev()
            .filter(|o| o.matcher.is_match(file))
            .find_map(|o| lookup(&o.rules))
            .or_else(|| lookup(&self.rules))
    }

    /// Applies configured levels to findings: changes severities and drops
    /// the ones turned off.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.rules.is_empty() && self.overrides.is_empty() {
            return;
        }
        diagnostics.retain_mut(|d| match self.level(d.code.id, d.code.name, &d.file) {
            None => true,
            Some(None) => false,
            Some(Some(severity)) => {
                d.severity = severity;
                true
            }
        });
    }

    /// The effective configuration as YAML (`opensergo config show`).
    pub fn to_yaml(&self) -> String {
        let list = |items: &[String]| {
            if items.is_empty() {
                " []\n".to_string()
            } else {
                items
                    .iter()
                    .map(|i| format!("\n  - {}", quote(i)))
                    .collect::<String>()
                    + "\n"
            }
        };
        let paths = |items: &[PathBuf]| {
            list(
                &items
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>(),
            )
        };
        let rules = |rules: &RuleLevels, indent: &str| {
            if rules.is_empty() {
                " {}\n".to_string()
            } else {
                rules
                    .iter()
                    .map(|(k, v)| format!("\n{indent}{}: {}", quote(k), Severity::level_str(*v)))
                    .collect::<String>()
                    + "\n"
            }
        };
        let mut out = String::new();
        match &self.path {
            Some(p) => out.push_str(&format!("# from {}\n", p.display())),
            None => out.push_str("# no opensergo.yaml found: defaults\n"),
        }
        out.push_str("version: v1\n");
        out.push_str(&format!("exclude:{}", list(&self.exclude)));
        out.push_str(&format!("validate:\n  strict: {}\n", self.strict));
        out.push_str(&format!(
            "  schemaDirs:{}",
            paths(&self.schema_dirs).replace("\n  -", "\n    -")
        ));
        out.push_str(&format!(
            "  crds:{}",
            paths(&self.crds).replace("\n  -", "\n    -")
        ));
        out.push_str(&format!("rules:{}", rules(&self.rules, "  ")));
        if self.overrides.is_empty() {
            out.push_str("overrides: []\n");
        } else {
            out.push_str("overrides:\n");
            for o in &self.overrides {
                out.push_str(&format!(
                    "  - paths: [{}]\n    rules:{}",
                    o.paths
                        .iter()
                        .map(|p| quote(p))
                        .collect::<Vec<_>>()
                        .join(", "),
                    rules(&o.rules, "      ")
                ));
            }
        }
        out
    }
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Finds the configuration for the working directory.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// Loads the configuration: the given file, else the discovered one, else
/// the defaults. Errors are diagnostics pointing into the file.
pub fn load(explicit: Option<&Path>, cwd: &Path) -> Result<Config, Vec<Diagnostic>> {
    load_bounded(explicit, cwd, crate::document::DEFAULT_MAX_FILE_SIZE)
}

/// [`load`], refusing a file over `max_size` bytes (`--max-file-size`)
/// before reading it whole (`--config /dev/zero` is refused, not read).
pub fn load_bounded(
    explicit: Option<&Path>,
    cwd: &Path,
    max_size: u64,
) -> Result<Config, Vec<Diagnostic>> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match discover(cwd) {
            Some(p) => p,
            None => return Ok(Config::default()),
        },
    };
    let text = crate::input::read_text_bounded(&path, max_size).map_err(|e| {
        vec![
            Diagnostic::new(codes::IO_ERROR, e.message("config", &path, max_size))
                .in_file(path.display().to_string()),
        ]
    })?;
    let source = Arc::new(SourceFile::new(path.display().to_string(), text));
    parse(&source, &path)
}

fn parse(source: &Arc<SourceFile>, path: &Path) -> Result<Config, Vec<Diagnostic>> {
    let (docs, error) = yaml::load_stream(&source.text);
    let mut errors = Vec::new();
    if let Some(e) = error {
        errors.push(e.into_diagnostic(source));
        return Err(errors);
    }
    let base = path.parent().unwrap_or(Path::new("."));
    let mut config = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    let Some(root) = docs
        .into_iter()
        .next()
        .map(|d| d.root)
        .filter(|r| !r.is_null())
    else {
        return Ok(config);
    };
    let mut err = |node: &Node, message: String| {
        errors.push(Diagnostic::new(codes::SCHEMA_VIOLATION, message).at(source, node.span));
    };
    if !matches!(root.value, Value::Map(_)) {
        err(&root, "the configuration must be a mapping".into());
    }
    for (key, value) in root.as_map() {
        match key.as_str().unwrap_or_default() {
            "version" => {
                if value.as_str() != Some("v1") {
                    err(value, "unsupported config version: use `v1`".into());
                }
            }
            "exclude" => config.exclude = strings(value, &mut err),
            "validate" => {
                for (k, v) in value.as_map() {
                    match k.as_str().unwrap_or_default() {
                        "strict" => match v.value {
                            Value::Bool(b) => config.strict = b,
                            _ => err(v, "`strict` takes true or false".into()),
                        },
                        "schemaDirs" => {
                            config.schema_dirs = strings(v, &mut err)
                                .into_iter()
                                .map(|p| base.join(p))
                                .collect();
                        }
                        "crds" => {
                            config.crds = strings(v, &mut err)
                                .into_iter()
                                .map(|p| base.join(p))
                                .collect();
                        }
                        other => err(
                            k,
                            format!(
                                "unknown key `validate.{other}` (expected strict, schemaDirs, crds)"
                            ),
                        ),
                    }
                }
            }
            "rules" => config.rules = rule_levels(value, &mut err),
            "overrides" => {
                for item in value.as_seq() {
                    let mut paths = Vec::new();
                    let mut rules = RuleLevels::new();
                    for (k, v) in item.as_map() {
                        match k.as_str().unwrap_or_default() {
                            "paths" => paths = strings(v, &mut err),
                            "rules" => rules = rule_levels(v, &mut err),
                            other => err(
                                k,
                                format!(
                                    "unknown key `{other}` in an override (expected paths, rules)"
                                ),
                            ),
                        }
                    }
                    let mut builder = GlobSetBuilder::new();
                    for p in &paths {
                        match Glob::new(p) {
                            Ok(g) => {
                                builder.add(g);
                            }
                            Err(e) => err(item, format!("invalid glob `{p}`: {e}")),
                        }
                    }
                    let matcher = builder.build().unwrap_or_else(|_| GlobSet::empty());
                    config.overrides.push(Override {
                        paths,
                        matcher,
                        rules,
                    });
                }
            }
            other => err(
                key,
                format!(
                    "unknown key `{other}` (expected version, exclude, validate, rules, overrides)"
                ),
            ),
        }
    }
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors)
    }
}

fn strings(node: &Node, err: &mut impl FnMut(&Node, String)) -> Vec<String> {
    if !matches!(node.value, Value::Seq(_)) {
        err(node, "expected a list of strings".into());
        return Vec::new();
    }
    node.as_seq()
        .iter()
        .filter_map(|item| match item.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                err(item, "expected a string".into());
                None
            }
        })
        .collect()
}

fn rule_levels(node: &Node, err: &mut impl FnMut(&Node, String)) -> RuleLevels {
    let mut out = RuleLevels::new();
    for (k, v) in node.as_map() {
        let code = k.key_text().unwrap_or_default().into_owned();
        let level = match (&v.value, v.as_str()) {
            // `OS1007: false` reads naturally as off.
            (Value::Bool(false), _) => Ok(None),
            (_, Some(text)) => Severity::parse_level(text),
            _ => Err(String::new()),
        };
        match level {
            Ok(level) => {
                out.insert(code, level);
            }
            Err(_) => err(v, format!("`{code}` takes off, info, warning or error")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let source = Arc::new(SourceFile::new("opensergo.yaml", text.to_string()));
        parse(&source, Path::new("/p/opensergo.yaml"))
    }

    #[test]
    fn the_default_config_parses_to_the_defaults() {
        let c = parse_text(DEFAULT_CONFIG).unwrap();
        assert!(c.rules.is_empty() && c.overrides.is_empty() && !c.strict);
    }

    #[test]
    fn unknown_keys_are_errors_with_positions() {
        let errors = parse_text("version: v1\nvalidate:\n  strikt: true\n").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("validate.strikt"));
        assert_eq!(errors[0].start().unwrap().line, 3);
    }

    #[test]
    fn overrides_win_over_rules() {
        let c = parse_text(
            "rules: {OS1007: off, unknown-field: error}\noverrides:\n- paths: ['legacy/**']\n  rules: {OS1007: warning}\n",
        )
        .unwrap();
        assert_eq!(c.level("OS1007", "missing-app-label", "a.yaml"), Some(None));
        assert_eq!(
            c.level("OS1007", "missing-app-label", "./legacy/a.yaml"),
            Some(Some(Severity::Warning))
        );
        assert_eq!(
            c.level("OS1005", "unknown-field", "a.yaml"),
            Some(Some(Severity::Error))
        );
        assert_eq!(c.schema_dirs, Vec::<PathBuf>::new());
    }

    #[test]
    fn shown_config_parses_back() {
        let c = parse_text("exclude: [vendor/**]\nvalidate: {strict: true, crds: [a.yaml]}\nrules: {OS1007: off}\noverrides:\n- paths: [x/**]\n  rules: {OS1005: error}\n").unwrap();
        let again = parse_text(&c.to_yaml()).unwrap();
        assert_eq!(again.exclude, c.exclude);
        assert!(again.strict);
        assert_eq!(again.rules, c.rules);
        assert_eq!(again.overrides[0].rules, c.overrides[0].rules);
    }
}
