//! Arguments of `opensergo lint`.

use clap::Args;

use super::{InputArgs, ReportArgs};

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub report: ReportArgs,
}
