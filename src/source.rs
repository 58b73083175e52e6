//! Source files and positions.
//!
//! Every span in the tool is a byte range into a [`SourceFile`]; line and
//! column are derived here, once, so every output format agrees on them.
//! Columns count characters (not bytes), so carets stay right after
//! Chinese comments and other non-ASCII text.

use std::sync::{Arc, OnceLock};

/// A half-open byte range `start..end` into a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A 1-based line and column (columns count Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// The text of one input (a file or stdin) and its line index.
#[derive(Debug)]
pub struct SourceFile {
    /// The name shown to users: the path as given, or `<stdin>`.
    pub name: String,
    pub text: String,
    /// Built on first use: most files never need a line number.
    line_starts: OnceLock<Vec<usize>>,
}

pub type SharedSource = Arc<SourceFile>;

impl SourceFile {
    pub fn new(name: impl Into<String>, text: String) -> Self {
        SourceFile {
            name: name.into(),
            text,
            line_starts: OnceLock::new(),
        }
    }

    /// Byte offsets where lines start (0 first), built once.
    pub fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// Line and column of a byte offset; offsets past the end clamp to it,
    /// offsets inside a multi-byte character count as that character.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line_index = match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = starts[line_index];
        let column = self.text[line_start..floor_char_boundary(&self.text, offset)]
            .chars()
            .count()
            + 1;
        LineCol {
            line: line_index + 1,
            column,
        }
    }

    /// Byte offset of the first character of a 1-based line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts()
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Byte offset of a 1-based (line, character column) position.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let start = self.line_start(line);
        self.text[start..]
            .char_indices()
            .take_while(|(_, c)| *c != '\n')
            .nth(column.saturating_sub(1))
            .map_or_else(|| self.line_end(start), |(i, _)| start + i)
    }

    fn line_end(&self, line_start: usize) -> usize {
        self.text[line_start..]
            .find('\n')
            .map_or(self.text.len(), |i| line_start + i)
    }

    /// The text of the 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        self.text[start..self.line_end(start)].trim_end_matches('\r')
    }
}

/// The nearest character boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = SourceFile::new("a", "a: 1\n# 中文注释\nname: 限流 x\n".to_string());
        let x = src.text.find(" x").unwrap() + 1;
        assert_eq!(
            src.line_col(x),
            LineCol {
                line: 3,
                column: 10
            }
        );
        assert_eq!(src.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(src.offset_of(3, 10), x);
        assert_eq!(src.line_text(2), "# 中文注释");
    }

    #[test]
    fn offsets_past_the_end_clamp() {
        let src = SourceFile::new("a", "ab".to_string());
        assert_eq!(src.line_col(99), LineCol { line: 1, column: 3 });
    }
}
