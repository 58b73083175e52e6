//! A recursive-descent parser from tokens to [`ast::File`]. It checks the
//! grammar only as far as formatting needs: declarations, their tokens
//! and where each begins and ends; names, numbers and types are left to
//! the compiler. Nesting (blocks, message literals, arrays) is limited to
//! [`MAX_DEPTH`] levels, so hostile input cannot exhaust the stack here or
//! in the printer, which recurses along the same tree.

use super::SyntaxError;
use super::ast::*;
use super::lex::{Kind, Lexed};

/// Deeper than any real schema nests, shallow enough for a 2 MiB thread
/// stack (test threads) with room to spare.
pub const MAX_DEPTH: usize = 64;

pub fn parse(lexed: &Lexed<'_>) -> Result<File, SyntaxError> {
    let mut parser = Parser {
        lexed,
        pos: 0,
        depth: 0,
        angle_brackets: Vec::new(),
        keywords: Vec::new(),
        lone_semicolons_in_bodies: Vec::new(),
    };
    parser.file()
}

/// Where a declaration stands: what it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    File,
    Message,
    Enum,
    Service,
    Rpc,
    Oneof,
    Extend,
}

struct Parser<'a> {
    lexed: &'a Lexed<'a>,
    pos: T,
    depth: usize,
    angle_brackets: Vec<T>,
    keywords: Vec<T>,
    lone_semicolons_in_bodies: Vec<T>,
}

type Parsed<X> = Result<X, SyntaxError>;

impl Parser<'_> {
    fn kind(&self, at: T) -> Kind {
        self.lexed.tokens.get(at).map_or(Kind::Eof, |t| t.kind)
    }

    fn text(&self, at: T) -> &str {
        if at < self.lexed.tokens.len() {
            self.lexed.raw(at)
        } else {
            ""
        }
    }

    fn peek_is(&self, offset: usize, text: &str) -> bool {
        let at = self.pos + offset;
        self.kind(at) != Kind::Str && self.text(at) == text
    }

    fn is_ident(&self, offset: usize) -> bool {
        self.kind(self.pos + offset) == Kind::Ident
    }

    fn error_here(&self, message: impl Into<String>) -> SyntaxError {
        let token = &self.lexed.tokens[self.pos.min(self.lexed.tokens.len() - 1)];
        SyntaxError::at(self.lexed.text, token.start, message)
    }

    fn unexpected(&self, wanted: &str) -> SyntaxError {
        let found = match self.kind(self.pos) {
            Kind::Eof => "end of file".to_string(),
            _ => format!("`{}`", self.text(self.pos)),
        };
        self.error_here(format!("syntax error: expected {wanted}, found {found}"))
    }

    fn bump(&mut self) -> T {
        let at = self.pos;
        self.pos += 1;
        at
    }

    fn expect(&mut self, text: &str) -> Parsed<T> {
        if self.peek_is(0, text) {
            Ok(self.bump())
        } else {
            Err(self.unexpected(&format!("`{text}`")))
        }
    }

    fn expect_kind(&mut self, kind: Kind, what: &str) -> Parsed<T> {
        if self.kind(self.pos) == kind {
            Ok(self.bump())
        } else {
            Err(self.unexpected(what))
        }
    }

    fn ident(&mut self) -> Parsed<T> {
        self.expect_kind(Kind::Ident, "an identifier")
    }

    fn enter(&mut self) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let mut error = self.error_here(format!("nesting deeper than {MAX_DEPTH} levels"));
            error.too_deep = true;
            return Err(error);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// `a.b.c`, with a leading dot where `leading_dot` allows it.
    /// The next token, a keyword.
    fn keyword(&mut self) -> T {
        let t = self.bump();
        self.keywords.push(t);
        t
    }

    fn name(&mut self, leading_dot: bool) -> Parsed<Name> {
        let mut tokens = Vec::new();
        if leading_dot && self.peek_is(0, ".") {
            tokens.push(self.bump());
        }
        tokens.push(self.ident()?);
        while self.peek_is(0, ".") {
            tokens.push(self.bump());
            tokens.push(self.ident()?);
        }
        Ok(tokens)
    }

    fn file(&mut self) -> Parsed<File> {
        let header =
            if (self.peek_is(0, "syntax") || self.peek_is(0, "edition")) && self.peek_is(1, "=") {
                Some(Statement {
                    keyword: self.keyword(),
                    equals: self.bump(),
                    value: self.strings()?,
                    semicolon: self.expect(";")?,
                })
            } else {
                None
            };
        let decls = self.decls(Scope::File)?;
        let eof = self.expect_kind(Kind::Eof, "a declaration")?;
        Ok(File {
            header,
            decls,
            eof,
            angle_brackets: std::mem::take(&mut self.angle_brackets),
            keywords: std::mem::take(&mut self.keywords),
            lone_semicolons_in_bodies: std::mem::take(&mut self.lone_semicolons_in_bodies),
        })
    }

    /// Declarations up to `}` (or the end of the file at top level).
    fn decls(&mut self, scope: Scope) -> Parsed<Vec<Decl>> {
        let mut decls = Vec::new();
        loop {
            match self.kind(self.pos) {
                Kind::Eof => return Ok(decls),
                Kind::Punct(b'}') if scope != Scope::File => return Ok(decls),
                _ => decls.push(self.decl(scope)?),
            }
        }
    }

    fn body(&mut self, scope: Scope) -> Parsed<Body> {
        self.enter()?;
        let open = self.expect("{")?;
        let decls = self.decls(scope)?;
        let close = self.expect("}")?;
        self.leave();
        Ok(Body { open, decls, close })
    }

    fn decl(&mut self, scope: Scope) -> Parsed<Decl> {
        if self.peek_is(0, ";") {
            let semicolon = self.bump();
            if scope != Scope::File {
                self.lone_semicolons_in_bodies.push(semicolon);
            }
            return Ok(Decl::Empty(semicolon));
        }
        // Editions 2024: `export message M {}`, `local enum E {}`.
        let visibility = (self.peek_is(0, "export") || self.peek_is(0, "local"))
            && ["message", "enum"].iter().any(|k| self.peek_is(1, k))
            && self.is_ident(2);
        let at = usize::from(visibility);
        let word = if self.is_ident(at) {
            self.text(self.pos + at)
        } else {
            ""
        };
        // An extendee may be fully qualified (`extend .google.protobuf.X`).
        let block = |keyword: &str| {
            word == keyword
                && (self.is_ident(at + 1) || (keyword == "extend" && self.peek_is(at + 1, ".")))
        };
        match scope {
            Scope::File if word == "package" => {
                return Ok(Decl::Package {
                    keyword: self.keyword(),
                    name: self.name(false)?,
                    semicolon: self.expect(";")?,
                });
            }
            Scope::File if word == "import" => {
                let keyword = self.keyword();
                let modifier = (["public", "weak", "option"]
                    .iter()
                    .any(|m| self.peek_is(0, m))
                    && self.kind(self.pos + 1) == Kind::Str)
                    .then(|| self.keyword());
                return Ok(Decl::Import {
                    keyword,
                    modifier,
                    path: self.expect_kind(Kind::Str, "a quoted import path")?,
                    semicolon: self.expect(";")?,
                });
            }
            _ => {}
        }
        if word == "option" && scope != Scope::Extend {
            let keyword = self.keyword();
            let name = self.option_name()?;
            return Ok(Decl::Option(OptionDecl {
                keyword: Some(keyword),
                name,
                equals: self.expect("=")?,
                value: self.value()?,
                semicolon: Some(self.expect(";")?),
            }));
        }
        let nested = match scope {
            Scope::File => ["message", "enum", "service", "extend"].as_slice(),
            Scope::Message => &["message", "enum", "extend", "oneof"],
            _ => &[],
        };
        if let Some(&keyword) = nested.iter().find(|k| block(k)) {
            let inner = match keyword {
                "message" => Scope::Message,
                "enum" => Scope::Enum,
                "service" => Scope::Service,
                "oneof" => Scope::Oneof,
                _ => Scope::Extend,
            };
            return Ok(Decl::Block {
                visibility: visibility.then(|| self.bump()),
                keyword: self.keyword(),
                name: self.name(keyword == "extend")?,
                body: self.body(inner)?,
            });
        }
        match scope {
            Scope::File => Err(self.unexpected("a declaration")),
            Scope::Message
                if (word == "reserved" || word == "extensions") && !self.peek_is(1, "=") =>
            {
                self.ranges()
            }
            Scope::Enum if word == "reserved" && !self.peek_is(1, "=") => self.ranges(),
            Scope::Enum => self.enum_value(),
            Scope::Service if block("rpc") => self.rpc(),
            Scope::Service | Scope::Rpc => Err(self.unexpected("a declaration")),
            Scope::Message | Scope::Oneof | Scope::Extend => self.field(scope),
        }
    }

    fn strings(&mut self) -> Parsed<Value> {
        let mut tokens = vec![self.expect_kind(Kind::Str, "a string")?];
        while self.kind(self.pos) == Kind::Str {
            tokens.push(self.bump());
        }
        Ok(if tokens.len() == 1 {
            Value::Scalar(tokens)
        } else {
            Value::Strings(tokens)
        })
    }

    fn option_name(&mut self) -> Parsed<OptionName> {
        let mut parts = Vec::new();
        let mut dots = Vec::new();
        loop {
            if self.peek_is(0, "(") {
                let open = self.bump();
                let name = self.name(true)?;
                parts.push(OptionPart {
                    open: Some(open),
                    name,
                    close: Some(self.expect(")")?),
                });
            } else {
                parts.push(OptionPart {
                    open: None,
                    name: vec![self.ident()?],
                    close: None,
                });
            }
            if !self.peek_is(0, ".") {
                return Ok(OptionName { parts, dots });
            }
            dots.push(self.bump());
        }
    }

    fn compact_options(&mut self) -> Parsed<Option<CompactOptions>> {
        if !self.peek_is(0, "[") {
            return Ok(None);
        }
        let open = self.bump();
        let mut options = Vec::new();
        let mut commas = Vec::new();
        loop {
            let name = self.option_name()?;
            options.push(OptionDecl {
                keyword: None,
                name,
                equals: self.expect("=")?,
                value: self.value()?,
                semicolon: None,
            });
            if !self.peek_is(0, ",") {
                break;
            }
            commas.push(self.bump());
        }
        Ok(Some(CompactOptions {
            open,
            options,
            commas,
            close: self.expect("]")?,
        }))
    }

    /// An option value: a scalar, a signed number, strings, or a message
    /// literal.
    fn value(&mut self) -> Parsed<Value> {
        match self.kind(self.pos) {
            Kind::Str => self.strings(),
            Kind::Int | Kind::Float => Ok(Value::Scalar(vec![self.bump()])),
            Kind::Ident => Ok(Value::Scalar(self.name(false)?)),
            Kind::Punct(b'-' | b'+') => {
                let sign = self.bump();
                match self.kind(self.pos) {
                    Kind::Int | Kind::Float | Kind::Ident => Ok(Value::Signed {
                        sign,
                        value: self.bump(),
                    }),
                    _ => Err(self.unexpected("a number")),
                }
            }
            Kind::Punct(b'{' | b'<') => Ok(Value::Message(self.message_literal()?)),
            _ => Err(self.unexpected("a value")),
        }
    }

    fn message_literal(&mut self) -> Parsed<MessageLiteral> {
        self.enter()?;
        let open = self.bump();
        let closer = if self.text(open) == "{" { "}" } else { ">" };
        let mut fields = Vec::new();
        while !self.peek_is(0, closer) {
            let name = if self.peek_is(0, "[") {
                let open = self.bump();
                let first = self.name(false)?;
                let (prefix, name) = if self.peek_is(0, "/") {
                    let slash = self.bump();
                    (Some((first, slash)), self.name(false)?)
                } else {
                    (None, first)
                };
                LiteralName::Bracketed {
                    open,
                    prefix,
                    name,
                    close: self.expect("]")?,
                }
            } else {
                LiteralName::Plain(self.ident()?)
            };
            let colon = self.peek_is(0, ":").then(|| self.bump());
            let value = match self.kind(self.pos) {
                Kind::Punct(b'[') => Value::Array(self.array_literal()?),
                Kind::Punct(b'{' | b'<') => Value::Message(self.message_literal()?),
                _ if colon.is_none() => return Err(self.unexpected("`:`")),
                _ => self.value()?,
            };
            let separator = (self.peek_is(0, ",") || self.peek_is(0, ";")).then(|| self.bump());
            fields.push(LiteralField {
                name,
                colon,
                value,
                separator,
            });
        }
        let close = self.bump();
        if closer == ">" {
            self.angle_brackets.extend([open, close]);
        }
        self.leave();
        Ok(MessageLiteral {
            open,
            fields,
            close,
        })
    }

    fn array_literal(&mut self) -> Parsed<ArrayLiteral> {
        self.enter()?;
        let open = self.bump();
        let mut elements = Vec::new();
        let mut commas = Vec::new();
        if !self.peek_is(0, "]") {
            loop {
                elements.push(match self.kind(self.pos) {
                    Kind::Punct(b'{' | b'<') => Value::Message(self.message_literal()?),
                    _ => self.value()?,
                });
                if !self.peek_is(0, ",") {
                    break;
                }
                commas.push(self.bump());
            }
        }
        let close = self.expect("]")?;
        self.leave();
        Ok(ArrayLiteral {
            open,
            elements,
            commas,
            close,
        })
    }

    /// `reserved` or `extensions` with ranges or names.
    fn ranges(&mut self) -> Parsed<Decl> {
        let keyword = self.keyword();
        let reserved = self.text(keyword) == "reserved";
        let mut items = Vec::new();
        let mut commas = Vec::new();
        loop {
            let names = matches!(self.kind(self.pos), Kind::Str | Kind::Ident);
            if reserved && names {
                items.push(Reserved::Name(self.bump()));
            } else {
                items.push(Reserved::Range(self.range()?));
            }
            if !self.peek_is(0, ",") {
                break;
            }
            commas.push(self.bump());
        }
        if reserved {
            return Ok(Decl::Reserved {
                keyword,
                items,
                commas,
                semicolon: self.expect(";")?,
            });
        }
        let ranges = items
            .into_iter()
            .filter_map(|item| match item {
                Reserved::Range(range) => Some(range),
                Reserved::Name(_) => None,
            })
            .collect();
        Ok(Decl::Extensions {
            keyword,
            ranges,
            commas,
            options: self.compact_options()?,
            semicolon: self.expect(";")?,
        })
    }

    fn number(&mut self) -> Parsed<Value> {
        match self.kind(self.pos) {
            Kind::Int => Ok(Value::Scalar(vec![self.bump()])),
            Kind::Punct(b'-') if self.kind(self.pos + 1) == Kind::Int => Ok(Value::Signed {
                sign: self.bump(),
                value: self.bump(),
            }),
            _ => Err(self.unexpected("a number")),
        }
    }

    fn range(&mut self) -> Parsed<Range> {
        let start = self.number()?;
        if !self.peek_is(0, "to") {
            return Ok(Range {
                start,
                to: None,
                end: None,
            });
        }
        let to = self.keyword();
        let end = if self.peek_is(0, "max") {
            Value::Scalar(vec![self.bump()])
        } else {
            self.number()?
        };
        Ok(Range {
            start,
            to: Some(to),
            end: Some(end),
        })
    }

    fn enum_value(&mut self) -> Parsed<Decl> {
        Ok(Decl::EnumValue(EnumValue {
            name: self.ident()?,
            equals: self.expect("=")?,
            number: self.number()?,
            options: self.compact_options()?,
            semicolon: self.expect(";")?,
        }))
    }

    fn rpc_type(&mut self) -> Parsed<RpcType> {
        let open = self.expect("(")?;
        // `(stream .a.B)` and `(stream.a.B)` both stream `.a.B`, as in protoc.
        let stream = (self.peek_is(0, "stream") && !self.peek_is(1, ")")).then(|| self.keyword());
        Ok(RpcType {
            open,
            stream,
            kind: self.name(true)?,
            close: self.expect(")")?,
        })
    }

    fn rpc(&mut self) -> Parsed<Decl> {
        let keyword = self.keyword();
        let name = self.ident()?;
        let input = self.rpc_type()?;
        let returns = self.expect("returns")?;
        self.keywords.push(returns);
        let output = self.rpc_type()?;
        let body = if self.peek_is(0, "{") {
            Ok(self.body(Scope::Rpc)?)
        } else {
            Err(self.expect(";")?)
        };
        Ok(Decl::Rpc(Rpc {
            keyword,
            name,
            input,
            returns,
            output,
            body,
        }))
    }

    fn field(&mut self, scope: Scope) -> Parsed<Decl> {
        let labelled = ["optional", "repeated", "required"]
            .iter()
            .any(|l| self.peek_is(0, l))
            && !self.peek_is(1, "=")
            && (self.is_ident(1) || self.peek_is(1, "."));
        let label = labelled.then(|| self.keyword());
        if scope == Scope::Message
            && label.is_none()
            && self.peek_is(0, "map")
            && self.peek_is(1, "<")
        {
            return self.map_field();
        }
        if self.peek_is(0, "group") && self.is_ident(1) && self.peek_is(2, "=") {
            let keyword = self.keyword();
            let name = self.bump();
            let equals = self.bump();
            return Ok(Decl::Group(Group {
                label,
                keyword,
                name,
                equals,
                tag: self.expect_kind(Kind::Int, "a field number")?,
                options: self.compact_options()?,
                body: self.body(Scope::Message)?,
            }));
        }
        let kind = self.name(true)?;
        Ok(Decl::Field(Field {
            label,
            kind,
            name: self.ident()?,
            equals: self.expect("=")?,
            tag: self.expect_kind(Kind::Int, "a field number")?,
            options: self.compact_options()?,
            semicolon: self.expect(";")?,
        }))
    }

    fn map_field(&mut self) -> Parsed<Decl> {
        let keyword = self.bump();
        let open = self.bump();
        let key = self.ident()?;
        let comma = self.expect(",")?;
        let value = self.name(true)?;
        let close = self.expect(">")?;
        Ok(Decl::Map(MapField {
            keyword,
            open,
            key,
            comma,
            value,
            close,
            name: self.ident()?,
            equals: self.expect("=")?,
            tag: self.expect_kind(Kind::Int, "a field number")?,
            options: self.compact_options()?,
            semicolon: self.expect(";")?,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::super::lex::lex;
    use super::*;

    fn parse_text(text: &str) -> Result<File, SyntaxError> {
        parse(&lex(text).unwrap())
    }

    #[test]
    fn parses_every_kind_of_declaration() {
        let file = parse_text(
            r#"syntax = "proto2";
package a.b;
import public "x.proto";
option (o).p = { a: 1 b [ { c: -2 } ] [ext.e]: "s" "t" };
message M {
  optional group G = 1 [deprecated = true] { required int32 x = 1; }
  map<string, .a.M> m = 2;
  oneof o { string s = 3; }
  extensions 10 to max [verification = UNVERIFIED];
  reserved 4, 5 to 6;
  reserved "r";
  extend M { optional int32 e = 11; }
  enum E { option allow_alias = true; V = 0; W = -1 [deprecated = true]; reserved 7; }
}
service S { rpc R(stream M) returns (M) { option deprecated = true; } rpc Q(M) returns (M); }
"#,
        )
        .unwrap();
        assert!(file.header.is_some());
        assert_eq!(file.decls.len(), 5);
    }

    #[test]
    fn reports_the_first_unexpected_token() {
        let error = parse_text("syntax = \"proto3\";\nmessage M {\n  int32 = 1;\n}\n").unwrap_err();
        assert_eq!((error.line, error.column), (3, 9));
        assert!(
            error.message.contains("expected an identifier"),
            "{}",
            error.message
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "message M {".repeat(10_000);
        let error = parse_text(&deep).unwrap_err();
        assert!(error.too_deep);
        let literal = format!(
            "option (x) = {}{};",
            "{a ".repeat(10_000),
            "}".repeat(10_000)
        );
        assert!(parse_text(&literal).unwrap_err().too_deep);
    }
}
