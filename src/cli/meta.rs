//! Shell completions and the man page, generated from the clap definitions.

use clap::CommandFactory;

use anyhow::Context as _;

use super::{Cli, Shell};
use crate::error::{Error, ExitStatus, Result};
use crate::output;

pub fn completions(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    let name = "opensergo";
    match shell {
        Shell::Bash => {
            clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, name, &mut out)
        }
        Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, name, &mut out),
        Shell::Fish => {
            clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, name, &mut out)
        }
        Shell::Powershell => {
            clap_complete::generate(clap_complete::Shell::PowerShell, &mut cmd, name, &mut out);
        }
        Shell::Elvish => {
            clap_complete::generate(clap_complete::Shell::Elvish, &mut cmd, name, &mut out)
        }
        Shell::Nushell => {
            clap_complete::generate(clap_complete_nushell::Nushell, &mut cmd, name, &mut out)
        }
    }
    out
}

/// The file name each shell's completion is kept under in `completions/`.
pub fn completion_file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "opensergo.bash",
        Shell::Zsh => "_opensergo",
        Shell::Fish => "opensergo.fish",
        Shell::Powershell => "_opensergo.ps1",
        Shell::Elvish => "opensergo.elv",
        Shell::Nushell => "opensergo.nu",
    }
}

pub fn print_completions(shell: Shell) -> Result<ExitStatus> {
    output::print_stdout(&completions(shell)).map_err(Error::msg)?;
    Ok(ExitStatus::Success)
}

pub fn man_page() -> Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .context("rendering the man page")?;
    Ok(out)
}

pub fn print_man_page() -> Result<ExitStatus> {
    output::print_stdout(&man_page()?).map_err(Error::msg)?;
    Ok(ExitStatus::Success)
}
