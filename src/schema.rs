//! JSON Schemas: the embedded ones, user schema directories, and CRDs
//! converted to JSON Schema.
//!
//! Each schema is compiled at most once per run, and only when a document
//! of its kind shows up, so a pre-commit run on one file compiles one
//! schema.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::{Map, Value, json};

use crate::escape::escape_path;
use crate::kinds::{self, KINDS};
use crate::walk::{DirFilters, walk_dir};

/// A schema that compiles on first use.
struct LazySchema {
    /// Where it came from, for error messages.
    origin: String,
    text: SchemaText,
    compiled: OnceLock<Result<Validator, String>>,
}

enum SchemaText {
    Embedded(&'static str),
    /// A user schema (read and parsed when added).
    Value(Value),
}

impl LazySchema {
    fn chosen(&self) -> Chosen<'_> {
        Chosen {
            validator: self.get(),
            origin: &self.origin,
        }
    }

    fn get(&self) -> Result<&Validator, &str> {
        self.compiled
            .get_or_init(|| {
                let value = match &self.text {
                    SchemaText::Embedded(text) => {
                        serde_json::from_str(text).map_err(|e| e.to_string())?
                    }
                    SchemaText::Value(v) => v.clone(),
                };
                compile(&value)
            })
            .as_ref()
            .map_err(|e| e.as_str())
    }
}

pub fn compile(schema: &Value) -> Result<Validator, String> {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(schema)
        .map_err(|e| e.to_string())
}

/// Key for user schemas: group (may be empty for "any group"), version, kind,
/// all lower case, as kubeconform's file naming is.
type SchemaKey = (String, String, String);

/// All schemas a run can validate against.
pub struct SchemaSet {
    builtin: Vec<LazySchema>,
    user: HashMap<SchemaKey, LazySchema>,
    /// Notes on files a `--schema-dir` walk left out (symbolic links
    /// leading out of the directory), for stderr.
    pub skipped: Vec<String>,
}

/// A schema chosen for a document.
pub struct Chosen<'a> {
    pub validator: Result<&'a Validator, &'a str>,
    pub origin: &'a str,
}

impl Default for SchemaSet {
    fn default() -> Self {
        Self::builtin()
    }
}

impl SchemaSet {
    pub fn builtin() -> Self {
        SchemaSet {
            builtin: KINDS
                .iter()
                .map(|k| LazySchema {
                    origin: format!("embedded schema {}", k.schema_path()),
                    text: SchemaText::Embedded(k.schema),
                    compiled: OnceLock::new(),
                })
                .collect(),
            user: HashMap::new(),
            skipped: Vec::new(),
        }
    }

    /// Adds every `*.json` under `dir`, named the way kubeconform and
    /// openapi2jsonschema name them: `<group>/<version>/<Kind>.json`,
    /// `<group>/<kind>_<version>.json` or `<kind>_<version>.json`.
    /// The directory is walked as input directories are (see
    /// [`crate::walk::walk_dir`]): a symbolic link leading out of it is
    /// skipped with a note in [`SchemaSet::skipped`] unless
    /// `follow_symlinks`, and files are read beneath it.
    /// Each file is read (within `max_size` bytes) and parsed here, so a
    /// broken one is a usage error before any document is checked; it is
    /// compiled when a document needs it (see [`SchemaSet::unusable`]).
    pub fn add_schema_dir(
        &mut self,
        dir: &Path,
        max_size: u64,
        follow_symlinks: bool,
    ) -> Result<usize, String> {
        if !dir.is_dir() {
            return Err(format!(
                "schema directory {} does not exist",
                escape_path(dir)
            ));
        }
        let tree = walk_dir(
            dir,
            &DirFilters {
                overrides: None,
                respect_ignore: false,
                follow_symlinks,
                pick: |p| p.extension().is_some_and(|e| e == "json"),
                leave_out: &[],
            },
        );
        if let Some(error) = tree.errors.first() {
            return Err(format!("--schema-dir {}: {error}", escape_path(dir)));
        }
        self.skipped.extend(tree.skipped);
        let mut added = 0;
        for file in &tree.files {
            let Some(entry) = file.path() else { continue };
            let Some(key) = schema_key_from_path(dir, entry) else {
                continue;
            };
            let text = file
                .read_text(max_size)
                .map_err(|e| e.message("--schema-dir file", entry, max_size))?;
            let value: Value = serde_json::from_str(&text).map_err(|e| {
                format!(
                    "--schema-dir file {} is not valid JSON: {e}",
                    escape_path(entry)
                )
            })?;
            self.user.insert(
                key,
                LazySchema {
                    origin: file.display_name(),
                    text: SchemaText::Value(value),
                    compiled: OnceLock::new(),
                },
            );
            added += 1;
        }
        Ok(added)
    }

    /// Adds the schemas of every CustomResourceDefinition in a YAML text.
    pub fn add_crds(&mut self, origin: &str, docs: &[Value]) -> Result<usize, String> {
        let mut added = 0;
        for doc in docs {
            for converted in crd_to_schemas(doc)? {
                // CRDs are few: compile now, so an unusable schema is a
                // usage error before anything is checked.
                let validator = compile(&converted.schema).map_err(|e| {
                    format!(
                        "{origin}: CRD {} ({}/{}) has an unusable schema: {e}",
                        converted.name, converted.group, converted.version
                    )
                })?;
                let compiled = OnceLock::new();
                let _ = compiled.set(Ok(validator));
                self.user.insert(
                    (
                        converted.group.to_lowercase(),
                        converted.version.to_lowercase(),
                        converted.kind.to_lowercase(),
                    ),
                    LazySchema {
                        origin: format!("{origin} ({})", converted.kind),
                        text: SchemaText::Value(converted.schema),
                        compiled,
                    },
                );
                added += 1;
            }
        }
        Ok(added)
    }

    /// The first user schema that failed to compile when a document
    /// needed it: "origin: why". A broken schema is the user's setup, not
    /// a finding about each document it was meant for.
    pub fn unusable(&self) -> Option<String> {
        let mut broken: Vec<String> = self
            .user
            .values()
            .filter_map(|s| match s.compiled.get() {
                Some(Err(e)) => Some(format!("schema {} is unusable: {e}", s.origin)),
                _ => None,
            })
            .collect();
        broken.sort();
        broken.into_iter().next()
    }

    /// The embedded schemas plus the user's: JSON Schema directories and
    /// CustomResourceDefinition files.
    pub fn with_user_schemas(
        schema_dirs: &[std::path::PathBuf],
        crds: &[std::path::PathBuf],
        max_size: u64,
        follow_symlinks: bool,
    ) -> Result<Self, String> {
        let mut schemas = Self::builtin();
        for dir in schema_dirs {
            schemas.add_schema_dir(dir, max_size, follow_symlinks)?;
        }
        for file in crds {
            let loaded =
                crate::document::load_source(&crate::input::Input::File(file.clone()), max_size);
            if let Some(err) = loaded.errors.first() {
                return Err(format!("--crd {}: {}", file.display(), err.message));
            }
            let docs: Vec<_> = loaded
                .documents
                .iter()
                .map(crate::document::Document::to_json)
                .collect();
            let added = schemas.add_crds(&file.display().to_string(), &docs)?;
            if added == 0 {
                return Err(format!(
                    "--crd {}: no CustomResourceDefinition with a schema in this file",
                    file.display()
                ));
            }
        }
        Ok(schemas)
    }

    /// The schema for a document (`lookup` is what the kind registry says
    /// of it): user schemas win over embedded ones.
    pub fn find(&self, api_version: &str, kind: &str, lookup: kinds::Lookup) -> Option<Chosen<'_>> {
        if !self.user.is_empty() {
            let (group, version) = kinds::split_api_version(api_version);
            let (version, kind) = (version.to_lowercase(), kind.to_lowercase());
            let exact = (group.to_lowercase(), version.clone(), kind.clone());
            let any_group = (String::new(), version, kind);
            if let Some(s) = self.user.get(&exact).or_else(|| self.user.get(&any_group)) {
                return Some(s.chosen());
            }
        }
        match lookup {
            kinds::Lookup::Known(info) => {
                let index = KINDS.iter().position(|k| std::ptr::eq(k, info))?;
                Some(self.builtin[index].chosen())
            }
            _ => None,
        }
    }
}

fn schema_key_from_path(root: &Path, path: &Path) -> Option<SchemaKey> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().to_lowercase())
        .collect();
    let stem = parts.last()?.strip_suffix(".json")?.to_string();
    if let Some((kind, version)) = stem.rsplit_once('_') {
        let group = if parts.len() >= 2 {
            parts[parts.len() - 2].clone()
        } else {
            String::new()
        };
        return Some((group, version.to_string(), kind.to_string()));
    }
    if parts.len() >= 3 {
        let n = parts.len();
        return Some((parts[n - 3].clone(), parts[n - 2].clone(), stem));
    }
    None
}

/// One version of a CRD, as JSON Schema.
pub struct ConvertedCrd {
    /// The CRD's metadata.name, for messages.
    pub name: String,
    pub group: String,
    pub version: String,
    pub kind: String,
    pub schema: Value,
}

/// Converts a CustomResourceDefinition (apiextensions v1 or v1beta1) the
/// way kubeconform's openapi2jsonschema does: objects with declared
/// properties reject others, `nullable` admits null, int-or-string takes
/// either. Documents that are not CRDs give nothing.
pub fn crd_to_schemas(doc: &Value) -> Result<Vec<ConvertedCrd>, String> {
    if doc.get("kind").and_then(Value::as_str) != Some("CustomResourceDefinition") {
        return Ok(Vec::new());
    }
    let name = doc
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or("<unnamed>");
    let spec = doc
        .get("spec")
        .ok_or_else(|| format!("CRD {name} has no spec"))?;
    let group = spec
        .get("group")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("CRD {name} has no spec.group"))?;
    let kind = spec
        .pointer("/names/kind")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("CRD {name} has no spec.names.kind"))?;
    let mut out = Vec::new();
    let shared_schema = spec.pointer("/validation/openAPIV3Schema");
    let versions: Vec<(String, Option<&Value>)> =
        match spec.get("versions").and_then(Value::as_array) {
            Some(list) => list
                .iter()
                .filter_map(|v| {
                    let version = v.get("name")?.as_str()?.to_string();
                    Some((
                        version,
                        v.pointer("/schema/openAPIV3Schema").or(shared_schema),
                    ))
                })
                .collect(),
            None => spec
                .get("version")
                .and_then(Value::as_str)
                .map(|v| vec![(v.to_string(), shared_schema)])
                .unwrap_or_default(),
        };
    for (version, schema) in versions {
        let Some(schema) = schema else {
            continue;
        };
        let mut schema = openapi_to_json_schema(schema, false);
        // Every object has type and object metadata, whether or not the
        // CRD's schema spells them out (controller-gen does, cue does not).
        if let Some(Value::Object(props)) = schema.get_mut("properties") {
            for (field, field_schema) in [
                ("apiVersion", json!({"type": "string"})),
                ("kind", json!({"type": "string"})),
                ("metadata", json!({"type": "object"})),
            ] {
                props.entry(field).or_insert(field_schema);
            }
        }
        add_proto_bounds(group, kind, &mut schema);
        if let Value::Object(map) = &mut schema {
            let mut head = Map::new();
            head.insert(
                "$schema".into(),
                json!("https://json-schema.org/draft/2020-12/schema"),
            );
            head.insert("title".into(), json!(format!("{kind} ({group}/{version})")));
            head.extend(std::mem::take(map));
            *map = head;
        }
        out.push(ConvertedCrd {
            name: name.to_string(),
            group: group.to_string(),
            version,
            kind: kind.to_string(),
            schema,
        });
    }
    Ok(out)
}

/// A positive duration as the policy protos' `google.protobuf.Duration`
/// fields take it and `convert` maps it: the proto3 JSON form (`1.5s`) or
/// an OpenSergo duration (`500ms`, `5min`, `1h`, `1d`).
const POSITIVE_DURATION: &str = r"^([1-9][0-9]*(ms|s|m|min|minute|h|d)|[0-9]+\.[0-9]{1,9}s)$";

/// The range a proto field type gives a number or duration.
#[derive(Clone, Copy)]
enum Bound {
    /// `UInt64Value`: not negative.
    Unsigned,
    /// `UInt32Value`: not negative, at most 2^32 - 1.
    Unsigned32,
    /// A `UInt32Value` percent: 0 to 100.
    Percent,
    /// A `Duration` interval: positive, with a unit.
    Duration,
}

impl Bound {
    fn keywords(self) -> Value {
        match self {
            Bound::Unsigned => json!({"minimum": 0}),
            Bound::Unsigned32 => json!({"minimum": 0, "maximum": u32::MAX}),
            Bound::Percent => json!({"minimum": 0, "maximum": 100}),
            Bound::Duration => json!({"pattern": POSITIVE_DURATION}),
        }
    }
}

/// Bounds the cue-generated policy.opensergo.io CRDs lost: each field's
/// proto type (higress-group/opensergo-api `policy/v1alpha1/*.proto`)
/// gives its range. Keyed by kind, then by the path of property names
/// under `spec.config`.
/// A field under `spec.config` (its path of property names) and its bound.
type BoundField = (&'static [&'static str], Bound);

const PROTO_BOUNDS: &[(&str, &[BoundField])] = &[
    (
        "RateLimit",
        &[
            (&["limit"], Bound::Unsigned),
            (&["burst"], Bound::Unsigned),
            (&["interval"], Bound::Duration),
        ],
    ),
    (
        "ConcurrencyLimit",
        &[(&["maxConcurrency"], Bound::Unsigned)],
    ),
    (
        "CircuitBreaker",
        &[
            (&["abnormalPercent"], Bound::Percent),
            (&["minRequests"], Bound::Unsigned32),
            (&["recovery", "probeCount"], Bound::Unsigned32),
            (&["interval"], Bound::Duration),
            (&["breakingInterval"], Bound::Duration),
            (&["slowRequest", "latency"], Bound::Duration),
        ],
    ),
];

fn add_proto_bounds(group: &str, kind: &str, schema: &mut Value) {
    if group != "policy.opensergo.io" {
        return;
    }
    let fields = PROTO_BOUNDS
        .iter()
        .filter(|(k, _)| *k == kind)
        .flat_map(|(_, fields)| fields.iter());
    for (path, bound) in fields {
        let field = ["spec", "config"]
            .iter()
            .chain(path.iter())
            .try_fold(&mut *schema, |node, name| {
                node.get_mut("properties")?.get_mut(*name)
            });
        if let (Some(Value::Object(field)), Value::Object(keywords)) = (field, bound.keywords()) {
            field.extend(keywords);
        }
    }
}

/// Rewrites OpenAPI v3 (Kubernetes structural schema) into JSON Schema.
/// `in_combinator` is true inside oneOf/anyOf/allOf/not, whose branches
/// only constrain and must not reject the properties declared outside.
fn openapi_to_json_schema(node: &Value, in_combinator: bool) -> Value {
    let Value::Object(map) = node else {
        return node.clone();
    };
    let mut out = Map::new();
    for (key, value) in map {
        let converted = match key.as_str() {
            "properties" | "patternProperties" | "definitions" | "$defs" => match value {
                Value::Object(props) => Value::Object(
                    props
                        .iter()
                        .map(|(k, v)| (k.clone(), openapi_to_json_schema(v, false)))
                        .collect(),
                ),
                other => other.clone(),
            },
            "items" | "additionalProperties" => match value {
                Value::Object(_) => openapi_to_json_schema(value, false),
                other => other.clone(),
            },
            "oneOf" | "anyOf" | "allOf" => match value {
                Value::Array(items) => Value::Array(
                    items
                        .iter()
                        .map(|v| openapi_to_json_schema(v, true))
                        .collect(),
                ),
                other => other.clone(),
            },
            "not" => openapi_to_json_schema(value, true),
            k if k.starts_with("x-kubernetes-") || k == "nullable" => continue,
            _ => value.clone(),
        };
        out.insert(key.clone(), converted);
    }
    let preserve_unknown = map
        .get("x-kubernetes-preserve-unknown-fields")
        .and_then(Value::as_bool)
        == Some(true);
    if map.contains_key("properties")
        && !map.contains_key("additionalProperties")
        && !preserve_unknown
        && !in_combinator
    {
        out.insert("additionalProperties".into(), Value::Bool(false));
    }
    if map
        .get("x-kubernetes-int-or-string")
        .and_then(Value::as_bool)
        == Some(true)
    {
        out.remove("type");
        out.insert(
            "anyOf".into(),
            json!([{"type": "integer"}, {"type": "string"}]),
        );
    }
    if map.get("nullable").and_then(Value::as_bool) == Some(true)
        && let Some(Value::String(t)) = out.get("type").cloned()
    {
        out.insert("type".into(), json!([t, "null"]));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// User schemas are still checked against the 2020-12 meta-schema
    /// (by the validator jsonschema's `macros` feature generates at build
    /// time): a `title` that is no string compiles as an annotation, and
    /// only the meta-schema rejects it.
    #[test]
    fn schemas_are_checked_against_the_meta_schema() {
        assert!(compile(&json!({"title": "a rule", "type": "object"})).is_ok());
        let error = compile(&json!({"title": 5, "type": "object"})).unwrap_err();
        assert!(error.contains("string"), "{error}");
    }

    fn crd() -> Value {
        json!({
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": {"name": "foos.example.opensergo.io"},
            "spec": {
                "group": "example.opensergo.io",
                "names": {"kind": "Foo"},
                "versions": [{"name": "v1", "schema": {"openAPIV3Schema": {
                    "type": "object",
                    "properties": {
                        "spec": {
                            "type": "object",
                            "properties": {
                                "port": {"x-kubernetes-int-or-string": true},
                                "note": {"type": "string", "nullable": true},
                                "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true, "properties": {"a": {"type": "string"}}}
                            },
                            "oneOf": [{"properties": {"port": {}}, "required": ["port"]}, {"required": ["note"]}]
                        }
                    }
                }}}]
            }
        })
    }

    #[test]
    fn crd_conversion_follows_openapi2jsonschema() {
        let converted = crd_to_schemas(&crd()).unwrap();
        assert_eq!(converted.len(), 1);
        let s = &converted[0].schema;
        assert_eq!(
            s["properties"]["spec"]["additionalProperties"],
            json!(false)
        );
        assert_eq!(
            s["properties"]["spec"]["properties"]["note"]["type"],
            json!(["string", "null"])
        );
        assert!(
            s["properties"]["spec"]["properties"]["free"]
                .get("additionalProperties")
                .is_none()
        );
        assert!(
            s["properties"]["spec"]["oneOf"][0]
                .get("additionalProperties")
                .is_none()
        );
        let v = compile(s).unwrap();
        assert!(v.is_valid(&json!({"spec": {"port": "http"}})));
        assert!(v.is_valid(&json!({"spec": {"port": 80}})));
        assert!(!v.is_valid(&json!({"spec": {"port": 80, "extra": 1}})));
        assert!(v.is_valid(&json!({"spec": {"note": null}})));
    }

    #[test]
    fn user_schema_files_are_keyed_like_kubeconform() {
        let root = Path::new("/s");
        let key = |p: &str| schema_key_from_path(root, Path::new(p)).unwrap();
        assert_eq!(
            key("/s/foo_v1.json"),
            ("".into(), "v1".into(), "foo".into())
        );
        assert_eq!(
            key("/s/x.io/foo_v1.json"),
            ("x.io".into(), "v1".into(), "foo".into())
        );
        assert_eq!(
            key("/s/x.io/v1/Foo.json"),
            ("x.io".into(), "v1".into(), "foo".into())
        );
    }
}
