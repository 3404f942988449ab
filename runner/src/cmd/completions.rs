//! `completions SHELL`: a completion script for bash, zsh, fish and others.

use anyhow::Result;

pub(crate) fn run(shell: clap_complete::Shell) -> Result<i32> {
    let mut cmd = crate::cli::command();
    clap_complete::generate(shell, &mut cmd, "backendlings", &mut std::io::stdout());
    Ok(crate::exit::SUCCESS)
}
