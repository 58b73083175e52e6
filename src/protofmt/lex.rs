//! Tokens and comments of a `.proto` file, each comment attributed to one
//! token as a leading or a trailing comment, with the whitespace before
//! every token and comment remembered (only its newline count matters to
//! the printer).
//!
//! Attribution follows what `buf format` does, found by running it: a
//! comment that starts on the line where the previous token ends belongs
//! to that token (trailing), every other comment to the next token
//! (leading). When the next token is on that same line too, the comment
//! trails only a `;` not followed by `}`, a `,` or a `}`. Comments in an
//! empty body (`{ // x` then `}`) lead its closing brace.
//!
//! Once parsed, the lone `;`s inside bodies, which the printer drops, give
//! their comments and blank lines to the next token
//! ([`Lexed::drop_lone_semicolons`]).

use super::SyntaxError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Ident,
    Int,
    Float,
    Str,
    /// One ASCII punctuation character.
    Punct(u8),
    Eof,
}

/// The whitespace before a token or comment.
#[derive(Debug, Clone, Copy)]
pub struct Gap {
    pub newlines: u32,
    pub empty: bool,
}

impl Gap {
    const NONE: Gap = Gap {
        newlines: 0,
        empty: true,
    };
}

#[derive(Debug, Clone)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// 1-based (a token never spans lines).
    pub line: u32,
    pub gap: Gap,
    /// Indexes into [`Lexed::comments`].
    pub leading: std::ops::Range<usize>,
    pub trailing: std::ops::Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Comment {
    pub start: usize,
    pub end: usize,
    /// 1-based line of the `//` or `/*`.
    pub line: u32,
    pub gap: Gap,
}

#[derive(Debug)]
pub struct Lexed<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub comments: Vec<Comment>,
}

impl Lexed<'_> {
    pub fn raw(&self, token: usize) -> &str {
        let t = &self.tokens[token];
        &self.text[t.start..t.end]
    }

    pub fn comment_text(&self, comment: usize) -> &str {
        let c = &self.comments[comment];
        &self.text[c.start..c.end]
    }

    /// Where the comments attached to the closing bracket `close` begin:
    /// the group right above it with no blank line after it, from the
    /// last comment with a blank line before it; none when a blank line
    /// stands before `close` itself. The comments before that group are
    /// the body's last statement's, set apart from the bracket.
    pub fn attached_to_closer(&self, close: usize) -> usize {
        let leading = self.tokens[close].leading.clone();
        if self.tokens[close].gap.newlines > 1 {
            return leading.end;
        }
        leading
            .clone()
            .rev()
            .find(|&c| self.comments[c].gap.newlines > 1)
            .unwrap_or(leading.start)
    }

    /// Takes the lone `;`s at `semicolons` (ascending token indexes inside
    /// bodies, which the printer drops) out of the comment attribution:
    /// their comments, and the blank lines buf measures from them, go to
    /// the token after them, each comment on a line of its own, with the
    /// gaps buf's output has once the `;`s are gone. The printer then
    /// places those comments as a second run reading that output does, so
    /// formatting again changes nothing (where buf's own second run moves
    /// them, next to a `}`, this is its second run at once).
    pub fn drop_lone_semicolons(&mut self, semicolons: &[usize]) {
        for run in semicolons.chunk_by(|a, b| *b == a + 1) {
            self.drop_semicolon_run(run[0], run[run.len() - 1]);
        }
    }

    /// The `;`s from `first` to `last`, all lone, between two tokens of a
    /// body (its braces at least).
    fn drop_semicolon_run(&mut self, first: usize, last: usize) {
        let (before, next) = (first - 1, last + 1);
        let opens = self.tokens[before].kind == Kind::Punct(b'{');
        let closes = self.tokens[next].kind == Kind::Punct(b'}');
        if opens {
            // No blank line right after a `{`: none before the first
            // comment or `;` below it.
            let leading = self.tokens[first].leading.clone();
            let gap = if leading.is_empty() {
                &mut self.tokens[first].gap
            } else {
                &mut self.comments[leading.start].gap
            };
            gap.newlines = gap.newlines.min(1);
        }
        let mut start = self.tokens[first].leading.start;
        if opens && closes {
            // The body is left empty: what trails its `{` leads its `}`, as
            // `push` attributes it.
            let trailing = std::mem::take(&mut self.tokens[before].trailing);
            start = trailing.start;
            for c in trailing {
                self.own_line(c, 0);
            }
        }
        // The newlines before a dropped `;` not yet written: they count
        // before whatever is written next.
        let mut pending = 0;
        for semicolon in first..=last {
            let token = &mut self.tokens[semicolon];
            let (leading, trailing) = (
                std::mem::take(&mut token.leading),
                std::mem::take(&mut token.trailing),
            );
            let newlines = std::mem::replace(&mut token.gap, Gap::NONE).newlines;
            for c in leading {
                self.own_line(c, std::mem::take(&mut pending));
            }
            pending = pending.max(newlines);
            for c in trailing {
                self.own_line(c, std::mem::take(&mut pending));
            }
        }
        // buf writes the comments before a `}` as it writes them after any
        // statement (here the last `;`): those set apart from the `}` right
        // under it, the group attached to the `}` after its blank line, and
        // the `}` right under them (or after the `;`s' blank line).
        let leading = self.tokens[next].leading.clone();
        let set_apart = if closes {
            self.attached_to_closer(next)
        } else {
            leading.start
        };
        for c in leading.clone() {
            if c < set_apart {
                self.comments[c].gap.newlines = 1;
            }
            self.own_line(c, std::mem::take(&mut pending));
        }
        let gap = &mut self.tokens[next].gap;
        gap.newlines = match closes {
            true if !leading.is_empty() => 1,
            true => pending,
            false => gap.newlines.max(pending),
        };
        self.tokens[next].leading = start..leading.end;
    }

    /// Comment `c` on a line of its own, after at least `newlines` (those
    /// of the dropped `;`s before it).
    fn own_line(&mut self, c: usize, newlines: u32) {
        let gap = &mut self.comments[c].gap;
        gap.newlines = gap.newlines.max(newlines).max(1);
        gap.empty = false;
    }
}

struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    line: u32,
    tokens: Vec<Token>,
    comments: Vec<Comment>,
    /// Comments read since the last token.
    pending: usize,
    gap: Gap,
}

pub fn lex(text: &str) -> Result<Lexed<'_>, SyntaxError> {
    let mut lexer = Lexer {
        text,
        bytes: text.as_bytes(),
        pos: usize::from(text.starts_with('\u{feff}')) * 3,
        line: 1,
        tokens: Vec::new(),
        comments: Vec::new(),
        pending: 0,
        gap: Gap::NONE,
    };
    lexer.run()?;
    Ok(Lexed {
        text,
        tokens: lexer.tokens,
        comments: lexer.comments,
    })
}

impl Lexer<'_> {
    fn error(&self, at: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError::at(self.text, at, message)
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        loop {
            let Some(&c) = self.bytes.get(self.pos) else {
                self.push(Kind::Eof, self.pos);
                return Ok(());
            };
            let start = self.pos;
            match c {
                b'\n' => {
                    self.line += 1;
                    self.gap.newlines += 1;
                    self.gap.empty = false;
                    self.pos += 1;
                }
                b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => {
                    self.gap.empty = false;
                    self.pos += 1;
                }
                b'/' if self.bytes.get(start + 1) == Some(&b'/') => {
                    let end = memchr::memchr(b'\n', &self.bytes[start..])
                        .map_or(self.bytes.len(), |i| start + i);
                    self.pos = end;
                    self.push_comment(start, self.line);
                }
                b'/' if self.bytes.get(start + 1) == Some(&b'*') => {
                    let Some(close) = memchr::memmem::find(&self.bytes[start + 2..], b"*/") else {
                        return Err(
                            self.error(start, "block comment never terminates, unexpected EOF")
                        );
                    };
                    let end = start + 2 + close + 2;
                    let line = self.line;
                    self.line += memchr::memchr_iter(b'\n', &self.bytes[start..end]).count() as u32;
                    self.pos = end;
                    self.push_comment(start, line);
                }
                b'.' if self.bytes.get(start + 1).is_some_and(u8::is_ascii_digit) => {
                    self.number();
                    self.push(Kind::Float, start);
                }
                b'0'..=b'9' => {
                    let kind = self.number();
                    self.push(kind, start);
                }
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                    while self
                        .bytes
                        .get(self.pos)
                        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
                    {
                        self.pos += 1;
                    }
                    self.push(Kind::Ident, start);
                }
                b'"' | b'\'' => {
                    self.string(c)?;
                    self.push(Kind::Str, start);
                }
                b';' | b',' | b'.' | b':' | b'=' | b'-' | b'+' | b'(' | b')' | b'{' | b'}'
                | b'[' | b']' | b'<' | b'>' | b'/' => {
                    self.pos += 1;
                    self.push(Kind::Punct(c), start);
                }
                _ if c < 0x20 || c == 0x7f => {
                    return Err(self.error(start, "invalid control character"));
                }
                _ => return Err(self.error(start, "invalid character")),
            }
        }
    }

    /// Digits, letters, dots and underscores, with a sign only after an
    /// exponent marker: what protoc's tokenizer takes as one number.
    fn number(&mut self) -> Kind {
        let start = self.pos;
        let mut after_exponent = false;
        while let Some(&b) = self.bytes.get(self.pos) {
            let sign = b == b'-' || b == b'+';
            if sign && !after_exponent {
                break;
            }
            if !(sign || b == b'.' || b == b'_' || b.is_ascii_alphanumeric()) {
                break;
            }
            after_exponent = b == b'e' || b == b'E';
            self.pos += 1;
        }
        let text = &self.text[start..self.pos];
        let hex = text.starts_with("0x") || text.starts_with("0X");
        if !hex && text.contains(['.', 'e', 'E']) {
            Kind::Float
        } else {
            Kind::Int
        }
    }

    fn string(&mut self, quote: u8) -> Result<(), SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.error(start, "unexpected EOF in string literal")),
                Some(b'\n') => {
                    return Err(self.error(
                        start,
                        "encountered end-of-line before end of string literal",
                    ));
                }
                Some(b'\\') if self.bytes.get(self.pos + 1) == Some(&b'\n') => {
                    return Err(self.error(
                        start,
                        "encountered end-of-line before end of string literal",
                    ));
                }
                Some(b'\\') => self.pos += 2,
                Some(&b) if b == quote => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(_) => self.pos += 1,
            }
            if self.pos > self.bytes.len() {
                return Err(self.error(start, "unexpected EOF in string literal"));
            }
        }
    }

    fn push_comment(&mut self, start: usize, line: u32) {
        self.comments.push(Comment {
            start,
            end: self.pos,
            line,
            gap: std::mem::replace(&mut self.gap, Gap::NONE),
        });
        self.pending += 1;
    }

    fn push(&mut self, kind: Kind, start: usize) {
        if kind != Kind::Eof {
            self.pos = self.pos.max(start + 1);
        }
        let end = self.pos;
        let first = self.comments.len() - self.pending;
        let all = first..self.comments.len();
        self.pending = 0;
        let line = self.line;
        let donated = match self.tokens.last() {
            Some(prev) if !all.is_empty() => {
                let prev_line = prev.line;
                let mut next_line = line;
                if kind == Kind::Eof && next_line == prev_line {
                    next_line += 1;
                }
                let same_line = all
                    .clone()
                    .take_while(|&i| self.comments[i].line == prev_line)
                    .count();
                let closes = matches!(kind, Kind::Punct(b'}' | b']' | b')' | b'>'));
                let trails = match prev.kind {
                    // Comments in an empty body belong to its `}`.
                    Kind::Punct(b'{' | b'[' | b'(' | b'<') if closes => false,
                    _ if next_line > prev_line => true,
                    Kind::Punct(b';') => !closes,
                    Kind::Punct(b',' | b'}') => true,
                    _ => false,
                };
                if trails { same_line } else { 0 }
            }
            _ => 0,
        };
        if let Some(prev) = self.tokens.last_mut() {
            prev.trailing = first..first + donated;
        }
        self.tokens.push(Token {
            kind,
            start,
            end,
            line,
            gap: std::mem::replace(&mut self.gap, Gap::NONE),
            leading: first + donated..all.end,
            trailing: all.end..all.end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribution(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
        let lexed = lex(text).unwrap();
        (0..lexed.tokens.len())
            .map(|i| {
                let t = &lexed.tokens[i];
                let texts = |r: &std::ops::Range<usize>| {
                    r.clone()
                        .map(|c| lexed.comment_text(c).to_string())
                        .collect()
                };
                (
                    lexed.raw(i).to_string(),
                    texts(&t.leading),
                    texts(&t.trailing),
                )
            })
            .collect()
    }

    #[test]
    fn same_line_comments_trail_the_previous_token() {
        let tokens = attribution("a; // x\n// y\nb");
        assert_eq!(tokens[1].2, ["// x"]);
        assert_eq!(tokens[2].1, ["// y"]);
    }

    #[test]
    fn a_comment_between_tokens_on_one_line_trails_only_a_separator() {
        assert_eq!(attribution("a; /* x */ b")[1].2, ["/* x */"]);
        assert_eq!(attribution("a /* x */ b")[1].1, ["/* x */"]);
        assert_eq!(attribution("a; /* x */ }")[2].1, ["/* x */"]);
        assert_eq!(attribution("} /* x */ }")[0].2, ["/* x */"]);
    }

    #[test]
    fn positions_and_gaps() {
        let lexed = lex("a\n\n  /* x\n */ b").unwrap();
        assert_eq!(lexed.comments[0].gap.newlines, 2);
        assert_eq!(lexed.tokens[1].line, 4);
        assert_eq!(lexed.tokens[1].gap.newlines, 0);
        assert!(!lexed.tokens[1].gap.empty);
    }

    #[test]
    fn errors_carry_positions() {
        let error = lex("a\n  \"open").unwrap_err();
        assert_eq!((error.line, error.column), (2, 3));
        assert!(lex("/* never closed").is_err());
        assert!(lex("a\u{7}").is_err());
        assert!(lex("é").is_err());
    }
}
