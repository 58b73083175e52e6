//! A comparison as the core model every output format renders
//! ([`ChangeSet`]): values in their JSON form with their places, objects
//! with where they start, so the report layer needs no document trees.

use super::compare::{self, Diff, ObjectDiff};
use super::findings::Delta;
use super::summary::Line;
use crate::changeset::{Change, ChangeSet, ObjectChange, Place, Status, ValueAt};
use crate::document::Document;
use crate::yaml::Node;

/// What the command knows besides the comparison itself.
pub struct Context {
    pub old_label: String,
    pub new_label: String,
    pub protection: Vec<Line>,
    pub lint: Option<Delta>,
    /// Documents on either side without an identity, left out.
    pub skipped: usize,
}

pub fn change_set(diff: &Diff<'_>, context: Context) -> ChangeSet {
    ChangeSet {
        old_label: context.old_label,
        new_label: context.new_label,
        objects: diff.objects.iter().map(object).collect(),
        unchanged: diff.unchanged,
        skipped: context.skipped,
        protection: context.protection,
        lint: context.lint,
    }
}

/// Where a document starts.
fn start(doc: &Document) -> Place {
    let at = doc.start();
    Place {
        file: doc.source.name.clone(),
        line: at.line,
        column: at.column,
    }
}

fn value_at(doc: &Document, node: &Node) -> ValueAt {
    let at = doc.source.line_col(node.span().start);
    ValueAt {
        value: node.to_json(),
        place: Place {
            file: doc.source.name.clone(),
            line: at.line,
            column: at.column,
        },
    }
}

fn object(object: &ObjectDiff<'_>) -> ObjectChange {
    let content = match object.status {
        Status::Changed => None,
        _ => object.new.or(object.old).map(|doc| doc.root.to_json()),
    };
    ObjectChange {
        identity: object.identity.clone(),
        status: object.status,
        old: object.old.map(start),
        new: object.new.map(start),
        changes: object
            .changes
            .iter()
            .map(|c| change(object.old, object.new, c))
            .collect(),
        content,
    }
}

fn change(old: Option<&Document>, new: Option<&Document>, c: &compare::Change<'_>) -> Change {
    Change {
        kind: c.kind,
        path: c.path().to_string(),
        old_path: c.old_path.as_ref().map(ToString::to_string),
        new_path: c.new_path.as_ref().map(ToString::to_string),
        old: old.zip(c.old).map(|(doc, node)| value_at(doc, node)),
        new: new.zip(c.new).map(|(doc, node)| value_at(doc, node)),
        item: c.item.clone(),
        effect: c.effect.clone(),
    }
}
