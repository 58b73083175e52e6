//! How a run ends: the exit status every command returns, and the error
//! type (with a chain of context: which command, which plugin, which file,
//! why) for runs that cannot finish.

use std::fmt::Write as _;

/// The process exit status, the same for every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// 0: nothing at or above `--fail-on`.
    Success,
    /// 1: findings.
    Findings,
    /// 2: a usage error, unreadable input, or an internal error.
    Failure,
    /// 100: findings, for scripts written for buf (`--buf-exit-codes`).
    BufFindings,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Failure => 2,
            ExitStatus::BufFindings => 100,
        }
    }
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(status.code())
    }
}

/// An error that stops a command, with its context chain.
pub type Error = anyhow::Error;

/// The result of a fallible step.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `error: what failed` and one `caused by:` line per underlying cause,
/// as the user sees it on stderr.
/// Messages quote paths and values from input: control characters are
/// escaped, so none reaches the terminal raw (nor starts a line of its own).
pub fn render(error: &Error) -> String {
    let safe = |text: String| crate::escape::escape_control(&text).into_owned();
    let mut text = format!("error: {}\n", safe(error.to_string()));
    for cause in error.chain().skip(1) {
        let _ = writeln!(text, "  caused by: {}", safe(cause.to_string()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    #[test]
    fn errors_show_their_context_chain() {
        let error = Err::<(), _>(std::io::Error::other("broken pipe"))
            .context("running plugin protoc-gen-go")
            .unwrap_err();
        assert_eq!(
            render(&error),
            "error: running plugin protoc-gen-go\n  caused by: broken pipe\n"
        );
        assert_eq!(ExitStatus::Findings.code(), 1);
    }
}
