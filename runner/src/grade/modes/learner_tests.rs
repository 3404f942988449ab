//! `learner-tests`: the learner writes the tests. They must pass on the
//! reference implementation and fail on each buggy one under `bugs/`.

use anyhow::Result;

use super::{ModeSpec, NewExercise, Scaffold, Side, SolutionDir};
use crate::course::Exercise;
use crate::grade::{Grader, Target};
use crate::verdict::Verdict;

pub(super) struct LearnerTests;

impl ModeSpec for LearnerTests {
    fn grade(&self, g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict> {
        crate::grade::learner_tests::grade(g, ex, target)
    }

    fn fail_kinds(&self) -> &'static [&'static str] {
        &["compile", "tests", "crash", "timeout", "missed"]
    }

    fn scaffold(&self, new: &NewExercise) -> Scaffold {
        let NewExercise {
            name,
            pkg,
            header,
            func,
        } = new;
        Scaffold {
            fails_with: "[\"tests\"]",
            files: vec![
                (
                    format!("{name}.go"),
                    format!(
                        "{header}package {pkg}\n\n// {func} is the code under test. TODO: write it (the same in solutions/).\nfunc {func}() {{}}\n"
                    ),
                    Side::Exercise,
                ),
                (
                    format!("{name}_test.go"),
                    format!(
                        "package {pkg}\n\n// TODO (learner): write your tests for {func} here.\n"
                    ),
                    Side::Exercise,
                ),
                (
                    format!("{name}.go"),
                    format!(
                        "{header}package {pkg}\n\n// {func} is the code under test. TODO: write it (the same in exercises/).\nfunc {func}() {{}}\n"
                    ),
                    Side::Solution,
                ),
                (
                    format!("{name}_test.go"),
                    format!(
                        "package {pkg}\n\nimport \"testing\"\n\n// The reference tests: they must catch every bug under bugs/.\nfunc Test{func}(t *testing.T) {{\n\t{func}()\n}}\n"
                    ),
                    Side::Solution,
                ),
                (
                    format!("bugs/first_bug/{name}.go"),
                    format!(
                        "package {pkg}\n\n// TODO: a copy of the implementation with one realistic bug.\nfunc {func}() {{}}\n"
                    ),
                    Side::Solution,
                ),
            ],
            entry: "\n[[exercises.bugs]]\nname = \"first_bug\"\ndescription = \"TODO: what is wrong, in words\"\n",
        }
    }

    /// Reference tests kept back, a stub shipped, and a directory for each
    /// listed bug (and a listing for each directory).
    fn solution_needs(&self, sol: &SolutionDir<'_>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let exdir = sol.ex.exercise_rel();
        let soldir = sol.rel();
        if sol.hidden_tests == 0 {
            out.push((
                soldir.clone(),
                "a learner-tests exercise needs the reference tests here (a _test.go file)".into(),
            ));
        }
        for f in sol
            .ex_files
            .iter()
            .filter(|f| f.to_string_lossy().ends_with("_test.go"))
        {
            let shipped = std::fs::read(sol.root.join(&exdir).join(f)).unwrap_or_default();
            let reference = std::fs::read(sol.root.join(&soldir).join(f)).unwrap_or_default();
            if shipped == reference {
                out.push((
                    format!("{exdir}/{}", f.display()),
                    "ships the reference tests themselves: give the learner a stub".into(),
                ));
            }
        }
        let bugs = sol.root.join(&soldir).join("bugs");
        for b in &sol.ex.bugs {
            if !bugs.join(&b.name).is_dir() {
                out.push((
                    format!("{soldir}/bugs/{}", b.name),
                    "missing: every [[exercises.bugs]] entry needs a directory with the buggy files".into(),
                ));
            }
        }
        if let Ok(rd) = std::fs::read_dir(&bugs) {
            for e in rd.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if !sol.ex.bugs.iter().any(|b| b.name == n) {
                    out.push((
                        format!("{soldir}/bugs/{n}"),
                        "not listed in [[exercises.bugs]]: describe it there or remove it".into(),
                    ));
                }
            }
        }
        out
    }
}
