//! A YAML loader that keeps a byte span on every node, keys included.
//!
//! It reads libyaml's event stream (through `libyaml-safer`, a safe port of
//! libyaml) because Kubernetes users write their files against libyaml-born
//! parsers (go-yaml, kubectl, PyYAML) and rely on their leniency; the
//! published TrafficRouter CRD, for one, has a quoted scalar that strict
//! YAML 1.2 parsers reject. The tree is built without recursion, with a
//! depth limit, duplicate keys rejected (in linear time: a hash index per
//! large mapping), and a node budget for everything anchors and aliases
//! copy, so a "billion laughs" file, or one of nested anchors without a
//! single alias, fails fast in memory proportional to its size.
//!
//! Plain scalars resolve with the YAML 1.2 core schema (`yes` stays a
//! string); the scalar's style is kept so lint can flag YAML 1.1 booleans.

use std::borrow::Cow;
use std::collections::HashMap;

use compact_str::CompactString;
use libyaml_safer::{EventData, Parser, ScalarStyle};

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::path::FieldPath;
use crate::source::{SharedSource, Span};

mod block;

/// How deep collections may nest before the loader gives up.
pub const MAX_DEPTH: usize = 512;
/// How many nodes anchors and aliases may copy in one stream: an anchor
/// keeps a copy of its node (and of every node below it), an alias
/// expands to one. Plain nodes are not counted: they are bounded by the
/// input's size.
pub const MAX_ALIAS_NODES: usize = 250_000;

/// Mappings with at least this many keys get a hash index for the
/// duplicate-key check; smaller ones are scanned (cheaper at that size).
const INDEX_FROM: usize = 16;

/// One node of a loaded tree: 32 bytes, because lint and diff keep the
/// trees of a whole rule set (about 25 nodes per object). Its span is two
/// `u32`s, the plain-style flag sharing the length's top bit, which limits
/// inputs to [`MAX_TEXT`] bytes.
#[derive(Clone, PartialEq)]
pub struct Node {
    start: u32,
    /// The span's length in the low 31 bits, [`PLAIN`] in the top one.
    len_plain: u32,
    pub value: Value,
}

/// The largest text the loader reads (2 GiB): node positions are
/// 31-bit. Far above the largest file the commands read by default
/// (256 MiB).
pub const MAX_TEXT: usize = (1 << 31) - 1;

/// The top bit of [`Node::len_plain`].
const PLAIN: u32 = 1 << 31;

impl Node {
    /// A node at `span` (clamped to [`MAX_TEXT`]); `plain` is true for a
    /// scalar written without quotes.
    pub fn new(span: Span, value: Value, plain: bool) -> Self {
        let start = span.start.min(MAX_TEXT);
        let len = span.len().min(MAX_TEXT - start);
        Node {
            // Both fit in 31 bits: clamped above.
            start: start as u32,
            len_plain: len as u32 | if plain { PLAIN } else { 0 },
            value,
        }
    }

    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span::new(start, start + (self.len_plain & !PLAIN) as usize)
    }

    /// True for a scalar written without quotes (plain style).
    pub fn plain(&self) -> bool {
        self.len_plain & PLAIN != 0
    }

    /// The same node at another place (an alias copy sits where `*name` is).
    fn moved_to(self, span: Span) -> Self {
        let plain = self.plain();
        Node::new(span, self.value, plain)
    }
}

impl std::fmt::Debug for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Node")
            .field("span", &self.span())
            .field("value", &self.value)
            .field("plain", &self.plain())
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Strings of up to 24 bytes (nearly every key and value of a rule)
    /// are stored inline, without an allocation of their own.
    String(CompactString),
    Seq(Box<[Node]>),
    /// Entries in document order.
    Map(Box<[(Node, Node)]>),
}

/// Where in a collection the child holding `span` most likely is: items
/// are in source order, so a binary search over their start finds it in
/// large collections (a finding in a mapping of 100,000 keys costs a few
/// steps, not a scan). Alias copies keep their anchor's positions, so the
/// guess can be wrong: callers try it first and then scan the rest.
fn likely_index<T>(items: &[T], start_of: impl Fn(&T) -> usize, span: Span) -> usize {
    if items.len() < INDEX_FROM {
        return 0;
    }
    items
        .partition_point(|item| start_of(item) <= span.start)
        .saturating_sub(1)
}

/// The items, the [`likely_index`] one first, then the
/// others in order.
fn likely_first<T>(
    items: &[T],
    start_of: impl Fn(&T) -> usize,
    span: Span,
) -> impl Iterator<Item = &T> {
    let first = likely_index(items, start_of, span);
    items[first..].iter().chain(&items[..first])
}

/// A finished collection moved into an allocation of exactly its size:
/// trees of a whole rule set stay in memory for lint and diff, and spare
/// room was nearly half of a typical object's tree. `items` keeps its
/// capacity for the next collection, so growing one leaves no freed
/// buffers of every size behind between the trees that stay.
fn settled<T>(items: &mut Vec<T>) -> Box<[T]> {
    items.drain(..).collect()
}

/// One document of a YAML stream.
#[derive(Debug, Clone)]
pub struct RawDocument {
    /// Position in the stream, counting from 0.
    pub index: usize,
    pub root: Node,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorKind {
    Syntax,
    DuplicateKey,
    Limit,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub kind: YamlErrorKind,
    pub message: String,
    pub span: Span,
    pub help: Option<String>,
    /// A second place the error involves (the first occurrence of a key).
    pub related: Option<(Span, String)>,
    /// The offending node, where known (`spec.threshold`).
    pub path: Option<FieldPath>,
}

impl YamlError {
    /// The error as a diagnostic about `source` (syntax, duplicate key,
    /// limit), with its path, help and the other place it involves.
    pub fn into_diagnostic(self, source: &SharedSource) -> Diagnostic {
        let code = match self.kind {
            YamlErrorKind::Syntax => codes::YAML_SYNTAX,
            YamlErrorKind::DuplicateKey => codes::DUPLICATE_KEY,
            YamlErrorKind::Limit => codes::YAML_LIMIT,
        };
        let mut d = Diagnostic::new(code, self.message).at(source, self.span);
        if let Some(help) = self.help {
            d = d.with_help(help);
        }
        if let Some(path) = self.path {
            d = d.with_path(path);
        }
        if let Some((span, message)) = self.related {
            d = d.with_related(source, span, message);
        }
        d
    }
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self.value {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    pub fn as_map(&self) -> &[(Node, Node)] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// The key and value nodes of a mapping entry.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        self.as_map()
            .iter()
            .find(|(k, _)| k.is_key(key))
            .map(|(k, v)| (k, v))
    }

    /// Whether this mapping key stands for `key` (what [`Node::key_text`]
    /// compares, without building text for the common string key: lint
    /// looks keys up in every object).
    fn is_key(&self, key: &str) -> bool {
        match &self.value {
            Value::String(s) => s.as_str() == key,
            _ => self.key_text().as_deref() == Some(key),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// Follows a path of keys through nested mappings.
    pub fn get_path(&self, keys: &[&str]) -> Option<&Node> {
        keys.iter().try_fold(self, |node, key| node.get(key))
    }

    /// The text a scalar key stands for (mapping keys are matched by it).
    pub fn key_text(&self) -> Option<Cow<'_, str>> {
        match &self.value {
            Value::String(s) => Some(Cow::Borrowed(s)),
            Value::Int(i) => Some(Cow::Owned(i.to_string())),
            Value::Float(f) => Some(Cow::Owned(f.to_string())),
            Value::Bool(b) => Some(Cow::Owned(b.to_string())),
            Value::Null => Some(Cow::Borrowed("null")),
            Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// The path (`spec.http[0].match[1].uri`) of the node at `span` below
    /// this one: the deepest key or value with exactly that span, else the
    /// deepest node that contains it. Only computed for findings.
    pub fn path_at(&self, span: Span) -> FieldPath {
        let mut path = FieldPath::root();
        let mut node = self;
        let inside = |n: &Node| n.span().start <= span.start && span.end <= n.span().end;
        'descend: loop {
            match &node.value {
                Value::Map(entries) => {
                    for (k, v) in likely_first(entries, |(k, _)| k.span().start, span) {
                        if k.span() == span || inside(v) {
                            path.push(k.key_text().unwrap_or_default().into_owned());
                            if k.span() == span || v.span() == span {
                                return path;
                            }
                            node = v;
                            continue 'descend;
                        }
                    }
                    return path;
                }
                Value::Seq(items) => {
                    let first = likely_index(items, |item| item.span().start, span);
                    let order = (first..items.len()).chain(0..first);
                    for (i, item) in order.map(|i| (i, &items[i])) {
                        if inside(item) {
                            path.push(i);
                            if item.span() == span {
                                return path;
                            }
                            node = item;
                            continue 'descend;
                        }
                    }
                    return path;
                }
                _ => return path,
            }
        }
    }

    /// The node as JSON, the way Kubernetes turns YAML into JSON.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            // JSON has no NaN or infinity; keep the text so schemas can
            // still report the value.
            Value::Float(f) => {
                serde_json::Number::from_f64(*f).map_or_else(|| J::String(f.to_string()), J::Number)
            }
            Value::String(s) => J::String(s.to_string()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.key_text().unwrap_or_default().into_owned(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Loads every document of a YAML stream.
///
/// Documents before a syntax error are returned along with the error, so
/// the caller can still check them (as kubectl applies them). Streams of
/// plain block YAML, nearly every rule file, are read by the loader's own
/// reader ([`block`]); everything else, and every stream with an error,
/// by libyaml.
pub fn load_stream(text: &str) -> (Vec<RawDocument>, Option<YamlError>) {
    match block::load(text) {
        Some(docs) => (docs, None),
        None => load_stream_with_libyaml(text),
    }
}

/// [`load_stream`] without the block reader: every stream through
/// libyaml. The `load_yaml` fuzz target checks that the two agree.
pub fn load_stream_with_libyaml(text: &str) -> (Vec<RawDocument>, Option<YamlError>) {
    if text.len() > MAX_TEXT {
        return (Vec::new(), Some(too_large(text.len())));
    }
    let mut docs = Vec::new();
    let mut builder = Builder::default();
    let mut parser = Parser::new();
    // The input is already UTF-8 (BOM removed): detection would misread a
    // leading character in U+F000..U+FFFF as a broken byte-order mark.
    parser.set_encoding(libyaml_safer::Encoding::Utf8);
    parser.set_input(text.as_bytes());
    loop {
        let event = match parse_guarded(&mut parser) {
            Some(Ok(event)) => event,
            Some(Err(err)) => return (docs, Some(syntax_error(text, &err))),
            None => return (docs, Some(parser_panic(text))),
        };
        let Some(event) = Event::from_libyaml(event) else {
            continue;
        };
        match builder.feed(event, text) {
            Ok(Step::Continue) => {}
            Ok(Step::Document(doc)) => docs.push(doc),
            Ok(Step::End) => return (docs, None),
            Err(err) => return (docs, Some(*err)),
        }
    }
}

/// Whether [`load_stream`] reads `text` with its own block reader (for
/// the benchmarks and tests that measure or compare the two paths).
pub fn reads_as_plain_block(text: &str) -> bool {
    block::load(text).is_some()
}

/// Runs one parser step, turning a panic inside libyaml-safer into
/// `None`. The parser has a few `panic!`s on odd input (a tag followed by
/// `,` in a flow collection, upstream issues simonask/libyaml-safer#6 and
/// #7, open in 0.3.0, the latest release); the run goes on with a syntax
/// error. No panic hook is installed here: a program that wants these
/// contained panics quiet calls [`quiet_contained_parser_panics`] once.
fn parse_guarded(
    parser: &mut Parser<&[u8]>,
) -> Option<Result<libyaml_safer::Event, libyaml_safer::Error>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse())).ok()
}

/// Keeps the panics [`parse_guarded`] contains off the panic hook; every
/// other panic goes to the hook that was installed before. The CLI calls it
/// at start so stderr shows no backtrace for a syntax error, and the fuzz
/// targets call it because their hook aborts on every panic, caught or not.
pub fn quiet_contained_parser_panics() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_parser = info
            .location()
            .is_some_and(|l| l.file().contains("libyaml-safer"));
        if !in_parser {
            report(info);
        }
    }));
}

fn too_large(len: usize) -> YamlError {
    YamlError {
        kind: YamlErrorKind::Limit,
        message: format!("the input is {len} bytes; the loader reads at most {MAX_TEXT} (2 GiB)"),
        span: Span::new(0, 0),
        help: Some("split the stream into smaller files".into()),
        related: None,
        path: None,
    }
}

fn parser_panic(text: &str) -> YamlError {
    YamlError {
        kind: YamlErrorKind::Syntax,
        message: "invalid YAML: the parser could not read this stream (unsupported construct)"
            .into(),
        span: Span::new(0, text.chars().next().map_or(0, char::len_utf8)),
        help: Some("look for tags (`!name`) or other unusual syntax in flow collections".into()),
        related: None,
        path: None,
    }
}

fn syntax_error(text: &str, err: &libyaml_safer::Error) -> YamlError {
    let offset = err
        .problem_mark()
        .map_or(0, |m| usize::try_from(m.index).unwrap_or(usize::MAX))
        .min(text.len());
    let end = text[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8());
    let context = err.context().map(|c| format!(" ({c})")).unwrap_or_default();
    let tab_nearby = text[..offset]
        .rsplit('\n')
        .next()
        .is_some_and(|line| line.contains('\t'))
        || text[offset..].starts_with('\t');
    YamlError {
        kind: YamlErrorKind::Syntax,
        message: format!("invalid YAML: {}{context}", err.problem()),
        span: Span::new(offset, end),
        help: tab_nearby
            .then(|| "YAML does not allow tabs for indentation; indent with spaces".to_string()),
        related: None,
        path: None,
    }
}

/// One step of a stream as the tree builder reads it: libyaml's parser
/// events, or the block reader's, with a scalar's text borrowed from the
/// input where it can be.
enum Event<'t> {
    DocumentStart {
        start: usize,
    },
    DocumentEnd {
        start: usize,
        end: usize,
    },
    Alias {
        anchor: String,
        span: Span,
    },
    Scalar {
        anchor: Option<String>,
        tag: Option<String>,
        value: Cow<'t, str>,
        plain: bool,
        span: Span,
    },
    SequenceStart {
        anchor: Option<String>,
        tag: Option<String>,
        span: Span,
    },
    MappingStart {
        anchor: Option<String>,
        tag: Option<String>,
        span: Span,
    },
    SequenceEnd {
        end: usize,
    },
    MappingEnd {
        end: usize,
    },
    StreamEnd,
}

impl Event<'static> {
    /// The builder's event for a libyaml event; `None` for the stream's
    /// start, which the builder has no use for.
    fn from_libyaml(event: libyaml_safer::Event) -> Option<Self> {
        let span = Span::new(mark(&event.start_mark), mark(&event.end_mark));
        Some(match event.data {
            EventData::StreamStart { .. } => return None,
            EventData::StreamEnd => Event::StreamEnd,
            EventData::DocumentStart { .. } => Event::DocumentStart { start: span.start },
            EventData::DocumentEnd { .. } => Event::DocumentEnd {
                start: span.start,
                end: span.end,
            },
            EventData::Alias { anchor } => Event::Alias { anchor, span },
            EventData::Scalar {
                anchor,
                tag,
                value,
                style,
                ..
            } => Event::Scalar {
                anchor,
                tag,
                value: Cow::Owned(value),
                plain: style == ScalarStyle::Plain,
                span,
            },
            EventData::SequenceStart { anchor, tag, .. } => {
                Event::SequenceStart { anchor, tag, span }
            }
            EventData::MappingStart { anchor, tag, .. } => {
                Event::MappingStart { anchor, tag, span }
            }
            EventData::SequenceEnd => Event::SequenceEnd { end: span.end },
            EventData::MappingEnd => Event::MappingEnd { end: span.end },
        })
    }
}

enum Step {
    Continue,
    Document(RawDocument),
    End,
}

enum Frame {
    Seq {
        start: usize,
        anchor: Option<String>,
        items: Vec<Node>,
        nodes_before: usize,
    },
    Map {
        start: usize,
        anchor: Option<String>,
        entries: Vec<(Node, Node)>,
        pending_key: Option<Node>,
        nodes_before: usize,
        /// Key text -> index in `entries`, once the mapping is large.
        index: Option<rustc_hash::FxHashMap<String, usize>>,
    },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<String, (Node, usize)>,
    doc_start: usize,
    doc_index: usize,
    root: Option<Node>,
    /// Nodes created in this document, alias copies included.
    nodes: usize,
    alias_nodes: usize,
    /// Emptied buffers of finished collections, reused by the next ones.
    spare_items: Vec<Vec<Node>>,
    spare_entries: Vec<Vec<(Node, Node)>>,
}

impl Builder {
    fn feed(&mut self, event: Event<'_>, text: &str) -> Result<Step, Box<YamlError>> {
        match event {
            Event::StreamEnd => return Ok(Step::End),
            Event::DocumentStart { start } => {
                self.doc_start = start;
                self.anchors.clear();
                self.nodes = 0;
            }
            Event::DocumentEnd { start, end } => {
                let root = self.root.take().unwrap_or(Node::new(
                    Span::new(start, start),
                    Value::Null,
                    true,
                ));
                let doc = RawDocument {
                    index: self.doc_index,
                    span: Span::new(self.doc_start, end.max(root.span().end)),
                    root,
                };
                self.doc_index += 1;
                return Ok(Step::Document(doc));
            }
            Event::Alias { anchor, span } => {
                let Some((node, count)) = self.anchors.get(&anchor).map(|(n, c)| (n.clone(), *c))
                else {
                    return Err(Box::new(YamlError {
                        kind: YamlErrorKind::Syntax,
                        message: format!("unknown anchor `{anchor}`"),
                        span,
                        help: Some("define the anchor with `&name` before using `*name`".into()),
                        related: None,
                        path: None,
                    }));
                };
                self.charge(count, span)?;
                self.nodes += count;
                self.push(node.moved_to(span), None)?;
            }
            Event::Scalar {
                anchor,
                tag,
                value,
                plain,
                span,
            } => {
                let value = resolve_scalar(&value, tag.as_deref(), plain).map_err(|message| {
                    Box::new(YamlError {
                        kind: YamlErrorKind::Syntax,
                        message,
                        span,
                        help: Some("drop the tag, or write a value of that type".into()),
                        related: None,
                        path: None,
                    })
                })?;
                // An empty plain scalar (`key:`) has an empty span; point at
                // where it would be.
                let node = Node::new(span, value, plain);
                self.nodes += 1;
                self.push(node, anchor.map(|a| (a, 1)))?;
            }
            Event::SequenceStart { anchor, tag, span } => {
                check_collection_tag(tag.as_deref(), "seq", "a list", span)?;
                self.check_depth(span)?;
                self.nodes += 1;
                self.stack.push(Frame::Seq {
                    start: span.start,
                    anchor,
                    items: self.spare_items.pop().unwrap_or_default(),
                    nodes_before: self.nodes,
                });
            }
            Event::MappingStart { anchor, tag, span } => {
                check_collection_tag(tag.as_deref(), "map", "a mapping", span)?;
                self.check_depth(span)?;
                self.nodes += 1;
                self.stack.push(Frame::Map {
                    start: span.start,
                    anchor,
                    entries: self.spare_entries.pop().unwrap_or_default(),
                    pending_key: None,
                    nodes_before: self.nodes,
                    index: None,
                });
            }
            Event::SequenceEnd { end } => {
                if let Some(Frame::Seq {
                    start,
                    anchor,
                    mut items,
                    nodes_before,
                }) = self.stack.pop()
                {
                    let count = self.nodes - nodes_before + 1;
                    let seq = Value::Seq(settled(&mut items));
                    self.spare_items.push(items);
                    let node = Node::new(Span::new(start, end), seq, false);
                    self.push(node, anchor.map(|a| (a, count)))?;
                }
            }
            Event::MappingEnd { end } => {
                if let Some(Frame::Map {
                    start,
                    anchor,
                    mut entries,
                    nodes_before,
                    ..
                }) = self.stack.pop()
                {
                    let count = self.nodes - nodes_before + 1;
                    let map = if entries.iter().any(|(k, _)| is_merge_key(k)) {
                        apply_merge_keys(std::mem::take(&mut entries))?.into_boxed_slice()
                    } else {
                        settled(&mut entries)
                    };
                    self.spare_entries.push(entries);
                    let node = Node::new(
                        Span::new(start, trim_trailing_space(text, start, end)),
                        Value::Map(map),
                        false,
                    );
                    self.push(node, anchor.map(|a| (a, count)))?;
                }
            }
        }
        Ok(Step::Continue)
    }

    fn check_depth(&self, span: Span) -> Result<(), Box<YamlError>> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Box::new(YamlError {
                kind: YamlErrorKind::Limit,
                message: format!("collections nest deeper than {MAX_DEPTH} levels"),
                span,
                help: None,
                related: None,
                path: None,
            }));
        }
        Ok(())
    }

    /// The path from the document root to `leaf` in the innermost open mapping.
    fn path_to(&self, leaf: &str) -> FieldPath {
        let mut path = FieldPath::root();
        // Every open collection but the innermost holds the way down.
        let outer = &self.stack[..self.stack.len().saturating_sub(1)];
        for frame in outer {
            match frame {
                Frame::Map { pending_key, .. } => path.push(
                    pending_key
                        .as_ref()
                        .and_then(|k| k.key_text())
                        .unwrap_or_default()
                        .into_owned(),
                ),
                Frame::Seq { items, .. } => path.push(items.len()),
            }
        }
        path.push(leaf);
        path
    }

    /// Counts `count` copied nodes against the budget.
    fn charge(&mut self, count: usize, span: Span) -> Result<(), Box<YamlError>> {
        self.alias_nodes = self.alias_nodes.saturating_add(count);
        if self.alias_nodes > MAX_ALIAS_NODES {
            return Err(Box::new(YamlError {
                kind: YamlErrorKind::Limit,
                message: format!(
                    "anchors and aliases copy more than {MAX_ALIAS_NODES} nodes (a \"billion laughs\" file?)"
                ),
                span,
                help: Some(
                    "OpenSergo rules do not need deeply nested anchors or aliases; write the values out"
                        .into(),
                ),
                related: None,
                path: None,
            }));
        }
        Ok(())
    }

    fn push(&mut self, node: Node, anchor: Option<(String, usize)>) -> Result<(), Box<YamlError>> {
        if let Some((name, count)) = anchor {
            // The anchor keeps a copy: nested anchors copy their subtree
            // once per level, so the copies count against the budget.
            self.charge(count, node.span())?;
            self.anchors.insert(name, (node.clone(), count));
        }
        let duplicate = match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                return Ok(());
            }
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                return Ok(());
            }
            Some(Frame::Map {
                entries,
                pending_key,
                index,
                ..
            }) => match pending_key.take() {
                None => {
                    *pending_key = Some(node);
                    return Ok(());
                }
                Some(key) => {
                    let text = key.key_text().filter(|t| t != "<<");
                    let first = match (&text, index.as_mut()) {
                        (None, _) => None,
                        (Some(text), Some(index)) => index.get(text.as_ref()).copied(),
                        (Some(text), None) => entries
                            .iter()
                            .position(|(k, _)| k.key_text().as_deref() == Some(text.as_ref())),
                    };
                    match (first, text) {
                        (Some(first), Some(text)) => {
                            Some((entries[first].0.span(), key.span(), text.into_owned()))
                        }
                        (None, text) => {
                            let position = entries.len();
                            if let (Some(index), Some(text)) = (index.as_mut(), &text) {
                                index.insert(text.to_string(), position);
                            }
                            entries.push((key, node));
                            if index.is_none() && entries.len() >= INDEX_FROM {
                                let mut built = rustc_hash::FxHashMap::default();
                                for (i, (k, _)) in entries.iter().enumerate() {
                                    if let Some(t) = k.key_text().filter(|t| t != "<<") {
                                        built.entry(t.into_owned()).or_insert(i);
                                    }
                                }
                                *index = Some(built);
                            }
                            None
                        }
                        (Some(_), None) => None,
                    }
                }
            },
        };
        if let Some((first, span, text)) = duplicate {
            return Err(Box::new(YamlError {
                kind: YamlErrorKind::DuplicateKey,
                message: format!("duplicate key `{text}`"),
                span,
                help: Some("Kubernetes decoders disagree on which value wins; keep one".into()),
                related: Some((first, "first defined here".into())),
                path: Some(self.path_to(&text)),
            }));
        }
        Ok(())
    }
}

/// Applies YAML merge keys (`<<: *base`), which go-yaml and kubectl honour:
/// merged entries never override keys written in the mapping itself, and
/// of several merged mappings the first wins. Linear in the entries. A
/// merge key must hold a mapping or a list of mappings (`<<: 5` is an
/// error, as in go-yaml).
fn is_merge_key(key: &Node) -> bool {
    key.plain() && key.as_str() == Some("<<")
}

/// The entries of a mapping with `<<` keys, their mappings merged in.
fn apply_merge_keys(entries: Vec<(Node, Node)>) -> Result<Vec<(Node, Node)>, Box<YamlError>> {
    let (merges, mut own): (Vec<_>, Vec<_>) =
        entries.into_iter().partition(|(k, _)| is_merge_key(k));
    let mut seen: rustc_hash::FxHashSet<String> = own
        .iter()
        .filter_map(|(k, _)| k.key_text().map(Cow::into_owned))
        .collect();
    for (_, source) in merges {
        let span = source.span();
        let maps: Vec<Node> = match source.value {
            Value::Map(_) => vec![source],
            Value::Seq(items) => items.into_vec(),
            other => {
                return Err(merge_error(span, &other));
            }
        };
        for map in maps {
            let Value::Map(inherited) = map.value else {
                return Err(merge_error(map.span(), &map.value));
            };
            for (k, v) in inherited.into_vec() {
                let fresh = match k.key_text() {
                    Some(text) => seen.insert(text.into_owned()),
                    None => true,
                };
                if fresh {
                    own.push((k, v));
                }
            }
        }
    }
    Ok(own)
}

fn merge_error(span: Span, value: &Value) -> Box<YamlError> {
    let shown = match value {
        Value::Null => "an empty value".to_string(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Int(i) => format!("`{i}`"),
        Value::Float(f) => format!("`{f}`"),
        Value::String(s) => format!("the string `{s}`"),
        Value::Seq(_) => "a list".to_string(),
        Value::Map(_) => "a mapping".to_string(),
    };
    Box::new(YamlError {
        kind: YamlErrorKind::Syntax,
        message: format!("a merge key `<<` takes a mapping or a list of mappings, not {shown}"),
        span,
        help: Some(
            "merge an anchored mapping (`<<: *base`), or quote `'<<'` to use it as a key".into(),
        ),
        related: None,
        path: None,
    })
}

/// A collection with a standard tag of another type (`!!str {a: 1}`).
fn check_collection_tag(
    tag: Option<&str>,
    own: &str,
    what: &str,
    span: Span,
) -> Result<(), Box<YamlError>> {
    let Some(name) = tag.and_then(|t| t.strip_prefix("tag:yaml.org,2002:")) else {
        return Ok(());
    };
    if name == own || !STANDARD_TAGS.contains(&name) {
        return Ok(());
    }
    Err(Box::new(YamlError {
        kind: YamlErrorKind::Syntax,
        message: format!("{what} cannot have the tag !!{name}"),
        span,
        help: Some("drop the tag".into()),
        related: None,
        path: None,
    }))
}

/// The standard tags whose meaning is fixed.
const STANDARD_TAGS: &[&str] = &["str", "null", "bool", "int", "float", "map", "seq"];

fn mark(m: &libyaml_safer::Mark) -> usize {
    usize::try_from(m.index).unwrap_or(usize::MAX)
}

/// Block mappings end where the next token starts; keep spans tight.
fn trim_trailing_space(text: &str, start: usize, end: usize) -> usize {
    let end = end.min(text.len());
    if start >= end || !text.is_char_boundary(end) || !text.is_char_boundary(start) {
        return end;
    }
    start + text[start..end].trim_end().len()
}

/// Resolves a scalar: a standard tag (`!!int 5`) must fit its value
/// (`!!int abc`, `!!map 3` are errors), plain scalars follow the YAML 1.2
/// core schema, quoted ones are strings. Other tags are ignored.
fn resolve_scalar(text: &str, tag: Option<&str>, plain: bool) -> Result<Value, String> {
    let want = |name: &str, ok: bool, value: Value| {
        if ok {
            Ok(value)
        } else {
            Err(format!("`{text}` is not a valid !!{name}"))
        }
    };
    match tag.and_then(|t| t.strip_prefix("tag:yaml.org,2002:")) {
        Some("str") => return Ok(Value::String(CompactString::new(text))),
        Some(name @ ("map" | "seq")) => {
            return Err(format!(
                "a scalar cannot have the tag !!{name} (it would be {})",
                if name == "map" { "a mapping" } else { "a list" }
            ));
        }
        Some("null") => {
            let v = resolve_plain(text);
            return want("null", v == Value::Null, Value::Null);
        }
        Some("bool") => {
            let v = resolve_plain(text);
            let ok = matches!(v, Value::Bool(_));
            return want("bool", ok, v);
        }
        Some("int") => {
            let v = resolve_plain(text);
            let ok = matches!(v, Value::Int(_));
            return want("int", ok, v);
        }
        Some("float") => {
            let v = match resolve_plain(text) {
                Value::Int(i) => Value::Float(i as f64),
                other => other,
            };
            let ok = matches!(v, Value::Float(_));
            return want("float", ok, v);
        }
        _ => {}
    }
    Ok(if plain {
        resolve_plain(text)
    } else {
        Value::String(CompactString::new(text))
    })
}

/// YAML 1.2 core schema resolution of a plain scalar.
fn resolve_plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if let Some(hex) = text.strip_prefix("0x") {
        if let Ok(i) = i64::from_str_radix(hex, 16) {
            return Value::Int(i);
        }
    } else if let Some(oct) = text.strip_prefix("0o") {
        if let Ok(i) = i64::from_str_radix(oct, 8) {
            return Value::Int(i);
        }
    } else if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        return text
            .parse::<i64>()
            .map(Value::Int)
            .or_else(|_| text.parse::<f64>().map(Value::Float))
            .unwrap_or_else(|_| Value::String(text.into()));
    } else if looks_like_float(unsigned)
        && let Ok(f) = text.parse::<f64>()
    {
        return Value::Float(f);
    }
    Value::String(text.into())
}

/// `[0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)?` with at least one digit: Rust's
/// float parser also takes words like `inf` and `NaN`, YAML does not.
fn looks_like_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int)
        && frac.is_none_or(digits)
        && (!int.is_empty() || frac.is_some_and(|f| !f.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok && (frac.is_some() || exponent.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Vec<RawDocument> {
        let (docs, err) = load_stream(text);
        assert_eq!(err, None);
        docs
    }

    #[test]
    fn paths_in_large_collections_are_found_by_position() {
        // Past INDEX_FROM children the child is found by binary search;
        // every key, value and item must still get its own path.
        let mut text = String::from("spec:\n");
        for i in 0..40 {
            text.push_str(&format!("  k{i}: [a, b, c]\n"));
        }
        text.push_str("list:\n");
        for i in 0..40 {
            text.push_str(&format!("  - {{x: {i}}}\n"));
        }
        let root = &load(&text)[0].root;
        let spec = root.get("spec").unwrap();
        for (i, (key, value)) in spec.as_map().iter().enumerate() {
            assert_eq!(root.path_at(key.span()).to_string(), format!("spec.k{i}"));
            let item = &value.as_seq()[2];
            assert_eq!(
                root.path_at(item.span()).to_string(),
                format!("spec.k{i}[2]")
            );
        }
        for (i, item) in root.get("list").unwrap().as_seq().iter().enumerate() {
            let x = item.get("x").unwrap();
            assert_eq!(root.path_at(x.span()).to_string(), format!("list[{i}].x"));
        }
        // Merge keys copy entries with their anchor's positions: out of
        // order, still found.
        let mut merged = String::from("base: &b\n");
        for i in 0..20 {
            merged.push_str(&format!("  m{i}: {i}\n"));
        }
        merged.push_str("spec:\n");
        for i in 0..20 {
            merged.push_str(&format!("  own{i}: {i}\n"));
        }
        merged.push_str("  <<: *b\n");
        let root = &load(&merged)[0].root;
        let spec = root.get("spec").unwrap();
        let (copied_key, _) = spec.entry("m3").unwrap();
        assert!(root.path_at(copied_key.span()).to_string().ends_with("m3"));
    }

    #[test]
    fn nodes_stay_small() {
        // Lint and diff hold every node of a rule set at once (about 25
        // per object): a wider variant would grow them all.
        assert_eq!(std::mem::size_of::<Value>(), 24);
        assert_eq!(std::mem::size_of::<Node>(), 32);
        let doc = &load("statDurationSeconds: RequestAmount\n")[0];
        let (key, value) = &doc.root.as_map()[0];
        for node in [key, value] {
            let Value::String(s) = &node.value else {
                panic!("not a string: {node:?}");
            };
            assert!(!s.is_heap_allocated(), "{s} allocated");
        }
    }

    #[test]
    fn nodes_keep_span_and_style() {
        let node = Node::new(Span::new(7, 19), Value::Null, true);
        assert_eq!((node.span(), node.plain()), (Span::new(7, 19), true));
        // Past the limit, positions clamp instead of wrapping.
        let node = Node::new(Span::new(MAX_TEXT - 1, MAX_TEXT + 5), Value::Null, false);
        assert_eq!(node.span(), Span::new(MAX_TEXT - 1, MAX_TEXT));
        assert!(!node.plain());
        let (docs, _) = load_stream("a: 'x'\nb: x\n");
        let flags: Vec<bool> = docs[0]
            .root
            .as_map()
            .iter()
            .map(|(_, v)| v.plain())
            .collect();
        assert_eq!(flags, [false, true]);
    }

    #[test]
    fn keys_and_values_have_spans() {
        let text = "a: 1\nspec:\n  threshold: ten\n";
        let doc = &load(text)[0];
        let (key, value) = doc.root.get("spec").unwrap().entry("threshold").unwrap();
        assert_eq!(&text[key.span().start..key.span().end], "threshold");
        assert_eq!(&text[value.span().start..value.span().end], "ten");
    }

    #[test]
    fn resolves_core_schema_scalars() {
        let doc =
            &load("a: yes\nb: true\nc: 010\nd: 1.5\ne: '1'\nf: ~\ng: 0x1f\nh: nan\ni: 1e3\n")[0];
        let v = |k: &str| doc.root.get(k).unwrap().value.clone();
        assert_eq!(v("a"), Value::String("yes".into()));
        assert_eq!(v("b"), Value::Bool(true));
        assert_eq!(v("c"), Value::Int(10));
        assert_eq!(v("d"), Value::Float(1.5));
        assert_eq!(v("e"), Value::String("1".into()));
        assert_eq!(v("f"), Value::Null);
        assert_eq!(v("g"), Value::Int(31));
        assert_eq!(v("h"), Value::String("nan".into()));
        assert_eq!(v("i"), Value::Float(1000.0));
    }

    #[test]
    fn multi_document_streams_keep_indexes() {
        let docs = load("a: 1\n---\n---\nb: 2\n");
        assert_eq!(docs.len(), 3);
        assert!(docs[1].root.is_null());
        assert_eq!(docs[2].index, 2);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let (_, err) = load_stream("a: 1\nb: 2\na: 3\n");
        let err = err.unwrap();
        assert_eq!(err.kind, YamlErrorKind::DuplicateKey);
        assert_eq!(err.span, Span::new(10, 11));
        assert_eq!(err.related.unwrap().0, Span::new(0, 1));
    }

    #[test]
    fn alias_bombs_fail_fast() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let (_, err) = load_stream(&text);
        assert_eq!(err.unwrap().kind, YamlErrorKind::Limit);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let text = "[".repeat(100_000);
        let (_, err) = load_stream(&text);
        assert_eq!(err.unwrap().kind, YamlErrorKind::Limit);
    }

    #[test]
    fn merge_keys_do_not_override_own_keys() {
        let doc = &load("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n")[0];
        let m = doc.root.get("m").unwrap();
        assert_eq!(m.get("x").unwrap().as_i64(), Some(1));
        assert_eq!(m.get("y").unwrap().as_i64(), Some(3));
    }

    #[test]
    fn a_leading_private_use_character_is_text_not_a_bom() {
        let doc = &load("\u{f123}: x\n")[0];
        assert_eq!(doc.root.get("\u{f123}").and_then(Node::as_str), Some("x"));
    }

    #[test]
    fn parser_panics_become_syntax_errors() {
        let (_, err) = load_stream("[!a,]");
        assert_eq!(err.unwrap().kind, YamlErrorKind::Syntax);
    }

    #[test]
    fn tabs_get_a_hint() {
        let (_, err) = load_stream("a:\n\tb: 1\n");
        let err = err.unwrap();
        assert_eq!(err.kind, YamlErrorKind::Syntax);
        assert!(err.help.unwrap().contains("tabs"));
    }

    #[test]
    fn quoted_scalar_continuation_less_indented_than_key_loads() {
        // The shape of the upstream TrafficRouter CRD's description fields.
        let text = "a:\n  b:\n    description: 'first line\n  continues less indented'\n";
        let doc = &load(text)[0];
        let d = doc.root.get_path(&["a", "b", "description"]).unwrap();
        assert_eq!(d.as_str(), Some("first line continues less indented"));
    }

    fn spans_within(node: &Node, len: usize) -> bool {
        node.span().start <= node.span().end
            && node.span().end <= len
            && node.as_seq().iter().all(|c| spans_within(c, len))
            && node
                .as_map()
                .iter()
                .all(|(k, v)| spans_within(k, len) && spans_within(v, len))
    }

    proptest::proptest! {
        /// The loader never panics on YAML-like noise, and every span lies
        /// inside the input (the cargo-fuzz target checks the same on any bytes).
        #[test]
        fn never_panics_and_spans_stay_inside(text in "[a-z0-9:\\-\\[\\]{},&*!|>'\"#%@` \t\n中é]{0,200}") {
            let (docs, error) = load_stream(&text);
            for doc in &docs {
                proptest::prop_assert!(spans_within(&doc.root, text.len()));
            }
            if let Some(e) = error {
                proptest::prop_assert!(e.span.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(e.span.start));
            }
        }
    }
}
