//! `test`: the learner writes code; hidden tests in the solution directory
//! are added to the package at grading time and run with `go test`.

use anyhow::Result;

use super::{ModeSpec, NewExercise, Scaffold, Side, SolutionDir};
use crate::course::Exercise;
use crate::grade::{Grader, Target};
use crate::verdict::Verdict;

pub(super) struct Test;

impl ModeSpec for Test {
    fn grade(&self, g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict> {
        crate::grade::gotest::grade(g, ex, target)
    }

    fn fail_kinds(&self) -> &'static [&'static str] {
        &["compile", "tests", "crash", "timeout"]
    }

    fn scaffold(&self, new: &NewExercise) -> Scaffold {
        let NewExercise {
            name,
            pkg,
            header,
            func,
        } = new;
        Scaffold {
            fails_with: "[\"compile\"]",
            files: vec![
                (
                    format!("{name}.go"),
                    format!("{header}package {pkg}\n\n// TODO: the learner writes {func} here.\n"),
                    Side::Exercise,
                ),
                (
                    format!("{name}.go"),
                    format!(
                        "{header}package {pkg}\n\n// {func} is the reference solution. TODO: write it.\nfunc {func}() {{}}\n"
                    ),
                    Side::Solution,
                ),
                (
                    format!("{name}_test.go"),
                    format!(
                        "package {pkg}\n\nimport \"testing\"\n\nfunc Test{func}(t *testing.T) {{\n\t{func}()\n\tt.Fatal(\"TODO: write the hidden tests: behaviour, edge cases, got and want in every message\")\n}}\n"
                    ),
                    Side::Solution,
                ),
            ],
            entry: "",
        }
    }

    fn solution_needs(&self, sol: &SolutionDir<'_>) -> Vec<(String, String)> {
        if sol.hidden_tests > 0 {
            return vec![];
        }
        vec![(
            sol.rel(),
            "a test-mode exercise needs hidden tests: add a _test.go file here".into(),
        )]
    }
}
