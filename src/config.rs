//! The project configuration file, `opensergo.yaml`, in the spirit of
//! buf.yaml: found by walking up from the current directory (or named with
//! `--config`), it sets excludes, schema sources, strictness, per-rule
//! severities and per-path overrides, and (under `proto:`, in buf.yaml
//! v2's shape) the proto workspace. Unknown keys are errors with their
//! position, so a typo never silently does nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::codes::{self, Code, Severity};
use crate::diagnostic::{Diagnostic, Location};
use crate::escape::escape_path;
use crate::protobuild::buf_config::{self, ProtoSection};
use crate::source::SourceFile;
use crate::suggest::closest;
use crate::yaml::{self, Node, Value};
use crate::yaml_out;
use serde_json::{Value as JsonValue, json};

pub const FILE_NAMES: &[&str] = &crate::protobuild::workspace::PROJECT_CONFIGS;

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
    /// Like --force-exclude: excludes apply to files named on the command line.
    pub force_exclude: bool,
    pub strict: bool,
    pub schema_dirs: Vec<PathBuf>,
    pub crds: Vec<PathBuf>,
    /// Kinds validate skips, and kinds it rejects (like --skip, --reject).
    pub skip: Vec<String>,
    pub reject: Vec<String>,
    /// Like --require-known.
    pub require_known: bool,
    pub rules: RuleLevels,
    pub overrides: Vec<Override>,
    /// Like --fail-on, unless the flag is given.
    pub fail_on: Option<Severity>,
    /// Like lint's --namespace: for objects without metadata.namespace.
    pub namespace: Option<String>,
    /// The proto workspace of this file's directory (`proto:`).
    pub proto: Option<ProtoSection>,
    /// Every rule key as written, with its place, for
    /// [`Config::unknown_rule_codes`].
    rule_keys: Vec<(String, Location)>,
}

/// The level the per-path `overrides` give a finding (the last matching
/// override that names its code), or `None` when none does.
pub fn override_level(overrides: &[Override], d: &Diagnostic) -> Option<Option<Severity>> {
    let file = d.file.strip_prefix("./").unwrap_or(&d.file);
    overrides
        .iter()
        .rev()
        .filter(|o| o.matcher.is_match(file))
        .find_map(|o| {
            o.rules
                .get(d.code.id)
                .or_else(|| o.rules.get(d.code.name))
                .copied()
        })
}

/// A commented default configuration, written by `opensergo config init`.
pub const DEFAULT_CONFIG: &str = r#"# opensergo project configuration (https://opensergo.io)
# Found by walking up from the working directory; pass --config FILE to choose one.
version: v1

# Globs of paths skipped when walking directories (like --exclude).
exclude: []
#  - "vendor/**"
# Apply them to files named on the command line too (like --force-exclude).
forceExclude: false

validate:
  # Report fields the schema does not declare as errors instead of warnings.
  strict: false
  # Extra JSON Schema directories and CRD files, relative to this file.
  schemaDirs: []
  crds: []
  # Kinds skipped unchecked, and kinds that are errors wherever they appear.
  skip: []
  reject: []
  # Documents no schema checks (other kinds, non-object YAML) are errors.
  requireKnown: false

# The namespace lint gives objects without metadata.namespace (like --namespace).
# namespace: shop

# Lowest severity that makes the exit code 1 (like --fail-on): info | warning | error.
failOn: error

# Severity per diagnostic code or name: off | info | warning | error.
rules: {}
#  OS1007: off              # missing-app-label
#  unknown-field: error

# Severities for some paths only; later entries win.
overrides: []
#  - paths: ["legacy/**"]
#    rules:
#      OS1005: off

# The proto workspace of `opensergo proto build|lint|breaking|format` and `gen`
# run in this directory, in buf.yaml v2's shape (paths relative to this file).
# Without it, a buf.yaml there is read, else every .proto file under it.
# proto:
#   modules:
#     - path: proto
#       excludes: [proto/vendor]
#       # A module's own lint or breaking block replaces the top-level one.
#   lint:
#     use: [STANDARD]
#   breaking:
#     use: [FILE]
"#;

impl Config {
    /// Applies the per-path `overrides` to the findings whose code
    /// `configurable` accepts: changes severities and drops the ones turned
    /// off. (Top-level `rules:` are each check's selection, under the
    /// command line's flags: see
    /// [`crate::engine::RuleFamily::selection_from_levels`].)
    pub fn apply_overrides(
        &self,
        diagnostics: &mut Vec<Diagnostic>,
        configurable: impl Fn(&Code) -> bool,
    ) {
        if self.overrides.is_empty() {
            return;
        }
        diagnostics.retain_mut(|d| match override_level(&self.overrides, d) {
            _ if !configurable(&d.code) => true,
            None => true,
            Some(None) => false,
            Some(Some(severity)) => {
                d.severity = severity;
                true
            }
        });
    }

    /// Whether `rules:` or an override names any code (only then is there
    /// anything for [`Config::unknown_rule_codes`] to check).
    pub fn names_rules(&self) -> bool {
        !self.rule_keys.is_empty()
    }

    /// Errors for the rule keys (in `rules` and `overrides`) that name no
    /// code in `configurable`, each with a "did you mean", or that name a
    /// code of `all` that no check lets a configuration change (a silent
    /// no-op otherwise). The config file cannot know the codes itself: the
    /// checks that define them sit above it.
    pub fn unknown_rule_codes(&self, configurable: &[Code], all: &[Code]) -> Vec<Diagnostic> {
        let names = |c: &Code, key: &str| c.id.eq_ignore_ascii_case(key) || c.name == key;
        self.rule_keys
            .iter()
            .filter(|(key, _)| !configurable.iter().any(|c| names(c, key)))
            .map(|(key, at)| {
                let d = if let Some(code) = all.iter().find(|c| names(c, key)) {
                    Diagnostic::new(
                        codes::INVALID_CONFIG,
                        format!(
                            "`{key}` ({} {}) has no level to configure",
                            code.id, code.name
                        ),
                    )
                    .with_label("not configurable")
                    .with_help("rules: and overrides: set the levels of validate's and lint's codes (`opensergo validate --list-rules`, `opensergo lint --list-rules`); reading and parsing errors are never turned off, so a file nobody parsed is never hidden")
                } else {
                    let close = closest(key, configurable.iter().flat_map(|c| [c.id, c.name]));
                    Diagnostic::new(
                        codes::INVALID_CONFIG,
                        format!("`{key}` is no diagnostic code or name"),
                    )
                    .with_label("unknown code")
                    .with_help(match close {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => "codes look like OS1007 or missing-app-label; `opensergo lint --list-rules` lists the lint rules".to_string(),
                    })
                };
                d.at(&at.source, at.span)
            })
            .collect()
    }

    /// The effective configuration as YAML (`opensergo config show`),
    /// written by the same emitter as `convert`'s YAML, so it reads back.
    pub fn to_yaml(&self) -> String {
        let rules = |rules: &RuleLevels| -> JsonValue {
            rules
                .iter()
                .map(|(code, level)| (code.clone(), json!(Severity::level_str(*level))))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        let paths = |items: &[PathBuf]| -> Vec<String> {
            items.iter().map(|p| p.display().to_string()).collect()
        };
        let mut shown = json!({
            "version": "v1",
            "exclude": self.exclude,
            "forceExclude": self.force_exclude,
            "validate": {
                "strict": self.strict,
                "schemaDirs": paths(&self.schema_dirs),
                "crds": paths(&self.crds),
                "skip": self.skip,
                "reject": self.reject,
                "requireKnown": self.require_known,
            },
        });
        let top = shown.as_object_mut().expect("an object literal");
        if let Some(namespace) = &self.namespace {
            top.insert("namespace".into(), json!(namespace));
        }
        if let Some(fail_on) = self.fail_on {
            top.insert("failOn".into(), json!(fail_on.as_str()));
        }
        top.insert("rules".into(), rules(&self.rules));
        let overrides: Vec<JsonValue> = self
            .overrides
            .iter()
            .map(|o| json!({"paths": o.paths, "rules": rules(&o.rules)}))
            .collect();
        top.insert("overrides".into(), overrides.into());
        if let Some(proto) = &self.proto {
            top.insert("proto".into(), proto.config.to_json());
        }
        let origin = match &self.path {
            Some(p) => format!("# from {}\n", escape_path(p)),
            None => "# no opensergo.yaml found: defaults\n".to_string(),
        };
        origin + &yaml_out::to_yaml(&shown)
    }
}

/// Finds the configuration for the working directory: the nearest
/// `opensergo.yaml` (or `.opensergo.yaml`) that exists, whatever it is. One
/// that is no regular file (a dangling link, a directory, a device) is
/// found too, so that loading it says so instead of silently passing it
/// over for a parent directory's configuration or the defaults.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| std::fs::symlink_metadata(candidate).is_ok())
    })
}

/// The `proto:` section of the opensergo.yaml in `dir` itself (not one
/// above it), if any: how a directory given as the previous version of a
/// workspace (`proto breaking --against DIR`) lays out its modules, as
/// buf reads the buf.yaml of such a directory.
pub fn proto_section_in(
    dir: &Path,
    max_size: u64,
) -> Result<Option<ProtoSection>, Vec<Diagnostic>> {
    match FILE_NAMES.iter().map(|n| dir.join(n)).find(|p| p.is_file()) {
        Some(file) => Ok(load_bounded(Some(&file), dir, max_size)?.proto),
        None => Ok(None),
    }
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
            // Never opened: a FIFO would block the run, a device is no config.
            Some(p) if !p.is_file() => {
                return Err(vec![
                    Diagnostic::new(
                        codes::INVALID_CONFIG,
                        format!(
                            "{} is not a regular file (a link to nothing, a directory or a device): it cannot be read as the configuration",
                            escape_path(&p)
                        ),
                    )
                    .in_file(p.display().to_string())
                    .with_help("fix or remove it; --no-config ignores it, --config FILE names another"),
                ]);
            }
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
    let mut rule_keys = Vec::new();
    // The `proto:` section's problems, in the order of the file.
    let mut proto_problems = Vec::new();
    let mut err = |node: &Node, message: String| {
        errors.push(Diagnostic::new(codes::INVALID_CONFIG, message).at(source, node.span()));
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
            "forceExclude" => match value.value {
                Value::Bool(b) => config.force_exclude = b,
                _ => err(value, "`forceExclude` takes true or false".into()),
            },
            "namespace" => match value.as_str() {
                Some(ns) if !ns.is_empty() => config.namespace = Some(ns.to_string()),
                _ => err(value, "`namespace` takes a namespace name".into()),
            },
            "failOn" => match value.as_str().map(Severity::parse_level) {
                Some(Ok(Some(severity))) => config.fail_on = Some(severity),
                _ => err(value, "`failOn` takes info, warning or error".into()),
            },
            "validate" => {
                expect_map(value, "validate", &mut err);
                for (k, v) in value.as_map() {
                    match k.as_str().unwrap_or_default() {
                        "strict" => match v.value {
                            Value::Bool(b) => config.strict = b,
                            _ => err(v, "`strict` takes true or false".into()),
                        },
                        "requireKnown" => match v.value {
                            Value::Bool(b) => config.require_known = b,
                            _ => err(v, "`requireKnown` takes true or false".into()),
                        },
                        "skip" => config.skip = strings(v, &mut err),
                        "reject" => config.reject = strings(v, &mut err),
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
                            unknown_key(
                                "validate.",
                                other,
                                &[
                                    "strict",
                                    "schemaDirs",
                                    "crds",
                                    "skip",
                                    "reject",
                                    "requireKnown",
                                ],
                            ),
                        ),
                    }
                }
            }
            "rules" => config.rules = rule_levels(value, source, &mut rule_keys, &mut err),
            "overrides" => {
                if !matches!(value.value, Value::Seq(_)) {
                    err(
                        value,
                        "`overrides` takes a list of {paths, rules} entries".into(),
                    );
                }
                for item in value.as_seq() {
                    expect_map(item, "an override", &mut err);
                    let mut paths = Vec::new();
                    let mut rules = RuleLevels::new();
                    for (k, v) in item.as_map() {
                        match k.as_str().unwrap_or_default() {
                            "paths" => paths = strings(v, &mut err),
                            "rules" => rules = rule_levels(v, source, &mut rule_keys, &mut err),
                            other => {
                                err(k, unknown_key("overrides[].", other, &["paths", "rules"]))
                            }
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
            "proto" => match buf_config::from_proto_section(value, source) {
                Ok(proto) => {
                    config.proto = Some(ProtoSection {
                        dir: base.to_path_buf(),
                        file: path.display().to_string(),
                        config: proto,
                    });
                }
                Err(problems) => proto_problems = problems,
            },
            other => err(
                key,
                unknown_key(
                    "",
                    other,
                    &[
                        "version",
                        "exclude",
                        "forceExclude",
                        "namespace",
                        "failOn",
                        "validate",
                        "rules",
                        "overrides",
                        "proto",
                    ],
                ),
            ),
        }
    }
    config.rule_keys = rule_keys;
    errors.extend(proto_problems);
    errors.sort_by_key(|d| d.start().map(|p| (p.line, p.column)));
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors)
    }
}

/// "unknown key `validate.strikt` (did you mean `strict`?; expected ...)".
fn unknown_key(prefix: &str, key: &str, expected: &[&str]) -> String {
    let close = closest(key, expected.iter().copied())
        .map(|c| format!("did you mean `{c}`? "))
        .unwrap_or_default();
    format!(
        "unknown key `{prefix}{key}` ({close}expected {})",
        expected.join(", ")
    )
}

fn expect_map(node: &Node, what: &str, err: &mut impl FnMut(&Node, String)) {
    if !matches!(node.value, Value::Map(_)) {
        err(node, format!("`{what}` takes a mapping of keys"));
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

fn rule_levels(
    node: &Node,
    source: &Arc<SourceFile>,
    keys: &mut Vec<(String, Location)>,
    err: &mut impl FnMut(&Node, String),
) -> RuleLevels {
    let mut out = RuleLevels::new();
    expect_map(node, "rules", err);
    for (k, v) in node.as_map() {
        let code = k.key_text().unwrap_or_default().into_owned();
        keys.push((code.clone(), Location::new(source, k.span())));
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
    fn later_overrides_win() {
        let c = parse_text(
            "rules: {OS1007: off}\noverrides:\n- paths: ['legacy/**']\n  rules: {OS1007: warning, OS1005: off}\n- paths: ['legacy/new/**']\n  rules: {OS1007: error}\n",
        )
        .unwrap();
        let level = |file: &str, code| {
            override_level(&c.overrides, &Diagnostic::new(code, "m").in_file(file))
        };
        assert_eq!(level("a.yaml", codes::MISSING_APP_LABEL), None);
        assert_eq!(
            level("./legacy/a.yaml", codes::MISSING_APP_LABEL),
            Some(Some(Severity::Warning))
        );
        assert_eq!(
            level("legacy/new/a.yaml", codes::MISSING_APP_LABEL),
            Some(Some(Severity::Error))
        );
        assert_eq!(level("legacy/new/a.yaml", codes::UNKNOWN_FIELD), Some(None));
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

    #[test]
    fn the_proto_section_is_read_checked_and_shown() {
        let c = parse_text("proto:\n  modules:\n    - path: api\n      lint: {use: [BASIC]}\n")
            .unwrap();
        let proto = c.proto.as_ref().unwrap();
        assert_eq!(proto.dir, Path::new("/p"));
        assert_eq!(proto.config.lint_for(0).use_rules, ["BASIC"]);
        let again = parse_text(&c.to_yaml()).unwrap();
        assert_eq!(
            again.proto.unwrap().config.to_json(),
            proto.config.to_json()
        );
        // Unknown keys at any depth, with positions and in file order
        // among the file's other errors.
        let errors = parse_text(
            "proto:\n  modules:\n    - path: api\n      breaking:\n        usee: [WIRE]\nvalidate:\n  strikt: true\n",
        )
        .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].start().unwrap().line, 5);
        assert!(
            errors[0]
                .help
                .as_deref()
                .unwrap()
                .contains("did you mean `use`")
        );
        assert_eq!(errors[1].start().unwrap().line, 7);
    }
}
