//! Escaping text from input before it reaches a terminal or a CI log.
//!
//! Keys, values, file names and messages built from them may hold control
//! characters: an ESC sequence recolours or rewrites the terminal, a
//! newline in a file name starts a new line in a log (and GitHub Actions
//! runs any `::warning ...` line it sees as a command), bidirectional
//! overrides reorder what is shown. Every text format escapes them the
//! same way: `\n`, `\r`, `\t`, and `\u{..}` for the rest.

use std::borrow::Cow;
use std::path::Path;

/// Characters that are never shown raw: C0 and C1 controls, DEL, the
/// bidirectional formatting characters and the Unicode line separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// Writes the escape of one unsafe character.
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// `text` with every unsafe character escaped (borrowed when there is none).
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`escape_control`], keeping line breaks (for multi-line help).
pub fn escape_control_keep_newlines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c != '\n' && is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path for messages: lossy UTF-8, unsafe characters escaped.
pub fn escape_path(path: &Path) -> Cow<'_, str> {
    match path.to_string_lossy() {
        Cow::Borrowed(s) => escape_control(s),
        Cow::Owned(s) => Cow::Owned(escape_control(&s).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi_but_not_text() {
        assert_eq!(escape_control("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape_control("x\n::warning::y"), "x\\n::warning::y");
        assert_eq!(escape_control("\u{9b}\u{202e}"), "\\u{9b}\\u{202e}");
        assert_eq!(escape_control("中文 é\\d"), "中文 é\\d");
        assert!(matches!(escape_control("plain"), Cow::Borrowed(_)));
        assert_eq!(escape_control_keep_newlines("a\nb\u{7}"), "a\nb\\u{7}");
    }
}
