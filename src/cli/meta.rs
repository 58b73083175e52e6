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

/// The command the man pages describe: without clap's `help` subcommands,
/// which mirror the whole tree (`--help` is on every page).
fn man_command() -> clap::Command {
    Cli::command().disable_help_subcommand(true)
}

pub fn man_page() -> Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(man_command())
        .render(&mut out)
        .context("rendering the man page")?;
    Ok(out)
}

pub fn print_man_page() -> Result<ExitStatus> {
    output::print_stdout(&man_page()?).map_err(Error::msg)?;
    Ok(ExitStatus::Success)
}

/// Writes `opensergo.1` and one page per subcommand (`opensergo-validate.1`,
/// `opensergo-schema-list.1`, ...) into `dir`, the pages the main page
/// lists. Each file is written atomically.
pub fn write_man_pages(dir: &std::path::Path) -> Result<ExitStatus> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let mut cmd = man_command();
    // Building names each subcommand `opensergo-validate`, and so on.
    cmd.build();
    write_pages(&cmd, dir)?;
    Ok(ExitStatus::Success)
}

fn write_pages(cmd: &clap::Command, dir: &std::path::Path) -> Result<()> {
    let name = cmd.get_display_name().unwrap_or(cmd.get_name());
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut page)
        .context("rendering a man page")?;
    output::write_file(&dir.join(format!("{name}.1")), &page).map_err(Error::msg)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    Ok(())
}
