//! Prints an [`ast::File`] in `buf format`'s style.
//!
//! The rules were established by running `buf format` (1.75) on many
//! inputs (see `DIFFERENCES.md` beside the parity test for the few places
//! this printer departs on purpose). In short: two-space indentation; one
//! space between tokens, none inside `()`/`[]`/`<>` or before `;`/`,`;
//! the header (syntax, package, sorted imports, sorted file options) in
//! that order; a blank line kept (never more than one) where the input had
//! one, except right after an opening brace; compact options and message
//! literals on one line when they hold one scalar and no comments, one
//! element per line otherwise; `<...>` literals written `{...}`, optional
//! separators in literals dropped, the `:` always written; comments kept
//! with the token they were attributed to ([`super::lex`]): leading
//! comments on lines of their own, trailing ones after their token (as
//! `/* */` where the line goes on).

use rustc_hash::FxHashMap;

use super::ast::*;
use super::lex::{Kind, Lexed};

pub fn print(lexed: &Lexed<'_>, file: &File) -> String {
    let mut angle = vec![false; lexed.tokens.len()];
    for &t in &file.angle_brackets {
        angle[t] = true;
    }
    let mut keyword = vec![false; lexed.tokens.len()];
    for &t in &file.keywords {
        keyword[t] = true;
    }
    let mut printer = Printer {
        lexed,
        out: String::with_capacity(lexed.text.len() + lexed.text.len() / 8),
        indent: 0,
        last: '\0',
        previous: None,
        pending_space: false,
        in_compact_options: false,
        one_line_options: false,
        pending_indent: 0,
        inline: false,
        angle,
        keyword,
        no_line_end: vec![false; lexed.tokens.len()],
        moved: FxHashMap::default(),
        attached_only: FxHashMap::default(),
    };
    printer.file(file);
    printer.out
}

/// The last thing written that decides the next one's blank lines.
#[derive(Clone, Copy)]
enum Previous {
    Token(T),
    /// An option name inside `[...]`, written as one piece.
    Composite,
}

struct Printer<'a> {
    lexed: &'a Lexed<'a>,
    out: String,
    indent: usize,
    /// The last character written (`\0` before anything).
    last: char,
    previous: Option<Previous>,
    /// A space is due unless what comes next makes it pointless.
    pending_space: bool,
    in_compact_options: bool,
    /// Writing compact options on one line, `]` included: no `//`
    /// comment ends the line there.
    one_line_options: bool,
    /// Brackets opened minus closed on the current line: the next line's
    /// indentation moves by one level in that direction.
    pending_indent: i32,
    /// Writing a piece of a line (tightens the spacing around brackets).
    inline: bool,
    /// `<` and `>` that delimit message literals (printed `{`, `}`).
    angle: Vec<bool>,
    /// Keywords (a `//` comment after one ends the line).
    keyword: Vec<bool>,
    /// Tokens no `//` comment after which ends the line.
    no_line_end: Vec<bool>,
    /// Trailing comments moved from a dropped literal separator to the
    /// value before it.
    moved: FxHashMap<T, std::ops::Range<usize>>,
    /// Leading comments of sorted header statements without the detached
    /// ones, which stay at the top of their section.
    attached_only: FxHashMap<T, std::ops::Range<usize>>,
}

type Comments = std::ops::Range<usize>;

impl Printer<'_> {
    // ----- output primitives -----

    fn write(&mut self, text: &str) {
        if self.pending_space {
            self.pending_space = false;
            let first = text.chars().next().unwrap_or('\u{fffd}');
            let (after, before) = if self.inline {
                ("\0 \t\n<[{(", "\n;,)]}>")
            } else {
                ("\0 \t\n", "\n;,")
            };
            if !after.contains(self.last) && !before.contains(first) {
                self.out.push(' ');
            }
        }
        if let Some(last) = text.chars().next_back() {
            self.last = last;
            self.out.push_str(text);
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    /// Ends the line (after `text`, indented, if it is not blank).
    fn line(&mut self, text: &str) {
        if text.trim().is_empty() && (self.out.is_empty() || self.out.ends_with("\n\n")) {
            // A file never starts with a blank line or has two in a row
            // (lone `;`s and comments each keep the blank before them).
            return;
        }
        if !text.trim().is_empty() {
            self.indentation(false);
            self.write(text);
        }
        self.write("\n");
        if self.pending_indent > 0 {
            self.indent += 1;
        } else if self.pending_indent < 0 {
            self.indent = self.indent.saturating_sub(1);
        }
        self.pending_indent = 0;
    }

    /// The indentation, at the start of a line only; a closing bracket
    /// sits one level out.
    fn indentation(&mut self, closer: bool) {
        if self.last != '\n' {
            return;
        }
        let levels = self.indent - usize::from(closer && self.indent > 0);
        self.write(&"  ".repeat(levels));
    }

    fn is_closer(&self, t: T) -> bool {
        matches!(
            self.lexed.tokens[t].kind,
            Kind::Punct(b'}' | b']' | b')' | b'>')
        )
    }

    fn token(&mut self, t: T) {
        let mut text = self.lexed.raw(t);
        if let Kind::Punct(c) = self.lexed.tokens[t].kind {
            match c {
                b'{' | b'[' | b'(' | b'<' => self.pending_indent += 1,
                b'}' | b']' | b')' | b'>' => self.pending_indent -= 1,
                _ => {}
            }
            if self.angle[t] {
                text = if c == b'<' { "{" } else { "}" };
            }
        }
        self.write(text);
    }

    fn leading(&self, t: T) -> Comments {
        self.attached_only
            .get(&t)
            .cloned()
            .unwrap_or_else(|| self.lexed.tokens[t].leading.clone())
    }

    fn trailing(&self, t: T) -> Comments {
        self.moved
            .get(&t)
            .cloned()
            .unwrap_or_else(|| self.lexed.tokens[t].trailing.clone())
    }

    fn previous_is_open_brace(&self) -> bool {
        matches!(self.previous, Some(Previous::Token(t))
            if matches!(self.lexed.tokens[t].kind, Kind::Punct(b'{' | b'[' | b'<')))
    }

    fn gap_newlines(&self, t: T) -> u32 {
        self.lexed.tokens[t].gap.newlines
    }

    // ----- comments -----

    /// Comments on lines of their own; a blank line kept before each that
    /// had one, but before the first only when `compact` is false.
    fn multiline_comments(&mut self, comments: Comments, compact: bool) {
        let mut compact = compact;
        for c in comments {
            if !compact && self.lexed.comments[c].gap.newlines > 1 {
                self.line("");
            }
            compact = false;
            self.comment(c, false);
            self.write("\n");
        }
    }

    /// The leading comments of a line's first token `t`, then its
    /// indentation. Before a closing bracket, the comments not attached to
    /// it (a blank line after them) close up under the line above, no
    /// blank lines between them; the group attached to it keeps the
    /// blank line before it.
    fn comments_above(&mut self, t: T) {
        let leading = self.leading(t);
        if self.is_closer(t) {
            let attached = self.lexed.attached_to_closer(t);
            for c in leading.start..attached {
                self.comment(c, false);
                self.write("\n");
            }
            let compact = attached == leading.start && self.previous_is_open_brace();
            self.multiline_comments(attached..leading.end, compact);
        } else {
            let compact = self.previous_is_open_brace();
            self.multiline_comments(leading, compact);
        }
        self.indentation(self.is_closer(t));
    }

    /// The trailing comments of `t`, inside a line.
    fn trailing_inline(&mut self, t: T) {
        let trailing = self.trailing(t);
        if !trailing.is_empty() {
            self.inline_comments(trailing, Some(t));
        }
    }

    fn dot_at(&self, t: T) -> bool {
        self.lexed
            .tokens
            .get(t)
            .is_some_and(|token| token.kind == Kind::Punct(b'.'))
    }

    /// Comments inside a line (`owner`: the token they trail, if any). A
    /// `//` comment after anything but a name (an identifier no keyword)
    /// ends the line, the rest following on the next at the same
    /// indentation, but inside compact options written on one line
    /// (`] // c` ⏎ `;` is `] /* c */;` for buf); other `//` comments
    /// become `/* */` (a `*/` in them `* /`). A block comment keeps its
    /// lines.
    fn inline_comments(&mut self, comments: Comments, owner: Option<T>) {
        let ends_line = !self.one_line_options
            && owner.is_some_and(|t| {
                (self.lexed.tokens[t].kind != Kind::Ident || self.keyword[t])
                    && !self.no_line_end[t]
            });
        for (i, c) in comments.enumerate() {
            let spaced = i > 0
                || !self.lexed.comments[c].gap.empty
                || self.last == ';'
                || self.last == '}'
                // Trailing comments, however written, as buf sets them
                // (`name/* c */` ending the line, `e/* x` ⏎ ` */ a`), but
                // inside a dotted name (`./* x` ⏎ ` */b`, `b/* x` ⏎ ` */.c`).
                || owner.is_some_and(|t| !self.dot_at(t) && !self.dot_at(t + 1));
            if spaced {
                self.space();
            }
            let text = self.lexed.comment_text(c);
            match text.strip_prefix("//") {
                Some(_) if ends_line => {
                    self.write(text.trim_end());
                    self.write("\n");
                    self.indentation(false);
                }
                Some(body) => {
                    // Set apart as buf sets it; the text after `//` kept as
                    // it starts (`//// x` is `/*// x */`); a `*/` inside
                    // would end the block early, buf writes `* /`; an empty
                    // one is `/* */`.
                    if !spaced {
                        self.space();
                    }
                    let body = body.trim_end().replace("*/", "* /");
                    if body.is_empty() {
                        self.write("/* */");
                    } else {
                        self.write(&format!("/*{body} */"));
                    }
                }
                None => self.comment(c, true),
            }
        }
    }

    /// Comments at the end of a line, as written; the line ends after them.
    fn trailing_end_comments(&mut self, comments: Comments) {
        for (i, c) in comments.enumerate() {
            if i > 0 || !self.lexed.comments[c].gap.empty {
                self.space();
            }
            self.comment(c, false);
        }
        self.line("");
    }

    /// One comment; a multi-line block comment is re-indented: its lines
    /// keep their indentation relative to the least indented one, or, when
    /// every line starts with the same punctuation (`*`), line up under
    /// the opening `/*`.
    fn comment(&mut self, c: usize, inline: bool) {
        let text = self.lexed.comment_text(c);
        if !(text.starts_with("/*") && text.contains('\n')) {
            self.indentation(false);
            self.write(text.trim());
            return;
        }
        let lines: Vec<&str> = text.split('\n').collect();
        let mut min_indent: Option<usize> = None;
        let mut prefix: Option<char> = None;
        for (i, line) in lines.iter().enumerate().skip(1) {
            if let Some(width) = indent_width(line) {
                min_indent = Some(min_indent.map_or(width, |m| m.min(width)));
            }
            if i > 1 && prefix.is_none() {
                continue;
            }
            let trimmed = line.trim();
            if trimmed == "*/" {
                continue;
            }
            let line_prefix = trimmed
                .chars()
                .next()
                .filter(|c| c.is_ascii() && !c.is_alphanumeric());
            if i == 1 {
                prefix = line_prefix;
            } else if line_prefix != prefix {
                prefix = None;
            }
        }
        let min_indent = min_indent.unwrap_or(0);
        for (i, raw) in lines.iter().enumerate() {
            let trimmed = raw.trim();
            let mut line = if trimmed.is_empty() || trimmed == "*/" || prefix.is_some() {
                trimmed.to_string()
            } else {
                unindent(raw, min_indent).trim_end().to_string()
            };
            if i > 0 && line != "*/" {
                line.insert_str(0, if prefix.is_none() { "   " } else { " " });
            }
            if line == "*/" && prefix == Some('*') {
                line.insert(0, ' ');
            }
            if i + 1 < lines.len() && inline {
                // Mid-line: brackets opened before it indent later lines only.
                if !line.is_empty() {
                    self.indentation(false);
                    self.write(&line);
                }
                self.write("\n");
            } else if i + 1 < lines.len() {
                if line.trim().is_empty() {
                    // The comment's own blank lines, however many: `line`
                    // would fold them as blank lines between statements.
                    self.write("\n");
                } else {
                    self.line(&line);
                }
            } else {
                self.indentation(false);
                self.write(&line);
            }
        }
    }

    // ----- tokens in their places -----

    /// A token that begins a line: its leading comments above it, blank
    /// lines kept (one at most), its trailing comments inline after it.
    fn start(&mut self, t: T) {
        self.start_compact(t, false);
    }

    fn start_compact(&mut self, t: T, force_compact: bool) {
        let newlines = self.gap_newlines(t);
        let compact = force_compact || self.previous_is_open_brace();
        let leading = self.leading(t);
        if !leading.is_empty() {
            let compact = force_compact || self.previous_is_open_brace();
            self.multiline_comments(leading, compact);
            if !force_compact && newlines > 1 {
                self.line("");
            }
        } else if !compact && newlines > 1 {
            self.line("");
        }
        self.indentation(self.is_closer(t));
        self.token(t);
        self.trailing_inline(t);
        self.previous = Some(Previous::Token(t));
    }

    /// Leading comments inline, then a space if whitespace preceded the token.
    fn inline_leading(&mut self, t: T) {
        let leading = self.leading(t);
        if !leading.is_empty() {
            // A space due before the token is due after its comments too
            // (`= /* c */ 1`, `returns /* c */ (`), as buf writes it.
            let spaced = self.pending_space;
            let comments_end = self.lexed.comments[leading.end - 1].end;
            let kind = self.lexed.tokens[t].kind;
            // Comments before a closing bracket or a separator are set
            // apart from the token before them (`true /* c */]`), as buf
            // sets them.
            if matches!(kind, Kind::Punct(b')' | b']' | b'>' | b',' | b';')) && !self.angle[t] {
                self.space();
            }
            self.inline_comments(leading, None);
            // A word after a comment is always set apart, as buf sets it
            // (a comment moved up to the line before would be spaced).
            // A body's `{` too (`message R /* c */ {}`).
            let word = !matches!(kind, Kind::Punct(_)) || kind == Kind::Punct(b'{');
            let blank_before = !self.lexed.tokens[t].gap.empty;
            if kind == Kind::Punct(b'.') {
                // A `.` of a name only when due or after blanks other than
                // line breaks (`/* c */` ⏎ `  .n`), as buf writes it.
                let gap = &self.lexed.text[comments_end..self.lexed.tokens[t].start];
                if spaced || gap.contains([' ', '\t', '\r', '\x0b', '\x0c']) {
                    self.space();
                }
            } else if spaced || word || blank_before {
                self.space();
            }
        }
    }

    /// A token inside a line, its comments inline.
    fn inline(&mut self, t: T) {
        self.inline = true;
        if self.leading(t).is_empty() {
            // After a block comment that trailed the token before (`. /* x
            // */ b`), set apart as buf does: when blanks, not a line
            // break, stood before it. A word always after one-line comments,
            // which lead it once read again on its line (`( /* c */` ⏎ `M`).
            let token = &self.lexed.tokens[t];
            let blanks_only = !token.gap.empty && token.gap.newlines == 0;
            let word_joined = !matches!(token.kind, Kind::Punct(_))
                && t > 0
                && self
                    .trailing(t - 1)
                    .all(|c| !self.lexed.comment_text(c).contains('\n'));
            if self.out.ends_with("*/") && (blanks_only || word_joined) {
                self.space();
            }
        } else {
            self.inline_leading(t);
        }
        self.token(t);
        self.trailing_inline(t);
        self.previous = Some(Previous::Token(t));
        self.inline = false;
    }

    fn inline_name(&mut self, name: &[T]) {
        for &t in name {
            self.inline(t);
        }
    }

    /// A token that ends a line (`;`): trailing comments as written.
    fn line_end(&mut self, t: T) {
        self.inline_leading(t);
        self.token(t);
        self.space();
        let trailing = self.trailing(t);
        self.trailing_end_comments(trailing);
        self.previous = Some(Previous::Token(t));
    }

    /// A closing brace (or a line of its own): leading comments above it,
    /// or inline when the body is empty; the line ends after it.
    fn body_end(&mut self, t: T, empty_body: bool) {
        self.closer(t, empty_body);
        let trailing = self.trailing(t);
        self.trailing_end_comments(trailing);
    }

    /// A closing `]` or `}` that the line goes on after (`];`).
    fn body_end_inline(&mut self, t: T, empty_body: bool) {
        self.closer(t, empty_body);
        self.trailing_inline(t);
    }

    fn closer(&mut self, t: T, empty_body: bool) {
        if empty_body {
            self.inline_leading(t);
        } else {
            self.comments_above(t);
        }
        self.token(t);
        self.previous = Some(Previous::Token(t));
    }

    fn open_brace(&mut self, t: T) {
        self.inline_leading(t);
        self.token(t);
        let trailing = self.trailing(t);
        if trailing.is_empty() {
            self.line("");
        } else {
            self.trailing_end_comments(trailing);
        }
        self.previous = Some(Previous::Token(t));
    }

    /// The `{` of a message literal inside an array: comments above it.
    fn open_brace_in_array(&mut self, t: T) {
        let leading = self.leading(t);
        let compact = self.previous_is_open_brace();
        self.multiline_comments(leading, compact);
        self.indentation(false);
        self.token(t);
        let trailing = self.trailing(t);
        if trailing.is_empty() {
            self.line("");
        } else {
            self.trailing_end_comments(trailing);
        }
        self.previous = Some(Previous::Token(t));
    }

    /// Whether comments sit between `first` and `last` (the spans given by
    /// their first and last tokens): leading ones of all but the first,
    /// trailing ones of all but the last.
    fn interior_comments(&self, spans: &[(T, T)]) -> bool {
        spans.iter().enumerate().any(|(i, &(first, last))| {
            (i > 0 && !self.leading(first).is_empty())
                || (i + 1 < spans.len() && !self.trailing(last).is_empty())
        })
    }

    // ----- the file -----

    fn file(&mut self, file: &File) {
        self.header(file);
        // buf sets the declarations apart from a header of `syntax` (or
        // `edition`) alone, whatever stood between them; after a package,
        // imports or options, by the blank lines of the source only.
        let syntax_only = !file.decls.iter().any(|d| {
            matches!(
                d,
                Decl::Package { .. } | Decl::Import { .. } | Decl::Option(_)
            )
        });
        let mut declared = false;
        for decl in &file.decls {
            // A lone `;` without comments is no first declaration for buf
            // (it prints at most the blank line that stood before it).
            let silent = matches!(decl, Decl::Empty(semicolon)
                if self.leading(*semicolon).is_empty() && self.trailing(*semicolon).is_empty());
            let first = !declared && !silent;
            declared |= !silent;
            if matches!(
                decl,
                Decl::Package { .. } | Decl::Import { .. } | Decl::Option(_)
            ) {
                continue;
            }
            if first && syntax_only && self.previous.is_some() {
                self.line("");
            }
            self.decl(decl);
        }
        let leading = self.leading(file.eof);
        let compact = self.previous_is_open_brace();
        self.multiline_comments(leading, compact);
        if self.last != '\0' && self.last != '\n' {
            self.line("");
        }
        // A lone `;` last in the file leaves the blank line that stood
        // before it; a file ends with one newline.
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
    }

    fn blank_line_before(&self, t: T) -> bool {
        self.leading(t)
            .any(|c| self.lexed.comments[c].gap.newlines > 1)
            || self.gap_newlines(t) > 1
    }

    fn header(&mut self, file: &File) {
        let mut package = None;
        let mut imports = Vec::new();
        let mut options = Vec::new();
        for decl in &file.decls {
            match decl {
                Decl::Package { .. } => package = Some(decl),
                Decl::Import { .. } => imports.push(decl),
                Decl::Option(option) => options.push(option),
                _ => {}
            }
        }
        if let Some(statement) = &file.header {
            self.start(statement.keyword);
            self.space();
            self.inline(statement.equals);
            self.space();
            self.value_inline(&statement.value);
            self.line_end(statement.semicolon);
        }
        if let Some(Decl::Package {
            keyword,
            name,
            semicolon,
        }) = package
        {
            self.start(*keyword);
            self.space();
            self.inline_name(name);
            self.line_end(*semicolon);
        }
        // By path, `import option` ones last; one path's in input order.
        let mut keyed: Vec<_> = imports
            .into_iter()
            .map(|decl| {
                let Decl::Import { modifier, path, .. } = decl else {
                    unreachable!("only imports were collected")
                };
                let option = modifier.is_some_and(|m| self.lexed.raw(m) == "option");
                ((option, unquote(self.lexed.raw(*path))), decl)
            })
            .collect();
        // Detached comments of imports and options alike go before the imports.
        let statements = file
            .decls
            .iter()
            .filter(|d| matches!(d, Decl::Import { .. } | Decl::Option(_)));
        let hoisted = self.hoist_detached(statements.map(first_token));
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        let imports_written = keyed.len();
        for (i, (_, decl)) in keyed.iter().enumerate() {
            let Decl::Import {
                keyword,
                modifier,
                path,
                semicolon,
            } = decl
            else {
                continue;
            };
            if i == 0 && !hoisted && self.previous.is_some() && !self.blank_line_before(*keyword) {
                self.line("");
            }
            self.start_compact(*keyword, i > 0 || hoisted);
            self.space();
            if let Some(modifier) = modifier {
                self.inline(*modifier);
                self.space();
            }
            self.inline(*path);
            self.line_end(*semicolon);
        }
        // Standard options first, then custom ones, each by name.
        let mut keyed: Vec<_> = options
            .into_iter()
            .map(|option| {
                let name = self.option_name_text(&option.name);
                ((name.starts_with('('), name), option)
            })
            .collect();
        let hoisted = hoisted && imports_written == 0;
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        for (i, (_, option)) in keyed.iter().enumerate() {
            let Some(keyword) = option.keyword else {
                continue;
            };
            self.no_line_end_after_option(option);
            if i == 0 && !hoisted && self.previous.is_some() && !self.blank_line_before(keyword) {
                self.line("");
            }
            self.start_compact(keyword, i > 0 || hoisted);
            self.space();
            self.option_name(&option.name);
            self.space();
            self.inline(option.equals);
            if let Value::Strings(strings) = &option.value {
                self.strings(strings, true, true);
            } else {
                self.space();
                self.value_inline(&option.value);
            }
            if let Some(semicolon) = option.semicolon {
                self.line_end(semicolon);
            }
        }
    }

    /// Sorting moves statements, not the comments set apart from them by
    /// a blank line: those are written first, in source order, followed by
    /// a blank line; each statement keeps only the comments attached to
    /// it. `firsts` are the statements' first tokens, in source order.
    /// Whether any comment was written.
    fn hoist_detached(&mut self, firsts: impl Iterator<Item = T>) -> bool {
        let mut detached = Vec::new();
        for t in firsts {
            let leading = self.leading(t);
            let gap_after = |c: usize| {
                if c + 1 < leading.end {
                    self.lexed.comments[c + 1].gap.newlines
                } else {
                    self.gap_newlines(t)
                }
            };
            let split = leading
                .clone()
                .rev()
                .find(|&c| gap_after(c) > 1)
                .map_or(leading.start, |c| c + 1);
            if split > leading.start {
                detached.push(leading.start..split);
                self.attached_only.insert(t, split..leading.end);
            }
        }
        if detached.is_empty() {
            return false;
        }
        let first = detached[0].start;
        if self.previous.is_some() && self.lexed.comments[first].gap.newlines <= 1 {
            self.line("");
        }
        for (i, comments) in detached.into_iter().enumerate() {
            let compact = i == 0 && self.previous.is_none();
            self.multiline_comments(comments, compact);
        }
        self.line("");
        true
    }

    fn option_name_text(&self, name: &OptionName) -> String {
        let parts: Vec<String> = name
            .parts
            .iter()
            .map(|part| {
                let text: String = part.name.iter().map(|&t| self.lexed.raw(t)).collect();
                if part.open.is_some() {
                    format!("({text})")
                } else {
                    text
                }
            })
            .collect();
        parts.join(".")
    }

    // ----- declarations -----

    fn decl(&mut self, decl: &Decl) {
        match decl {
            Decl::Option(option) => self.option(option),
            Decl::Block {
                visibility,
                keyword,
                name,
                body,
            } => {
                match visibility {
                    Some(visibility) => {
                        self.start(*visibility);
                        self.space();
                        self.inline(*keyword);
                    }
                    None => self.start(*keyword),
                }
                self.space();
                self.inline_name(name);
                self.space();
                self.type_body(body);
            }
            Decl::Field(field) => {
                let kind_rest = match field.label {
                    Some(label) => {
                        self.start(label);
                        self.space();
                        &field.kind[..]
                    }
                    None => {
                        self.start(field.kind[0]);
                        &field.kind[1..]
                    }
                };
                self.inline_name(kind_rest);
                self.field_tail(field.name, field.equals, field.tag, field.options.as_ref());
                self.line_end(field.semicolon);
            }
            Decl::Map(map) => {
                self.start(map.keyword);
                self.inline(map.open);
                self.inline(map.key);
                self.inline(map.comma);
                self.space();
                self.inline_name(&map.value);
                self.inline(map.close);
                self.field_tail(map.name, map.equals, map.tag, map.options.as_ref());
                self.line_end(map.semicolon);
            }
            Decl::Group(group) => {
                match group.label {
                    Some(label) => {
                        self.start(label);
                        self.space();
                        self.inline(group.keyword);
                    }
                    None => self.start(group.keyword),
                }
                self.field_tail(group.name, group.equals, group.tag, group.options.as_ref());
                self.space();
                self.type_body(&group.body);
            }
            Decl::EnumValue(value) => {
                self.start(value.name);
                self.space();
                self.inline(value.equals);
                self.space();
                self.value_inline(&value.number);
                if let Some(options) = &value.options {
                    self.space();
                    self.compact_options(options);
                }
                self.line_end(value.semicolon);
            }
            Decl::Extensions {
                keyword,
                ranges,
                commas,
                options,
                semicolon,
            } => {
                self.start(*keyword);
                self.space();
                for (i, range) in ranges.iter().enumerate() {
                    if i > 0 {
                        self.inline(commas[i - 1]);
                        self.space();
                    }
                    self.range(range);
                }
                if let Some(options) = options {
                    self.space();
                    self.compact_options(options);
                }
                self.line_end(*semicolon);
            }
            Decl::Reserved {
                keyword,
                items,
                commas,
                semicolon,
            } => {
                self.start(*keyword);
                self.space();
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.inline(commas[i - 1]);
                        self.space();
                    }
                    match item {
                        Reserved::Range(range) => self.range(range),
                        Reserved::Name(t) => self.inline(*t),
                    }
                }
                self.line_end(*semicolon);
            }
            Decl::Rpc(rpc) => {
                self.start(rpc.keyword);
                self.space();
                self.inline(rpc.name);
                self.rpc_type(&rpc.input);
                self.space();
                self.inline(rpc.returns);
                self.space();
                self.rpc_type(&rpc.output);
                match &rpc.body {
                    Err(semicolon) => self.line_end(*semicolon),
                    Ok(body) => {
                        self.space();
                        self.type_body(body);
                    }
                }
            }
            Decl::Empty(semicolon) => self.empty_decl(*semicolon),
            Decl::Package { .. } | Decl::Import { .. } => {}
        }
    }

    /// A lone `;` is dropped; at the top level its comments stay, each on
    /// its own line, with the blank lines before it and them. (Inside a
    /// body they went to the next token, with its blank lines.)
    fn empty_decl(&mut self, semicolon: T) {
        self.multiline_comments(self.leading(semicolon), false);
        if self.gap_newlines(semicolon) > 1 {
            self.line("");
        }
        for c in self.trailing(semicolon) {
            self.comment(c, false);
            self.write("\n");
        }
    }

    /// ` name = tag [options]` of fields, map fields and groups.
    fn field_tail(&mut self, name: T, equals: T, tag: T, options: Option<&CompactOptions>) {
        self.space();
        self.inline(name);
        self.space();
        self.inline(equals);
        self.space();
        self.inline(tag);
        if let Some(options) = options {
            self.space();
            self.compact_options(options);
        }
    }

    fn rpc_type(&mut self, rpc_type: &RpcType) {
        self.inline(rpc_type.open);
        if let Some(stream) = rpc_type.stream {
            self.inline(stream);
            self.space();
        }
        self.inline_name(&rpc_type.kind);
        self.inline(rpc_type.close);
    }

    fn range(&mut self, range: &Range) {
        self.value_inline(&range.start);
        if let Some(to) = range.to {
            self.space();
            self.inline(to);
        }
        if let Some(end) = &range.end {
            self.space();
            self.value_inline(end);
        }
    }

    /// `{ ... }` of a message, enum, service, oneof, extend, group or rpc.
    fn type_body(&mut self, body: &Body) {
        // Lone `;`s are dropped (their comments are the `}`'s now), so a
        // body of nothing else is empty too, as buf formats it.
        let empty = body.decls.iter().all(|d| matches!(d, Decl::Empty(_)))
            && !self.interior_comments(&[(body.open, body.open), (body.close, body.close)]);
        if empty {
            self.inline(body.open);
            self.body_end(body.close, true);
            return;
        }
        self.open_brace(body.open);
        for decl in &body.decls {
            self.decl(decl);
        }
        self.body_end(body.close, false);
    }

    // ----- options -----

    /// An option statement, or (no semicolon) one option inside `[...]`.
    fn option(&mut self, option: &OptionDecl) {
        // In an `option` statement no `//` comment after the name or the
        // value ends the line (`option (a) = 1 // c` ⏎ `;` is `1 /* c */;`
        // for buf).
        if option.keyword.is_some() {
            self.no_line_end_after_option(option);
        }
        self.option_prefix(option);
        match (&option.value, option.semicolon) {
            (Value::Strings(strings), Some(semicolon)) => {
                self.strings(strings, true, true);
                self.line_end(semicolon);
            }
            (value, Some(semicolon)) => {
                self.value_inline(value);
                self.line_end(semicolon);
            }
            (Value::Strings(strings), None) => self.strings(strings, true, true),
            (value, None) => self.value_inline(value),
        }
    }

    fn no_line_end_after_option(&mut self, option: &OptionDecl) {
        self.no_line_end[Self::option_name_span(&option.name).1] = true;
        self.no_line_end[Self::value_span(&option.value).1] = true;
    }

    /// `option name = ` or, inside `[...]`, `name = `.
    fn option_prefix(&mut self, option: &OptionDecl) {
        match option.keyword {
            Some(keyword) => {
                self.start(keyword);
                self.space();
                self.option_name(&option.name);
            }
            None => self.start_option_name(&option.name),
        }
        self.space();
        self.inline(option.equals);
        self.space();
    }

    fn option_name_span(name: &OptionName) -> (T, T) {
        let first = name.parts[0].open.unwrap_or(name.parts[0].name[0]);
        let last = name.parts.last().map_or(first, |p| {
            p.close.unwrap_or(*p.name.last().unwrap_or(&first))
        });
        (first, last)
    }

    /// An option name that begins a line inside `[...]`: comments as
    /// [`Self::start`] writes them, for the name as a whole.
    fn start_option_name(&mut self, name: &OptionName) {
        let (first, last) = Self::option_name_span(name);
        let newlines = self.gap_newlines(first);
        let compact = self.previous_is_open_brace();
        let leading = self.leading(first);
        if !leading.is_empty() {
            self.multiline_comments(leading, compact);
            if newlines > 1 {
                self.line("");
            }
        } else if !compact && newlines > 1 {
            self.line("");
        }
        self.indentation(false);
        self.option_name(name);
        self.trailing_inline(last);
        self.previous = Some(Previous::Composite);
    }

    fn option_name(&mut self, name: &OptionName) {
        for (i, part) in name.parts.iter().enumerate() {
            if self.in_compact_options && i == 0 {
                // Its leading comments are written already.
                match part.open {
                    Some(open) => {
                        self.token(open);
                        self.trailing_inline(open);
                        self.inline_name(&part.name);
                    }
                    None => {
                        self.token(part.name[0]);
                        self.trailing_inline(part.name[0]);
                    }
                }
                if let Some(close) = part.close {
                    self.inline(close);
                }
                continue;
            }
            if i > 0 {
                self.inline(name.dots[i - 1]);
            }
            if let Some(open) = part.open {
                self.inline(open);
            }
            self.inline_name(&part.name);
            if let Some(close) = part.close {
                self.inline(close);
            }
        }
    }

    fn compact_options(&mut self, options: &CompactOptions) {
        self.in_compact_options = true;
        let single = match &options.options[..] {
            [only] => Some(only),
            _ => None,
        };
        if let Some(only) = single {
            let name = Self::option_name_span(&only.name);
            if !self.interior_comments(&[(options.open, options.open), name]) {
                self.one_line_options = true;
                self.inline(options.open);
                self.inline = true;
                self.option_name(&only.name);
                self.inline = false;
                self.space();
                self.inline(only.equals);
                if let Value::Strings(strings) = &only.value {
                    self.strings(strings, false, true);
                } else {
                    self.space();
                    self.value_inline(&only.value);
                }
                self.inline(options.close);
                self.one_line_options = false;
                self.in_compact_options = false;
                return;
            }
        }
        self.open_brace(options.open);
        let count = options.options.len();
        for (i, option) in options.options.iter().enumerate() {
            if i + 1 == count {
                self.option_prefix(option);
                self.value_line_end(&option.value);
            } else {
                self.option(option);
                self.line_end(options.commas[i]);
            }
        }
        self.body_end_inline(options.close, false);
        self.in_compact_options = false;
    }

    // ----- values -----

    fn value_span(value: &Value) -> (T, T) {
        match value {
            Value::Scalar(tokens) | Value::Strings(tokens) => (tokens[0], tokens[tokens.len() - 1]),
            Value::Signed { sign, value } => (*sign, *value),
            Value::Message(literal) => (literal.open, literal.close),
            Value::Array(array) => (array.open, array.close),
        }
    }

    fn value_inline(&mut self, value: &Value) {
        match value {
            Value::Scalar(tokens) => self.inline_name(tokens),
            _ => {
                self.inline = true;
                self.value_node(value);
                self.inline = false;
            }
        }
    }

    fn value_line_end(&mut self, value: &Value) {
        match value {
            Value::Scalar(tokens) if tokens.len() == 1 => self.line_end(tokens[0]),
            _ => {
                self.value_node(value);
                if self.last != '\n' {
                    self.line("");
                }
            }
        }
    }

    fn value_node(&mut self, value: &Value) {
        match value {
            Value::Scalar(tokens) => {
                if let [only] = tokens[..] {
                    self.token(only);
                } else {
                    self.inline_name(tokens);
                }
            }
            Value::Signed { sign, value } => {
                self.inline(*sign);
                self.inline(*value);
            }
            Value::Strings(strings) => self.strings(strings, true, false),
            Value::Message(literal) => self.message_literal(literal, None),
            Value::Array(array) => self.array_literal(array),
        }
    }

    /// Adjacent strings, one per line below the line they belong to.
    fn strings(&mut self, strings: &[T], indented: bool, punctuation_follows: bool) {
        self.line("");
        if indented {
            self.indent += 1;
        }
        for (i, &t) in strings.iter().enumerate() {
            if punctuation_follows && i + 1 == strings.len() {
                self.start(t);
                break;
            }
            self.body_end(t, false);
        }
        if indented {
            self.indent = self.indent.saturating_sub(1);
        }
    }

    /// A message literal; `in_array` says whether it is the last element
    /// of an array (`Some(true)`), another element, or no element.
    fn message_literal(&mut self, literal: &MessageLiteral, in_array: Option<bool>) {
        if self.compact_message_literal(literal, in_array.is_some()) {
            return;
        }
        let empty = literal.fields.is_empty();
        let spans = [(literal.open, literal.open), (literal.close, literal.close)];
        if empty && !self.interior_comments(&spans) {
            self.inline(literal.open);
            match in_array {
                Some(true) => self.body_end(literal.close, true),
                _ => self.body_end_inline(literal.close, true),
            }
            return;
        }
        match in_array {
            Some(_) => self.open_brace_in_array(literal.open),
            None => self.open_brace(literal.open),
        }
        for field in &literal.fields {
            self.move_separator_comments(field);
            self.literal_field(field);
        }
        match in_array {
            Some(true) => self.body_end(literal.close, false),
            _ => self.body_end_inline(literal.close, false),
        }
    }

    /// The separator after a literal field is dropped; its trailing
    /// comments go to the value when that is one token without any.
    fn move_separator_comments(&mut self, field: &LiteralField) {
        let Some(separator) = field.separator else {
            return;
        };
        let comments = self.trailing(separator);
        if let Value::Scalar(tokens) = &field.value
            && let [value] = tokens[..]
            && !comments.is_empty()
            && self.trailing(value).is_empty()
        {
            self.moved.insert(value, comments);
        }
    }

    /// `{name: value}` on one line: one scalar field, no comments inside.
    fn compact_message_literal(&mut self, literal: &MessageLiteral, in_array: bool) -> bool {
        let [field] = &literal.fields[..] else {
            return false;
        };
        if matches!(field.value, Value::Message(_) | Value::Array(_))
            || (literal.open..=literal.close).any(|t| {
                (t > literal.open && !self.leading(t).is_empty())
                    || (t < literal.close && !self.trailing(t).is_empty())
            })
        {
            return false;
        }
        if in_array {
            self.indentation(false);
        }
        self.inline(literal.open);
        self.inline = true;
        self.literal_name(&field.name);
        self.inline = false;
        match field.colon {
            Some(colon) => self.inline(colon),
            None => self.write(":"),
        }
        self.space();
        self.move_separator_comments(field);
        self.value_inline(&field.value);
        self.inline(literal.close);
        true
    }

    fn literal_name(&mut self, name: &LiteralName) {
        match name {
            LiteralName::Plain(t) => self.inline(*t),
            LiteralName::Bracketed {
                open,
                prefix,
                name,
                close,
            } => {
                self.inline(*open);
                if let Some((prefix, slash)) = prefix {
                    self.inline_name(prefix);
                    self.inline(*slash);
                }
                self.inline_name(name);
                self.inline(*close);
            }
        }
    }

    fn literal_field(&mut self, field: &LiteralField) {
        match &field.name {
            LiteralName::Plain(t) => self.start(*t),
            LiteralName::Bracketed {
                open,
                prefix,
                name,
                close,
            } => {
                self.start(*open);
                if let Some((prefix, slash)) = prefix {
                    self.inline_name(prefix);
                    self.inline(*slash);
                }
                self.inline_name(name);
                self.inline(*close);
            }
        }
        match field.colon {
            Some(colon) => self.inline(colon),
            None => self.write(":"),
        }
        self.space();
        match &field.value {
            Value::Strings(strings) => self.strings(strings, true, false),
            value => self.value_line_end(value),
        }
    }

    fn array_literal(&mut self, array: &ArrayLiteral) {
        let mut spans = vec![(array.open, array.open)];
        for (i, element) in array.elements.iter().enumerate() {
            spans.push(Self::value_span(element));
            if let Some(&comma) = array.commas.get(i) {
                spans.push((comma, comma));
            }
        }
        spans.push((array.close, array.close));
        if let [only] = &array.elements[..]
            && !matches!(only, Value::Message(_) | Value::Array(_))
            && !self.interior_comments(&spans)
        {
            self.inline(array.open);
            self.value_inline(only);
            self.inline(array.close);
            return;
        }
        if array.elements.is_empty() && !self.interior_comments(&[spans[0], spans[spans.len() - 1]])
        {
            self.inline(array.open);
            self.body_end_inline(array.close, true);
            return;
        }
        self.open_brace(array.open);
        let count = array.elements.len();
        for (i, element) in array.elements.iter().enumerate() {
            let last = i + 1 == count;
            match element {
                Value::Scalar(tokens) if tokens.len() == 1 => {
                    if last {
                        self.body_end(tokens[0], false);
                    } else {
                        self.start(tokens[0]);
                        self.line_end(array.commas[i]);
                    }
                    continue;
                }
                Value::Strings(strings) => {
                    for (j, &t) in strings.iter().enumerate() {
                        if !last && j + 1 == strings.len() {
                            self.start(t);
                            break;
                        }
                        self.body_end(t, false);
                    }
                }
                Value::Signed { sign, value } => {
                    self.start(*sign);
                    if last {
                        self.line_end(*value);
                    } else {
                        self.inline(*value);
                    }
                }
                Value::Message(literal) => self.message_literal(literal, Some(last)),
                Value::Scalar(tokens) => {
                    self.start(tokens[0]);
                    self.inline_name(&tokens[1..]);
                }
                Value::Array(nested) => self.array_literal(nested),
            }
            if !last {
                self.line_end(array.commas[i]);
            }
        }
        self.body_end_inline(array.close, false);
    }
}

fn first_token(decl: &Decl) -> T {
    match decl {
        Decl::Package { keyword, .. } | Decl::Import { keyword, .. } => *keyword,
        Decl::Block {
            visibility,
            keyword,
            ..
        } => visibility.unwrap_or(*keyword),
        Decl::Option(option) => option.keyword.unwrap_or(0),
        Decl::Field(field) => field.label.unwrap_or(field.kind[0]),
        Decl::Map(map) => map.keyword,
        Decl::Group(group) => group.label.unwrap_or(group.keyword),
        Decl::EnumValue(value) => value.name,
        Decl::Extensions { keyword, .. } | Decl::Reserved { keyword, .. } => *keyword,
        Decl::Rpc(rpc) => rpc.keyword,
        Decl::Empty(semicolon) => *semicolon,
    }
}

/// Columns of leading whitespace (tabs to the next multiple of 8), or
/// `None` for a blank line or the closing `*/`.
fn indent_width(line: &str) -> Option<usize> {
    if line.trim() == "*/" {
        return None;
    }
    let mut width = 0;
    for (i, c) in line.char_indices() {
        match c {
            ' ' => width += 1,
            '\t' => width += 8 - width % 8,
            // A line of other blanks (a lone `\r`) is printed empty, so it
            // sets no indentation either.
            _ => return (!line[i..].trim().is_empty()).then_some(width),
        }
    }
    None
}

/// `line` with `columns` of leading whitespace removed (a tab that
/// straddles the cut leaves spaces for its remainder).
fn unindent(line: &str, columns: usize) -> String {
    let mut width = 0;
    for (i, c) in line.char_indices() {
        if width == columns {
            return line[i..].to_string();
        }
        if width > columns {
            return format!("{}{}", " ".repeat(width - columns), &line[i..]);
        }
        match c {
            ' ' => width += 1,
            '\t' => width += 8 - width % 8,
            _ => return line[i..].to_string(),
        }
    }
    String::new()
}

/// The value of a quoted import path, for sorting (escapes decoded the
/// simple way: sorting only needs to be stable and match buf on real paths).
fn unquote(raw: &str) -> String {
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(escaped) = chars.next() {
                out.push(escaped);
            }
        } else {
            out.push(c);
        }
    }
    out
}
