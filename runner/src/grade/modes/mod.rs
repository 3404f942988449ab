//! The grading modes, one file each. A mode says here, in one place, how
//! it grades, which failures it can report, what `dev new` writes for a new
//! exercise of it, and what `dev check` requires of its solution. What
//! `info.toml` may say about it, and which files the learner edits, is data
//! beside its name ([`Mode::fields`]), so that the course can be checked
//! without grading anything.
//!
//! Adding a mode: a variant of [`Mode`] with its [`Fields`](crate::course::Fields),
//! a file here implementing [`ModeSpec`], and its line in [`of`]. The book's
//! "Writing exercises" chapter walks through it.

mod learner_tests;
mod run;
mod server;
mod test;

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Grader, Target};
use crate::course::{Exercise, Mode};
use crate::verdict::Verdict;

/// What the runner knows about a grading mode, besides its name and fields.
pub(crate) trait ModeSpec: Sync {
    /// Grades one exercise (or its solution). An `Err` means the runner
    /// could not grade, as for [`Grader::grade`].
    fn grade(&self, g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict>;

    /// The `fails_with` kinds its verdicts can have
    /// ([`Verdict::fail_kind`]), all of them in
    /// [`FAIL_KINDS`](crate::course::FAIL_KINDS).
    fn fail_kinds(&self) -> &'static [&'static str];

    /// The files of a new exercise and the rest of its `info.toml` entry.
    fn scaffold(&self, new: &NewExercise) -> Scaffold;

    /// What its solution directory lacks (`dev check`): (path, what to do).
    fn solution_needs(&self, sol: &SolutionDir<'_>) -> Vec<(String, String)>;
}

/// The description of `mode`.
pub(crate) fn of(mode: Mode) -> &'static dyn ModeSpec {
    match mode {
        Mode::Test => &test::Test,
        Mode::Run => &run::Run,
        Mode::Server => &server::Server,
        Mode::LearnerTests => &learner_tests::LearnerTests,
    }
}

/// What `dev new` knows of the exercise it is creating.
#[derive(Debug)]
pub(crate) struct NewExercise<'a> {
    /// `first_words`.
    pub name: &'a str,
    /// The Go package name (`firstwords`).
    pub pkg: &'a str,
    /// The comment every learner file starts with.
    pub header: &'a str,
    /// The function to write (`FirstWords`).
    pub func: &'a str,
}

/// Which of the two directories a new file goes in.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub(crate) enum Side {
    Exercise,
    Solution,
}

/// A file of a new exercise: its path in the exercise or solution
/// directory, its text, and which of the two.
pub(crate) type File = (String, String, Side);

/// What `dev new` writes for a mode.
#[derive(Debug)]
pub(crate) struct Scaffold {
    /// `fails_with`, as TOML: how the exercise fails as shipped.
    pub fails_with: &'static str,
    pub files: Vec<File>,
    /// More of the `info.toml` entry (a run case, a bug), or empty.
    pub entry: &'static str,
}

/// A solution directory, as `dev check` sees it.
#[derive(Debug)]
pub(crate) struct SolutionDir<'a> {
    pub root: &'a Path,
    pub ex: &'a Exercise,
    /// The exercise's files, relative to its directory.
    pub ex_files: &'a [PathBuf],
    /// How many `_test.go` files are at the top of the solution.
    pub hidden_tests: usize,
}

impl SolutionDir<'_> {
    /// `solutions/<dir>`, relative to the course root.
    pub(crate) fn rel(&self) -> String {
        self.ex.solution_rel()
    }

    /// Whether the solution has `name` at its top.
    pub(crate) fn has_file(&self, name: &str) -> bool {
        self.root.join(self.rel()).join(name).is_file()
    }
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use crate::course::{FAIL_KINDS, Mode};

    #[test]
    fn every_mode_reports_known_kinds_and_scaffolds_a_failing_exercise() {
        for mode in Mode::value_variants() {
            let spec = super::of(*mode);
            for kind in spec.fail_kinds() {
                assert!(FAIL_KINDS.contains(kind), "{mode}: unknown kind {kind}");
            }
            let s = spec.scaffold(&super::NewExercise {
                name: "first_words",
                pkg: "firstwords",
                header: "// Exercise.\n",
                func: "FirstWords",
            });
            let kinds: Vec<String> =
                toml::from_str::<toml::Table>(&format!("f = {}", s.fails_with)).unwrap()["f"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect();
            assert!(
                kinds
                    .iter()
                    .all(|k| spec.fail_kinds().contains(&k.as_str())),
                "{mode}: a new exercise fails with {kinds:?}, which it cannot report"
            );
            assert!(s.files.iter().any(|f| f.2 == super::Side::Exercise));
            assert!(s.files.iter().any(|f| f.2 == super::Side::Solution));
        }
    }
}
