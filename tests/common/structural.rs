//! A structural-schema checker for CustomResourceDefinitions, written from
//! the Kubernetes rules (see [`structural_errors`]): what a Kubernetes API
//! server would refuse. Used for the CRDs `schema export --format crd`
//! writes (tests/schema_export.rs, which also tests the checker itself on
//! published and broken CRDs) and those `schema from-proto --format crd`
//! writes (tests/schemagen.rs).

use serde_json::{Value, json};

/// Every field a `JSONSchemaProps` (apiextensions.k8s.io/v1) has: a key
/// outside this list is refused by strict decoding.
const SCHEMA_PROPS_FIELDS: &[&str] = &[
    "id",
    "$schema",
    "$ref",
    "description",
    "type",
    "format",
    "title",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "multipleOf",
    "enum",
    "maxProperties",
    "minProperties",
    "required",
    "items",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "properties",
    "additionalProperties",
    "patternProperties",
    "dependencies",
    "additionalItems",
    "definitions",
    "externalDocs",
    "example",
    "nullable",
    "x-kubernetes-preserve-unknown-fields",
    "x-kubernetes-embedded-resource",
    "x-kubernetes-int-or-string",
    "x-kubernetes-list-map-keys",
    "x-kubernetes-list-type",
    "x-kubernetes-map-type",
    "x-kubernetes-validations",
];

const JUNCTORS: &[&str] = &["allOf", "anyOf", "oneOf", "not"];

/// JSONSchemaProps fields the API server refuses to support.
const UNSUPPORTED: &[&str] = &[
    "$ref",
    "id",
    "definitions",
    "patternProperties",
    "dependencies",
    "additionalItems",
];

/// What rule (3) forbids inside a junctor.
const NOT_IN_JUNCTORS: &[&str] = &[
    "description",
    "type",
    "default",
    "additionalProperties",
    "nullable",
];

/// Checks a CustomResourceDefinition the way a Kubernetes API server
/// (apiextensions.k8s.io/v1) would before accepting it, as far as its schema
/// and names go. Written from:
///
/// * the Kubernetes documentation, "Extend the Kubernetes API with
///   CustomResourceDefinitions", section "Specifying a structural schema"
///   (numbered as there): (1) a non-empty `type` for the root, for every field
///   of an object (`properties`, `additionalProperties`) and every array item
///   (`items`), except a node with `x-kubernetes-int-or-string: true` or
///   `x-kubernetes-preserve-unknown-fields: true`; (2) every field and item
///   specified inside `allOf`, `anyOf`, `oneOf` or `not` is also specified
///   outside them; (3) no `description`, `type`, `default`,
///   `additionalProperties` or `nullable` inside those junctors, except the
///   two patterns of `x-kubernetes-int-or-string: true` (`anyOf: [{type:
///   integer}, {type: string}]`, alone or inside `allOf`); (4) `metadata`
///   restricts only `metadata.name` and `metadata.generateName`;
/// * the same page, sections "Field pruning" and "IntOrString":
///   `x-kubernetes-preserve-unknown-fields` is true or absent, and
///   `additionalProperties` may not be `false` nor stand beside
///   `properties` (KEP-2335, "Vanilla CRD OpenAPI subset: structural
///   schemas");
/// * the JSONSchemaProps API reference: the fields a schema may have, and
///   those the API server refuses to support (`$ref`, `id`, `definitions`,
///   `patternProperties`, `dependencies`, `additionalItems`, `uniqueItems:
///   true`, `type: null`, a list under `items`); an array needs `items`;
/// * the CustomResourceDefinition API reference: `metadata.name` is
///   `<plural>.<group>`, resource names are lower case, exactly one version
///   is the storage version, printer column types are integer, number,
///   string, boolean or date and their paths start with `.`.
///
/// Returns every rule broken, with where.
pub fn structural_errors(crd: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let spec = &crd["spec"];
    let group = spec["group"].as_str().unwrap_or_default();
    let plural = spec["names"]["plural"].as_str().unwrap_or_default();
    if crd["metadata"]["name"] != json!(format!("{plural}.{group}")) {
        errors.push("metadata.name is not <plural>.<group>".into());
    }
    for field in ["plural", "singular"] {
        let name = spec["names"][field].as_str().unwrap_or_default();
        if name.is_empty()
            || name
                .chars()
                .any(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        {
            errors.push(format!("names.{field} `{name}` is not a lower-case name"));
        }
    }
    let versions = spec["versions"].as_array().cloned().unwrap_or_default();
    if versions
        .iter()
        .filter(|v| v["storage"] == json!(true))
        .count()
        != 1
    {
        errors.push("not exactly one storage version".into());
    }
    for version in &versions {
        for column in version["additionalPrinterColumns"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let t = column["type"].as_str().unwrap_or_default();
            if !["integer", "number", "string", "boolean", "date"].contains(&t) {
                errors.push(format!("printer column type `{t}`"));
            }
            if !column["jsonPath"]
                .as_str()
                .is_some_and(|p| p.starts_with('.'))
            {
                errors.push(format!("printer column path {}", column["jsonPath"]));
            }
        }
        let Some(schema) = version.pointer("/schema/openAPIV3Schema") else {
            errors.push("a version without openAPIV3Schema".into());
            continue;
        };
        if schema["type"] != json!("object") {
            errors.push("the root is not type: object".into());
        }
        if let Some(metadata) = schema.pointer("/properties/metadata") {
            let allowed = metadata
                .as_object()
                .is_some_and(|m| m.keys().all(|k| k == "type" || k == "properties"))
                && metadata["type"] == json!("object")
                && metadata
                    .get("properties")
                    .and_then(Value::as_object)
                    .is_none_or(|p| p.keys().all(|k| k == "name" || k == "generateName"));
            if !allowed {
                errors.push(format!(
                    "(4) metadata says more than name and generateName: {metadata}"
                ));
            }
        }
        check_node(schema, "openAPIV3Schema", false, &mut errors);
    }
    errors
}

fn check_node(node: &Value, at: &str, in_junctor: bool, errors: &mut Vec<String>) {
    let Some(map) = node.as_object() else {
        errors.push(format!("{at}: not a schema object"));
        return;
    };
    for key in map.keys() {
        if !SCHEMA_PROPS_FIELDS.contains(&key.as_str()) {
            errors.push(format!("{at}: `{key}` is no JSONSchemaProps field"));
        }
    }
    for key in UNSUPPORTED.iter().filter(|k| map.contains_key(**k)) {
        errors.push(format!("{at}: `{key}` is not supported"));
    }
    if map.get("uniqueItems") == Some(&json!(true)) {
        errors.push(format!("{at}: uniqueItems: true is refused"));
    }
    if map.get("type") == Some(&json!("null")) {
        errors.push(format!("{at}: type: null is refused"));
    }
    if map.get("x-kubernetes-preserve-unknown-fields") == Some(&json!(false)) {
        errors.push(format!("{at}: x-kubernetes-preserve-unknown-fields: false"));
    }
    let int_or_string = map.get("x-kubernetes-int-or-string") == Some(&json!(true));
    if int_or_string && map.contains_key("type") {
        errors.push(format!("{at}: x-kubernetes-int-or-string with a type"));
    }
    match map.get("additionalProperties") {
        Some(Value::Bool(false)) => errors.push(format!("{at}: additionalProperties: false")),
        Some(_) if map.contains_key("properties") => {
            errors.push(format!("{at}: additionalProperties beside properties"))
        }
        _ => {}
    }
    if in_junctor {
        for key in NOT_IN_JUNCTORS.iter().filter(|k| map.contains_key(**k)) {
            errors.push(format!("{at}: (3) `{key}` inside a junctor"));
        }
    } else {
        let typed = map
            .get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| !t.is_empty());
        let exempt =
            int_or_string || map.get("x-kubernetes-preserve-unknown-fields") == Some(&json!(true));
        if !typed && !exempt {
            errors.push(format!("{at}: (1) no type"));
        }
    }
    if map.get("type") == Some(&json!("array")) && !map.contains_key("items") {
        errors.push(format!("{at}: an array without items"));
    }
    if let Some(Value::Array(_)) = map.get("items") {
        errors.push(format!("{at}: items is a list"));
    }
    for (name, field) in map
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        check_node(
            field,
            &format!("{at}.properties.{name}"),
            in_junctor,
            errors,
        );
    }
    for key in ["items", "additionalProperties"] {
        if let Some(child @ Value::Object(_)) = map.get(key) {
            check_node(child, &format!("{at}.{key}"), in_junctor, errors);
        }
    }
    for junctor in JUNCTORS {
        let Some(value) = map.get(*junctor) else {
            continue;
        };
        let branches: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        let int_or_string_pattern = int_or_string
            && *junctor == "anyOf"
            && value == &json!([{"type": "integer"}, {"type": "string"}]);
        for (i, branch) in branches.into_iter().enumerate() {
            let branch_at = format!("{at}.{junctor}[{i}]");
            if int_or_string_pattern {
                continue;
            }
            check_node(branch, &branch_at, true, errors);
            // Nested junctors are measured against the same outside schema,
            // by the call for the outermost one.
            if !in_junctor {
                specified_outside(branch, node, &branch_at, errors);
            }
        }
    }
}

/// Rule (2): what a junctor branch names, the schema outside names too.
fn specified_outside(branch: &Value, outside: &Value, at: &str, errors: &mut Vec<String>) {
    for (name, field) in branch
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        match outside.get("properties").and_then(|p| p.get(name)) {
            Some(declared) => {
                specified_outside(field, declared, &format!("{at}.properties.{name}"), errors)
            }
            None => errors.push(format!("{at}: (2) field `{name}` only inside a junctor")),
        }
    }
    if let Some(items) = branch.get("items") {
        match outside.get("items") {
            Some(declared) => specified_outside(items, declared, &format!("{at}.items"), errors),
            None => errors.push(format!("{at}: (2) items only inside a junctor")),
        }
    }
    for junctor in JUNCTORS {
        for nested in match branch.get(*junctor) {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(other) => vec![other],
            None => vec![],
        } {
            specified_outside(nested, outside, at, errors);
        }
    }
}
