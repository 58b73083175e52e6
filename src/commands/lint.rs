//! `opensergo lint`.

use crate::cli::LintArgs;

pub fn run(_args: &LintArgs, _color: bool) -> Result<u8, String> {
    Err("lint: being implemented in this change".into())
}
