//! Documents: one Kubernetes-style object read from a YAML stream, with its
//! type and object metadata, its JSON form, and a map back from JSON
//! paths to source positions. Every command (validate, lint, diff,
//! convert) reads files through [`load_source`] and works on these.

use std::sync::{Arc, LazyLock};

use compact_str::CompactString;

use crate::codes;
use crate::diagnostic::{Diagnostic, ObjectRef};
use crate::kinds::{self, KindInfo, Lookup};
use crate::path::{FieldPath, Segment};
use crate::source::{LineCol, SharedSource, SourceFile, Span};
use crate::yaml::{self, Node, RawDocument, Value};

/// A document's apiVersion/kind and metadata, read leniently (wrong types
/// read as absent: the schema reports them). Lint keeps one per object of
/// a whole rule set: the strings are inline up to 24 bytes (every kind,
/// most names), and group and version are read from `api_version`, not
/// copied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeMeta {
    pub api_version: CompactString,
    pub kind: CompactString,
    pub name: CompactString,
    pub namespace: CompactString,
    /// `metadata.labels.app`, the one label the tool reads (the control
    /// plane groups objects by it). Other labels and annotations stay in
    /// the tree only: a copy per object would be a map allocation each.
    pub app: Option<CompactString>,
}

impl TypeMeta {
    /// The API group of `api_version` (empty for the core group).
    pub fn group(&self) -> &str {
        kinds::split_api_version(&self.api_version).0
    }

    /// The version of `api_version`.
    pub fn version(&self) -> &str {
        kinds::split_api_version(&self.api_version).1
    }

    pub fn app(&self) -> Option<&str> {
        self.app.as_deref()
    }

    /// The namespace the API server would use when none is written.
    pub fn namespace_or_default(&self) -> &str {
        if self.namespace.is_empty() {
            "default"
        } else {
            &self.namespace
        }
    }
}

#[derive(Debug)]
pub struct Document {
    pub source: SharedSource,
    /// Position in the YAML stream, from 0.
    pub index: usize,
    pub span: Span,
    pub root: Node,
    pub meta: TypeMeta,
}

impl Document {
    pub fn new(source: &SharedSource, mut raw: RawDocument) -> Self {
        share_known_api_version(&mut raw.root);
        let meta = read_meta(&raw.root);
        Document {
            source: Arc::clone(source),
            index: raw.index,
            span: raw.span,
            root: raw.root,
            meta,
        }
    }

    pub fn start(&self) -> LineCol {
        self.source.line_col(self.span.start)
    }

    pub fn lookup(&self) -> Lookup {
        kinds::lookup(&self.meta.api_version, &self.meta.kind)
    }

    pub fn object_ref(&self) -> ObjectRef {
        ObjectRef {
            kind: self.meta.kind.to_string(),
            name: self.meta.name.to_string(),
            namespace: self.meta.namespace.to_string(),
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        self.root.to_json()
    }

    /// The node at a path, and the key node that introduced it.
    pub fn node_at(&self, path: &[Segment]) -> Option<(Option<&Node>, &Node)> {
        let mut key = None;
        let mut node = &self.root;
        for segment in path {
            match segment {
                Segment::Key(k) => {
                    let (k, v) = node.entry(k)?;
                    key = Some(k);
                    node = v;
                }
                Segment::Index(i) => {
                    node = node.as_seq().get(*i)?;
                    key = None;
                }
            }
        }
        Some((key, node))
    }

    /// The best span for a path: the value where it exists, else the
    /// deepest existing ancestor's key (a missing field points at its
    /// parent's key, like `spec:`).
    pub fn span_of(&self, path: &[Segment], prefer_key: bool) -> Span {
        for len in (0..=path.len()).rev() {
            if let Some((key, value)) = self.node_at(&path[..len]) {
                let exact = len == path.len();
                return match (key, exact && !prefer_key) {
                    (_, true) => value.span(),
                    (Some(k), false) => k.span(),
                    (None, false) => value.span(),
                };
            }
        }
        self.span
    }

    /// Resolves a JSON pointer (RFC 6901, as schema errors and JSON tools
    /// write them: `/spec/strategies/0/kind`) to a path: numeric segments
    /// index sequences, everything else names keys.
    pub fn pointer_path(&self, pointer: &str) -> Option<Vec<Segment>> {
        let mut path = Vec::new();
        let mut node = &self.root;
        for raw in pointer.split('/').skip(1) {
            let segment = raw.replace("~1", "/").replace("~0", "~");
            match &node.value {
                crate::yaml::Value::Seq(items) => {
                    let i: usize = segment.parse().ok()?;
                    node = items.get(i)?;
                    path.push(Segment::Index(i));
                }
                _ => {
                    node = node.get(&segment)?;
                    path.push(Segment::Key(segment));
                }
            }
        }
        Some(path)
    }

    /// The path of the node at `span` (see [`Node::path_at`]).
    pub fn path_at(&self, span: Span) -> FieldPath {
        self.root.path_at(span)
    }

    /// A diagnostic about this document, pointing at `span`.
    pub fn diagnostic(
        &self,
        code: crate::codes::Code,
        message: impl Into<String>,
        span: Span,
    ) -> Diagnostic {
        Diagnostic::new(code, message)
            .at(&self.source, span)
            .for_document(self.index, Some(self.object_ref()))
    }

    /// The span of the document's first line (`apiVersion: ...`), used when
    /// a finding is about the whole object.
    pub fn head_span(&self) -> Span {
        self.root
            .as_map()
            .first()
            .map_or(self.span, |(k, _)| k.span())
    }
}

/// The type meta of a tree whose known apiVersion is already the shared
/// string ([`share_known_api_version`]): the tree's strings are cloned, so
/// that one stays shared.
fn read_meta(root: &Node) -> TypeMeta {
    let text = |keys: &[&str]| match root.get_path(keys).map(|node| &node.value) {
        Some(Value::String(s)) => s.clone(),
        _ => CompactString::default(),
    };
    TypeMeta {
        api_version: text(&["apiVersion"]),
        kind: text(&["kind"]),
        name: text(&["metadata", "name"]),
        namespace: text(&["metadata", "namespace"]),
        app: root
            .get_path(&["metadata", "labels", "app"])
            .and_then(Node::key_text)
            .map(CompactString::from),
    }
}

/// The apiVersion of a known kind, as one shared string: those of the
/// OpenSergo groups are longer than the 24 bytes a [`CompactString`] keeps
/// inline, and a copy per object would be an allocation each.
/// A known apiVersion in the tree becomes the shared static string: at
/// 37 bytes it is past a `CompactString`'s 24 inline ones, so every object
/// held a heap copy of it (lint keeps every tree).
fn share_known_api_version(root: &mut Node) {
    let Value::Map(entries) = &mut root.value else {
        return;
    };
    let Some((_, value)) = entries
        .iter_mut()
        .find(|(key, _)| key.key_text().as_deref() == Some("apiVersion"))
    else {
        return;
    };
    if let Value::String(text) = &value.value
        && let Some(known) = known_api_version(text)
    {
        value.value = Value::String(CompactString::const_new(known));
    }
}

fn known_api_version(text: &str) -> Option<&'static str> {
    static KNOWN: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut all: Vec<String> = kinds::KINDS.iter().map(KindInfo::api_version).collect();
        all.sort_unstable();
        all.dedup();
        all
    });
    KNOWN
        .iter()
        .find(|known| *known == text)
        .map(String::as_str)
}

/// Everything read from one input: its documents, and the findings that
/// stopped reading part of it (syntax errors, unreadable file).
#[derive(Debug)]
pub struct LoadedSource {
    pub source: SharedSource,
    pub documents: Vec<Document>,
    pub errors: Vec<Diagnostic>,
}

/// Files larger than this are refused before parsing.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Outcome of reading an input's bytes.
pub enum ReadOutcome {
    Text(String),
    /// The input is not text; the diagnostic says why.
    Rejected(Box<Diagnostic>),
}

/// Checks raw bytes are YAML-able text: no NUL bytes, valid UTF-8.
pub fn bytes_to_text(name: &str, bytes: Vec<u8>) -> ReadOutcome {
    let sniff = &bytes[..bytes.len().min(8192)];
    if let Some(encoding) = utf16_or_32(sniff) {
        return ReadOutcome::Rejected(Box::new(
            Diagnostic::new(
                codes::NOT_TEXT,
                format!("the file is {encoding}-encoded text, not UTF-8"),
            )
            .in_file(name)
            .with_help(format!(
                "YAML files must be UTF-8; re-encode it, e.g. `iconv -f {encoding} -t UTF-8`"
            )),
        ));
    }
    if sniff.contains(&0) {
        return ReadOutcome::Rejected(Box::new(
            Diagnostic::new(codes::NOT_TEXT, "binary file (contains NUL bytes)")
                .in_file(name)
                .with_help("only YAML and JSON files can be checked"),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                // A BOM would shift every offset by three bytes.
                text.replace_range(..3, "");
            }
            ReadOutcome::Text(text)
        }
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..at]).into_owned();
            let source = Arc::new(SourceFile::new(name, prefix));
            let end = source.text.len();
            let LineCol { line, column } = source.line_col(end);
            ReadOutcome::Rejected(Box::new(
                Diagnostic::new(
                    codes::NOT_TEXT,
                    format!("not UTF-8: invalid byte 0x{:02X} at line {line}, column {column}", bytes[at]),
                )
                .at(&source, Span::new(end, end))
                .with_help("YAML files must be UTF-8; re-encode the file (e.g. `iconv -f latin1 -t utf-8`)"),
            ))
        }
    }
}

/// The encoding of UTF-16 or UTF-32 text (by its byte-order mark, or by
/// the zero bytes ASCII text has in it), which is text, not binary.
fn utf16_or_32(sniff: &[u8]) -> Option<&'static str> {
    match sniff {
        [0xFF, 0xFE, 0, 0, ..] => return Some("UTF-32LE"),
        [0, 0, 0xFE, 0xFF, ..] => return Some("UTF-32BE"),
        [0xFF, 0xFE, ..] => return Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => return Some("UTF-16BE"),
        _ => {}
    }
    // Without a mark: ASCII characters leave every other byte zero.
    let pairs = sniff.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sniff
            .iter()
            .enumerate()
            .filter(|(i, b)| i % 2 == parity && **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 9 && even * 10 <= pairs {
        Some("UTF-16LE")
    } else if even * 10 >= pairs * 9 && odd * 10 <= pairs {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Parses a source into documents. Empty documents (`---` alone, files of
/// comments) are dropped: they describe no object.
pub fn parse_source(source: &SharedSource) -> LoadedSource {
    if let Some(span) = template_action(&source.text) {
        let note = Diagnostic::new(
            codes::TEMPLATE,
            "a Helm/Go template: not checked until it is rendered",
        )
        .at(source, span)
        .with_label("template action")
        .with_help(
            "render it first and check the output: `helm template CHART | opensergo validate -`",
        );
        return LoadedSource {
            source: Arc::clone(source),
            documents: Vec::new(),
            errors: vec![note],
        };
    }
    let (raw, error) = yaml::load_stream(&source.text);
    let documents = expand_lists(raw)
        .into_iter()
        .filter(|d| !d.root.is_null())
        .map(|d| Document::new(source, d))
        .collect();
    let errors = error
        .map(|e| e.into_diagnostic(source))
        .into_iter()
        .collect();
    LoadedSource {
        source: Arc::clone(source),
        documents,
        errors,
    }
}

/// The first Go template action (`{{ .Values.x }}`, `{{- include ... }}`,
/// `{{/* comment */}}`) of a text, if any: Helm charts keep such files
/// under `templates/`, and they are not YAML until rendered. A `{{` that
/// starts no action (inside a quoted string, say) does not count.
fn template_action(text: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, b"{{").find_map(|start| {
        let inner = text[start + 2..].trim_start_matches('-').trim_start();
        let opens_action = inner.starts_with(['.', '$', '/'])
            || inner.starts_with(|c: char| c.is_ascii_alphabetic());
        let line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |n| start + n);
        let close = memchr::memmem::find(&bytes[start..line_end], b"}}")?;
        opens_action.then(|| Span::new(start, start + close + 2))
    })
}

/// `kind: List` (what `kubectl get -o yaml` prints) and other `*List`
/// kinds hold their objects in `items`: each item becomes a document of
/// its own, at its own position, as kubeconform checks them. Documents
/// after a list are renumbered so every index stays unique.
fn expand_lists(raw: Vec<RawDocument>) -> Vec<RawDocument> {
    let mut out = Vec::with_capacity(raw.len());
    let mut shift = 0;
    for mut doc in raw {
        let index = doc.index + shift;
        let is_list = doc.root.get("apiVersion").is_some()
            && doc
                .root
                .get("kind")
                .and_then(Node::as_str)
                .is_some_and(|k| k.ends_with("List"));
        let items = match &mut doc.root.value {
            yaml::Value::Map(entries) if is_list => entries
                .iter_mut()
                .find(|(k, _)| k.as_str() == Some("items"))
                .and_then(|(_, items)| match &mut items.value {
                    yaml::Value::Seq(items) => Some(std::mem::take(items)),
                    _ => None,
                }),
            _ => None,
        };
        match items {
            Some(items) => {
                shift += items.len().saturating_sub(1);
                out.extend(items.into_iter().enumerate().map(|(i, item)| RawDocument {
                    index: index + i,
                    span: item.span(),
                    root: item,
                }));
            }
            None => out.push(RawDocument { index, ..doc }),
        }
    }
    out
}

/// Reads and parses one input (a path or `-` for stdin).
pub fn load_source(input: &crate::input::Input, max_size: u64) -> LoadedSource {
    let name = input.display_name();
    let rejected = |d: Box<Diagnostic>| LoadedSource {
        source: Arc::new(SourceFile::new(name.clone(), String::new())),
        documents: Vec::new(),
        errors: vec![*d],
    };
    let bytes = match input.read(max_size) {
        Ok(bytes) => bytes,
        Err(d) => return rejected(d),
    };
    match bytes_to_text(&name, bytes) {
        ReadOutcome::Text(text) => parse_source(&Arc::new(SourceFile::new(name, text))),
        ReadOutcome::Rejected(d) => rejected(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let source = Arc::new(SourceFile::new("t.yaml", text.to_string()));
        parse_source(&source).documents.remove(0)
    }

    #[test]
    fn meta_is_read_leniently() {
        let d = doc(
            "apiVersion: a.opensergo.io/v1\nkind: K\nmetadata:\n  name: n\n  labels: {app: foo}\n",
        );
        assert_eq!(d.meta.group(), "a.opensergo.io");
        assert_eq!(d.meta.version(), "v1");
        assert_eq!(d.meta.app(), Some("foo"));
        // A known apiVersion is shared, not copied per object.
        let known = doc("apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: K\n");
        assert!(!known.meta.api_version.is_heap_allocated());
        assert_eq!(known.meta.group(), "fault-tolerance.opensergo.io");
        assert_eq!(d.meta.namespace_or_default(), "default");
    }

    #[test]
    fn missing_paths_point_at_the_parent_key() {
        let text = "spec:\n  a: [1, 2]\n";
        let d = doc(text);
        let path = [Segment::Key("spec".into()), Segment::Key("b".into())];
        let span = d.span_of(&path, false);
        assert_eq!(&text[span.start..span.end], "spec");
        let path = [
            Segment::Key("spec".into()),
            Segment::Key("a".into()),
            Segment::Index(1),
        ];
        let span = d.span_of(&path, false);
        assert_eq!(&text[span.start..span.end], "2");
        assert_eq!(FieldPath::from(path.to_vec()).to_string(), "spec.a[1]");
    }

    #[test]
    fn json_pointers_resolve_to_positions() {
        let text = "spec:\n  strategies:\n  - name: a\n    kind: K\n  a/b: 1\n";
        let d = doc(text);
        let path = d.pointer_path("/spec/strategies/0/kind").unwrap();
        let span = d.span_of(&path, false);
        assert_eq!(&text[span.start..span.end], "K");
        assert_eq!(
            d.source.line_col(span.start),
            LineCol {
                line: 4,
                column: 11
            }
        );
        let path = d.pointer_path("/spec/a~1b").unwrap();
        assert_eq!(
            &text[d.span_of(&path, true).start..d.span_of(&path, true).end],
            "a/b"
        );
        assert!(d.pointer_path("/spec/missing").is_none());
    }

    #[test]
    fn helm_templates_are_noted_not_parsed() {
        let text =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include \"x.name\" . }}\n";
        let loaded = parse_source(&Arc::new(SourceFile::new("t.yaml", text.into())));
        assert!(loaded.documents.is_empty());
        assert_eq!(loaded.errors[0].code, codes::TEMPLATE);
        assert_eq!(loaded.errors[0].start().unwrap().line, 4);
        // Braces that open no action are YAML like any other text.
        let plain = "a: '{{ }}'\nb: \"{{1}}\"\n";
        let loaded = parse_source(&Arc::new(SourceFile::new("t.yaml", plain.into())));
        assert_eq!(loaded.documents.len(), 1);
        assert!(loaded.errors.is_empty());
    }

    #[test]
    fn latin1_is_rejected_with_its_position() {
        let ReadOutcome::Rejected(d) = bytes_to_text("x", b"a: 1\n# caf\xe9\n".to_vec()) else {
            panic!("accepted latin1");
        };
        assert!(d.message.contains("line 2, column 6"), "{}", d.message);
    }
}
