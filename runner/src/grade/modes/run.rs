//! `run`: the learner writes a program; it is built, run with each case's
//! arguments and input, and its output and exit code compared.

use anyhow::Result;

use super::{ModeSpec, NewExercise, Scaffold, Side, SolutionDir};
use crate::course::Exercise;
use crate::grade::{Grader, Target};
use crate::verdict::Verdict;

pub(super) struct Run;

impl ModeSpec for Run {
    fn grade(&self, g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict> {
        crate::grade::cases::grade(g, ex, target)
    }

    fn fail_kinds(&self) -> &'static [&'static str] {
        &["compile", "output", "crash", "timeout"]
    }

    fn scaffold(&self, new: &NewExercise) -> Scaffold {
        Scaffold {
            fails_with: "[\"output\"]",
            files: program_files(new.header),
            entry: "\n[[exercises.cases]]\nstdout = \"TODO: the expected output\\n\"\n",
        }
    }

    fn solution_needs(&self, _sol: &SolutionDir<'_>) -> Vec<(String, String)> {
        // The cases are in info.toml, checked when the course loads.
        vec![]
    }
}

/// A program's `main.go`, shipped and solved (shared with `server`).
pub(super) fn program_files(header: &str) -> Vec<super::File> {
    vec![
        (
            "main.go".to_string(),
            format!(
                "{header}package main\n\nfunc main() {{\n\t// TODO: the learner's starting point.\n}}\n"
            ),
            Side::Exercise,
        ),
        (
            "main.go".to_string(),
            format!(
                "{header}package main\n\nfunc main() {{\n\t// TODO: the reference solution.\n}}\n"
            ),
            Side::Solution,
        ),
    ]
}
