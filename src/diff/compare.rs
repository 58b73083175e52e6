//! The comparison: objects paired by identity, then their trees walked
//! side by side. Mapping entries pair by key; list items pair by a natural
//! key (see [`list_pairing`]), so a reordered list is a move, not a
//! rewrite; scalars compare by what they mean (see [`super::meaning`]).
//!
//! Everything is linear in the size of the two sides: objects are looked
//! up by identity in a hash map, list items by key in a hash map, and
//! moves are the items outside a longest increasing subsequence
//! (O(n log n)). Recursion follows the document tree, whose depth the YAML
//! loader bounds ([`crate::yaml::MAX_DEPTH`]).

use std::collections::VecDeque;
use std::fmt::Write as _;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::Value as Json;

use super::input::{Identity, Objects};
use super::meaning::{self, Direction, Effect, FieldType};
use crate::document::Document;
use crate::path::{FieldPath, Segment};
use crate::yaml::{Node, Value};

/// How values and lists are compared.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Compare spellings, not meanings: `1m` and `60s` differ, `"10"` and
    /// `10` differ, `0x10` and `16` differ.
    pub raw: bool,
    /// Do not report moves inside lists whose order has no meaning.
    pub ignore_order: bool,
    /// Extra list keys (`--key PATH=FIELD`).
    pub keys: Vec<ListKey>,
}

/// `--key spec.rules=name`: items of lists at that path (indexes left
/// out) pair by that field; `a,b` pairs by several fields, `a.b` reads a
/// nested one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListKey {
    pub path: String,
    pub fields: Vec<String>,
}

impl ListKey {
    pub fn parse(text: &str) -> Result<ListKey, String> {
        let (path, fields) = text.split_once('=').ok_or_else(|| {
            format!("--key `{text}`: expected PATH=FIELD, e.g. `spec.rules=name`")
        })?;
        let path = path.trim().trim_start_matches('.');
        let fields: Vec<String> = fields
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect();
        if path.is_empty() || fields.is_empty() {
            return Err(format!(
                "--key `{text}`: both PATH and FIELD are needed, e.g. `spec.rules=name`"
            ));
        }
        Ok(ListKey {
            path: path.replace("[]", ""),
            fields,
        })
    }
}

pub use crate::changeset::{ChangeKind, Status};

/// One change inside an object.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    pub kind: ChangeKind,
    pub old_path: Option<FieldPath>,
    pub new_path: Option<FieldPath>,
    pub old: Option<&'a Node>,
    pub new: Option<&'a Node>,
    pub effect: Option<Effect>,
    /// For a list item paired by key: the key (`name=canary`).
    pub item: Option<String>,
}

impl Change<'_> {
    /// The path shown: the new side's, or the old one's for a removal.
    pub fn path(&self) -> &FieldPath {
        self.new_path
            .as_ref()
            .or(self.old_path.as_ref())
            .expect("a change has a path on one side")
    }
}

#[derive(Debug)]
pub struct ObjectDiff<'a> {
    pub identity: Identity,
    pub status: Status,
    pub old: Option<&'a Document>,
    pub new: Option<&'a Document>,
    /// Empty for added and removed objects.
    pub changes: Vec<Change<'a>>,
}

#[derive(Debug, Default)]
pub struct Diff<'a> {
    /// Added, removed and changed objects, in identity order.
    pub objects: Vec<ObjectDiff<'a>>,
    /// Objects present and equal on both sides.
    pub unchanged: usize,
}

impl Diff<'_> {
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }
}

/// Compares two sides' objects.
pub fn diff<'a>(old: &Objects<'a>, new: &Objects<'a>, options: &Options) -> Diff<'a> {
    let mut pairs: Vec<(&Identity, Option<&'a Document>, Option<&'a Document>)> = old
        .by_identity
        .iter()
        .map(|(id, &doc)| (id, Some(doc), new.by_identity.get(id).copied()))
        .collect();
    pairs.extend(
        new.by_identity
            .iter()
            .filter(|(id, _)| !old.by_identity.contains_key(*id))
            .map(|(id, &doc)| (id, None, Some(doc))),
    );
    let total = pairs.len();
    let mut objects: Vec<ObjectDiff<'a>> = pairs
        .into_par_iter()
        .filter_map(|(identity, a, b)| {
            let (status, changes) = match (a, b) {
                (Some(a), Some(b)) => {
                    let changes = compare_objects(a, b, options);
                    if changes.is_empty() {
                        return None;
                    }
                    (Status::Changed, changes)
                }
                (Some(_), None) => (Status::Removed, Vec::new()),
                _ => (Status::Added, Vec::new()),
            };
            Some(ObjectDiff {
                identity: identity.clone(),
                status,
                old: a,
                new: b,
                changes,
            })
        })
        .collect();
    objects.sort_by(|x, y| x.identity.cmp(&y.identity));
    Diff {
        unchanged: total - objects.len(),
        objects,
    }
}

/// The changes between two documents of one identity.
pub fn compare_objects<'a>(
    old: &'a Document,
    new: &'a Document,
    options: &Options,
) -> Vec<Change<'a>> {
    // Most objects of a rule set are unchanged: one allocation-free pass
    // proves that before the walk builds paths and looks up schemas.
    if identical(&old.root, &new.root, options.raw.then_some((old, new))) {
        return Vec::new();
    }
    let mut walker = Walker {
        kind: &new.meta.kind,
        options,
        old_doc: old,
        new_doc: new,
        changes: Vec::new(),
    };
    let schema = meaning::schema_for(&new.meta.api_version, &new.meta.kind);
    walker.node(
        &old.root,
        &new.root,
        &FieldPath::root(),
        &FieldPath::root(),
        schema,
    );
    walker.changes
}

struct Walker<'a, 'o> {
    kind: &'a str,
    options: &'o Options,
    old_doc: &'a Document,
    new_doc: &'a Document,
    changes: Vec<Change<'a>>,
}

/// How the items of one list pair across the sides.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pairing {
    /// By the values of these fields (each possibly dotted).
    Fields(Vec<String>),
    /// By the whole item, compared by meaning.
    Content,
}

/// The built-in natural keys of OpenSergo lists, and whether the list's
/// order means something (first match wins).
fn builtin_pairing(kind: &str, path: &str) -> Option<(Pairing, bool)> {
    let fields = |f: &[&str]| Pairing::Fields(f.iter().map(|s| s.to_string()).collect());
    match (kind, path) {
        ("FaultToleranceRule", "spec.strategies") => Some((fields(&["kind", "name"]), false)),
        ("FaultToleranceRule", "spec.targets") => Some((fields(&["targetResourceName"]), false)),
        ("TrafficRouter", "spec.http") => Some((fields(&["name"]), true)),
        ("TrafficRouter", "spec.http.route") => Some((
            fields(&[
                "destination.host",
                "destination.subset",
                "destination.port.number",
            ]),
            false,
        )),
        ("TrafficRouter", "spec.hosts" | "spec.gateways") => Some((Pairing::Content, false)),
        _ => None,
    }
}

impl<'a> Walker<'a, '_> {
    fn push(
        &mut self,
        kind: ChangeKind,
        old: Option<(&'a Node, &FieldPath)>,
        new: Option<(&'a Node, &FieldPath)>,
    ) {
        let path = new.or(old).map(|(_, p)| p).expect("one side");
        let effect = match kind {
            ChangeKind::Moved { .. } => None,
            _ => meaning::change_effect(
                self.kind,
                path,
                old.map(|(n, _)| n),
                new.map(|(n, _)| n),
                self.old_doc.root.get("spec"),
                self.new_doc.root.get("spec"),
            ),
        };
        self.changes.push(Change {
            kind,
            old_path: old.map(|(_, p)| p.clone()),
            new_path: new.map(|(_, p)| p.clone()),
            old: old.map(|(n, _)| n),
            new: new.map(|(n, _)| n),
            effect,
            item: None,
        });
    }

    /// Labels the last change with the list item's key.
    fn label_last(&mut self, item: &Node, pairing: &Pairing) {
        if let (Pairing::Fields(fields), Some(last)) = (pairing, self.changes.last_mut()) {
            last.item = item_label(item, fields);
        }
    }

    fn node(
        &mut self,
        a: &'a Node,
        b: &'a Node,
        pa: &FieldPath,
        pb: &FieldPath,
        schema: Option<&Json>,
    ) {
        match (&a.value, &b.value) {
            (Value::Map(x), Value::Map(y)) => self.map(x, y, pa, pb, schema),
            (Value::Seq(x), Value::Seq(y)) => self.seq(x, y, pa, pb, schema),
            _ => {
                if !self.same_scalar(a, b, schema, pb) {
                    self.push(ChangeKind::Changed, Some((a, pa)), Some((b, pb)));
                }
            }
        }
    }

    fn same_scalar(&self, a: &Node, b: &Node, schema: Option<&Json>, path: &FieldPath) -> bool {
        if self.options.raw {
            return a.value == b.value
                && (!(a.plain() && b.plain())
                    || self.spelling(a, true) == self.spelling(b, false));
        }
        meaning::same_scalar(a, b, meaning::field_type(schema, path.last_key()))
    }

    /// The source text of a scalar as written.
    fn spelling(&self, node: &Node, old: bool) -> &'a str {
        let doc = if old { self.old_doc } else { self.new_doc };
        doc.source
            .text
            .get(node.span().start..node.span().end)
            .unwrap_or_default()
    }

    fn map(
        &mut self,
        a: &'a [(Node, Node)],
        b: &'a [(Node, Node)],
        pa: &FieldPath,
        pb: &FieldPath,
        schema: Option<&Json>,
    ) {
        // Most mappings are small: a hash map only pays off for big ones.
        let index: Option<FxHashMap<String, usize>> = (b.len() > 8).then(|| {
            b.iter()
                .enumerate()
                .filter_map(|(i, (k, _))| Some((k.key_text()?.into_owned(), i)))
                .collect()
        });
        let find = |name: &str| match &index {
            Some(index) => index.get(name).copied(),
            None => b
                .iter()
                .position(|(k, _)| k.key_text().as_deref() == Some(name)),
        };
        let mut seen = vec![false; b.len()];
        let metadata = pa.segments() == [Segment::Key("metadata".into())];
        for (key, value) in a {
            let Some(name) = key.key_text() else { continue };
            let (ka, kb) = (pa.child(name.as_ref()), pb.child(name.as_ref()));
            let child = meaning::schema_child(schema, &Segment::Key(name.to_string()));
            match find(name.as_ref()) {
                Some(j) => {
                    seen[j] = true;
                    self.node(value, &b[j].1, &ka, &kb, child);
                }
                None if metadata && name == "namespace" && self.is_default_namespace(value) => {}
                None => self.push(ChangeKind::Removed, Some((value, &ka)), None),
            }
        }
        for ((key, value), _) in b.iter().zip(&seen).filter(|(_, seen)| !**seen) {
            let Some(name) = key.key_text() else { continue };
            if metadata && name == "namespace" && self.is_default_namespace(value) {
                continue;
            }
            let kb = pb.child(name.as_ref());
            self.push(ChangeKind::Added, None, Some((value, &kb)));
        }
    }

    /// `namespace: default` written or left out is the same object.
    fn is_default_namespace(&self, node: &Node) -> bool {
        !self.options.raw && node.as_str() == Some("default")
    }

    fn pairing(&self, path: &FieldPath, a: &[Node], b: &[Node]) -> (Pairing, bool) {
        let keys_only: Vec<&str> = path.segments().iter().filter_map(Segment::as_key).collect();
        let dotted = keys_only.join(".");
        if let Some(key) = self.options.keys.iter().find(|k| k.path == dotted) {
            return (Pairing::Fields(key.fields.clone()), false);
        }
        if let Some(builtin) = builtin_pairing(self.kind, &dotted) {
            return builtin;
        }
        let named = |items: &[Node]| {
            items
                .iter()
                .all(|i| i.get("name").is_some_and(|n| n.as_str().is_some()))
        };
        if !a.is_empty() && named(a) && named(b) {
            return (Pairing::Fields(vec!["name".to_string()]), false);
        }
        (Pairing::Content, false)
    }

    fn seq(
        &mut self,
        a: &'a [Node],
        b: &'a [Node],
        pa: &FieldPath,
        pb: &FieldPath,
        schema: Option<&Json>,
    ) {
        let items = meaning::schema_child(schema, &Segment::Index(0));
        let (pairing, ordered) = self.pairing(pa, a, b);
        let pairs = match &pairing {
            Pairing::Fields(fields) => {
                let keys = |items: &[Node]| -> Option<Vec<String>> {
                    items.iter().map(|item| field_key(item, fields)).collect()
                };
                match (keys(a), keys(b)) {
                    (Some(ka), Some(kb)) if unique(&ka) && unique(&kb) => match_keys(ka, kb),
                    // Missing or repeated keys cannot identify items: where
                    // order is meaning, the position does.
                    _ if ordered => position_pairs(a.len(), b.len()),
                    _ => match_keys(self.content_keys(a, items), self.content_keys(b, items)),
                }
            }
            Pairing::Content => {
                match_keys(self.content_keys(a, items), self.content_keys(b, items))
            }
        };
        let mut paired_a = vec![false; a.len()];
        let mut paired_b = vec![false; b.len()];
        for &(i, j) in &pairs {
            paired_a[i] = true;
            paired_b[j] = true;
        }
        for (i, item) in a.iter().enumerate().filter(|(i, _)| !paired_a[*i]) {
            self.push(ChangeKind::Removed, Some((item, &pa.child(i))), None);
            self.label_last(item, &pairing);
        }
        let moved = if ordered || !self.options.ignore_order {
            moved_pairs(&pairs)
        } else {
            vec![false; pairs.len()]
        };
        for (&(i, j), moved) in pairs.iter().zip(moved) {
            let (ia, jb) = (pa.child(i), pb.child(j));
            if moved {
                self.push(
                    ChangeKind::Moved { from: i, to: j },
                    Some((&a[i], &ia)),
                    Some((&b[j], &jb)),
                );
                self.label_last(&b[j], &pairing);
                if let (true, Some(last)) = (ordered, self.changes.last_mut()) {
                    last.effect = Some(Effect {
                        direction: Direction::Behaviour,
                        note: "the first matching route wins: the order decides which route takes a request".into(),
                    });
                }
            }
            self.node(&a[i], &b[j], &ia, &jb, items);
        }
        for (j, item) in b.iter().enumerate().filter(|(j, _)| !paired_b[*j]) {
            self.push(ChangeKind::Added, None, Some((item, &pb.child(j))));
            self.label_last(item, &pairing);
        }
    }

    fn content_keys(&self, items: &[Node], schema: Option<&Json>) -> Vec<String> {
        items
            .iter()
            .map(|item| {
                let mut out = String::new();
                canonical(item, schema, None, self.options.raw, &mut out);
                out
            })
            .collect()
    }
}

/// Whether two trees are written alike: the same keys in the same order,
/// the same items, equal scalar values (and, with `raw` sources, the same
/// spelling of plain scalars). Equal values mean the same in every field,
/// so identical trees have no change; trees that differ only in key order
/// or spelling are left to the walk.
fn identical(a: &Node, b: &Node, raw: Option<(&Document, &Document)>) -> bool {
    match (&a.value, &b.value) {
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| ka.value == kb.value && identical(va, vb, raw))
        }
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| identical(p, q, raw))
        }
        (Value::Map(_) | Value::Seq(_), _) | (_, Value::Map(_) | Value::Seq(_)) => false,
        _ => {
            a.value == b.value
                && match raw {
                    Some((old, new)) if a.plain() && b.plain() => {
                        old.source.text.get(a.span().start..a.span().end)
                            == new.source.text.get(b.span().start..b.span().end)
                    }
                    _ => true,
                }
        }
    }
}

/// The key of a list item from some of its fields; `None` when the item
/// is not a mapping or has none of them.
fn field_key(item: &Node, fields: &[String]) -> Option<String> {
    let mut found = false;
    let mut key = String::new();
    for field in fields {
        let path: Vec<&str> = field.split('.').collect();
        let value = item.get_path(&path);
        if let Some(text) = value.and_then(Node::key_text) {
            found = true;
            key.push_str(&text);
        }
        key.push('\u{0}');
    }
    found.then_some(key)
}

/// `name=canary`, `kind=RateLimitStrategy, name=orders-limit`: the fields
/// an item has.
fn item_label(item: &Node, fields: &[String]) -> Option<String> {
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|field| {
            let path: Vec<&str> = field.split('.').collect();
            let text = item.get_path(&path)?.key_text()?;
            Some(format!("{field}={text}"))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn unique(keys: &[String]) -> bool {
    let mut seen = rustc_hash::FxHashSet::default();
    keys.iter().all(|k| seen.insert(k.as_str()))
}

/// Pairs equal keys in order of occurrence (the second `a` with the
/// second `a`).
fn match_keys(a: Vec<String>, b: Vec<String>) -> Vec<(usize, usize)> {
    let mut waiting: FxHashMap<String, VecDeque<usize>> = FxHashMap::default();
    for (j, key) in b.into_iter().enumerate() {
        waiting.entry(key).or_default().push_back(j);
    }
    a.into_iter()
        .enumerate()
        .filter_map(|(i, key)| Some((i, waiting.get_mut(&key)?.pop_front()?)))
        .collect()
}

fn position_pairs(a: usize, b: usize) -> Vec<(usize, usize)> {
    (0..a.min(b)).map(|i| (i, i)).collect()
}

/// Which pairs moved: those outside a longest run that kept its relative
/// order (so removing one item moves nothing). `pairs` is in old order;
/// the result is aligned with it.
fn moved_pairs(pairs: &[(usize, usize)]) -> Vec<bool> {
    // The longest increasing subsequence of new positions (patience
    // sorting, with predecessor links).
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < j);
        previous[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut moved = vec![true; pairs.len()];
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        moved[k] = false;
        cursor = previous[k];
    }
    moved
}

/// A text that is equal for two nodes exactly when they mean the same:
/// mapping keys sorted, scalars by [`meaning::scalar_key`].
fn canonical(node: &Node, schema: Option<&Json>, field: Option<&str>, raw: bool, out: &mut String) {
    match &node.value {
        Value::Map(entries) => {
            let mut sorted: Vec<(String, &Node)> = entries
                .iter()
                .filter_map(|(k, v)| Some((k.key_text()?.into_owned(), v)))
                .collect();
            sorted.sort_by(|x, y| x.0.cmp(&y.0));
            out.push('{');
            for (key, value) in sorted {
                let _ = write!(out, "{key:?}:");
                let child = meaning::schema_child(schema, &Segment::Key(key.clone()));
                canonical(value, child, Some(&key), raw, out);
                out.push(',');
            }
            out.push('}');
        }
        Value::Seq(items) => {
            let child = meaning::schema_child(schema, &Segment::Index(0));
            out.push('[');
            for item in items {
                canonical(item, child, field, raw, out);
                out.push(',');
            }
            out.push(']');
        }
        _ => {
            let field_type = if raw {
                FieldType::Other
            } else {
                meaning::field_type(schema, field)
            };
            let _ = write!(out, "{:?}", meaning::scalar_key(node, field_type));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let source = std::sync::Arc::new(crate::source::SourceFile::new("t.yaml", text.into()));
        crate::document::parse_source(&source).documents.remove(0)
    }

    #[test]
    fn identical_trees_skip_the_walk_and_the_walk_decides_the_rest() {
        let spec = "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: RateLimitStrategy\nmetadata: {name: a}\n";
        let a = doc(&format!(
            "{spec}spec: {{threshold: 16, limitMode: Local}}\n"
        ));
        let same = doc(&format!(
            "{spec}spec: {{threshold: 16, limitMode: Local}}\n"
        ));
        let reordered = doc(&format!(
            "{spec}spec: {{limitMode: Local, threshold: 16}}\n"
        ));
        let hex = doc(&format!(
            "{spec}spec: {{threshold: 0x10, limitMode: Local}}\n"
        ));
        let raw = Options {
            raw: true,
            ..Options::default()
        };
        assert!(identical(&a.root, &same.root, None));
        assert!(identical(&a.root, &same.root, Some((&a, &same))));
        // Key order is no change, but only the walk knows it.
        assert!(!identical(&a.root, &reordered.root, None));
        assert!(compare_objects(&a, &reordered, &Options::default()).is_empty());
        // 0x10 and 16 are one value; only --raw sees the spelling.
        assert!(identical(&a.root, &hex.root, None));
        assert!(!identical(&a.root, &hex.root, Some((&a, &hex))));
        assert!(compare_objects(&a, &hex, &Options::default()).is_empty());
        assert_eq!(compare_objects(&a, &hex, &raw).len(), 1);
    }

    #[test]
    fn only_items_out_of_order_move() {
        // c moved to the front; a and b kept their relative order.
        assert_eq!(moved_pairs(&[(0, 1), (1, 2), (2, 0)]), [false, false, true]);
        // A removal shifts positions but moves nothing.
        assert_eq!(moved_pairs(&[(1, 0), (2, 1)]), [false, false]);
        assert!(moved_pairs(&[]).is_empty());
    }

    #[test]
    fn keys_pair_in_order_of_occurrence() {
        let k = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            match_keys(k(&["a", "b", "a"]), k(&["a", "a", "c"])),
            [(0, 0), (2, 1)]
        );
    }

    #[test]
    fn list_keys_parse() {
        assert_eq!(
            ListKey::parse("spec.rules[]=name,kind").unwrap(),
            ListKey {
                path: "spec.rules".into(),
                fields: vec!["name".into(), "kind".into()]
            }
        );
        assert!(ListKey::parse("spec.rules").is_err());
        assert!(ListKey::parse("=name").is_err());
    }
}
