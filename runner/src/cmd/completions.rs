//! `completions SHELL`: a completion script for bash, zsh, fish and others.
//! Run inside a course, the script also completes the course's exercise
//! names; a script made before the course grew knows only the old ones.

use std::path::Path;

use anyhow::Result;
use clap::builder::PossibleValuesParser;

use crate::course::{self, Course};

/// The commands whose argument is an exercise name.
const TAKE_A_NAME: [&str; 4] = ["run", "hint", "reset", "solution"];

pub(crate) fn run(shell: clap_complete::Shell, course_dir: Option<&Path>) -> Result<i32> {
    let mut cmd = crate::cli::command();
    // Without a course (or with a broken one) the commands still complete.
    let course = course::locate(course_dir)
        .ok()
        .and_then(|root| Course::load(&root).ok());
    let names: Vec<String> = course
        .map(|c| c.exercises.iter().map(|e| e.name.clone()).collect())
        .unwrap_or_default();
    if !names.is_empty() {
        for sub in TAKE_A_NAME {
            let names = names.clone();
            cmd = cmd.mut_subcommand(sub, |s| {
                s.mut_arg("name", |a| a.value_parser(PossibleValuesParser::new(names)))
            });
        }
    }
    // Into a buffer first: clap_complete panics when stdout is closed early.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "backendlings", &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if shell == clap_complete::Shell::Fish && !names.is_empty() {
        // clap_complete's fish script completes the values of options only.
        for sub in TAKE_A_NAME {
            script.push_str(&format!(
                "complete -c backendlings -n \"__fish_backendlings_using_subcommand {sub}\" -f -a \"{}\"\n",
                names.join(" ")
            ));
        }
    }
    crate::term::write_out(&script);
    Ok(crate::exit::SUCCESS)
}
