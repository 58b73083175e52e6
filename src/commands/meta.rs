//! Shell completions and the man page, generated from the clap definitions.

use clap::CommandFactory;

use crate::cli::{Cli, Shell};

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

/// The command the man pages describe: without clap's `help` subcommands,
/// which mirror the whole tree (`--help` is on every page).
fn man_command() -> clap::Command {
    Cli::command().disable_help_subcommand(true)
}

pub fn man_page() -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(man_command())
        .render(&mut out)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Writes `opensergo.1` and one page per subcommand (`opensergo-validate.1`,
/// `opensergo-schema-list.1`, ...) into `dir`, the pages the main page
/// lists. Each file is written atomically.
pub fn write_man_pages(dir: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut cmd = man_command();
    // Building names each subcommand `opensergo-validate`, and so on.
    cmd.build();
    write_pages(&cmd, dir)
}

fn write_pages(cmd: &clap::Command, dir: &std::path::Path) -> Result<(), String> {
    let name = cmd.get_display_name().unwrap_or(cmd.get_name());
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut page)
        .map_err(|e| e.to_string())?;
    crate::output::write_atomic(&dir.join(format!("{name}.1")), &page)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    Ok(())
}
