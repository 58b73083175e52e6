//! Output of a diff: human (grouped by object, dyff-like), JSON (stable,
//! one entry per change), brief (one line per object) and GitHub Markdown
//! (a pull-request comment, collapsible per object).
//!
//! Text from the inputs (names, values, paths) never reaches the output
//! raw: control and bidirectional-override characters are escaped in every
//! format, HTML in the Markdown one.

use serde_json::{Value as Json, json};
use similar::{ChangeTag, TextDiff};

use super::compare::{Change, ChangeKind, Diff, ObjectDiff, Status};
use super::findings::Delta;
use super::meaning::Direction;
use super::summary::Line;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::yaml::{Node, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Grouped by object, one block per change (default); colored on a terminal.
    Human,
    /// A stable JSON document: one entry per change with paths and both positions.
    Json,
    /// One line per object: `+` added, `-` removed, `~` changed.
    Brief,
    /// Markdown for a pull-request comment, collapsible per object.
    Github,
}

/// A finished comparison, ready to render.
pub struct DiffReport<'a> {
    pub old_label: String,
    pub new_label: String,
    pub diff: Diff<'a>,
    pub protection: Vec<Line>,
    /// With `--lint`: findings introduced and removed.
    pub lint: Option<Delta>,
    /// Documents on either side without an identity, left out.
    pub skipped: usize,
}

pub fn render(format: Format, report: &DiffReport<'_>, color: bool) -> String {
    match format {
        Format::Human => human(report, color),
        Format::Json => json_report(report),
        Format::Brief => brief(report),
        Format::Github => github(report),
    }
}

/// Escapes what must not reach a terminal or a log raw: control
/// characters and bidirectional overrides.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// A value on one line: scalars as JSON (so `"10"` and `10` look
/// different), collections in JSON flow form.
fn show(node: &Node) -> String {
    clean(&node.to_json().to_string())
}

/// `file:line:column` of a node.
fn position(doc: &Document, node: &Node) -> String {
    let at = doc.source.line_col(node.span.start);
    format!("{}:{}:{}", clean(&doc.source.name), at.line, at.column)
}

fn doc_position(doc: &Document) -> String {
    format!("{}:{}", clean(&doc.source.name), doc.start().line)
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `diff: 2 changed, 1 added, 1 removed, 10 unchanged`.
fn summary_line(report: &DiffReport<'_>) -> String {
    let diff = &report.diff;
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
fn multiline<'n>(change: &Change<'n>) -> Option<(&'n str, &'n str)> {
    match (change.old.map(|n| &n.value), change.new.map(|n| &n.value)) {
        (Some(Value::String(a)), Some(Value::String(b)))
            if a.contains('\n') || b.contains('\n') =>
        {
            Some((a, b))
        }
        _ => None,
    }
}

// ------------------------------------------------------------------ human

struct Paint {
    color: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn sign(&self, status: Status, text: &str) -> String {
        let code = match status {
            Status::Added => "32",
            Status::Removed => "31",
            Status::Changed => "33",
        };
        self.wrap(code, text)
    }
    fn direction(&self, direction: Direction) -> String {
        let code = match direction {
            Direction::Tightens => "36",
            Direction::Loosens => "1;35",
            Direction::Behaviour => "1;33",
        };
        self.wrap(code, direction.as_str())
    }
}

fn human(report: &DiffReport<'_>, color: bool) -> String {
    let paint = Paint { color };
    let mut out = String::new();
    for object in &report.diff.objects {
        human_object(&mut out, object, &paint);
    }
    if !report.protection.is_empty() {
        out.push('\n');
        out.push_str(&paint.wrap("1", "Protection and routing"));
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
        out.push_str(&paint.wrap("1", "Lint findings"));
        out.push('\n');
        for (sign, list, code) in [('+', &delta.introduced, "31"), ('-', &delta.removed, "32")] {
            for d in list {
                out.push_str(&format!("  {}\n", paint.wrap(code, &finding_line(sign, d))));
            }
        }
    }
    let lint_shown = report.lint.as_ref().is_some_and(|d| !d.is_empty());
    if !report.diff.is_empty() || !report.protection.is_empty() || lint_shown {
        out.push('\n');
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

fn human_object(out: &mut String, object: &ObjectDiff<'_>, paint: &Paint) {
    let place = match (object.old, object.new) {
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
        paint.sign(object.status, &head)
    ));
    for change in &object.changes {
        let mut title = format!("  {}", paint.wrap("1", &clean(&change.path().to_string())));
        if let Some(item) = &change.item {
            title.push_str(&format!(" ({})", clean(item)));
        }
        title.push_str(&format!("  {}", change.kind.as_str()));
        if let ChangeKind::Moved { from, to } = change.kind {
            title.push_str(&format!(" from [{from}] to [{to}]"));
        }
        if let Some(effect) = &change.effect {
            title.push_str(&format!(
                ", {}: {}",
                paint.direction(effect.direction),
                clean(&effect.note)
            ));
        }
        out.push_str(&title);
        out.push('\n');
        if matches!(change.kind, ChangeKind::Moved { .. }) {
            continue;
        }
        if let Some((a, b)) = multiline(change) {
            human_lines(out, a, b, paint);
            let (old, new) = (object.old, object.new);
            if let (Some(doc), Some(node)) = (old, change.old) {
                out.push_str(&format!("    (old {})\n", position(doc, node)));
            }
            if let (Some(doc), Some(node)) = (new, change.new) {
                out.push_str(&format!("    (new {})\n", position(doc, node)));
            }
            continue;
        }
        if let (Some(doc), Some(node)) = (object.old, change.old) {
            out.push_str(&format!(
                "    {}  {}\n",
                paint.wrap("31", &format!("- {}", show(node))),
                position(doc, node)
            ));
        }
        if let (Some(doc), Some(node)) = (object.new, change.new) {
            out.push_str(&format!(
                "    {}  {}\n",
                paint.wrap("32", &format!("+ {}", show(node))),
                position(doc, node)
            ));
        }
    }
}

/// A multi-line string line by line; with color, the changed words of a
/// changed line are highlighted.
fn human_lines(out: &mut String, old: &str, new: &str, paint: &Paint) {
    let diff = TextDiff::from_lines(old, new);
    for op in diff.ops() {
        for change in diff.iter_inline_changes(op) {
            let (sign, code) = match change.tag() {
                ChangeTag::Delete => ('-', "31"),
                ChangeTag::Insert => ('+', "32"),
                ChangeTag::Equal => (' ', ""),
            };
            let mut line = String::new();
            for (emphasized, text) in change.iter_strings_lossy() {
                let text = clean(text.trim_end_matches('\n'));
                if emphasized && paint.color {
                    line.push_str(&format!("\x1b[7m{text}\x1b[27m"));
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
}

fn json_finding(d: &Diagnostic) -> Json {
    let at = d.start();
    json!({
        "code": d.code.id, "name": d.code.name, "severity": d.severity,
        "message": d.message, "file": d.file,
        "line": at.map(|a| a.line), "column": at.map(|a| a.column),
    })
}

// ------------------------------------------------------------------ brief

fn brief(report: &DiffReport<'_>) -> String {
    report
        .diff
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

fn github(report: &DiffReport<'_>) -> String {
    let diff = &report.diff;
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
                let doc = object.new.or(object.old).expect("one side");
                let sign = object.status.sign();
                body.push_str(&format!(
                    "{sign} {}\n",
                    clean(&doc.root.to_json().to_string())
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

fn github_change(body: &mut String, change: &Change<'_>) {
    let mut head = format!("@@ {} @@", clean(&change.path().to_string()));
    if let Some(item) = &change.item {
        head.push_str(&format!(" ({})", clean(item)));
    }
    head.push_str(&format!(" {}", change.kind.as_str()));
    if let ChangeKind::Moved { from, to } = change.kind {
        head.push_str(&format!(" from [{from}] to [{to}]"));
    }
    if let Some(effect) = &change.effect {
        head.push_str(&format!(
            ", {}: {}",
            effect.direction.as_str(),
            clean(&effect.note)
        ));
    }
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
    if let Some(node) = change.old {
        body.push_str(&format!("- {}\n", show(node)));
    }
    if let Some(node) = change.new {
        body.push_str(&format!("+ {}\n", show(node)));
    }
}

// ------------------------------------------------------------------ json

fn json_position(doc: Option<&Document>, node: Option<&Node>) -> Json {
    match (doc, node) {
        (Some(doc), Some(node)) => {
            let at = doc.source.line_col(node.span.start);
            json!({"file": doc.source.name, "line": at.line, "column": at.column})
        }
        (Some(doc), None) => {
            let at = doc.start();
            json!({"file": doc.source.name, "line": at.line, "column": at.column})
        }
        _ => Json::Null,
    }
}

fn json_report(report: &DiffReport<'_>) -> String {
    let diff = &report.diff;
    let mut objects = Vec::new();
    let mut changes = Vec::new();
    for object in &diff.objects {
        let id = &object.identity;
        let identity = json!({
            "group": id.group, "kind": id.kind, "namespace": id.namespace, "name": id.name,
        });
        objects.push(json!({
            "status": object.status,
            "object": identity,
            "old": json_position(object.old, None),
            "new": json_position(object.new, None),
            "changes": object.changes.len(),
        }));
        if object.status != Status::Changed {
            changes.push(json!({
                "object": identity,
                "change": object.status,
                "path": "",
                "oldPosition": json_position(object.old, None),
                "newPosition": json_position(object.new, None),
            }));
            continue;
        }
        for change in &object.changes {
            let mut entry = json!({
                "object": identity,
                "change": change.kind.as_str(),
                "path": change.path().to_string(),
                "oldPath": change.old_path.as_ref().map(ToString::to_string),
                "newPath": change.new_path.as_ref().map(ToString::to_string),
                "old": change.old.map(Node::to_json),
                "new": change.new.map(Node::to_json),
                "oldPosition": json_position(object.old.filter(|_| change.old.is_some()), change.old),
                "newPosition": json_position(object.new.filter(|_| change.new.is_some()), change.new),
            });
            if let Some(item) = &change.item {
                entry["item"] = json!(item);
            }
            if let ChangeKind::Moved { from, to } = change.kind {
                entry["from"] = json!(from);
                entry["to"] = json!(to);
            }
            if let Some(effect) = &change.effect {
                entry["effect"] = json!(effect.direction);
                entry["note"] = json!(effect.note);
            }
            changes.push(entry);
        }
    }
    let mut document = json!({
        "version": 1,
        "tool": "opensergo",
        "command": "diff",
        "old": report.old_label,
        "new": report.new_label,
        "summary": {
            "changed": diff.count(Status::Changed),
            "added": diff.count(Status::Added),
            "removed": diff.count(Status::Removed),
            "unchanged": diff.unchanged,
            "skipped": report.skipped,
        },
        "objects": objects,
        "changes": changes,
        "protection": report.protection,
    });
    if let Some(delta) = &report.lint {
        document["lint"] = json!({
            "introduced": delta.introduced.iter().map(json_finding).collect::<Vec<_>>(),
            "removed": delta.removed.iter().map(json_finding).collect::<Vec<_>>(),
        });
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            clean("a\u{1b}[31mb\u{202e}c\td"),
            "a\\u{1b}[31mb\\u{202e}c\\td"
        );
        assert_eq!(fence("a ``` b"), "````");
        assert_eq!(fence("plain"), "```");
        assert_eq!(html("<b>&"), "&lt;b&gt;&amp;");
    }
}
