//! `schema export --format crd|openapi`: the generated CustomResourceDefinitions
//! are installable (a structural-schema checker written from the Kubernetes
//! rules, and Kubernetes' own published schema for CustomResourceDefinition
//! through PyPI kubernetes-validate) and judge documents as the embedded
//! schemas do (validate run both ways over every fixture; mutated fixtures
//! against the schema derived back from each CRD), and, for the six kinds
//! with a published CRD, exactly as the published one does.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use opensergo::crd;
use opensergo::kinds::{KINDS, KindInfo, by_kind_name};
use serde_json::{Value, json};

use common::root;
use common::structural::structural_errors;

fn opensergo(args: &[&str]) -> std::process::Output {
    Command::new(cargo_bin("opensergo"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// `schema export --format crd --kind KINDS DEST`.
fn export_kinds_as_crds(kinds: &str, dest: &str) -> std::process::Output {
    opensergo(&["schema", "export", "--format", "crd", "--kind", kinds, dest])
}

fn generated() -> Vec<(&'static KindInfo, Value)> {
    KINDS
        .iter()
        .map(|k| (k, crd::custom_resource_definition(k).unwrap()))
        .collect()
}

fn load_yaml(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let (docs, err) = opensergo::yaml::load_stream(&text);
    assert_eq!(err, None, "{}", path.display());
    docs.iter()
        .map(|d| d.root.to_json())
        .filter(|v| !v.is_null())
        .collect()
}

#[test]
fn every_generated_crd_is_structural() {
    for (kind, crd) in generated() {
        let errors = structural_errors(&crd);
        assert!(errors.is_empty(), "{}: {errors:#?}", kind.kind);
    }
}

/// The checker itself: it passes the published CRDs (controller-gen's,
/// cue's and Istio-style ones, all structural) and fails each rule broken.
#[test]
fn the_structural_checker_passes_published_crds_and_fails_broken_ones() {
    let upstream = root().join("testdata/upstream/crd");
    let mut checked = 0;
    for dir in ["opensergo-control-plane", "higress-group-opensergo-api"] {
        for entry in std::fs::read_dir(upstream.join(dir)).unwrap() {
            for crd in load_yaml(&entry.unwrap().path()) {
                let errors = structural_errors(&crd);
                assert!(
                    errors.is_empty(),
                    "{}: {errors:#?}",
                    crd["metadata"]["name"]
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 9);
    let good =
        crd::custom_resource_definition(by_kind_name("ReadWriteSplitting").unwrap()).unwrap();
    let schema = "/spec/versions/0/schema/openAPIV3Schema";
    let rules = "/properties/spec/properties/rules";
    for (pointer, change, rule) in [
        ("/properties/spec", json!({"type": null}), "(1)"),
        (
            rules,
            json!({"oneOf": [{"type": "object", "required": ["staticStrategy"]}]}),
            "(3)",
        ),
        (
            rules,
            json!({"anyOf": [{"properties": {"elsewhere": {}}}]}),
            "(2)",
        ),
        (
            "/properties/metadata",
            json!({"properties": {"labels": {"type": "object"}}}),
            "(4)",
        ),
        (
            "/properties/spec",
            json!({"additionalProperties": false}),
            "additionalProperties",
        ),
        ("/properties/spec", json!({"const": 1}), "JSONSchemaProps"),
        ("/properties/spec", json!({"$ref": "#/x"}), "not supported"),
        (
            "/properties/status",
            json!({"x-kubernetes-preserve-unknown-fields": false}),
            "false",
        ),
    ] {
        let mut broken = good.clone();
        let target = broken.pointer_mut(&format!("{schema}{pointer}")).unwrap();
        for (key, value) in change.as_object().unwrap() {
            if value.is_null() {
                target.as_object_mut().unwrap().remove(key);
            } else {
                target[key] = value.clone();
            }
        }
        let errors = structural_errors(&broken);
        assert!(
            errors.iter().any(|e| e.contains(rule)),
            "{pointer} {change}: expected {rule}, got {errors:#?}"
        );
    }
}

// ---------------------------------------------------------------------------
// Kubernetes' own schema for CustomResourceDefinition.

/// Every generated CRD object validates, strictly (unknown fields refused),
/// against the CustomResourceDefinition schema Kubernetes publishes, as
/// PyPI kubernetes-validate packages it; a CRD with a field Kubernetes does
/// not know fails the same way, so this test can fail.
#[test]
fn kubernetes_own_crd_schema_accepts_every_generated_crd() {
    if !common::available("kubernetes-validate") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crds");
    let r = opensergo(&["schema", "export", "--format", "crd", out.to_str().unwrap()]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), KINDS.len());
    let run = |files: &[PathBuf]| {
        common::run(
            Command::new("kubernetes-validate")
                .args(["--strict", "--quiet"])
                .args(files),
            None,
            std::time::Duration::from_secs(120),
        )
    };
    let r = run(&files);
    assert!(
        r.status.success(),
        "{}{}",
        String::from_utf8_lossy(&r.stdout),
        String::from_utf8_lossy(&r.stderr)
    );
    let broken = dir.path().join("broken.yaml");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let text = text.replacen(
        "openAPIV3Schema:\n",
        "openAPIV3Schema:\n          const: 1\n",
        1,
    );
    std::fs::write(&broken, text).unwrap();
    let r = run(&[broken]);
    assert!(!r.status.success());
    let said = String::from_utf8_lossy(&r.stdout);
    assert!(said.contains("'const' was unexpected"), "{said}");
}

// ---------------------------------------------------------------------------
// Same verdicts: validate over every fixture, embedded schema against the
// schema derived back from each CRD (`--crd`, the code `schema from-crd`
// shares).

/// Per document (file, index): kind, status, and whether a schema error
/// (OS1004) or an unknown field (OS1005) was reported.
type Verdicts = BTreeMap<(String, u64), (String, String, bool, bool)>;

fn validate_verdicts(extra: &[&str], paths: &[&str]) -> Verdicts {
    let mut args = vec!["validate", "--format", "json"];
    args.extend_from_slice(extra);
    args.extend_from_slice(paths);
    let r = opensergo(&args);
    assert!(
        r.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let report: Value = serde_json::from_slice(&r.stdout).unwrap();
    let mut codes: BTreeMap<(String, u64), BTreeSet<String>> = BTreeMap::new();
    for d in report["diagnostics"].as_array().unwrap() {
        if let Some(doc) = d["document"].as_u64() {
            codes
                .entry((d["file"].as_str().unwrap().into(), doc))
                .or_default()
                .insert(d["code"].as_str().unwrap().into());
        }
    }
    let mut verdicts = Verdicts::new();
    for file in report["files"].as_array().unwrap() {
        for doc in file["documents"].as_array().into_iter().flatten() {
            let key = (
                file["path"].as_str().unwrap().to_string(),
                doc["index"].as_u64().unwrap(),
            );
            let found = codes.get(&key).cloned().unwrap_or_default();
            let kind = doc["kind"].as_str().unwrap_or_default().to_string();
            verdicts.insert(
                key,
                (
                    kind,
                    doc["status"].as_str().unwrap().to_string(),
                    found.contains("OS1004"),
                    found.contains("OS1005"),
                ),
            );
        }
    }
    verdicts
}

fn export_crds(dir: &Path, kinds: &[&KindInfo]) -> Vec<String> {
    kinds
        .iter()
        .map(|k| {
            let path = dir.join(crd::file_name(k).unwrap());
            std::fs::write(&path, crd::custom_resource_definition_yaml(k).unwrap()).unwrap();
            path.display().to_string()
        })
        .collect()
}

fn crd_flags(files: &[String]) -> Vec<&str> {
    files.iter().flat_map(|f| ["--crd", f.as_str()]).collect()
}

/// Compares two runs document by document. Schema findings are compared
/// where the kind is one of `kinds` exactly (a user CRD also matches a
/// kind spelled in another case, which the registry calls a mistake before
/// any schema is asked).
fn assert_same_verdicts(expected: &Verdicts, actual: &Verdicts, kinds: &[&KindInfo]) -> usize {
    assert_eq!(
        expected.keys().collect::<Vec<_>>(),
        actual.keys().collect::<Vec<_>>()
    );
    let mut judged = 0;
    let mut differences = Vec::new();
    for (key, want) in expected {
        let got = &actual[key];
        let by_schema = kinds.iter().any(|k| k.kind == want.0);
        judged += usize::from(by_schema);
        let same = if by_schema {
            want == got
        } else {
            want.1 == got.1
        };
        if !same {
            differences.push(format!("{}#{}: {want:?} then {got:?}", key.0, key.1));
        }
    }
    assert!(differences.is_empty(), "{differences:#?}");
    judged
}

#[test]
fn the_schema_derived_from_each_crd_judges_every_fixture_as_the_embedded_one() {
    let dir = tempfile::tempdir().unwrap();
    let kinds: Vec<&KindInfo> = KINDS.iter().collect();
    let files = export_crds(dir.path(), &kinds);
    let embedded = validate_verdicts(&[], &["testdata/"]);
    let derived = validate_verdicts(&crd_flags(&files), &["testdata/"]);
    let judged = assert_same_verdicts(&embedded, &derived, &kinds);
    assert!(judged > 300, "{judged}");
}

/// The control plane's five fault-tolerance CRDs and its TrafficRouter CRD.
fn upstream_crd_files() -> Vec<String> {
    let dir = root().join("testdata/upstream/crd/opensergo-control-plane");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    files
}

fn upstream_kinds() -> Vec<&'static KindInfo> {
    let kinds: Vec<&KindInfo> = upstream_crd_files()
        .iter()
        .flat_map(|f| load_yaml(Path::new(f)))
        .map(|crd| by_kind_name(crd["spec"]["names"]["kind"].as_str().unwrap()).unwrap())
        .collect();
    assert_eq!(kinds.len(), 6);
    kinds
}

#[test]
fn for_the_six_published_crds_validate_says_what_the_published_one_says() {
    let dir = tempfile::tempdir().unwrap();
    let kinds = upstream_kinds();
    let ours = export_crds(dir.path(), &kinds);
    let theirs = upstream_crd_files();
    let published = validate_verdicts(&crd_flags(&theirs), &["testdata/"]);
    let generated = validate_verdicts(&crd_flags(&ours), &["testdata/"]);
    let judged = assert_same_verdicts(&published, &generated, &kinds);
    assert!(judged > 100, "{judged}");
}

// ---------------------------------------------------------------------------
// Same verdicts on mutated documents: every fixture object of a kind, with
// each field removed, replaced by values of every JSON type, or joined by
// an unknown one.

fn fixture_objects() -> BTreeMap<&'static str, Vec<Value>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("testdata"), &mut files);
    let mut objects: BTreeMap<&'static str, Vec<Value>> = BTreeMap::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let (docs, _) = opensergo::yaml::load_stream(&text);
        for doc in docs.iter().map(|d| d.root.to_json()) {
            let (Some(api_version), Some(kind)) =
                (doc["apiVersion"].as_str(), doc["kind"].as_str())
            else {
                continue;
            };
            if let Some(info) = KINDS
                .iter()
                .find(|k| k.kind == kind && k.api_version() == api_version)
                && !objects
                    .get(info.kind)
                    .is_some_and(|seen| seen.contains(&doc))
            {
                objects.entry(info.kind).or_default().push(doc);
            }
        }
    }
    objects
}

const SAMPLES: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "7",
    "1.5",
    "\"\"",
    "\"x\"",
    "\"70%\"",
    "\"1s\"",
    "[]",
    "[1]",
    "{}",
    "{\"a\": 1}",
];

/// One change to a fixture object.
enum Edit {
    Remove,
    Replace(Value),
    AddUnknownField,
}

/// Every mutation of an object below `spec` (and `status`): the changed
/// field's path (`spec.targets[].name`) and the mutated object.
fn mutations(object: &Value) -> Vec<(String, Value)> {
    /// Collects (JSON pointer, field path, edit) for `node` and below.
    fn walk(node: &Value, pointer: &str, field: &str, out: &mut Vec<(String, String, Edit)>) {
        match node {
            Value::Object(map) => {
                out.push((pointer.into(), field.into(), Edit::AddUnknownField));
                for (key, value) in map {
                    let child = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                    let child_field = format!("{field}.{key}");
                    out.push((child.clone(), child_field.clone(), Edit::Remove));
                    for sample in SAMPLES {
                        let value = serde_json::from_str(sample).unwrap();
                        out.push((child.clone(), child_field.clone(), Edit::Replace(value)));
                    }
                    walk(value, &child, &child_field, out);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let child = format!("{pointer}/{i}");
                    let child_field = format!("{field}[]");
                    out.push((child.clone(), child_field.clone(), Edit::Remove));
                    walk(item, &child, &child_field, out);
                }
            }
            _ => {}
        }
    }
    let mut edits = Vec::new();
    for top in ["spec", "status"] {
        if let Some(node) = object.get(top) {
            walk(node, &format!("/{top}"), top, &mut edits);
        }
    }
    edits
        .into_iter()
        .map(|(pointer, field, edit)| {
            let mut mutated = object.clone();
            match edit {
                Edit::AddUnknownField => {
                    let target = mutated.pointer_mut(&pointer).unwrap();
                    target
                        .as_object_mut()
                        .unwrap()
                        .insert("zzUnknown".into(), json!(1));
                }
                Edit::Replace(value) => *mutated.pointer_mut(&pointer).unwrap() = value,
                Edit::Remove => {
                    let (parent, last) = pointer.rsplit_once('/').unwrap();
                    match mutated.pointer_mut(parent).unwrap() {
                        Value::Object(map) => {
                            map.remove(&last.replace("~1", "/").replace("~0", "~"));
                        }
                        Value::Array(items) => {
                            items.remove(last.parse::<usize>().unwrap());
                        }
                        _ => unreachable!("{pointer}"),
                    }
                }
            }
            (field, mutated)
        })
        .collect()
}

fn derived_validator(crd: &Value) -> jsonschema::Validator {
    let converted = opensergo::schema::crd_to_schemas(crd).unwrap();
    assert_eq!(converted.len(), 1);
    opensergo::schema::compile(&converted[0].schema).unwrap()
}

/// Where `a` and `b` disagree on mutated fixture objects of `kind`:
/// (field path, which accepts).
fn disagreements(
    objects: &[Value],
    a: &jsonschema::Validator,
    b: &jsonschema::Validator,
) -> (usize, Vec<(String, bool)>) {
    let mut tried = 0;
    let mut found = Vec::new();
    for object in objects {
        for (path, mutated) in
            std::iter::once((String::new(), object.clone())).chain(mutations(object))
        {
            tried += 1;
            let (left, right) = (a.is_valid(&mutated), b.is_valid(&mutated));
            if left != right {
                found.push((path, right));
            }
        }
    }
    (tried, found)
}

#[test]
fn mutated_fixtures_get_the_same_verdict_from_the_crd_except_where_documented() {
    let objects = fixture_objects();
    let mut tried = 0;
    for (kind, crd) in generated() {
        let Some(objects) = objects.get(kind.kind) else {
            panic!("no fixture object of kind {}", kind.kind);
        };
        let embedded =
            opensergo::schema::compile(&serde_json::from_str(kind.schema).unwrap()).unwrap();
        let (n, found) = disagreements(objects, &embedded, &derived_validator(&crd));
        tried += n;
        for (path, crd_accepts) in found {
            let documented = crd::RELAXATIONS
                .iter()
                .any(|(k, field, _)| *k == kind.kind && path.starts_with(field));
            assert!(
                documented && crd_accepts,
                "{}: `{path}` mutated: the CRD {} where the embedded schema does not",
                kind.kind,
                if crd_accepts { "accepts" } else { "rejects" }
            );
        }
    }
    assert!(tried > 10_000, "{tried}");
}

/// Each documented relaxation is real: some mutation shows it (so the list
/// cannot outlive the schema change that removes the need for it).
#[test]
fn every_documented_relaxation_shows_on_some_fixture() {
    let objects = fixture_objects();
    for (kind_name, field, _) in crd::RELAXATIONS {
        let kind = by_kind_name(kind_name).unwrap();
        let embedded =
            opensergo::schema::compile(&serde_json::from_str(kind.schema).unwrap()).unwrap();
        let derived = derived_validator(&crd::custom_resource_definition(kind).unwrap());
        let (_, found) = disagreements(&objects[kind.kind], &embedded, &derived);
        assert!(
            found.iter().any(|(path, _)| path.starts_with(field)),
            "{kind_name} {field}: no mutation shows it"
        );
    }
}

#[test]
fn for_the_six_published_crds_mutated_fixtures_get_the_published_verdict() {
    let objects = fixture_objects();
    for file in upstream_crd_files() {
        for published in load_yaml(Path::new(&file)) {
            let kind = by_kind_name(published["spec"]["names"]["kind"].as_str().unwrap()).unwrap();
            let ours = crd::custom_resource_definition(kind).unwrap();
            let (tried, found) = disagreements(
                &objects[kind.kind],
                &derived_validator(&published),
                &derived_validator(&ours),
            );
            assert!(found.is_empty(), "{}: {found:?}", kind.kind);
            assert!(tried > 100, "{}: {tried}", kind.kind);
        }
    }
}

// ---------------------------------------------------------------------------
// The command.

#[test]
fn export_writes_one_crd_file_per_kind_as_the_library_makes_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crds");
    let r = opensergo(&["schema", "export", "--format", "crd", out.to_str().unwrap()]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(String::from_utf8_lossy(&r.stderr).contains("wrote 22 CustomResourceDefinitions"));
    for kind in KINDS {
        let written = std::fs::read_to_string(out.join(crd::file_name(kind).unwrap())).unwrap();
        assert_eq!(written, crd::custom_resource_definition_yaml(kind).unwrap());
        assert_eq!(load_yaml(&out.join(crd::file_name(kind).unwrap())).len(), 1);
    }
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), KINDS.len());
}

#[test]
fn export_takes_kinds_in_any_case_and_suggests_for_unknown_ones() {
    let r = export_kinds_as_crds("ratelimitstrategy,Shadow", "-");
    assert!(r.status.success());
    let docs = opensergo::yaml::load_stream(std::str::from_utf8(&r.stdout).unwrap()).0;
    let kinds: Vec<Value> = docs
        .iter()
        .map(|d| d.root.to_json()["spec"]["names"]["kind"].clone())
        .collect();
    // Registry order, whatever the order on the command line.
    assert_eq!(kinds, [json!("RateLimitStrategy"), json!("Shadow")]);

    let r = opensergo(&["schema", "export", "--kind", "Shadw", "out"]);
    assert_eq!(r.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(
        stderr.contains("a similar value exists: 'Shadow'"),
        "{stderr}"
    );
    assert!(!root().join("out").exists());

    let r = opensergo(&["schema", "export", "-"]);
    assert_eq!(r.status.code(), Some(2));
    let r = opensergo(&["schema", "export", "--kind", "Shadow", "-"]);
    assert!(r.status.success());
    let schema: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(schema["title"], "Shadow (database.opensergo.io/v1alpha1)");
}

/// Inputs are hostile: a kind name with control characters never
/// reaches the terminal raw, and a link planted where a CRD file goes is
/// replaced, never written through.
#[test]
fn export_keeps_control_characters_off_the_terminal_and_never_writes_through_a_link() {
    let r = opensergo(&["schema", "export", "--kind", "Rate\u{1b}[31mLimit", "-"]);
    assert_eq!(r.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(!stderr.contains('\u{1b}'), "{stderr}");

    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside.yaml");
    std::fs::write(&outside, "keep me\n").unwrap();
    let out = dir.path().join("crds");
    std::fs::create_dir(&out).unwrap();
    let kind = by_kind_name("RateLimitStrategy").unwrap();
    let planted = out.join(crd::file_name(kind).unwrap());
    std::os::unix::fs::symlink(&outside, &planted).unwrap();
    let r = export_kinds_as_crds("RateLimitStrategy", out.to_str().unwrap());
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me\n");
    assert!(std::fs::symlink_metadata(&planted).unwrap().is_file());
}

#[test]
fn export_openapi_writes_one_document_with_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let r = opensergo(&[
        "schema",
        "export",
        "--format",
        "openapi",
        dir.path().to_str().unwrap(),
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let text = std::fs::read_to_string(dir.path().join("openapi.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["openapi"], "3.0.3");
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    assert_eq!(schemas.len(), KINDS.len());
    for kind in KINDS {
        let component = &schemas[&crd::component_name(kind)];
        assert_eq!(
            component["x-kubernetes-group-version-kind"],
            json!([{"group": kind.group, "version": kind.version, "kind": kind.kind}])
        );
        assert!(component.get("$schema").is_none());
    }
    assert!(!text.contains("\"const\""), "OpenAPI 3.0 has no const");
}

/// The document is OpenAPI 3.0 by the OpenAPI Initiative's own schema for
/// it (which refuses any keyword OpenAPI 3.0 does not have, such as
/// `const`: the second half shows this test can fail).
#[test]
fn the_openapi_document_is_valid_openapi_3_0() {
    let r = opensergo(&["schema", "export", "--format", "openapi", "-"]);
    assert!(r.status.success());
    let document: Value = serde_json::from_slice(&r.stdout).unwrap();
    let text =
        std::fs::read_to_string(root().join("testdata/openapi/oas-3.0-schema-2021-09-28.json"))
            .unwrap();
    let oas = jsonschema::draft4::new(&serde_json::from_str(&text).unwrap()).unwrap();
    let errors: Vec<String> = oas
        .iter_errors(&document)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = document.clone();
    let first = broken["components"]["schemas"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .next()
        .unwrap();
    first["properties"]["spec"]["const"] = json!(1);
    assert!(!oas.is_valid(&broken));
}

/// An OpenAPI 3.0 schema read as JSON Schema: `nullable: true` is a
/// `null` type.
fn nullable_as_null_type(node: &mut Value) {
    match node {
        Value::Object(map) => {
            if map.remove("nullable") == Some(json!(true))
                && let Some(Value::String(t)) = map.get("type").cloned()
            {
                map.insert("type".into(), json!([t, "null"]));
            }
            map.values_mut().for_each(nullable_as_null_type);
        }
        Value::Array(items) => items.iter_mut().for_each(nullable_as_null_type),
        _ => {}
    }
}

/// Each kind's OpenAPI schema judges every mutated fixture object as the
/// embedded schema does: OpenAPI 3.0 loses nothing the JSON Schemas say.
#[test]
fn openapi_schemas_judge_mutated_fixtures_as_the_embedded_ones() {
    let objects = fixture_objects();
    let kinds: Vec<&KindInfo> = KINDS.iter().collect();
    let document = crd::openapi_document(&kinds).unwrap();
    for kind in KINDS {
        let mut component = document["components"]["schemas"][crd::component_name(kind)].clone();
        nullable_as_null_type(&mut component);
        let openapi = opensergo::schema::compile(&component).unwrap();
        let embedded =
            opensergo::schema::compile(&serde_json::from_str(kind.schema).unwrap()).unwrap();
        let (tried, found) = disagreements(&objects[kind.kind], &embedded, &openapi);
        assert!(found.is_empty(), "{}: {found:?}", kind.kind);
        assert!(tried > 10, "{}: {tried}", kind.kind);
    }
}

/// `schema from-crd` spells its output directory as the other commands do
/// (`-o`/`--output`), and keeps `--out-dir` working.
#[test]
fn from_crd_takes_output_and_its_old_spelling() {
    let crd = "testdata/upstream/crd/opensergo-control-plane/fault-tolerance.opensergo.io_ratelimitstrategies.yaml";
    for flag in ["-o", "--output", "--out-dir"] {
        let dir = tempfile::tempdir().unwrap();
        let r = opensergo(&[
            "schema",
            "from-crd",
            crd,
            flag,
            dir.path().to_str().unwrap(),
        ]);
        assert!(
            r.status.success(),
            "{flag}: {}",
            String::from_utf8_lossy(&r.stderr)
        );
        assert!(
            dir.path()
                .join("fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy.json")
                .exists()
        );
    }
}

// ---------------------------------------------------------------------------
// Snapshots of real output.

#[test]
fn snapshots_of_generated_crds() {
    for kind in [
        "RateLimitStrategy",
        "ReadWriteSplitting",
        "AdaptiveOverloadProtectionStrategy",
    ] {
        let r = export_kinds_as_crds(kind, "-");
        assert!(r.status.success());
        insta::assert_snapshot!(format!("crd_{kind}"), String::from_utf8(r.stdout).unwrap());
    }
}

// ---------------------------------------------------------------------------
// The translation as a property: any schema written in the conventions of
// schemas/README.md becomes a structural CRD whose derived schema judges
// any value as the original does.

mod translation_property {
    use super::*;
    use proptest::option;
    use proptest::prelude::*;
    use proptest::sample::select;

    fn leaf_schema() -> impl Strategy<Value = Value> {
        prop_oneof![
            (
                option::of(0u64..3),
                option::of(select(vec!["^a", "^[0-9]+$", "b$"]))
            )
                .prop_map(|(min, pattern)| {
                    let mut s = json!({"type": "string"});
                    if let Some(min) = min {
                        s["minLength"] = json!(min);
                    }
                    if let Some(pattern) = pattern {
                        s["pattern"] = json!(pattern);
                    }
                    s
                }),
            (option::of(-2i64..3), option::of(0i64..10)).prop_map(|(min, max)| {
                let mut s = json!({"type": "integer", "format": "int64"});
                if let Some(min) = min {
                    s["minimum"] = json!(min);
                }
                if let Some(max) = max {
                    s["maximum"] = json!(max);
                }
                s
            }),
            Just(json!({"type": "number", "minimum": 0})),
            Just(json!({"type": "boolean"})),
            select(vec!["A", "B"]).prop_map(|c| json!({"type": "string", "const": c})),
            Just(json!({"type": "string", "enum": ["x", "ab"]})),
            Just(json!({"type": ["string", "null"], "description": "d"})),
            Just(json!({"type": ["integer", "null"]})),
            Just(
                json!({"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": "^a"}]})
            ),
        ]
    }

    fn schema() -> impl Strategy<Value = Value> {
        leaf_schema().prop_recursive(3, 24, 3, |inner| {
            prop_oneof![
                (
                    prop::collection::btree_map(select(vec!["a", "b", "c"]), inner.clone(), 1..4),
                    any::<u8>()
                )
                    .prop_map(|(props, bits)| {
                        let required: Vec<&str> = props
                            .keys()
                            .enumerate()
                            .filter(|(i, _)| bits & (1 << i) != 0)
                            .map(|(_, k)| *k)
                            .collect();
                        let mut s = json!({"type": "object", "properties": props, "additionalProperties": false});
                        if !required.is_empty() {
                            s["required"] = json!(required);
                        }
                        s
                    }),
                (inner.clone(), inner.clone()).prop_map(|(a, b)| json!({
                    "type": "object",
                    "properties": {"a": a, "b": b},
                    "oneOf": [{"type": "object", "required": ["a"]}, {"type": "object", "required": ["b"]}],
                    "additionalProperties": false
                })),
                (inner.clone(), inner.clone()).prop_map(|(a, b)| json!({
                    "type": "object",
                    "properties": {"a": a, "b": b},
                    "not": {"description": "Only one.", "anyOf": [{"type": "object", "required": ["a", "b"]}]},
                    "additionalProperties": false
                })),
                inner.clone().prop_map(|v| json!({"type": "object", "additionalProperties": v, "maxProperties": 3})),
                Just(json!({"type": "object"})),
                Just(json!({"type": ["null", "object"], "maxProperties": 0})),
                (inner, 0u64..2).prop_map(|(v, min)| json!({"type": "array", "items": v, "minItems": min})),
            ]
        })
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (-2i64..12).prop_map(Value::from),
            Just(json!(1.5)),
            select(vec!["", "x", "A", "B", "ab", "a1", "123", "b"]).prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 24, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
                prop::collection::btree_map(select(vec!["a", "b", "c", "zz"]), inner, 0..4)
                    .prop_map(|m| json!(m)),
            ]
        })
    }

    /// A kind's schema around `spec`, as the embedded files are written.
    fn kind_schema(spec: Value) -> Value {
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "X (x.example.io/v1)",
            "type": "object",
            "properties": {
                "apiVersion": {"type": "string", "const": "x.example.io/v1"},
                "kind": {"type": "string", "const": "X"},
                "metadata": {"type": "object"},
                "spec": spec,
                "status": {"type": "object"}
            },
            "required": ["apiVersion", "kind", "metadata", "spec"],
            "additionalProperties": false
        })
    }

    fn crd_around(open_api: Value) -> Value {
        json!({
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": {"name": "xs.x.example.io"},
            "spec": {
                "group": "x.example.io",
                "names": {"kind": "X", "plural": "xs", "singular": "x"},
                "scope": "Namespaced",
                "versions": [{"name": "v1", "served": true, "storage": true,
                              "schema": {"openAPIV3Schema": open_api}}]
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn schema_to_crd_to_schema_keeps_every_verdict(
            spec in schema(),
            values in prop::collection::vec(value(), 24),
        ) {
            let original = kind_schema(spec);
            let open_api = crd::structural_schema(&original).unwrap();
            let crd = crd_around(open_api);
            let errors = structural_errors(&crd);
            prop_assert!(errors.is_empty(), "{errors:#?}\n{crd:#}");
            let before = opensergo::schema::compile(&original).unwrap();
            let after = derived_validator(&crd);
            for spec_value in values {
                let object = json!({
                    "apiVersion": "x.example.io/v1", "kind": "X",
                    "metadata": {"name": "a"}, "spec": spec_value
                });
                prop_assert_eq!(
                    before.is_valid(&object),
                    after.is_valid(&object),
                    "{:#}\nschema: {:#}\nCRD: {:#}", object, original, crd
                );
            }
        }
    }
}
