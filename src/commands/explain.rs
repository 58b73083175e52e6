//! `opensergo explain CODE`: what a diagnostic code means, for every code
//! group: input and validation, convert, and the lint rules (with docs).

use crate::diagnostic::{Code, codes};

/// Every diagnostic code of every command: input and validation,
/// convert, and the lint rules.
pub fn all_codes() -> Vec<Code> {
    codes::ALL
        .iter()
        .chain(crate::convert::codes::ALL)
        .copied()
        .chain(crate::lint::registry::RULES.iter().map(|r| r.code))
        .collect()
}

pub fn run(code: &str) -> Result<u8, String> {
    if let Some(rule) = crate::lint::registry::find(code) {
        crate::output::print_stdout(crate::lint::registry::explain(rule).as_bytes())?;
        return Ok(0);
    }
    let found: Option<Code> = codes::find(code).or_else(|| crate::convert::codes::find(code));
    let Some(c) = found else {
        return Err(format!(
            "unknown code `{code}`; codes look like OS1004 or schema-violation (`opensergo lint --list-rules` lists the lint rules)"
        ));
    };
    let mut text = format!(
        "{} {} (default severity: {})\n\n{}\n",
        c.id, c.name, c.default_severity, c.summary
    );
    if let Some(docs) =
        crate::diagnostic::long_docs(c.id).or_else(|| crate::convert::docs::docs(c.id))
    {
        text.push('\n');
        text.push_str(docs);
        text.push('\n');
    }
    crate::output::print_stdout(text.as_bytes())?;
    Ok(0)
}

/// `opensergo explain --list`: every code, one a line, in id order.
pub fn list() -> Result<u8, String> {
    let mut all = all_codes();
    all.sort_by_key(|c| c.id);
    let width = all.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let text: String = all
        .iter()
        .map(|c| {
            format!(
                "{} {:width$} {:7} {}\n",
                c.id,
                c.name,
                c.default_severity.as_str(),
                c.summary
            )
        })
        .collect();
    crate::output::print_stdout(text.as_bytes())?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes are stable forever and shared by every output format: no id
    /// or name may appear in two groups.
    #[test]
    fn codes_are_unique_across_validate_convert_and_lint() {
        let mut ids = Vec::new();
        let mut names = Vec::new();
        let lint = crate::lint::registry::RULES.iter().map(|r| r.code);
        for c in codes::ALL
            .iter()
            .copied()
            .chain(crate::convert::codes::ALL.iter().copied())
            .chain(lint)
        {
            ids.push(c.id);
            names.push(c.name);
        }
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        names.sort_unstable();
        names.dedup();
        assert_eq!(ids.len(), count, "a code id is used twice");
        assert_eq!(names.len(), count, "a code name is used twice");
    }

    /// Every code of every command explains itself in full.
    #[test]
    fn every_code_has_long_docs() {
        for c in all_codes() {
            let docs =
                crate::diagnostic::long_docs(c.id).or_else(|| crate::convert::docs::docs(c.id));
            assert!(
                docs.is_some_and(|d| d.contains("## What it does") && d.contains("## How to fix")),
                "{} has no full documentation",
                c.id
            );
        }
    }
}
