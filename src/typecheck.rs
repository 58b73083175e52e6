//! What a document claims to be, judged once for every command: an
//! OpenSergo kind the registry knows, a foreign object (a Deployment), YAML
//! that is no Kubernetes object at all (a values file), or a mistake in
//! `apiVersion`/`kind` that must never pass silently. `validate`, `lint`
//! and `convert` all ask [`judge`], so one document gets one verdict and
//! one message whichever command reads it.

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::kinds::{self, KINDS, KindInfo, Lookup};
use crate::path::FieldPath;
use crate::source::Span;
use crate::suggest::closest;

/// The verdict on a document's type.
#[derive(Debug)]
pub enum TypeVerdict {
    /// An OpenSergo kind the registry knows.
    Known(&'static KindInfo),
    /// A Kubernetes object of some other API (a Deployment, a CRD).
    Foreign,
    /// Not a Kubernetes object at all: no `apiVersion`, no `kind`, no
    /// `metadata` (a values file, a compose file, a CI workflow).
    NotAnObject,
    /// A mistake in the type: the finding says what and how to fix it.
    Wrong(Box<Diagnostic>),
}

/// Judges a document's `apiVersion` and `kind`.
pub fn judge(doc: &Document) -> TypeVerdict {
    let meta = &doc.meta;
    if meta.api_version.is_empty() || meta.kind.is_empty() {
        return missing_type_meta(doc);
    }
    match doc.lookup() {
        Lookup::Known(info) => return TypeVerdict::Known(info),
        Lookup::Superseded(old) => {
            return wrong(
                doc.diagnostic(
                    codes::SUPERSEDED_KIND,
                    format!(
                        "{} is a superseded draft kind, replaced by {}",
                        meta.kind, old.replaced_by
                    ),
                    value_span(doc, "kind"),
                )
                .with_path(FieldPath::keys(&["kind"]))
                .with_help(
                    "no control plane, SDK or protobuf message implements it: rewrite it as the kind that replaced it",
                ),
            );
        }
        Lookup::UnknownOpenSergo | Lookup::Foreign => {}
    }
    let same_name: Vec<&'static KindInfo> = KINDS.iter().filter(|k| k.kind == meta.kind).collect();
    let opensergo_group = kinds::is_opensergo_group(meta.group());
    // An apiVersion that means OpenSergo but is misspelt, or has no group
    // at all (`v1alpha1`, `fault-tolerance.opensergo.io` alone).
    let meant_opensergo = opensergo_group
        || meta.group().is_empty()
        || meta.api_version.to_ascii_lowercase().contains("opensergo");
    if let Some(first) = same_name.first()
        && meant_opensergo
    {
        return wrong_api_version(doc, first, &same_name);
    }
    if opensergo_group || meant_opensergo && !meta.group().is_empty() {
        return unknown_kind(doc);
    }
    TypeVerdict::Foreign
}

fn wrong(d: Diagnostic) -> TypeVerdict {
    TypeVerdict::Wrong(Box::new(d))
}

fn value_span(doc: &Document, key: &str) -> Span {
    doc.root
        .entry(key)
        .map_or(doc.head_span(), |(_, v)| v.span())
}

fn missing_type_meta(doc: &Document) -> TypeVerdict {
    let meta = &doc.meta;
    // A Helm Chart.yaml has an apiVersion and nothing else of an object.
    let is_object = !meta.kind.is_empty()
        || doc.root.get("metadata").is_some()
        || kinds::is_opensergo_group(meta.group());
    if !is_object {
        return TypeVerdict::NotAnObject;
    }
    let missing = match (meta.api_version.is_empty(), meta.kind.is_empty()) {
        (true, true) => "apiVersion and kind",
        (true, false) => "apiVersion",
        _ => "kind",
    };
    let help = match kinds::by_kind_name(&meta.kind) {
        Some(info) if meta.api_version.is_empty() => {
            format!("add `apiVersion: {}`", info.api_version())
        }
        _ => "every Kubernetes object starts with `apiVersion:` and `kind:`".to_string(),
    };
    wrong(
        doc.diagnostic(
            codes::MISSING_TYPE_META,
            format!("object has no {missing}"),
            doc.head_span(),
        )
        .with_help(help),
    )
}

/// A known kind under an apiVersion it does not live in.
fn wrong_api_version(
    doc: &Document,
    first: &KindInfo,
    same_name: &[&'static KindInfo],
) -> TypeVerdict {
    let meta = &doc.meta;
    let in_group: Vec<&str> = same_name
        .iter()
        .filter(|k| k.group == meta.group())
        .map(|k| k.version)
        .collect();
    let message = if in_group.is_empty() {
        format!(
            "{} is not a kind of `{}`: it is in {}",
            meta.kind,
            meta.api_version,
            first.api_version()
        )
    } else {
        format!(
            "{} has no version `{}` in {}: it exists as {}",
            meta.kind,
            meta.version(),
            meta.group(),
            in_group.join(", ")
        )
    };
    wrong(
        doc.diagnostic(
            codes::WRONG_API_VERSION,
            message,
            value_span(doc, "apiVersion"),
        )
        .with_path(FieldPath::keys(&["apiVersion"]))
        .with_label(format!("{} lives in {}", meta.kind, first.api_version()))
        .with_help(format!("write `apiVersion: {}`", first.api_version())),
    )
}

/// A kind nobody defined, in an OpenSergo API group.
fn unknown_kind(doc: &Document) -> TypeVerdict {
    let meta = &doc.meta;
    let mut in_group: Vec<&str> = KINDS
        .iter()
        .filter(|k| k.group == meta.group())
        .map(|k| k.kind)
        .collect();
    in_group.dedup();
    let suggestion = closest(&meta.kind, in_group.iter().copied())
        .or_else(|| closest(&meta.kind, KINDS.iter().map(|k| k.kind)))
        .and_then(kinds::by_kind_name);
    let mut help = match suggestion {
        Some(info) if info.group == meta.group() => format!("did you mean `{}`? ", info.kind),
        Some(info) => format!(
            "did you mean `{}` (apiVersion {})? ",
            info.kind,
            info.api_version()
        ),
        None => String::new(),
    };
    if in_group.is_empty() {
        help.push_str(&format!(
            "No OpenSergo API group `{}` is known; pass --schema-dir or --crd to validate your own kinds",
            meta.group()
        ));
    } else {
        help.push_str(&format!("{} has: {}", meta.group(), in_group.join(", ")));
    }
    wrong(
        doc.diagnostic(
            codes::UNKNOWN_KIND,
            format!(
                "unknown OpenSergo kind {} in {}",
                meta.kind, meta.api_version
            ),
            value_span(doc, "kind"),
        )
        .with_path(FieldPath::keys(&["kind"]))
        .with_label(format!("no such kind in {}", meta.api_version))
        .with_help(help),
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::source::SourceFile;

    fn verdict(head: &str) -> TypeVerdict {
        let text = format!("{head}\nmetadata:\n  name: a\n");
        let source = Arc::new(SourceFile::new("t.yaml", text));
        let doc = crate::document::parse_source(&source).documents.remove(0);
        judge(&doc)
    }

    fn wrong_text(head: &str) -> (String, String, String) {
        match verdict(head) {
            TypeVerdict::Wrong(d) => (
                d.code.id.to_string(),
                d.message.clone(),
                d.help.clone().unwrap_or_default(),
            ),
            other => panic!("{head}: {other:?}"),
        }
    }

    #[test]
    fn a_known_kind_under_a_misspelt_api_version_names_the_right_one() {
        for api in [
            "fault-tolerance.opensergo.io",
            "fault-tolerance.opensergo/v1alpha1",
            "v1alpha1",
            "faulttolerance.opensergo.io/v1alpha1",
            "traffic.opensergo.io/v1alpha1",
        ] {
            let (code, message, help) =
                wrong_text(&format!("apiVersion: {api}\nkind: RateLimitStrategy"));
            assert_eq!(code, "OS1008", "{api}");
            assert!(
                message.contains("fault-tolerance.opensergo.io/v1alpha1"),
                "{api}: {message}"
            );
            assert_eq!(
                help, "write `apiVersion: fault-tolerance.opensergo.io/v1alpha1`",
                "{api}"
            );
        }
    }

    #[test]
    fn an_unknown_version_lists_the_versions_that_exist() {
        let (code, message, _) =
            wrong_text("apiVersion: fault-tolerance.opensergo.io/v1beta1\nkind: RateLimitStrategy");
        assert_eq!(code, "OS1008");
        assert_eq!(
            message,
            "RateLimitStrategy has no version `v1beta1` in fault-tolerance.opensergo.io: it exists as v1alpha1"
        );
    }

    #[test]
    fn misspelt_kinds_get_a_did_you_mean() {
        for kind in ["RateLimitStrategey", "ratelimitstrategy"] {
            let (code, _, help) = wrong_text(&format!(
                "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: {kind}"
            ));
            assert_eq!(code, "OS1002");
            assert!(
                help.starts_with("did you mean `RateLimitStrategy`? "),
                "{help}"
            );
        }
        let (_, _, help) =
            wrong_text("apiVersion: traffic.opensergo.io/v1alpha1\nkind: RateLimitStrategey");
        assert!(
            help.contains("(apiVersion fault-tolerance.opensergo.io/v1alpha1)"),
            "{help}"
        );
    }

    #[test]
    fn foreign_objects_and_plain_yaml_are_told_apart() {
        assert!(matches!(
            verdict("apiVersion: apps/v1\nkind: Deployment"),
            TypeVerdict::Foreign
        ));
        // Someone's own kind that shares a name, in their own group.
        assert!(matches!(
            verdict("apiVersion: example.com/v1\nkind: RateLimit"),
            TypeVerdict::Foreign
        ));
        let source = Arc::new(SourceFile::new("v.yaml", "replicas: 3\nimage: x\n".into()));
        let doc = crate::document::parse_source(&source).documents.remove(0);
        assert!(matches!(judge(&doc), TypeVerdict::NotAnObject));
        let (code, _, help) = wrong_text("kind: RateLimitStrategy");
        assert_eq!(code, "OS1001");
        assert_eq!(
            help,
            "add `apiVersion: fault-tolerance.opensergo.io/v1alpha1`"
        );
    }
}
