//! The output formats: every command that emits diagnostics builds a
//! [`Report`] (the core's model of a run's findings) and hands it here; no
//! command formats findings on its own.

pub mod buf;
pub mod diff;
mod github;
mod human;
mod json;
mod junit;
mod sarif;
mod short;
pub mod style;

pub use json::DiagnosticView;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::findings::{Report, plural};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style messages with source snippets (default).
    Human,
    /// One `file:line:col: severity[CODE] message` line per finding.
    Short,
    /// A stable JSON document (see the README, section JSON report).
    Json,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// JUnit XML, one test case per document.
    Junit,
}

#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub color: bool,
    /// Print findings only: no summary line, nothing for clean files.
    pub quiet: bool,
    /// Add per-code counts after the summary.
    pub counts: bool,
}

pub fn render(format: Format, report: &Report, options: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(report, options),
        Format::Short => short::render(report, options),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report, options),
        Format::Junit => junit::render(report),
    }
}

/// Writes a report in `format` to `out`. The JSON report is written as
/// it is serialized: a run over thousands of files makes megabytes of it,
/// which need not be held in memory first. The other formats are rendered
/// whole (the text formats are small; SARIF is built as a JSON value).
pub fn write(
    format: Format,
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(report, out),
        other => out.write_all(render(other, report, options).as_bytes()),
    }
}

/// The closing line of human-readable formats.
pub fn summary_line(report: &Report) -> String {
    let s = report.summary();
    let mut line = if report.has_documents {
        format!(
            "{}: {}, {}: {} valid, {} invalid, {} skipped",
            report.command,
            plural(s.files, "file"),
            plural(s.documents, "document"),
            s.valid,
            s.invalid,
            s.skipped
        )
    } else {
        format!("{}: {}", report.command, plural(s.files, "file"))
    };
    if !s.skipped_kinds.is_empty() {
        let mut kinds: Vec<_> = s.skipped_kinds.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        // Kinds are user text: control characters are shown escaped.
        let kinds: Vec<String> = kinds
            .iter()
            .map(|(k, n)| match k.chars().any(char::is_control) {
                true => format!("{n} {k:?}"),
                false => format!("{n} {k}"),
            })
            .collect();
        line.push_str(&format!(" ({})", kinds.join(", ")));
    }
    line.push_str(&format!(
        "; {}, {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    ));
    if s.infos > 0 {
        line.push_str(&format!(", {} info", s.infos));
    }
    if s.suppressed > 0 {
        line.push_str(&format!(", {} suppressed", s.suppressed));
    }
    line
}

/// The summary line (and, with `--summary`, the counts per code) that
/// closes the text formats, unless `--quiet`.
fn push_footer(out: &mut String, report: &Report, options: &RenderOptions) {
    if options.quiet {
        return;
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    if options.counts {
        out.push_str(&code_counts(report));
    }
}

/// "  12 OS1004 schema-violation" lines, most frequent first.
pub fn code_counts(report: &Report) -> String {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in report.diagnostics() {
        *counts.entry((d.code.id, d.code.name)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.iter()
        .map(|((id, name), n)| format!("{n:>6} {id} {name}\n"))
        .collect()
}

/// A stable fingerprint of a finding that survives unrelated edits above
/// it (no line numbers): code, file, path and message.
pub fn fingerprint(d: &Diagnostic) -> String {
    // FNV-1a: stable across Rust versions, unlike DefaultHasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let path = d.path.as_ref().map(ToString::to_string).unwrap_or_default();
    for part in [
        d.code.id,
        &d.file,
        &path,
        d.object.as_ref().map_or("", |o| o.name.as_str()),
        &d.message,
    ] {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Serializes a report as pretty JSON with every character a terminal
/// would act on escaped: serde_json escapes the C0 controls; DEL, the C1
/// controls (`\u009b` is a one-byte ESC `[`), bidirectional overrides and
/// line separators are written as `\uXXXX` too. The JSON means the same.
pub fn to_safe_json<T: Serialize>(value: &T) -> String {
    let mut out = Vec::with_capacity(4096);
    write_safe_json(value, &mut out).expect("report views serialize");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`to_safe_json`] written to `out` as it is serialized.
fn write_safe_json<T: Serialize>(value: &T, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(
        out,
        SafeFormatter(serde_json::ser::PrettyFormatter::new()),
    );
    value
        .serialize(&mut serializer)
        .map_err(std::io::Error::from)
}

struct SafeFormatter<'a>(serde_json::ser::PrettyFormatter<'a>);

impl serde_json::ser::Formatter for SafeFormatter<'_> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Nearly every fragment is printable ASCII: one pass over the bytes.
        if fragment.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some((i, c)) = rest
            .char_indices()
            .find(|(_, c)| crate::escape::is_unsafe(*c))
        {
            writer.write_all(&rest.as_bytes()[..i])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}
