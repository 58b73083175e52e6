//! `opensergo explain CODE`: what a diagnostic code means.

use crate::diagnostic::codes;

pub fn run(code: &str) -> Result<u8, String> {
    let Some(c) = codes::find(code) else {
        return Err(format!(
            "unknown code `{code}`; codes look like OS1004 or schema-violation"
        ));
    };
    let text = format!(
        "{} {} (default severity: {})\n\n{}\n",
        c.id, c.name, c.default_severity, c.summary
    );
    crate::output::print_stdout(text.as_bytes())?;
    Ok(0)
}
