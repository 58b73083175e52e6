//! ANSI styles of the text formats, in one place: every command's human
//! output colours the same things the same way, and only when asked.

/// SGR codes.
pub const BOLD: &str = "1";
pub const RED: &str = "31";
pub const GREEN: &str = "32";
pub const YELLOW: &str = "33";
pub const CYAN: &str = "36";
pub const BOLD_RED: &str = "1;31";
pub const BOLD_YELLOW: &str = "1;33";
pub const BOLD_CYAN: &str = "1;36";
pub const BOLD_MAGENTA: &str = "1;35";

/// Styles text when colour is on, passes it through otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub color: bool,
}

impl Paint {
    pub fn new(color: bool) -> Self {
        Paint { color }
    }

    /// `text` in the SGR style `code` (e.g. [`BOLD_RED`]).
    pub fn wrap(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// `text` shown in reverse video (a changed word inside a line),
    /// without ending the line's own style.
    pub fn emphasis(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[7m{text}\x1b[27m")
        } else {
            text.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_only_with_color() {
        assert_eq!(Paint::new(true).wrap(RED, "x"), "\x1b[31mx\x1b[0m");
        assert_eq!(Paint::new(false).wrap(RED, "x"), "x");
        assert_eq!(Paint::new(true).emphasis("w"), "\x1b[7mw\x1b[27m");
        assert_eq!(Paint::new(false).emphasis("w"), "w");
    }
}
