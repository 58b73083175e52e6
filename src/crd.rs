//! Installable CustomResourceDefinitions and an OpenAPI 3 document, made
//! from the kind registry: each kind's embedded JSON Schema is the one
//! source, translated into the schema language the consumer accepts.
//!
//! A CRD's `openAPIV3Schema` must be *structural* (Kubernetes documentation,
//! "Specifying a structural schema"): every node typed, value validation
//! inside `anyOf`/`oneOf`/`allOf`/`not` only, `additionalProperties` never
//! beside `properties`, and `metadata` left to the API server. The JSON
//! Schemas say more than that language can in two places, where the CRD is
//! looser than the schema (see [`RELAXATIONS`]); anything else the
//! translation does not know is an error, so that editing a schema can never
//! produce a CRD the API server refuses.
//!
//! Names, short names and printer columns are presentation, not schema: they
//! live in [`PRESENTATION`] beside the translation, one row per kind.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use crate::kinds::KindInfo;

/// Where the CRD accepts more than the embedded JSON Schema, because a
/// structural schema cannot say it: the kind, the field, and what is lost.
pub const RELAXATIONS: &[(&str, &str, &str)] = &[
    (
        "AdaptiveOverloadProtectionStrategy",
        "spec.triggerThreshold",
        "a CRD field is one type or any type: \"a percentage string or a number\" becomes \
         any value, with strings and numbers checked as the schema checks them",
    ),
    (
        "DatabaseDiscovery",
        "spec.dataSources",
        "a CRD object has declared fields or free keys, not both: the two declared keys are \
         checked, the data-source entries beside them are kept unchecked",
    ),
];

/// How `kubectl` shows a kind: short names and printer columns.
pub struct Presentation {
    pub kind: &'static str,
    /// Short names (`kubectl get rls`); none of them a built-in one.
    pub short_names: &'static [&'static str],
    /// Printer columns: header and JSONPath; each path must lead to a
    /// field of the kind's schema (a test walks them).
    pub columns: &'static [(&'static str, &'static str)],
}

/// One row per kind of the registry.
pub const PRESENTATION: &[Presentation] = &[
    Presentation {
        kind: "FaultToleranceRule",
        short_names: &["ftr"],
        columns: &[
            ("Targets", ".spec.targets[*].targetResourceName"),
            ("Strategies", ".spec.strategies[*].name"),
        ],
    },
    Presentation {
        kind: "RateLimitStrategy",
        short_names: &["rls"],
        columns: &[
            ("Threshold", ".spec.threshold"),
            ("Seconds", ".spec.statDurationSeconds"),
            ("Metric Type", ".spec.metricType"),
            ("Limit Mode", ".spec.limitMode"),
        ],
    },
    Presentation {
        kind: "ThrottlingStrategy",
        short_names: &["thrs"],
        columns: &[
            ("Min Interval", ".spec.minIntervalOfRequests"),
            ("Queue Timeout", ".spec.queueTimeout"),
        ],
    },
    Presentation {
        kind: "ConcurrencyLimitStrategy",
        short_names: &["cls"],
        columns: &[
            ("Max Concurrency", ".spec.maxConcurrency"),
            ("Limit Mode", ".spec.limitMode"),
        ],
    },
    Presentation {
        kind: "CircuitBreakerStrategy",
        short_names: &["cbs"],
        columns: &[
            ("Strategy", ".spec.strategy"),
            ("Trigger Ratio", ".spec.triggerRatio"),
            ("Stat Duration", ".spec.statDuration"),
            ("Recovery Timeout", ".spec.recoveryTimeout"),
        ],
    },
    Presentation {
        kind: "HttpRequestFallbackAction",
        short_names: &["hfa"],
        columns: &[
            ("Behavior", ".spec.behavior"),
            ("Status Code", ".spec.behaviorDesc.responseStatusCode"),
        ],
    },
    Presentation {
        kind: "AdaptiveOverloadProtectionStrategy",
        short_names: &["aops"],
        columns: &[
            ("Metric Type", ".spec.metricType"),
            ("Threshold", ".spec.triggerThreshold"),
            ("Strategy", ".spec.adaptiveStrategy"),
        ],
    },
    Presentation {
        kind: "TrafficRouter",
        // Upstream's short name, kept.
        short_names: &["tr"],
        columns: &[("Hosts", ".spec.hosts"), ("Gateways", ".spec.gateways")],
    },
    Presentation {
        kind: "VirtualWorkload",
        short_names: &["vw"],
        columns: &[],
    },
    Presentation {
        kind: "TrafficLane",
        short_names: &["lane"],
        columns: &[
            ("Lane", ".spec.lane.name"),
            ("Baggage", ".spec.traceIdBaggage"),
        ],
    },
    Presentation {
        kind: "DatabaseAccessTarget",
        short_names: &["dat"],
        columns: &[("SQL", ".spec.sqlMatch[*].exactMatch")],
    },
    Presentation {
        kind: "VirtualDatabase",
        short_names: &["vdb"],
        columns: &[("Services", ".spec.services[*].name")],
    },
    Presentation {
        kind: "DatabaseEndpoint",
        short_names: &["dbe"],
        columns: &[
            ("URL", ".spec.database.MySQL.url"),
            ("Max Pool", ".spec.database.connectionPool.maxPoolSize"),
        ],
    },
    Presentation {
        kind: "ReadWriteSplitting",
        short_names: &["rws"],
        columns: &[
            ("Write", ".spec.rules.staticStrategy.writeDataSourceName"),
            ("Read", ".spec.rules.staticStrategy.readDataSourceNames"),
            (
                "Auto Aware",
                ".spec.rules.dynamicStrategy.autoAwareDataSourceName",
            ),
        ],
    },
    Presentation {
        kind: "Sharding",
        short_names: &["shard"],
        columns: &[
            ("Binding Tables", ".spec.bindingTables"),
            ("Sharding Column", ".spec.defaultShardingColumn"),
        ],
    },
    Presentation {
        kind: "Encryption",
        short_names: &["enc"],
        columns: &[("Query Cipher", ".spec.queryWithCipherColumn")],
    },
    Presentation {
        kind: "Shadow",
        short_names: &["shdw"],
        columns: &[],
    },
    Presentation {
        kind: "DatabaseDiscovery",
        short_names: &["dbd"],
        columns: &[],
    },
    Presentation {
        kind: "DistributedTransaction",
        short_names: &["dtx"],
        columns: &[
            ("Type", ".spec.transaction.defaultType"),
            ("Provider", ".spec.transaction.providerType"),
        ],
    },
    Presentation {
        kind: "RateLimit",
        short_names: &["rl"],
        columns: &[
            ("Limit", ".spec.config.limit"),
            ("Interval", ".spec.config.interval"),
            ("Scope", ".spec.config.scope"),
        ],
    },
    Presentation {
        kind: "ConcurrencyLimit",
        short_names: &["cl"],
        columns: &[
            ("Max Concurrency", ".spec.config.maxConcurrency"),
            ("Scope", ".spec.config.scope"),
        ],
    },
    Presentation {
        kind: "CircuitBreaker",
        short_names: &["cb"],
        columns: &[
            ("Abnormal Percent", ".spec.config.abnormalPercent"),
            ("Interval", ".spec.config.interval"),
            ("Breaking Interval", ".spec.config.breakingInterval"),
        ],
    },
];

/// The short names of Kubernetes' built-in resources, which a CRD's must
/// not shadow: the SHORTNAMES column of `kubectl api-resources` for the
/// built-in groups, i.e. the `ShortNames()` of the resources under
/// kubernetes/kubernetes `pkg/registry`, as of Kubernetes 1.34 (written
/// down from those sources, not read from a live cluster), plus `psp`
/// (PodSecurityPolicy, removed in 1.25, still known to older clients).
pub const BUILTIN_SHORT_NAMES: &[&str] = &[
    "cm", "crd", "crds", "cj", "cs", "csr", "deploy", "ds", "ep", "ev", "hpa", "ing", "ip",
    "limits", "netpol", "no", "ns", "pc", "pdb", "po", "psp", "pv", "pvc", "quota", "rc", "rs",
    "sa", "sc", "sts", "svc", "vac",
];

/// The category every generated CRD joins: `kubectl get opensergo` lists
/// every OpenSergo object.
pub const CATEGORY: &str = "opensergo";

/// The resource names of a kind.
#[derive(Debug, PartialEq, Eq)]
pub struct Names {
    pub plural: String,
    pub singular: String,
    pub list_kind: String,
    pub short_names: &'static [&'static str],
}

fn presentation(kind: &KindInfo) -> Result<&'static Presentation, String> {
    PRESENTATION
        .iter()
        .find(|p| p.kind == kind.kind)
        .ok_or_else(|| format!("no CRD presentation for kind {}", kind.kind))
}

/// The resource names of a kind: `ratelimitstrategies`,
/// `ratelimitstrategy`, `RateLimitStrategyList` and its short names.
pub fn names(kind: &KindInfo) -> Result<Names, String> {
    let singular = kind.kind.to_ascii_lowercase();
    Ok(Names {
        plural: resource_plural(&singular),
        singular,
        list_kind: format!("{}List", kind.kind),
        short_names: presentation(kind)?.short_names,
    })
}

/// English plural of a lower-case kind, as Kubernetes resources spell
/// them (`ratelimitstrategies`, `shadows`, `encryptions`).
pub fn resource_plural(singular: &str) -> String {
    if let Some(stem) = singular.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|end| singular.ends_with(end))
    {
        return format!("{singular}es");
    }
    format!("{singular}s")
}

/// `<group>_<plural>.yaml`, as controller-gen names CRD files.
pub fn file_name(kind: &KindInfo) -> Result<String, String> {
    Ok(format!("{}_{}.yaml", kind.group, names(kind)?.plural))
}

fn embedded_schema(kind: &KindInfo) -> Result<Value, String> {
    serde_json::from_str(kind.schema).map_err(|e| format!("{}: {e}", kind.schema_path()))
}

/// The `apiextensions.k8s.io/v1` CustomResourceDefinition of a kind.
pub fn custom_resource_definition(kind: &KindInfo) -> Result<Value, String> {
    let schema = embedded_schema(kind)?;
    let names = names(kind)?;
    let context = |e: String| format!("{}: {e}", kind.schema_path());
    let open_api = structural_schema(&schema).map_err(context)?;
    let mut version = json!({
        "name": kind.version,
        "served": true,
        "storage": true,
        "schema": {"openAPIV3Schema": open_api},
    });
    // A declared status is a controller's to write: through its own
    // endpoint, so that applying a spec never overwrites it.
    if schema.pointer("/properties/status").is_some() {
        version["subresources"] = json!({"status": {}});
    }
    let columns = printer_columns(kind, &schema).map_err(context)?;
    if !columns.is_empty() {
        version["additionalPrinterColumns"] = Value::Array(columns);
    }
    Ok(json!({
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {
            "name": format!("{}.{}", names.plural, kind.group),
            "labels": {"app.kubernetes.io/part-of": "opensergo"},
        },
        "spec": {
            "group": kind.group,
            "names": {
                "kind": kind.kind,
                "listKind": names.list_kind,
                "plural": names.plural,
                "singular": names.singular,
                "shortNames": names.short_names,
                "categories": [CATEGORY],
            },
            "scope": "Namespaced",
            "versions": [version],
        },
    }))
}

/// The CRD as the YAML file `kubectl apply -f` takes.
pub fn custom_resource_definition_yaml(kind: &KindInfo) -> Result<String, String> {
    let crd = custom_resource_definition(kind)?;
    Ok(format!(
        "# Generated by `opensergo schema export --format crd` from {}: do not edit.\n{}",
        kind.schema_path(),
        crate::yaml_out::to_yaml(&crd)
    ))
}

/// The printer columns of a kind, typed from its schema, then the age
/// column `kubectl` shows by default (it drops that one when a CRD
/// declares columns).
fn printer_columns(kind: &KindInfo, schema: &Value) -> Result<Vec<Value>, String> {
    let declared = presentation(kind)?.columns;
    if declared.is_empty() {
        return Ok(Vec::new());
    }
    let mut columns = Vec::new();
    for (name, path) in declared {
        let (field, through_list) = resolve_json_path(schema, path)?;
        // Several values, or one of no single type, print as text.
        let column_type = match field.get("type").and_then(Value::as_str) {
            Some(t @ ("integer" | "number" | "boolean")) if !through_list => t,
            _ => "string",
        };
        let mut column = json!({"name": name, "type": column_type, "jsonPath": path});
        if let Some(description) = field.get("description") {
            column["description"] = description.clone();
        }
        columns.push(column);
    }
    columns.push(json!({
        "name": "Age",
        "type": "date",
        "jsonPath": ".metadata.creationTimestamp",
    }));
    Ok(columns)
}

/// The schema node a printer column's JSONPath (`.spec.a[*].b`) leads to,
/// and whether the path went through a list (the column then shows
/// several values, as a string).
fn resolve_json_path<'s>(schema: &'s Value, path: &str) -> Result<(&'s Value, bool), String> {
    let rest = path
        .strip_prefix('.')
        .ok_or_else(|| format!("printer column path `{path}` must start with `.`"))?;
    let mut node = schema;
    let mut through_list = false;
    for step in rest.split('.') {
        let (name, each) = match step.strip_suffix("[*]") {
            Some(name) => (name, true),
            None => (step, false),
        };
        node = node
            .get("properties")
            .and_then(|p| p.get(name))
            .ok_or_else(|| format!("printer column path `{path}`: no field `{name}`"))?;
        if each {
            node = node
                .get("items")
                .ok_or_else(|| format!("printer column path `{path}`: `{name}` is no list"))?;
            through_list = true;
        }
    }
    if node.get("type").and_then(Value::as_str) == Some("array") {
        through_list = true;
    }
    Ok((node, through_list))
}

/// Which schema language a translation writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    /// A CRD's structural `openAPIV3Schema`.
    Structural,
    /// An OpenAPI 3.0 Schema Object: everything the JSON Schemas say that
    /// OpenAPI 3.0 can, value checks in combinators included.
    OpenApi,
}

/// Keywords OpenAPI 3.0 and CRDs take as JSON Schema writes them.
const PLAIN_KEYWORDS: &[&str] = &[
    "description",
    "format",
    "enum",
    "minimum",
    "maximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "required",
];

/// Keywords that only ever constrain one JSON type, so they can move out
/// of an `anyOf` branch of that type without changing what is accepted.
fn only_constrains(keyword: &str, json_type: &str) -> bool {
    match json_type {
        "string" => matches!(keyword, "pattern" | "minLength" | "maxLength"),
        "integer" | "number" => matches!(keyword, "minimum" | "maximum" | "multipleOf"),
        _ => false,
    }
}

/// The CRD `openAPIV3Schema` for a kind's JSON Schema.
pub fn structural_schema(schema: &Value) -> Result<Value, String> {
    let mut out = translate(Dialect::Structural, &top_level(schema)?, "")?;
    // The API server owns type and object metadata: it fills in
    // apiVersion and kind, and checks metadata itself.
    if let Some(Value::Object(props)) = out.get_mut("properties") {
        for field in ["apiVersion", "kind"] {
            if let Some(Value::Object(node)) = props.get_mut(field) {
                node.retain(|k, _| k == "type" || k == "description");
            }
        }
        if props.contains_key("metadata") {
            props.insert("metadata".into(), json!({"type": "object"}));
        }
    }
    if let Some(Value::Array(required)) = out.get_mut("required") {
        required.retain(|f| !matches!(f.as_str(), Some("apiVersion" | "kind" | "metadata")));
        if required.is_empty() {
            out.remove("required");
        }
    }
    Ok(Value::Object(out))
}

/// The schema without its document header (`$schema`, `title`).
fn top_level(schema: &Value) -> Result<Value, String> {
    let Value::Object(map) = schema else {
        return Err("the schema is not an object".into());
    };
    let mut map = map.clone();
    map.remove("$schema");
    map.remove("title");
    Ok(Value::Object(map))
}

fn translate(dialect: Dialect, schema: &Value, at: &str) -> Result<Map<String, Value>, String> {
    let Value::Object(map) = schema else {
        return Err(format!("{}: a schema that is not an object", pointer(at)));
    };
    let mut out = Map::new();
    let (json_type, nullable) = schema_type(map, at)?;
    if let Some(t) = json_type {
        out.insert("type".into(), json!(t));
    }
    if nullable {
        out.insert("nullable".into(), json!(true));
    }
    for (key, value) in map {
        let key = key.as_str();
        match key {
            "type" | "anyOf" | "oneOf" | "allOf" | "not" | "additionalProperties" => {}
            "title" => {
                out.insert(key.into(), value.clone());
            }
            "const" => {
                out.insert("enum".into(), json!([value]));
            }
            "properties" => {
                let translated = each_property(value, at, |_, field, field_at| {
                    translate(dialect, field, field_at)
                })?;
                out.insert(key.into(), translated);
            }
            "items" => {
                let item = translate(dialect, value, &format!("{at}/items"))?;
                out.insert(key.into(), Value::Object(item));
            }
            k if PLAIN_KEYWORDS.contains(&k) => {
                out.insert(key.into(), value.clone());
            }
            other => {
                return Err(format!(
                    "{}: `{other}` has no OpenAPI v3 form a CRD accepts",
                    pointer(at)
                ));
            }
        }
    }
    additional_properties(dialect, map, at, &mut out)?;
    match dialect {
        Dialect::OpenApi => junctors(map, at, &mut out, |branch, branch_at| {
            translate(dialect, branch, branch_at)
        })?,
        Dialect::Structural if json_type.is_none() => untyped(map, at, &mut out)?,
        Dialect::Structural => {
            junctors(map, at, &mut out, |branch, branch_at| {
                value_validation(branch, map, branch_at)
            })?;
            // An object the schema leaves open keeps what it is given:
            // without this, the API server would prune it to `{}`.
            if json_type == Some("object")
                && !out.contains_key("properties")
                && !out.contains_key("additionalProperties")
            {
                out.insert("x-kubernetes-preserve-unknown-fields".into(), json!(true));
            }
        }
    }
    Ok(out)
}

/// `type`, as one type and whether null is allowed (`["string", "null"]`
/// is OpenAPI's `type: string, nullable: true`).
fn schema_type<'m>(
    map: &'m Map<String, Value>,
    at: &str,
) -> Result<(Option<&'m str>, bool), String> {
    match map.get("type") {
        None => Ok((None, false)),
        Some(Value::String(t)) if t != "null" => Ok((Some(t), false)),
        Some(Value::Array(types)) => {
            let named: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
            let nullable = named.contains(&"null");
            match named.iter().filter(|t| **t != "null").collect::<Vec<_>>()[..] {
                [one] if named.len() == types.len() => Ok((Some(one), nullable)),
                _ => Err(format!(
                    "{}: type {} is not one type (with or without null)",
                    pointer(at),
                    Value::Array(types.clone())
                )),
            }
        }
        Some(other) => Err(format!("{}: type {other} has no OpenAPI form", pointer(at))),
    }
}

fn additional_properties(
    dialect: Dialect,
    map: &Map<String, Value>,
    at: &str,
    out: &mut Map<String, Value>,
) -> Result<(), String> {
    let Some(value) = map.get("additionalProperties") else {
        return Ok(());
    };
    let has_properties = map.contains_key("properties");
    match (dialect, value) {
        (Dialect::OpenApi, Value::Bool(_)) => {
            out.insert("additionalProperties".into(), value.clone());
        }
        (_, Value::Object(_)) if dialect == Dialect::OpenApi || !has_properties => {
            let values = translate(dialect, value, &format!("{at}/additionalProperties"))?;
            out.insert("additionalProperties".into(), Value::Object(values));
        }
        // Kubernetes prunes undeclared fields instead of refusing them.
        (Dialect::Structural, Value::Bool(false)) => {}
        // Free keys beside declared ones (see RELAXATIONS), or any keys.
        (Dialect::Structural, Value::Object(_) | Value::Bool(true)) => {
            out.insert("x-kubernetes-preserve-unknown-fields".into(), json!(true));
        }
        (_, other) => {
            return Err(format!(
                "{}: additionalProperties {other} is neither a boolean nor a schema",
                pointer(at)
            ));
        }
    }
    Ok(())
}

/// Translates each field of a `properties` keyword with `field` (given
/// the field's name, schema and pointer).
fn each_property(
    properties: &Value,
    at: &str,
    mut field: impl FnMut(&str, &Value, &str) -> Result<Map<String, Value>, String>,
) -> Result<Value, String> {
    let Value::Object(props) = properties else {
        return Err(format!("{}: properties is not an object", pointer(at)));
    };
    let mut translated = Map::new();
    for (name, schema) in props {
        let field_at = format!("{at}/properties/{name}");
        translated.insert(name.clone(), Value::Object(field(name, schema, &field_at)?));
    }
    Ok(Value::Object(translated))
}

/// Translates the combinators of `map` (`anyOf`, `oneOf`, `allOf`, `not`)
/// into `out`, each branch with `branch`.
fn junctors(
    map: &Map<String, Value>,
    at: &str,
    out: &mut Map<String, Value>,
    mut branch: impl FnMut(&Value, &str) -> Result<Map<String, Value>, String>,
) -> Result<(), String> {
    for junctor in ["anyOf", "oneOf", "allOf"] {
        let Some(branches) = map.get(junctor) else {
            continue;
        };
        let Value::Array(items) = branches else {
            return Err(format!("{}: {junctor} is not a list", pointer(at)));
        };
        let translated = items
            .iter()
            .enumerate()
            .map(|(i, b)| branch(b, &format!("{at}/{junctor}/{i}")).map(Value::Object))
            .collect::<Result<Vec<_>, _>>()?;
        out.insert(junctor.into(), Value::Array(translated));
    }
    if let Some(negated) = map.get("not") {
        let translated = branch(negated, &format!("{at}/not"))?;
        out.insert("not".into(), Value::Object(translated));
    }
    Ok(())
}

/// A schema inside `anyOf`/`oneOf`/`allOf`/`not` as a structural schema
/// allows it: value validation only. `outer` is the schema the junctor
/// sits in: the branch may only name fields it declares, and a `type`
/// (the "must be an object" guard the JSON Schemas carry) must repeat
/// the outer one, which already checks it.
fn value_validation(
    branch: &Value,
    outer: &Map<String, Value>,
    at: &str,
) -> Result<Map<String, Value>, String> {
    let Value::Object(map) = branch else {
        return Err(format!("{}: a schema that is not an object", pointer(at)));
    };
    let mut out = Map::new();
    for (key, value) in map {
        let key = key.as_str();
        match key {
            "description" | "title" => {}
            "type" => {
                if outer.get("type") != Some(value) {
                    return Err(format!(
                        "{}: type {value} inside a combinator differs from the type outside",
                        pointer(at)
                    ));
                }
            }
            "additionalProperties" if value == &Value::Bool(false) => {}
            "const" => {
                out.insert("enum".into(), json!([value]));
            }
            "properties" => {
                let translated = each_property(value, at, |name, field, field_at| {
                    let Some(Value::Object(declared)) =
                        outer.get("properties").and_then(|p| p.get(name))
                    else {
                        return Err(format!(
                            "{}: a field named only inside a combinator",
                            pointer(field_at)
                        ));
                    };
                    value_validation(field, declared, field_at)
                })?;
                out.insert(key.into(), translated);
            }
            "anyOf" | "oneOf" | "allOf" | "not" => {}
            k if PLAIN_KEYWORDS.contains(&k) => {
                out.insert(key.into(), value.clone());
            }
            other => {
                return Err(format!(
                    "{}: `{other}` inside a combinator has no structural form",
                    pointer(at)
                ));
            }
        }
    }
    // Nested combinators constrain the same object as this one.
    junctors(map, at, &mut out, |b, b_at| {
        value_validation(b, outer, b_at)
    })?;
    Ok(out)
}

/// A node without a type: any value, an integer or a string, or one of
/// several types (`anyOf` with a type per branch). A structural schema
/// has a name for the first two; for the third it keeps any value, and
/// each branch's checks that only apply to its own type move out of the
/// `anyOf` (see RELAXATIONS).
fn untyped(map: &Map<String, Value>, at: &str, out: &mut Map<String, Value>) -> Result<(), String> {
    if map.contains_key("allOf") || map.contains_key("not") {
        return Err(format!(
            "{}: a combinator on a node without a type has no structural form",
            pointer(at)
        ));
    }
    let (junctor, branches) = match (map.get("anyOf"), map.get("oneOf")) {
        (None, None) => {
            out.insert("x-kubernetes-preserve-unknown-fields".into(), json!(true));
            return Ok(());
        }
        (Some(Value::Array(b)), None) => ("anyOf", b),
        (None, Some(Value::Array(b))) => ("oneOf", b),
        _ => {
            return Err(format!(
                "{}: a node without a type needs one anyOf or oneOf list",
                pointer(at)
            ));
        }
    };
    let mut types = BTreeSet::new();
    let mut hoisted = Map::new();
    for (i, branch) in branches.iter().enumerate() {
        let branch_at = format!("{at}/{junctor}/{i}");
        let Some(Value::String(json_type)) = branch.get("type") else {
            return Err(format!("{}: a branch without a type", pointer(&branch_at)));
        };
        if !types.insert(json_type.as_str()) {
            return Err(format!(
                "{}: two branches of type {json_type}",
                pointer(&branch_at)
            ));
        }
        for (key, value) in branch.as_object().into_iter().flatten() {
            match key.as_str() {
                "type" | "description" => {}
                k if only_constrains(k, json_type) && !hoisted.contains_key(k) => {
                    hoisted.insert(key.clone(), value.clone());
                }
                other => {
                    return Err(format!(
                        "{}: `{other}` cannot move out of the branch",
                        pointer(&branch_at)
                    ));
                }
            }
        }
    }
    if types == BTreeSet::from(["integer", "string"]) {
        out.insert("x-kubernetes-int-or-string".into(), json!(true));
        out.insert(
            "anyOf".into(),
            json!([{"type": "integer"}, {"type": "string"}]),
        );
    } else {
        out.insert("x-kubernetes-preserve-unknown-fields".into(), json!(true));
    }
    out.extend(hoisted);
    Ok(())
}

fn pointer(at: &str) -> String {
    if at.is_empty() {
        "the schema's root".into()
    } else {
        format!("at {at}")
    }
}

/// The name of a kind's schema under `components.schemas`, in the
/// reverse-domain style Kubernetes publishes its own
/// (`io.opensergo.fault-tolerance.v1alpha1.RateLimitStrategy`).
pub fn component_name(kind: &KindInfo) -> String {
    let reversed: Vec<&str> = kind.group.split('.').rev().collect();
    format!("{}.{}.{}", reversed.join("."), kind.version, kind.kind)
}

/// One OpenAPI 3.0 document with every given kind under
/// `components.schemas`, each tagged with its group, version and kind as
/// Kubernetes tags its own (`x-kubernetes-group-version-kind`), so editors
/// can pick the schema from a document's `apiVersion` and `kind`.
pub fn openapi_document(kinds: &[&KindInfo]) -> Result<Value, String> {
    let mut schemas = Map::new();
    for kind in kinds {
        let schema = embedded_schema(kind)?;
        let mut component = translate(Dialect::OpenApi, &top_level(&schema)?, "")
            .map_err(|e| format!("{}: {e}", kind.schema_path()))?;
        component.insert(
            "x-kubernetes-group-version-kind".into(),
            json!([{"group": kind.group, "version": kind.version, "kind": kind.kind}]),
        );
        schemas.insert(component_name(kind), Value::Object(component));
    }
    Ok(json!({
        "openapi": "3.0.3",
        "info": {
            "title": "OpenSergo governance kinds",
            "description": "The JSON Schemas `opensergo validate` checks against, as OpenAPI 3.0 schemas.",
            "version": env!("CARGO_PKG_VERSION"),
        },
        "paths": {},
        "components": {"schemas": schemas},
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::{KINDS, by_kind_name};

    #[test]
    fn resource_plurals_follow_kubernetes_names() {
        for (kind, expected) in [
            ("ratelimitstrategy", "ratelimitstrategies"),
            ("sharding", "shardings"),
            ("shadow", "shadows"),
            ("databasediscovery", "databasediscoveries"),
            ("gateway", "gateways"),
            ("ingress", "ingresses"),
            ("trafficrouter", "trafficrouters"),
        ] {
            assert_eq!(resource_plural(kind), expected);
        }
    }

    #[test]
    fn every_kind_has_one_presentation_with_short_names_nobody_else_uses() {
        let mut seen = BTreeSet::new();
        for kind in KINDS {
            let names = names(kind).unwrap();
            assert!(!names.short_names.is_empty(), "{}", kind.kind);
            for short in names.short_names {
                assert!(!BUILTIN_SHORT_NAMES.contains(short), "{short} is built in");
                assert!(seen.insert(*short), "{short} twice");
            }
        }
        assert_eq!(PRESENTATION.len(), KINDS.len());
    }

    #[test]
    fn printer_columns_lead_to_schema_fields() {
        let kind = by_kind_name("RateLimitStrategy").unwrap();
        let crd = custom_resource_definition(kind).unwrap();
        let columns = &crd["spec"]["versions"][0]["additionalPrinterColumns"];
        assert_eq!(columns[0]["name"], "Threshold");
        assert_eq!(columns[0]["type"], "integer");
        assert_eq!(columns[2]["jsonPath"], ".spec.metricType");
        assert_eq!(columns.as_array().unwrap().last().unwrap()["type"], "date");
        let schema = embedded_schema(kind).unwrap();
        assert!(resolve_json_path(&schema, ".spec.nothing").is_err());
        assert!(resolve_json_path(&schema, "spec").is_err());
        let rule = embedded_schema(by_kind_name("FaultToleranceRule").unwrap()).unwrap();
        assert!(
            resolve_json_path(&rule, ".spec.targets[*].targetResourceName")
                .unwrap()
                .1
        );
    }

    #[test]
    fn translation_maps_json_schema_onto_structural_forms() {
        let schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "T",
            "type": "object",
            "properties": {
                "apiVersion": {"type": "string", "const": "x.io/v1"},
                "metadata": {"type": "object", "description": "m"},
                "spec": {
                    "type": "object",
                    "properties": {
                        "mode": {"type": "string", "const": "A"},
                        "note": {"type": ["string", "null"]},
                        "port": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": "^p"}]},
                        "free": {"type": "object"},
                        "map": {"type": "object", "additionalProperties": {"type": "string"}},
                        "either": {
                            "type": "object",
                            "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                            "oneOf": [{"type": "object", "required": ["a"]}, {"type": "object", "required": ["b"]}],
                            "additionalProperties": false
                        }
                    },
                    "additionalProperties": false
                }
            },
            "required": ["apiVersion", "metadata", "spec"],
            "additionalProperties": false
        });
        let out = structural_schema(&schema).unwrap();
        assert_eq!(
            out,
            json!({
                "type": "object",
                "properties": {
                    "apiVersion": {"type": "string"},
                    "metadata": {"type": "object"},
                    "spec": {
                        "type": "object",
                        "properties": {
                            "mode": {"type": "string", "enum": ["A"]},
                            "note": {"type": "string", "nullable": true},
                            "port": {
                                "x-kubernetes-int-or-string": true,
                                "anyOf": [{"type": "integer"}, {"type": "string"}],
                                "minimum": 1,
                                "pattern": "^p"
                            },
                            "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
                            "map": {"type": "object", "additionalProperties": {"type": "string"}},
                            "either": {
                                "type": "object",
                                "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                                "oneOf": [{"required": ["a"]}, {"required": ["b"]}]
                            }
                        }
                    }
                },
                "required": ["spec"]
            })
        );
    }

    #[test]
    fn what_has_no_structural_form_is_an_error_not_a_guess() {
        for (schema, why) in [
            (json!({"type": "object", "$ref": "#/x"}), "`$ref`"),
            (json!({"type": ["string", "integer"]}), "not one type"),
            (
                json!({"type": "object", "properties": {"a": {"type": "string"}}, "anyOf": [{"properties": {"b": {}}}]}),
                "only inside a combinator",
            ),
            (
                json!({"type": "object", "anyOf": [{"type": "string"}]}),
                "differs from the type outside",
            ),
            (
                json!({"anyOf": [{"type": "string"}, {"type": "string"}]}),
                "two branches",
            ),
        ] {
            let err = translate(Dialect::Structural, &schema, "").unwrap_err();
            assert!(err.contains(why), "{err}");
        }
    }

    #[test]
    fn openapi_components_keep_every_check_openapi_can_state() {
        let kind = by_kind_name("ReadWriteSplitting").unwrap();
        let doc = openapi_document(&[kind]).unwrap();
        let component =
            &doc["components"]["schemas"]["io.opensergo.database.v1alpha1.ReadWriteSplitting"];
        assert_eq!(
            component["properties"]["kind"]["enum"],
            json!(["ReadWriteSplitting"])
        );
        assert_eq!(component["additionalProperties"], json!(false));
        assert_eq!(
            component["properties"]["spec"]["properties"]["rules"]["oneOf"][0]["type"],
            "object"
        );
        assert_eq!(
            component["x-kubernetes-group-version-kind"][0]["kind"],
            "ReadWriteSplitting"
        );
    }
}
