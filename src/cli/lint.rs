//! Arguments of `opensergo lint`.

use clap::Args;

use super::{InputArgs, ReportArgs};
use crate::lint::settings::{LintSettings, SeverityOverride};

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub report: ReportArgs,

    /// Run only these rules instead of the default set: codes (OS2001),
    /// names (strategy-not-found), code prefixes (OS2), categories
    /// (reference, conflict, suspicious, runtime-compat, style) or ALL.
    /// Repeatable; comma lists work.
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = super::CodeCompletion::lint_selectors())]
    pub select: Vec<String>,

    /// Run these rules on top of the selected set (same forms as --select).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = super::CodeCompletion::lint_selectors())]
    pub extend_select: Vec<String>,

    /// Do not run these rules (same forms as --select; the more specific of
    /// a select and an ignore wins).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = super::CodeCompletion::lint_selectors())]
    pub ignore: Vec<String>,

    /// Set a rule's level: CODE=off|info|warning|error (repeatable; the
    /// code may also be a name, prefix or category).
    #[arg(long, value_name = "CODE=LEVEL", value_delimiter = ',')]
    pub severity: Vec<SeverityOverride>,

    /// The namespace of objects that set no `metadata.namespace` (as
    /// `kubectl apply -n` gives them; kustomize-style repositories leave it
    /// out) [default: `namespace` in opensergo.yaml, else `default`].
    #[arg(long, short = 'n', value_name = "NAMESPACE")]
    pub namespace: Option<String>,

    /// Print the table of lint rules and exit.
    #[arg(long)]
    pub list_rules: bool,

    /// Print the documentation of a rule (code or name) and exit.
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
}

impl LintArgs {
    /// The rule settings the flags give (layered over the config file's).
    pub fn settings(&self) -> LintSettings {
        LintSettings {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            severity: self.severity.clone(),
        }
    }
}
