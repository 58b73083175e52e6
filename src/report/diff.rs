//! Output of a diff ([`ChangeSet`], the core model `diff` builds): human
//! (grouped by object, dyff-like), JSON (stable, one entry per change),
//! brief (one line per object) and GitHub Markdown (a pull-request
//! comment, collapsible per object).
//!
//! The machinery is the other formats': text from the inputs (names,
//! values, paths) is escaped with [`crate::escape`] in every format (HTML
//! too in the Markdown one), colours come from [`super::style`], and the
//! JSON is serialized from borrowed views through [`super::to_safe_json`],
//! with lint findings as the [`DiagnosticView`] every JSON report uses.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use super::DiagnosticView;
use super::style::{self, Paint};
use crate::changeset::{
    Change, ChangeKind, ChangeSet, Direction, Identity, Line, ObjectChange, Place, Status, ValueAt,
};
use crate::diagnostic::Diagnostic;
use crate::escape::escape_control as clean;
use crate::findings::plural;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Grouped by object, one block per change (default); colored on a terminal.
    Human,
    /// A stable JSON document: one entry per change with paths and both positions.
    Json,
    /// One line per object: `+` added, `-` removed, `~` changed.
    Brief,
    /// Markdown for a pull-request comment, collapsible per object.
    Github,
}

pub fn render(format: DiffFormat, report: &ChangeSet, color: bool) -> String {
    match format {
        DiffFormat::Human => human(report, color),
        DiffFormat::Json => json_report(report),
        DiffFormat::Brief => brief(report),
        DiffFormat::Github => github(report),
    }
}

/// A value on one line: scalars as JSON (so `"10"` and `10` look
/// different), collections in JSON flow form.
fn show(value: &ValueAt) -> String {
    clean(&value.value.to_string()).into_owned()
}

/// `file:line:column`.
fn position(place: &Place) -> String {
    format!("{}:{}:{}", clean(&place.file), place.line, place.column)
}

/// `file:line` of an object's start.
fn doc_position(place: &Place) -> String {
    format!("{}:{}", clean(&place.file), place.line)
}

/// `diff: 2 changed, 1 added, 1 removed, 10 unchanged`.
fn summary_line(report: &ChangeSet) -> String {
    let diff = report;
    let mut line = if diff.is_empty() {
        format!(
            "diff: no changes ({} compared)",
            plural(diff.unchanged, "object")
        )
    } else {
        format!(
            "diff: {} changed, {} added, {} removed, {} unchanged",
            diff.count(Status::Changed),
            diff.count(Status::Added),
            diff.count(Status::Removed),
            diff.unchanged
        )
    };
    if report.skipped > 0 {
        line.push_str(&format!(
            "; {} without identity skipped",
            plural(report.skipped, "document")
        ));
    }
    line
}

/// Both multi-line strings: shown line by line.
fn multiline(change: &Change) -> Option<(&str, &str)> {
    let (old, new) = (change.old.as_ref()?, change.new.as_ref()?);
    match (old.value.as_str(), new.value.as_str()) {
        (Some(a), Some(b)) if old.multiline().is_some() || new.multiline().is_some() => {
            Some((a, b))
        }
        _ => None,
    }
}

// ------------------------------------------------------------------ human

fn status_style(status: Status) -> &'static str {
    match status {
        Status::Added => style::GREEN,
        Status::Removed => style::RED,
        Status::Changed => style::YELLOW,
    }
}

fn direction_style(direction: Direction) -> &'static str {
    match direction {
        Direction::Tightens => style::CYAN,
        Direction::Loosens => style::BOLD_MAGENTA,
        Direction::Behaviour => style::BOLD_YELLOW,
    }
}

fn human(report: &ChangeSet, color: bool) -> String {
    let paint = Paint::new(color);
    let mut out = String::new();
    for object in &report.objects {
        human_object(&mut out, object, &paint);
    }
    if !report.protection.is_empty() {
        out.push('\n');
        out.push_str(&paint.wrap(style::BOLD, "Protection and routing"));
        out.push('\n');
        for line in &report.protection {
            out.push_str(&format!(
                "  {}: {}\n",
                clean(&line.subject.to_string()),
                clean(&line.changes.join("; "))
            ));
        }
    }
    if let Some(delta) = report.lint.as_ref().filter(|d| !d.is_empty()) {
        out.push('\n');
        out.push_str(&paint.wrap(style::BOLD, "Lint findings"));
        out.push('\n');
        for (sign, list, code) in [
            ('+', &delta.introduced, style::RED),
            ('-', &delta.removed, style::GREEN),
        ] {
            for d in list {
                out.push_str(&format!("  {}\n", paint.wrap(code, &finding_line(sign, d))));
            }
        }
    }
    let lint_shown = report.lint.as_ref().is_some_and(|d| !d.is_empty());
    if !report.is_empty() || !report.protection.is_empty() || lint_shown {
        out.push('\n');
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

fn human_object(out: &mut String, object: &ObjectChange, paint: &Paint) {
    let place = match (&object.old, &object.new) {
        (Some(a), Some(b)) => format!("{} -> {}", doc_position(a), doc_position(b)),
        (Some(a), None) => doc_position(a),
        (None, Some(b)) => doc_position(b),
        (None, None) => String::new(),
    };
    let head = format!(
        "{} {}",
        object.status.sign(),
        clean(&object.identity.to_string())
    );
    out.push_str(&format!(
        "{}  ({place})\n",
        paint.wrap(status_style(object.status), &head)
    ));
    for change in &object.changes {
        let title = format!(
            "  {}{}",
            paint.wrap(style::BOLD, &clean(&change.path)),
            change_tail(change, paint, "  ")
        );
        out.push_str(&title);
        out.push('\n');
        if matches!(change.kind, ChangeKind::Moved { .. }) {
            continue;
        }
        if let Some((a, b)) = multiline(change) {
            human_lines(out, a, b, paint);
            if let Some(old) = &change.old {
                out.push_str(&format!("    (old {})\n", position(&old.place)));
            }
            if let Some(new) = &change.new {
                out.push_str(&format!("    (new {})\n", position(&new.place)));
            }
            continue;
        }
        if let Some(old) = &change.old {
            out.push_str(&format!(
                "    {}  {}\n",
                paint.wrap(style::RED, &format!("- {}", show(old))),
                position(&old.place)
            ));
        }
        if let Some(new) = &change.new {
            out.push_str(&format!(
                "    {}  {}\n",
                paint.wrap(style::GREEN, &format!("+ {}", show(new))),
                position(&new.place)
            ));
        }
    }
}

/// What follows a change's path in its heading: the item's key, the kind
/// of change (after `gap`), where a moved item went, and the effect.
fn change_tail(change: &Change, paint: &Paint, gap: &str) -> String {
    let mut tail = String::new();
    if let Some(item) = &change.item {
        tail.push_str(&format!(" ({})", clean(item)));
    }
    tail.push_str(gap);
    tail.push_str(change.kind.as_str());
    if let ChangeKind::Moved { from, to } = change.kind {
        tail.push_str(&format!(" from [{from}] to [{to}]"));
    }
    if let Some(effect) = &change.effect {
        tail.push_str(&format!(
            ", {}: {}",
            paint.wrap(direction_style(effect.direction), effect.direction.as_str()),
            clean(&effect.note)
        ));
    }
    tail
}

/// A multi-line string line by line; with color, the changed words of a
/// changed line are highlighted.
fn human_lines(out: &mut String, old: &str, new: &str, paint: &Paint) {
    let diff = TextDiff::from_lines(old, new);
    for op in diff.ops() {
        for change in diff.iter_inline_changes(op) {
            let (sign, code) = match change.tag() {
                ChangeTag::Delete => ('-', style::RED),
                ChangeTag::Insert => ('+', style::GREEN),
                ChangeTag::Equal => (' ', ""),
            };
            let mut line = String::new();
            for (emphasized, text) in change.iter_strings_lossy() {
                let text = clean(text.trim_end_matches('\n'));
                if emphasized {
                    line.push_str(&paint.emphasis(&text));
                } else {
                    line.push_str(&text);
                }
            }
            let line = format!("{sign} {line}");
            if code.is_empty() {
                out.push_str(&format!("    {line}\n"));
            } else {
                out.push_str(&format!("    {}\n", paint.wrap(code, &line)));
            }
        }
    }
}

/// `+ OS2001 strategy-not-found rules.yaml:12:15: message`.
fn finding_line(sign: char, d: &Diagnostic) -> String {
    let place = match d.start() {
        Some(at) => format!("{}:{}:{}", d.file, at.line, at.column),
        None => d.file.clone(),
    };
    clean(&format!(
        "{sign} {} {} {place}: {}",
        d.code.id, d.code.name, d.message
    ))
    .into_owned()
}

// ------------------------------------------------------------------ brief

fn brief(report: &ChangeSet) -> String {
    report
        .objects
        .iter()
        .map(|o| format!("{} {}\n", o.status.sign(), clean(&o.identity.to_string())))
        .collect()
}

// ------------------------------------------------------------------ github

fn html(text: &str) -> String {
    clean(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A code fence longer than any run of backticks in `body`.
fn fence(body: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in body.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(3))
}

fn github(report: &ChangeSet) -> String {
    let diff = report;
    let mut out = format!(
        "### `opensergo diff` {} → {}\n\n",
        html(&report.old_label),
        html(&report.new_label)
    );
    if !report.protection.is_empty() {
        out.push_str("**Protection and routing**\n\n");
        for line in &report.protection {
            out.push_str(&format!(
                "* {}: {}\n",
                html(&line.subject.to_string()),
                html(&line.changes.join("; "))
            ));
        }
        out.push('\n');
    }
    if let Some(delta) = report.lint.as_ref().filter(|d| !d.is_empty()) {
        out.push_str("**Lint findings**\n\n");
        for (sign, list) in [('+', &delta.introduced), ('-', &delta.removed)] {
            for d in list {
                out.push_str(&format!("* {}\n", html(&finding_line(sign, d))));
            }
        }
        out.push('\n');
    }
    for object in &diff.objects {
        let labels: Vec<&str> = object.directions().iter().map(|d| d.as_str()).collect();
        let labels = if labels.is_empty() {
            String::new()
        } else {
            format!(" — {}", labels.join(", "))
        };
        out.push_str(&format!(
            "<details><summary><code>{} {}</code>{labels}</summary>\n\n",
            object.status.sign(),
            html(&object.identity.to_string())
        ));
        let mut body = String::new();
        match object.status {
            Status::Added | Status::Removed => {
                let content = object.content.as_ref().map(ToString::to_string);
                let sign = object.status.sign();
                body.push_str(&format!(
                    "{sign} {}\n",
                    clean(content.as_deref().unwrap_or_default())
                ));
            }
            Status::Changed => {
                for change in &object.changes {
                    github_change(&mut body, change);
                }
            }
        }
        let fence = fence(&body);
        out.push_str(&format!("{fence}diff\n{body}{fence}\n\n</details>\n\n"));
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

fn github_change(body: &mut String, change: &Change) {
    let head = format!(
        "@@ {} @@{}",
        clean(&change.path),
        change_tail(change, &Paint::new(false), " ")
    );
    body.push_str(&head);
    body.push('\n');
    if matches!(change.kind, ChangeKind::Moved { .. }) {
        return;
    }
    if let Some((a, b)) = multiline(change) {
        let diff = TextDiff::from_lines(a, b);
        for line in diff.iter_all_changes() {
            let sign = match line.tag() {
                ChangeTag::Delete => '-',
                ChangeTag::Insert => '+',
                ChangeTag::Equal => ' ',
            };
            body.push_str(&format!(
                "{sign} {}\n",
                clean(line.value().trim_end_matches('\n'))
            ));
        }
        return;
    }
    if let Some(old) = &change.old {
        body.push_str(&format!("- {}\n", show(old)));
    }
    if let Some(new) = &change.new {
        body.push_str(&format!("+ {}\n", show(new)));
    }
}

// ------------------------------------------------------------------ json

#[derive(Serialize)]
struct IdentityView<'a> {
    group: &'a str,
    kind: &'a str,
    namespace: &'a str,
    name: &'a str,
}

impl<'a> IdentityView<'a> {
    fn of(id: &'a Identity) -> Self {
        IdentityView {
            group: &id.group,
            kind: &id.kind,
            namespace: &id.namespace,
            name: &id.name,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ObjectView<'a> {
    status: Status,
    object: IdentityView<'a>,
    old: Option<&'a Place>,
    new: Option<&'a Place>,
    changes: usize,
}

/// An added or removed object: one entry with an empty path.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WholeObjectView<'a> {
    object: IdentityView<'a>,
    change: Status,
    path: &'static str,
    old_position: Option<&'a Place>,
    new_position: Option<&'a Place>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FieldChangeView<'a> {
    object: IdentityView<'a>,
    change: &'static str,
    path: &'a str,
    old_path: Option<&'a str>,
    new_path: Option<&'a str>,
    old: Option<&'a serde_json::Value>,
    new: Option<&'a serde_json::Value>,
    old_position: Option<&'a Place>,
    new_position: Option<&'a Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    effect: Option<Direction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ChangeView<'a> {
    Object(WholeObjectView<'a>),
    Field(FieldChangeView<'a>),
}

#[derive(Serialize)]
struct SummaryView {
    changed: usize,
    added: usize,
    removed: usize,
    unchanged: usize,
    skipped: usize,
}

#[derive(Serialize)]
struct LintView<'a> {
    introduced: Vec<DiagnosticView<'a>>,
    removed: Vec<DiagnosticView<'a>>,
}

#[derive(Serialize)]
struct ReportView<'a> {
    version: u32,
    tool: &'static str,
    command: &'static str,
    old: &'a str,
    new: &'a str,
    summary: SummaryView,
    objects: Vec<ObjectView<'a>>,
    changes: Vec<ChangeView<'a>>,
    protection: &'a [Line],
    #[serde(skip_serializing_if = "Option::is_none")]
    lint: Option<LintView<'a>>,
}

fn field_change<'a>(object: &'a ObjectChange, change: &'a Change) -> FieldChangeView<'a> {
    let (from, to) = match change.kind {
        ChangeKind::Moved { from, to } => (Some(from), Some(to)),
        _ => (None, None),
    };
    FieldChangeView {
        object: IdentityView::of(&object.identity),
        change: change.kind.as_str(),
        path: &change.path,
        old_path: change.old_path.as_deref(),
        new_path: change.new_path.as_deref(),
        old: change.old.as_ref().map(|v| &v.value),
        new: change.new.as_ref().map(|v| &v.value),
        old_position: change.old.as_ref().map(|v| &v.place),
        new_position: change.new.as_ref().map(|v| &v.place),
        item: change.item.as_deref(),
        from,
        to,
        effect: change.effect.as_ref().map(|e| e.direction),
        note: change.effect.as_ref().map(|e| e.note.as_str()),
    }
}

fn json_report(report: &ChangeSet) -> String {
    let diff = report;
    let mut changes = Vec::new();
    for object in &diff.objects {
        if object.status == Status::Changed {
            changes.extend(
                object
                    .changes
                    .iter()
                    .map(|c| ChangeView::Field(field_change(object, c))),
            );
        } else {
            changes.push(ChangeView::Object(WholeObjectView {
                object: IdentityView::of(&object.identity),
                change: object.status,
                path: "",
                old_position: object.old.as_ref(),
                new_position: object.new.as_ref(),
            }));
        }
    }
    let view = ReportView {
        version: 1,
        tool: "opensergo",
        command: "diff",
        old: &report.old_label,
        new: &report.new_label,
        summary: SummaryView {
            changed: diff.count(Status::Changed),
            added: diff.count(Status::Added),
            removed: diff.count(Status::Removed),
            unchanged: diff.unchanged,
            skipped: report.skipped,
        },
        objects: diff
            .objects
            .iter()
            .map(|object| ObjectView {
                status: object.status,
                object: IdentityView::of(&object.identity),
                old: object.old.as_ref(),
                new: object.new.as_ref(),
                changes: object.changes.len(),
            })
            .collect(),
        changes,
        protection: &report.protection,
        lint: report.lint.as_ref().map(|delta| LintView {
            introduced: delta.introduced.iter().map(DiagnosticView::of).collect(),
            removed: delta.removed.iter().map(DiagnosticView::of).collect(),
        }),
    };
    let mut text = super::to_safe_json(&view);
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_and_html_are_escaped() {
        assert_eq!(html("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(fence("a ``` b"), "````");
        assert_eq!(fence("plain"), "```");
        assert_eq!(html("<b>&"), "&lt;b&gt;&amp;");
    }
}
