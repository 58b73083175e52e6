//! `opensergo proto format`: `.proto` files in the one style `buf format`
//! writes.
//!
//! [`format`] lexes the text ([`lex`]: tokens, every comment attributed to
//! a token, the whitespace before each), parses it ([`parse`]: a tree of
//! token indexes, nesting limited) and prints the tree ([`print`]).
//! Nothing else reads or writes files: the command layer does.
//!
//! Why a parser of our own: a formatter must give back every comment and
//! every literal exactly as written (`0x1F`, `'single-quoted'`, `1e3`,
//! the comment between `=` and the value), and no crate parses `.proto`
//! that way. `protox-parse` (what `protox` compiles with) builds a
//! `FileDescriptorProto`: comments survive only as protoc's
//! leading/trailing/detached comments of declarations in
//! `SourceCodeInfo`, so comments inside option values, between a field's
//! tokens or before a `}` are gone, and literals are already decoded.
//! The descriptors are what the formatter's output is checked against:
//! the tests compile input and output with protox and compare them.
//!
//! Output is idempotent (`format(format(x)) == format(x)`, a property test
//! over the corpus) and byte-equal to `buf format` 1.75 on the googleapis
//! corpus but for the differences listed in
//! `testdata/proto-format/DIFFERENCES.md`.

mod ast;
mod lex;
mod parse;
mod print;

pub use parse::MAX_DEPTH;

/// Why a file could not be formatted: where, and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset into the text.
    pub offset: usize,
    /// 1-based line and column (columns count characters).
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The nesting limit was hit (a separate code: the file may be valid).
    pub too_deep: bool,
}

impl SyntaxError {
    fn at(text: &str, offset: usize, message: impl Into<String>) -> Self {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            offset,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message: message.into(),
            too_deep: false,
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// The text in `buf format`'s style, or where it does not parse.
pub fn format(text: &str) -> Result<String, SyntaxError> {
    let mut lexed = lex::lex(text)?;
    let file = parse::parse(&lexed)?;
    lexed.drop_lone_semicolons(&file.lone_semicolons_in_bodies);
    Ok(print::print(&lexed, &file))
}

crate::define_codes! {
    PROTO_FORMAT_CODES:
    SYNTAX_ERROR = "OS9801" "proto-format-syntax-error" Error "A .proto file cannot be formatted: it does not parse."
        r#"## What it does
`opensergo proto format` reports a `.proto` file it cannot read as protobuf source: an unterminated string or comment, a character that is not allowed, a declaration that is not finished. The position is the first token that does not fit.

## Why is this bad
The file does not compile either, and a formatter that guessed would rewrite it into something else. The file is left as it is.

## Example
```proto
message Route {
  string host = 1
}
```

## How to fix
Fix the file at the reported line and column (here: the missing `;`), then format again."#;
    TOO_DEEP = "OS9802" "proto-format-too-deep" Error "A .proto file nests deeper than the formatter's limit."
        r#"## What it does
Reports a file whose messages, option values or lists nest more than 64 levels deep. The formatter stops there instead of running out of stack.

## Why is this bad
No real schema nests this deep; such input is generated or hostile. The file is left as it is.

## Example
A file made of `message A { message A { message A { ...` a hundred levels down.

## How to fix
Flatten the nesting (define the inner messages at top level and refer to them by name)."#;
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn formats_a_small_file() {
        let input = "syntax=\"proto3\";package a;import \"b.proto\";import \"a.proto\";\nmessage M{int32 x=1;// x\n}\n";
        let expected = "syntax = \"proto3\";\npackage a;\n\nimport \"a.proto\";\nimport \"b.proto\";\nmessage M {\n  int32 x = 1; // x\n}\n";
        assert_eq!(format(input).unwrap(), expected);
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(format("").unwrap(), "");
        assert_eq!(format("// only\n").unwrap(), "// only\n");
    }

    #[test]
    fn bodies_of_lone_semicolons_are_empty() {
        // Found by the proto_format fuzz target: `{\n}` then formatted to `{}`.
        let once =
            format("message A {\n ;\n}\nmessage B { ; ; }\nmessage C {\n  ; // c\n}\n").unwrap();
        assert_eq!(once, "message A {}\nmessage B {}\nmessage C {\n  // c\n}\n");
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn a_lone_semicolon_last_leaves_no_blank_line() {
        // Found by the proto_format fuzz target: `//in.\n\n` then `//in.\n`.
        for input in [
            "//in.\n\n;",
            "syntax = \"proto3\";\n//in.\n\n;\n",
            "message A {}\n\n;\n",
        ] {
            let once = format(input).unwrap();
            assert!(!once.ends_with("\n\n"), "{once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
        assert_eq!(format("//in.\n\n;").unwrap(), "//in.\n");
    }

    #[test]
    fn a_lone_semicolon_is_no_first_declaration() {
        // Found by the proto_format fuzz target: a `;` between syntax and
        // package added a blank line before the message on the first pass
        // only. The expected texts are what buf format 1.75 writes.
        for (input, want) in [
            (
                "syntax = \"proto3\";\n;\n\npackage a.v1;\n\n\n\nmessage T {\n}\n",
                "syntax = \"proto3\";\n\npackage a.v1;\n\nmessage T {}\n",
            ),
            (
                "syntax = \"proto3\";\n;\npackage a.v1;\n\n\nmessage T {\n}\n",
                "syntax = \"proto3\";\npackage a.v1;\n\nmessage T {}\n",
            ),
            (
                "syntax = \"proto3\";\n\n;\nmessage T {\n}\n",
                "syntax = \"proto3\";\n\nmessage T {}\n",
            ),
            (
                "syntax = \"proto3\";\n\n;\n\n;\nmessage T {\n}\n",
                "syntax = \"proto3\";\n\nmessage T {}\n",
            ),
            (
                "message A {}\n\n;\nmessage B {}\n",
                "message A {}\n\nmessage B {}\n",
            ),
            (
                "message A {}\n\n;\n\n// x\n;\nmessage B {}\n",
                "message A {}\n\n// x\nmessage B {}\n",
            ),
        ] {
            let once = format(input).unwrap();
            assert_eq!(once, want, "{input:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn only_a_header_of_syntax_alone_is_set_apart_from_the_declarations() {
        // buf writes a blank line after `syntax` when nothing else is in
        // the header, comments with blank lines before the first
        // declaration or not; after a package, imports or options it keeps
        // only the source's blank lines, wherever the declarations stood.
        for (input, want) in [
            (
                "syntax = \"proto3\";\n// c\n\nmessage A {}\n",
                "syntax = \"proto3\";\n\n// c\n\nmessage A {}\n",
            ),
            (
                "syntax = \"proto3\";\n// c\n// d\n\nmessage A {}\n",
                "syntax = \"proto3\";\n\n// c\n// d\n\nmessage A {}\n",
            ),
            (
                "syntax = \"proto3\";\n// c\n;\nmessage A {}\n",
                "syntax = \"proto3\";\n\n// c\nmessage A {}\n",
            ),
            // The comments of a lone `;` before the package.
            (
                "syntax = \"proto3\";\n// c\n;\npackage a;\nmessage A {}\n",
                "syntax = \"proto3\";\npackage a;\n// c\nmessage A {}\n",
            ),
            (
                "syntax = \"proto3\";\n;// c\npackage a;\n",
                "syntax = \"proto3\";\npackage a;\n// c\n",
            ),
            (
                "syntax = \"proto3\";\n// c\n;\nimport \"x.proto\";\n",
                "syntax = \"proto3\";\n\nimport \"x.proto\";\n// c\n",
            ),
            // A type before the package or an import.
            (
                "syntax = \"proto3\";\nmessage B {}\npackage a;\n",
                "syntax = \"proto3\";\npackage a;\nmessage B {}\n",
            ),
            (
                "syntax = \"proto3\";\nmessage A {}\nimport \"x.proto\";\n",
                "syntax = \"proto3\";\n\nimport \"x.proto\";\nmessage A {}\n",
            ),
        ] {
            let once = format(input).unwrap();
            assert_eq!(once, want, "{input:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn a_word_after_a_block_comment_is_set_apart() {
        // Found by the proto_format fuzz target: `*/c` then `*/ c`.
        for input in ["enum\n/*\n*/c{}", "enum /* x */c{}", "enum\n/* x */c{}"] {
            let once = format(input).unwrap();
            assert!(once.contains("*/ c {}"), "{once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
        // And a body's `{` (found next, minimized: `*/{}` then `*/ {}`).
        let once = format("message R\n/*\n*/{}").unwrap();
        assert_eq!(once, "message R /*\n*/ {}\n");
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn a_word_after_a_trailing_block_comment_keeps_its_space() {
        // Found by the proto_format fuzz target: `*/ b` (a comment spanning
        // lines that trails the token before) then `*/b`. buf keeps the
        // source's spacing there.
        for (input, want) in [
            (
                "message A {\n  . /* x\n */ b c = 2;\n}\n",
                "  */ b c = 2;\n",
            ),
            (
                "message A {\n  . /* y */ /* x\n */ b c = 2;\n}\n",
                "  */ b c = 2;\n",
            ),
            ("message A {\n  . /* x\n */b c = 2;\n}\n", "  */b c = 2;\n"),
            // Nor after a line break (found next: `*/ .n` then `*/.n`).
            ("package a.c// x\n.n;\n", "package a.c /* x */.n;\n"),
            ("package a.c /* x\n */ .n;\n", "package a.c /* x\n*/ .n;\n"),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn a_dot_after_a_leading_comment_keeps_the_blanks_before_it() {
        // buf sets a name's `.` apart from the comments leading it where a
        // space is due anyway or blanks other than line breaks stood
        // between them (`/* x */` ⏎ `.n` stays joined, ⏎ `  .n` does not).
        for (input, want) in [
            (
                "message A { repeated /* z */ .a.B r = 4; }",
                "repeated /* z */ .a.B r",
            ),
            (
                "message A { repeated/* z */.a.B r = 4; }",
                "repeated /* z */ .a.B r",
            ),
            ("message A { a /* q */ .B u = 7; }", "a /* q */ .B u"),
            ("message A { a /* q */.B u = 7; }", "a /* q */.B u"),
            (
                "service S { rpc R(/* c */ .a.B) returns (/* d */.a.B); }",
                "R(/* c */ .a.B) returns (/* d */.a.B)",
            ),
            ("package a.c\n/* x */\n.n;\n", "package a.c /* x */.n;"),
            ("package a.c\n/* x */\n  .n;\n", "package a.c /* x */ .n;"),
            ("package a.c\n// x\n\n  .n;\n", "package a.c /* x */ .n;"),
            (
                "package a.c\r\n/* x */\r\n.n;\r\n",
                "package a.c /* x */ .n;",
            ),
            ("package a.c\n/* x\n*/\n  .n;\n", "package a.c /* x\n*/ .n;"),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{input:?}: {once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn a_comment_before_a_closer_or_a_separator_is_set_apart() {
        // buf sets a comment glued to the token before a `]`, `)`, `>`,
        // `,` or `;` apart from that token, whatever stood after it.
        for (input, want) in [
            (
                "message A { int32 x = 1 [deprecated = true/* c */]; }",
                "true /* c */];",
            ),
            (
                "message A { int32 x = 1 [deprecated = true/* c */ ]; }",
                "true /* c */];",
            ),
            (
                "message A { int32 x = 1 [deprecated = true/* c *//* d */]; }",
                "true /* c */ /* d */];",
            ),
            (
                "message A { int32 x = 1 [a = 1, b = 2/* c */, c = 3]; }",
                "  b = 2 /* c */,\n",
            ),
            (
                "message A { int32 x = 1 [a = 1]/* c */; }",
                "[a = 1] /* c */;",
            ),
            ("message A { int32 x = 1/* c */; }", "x = 1 /* c */;"),
            (
                "message A { map<a/* c */, b/* d */> m = 1; }",
                "map<a /* c */, b /* d */> m",
            ),
            (
                "service S { rpc R(Q/* c */) returns (P); }",
                "R(Q /* c */) returns",
            ),
            (
                "message A { option (a/* c */) = 1; }",
                "option (a /* c */) = 1;",
            ),
            ("syntax = \"proto3\"/* c */;", "\"proto3\" /* c */;"),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{input:?}: {once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn line_comments_in_one_line_compact_options_become_block_comments() {
        // buf ends no line inside compact options it writes on one line,
        // their `]` included: `] //` ⏎ `;` is `] /* */;`.
        for (input, want) in [
            (
                "message A { int32 x = 1 [a = 1] //\n; }",
                "  int32 x = 1 [a = 1] /* */;\n",
            ),
            (
                "message A { int32 x = 1 [a = 1]// c\n; }",
                "  int32 x = 1 [a = 1] /* c */;\n",
            ),
            (
                "enum E { A = 0 [a = {b: 1}] // c\n; }",
                "  A = 0 [a = {b: 1}] /* c */;\n",
            ),
            (
                "message A { int32 x = 1 [a = \"s\" // c\n]; }",
                "  int32 x = 1 [a = \"s\" /* c */];\n",
            ),
            (
                "message A { int32 x = 1 [a = // c\n 1]; }",
                "  int32 x = 1 [a = /* c */ 1];\n",
            ),
            (
                "message A { int32 x = 1 [(a) // c\n = 1]; }",
                "  int32 x = 1 [(a) /* c */ = 1];\n",
            ),
            // Over several lines, the line ends.
            (
                "message A { int32 x = 1 [a = 1, b = 2] // c\n; }",
                "  ] // c\n",
            ),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{input:?}: {once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn a_trailing_comment_is_set_apart_from_its_token() {
        // buf sets a trailing comment apart from the token it is glued to,
        // also when the line goes on after a comment over several lines
        // (`e/**//* x` ⏎ ` */ a`), but not inside a dotted name.
        for (input, want) in [
            (
                "message t{e/**//* x\n */ a=1;}",
                "  e /**/ /* x\n  */ a = 1;\n",
            ),
            ("message t{e/* x\n */a=1;}", "  e /* x\n  */ a = 1;\n"),
            (
                "message t{int32 x =/* c\n */ 1;}",
                "  int32 x = /* c\n  */ 1;\n",
            ),
            (
                "message t{option (x)/* c\n */ = 1;}",
                "  option (x) /* c\n  */ = 1;\n",
            ),
            (
                "service S{rpc R(Q)/* c\n */ returns (P);}",
                "  rpc R(Q) /* c\n  */ returns (P);\n",
            ),
            (
                "message A {\n  ./* x\n */b c = 2;\n}\n",
                "  ./* x\n  */b c = 2;\n",
            ),
            ("package a.b/* x\n */.c;\n", "package a.b/* x\n*/.c;\n"),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{input:?}: {once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn a_blank_line_of_a_block_comment_sets_no_indentation() {
        // Found by the proto_format fuzz target: a line holding only `\r`
        // counted as text at column 0, was printed empty, and the second
        // pass indented the comment differently.
        let once =
            format("message A {\n  /*\n      a\n        b\n\r\n  */\n  int32 x = 1;\n}\n").unwrap();
        assert!(once.contains("     a\n       b\n\n"), "{once:?}");
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn a_lone_semicolon_closing_a_body_keeps_no_blank_line() {
        // Found by the proto_format fuzz target, where buf itself is not
        // idempotent: `x;\n\n;// a\n}` keeps the blank line before `// a`
        // on buf's first pass and loses it on the second. This formats as
        // the second pass does, once.
        let input = "message S {\n  bool on = 1;\n\n;// a\n\n// b\n}\n";
        let once = format(input).unwrap();
        assert_eq!(once, "message S {\n  bool on = 1;\n  // a\n\n  // b\n}\n");
        assert_eq!(format(&once).unwrap(), once);
        // Found next: more lone `;`s before the brace.
        let once = format("message R {\n  string h = 2; // t\n\n\n;; }\n").unwrap();
        assert_eq!(once, "message R {\n  string h = 2; // t\n}\n");
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn a_block_comment_ending_a_line_after_a_word_is_set_apart() {
        // Found by the proto_format fuzz target: `t/* c */` ending a line
        // was joined to the next one as `t/* c */ n`, which formatted again
        // to `t /* c */ n`. buf sets it apart on the first pass.
        let input = "message A {\n  int32 p = 4; t/* c */\n  /* d */ n = 1; }\n";
        let once = format(input).unwrap();
        assert!(once.contains("  t /* c */ /* d */ n = 1;\n"), "{once:?}");
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn a_space_due_before_a_token_stays_after_its_comment() {
        // Found by the proto_format fuzz target (fork run): `*/=` then
        // `*/ =`, the comment leading `=` on the first pass and trailing
        // `O` on the second. The expected texts are what buf writes.
        for (input, want) in [
            ("enum M{/**/O\n/*\n*/=1;}", "  O /*\n  */ = 1;\n"),
            ("enum M{O /* c */=1;}", "  O /* c */ = 1;\n"),
            ("enum M{O = /* c */-1;}", "  O = /* c */ -1;\n"),
            (
                "service S{rpc A(Q) returns/* c */(P);}",
                "  rpc A(Q) returns /* c */ (P);\n",
            ),
            // None is due there.
            (
                "service S{rpc A/* c */(Q) returns (P);}",
                "  rpc A/* c */(Q) returns (P);\n",
            ),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn a_word_joined_to_a_comment_trailing_a_bracket_is_set_apart() {
        // `( /* c */` ⏎ `M` was `(/* c */M` on the first pass (the comment
        // trailing `(`) and `(/* c */ M` on the second (the comment leading
        // `M`), found by mutating fixtures. buf writes `( /* c */M` and
        // `(/* c */y` here: a known difference (DIFFERENCES.md).
        for (input, want) in [
            (
                "service S{rpc R( /* c */\nM) returns (M);}",
                "  rpc R(/* c */ M) returns (M);\n",
            ),
            (
                "message M{option ( /* c */\ny) = 1;}",
                "  option (/* c */ y) = 1;\n",
            ),
            // A comment over several lines stays trailing: as buf writes it.
            (
                "message M{option (/* c\n */\ny) = 1;}",
                "  option (/* c\n  */y) = 1;\n",
            ),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn comments_ending_a_line_after_a_word_are_set_apart_from_it() {
        // Found by the proto_format fuzz target (fork run): `e/**/` before
        // `//` at the end of the line stayed against `e` on the first pass
        // only. An empty `//` comment is `/* */`, as buf writes it.
        for (input, want) in [
            ("message t{e/**///\na=1;}", "  e /**/ /* */ a = 1;\n"),
            ("message t{e/**/ // x\na=1;}", "  e /**/ /* x */ a = 1;\n"),
            ("message t{e/**//* y */\na=1;}", "  e /**/ /* y */ a = 1;\n"),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn blank_lines_inside_a_block_comment_are_kept() {
        // Found by the proto_format fuzz target: blank lines between
        // statements fold to one, and that rule also folded the blank lines
        // of a block comment (on the first pass only).
        let input = "enum Mode {\n  /* only\n\n\n\n     k */\n  A = 0;\n}\n";
        let once = format(input).unwrap();
        assert_eq!(once, input);
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn comments_in_a_body_of_lone_semicolons_belong_to_its_brace() {
        // Found by the proto_format fuzz target: the `;`s dropped, the
        // second pass read the comments as the `}`'s and placed them
        // differently. The first three are buf's output too; the last is
        // its second pass (its first keeps `{ // x`).
        for input in [
            "message d{/*\n*/;}",
            "message d{ /* x\n*/ ;}",
            "message d{;// a\n;/* b */}",
            "message d{// x\n;}",
        ] {
            let once = format(input).unwrap();
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
        assert_eq!(
            format("message d{/*\n*/;}").unwrap(),
            "message d {\n  /*\n  */\n}\n"
        );
    }

    #[test]
    fn blank_lines_around_lone_semicolons_closing_a_body_are_those_of_a_second_pass() {
        // Found by the proto_format fuzz target (fork run): comments and
        // lone `;`s closing a body, set apart by blank lines. buf keeps the
        // blank lines measured from the `;`s, then formats its own output
        // differently (the comments set apart from the `}` move up under
        // the statement). The expected texts are buf's second pass.
        for (input, want) in [
            (
                "message w{/**/t e=7;\n\n//\n\n;//\n}",
                "message w {\n  /**/\n  t e = 7;\n  //\n\n  //\n}\n",
            ),
            (
                "message e{g h=2;\n\n//\n\n/**/;/**/}",
                "message e {\n  g h = 2;\n  //\n\n  /**/\n  /**/\n}\n",
            ),
            (
                "enum E {\n  A = 0;\n\n  // a\n\n\n  ;\n\n  // b\n}\n",
                "enum E {\n  A = 0;\n  // a\n\n  // b\n}\n",
            ),
            (
                "service S {\n  rpc R(Q) returns (P);\n\n  ;\n\n  /* a */\n\n  ;\n\n}\n",
                "service S {\n  rpc R(Q) returns (P);\n  /* a */\n}\n",
            ),
            (
                "message M {\n  oneof o {\n    int32 b = 2;\n\n    /* a */\n\n    ; // b\n  }\n}\n",
                "message M {\n  oneof o {\n    int32 b = 2;\n    /* a */\n\n    // b\n  }\n}\n",
            ),
            // A body left empty: the comment after `{` moves below it.
            (
                "service S { // a\n\n  ;\n\n  // b\n}\n",
                "service S {\n  // a\n\n  // b\n}\n",
            ),
        ] {
            let once = format(input).unwrap();
            assert_eq!(once, want, "{input:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn blank_lines_are_measured_from_lone_semicolons() {
        // What buf writes, and keeps: the blank lines around a dropped `;`
        // stay before what follows it, a comment before the `}` (the first
        // case is the shape of a fork-run fuzz find) or the first statement
        // of the body (last case).
        for (input, want) in [
            (
                "message d{/*\n*/;\n\n// x\n;}",
                "message d {\n  /*\n  */\n\n  // x\n}\n",
            ),
            (
                "enum E {\n  // a\n\n\n  ;\n\n  /* b */\n\n\n}\n",
                "enum E {\n  // a\n\n  /* b */\n}\n",
            ),
            (
                "message M {\n  // a\n  ;\n\n  int32 b = 2;\n}\n",
                "message M {\n  // a\n\n  int32 b = 2;\n}\n",
            ),
        ] {
            let once = format(input).unwrap();
            assert_eq!(once, want, "{input:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn line_comments_made_block_comments_cannot_end_early() {
        // Found by the proto_format fuzz target: `/* a*/ b */` did not parse.
        let once = format("package acme.c// Licensec*/ x\n;\n").unwrap();
        assert_eq!(once, "package acme.c /* Licensec* / x */;\n");
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn line_comments_made_block_comments_keep_their_start() {
        // buf writes the text after `//` as it starts, only its end
        // trimmed: `//// z` is `/*// z */`, `//z` is `/*z */`.
        for (input, want) in [
            ("//// z", "/*// z */"),
            ("////z", "/*//z */"),
            ("//z", "/*z */"),
            ("//  z  ", "/*  z */"),
            ("//\tz", "/*\tz */"),
            ("///", "/*/ */"),
            ("//*/z", "/** /z */"),
            ("//   ", "/* */"),
        ] {
            let once = format(&format!(
                "message A {{\n  int32 y = 2 [deprecated = true {input}\n];\n}}\n"
            ))
            .unwrap();
            assert!(
                once.contains(&format!("true {want}];")),
                "{input:?}: {once:?}"
            );
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn a_fully_qualified_extendee_parses() {
        // protoc and buf take `extend .google.protobuf.FieldOptions`.
        for (input, want) in [
            (
                "extend .a.B { int32 x = 1; }",
                "extend .a.B {\n  int32 x = 1;\n}\n",
            ),
            (
                "message M { extend . a.B {} }",
                "message M {\n  extend .a.B {}\n}\n",
            ),
        ] {
            let once = format(input).unwrap();
            assert_eq!(once, want, "{input:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn a_line_comment_after_a_keyword_ends_the_line() {
        // buf ends the line after a `//` comment trailing a keyword, and
        // makes it a block comment after a name (`int32 /* c */ x`).
        for (input, want) in [
            ("message // c\n A {}", "message // c\nA {}\n"),
            ("package // c\n a;", "package // c\na;\n"),
            (
                "import public // c\n \"x.proto\";",
                "import public // c\n\"x.proto\";\n",
            ),
            (
                "message A { repeated // c\n int32 x = 1; }",
                "  repeated // c\n  int32 x = 1;\n",
            ),
            (
                "message A { reserved 1 to // c\n 5; }",
                "  reserved 1 to // c\n  5;\n",
            ),
            (
                "service S { rpc R(Q) returns // c\n (P); }",
                "  rpc R(Q) returns // c\n  (P);\n",
            ),
            (
                "message A { optional group // c\n G = 1 {} }",
                "  optional group // c\n  G = 1 {}\n",
            ),
            (
                "message A { int32 // c\n x = 1; }",
                "  int32 /* c */ x = 1;\n",
            ),
            ("option x = FOO // c\n;", "option x = FOO /* c */;\n"),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{input:?}: {once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn no_line_comment_ends_an_option_statement_after_its_name_or_value() {
        // buf makes a `//` comment after an `option` statement's name or
        // value a block comment, whatever the value; after the keyword or
        // the `=` the line ends.
        for (input, want) in [
            ("option (a) = 1 // c\n;", "option (a) = 1 /* c */;\n"),
            ("option (a) // c\n = 1;", "option (a) /* c */ = 1;\n"),
            (
                "message A { option (a) = {b: 1, c: 2} // c\n; }",
                "  } /* c */;\n",
            ),
            (
                "service S { rpc R(Q) returns (P) { option (b) = \"x\" // d\n; } }",
                "    option (b) = \"x\" /* d */;\n",
            ),
            ("option (a) = // c\n 1;", "option (a) = // c\n1;\n"),
        ] {
            let once = format(input).unwrap();
            assert!(once.contains(want), "{input:?}: {once:?}");
            assert_eq!(format(&once).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn error_positions_count_characters() {
        let error = format("// é\nmessage M { é }").unwrap_err();
        assert_eq!((error.line, error.column), (2, 13));
    }
}
