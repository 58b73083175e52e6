//! A semantic diff's result as every output format sees it: objects by
//! identity with their status, each change with its paths, values and
//! places on both sides, the protection summary and the lint delta.
//! `diff` builds it; the report layer renders it (as [`crate::findings`]
//! is for `validate` and `lint`).

use std::fmt;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::document::Document;

/// The identity objects are paired by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identity {
    /// The apiVersion's group (empty for the core group); the version is
    /// not part of the identity, as in Kubernetes.
    pub group: String,
    pub kind: String,
    /// `default` when none is written.
    pub namespace: String,
    pub name: String,
}

impl Identity {
    pub fn of(doc: &Document) -> Option<Identity> {
        let meta = &doc.meta;
        if meta.api_version.is_empty() || meta.kind.is_empty() || meta.name.is_empty() {
            return None;
        }
        Some(Identity {
            group: meta.group().to_string(),
            kind: meta.kind.to_string(),
            namespace: meta.namespace_or_default().to_string(),
            name: meta.name.to_string(),
        })
    }
}

impl fmt::Display for Identity {
    /// `RateLimitStrategy shop/orders-limit`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}/{}", self.kind, self.namespace, self.name)
    }
}

/// What happened to an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Added,
    Removed,
    Changed,
}

impl Status {
    /// `+`, `-`, `~`.
    pub fn sign(self) -> char {
        match self {
            Status::Added => '+',
            Status::Removed => '-',
            Status::Changed => '~',
        }
    }
}

/// What happened at one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    /// A list item paired across the sides at another position.
    Moved {
        from: usize,
        to: usize,
    },
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
            ChangeKind::Moved { .. } => "moved",
        }
    }
}

/// Which way a change moves protection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Less traffic gets through, or protection starts sooner.
    Tightens,
    /// More traffic gets through, or protection starts later.
    Loosens,
    /// Neither tighter nor looser, but behaviour changes (route order,
    /// limit scope, traffic split).
    Behaviour,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Tightens => "tightens",
            Direction::Loosens => "loosens",
            Direction::Behaviour => "changes behaviour",
        }
    }
}

/// The label of a change: its direction and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effect {
    pub direction: Direction,
    pub note: String,
}

/// What a summary line is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Subject {
    /// A `targetResourceName` in a (namespace, app) group.
    Resource {
        namespace: String,
        app: String,
        name: String,
    },
    /// A host routed by TrafficRouters of a namespace.
    Host { namespace: String, host: String },
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Resource {
                namespace,
                app,
                name,
            } => write!(f, "`{name}` ({namespace}/{app})"),
            Subject::Host { namespace, host } => write!(f, "host `{host}` ({namespace})"),
        }
    }
}

/// How one resource's protection or one host's routing changed.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub subject: Subject,
    pub changes: Vec<String>,
}

/// Findings only one side has.
#[derive(Debug, Default)]
pub struct Delta {
    pub introduced: Vec<Diagnostic>,
    pub removed: Vec<Diagnostic>,
}

impl Delta {
    pub fn is_empty(&self) -> bool {
        self.introduced.is_empty() && self.removed.is_empty()
    }
}

/// A place in an input: a document's start or a value's position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// One side of a change: the value (the JSON form of the YAML) and where
/// it is written.
#[derive(Debug, Clone)]
pub struct ValueAt {
    pub value: serde_json::Value,
    pub place: Place,
}

impl ValueAt {
    /// The text of a string value that spans several lines (shown line by
    /// line).
    pub fn multiline(&self) -> Option<&str> {
        self.value.as_str().filter(|s| s.contains('\n'))
    }
}

/// One change inside an object.
#[derive(Debug, Clone)]
pub struct Change {
    pub kind: ChangeKind,
    /// The path shown: the new side's, or the old one's for a removal.
    pub path: String,
    pub old_path: Option<String>,
    pub new_path: Option<String>,
    pub old: Option<ValueAt>,
    pub new: Option<ValueAt>,
    /// For a list item paired by key: the key (`name=canary`).
    pub item: Option<String>,
    pub effect: Option<Effect>,
}

/// An added, removed or changed object.
#[derive(Debug, Clone)]
pub struct ObjectChange {
    pub identity: Identity,
    pub status: Status,
    /// Where the object starts on each side.
    pub old: Option<Place>,
    pub new: Option<Place>,
    /// Empty for added and removed objects.
    pub changes: Vec<Change>,
    /// The whole object, for an added or removed one.
    pub content: Option<serde_json::Value>,
}

impl ObjectChange {
    /// The directions of the object's changes, each once, in order: a
    /// reader wants to know first whether protection got looser.
    pub fn directions(&self) -> Vec<Direction> {
        let mut out: Vec<Direction> = Vec::new();
        for d in self
            .changes
            .iter()
            .filter_map(|c| c.effect.as_ref().map(|e| e.direction))
        {
            if !out.contains(&d) {
                out.push(d);
            }
        }
        out
    }
}

/// A whole diff, ready to render.
#[derive(Debug, Default)]
pub struct ChangeSet {
    /// The sides as the user named them.
    pub old_label: String,
    pub new_label: String,
    /// Added, removed and changed objects, in identity order.
    pub objects: Vec<ObjectChange>,
    /// Objects present and equal on both sides.
    pub unchanged: usize,
    /// Documents on either side without an identity, left out.
    pub skipped: usize,
    pub protection: Vec<Line>,
    /// With `--lint`: findings introduced and removed.
    pub lint: Option<Delta>,
}

impl ChangeSet {
    pub fn count(&self, status: Status) -> usize {
        self.objects.iter().filter(|o| o.status == status).count()
    }

    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }
}
