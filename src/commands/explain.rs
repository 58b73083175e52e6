//! `opensergo explain CODE` and `explain --list`: what a diagnostic code
//! means, for every code of every command (from the one registry).

use std::fmt::Write as _;

use anyhow::{Result, bail};

use super::codes;
use crate::error::ExitStatus;

pub fn run(code: Option<&str>, list: bool) -> Result<ExitStatus> {
    let text = match (code, list) {
        (_, true) => listing(),
        (Some(code), false) => explanation(code)?,
        (None, false) => bail!("name a code (`opensergo explain OS1004`) or pass --list"),
    };
    crate::output::print_stdout(text.as_bytes()).map_err(anyhow::Error::msg)?;
    Ok(ExitStatus::Success)
}

fn explanation(code: &str) -> Result<String> {
    if let Some(rule) = crate::lint::registry::find(code) {
        return Ok(crate::lint::registry::FAMILY.explain(rule));
    }
    if let Some(rule) = crate::protolint::FAMILY.find(code) {
        return Ok(crate::protolint::FAMILY.explain(rule));
    }
    if let Some(rule) = crate::protobreaking::FAMILY.find(code) {
        return Ok(crate::protobreaking::FAMILY.explain(rule));
    }
    match codes::find(code) {
        Some((_, c)) => Ok(c.explanation(None)),
        None => bail!(
            "unknown code `{code}`; codes look like OS1004 or schema-violation \
             (`opensergo explain --list` lists them all)"
        ),
    }
}

/// One line per code: id, name, default severity, command, summary.
fn listing() -> String {
    let all = codes::all();
    let width = all.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for group in codes::groups() {
        let _ = writeln!(out, "{}:", group.command);
        let mut group_codes = group.codes;
        group_codes.sort_by_key(|c| c.id);
        for c in group_codes {
            let _ = writeln!(
                out,
                "  {}  {:width$}  {:7}  {}",
                c.id, c.name, c.default_severity, c.summary
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_names_every_code_and_each_explains_fully() {
        let list = listing();
        for c in codes::all() {
            assert!(list.contains(c.id) && list.contains(c.summary), "{}", c.id);
            let text = explanation(c.id).unwrap();
            for section in crate::codes::DOC_SECTIONS {
                assert!(text.contains(section), "{}: {section}", c.id);
            }
        }
    }
}
