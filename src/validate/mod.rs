//! Checking one document: its type, its metadata and its schema.
//!
//! `check_document` is pure (document in, findings out) and runs in
//! parallel; `resolve_strategy_kinds` is the one step that needs the whole
//! run, to say which kind an untyped strategy reference points at.

mod hints;
pub mod metadata;

use std::collections::HashMap;

use compact_str::CompactString;

use jsonschema::error::ValidationErrorKind;
use jsonschema::paths::LocationSegment;

use crate::codes::{self, Severity};
use crate::config::Override;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::engine::{self, Levels, Rule, RuleFamily, Selection};
use crate::findings::Status;
use crate::kinds::Lookup;
use crate::path::{FieldPath, Segment};
use crate::schema::SchemaSet;
use crate::typecheck::{self, TypeVerdict};

/// Validate's codes as a rule family, so `--select`, `--ignore`,
/// `--severity`, `rules:` in opensergo.yaml and suppressions name them the
/// way they name lint's rules. The checks are one pass over a document,
/// not a function per code, so a rule's check is `()`. Left out, because
/// turning them off would pass a file nobody checked: io-error (also exit
/// code 2) and the reading and parsing codes (not-text, yaml-syntax,
/// duplicate-key, yaml-limit, template), which stop a whole file before
/// any document is judged; and invalid-config, which is about
/// opensergo.yaml, never a document.
pub static RULES: &[Rule<()>] = &[
    Rule::new(codes::MISSING_TYPE_META, &["type"], ()),
    Rule::new(codes::UNKNOWN_KIND, &["type"], ()),
    Rule::new(codes::SUPERSEDED_KIND, &["type"], ()),
    Rule::new(codes::SCHEMA_VIOLATION, &["schema"], ()),
    Rule::new(codes::UNKNOWN_FIELD, &["schema"], ()),
    Rule::new(codes::INVALID_METADATA, &["metadata"], ()),
    Rule::new(codes::MISSING_APP_LABEL, &["metadata"], ()),
    Rule::new(codes::WRONG_API_VERSION, &["type"], ()),
    Rule::new(codes::NOT_AN_OBJECT, &["type"], ()),
    Rule::new(codes::NO_SCHEMA, &["type"], ()),
    Rule::new(codes::REJECTED_KIND, &["type"], ()),
    Rule::new(codes::UNKNOWN_SUPPRESSED_CODE, &["suppression"], ()),
];

pub static FAMILY: RuleFamily<()> = RuleFamily {
    command: "opensergo validate",
    rules: RULES,
    categories: &["type", "schema", "metadata", "suppression"],
    configured_by: crate::engine::CONFIGURED_BY_FLAGS,
};

/// A code of validate's family by id (any case) or name: what a
/// suppression in a validated file may name.
pub fn resolve(id_or_name: &str) -> Option<codes::Code> {
    FAMILY.find(id_or_name).map(|r| r.code)
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Unknown fields are errors, not warnings.
    pub strict: bool,
    /// Kinds (`Deployment`) or apiVersion/kinds (`apps/v1/Deployment`)
    /// skipped unchecked and counted.
    pub skip: Vec<String>,
    /// Kinds reported as errors wherever they appear.
    pub reject: Vec<String>,
    /// Documents with no schema (foreign kinds, non-objects) are errors.
    pub require_known: bool,
    /// The level of each code (`rules:` in opensergo.yaml, then the
    /// command line's selection); empty: every code at its default.
    pub levels: Levels,
    /// opensergo.yaml's per-path `overrides:`, which win over `levels`.
    pub overrides: Vec<Override>,
}

impl Options {
    /// The options opensergo.yaml sets (`validate:`).
    pub fn from_config(config: &crate::config::Config) -> Self {
        Options {
            strict: config.strict,
            skip: config.skip.clone(),
            reject: config.reject.clone(),
            require_known: config.require_known,
            levels: levels(config, Selection::default()).unwrap_or_default(),
            overrides: config.overrides.clone(),
        }
    }

    /// Gives findings of the family's codes their configured levels: a
    /// per-path override naming the code, else `levels`. Returns whether
    /// anything changed.
    pub fn relevel(&self, diagnostics: &mut Vec<Diagnostic>) -> bool {
        engine::relevel(diagnostics, |d| {
            let level = self.levels.configured(&d.code)?;
            Some(crate::config::override_level(&self.overrides, d).unwrap_or(level))
        })
    }

    fn names(list: &[String], doc: &Document) -> bool {
        let meta = &doc.meta;
        !meta.kind.is_empty()
            && list.iter().any(|k| {
                *k == meta.kind
                    || k.strip_suffix(meta.kind.as_str())
                        .and_then(|rest| rest.strip_suffix('/'))
                        == Some(meta.api_version.as_str())
            })
    }
}

/// The levels of validate's codes: `rules:` of `config` (the ones naming
/// validate's codes), then `cli` over them. `Err` for a selector that
/// names no code of validate's.
pub fn levels(config: &crate::config::Config, cli: Selection) -> Result<Levels, String> {
    let mut selection = FAMILY.selection_from_levels(&config.rules);
    selection.merge(cli);
    selection.resolve(&FAMILY)
}

#[derive(Debug)]
pub struct Checked {
    pub status: Status,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether a schema judged the document (not only its type).
    schema_checked: bool,
}

impl Checked {
    /// The verdict again after findings were dropped or changed level
    /// (configuration, suppressions). A verdict that was never a schema
    /// check (a rejected kind, a document no schema covers, a mistyped
    /// kind) whose findings are all gone is a skip, not a pass.
    pub fn refreshed(self) -> Checked {
        if self.status == Status::Skipped || (self.diagnostics.is_empty() && !self.schema_checked) {
            return Checked {
                status: Status::Skipped,
                ..self
            };
        }
        Checked {
            schema_checked: self.schema_checked,
            ..finish(self.diagnostics)
        }
    }

    fn skipped() -> Self {
        Checked {
            status: Status::Skipped,
            diagnostics: Vec::new(),
            schema_checked: false,
        }
    }
}

/// Validates one document, each finding at its configured level (codes
/// turned off leave no finding).
pub fn check_document(doc: &Document, schemas: &SchemaSet, options: &Options) -> Checked {
    let mut checked = judge(doc, schemas, options);
    if options.relevel(&mut checked.diagnostics) {
        checked = checked.refreshed();
    }
    checked
}

/// [`check_document`] before levels apply.
fn judge(doc: &Document, schemas: &SchemaSet, options: &Options) -> Checked {
    let meta = &doc.meta;
    if Options::names(&options.reject, doc) {
        let span = doc
            .root
            .entry("kind")
            .map_or(doc.head_span(), |(_, v)| v.span());
        return finish(vec![
            doc.diagnostic(
                codes::REJECTED_KIND,
                format!("{} objects are rejected in this run", meta.kind),
                span,
            )
            .with_path(FieldPath::keys(&["kind"]))
            .with_help("--reject (or validate.reject in opensergo.yaml) names this kind"),
        ]);
    }
    if Options::names(&options.skip, doc) {
        return Checked::skipped();
    }
    let verdict = typecheck::judge(doc);
    let lookup = match verdict {
        TypeVerdict::Known(info) => Lookup::Known(info),
        _ => Lookup::Foreign,
    };
    // User schemas win, so a project's own kinds in an `*.opensergo.io`
    // group validate against them.
    let chosen = match verdict {
        TypeVerdict::NotAnObject => None,
        _ => schemas.find(&meta.api_version, &meta.kind, lookup),
    };
    let Some(chosen) = chosen else {
        return match verdict {
            TypeVerdict::Wrong(d) => finish(vec![*d]),
            TypeVerdict::NotAnObject if options.require_known => finish(vec![
                doc.diagnostic(
                    codes::NOT_AN_OBJECT,
                    "not a Kubernetes object (no apiVersion, kind or metadata)",
                    doc.head_span(),
                )
                .with_help("--require-known makes every document an error that no schema checks; exclude this file instead"),
            ]),
            TypeVerdict::Foreign if options.require_known => finish(vec![
                doc.diagnostic(
                    codes::NO_SCHEMA,
                    format!("no schema for {} {}", meta.api_version, meta.kind),
                    doc.head_span(),
                )
                .with_help("give one with --schema-dir or --crd, or skip the kind with --skip"),
            ]),
            _ => Checked::skipped(),
        };
    };
    let mut diagnostics = Vec::new();
    if crate::kinds::is_opensergo_group(meta.group()) {
        diagnostics.extend(metadata::check(doc, meta.group() != "policy.opensergo.io"));
    }
    oversized_integers(doc, &mut diagnostics);
    match chosen.validator {
        Ok(validator) => {
            let json = doc.to_json();
            // Most documents are valid; checking validity alone is much
            // cheaper than collecting errors.
            if !validator.is_valid(&json) {
                for error in validator.iter_errors(&json) {
                    schema_error(doc, &error, options.strict, &mut diagnostics);
                }
            }
        }
        Err(message) => diagnostics.push(doc.diagnostic(
            codes::SCHEMA_VIOLATION,
            format!("cannot use schema {}: {message}", chosen.origin),
            doc.head_span(),
        )),
    }
    Checked {
        schema_checked: true,
        ..finish(diagnostics)
    }
}

/// Integers written with more digits than 64 bits hold
/// (`threshold: 99999999999999999999999999`): YAML and JSON readers turn
/// them into rounded floats that a schema's `integer` still accepts, but
/// Kubernetes (int64) rejects the object and converters cannot represent
/// the value.
fn oversized_integers(doc: &Document, out: &mut Vec<Diagnostic>) {
    let mut stack = vec![&doc.root];
    while let Some(node) = stack.pop() {
        match &node.value {
            crate::yaml::Value::Map(entries) => {
                stack.extend(entries.iter().rev().map(|(_, v)| v));
            }
            crate::yaml::Value::Seq(items) => stack.extend(items.iter().rev()),
            crate::yaml::Value::Float(_) if node.plain() => {
                let text = doc
                    .source
                    .text
                    .get(node.span().start..node.span().end)
                    .unwrap_or_default();
                let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                let shown: String = if text.len() > 40 {
                    format!("{}...", &text[..37])
                } else {
                    text.to_string()
                };
                let path = doc.path_at(node.span());
                let mut d = doc
                    .diagnostic(
                        codes::SCHEMA_VIOLATION,
                        if path.is_empty() {
                            format!("{shown} is too large for a 64-bit integer")
                        } else {
                            format!("{path}: {shown} is too large for a 64-bit integer")
                        },
                        node.span(),
                    )
                    .with_label("does not fit in int64")
                    .with_help(
                        "Kubernetes stores integers as int64 (at most 9223372036854775807) and rejects larger ones; other tools silently round them",
                    );
                if !path.is_empty() {
                    d = d.with_path(path);
                }
                out.push(d);
            }
            _ => {}
        }
    }
}

fn finish(mut diagnostics: Vec<Diagnostic>) -> Checked {
    diagnostics.sort_by_key(|d| d.location.as_ref().map(|l| l.span.start));
    let invalid = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Checked {
        status: if invalid {
            Status::Invalid
        } else {
            Status::Valid
        },
        diagnostics,
        schema_checked: false,
    }
}

fn to_path(location: &jsonschema::paths::Location) -> FieldPath {
    location
        .iter()
        .map(|segment| match segment {
            LocationSegment::Property(p) => Segment::Key(p.to_string()),
            LocationSegment::Index(i) => Segment::Index(i),
        })
        .collect()
}

fn schema_error(
    doc: &Document,
    error: &jsonschema::ValidationError<'_>,
    strict: bool,
    out: &mut Vec<Diagnostic>,
) {
    let path = to_path(error.instance_path());
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            // One index of the mapping's keys, not a scan per unknown key.
            let keys: HashMap<std::borrow::Cow<'_, str>, crate::source::Span> = doc
                .node_at(path.segments())
                .map(|(_, node)| {
                    node.as_map()
                        .iter()
                        .filter_map(|(k, _)| Some((k.key_text()?, k.span())))
                        .collect()
                })
                .unwrap_or_default();
            for field in unexpected {
                let field_path = path.child(field.as_str());
                let help = hints::help_for(doc, &field_path, &hints::Problem::UnknownField);
                let span = keys
                    .get(field.as_str())
                    .copied()
                    .unwrap_or_else(|| doc.span_of(field_path.segments(), true));
                let mut d = doc
                    .diagnostic(
                        codes::UNKNOWN_FIELD,
                        format!("unknown field `{field_path}`"),
                        span,
                    )
                    .with_path(field_path)
                    .with_label("not declared by the schema; Kubernetes would drop it");
                if strict {
                    d = d.with_severity(Severity::Error);
                }
                if let Some(help) = help {
                    d = d.with_help(help);
                }
                out.push(d);
            }
        }
        ValidationErrorKind::Required { property } => {
            let property = property.as_str().unwrap_or_default();
            let full = path.child(property);
            let mut d = doc
                .diagnostic(
                    codes::SCHEMA_VIOLATION,
                    format!("missing required field `{full}`"),
                    doc.span_of(path.segments(), true),
                )
                .with_path(full)
                .with_label(format!("`{property}` is required here"));
            if let Some(help) = hints::help_for(doc, &path, &hints::Problem::Missing(property)) {
                d = d.with_help(help);
            }
            out.push(d);
        }
        _ => {
            let mut d = doc
                .diagnostic(
                    codes::SCHEMA_VIOLATION,
                    schema_message(&path, error),
                    doc.span_of(path.segments(), false),
                )
                .with_path(path.clone());
            if let Some(help) = hints::help_for(doc, &path, &hints::Problem::Invalid) {
                d = d.with_help(help);
            }
            out.push(d);
        }
    }
}

fn schema_message(path: &FieldPath, error: &jsonschema::ValidationError<'_>) -> String {
    let text = error.to_string();
    // The cue-generated policy schemas nest oneOf inside oneOf; the raw
    // message repeats the whole value, which helps nobody.
    let text = match error.kind() {
        ValidationErrorKind::OneOfNotValid { .. } => {
            "matches none of the allowed shapes".to_string()
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => {
            "matches more than one of the allowed shapes (set only one)".to_string()
        }
        _ => text,
    };
    if path.is_empty() {
        text
    } else {
        format!("{path}: {text}")
    }
}

/// What one document tells the run-wide strategy-kind hint: the
/// fault-tolerance strategy it defines, or the untyped references it makes.
#[derive(Debug, Default)]
pub struct StrategyFacts {
    /// (namespace, name, kind) of strategies defined: kept for every file
    /// of a run, so names are inline strings (no allocation up to 24 bytes).
    pub defined: Vec<(CompactString, CompactString, &'static str)>,
    /// (index of the missing-kind diagnostic, namespace, strategy name).
    pub untyped: Vec<(usize, String, String)>,
}

impl StrategyFacts {
    /// Records what `doc` defines and which of its `diagnostics` (indexes
    /// offset by `base`) are missing-kind errors worth completing.
    pub fn record(&mut self, doc: &Document, diagnostics: &[Diagnostic], base: usize) {
        let namespace = doc.meta.namespace_or_default();
        if let Lookup::Known(info) = doc.lookup()
            && info.group == "fault-tolerance.opensergo.io"
            && info.kind.ends_with("Strategy")
        {
            self.defined.push((
                CompactString::new(namespace),
                doc.meta.name.clone(),
                info.kind,
            ));
        }
        if doc.meta.kind != "FaultToleranceRule" {
            return;
        }
        for (i, d) in diagnostics.iter().enumerate() {
            // A `spec.strategies[N].kind` finding about a strategy that
            // has no kind: the missing-kind error.
            let Some(
                [
                    Segment::Key(spec),
                    Segment::Key(strategies),
                    Segment::Index(index),
                    Segment::Key(kind),
                ],
            ) = d.path.as_ref().map(FieldPath::segments)
            else {
                continue;
            };
            if (spec.as_str(), strategies.as_str(), kind.as_str()) != ("spec", "strategies", "kind")
            {
                continue;
            }
            let strategy = doc
                .root
                .get_path(&["spec", "strategies"])
                .and_then(|s| s.as_seq().get(*index));
            if let Some(name) = strategy
                .filter(|s| s.get("kind").is_none())
                .and_then(|s| s.get("name"))
                .and_then(|n| n.as_str())
            {
                self.untyped
                    .push((base + i, namespace.to_string(), name.to_string()));
            }
        }
    }
}

/// Strategies defined anywhere in the run, by (namespace, name).
pub type StrategyIndex<'a> = HashMap<(&'a str, &'a str), Vec<&'static str>>;

pub fn strategy_index<'a>(facts: impl Iterator<Item = &'a StrategyFacts>) -> StrategyIndex<'a> {
    let mut index = StrategyIndex::new();
    for (ns, name, kind) in facts.flat_map(|f| &f.defined) {
        index
            .entry((ns.as_str(), name.as_str()))
            .or_default()
            .push(kind);
    }
    index
}

/// Adds "`foo` is a RateLimitStrategy in this run" to a missing-kind error.
pub fn complete_untyped_help(
    d: &mut Diagnostic,
    namespace: &str,
    name: &str,
    index: &StrategyIndex,
) {
    let mut kinds = index.get(&(namespace, name)).cloned().unwrap_or_default();
    // The same strategy in two files is one kind, not two.
    kinds.sort_unstable();
    kinds.dedup();
    let note = match kinds.as_slice() {
        [] => format!("no strategy named `{name}` was found in this run"),
        [kind] => format!("`{name}` is a {kind} in this run: add `kind: {kind}`"),
        kinds => format!(
            "`{name}` names several strategies in this run ({}); `kind` decides which one applies",
            kinds.join(", ")
        ),
    };
    d.help = Some(match d.help.take() {
        Some(help) => {
            let mut chars = help.chars();
            let first = chars.next().map(|c| c.to_uppercase().to_string());
            format!("{note}. {}{}", first.unwrap_or_default(), chars.as_str())
        }
        None => note,
    });
}
