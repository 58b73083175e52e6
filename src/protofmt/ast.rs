//! The syntax tree the printer walks: every node is a list of token
//! indexes into [`super::lex::Lexed`], so positions and comments stay with
//! the tokens and nothing is copied.

/// A token index.
pub type T = usize;

#[derive(Debug)]
pub struct File {
    /// `syntax = "proto3";` or `edition = "2023";`.
    pub header: Option<Statement>,
    pub decls: Vec<Decl>,
    pub eof: T,
    /// The `<` and `>` that delimit message literals (buf writes `{`, `}`).
    pub angle_brackets: Vec<T>,
    /// The keywords (`message`, `option`, `repeated`, `returns`, ...): a
    /// `//` comment after one ends the line, as buf writes it.
    pub keywords: Vec<T>,
    /// The lone `;`s inside bodies, in order: their comments belong to the
    /// token after them ([`super::lex::Lexed::drop_lone_semicolons`]).
    pub lone_semicolons_in_bodies: Vec<T>,
}

/// `keyword = value;` (syntax, edition).
#[derive(Debug)]
pub struct Statement {
    pub keyword: T,
    pub equals: T,
    pub value: Value,
    pub semicolon: T,
}

/// A dotted name, token by token: `.`, `google`, `.`, `protobuf`, ...
pub type Name = Vec<T>;

#[derive(Debug)]
pub enum Decl {
    Package {
        keyword: T,
        name: Name,
        semicolon: T,
    },
    Import {
        keyword: T,
        /// `public`, `weak` or (editions 2024) `option`.
        modifier: Option<T>,
        path: T,
        semicolon: T,
    },
    Option(OptionDecl),
    /// message, enum, service, oneof and extend: `keyword name { ... }`.
    Block {
        /// `export` or `local` (editions 2024).
        visibility: Option<T>,
        keyword: T,
        name: Name,
        body: Body,
    },
    Field(Field),
    Map(MapField),
    Group(Group),
    EnumValue(EnumValue),
    Extensions {
        keyword: T,
        ranges: Vec<Range>,
        commas: Vec<T>,
        options: Option<CompactOptions>,
        semicolon: T,
    },
    Reserved {
        keyword: T,
        items: Vec<Reserved>,
        commas: Vec<T>,
        semicolon: T,
    },
    Rpc(Rpc),
    /// A lone `;`: not printed. Its comments are, at the top level; inside a
    /// body they have gone to the token after it.
    Empty(T),
}

#[derive(Debug)]
pub struct Body {
    pub open: T,
    pub decls: Vec<Decl>,
    pub close: T,
}

#[derive(Debug)]
pub struct OptionDecl {
    /// `option`; absent inside `[...]`.
    pub keyword: Option<T>,
    pub name: OptionName,
    pub equals: T,
    pub value: Value,
    pub semicolon: Option<T>,
}

/// `(custom.ext).field.sub`: parts joined by dots.
#[derive(Debug)]
pub struct OptionName {
    pub parts: Vec<OptionPart>,
    pub dots: Vec<T>,
}

#[derive(Debug)]
pub struct OptionPart {
    pub open: Option<T>,
    pub name: Name,
    pub close: Option<T>,
}

#[derive(Debug)]
pub struct CompactOptions {
    pub open: T,
    pub options: Vec<OptionDecl>,
    pub commas: Vec<T>,
    pub close: T,
}

#[derive(Debug)]
pub enum Value {
    /// An identifier, number or single string.
    Scalar(Name),
    /// `-5`, `-inf`.
    Signed {
        sign: T,
        value: T,
    },
    /// Adjacent strings: `"a" "b"`.
    Strings(Vec<T>),
    Message(MessageLiteral),
    Array(ArrayLiteral),
}

#[derive(Debug)]
pub struct MessageLiteral {
    pub open: T,
    pub fields: Vec<LiteralField>,
    pub close: T,
}

#[derive(Debug)]
pub struct LiteralField {
    pub name: LiteralName,
    /// The `:`.
    pub colon: Option<T>,
    pub value: Value,
    /// An optional `,` or `;` after the value (buf drops it).
    pub separator: Option<T>,
}

#[derive(Debug)]
pub enum LiteralName {
    Plain(T),
    /// `[ext.name]` or `[type.googleapis.com/pkg.Type]`.
    Bracketed {
        open: T,
        /// The URL prefix and its `/`.
        prefix: Option<(Name, T)>,
        name: Name,
        close: T,
    },
}

#[derive(Debug)]
pub struct ArrayLiteral {
    pub open: T,
    pub elements: Vec<Value>,
    pub commas: Vec<T>,
    pub close: T,
}

#[derive(Debug)]
pub struct Field {
    pub label: Option<T>,
    pub kind: Name,
    pub name: T,
    pub equals: T,
    pub tag: T,
    pub options: Option<CompactOptions>,
    pub semicolon: T,
}

#[derive(Debug)]
pub struct MapField {
    pub keyword: T,
    pub open: T,
    pub key: T,
    pub comma: T,
    pub value: Name,
    pub close: T,
    pub name: T,
    pub equals: T,
    pub tag: T,
    pub options: Option<CompactOptions>,
    pub semicolon: T,
}

#[derive(Debug)]
pub struct Group {
    pub label: Option<T>,
    pub keyword: T,
    pub name: T,
    pub equals: T,
    pub tag: T,
    pub options: Option<CompactOptions>,
    pub body: Body,
}

#[derive(Debug)]
pub struct EnumValue {
    pub name: T,
    pub equals: T,
    pub number: Value,
    pub options: Option<CompactOptions>,
    pub semicolon: T,
}

/// `5`, `5 to 10`, `5 to max`.
#[derive(Debug)]
pub struct Range {
    pub start: Value,
    pub to: Option<T>,
    pub end: Option<Value>,
}

#[derive(Debug)]
pub enum Reserved {
    Range(Range),
    /// A quoted name or (editions) a bare identifier.
    Name(T),
}

#[derive(Debug)]
pub struct Rpc {
    pub keyword: T,
    pub name: T,
    pub input: RpcType,
    pub returns: T,
    pub output: RpcType,
    /// `;`, or a body of options.
    pub body: Result<Body, T>,
}

#[derive(Debug)]
pub struct RpcType {
    pub open: T,
    pub stream: Option<T>,
    pub kind: Name,
    pub close: T,
}
