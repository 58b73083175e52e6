//! Compiler-style output through miette: the offending span underlined in
//! its source line, a label, related places, and help.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan,
    MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use rayon::prelude::*;

use super::{RenderOptions, Report};
use crate::codes::Severity;
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::findings::FileEntry;
use crate::source::{SourceFile, Span, floor_char_boundary};

/// A source as the terminal is shown it: its name and text with control
/// characters escaped (see [`crate::escape`]), and a map between offsets
/// in the original text and in the shown one. Built once per source and
/// render.
struct Shown {
    original: Arc<SourceFile>,
    name: String,
    /// `None` when the text has nothing to escape (the usual case).
    escaped: Option<Escaped>,
}

struct Escaped {
    text: String,
    line_starts: Vec<usize>,
    /// After each escaped character: (original offset, shown offset)
    /// just past it.
    shifts: Vec<(usize, usize)>,
}

/// Characters a snippet shows escaped: all unsafe ones but line breaks
/// (`\r` only before `\n`) and tabs, which miette lays out itself.
fn escaped_in_snippet(c: char, next: Option<char>) -> bool {
    match c {
        '\n' | '\t' => false,
        '\r' => next != Some('\n'),
        c => escape::is_unsafe(c),
    }
}

impl Shown {
    fn new(original: &Arc<SourceFile>) -> Shown {
        let text = &original.text;
        let mut chars = text.chars().peekable();
        let mut needed = false;
        while let Some(c) = chars.next() {
            if escaped_in_snippet(c, chars.peek().copied()) {
                needed = true;
                break;
            }
        }
        let escaped = needed.then(|| {
            let mut shown = String::with_capacity(text.len() + 64);
            let mut shifts = Vec::new();
            let mut iter = text.char_indices().peekable();
            while let Some((i, c)) = iter.next() {
                if escaped_in_snippet(c, iter.peek().map(|(_, n)| *n)) {
                    escape::push_escaped(&mut shown, c);
                    shifts.push((i + c.len_utf8(), shown.len()));
                } else {
                    shown.push(c);
                }
            }
            let line_starts = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', shown.as_bytes()).map(|i| i + 1))
                .collect();
            Escaped {
                text: shown,
                line_starts,
                shifts,
            }
        });
        Shown {
            original: Arc::clone(original),
            name: escape::escape_control(&original.name).into_owned(),
            escaped,
        }
    }

    fn text(&self) -> &str {
        self.escaped
            .as_ref()
            .map_or(self.original.text.as_str(), |e| e.text.as_str())
    }

    fn line_starts(&self) -> &[usize] {
        self.escaped
            .as_ref()
            .map_or_else(|| self.original.line_starts(), |e| e.line_starts.as_slice())
    }

    /// A shown offset for an original one.
    fn to_shown(&self, offset: usize) -> usize {
        let Some(e) = &self.escaped else {
            return offset;
        };
        let i = e.shifts.partition_point(|(o, _)| *o <= offset);
        match i.checked_sub(1) {
            None => offset,
            Some(i) => {
                let (o, s) = e.shifts[i];
                s + (offset - o)
            }
        }
    }

    /// The original offset for a shown one (inside an escape: the
    /// escaped character's end).
    fn to_original(&self, offset: usize) -> usize {
        let Some(e) = &self.escaped else {
            return offset;
        };
        let i = e.shifts.partition_point(|(_, s)| *s <= offset);
        match i.checked_sub(1) {
            None => offset,
            Some(i) => {
                let (o, s) = e.shifts[i];
                o + (offset - s)
            }
        }
    }

    fn span(&self, span: Span) -> SourceSpan {
        let start = self.to_shown(span.start);
        let end = self.to_shown(span.end).max(start);
        SourceSpan::new(start.into(), end - start)
    }
}

/// The longest line (in bytes) a snippet shows whole: a longer one is cut
/// to a window around the finding's labels, with `…` where it was cut, so
/// that many findings on one long line (a minified file, a hostile
/// comment) print in time and space linear in the input, not findings
/// times line length.
const MAX_SNIPPET_LINE: usize = 240;
/// How much of a cut line a window keeps on each side of its labels.
const KEPT_AROUND_LABELS: usize = 60;
/// Lines a window holds around each label (miette shows one line of
/// context on each side).
const WINDOW_CONTEXT: usize = 2;

/// The lines around one finding's labels, long ones cut. Labels far apart
/// give a window with a gap: only the lines near a label are in it, so a
/// finding costs what it prints, however far apart its labels are.
struct Window {
    text: String,
    line_starts: Vec<usize>,
    lines: Vec<WindowLine>,
}

/// One line of a window.
struct WindowLine {
    /// The source line (0-based) it shows.
    source_line: usize,
    /// The shown offset where its kept part starts.
    kept_start: usize,
    /// The window offset of the kept part.
    at: usize,
    /// The kept part's length.
    len: usize,
}

impl Window {
    /// A window over the lines around `labels` (shown offsets), or `None`
    /// when none of those lines is too long to show whole.
    fn around(shown: &Shown, labels: &[(usize, usize)]) -> Option<Window> {
        let text = shown.text();
        let starts = shown.line_starts();
        let line_of = |offset: usize| starts.partition_point(|s| *s <= offset).saturating_sub(1);
        let line_end = |line: usize| {
            starts
                .get(line + 1)
                .map_or(text.len(), |next| next - 1)
                .max(starts[line])
        };
        let last = starts.len() - 1;
        let mut ranges: Vec<(usize, usize)> = labels
            .iter()
            .map(|l| {
                (
                    line_of(l.0).saturating_sub(WINDOW_CONTEXT),
                    (line_of(l.1) + WINDOW_CONTEXT).min(last),
                )
            })
            .collect();
        ranges.sort_unstable();
        // Ranges that overlap or touch become one, so a context miette
        // reads never runs across a gap.
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (low, high) in ranges {
            match merged.last_mut() {
                Some(prev) if low <= prev.1 + 1 => prev.1 = prev.1.max(high),
                _ => merged.push((low, high)),
            }
        }
        let lines = || merged.iter().flat_map(|&(low, high)| low..=high);
        if lines().all(|l| line_end(l) - starts[l] <= MAX_SNIPPET_LINE) {
            return None;
        }
        let mut window = Window {
            text: String::new(),
            line_starts: Vec::new(),
            lines: Vec::new(),
        };
        for line in lines() {
            let (start, end) = (starts[line], line_end(line));
            let (keep_start, keep_end) = if end - start <= MAX_SNIPPET_LINE {
                (start, end)
            } else {
                let on_line = labels.iter().filter(|l| l.0 <= end && l.1 >= start);
                let from = on_line.clone().map(|l| l.0).min().unwrap_or(start);
                let to = on_line.map(|l| l.1).max().unwrap_or(start);
                let keep_start = from.saturating_sub(KEPT_AROUND_LABELS).max(start);
                let keep_end = (to + KEPT_AROUND_LABELS)
                    .min(keep_start + MAX_SNIPPET_LINE)
                    .min(end);
                (
                    floor_char_boundary(text, keep_start),
                    floor_char_boundary(text, keep_end),
                )
            };
            window.line_starts.push(window.text.len());
            if keep_start > start {
                window.text.push('…');
            }
            window.lines.push(WindowLine {
                source_line: line,
                kept_start: keep_start,
                at: window.text.len(),
                len: keep_end - keep_start,
            });
            window.text.push_str(&text[keep_start..keep_end]);
            if keep_end < end {
                window.text.push('…');
            }
            if end < text.len() {
                window.text.push('\n');
            }
        }
        Some(window)
    }

    /// A shown offset in the window (clamped to its line's kept part).
    fn to_window(&self, offset: usize) -> usize {
        let line = self
            .lines
            .partition_point(|l| l.kept_start <= offset)
            .saturating_sub(1);
        let l = &self.lines[line];
        l.at + offset.saturating_sub(l.kept_start).min(l.len)
    }

    /// The shown offset of a window offset.
    fn to_shown(&self, offset: usize) -> usize {
        let l = &self.lines[self.line_of(offset)];
        l.kept_start + offset.saturating_sub(l.at).min(l.len)
    }

    /// The window line holding a window offset.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1)
    }
}

/// Lets miette read a shown source without copying its text, in time
/// proportional to the snippet, not to the file: miette's own reader scans
/// from the file's first byte for every snippet. With a window, miette
/// reads the window instead.
#[derive(Clone)]
struct Source {
    shown: Arc<Shown>,
    window: Option<Arc<Window>>,
}

impl Source {
    /// The source of a finding with these labels (original spans).
    fn for_labels(shown: Arc<Shown>, labels: &[Span]) -> Source {
        let shown_labels: Vec<(usize, usize)> = labels
            .iter()
            .map(|s| {
                let span = shown.span(*s);
                (span.offset(), span.offset() + span.len())
            })
            .collect();
        let window = Window::around(&shown, &shown_labels).map(Arc::new);
        Source { shown, window }
    }

    /// A label's span as miette reads it from this source.
    fn span(&self, span: Span) -> SourceSpan {
        let shown = self.shown.span(span);
        match &self.window {
            None => shown,
            Some(w) => {
                let start = w.to_window(shown.offset());
                let end = w.to_window(shown.offset() + shown.len()).max(start);
                SourceSpan::new(start.into(), end - start)
            }
        }
    }
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (text, starts) = match &self.window {
            None => (self.shown.text(), self.shown.line_starts()),
            Some(w) => (w.text.as_str(), w.line_starts.as_slice()),
        };
        let offset = span.offset().min(text.len());
        // Start reading `context_lines_before` lines above the span's line;
        // miette's reader then sees exactly what it would from the top.
        let line = starts.partition_point(|s| *s <= offset).saturating_sub(1);
        let first_line = line.saturating_sub(context_lines_before);
        let window_start = starts.get(first_line).copied().unwrap_or(0).min(offset);
        let shifted = SourceSpan::new((span.offset() - window_start).into(), span.len());
        let inner =
            text[window_start..].read_span(&shifted, context_lines_before, context_lines_after)?;
        let data_span = SourceSpan::new(
            (inner.span().offset() + window_start).into(),
            inner.span().len(),
        );
        // miette counts columns in bytes; the header must agree with every
        // other format, which counts characters of the original text.
        let anchor = if context_lines_before == 0 && context_lines_after == 0 {
            span.offset()
        } else {
            data_span.offset()
        };
        let anchor = self.window.as_ref().map_or(anchor, |w| w.to_shown(anchor));
        let column = self
            .shown
            .original
            .line_col(self.shown.to_original(anchor))
            .column
            - 1;
        let line = inner.line() + first_line;
        let line = self
            .window
            .as_ref()
            .map_or(line, |w| w.lines[line.min(w.lines.len() - 1)].source_line);
        // The lines this context holds, where miette's own reader gives the
        // line it ends on: miette joins two contexts when the first's line
        // plus this count reaches the second's, so with the end line it
        // also joined contexts far apart, and showed every line between.
        Ok(Box::new(MietteSpanContents::new_named(
            self.shown.name.clone(),
            inner.data(),
            data_span,
            line,
            column,
            inner.line_count(),
        )))
    }
}

/// The shown form of each source, built on first use.
#[derive(Default)]
struct ShownCache(HashMap<*const SourceFile, Arc<Shown>>);

impl ShownCache {
    fn get(&mut self, source: &Arc<SourceFile>) -> Arc<Shown> {
        Arc::clone(
            self.0
                .entry(Arc::as_ptr(source))
                .or_insert_with(|| Arc::new(Shown::new(source))),
        )
    }
}

/// One diagnostic (or one related place in another file) for miette.
struct View<'a> {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<Cow<'a, str>>,
    source: Option<Source>,
    labels: Vec<LabeledSpan>,
    related: Vec<View<'a>>,
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for View<'_> {}

impl MietteDiagnostic for View<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn MietteDiagnostic> + 'b>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn MietteDiagnostic),
            ))
        }
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn view<'a>(d: &'a Diagnostic, cache: &mut ShownCache) -> View<'a> {
    let mut labels = Vec::new();
    let mut related = Vec::new();
    let safe = |text: &str| escape::escape_control(text).into_owned();
    let source = d.location.as_ref().map(|loc| {
        let same_file = d
            .related
            .iter()
            .filter(|r| Arc::ptr_eq(&r.location.source, &loc.source))
            .map(|r| r.location.span);
        let spans: Vec<Span> = std::iter::once(loc.span).chain(same_file).collect();
        Source::for_labels(cache.get(&loc.source), &spans)
    });
    if let (Some(loc), Some(source)) = (&d.location, &source) {
        let label = d
            .label
            .clone()
            .or_else(|| d.path.as_ref().map(ToString::to_string))
            .map(|l| safe(&l));
        labels.push(LabeledSpan::new_primary_with_span(
            label,
            source.span(loc.span),
        ));
        for r in &d.related {
            if Arc::ptr_eq(&r.location.source, &loc.source) {
                labels.push(LabeledSpan::new_with_span(
                    Some(safe(&r.message)),
                    source.span(r.location.span),
                ));
            } else {
                let other = Source::for_labels(cache.get(&r.location.source), &[r.location.span]);
                related.push(View {
                    message: safe(&r.message),
                    code: None,
                    severity: miette::Severity::Advice,
                    help: None,
                    labels: vec![LabeledSpan::new_primary_with_span(
                        None,
                        other.span(r.location.span),
                    )],
                    source: Some(other),
                    related: Vec::new(),
                });
            }
        }
    }
    let message = if d.location.is_none() && !d.file.is_empty() && !d.message.contains(&d.file) {
        format!("{}: {}", safe(&d.file), safe(&d.message))
    } else {
        safe(&d.message)
    };
    View {
        message,
        code: Some(format!("{} {}", d.code.id, d.code.name)),
        severity: miette_severity(d.severity),
        help: d.help.as_deref().map(escape::escape_control_keep_newlines),
        source,
        labels,
        related,
    }
}

pub fn render(report: &Report, options: &RenderOptions) -> String {
    // Files render independently, each with its own cache of escaped
    // sources, so many files render in parallel; the pieces are joined in
    // report order. One file (the pre-commit case) renders on this thread:
    // starting the thread pool would cost more than it saves.
    let render_file = |file: &FileEntry| {
        let mut out = String::new();
        if file.diagnostics.is_empty() {
            return out;
        }
        let mut cache = ShownCache::default();
        let handler = handler(options);
        for d in &file.diagnostics {
            // Rendering into a String cannot fail.
            let _ = handler.render_report(&mut out, &view(d, &mut cache));
            out.push('\n');
        }
        out
    };
    let pieces: Vec<String> = if report.files.len() < 2 {
        report.files.iter().map(render_file).collect()
    } else {
        report.files.par_iter().map(render_file).collect()
    };
    let mut out = pieces.concat();
    super::push_footer(&mut out, report, options);
    out
}

fn handler(options: &RenderOptions) -> GraphicalReportHandler {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // Wrap at spaces only: the default also splits at hyphens and breaks
    // over-long words, which cuts host names and paths in two. Finding
    // words at ASCII spaces is also what keeps wrapping cheap: Unicode
    // line breaking was a fifth of rendering a finding.
    GraphicalReportHandler::new_themed(theme)
        .with_width(110)
        .with_links(false)
        .with_break_words(false)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
}
