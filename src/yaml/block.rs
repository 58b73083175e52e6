//! The loader's own reader for plain block YAML, the shape nearly every
//! rule file has: block mappings and sequences, one-line plain and quoted
//! scalars, comments and `---`.
//!
//! libyaml reads a scalar a character at a time into a growing string and
//! queues tokens for its parser; in a directory walk that is a third of
//! the work. This reader goes over the bytes once, line by line, and hands
//! the tree builder scalars borrowed from the text. It does not judge: at
//! the first thing outside that shape (tabs, flow collections, anchors,
//! tags, block scalars, multi-line scalars, escapes, anything doubtful,
//! and any error, the builder's included) it gives up and the stream is
//! read again by libyaml, which then says what is wrong. What it reads, it
//! reports with libyaml's events at libyaml's positions; the `load_yaml`
//! fuzz target and the tests below hold it to that.

use std::borrow::Cow;

use super::{Builder, Event, MAX_TEXT, RawDocument, Step};
use crate::source::Span;

/// The longest key the reader takes: libyaml ends a simple key's
/// candidacy 1,024 characters after it starts.
const MAX_KEY: usize = 1000;

/// The documents of `text`, or `None` where libyaml must read it.
pub(super) fn load(text: &str) -> Option<Vec<RawDocument>> {
    if text.len() > MAX_TEXT || !every_character_is_plain(text) {
        return None;
    }
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        builder: Builder::default(),
        docs: Vec::new(),
        open: Vec::new(),
        in_document: false,
        has_root: false,
        empty_value_at: None,
        value_owner_indent: None,
    };
    let mut start = 0;
    while start < text.len() {
        let end = memchr::memchr(b'\n', &reader.bytes[start..]).map_or(text.len(), |i| start + i);
        reader.line(start, end)?;
        start = end + 1;
    }
    reader.finish()?;
    Some(reader.docs)
}

/// Whether every character is one libyaml reads as itself: printable,
/// not a tab, not a line break other than `\n`.
fn every_character_is_plain(text: &str) -> bool {
    let plain_ascii = |b: u8| b == b'\n' || (0x20..0x7f).contains(&b);
    if text.bytes().all(plain_ascii) {
        return true;
    }
    text.chars().all(|c| match c {
        '\u{0}'..='\u{7f}' => plain_ascii(c as u8),
        // Line breaks to libyaml; the rest as libyaml's `is_printable`.
        '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => false,
        c => c >= '\u{a0}',
    })
}

/// An open block collection.
struct Open {
    map: bool,
    /// Its column: where its keys or `-`s stand.
    indent: usize,
    /// A sequence whose `-`s stand in its parent mapping's column.
    indentless: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Item {
    Key,
    Dash,
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    builder: Builder,
    docs: Vec<RawDocument>,
    open: Vec<Open>,
    in_document: bool,
    has_root: bool,
    /// After `key:` or `-` with nothing after it on the line: where the
    /// empty value is, unless a nested collection follows.
    empty_value_at: Option<usize>,
    /// After a scalar value: the column of the collection holding it. A
    /// line further right continues the scalar (or is an error).
    value_owner_indent: Option<usize>,
}

impl<'t> Reader<'t> {
    fn emit(&mut self, event: Event<'t>) -> Option<()> {
        match self.builder.feed(event, self.text).ok()? {
            Step::Document(doc) => self.docs.push(doc),
            Step::Continue | Step::End => {}
        }
        Some(())
    }

    fn scalar(&mut self, value: Cow<'t, str>, plain: bool, span: Span) -> Option<()> {
        self.emit(Event::Scalar {
            anchor: None,
            tag: None,
            value,
            plain,
            span,
        })
    }

    fn empty_value(&mut self) -> Option<()> {
        match self.empty_value_at.take() {
            Some(at) => self.scalar(Cow::Borrowed(""), true, Span::new(at, at)),
            None => Some(()),
        }
    }

    fn line(&mut self, start: usize, end: usize) -> Option<()> {
        let bytes = self.bytes;
        let mut at = skip_spaces(bytes, start, end);
        if at == end || bytes[at] == b'#' {
            return Some(());
        }
        if at == start {
            let line = &bytes[start..end];
            if line.starts_with(b"---") && line.get(3).is_none_or(|&b| b == b' ') {
                return self.document_start(start, end);
            }
            if line.starts_with(b"...") || line[0] == b'%' {
                return None;
            }
        }
        if self
            .value_owner_indent
            .take()
            .is_some_and(|owner| at - start > owner)
        {
            return None;
        }
        let mut after_dash = false;
        loop {
            let column = at - start;
            if is_dash(bytes, at, end) {
                self.item(column, Item::Dash, at)?;
                self.empty_value_at = Some(at + 1);
                after_dash = true;
                at = skip_spaces(bytes, at + 1, end);
                if at == end || bytes[at] == b'#' {
                    return Some(());
                }
                continue;
            }
            let (value, plain, span) = scalar_at(self.text, at, end)?;
            let next = skip_spaces(bytes, span.end, end);
            if next < end && bytes[next] == b':' && (next + 1 == end || bytes[next + 1] == b' ') {
                if next - at > MAX_KEY {
                    return None;
                }
                self.item(column, Item::Key, at)?;
                self.scalar(value, plain, span)?;
                return self.value(next + 1, end);
            }
            // A scalar that is not a key: only as an entry after `- `.
            if !after_dash || !rest_is_comment(bytes, span.end, next, end) {
                return None;
            }
            self.empty_value_at = None;
            self.scalar(value, plain, span)?;
            self.value_owner_indent = self.open.last().map(|o| o.indent);
            return Some(());
        }
    }

    /// What follows a key's `:` (at `colon_end`) on its line.
    fn value(&mut self, colon_end: usize, end: usize) -> Option<()> {
        let bytes = self.bytes;
        let at = skip_spaces(bytes, colon_end, end);
        if at == end || bytes[at] == b'#' {
            self.empty_value_at = Some(colon_end);
            return Some(());
        }
        if is_dash(bytes, at, end) {
            return None;
        }
        let (value, plain, span) = scalar_at(self.text, at, end)?;
        let next = skip_spaces(bytes, span.end, end);
        if !rest_is_comment(bytes, span.end, next, end) {
            return None;
        }
        self.scalar(value, plain, span)?;
        self.value_owner_indent = self.open.last().map(|o| o.indent);
        Some(())
    }

    /// A key or a `-` at `column` (byte `at`): closes what it ends, opens
    /// what it starts.
    fn item(&mut self, column: usize, item: Item, at: usize) -> Option<()> {
        if !self.in_document {
            self.in_document = true;
            self.has_root = false;
            self.emit(Event::DocumentStart { start: at })?;
        }
        if self.empty_value_at.is_some() {
            let parent = self.open.last()?;
            if column > parent.indent {
                self.empty_value_at = None;
                return self.start(column, item, at, false);
            }
            if parent.map && item == Item::Dash && column == parent.indent {
                self.empty_value_at = None;
                return self.start(column, item, at, true);
            }
            self.empty_value()?;
        }
        while let Some(top) = self.open.last() {
            let ends = top.indent > column
                || (top.indentless && top.indent == column && item == Item::Key);
            if !ends {
                break;
            }
            self.close(at)?;
        }
        match self.open.last() {
            None if self.has_root => None,
            None => {
                self.has_root = true;
                self.start(column, item, at, false)
            }
            Some(top) if top.indent == column && top.map == (item == Item::Key) => Some(()),
            Some(_) => None,
        }
    }

    fn start(&mut self, column: usize, item: Item, at: usize, indentless: bool) -> Option<()> {
        let map = item == Item::Key;
        self.open.push(Open {
            map,
            indent: column,
            indentless,
        });
        let span = Span::new(at, at);
        self.emit(if map {
            Event::MappingStart {
                anchor: None,
                tag: None,
                span,
            }
        } else {
            Event::SequenceStart {
                anchor: None,
                tag: None,
                span,
            }
        })
    }

    /// Closes the innermost collection; libyaml ends it where the next
    /// token starts.
    fn close(&mut self, next_token: usize) -> Option<()> {
        let open = self.open.pop()?;
        self.emit(if open.map {
            Event::MappingEnd { end: next_token }
        } else {
            Event::SequenceEnd { end: next_token }
        })
    }

    /// Ends the document being read (if any) at `next_token`.
    fn end_document(&mut self, next_token: usize) -> Option<()> {
        if !self.in_document {
            return Some(());
        }
        self.empty_value()?;
        if !self.has_root {
            // `---` with nothing after it: an empty document.
            self.scalar(Cow::Borrowed(""), true, Span::new(next_token, next_token))?;
        }
        while !self.open.is_empty() {
            self.close(next_token)?;
        }
        self.in_document = false;
        self.emit(Event::DocumentEnd {
            start: next_token,
            end: next_token,
        })
    }

    /// A `---` line (`start..end`).
    fn document_start(&mut self, start: usize, end: usize) -> Option<()> {
        let rest = skip_spaces(self.bytes, start + 3, end);
        if rest < end && (rest == start + 3 || self.bytes[rest] != b'#') {
            return None;
        }
        self.end_document(start)?;
        self.in_document = true;
        self.has_root = false;
        self.value_owner_indent = None;
        self.emit(Event::DocumentStart { start })
    }

    fn finish(&mut self) -> Option<()> {
        let end = self.text.len();
        self.end_document(end)?;
        self.emit(Event::StreamEnd)
    }
}

/// A sequence entry's `-` (followed by a space or the line's end).
fn is_dash(bytes: &[u8], at: usize, end: usize) -> bool {
    bytes[at] == b'-' && (at + 1 == end || bytes[at + 1] == b' ')
}

fn skip_spaces(bytes: &[u8], mut at: usize, end: usize) -> usize {
    while at < end && bytes[at] == b' ' {
        at += 1;
    }
    at
}

/// Whether the line holds nothing but a comment after a scalar ending at
/// `scalar_end`, `next` being the first byte after the spaces that follow.
fn rest_is_comment(bytes: &[u8], scalar_end: usize, next: usize, end: usize) -> bool {
    next == end || (bytes[next] == b'#' && next > scalar_end)
}

/// The one-line scalar at `at`: its value, whether it is plain, its span.
fn scalar_at(text: &str, at: usize, end: usize) -> Option<(Cow<'_, str>, bool, Span)> {
    let bytes = text.as_bytes();
    match bytes[at] {
        b'\'' => {
            let mut from = at + 1;
            let mut escaped = false;
            loop {
                let quote = from + memchr::memchr(b'\'', &bytes[from..end])?;
                if bytes.get(quote + 1) == Some(&b'\'') && quote + 1 < end {
                    escaped = true;
                    from = quote + 2;
                    continue;
                }
                let inner = &text[at + 1..quote];
                let value = if escaped {
                    Cow::Owned(inner.replace("''", "'"))
                } else {
                    Cow::Borrowed(inner)
                };
                return Some((value, false, Span::new(at, quote + 1)));
            }
        }
        b'"' => {
            let close = at + 1 + memchr::memchr2(b'"', b'\\', &bytes[at + 1..end])?;
            if bytes[close] == b'\\' {
                return None;
            }
            Some((
                Cow::Borrowed(&text[at + 1..close]),
                false,
                Span::new(at, close + 1),
            ))
        }
        // `-`, `?` and `:` start a plain scalar when a non-space follows.
        b'-' | b'?' | b':' if at + 1 < end && bytes[at + 1] != b' ' => {
            Some(plain_at(text, at, end))
        }
        b'-' | b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!'
        | b'|' | b'>' | b'%' | b'@' | b'`' => None,
        _ => Some(plain_at(text, at, end)),
    }
}

/// A plain scalar ends at `: `, at ` #` and at the end of its line; its
/// trailing spaces are not part of it.
fn plain_at(text: &str, at: usize, end: usize) -> (Cow<'_, str>, bool, Span) {
    let bytes = text.as_bytes();
    let mut stop = at + 1;
    while stop < end {
        match bytes[stop] {
            b':' if stop + 1 == end || bytes[stop + 1] == b' ' => break,
            b'#' if bytes[stop - 1] == b' ' => break,
            _ => stop += 1,
        }
    }
    while bytes[stop - 1] == b' ' {
        stop -= 1;
    }
    (Cow::Borrowed(&text[at..stop]), true, Span::new(at, stop))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both readers' documents, positions included, for `text`, which
    /// the block reader must take.
    fn same_as_libyaml(text: &str) {
        let ours = load(text).unwrap_or_else(|| panic!("the block reader gave up on {text:?}"));
        let (theirs, error) = super::super::load_stream_with_libyaml(text);
        assert_eq!(error, None, "{text:?}");
        assert_eq!(format!("{ours:#?}"), format!("{theirs:#?}"), "{text:?}");
    }

    #[test]
    fn reads_rule_files_as_libyaml_does() {
        for text in [
            "",
            "# only a comment\n",
            "a: 1\n",
            "a: 1",
            "a:\n",
            "a:",
            "a: b\nc: d\n",
            "apiVersion: v1\nkind: X\nmetadata:\n  name: n\n  labels:\n    app: a\nspec:\n  x: 1\n",
            "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
            "a:\n- 1\n- 2\nb: 3\n",
            "a:\n  - 1\n  - 2\nb: 3\n",
            "a:\n  - x: 1\n    y: 2\n  - x: 3\nb:\n",
            "- a\n- b\n",
            "- - a\n  - b\n- c\n",
            "-\n- \n-   # c\n",
            "- a:\n  - b\n- c:\n",
            "a:   # c\n  b: 1 # d\n  # e\n\n  c: 'x''y'\nd: \"q\"\n",
            "  a: 1\n  b: 2\n",
            "---\na: 1\n---\nb: 2\n",
            "--- # c\na: 1\n---\n",
            "---\n---\n",
            "a: 1\n---\n",
            "'k' : v\n\"k2\":\n",
            "url: http://x#f\nt: a #c\nv: -1\nw: :x\nz: a:b\n",
            "a: b   \nc:   d  \n",
            "a: 中文 é\n# 注释\nb: 'ü'\n",
            "a:\n  b:\n  - 1\n",
            "a: 1\n\n\n",
            "- a: 1\n  b:\n    c: 2\n- d\n",
            "a: true\nb: null\nc: 1.5\nd: 0x1f\ne: ~\n'f': 'true'\n",
        ] {
            same_as_libyaml(text);
        }
    }

    #[test]
    fn gives_up_outside_the_plain_block_shape() {
        for text in [
            "a: [1]\n",
            "a: {b: 1}\n",
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: |\n  x\n",
            "a: >\n  x\n",
            "a: b\n  c\n",
            "- a\n  b\n",
            "a: 'x\n  y'\n",
            "a: \"x\\ty\"\n",
            "a:\tb\n",
            "a: b\r\n",
            "? a\n: b\n",
            "a: b: c\n",
            "a: - b\n",
            "a\n",
            "a:\n  b\n",
            "...\n",
            "%YAML 1.2\n---\n",
            "a: 1\n b: 2\n",
            "a: 1\na: 2\n",
            "a:\n  - b\n  c: 1\n",
            "a: 1\n- b\n",
            "x: \u{85}\n",
            "--- a\n",
            "a: @b\n",
        ] {
            assert!(load(text).is_none(), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Streams made of the block shape's pieces (and some that are
        /// not): whatever the block reader takes, libyaml reads the same.
        #[test]
        fn takes_only_what_libyaml_reads_the_same(
            lines in proptest::collection::vec(
                ("( {0,4})", "(- |-|)(- )?", "(k|'q'|\"d\"|a b|-1|x:y|u#v)?", "(: ?|:)?", "( ?'v''w'| ?v| ?\"s\"| ?:|  #c| ---)?"),
                0..12,
            ),
            trailer in "(\n|---\n|\n\n|)",
        ) {
            let mut text = String::new();
            for (indent, dash, key, colon, value) in &lines {
                text.push_str(&format!("{indent}{dash}{key}{colon}{value}\n"));
            }
            text.push_str(&trailer);
            if load(&text).is_some() {
                same_as_libyaml(&text);
            }
        }
    }

    #[test]
    fn long_keys_are_left_to_libyaml() {
        let key = "k".repeat(MAX_KEY + 10);
        assert!(load(&format!("{key}: 1\n")).is_none());
        same_as_libyaml(&format!("{}: 1\n", "k".repeat(MAX_KEY - 10)));
    }

    #[test]
    fn the_bundled_fixtures_read_as_libyaml_reads_them() {
        let (mut taken, mut dirs) = (0, vec![std::path::PathBuf::from("testdata")]);
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml")
                    && let Ok(text) = std::fs::read_to_string(&path)
                    && load(&text).is_some()
                {
                    taken += 1;
                    same_as_libyaml(&text);
                }
            }
        }
        assert!(taken > 50, "the block reader took only {taken} fixtures");
    }
}
