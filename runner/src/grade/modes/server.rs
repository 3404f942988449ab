//! `server`: the learner writes a server; hidden Go tests (if any) run
//! first, then the program is started on a free port and probed over HTTP
//! as `probes.toml` says.

use anyhow::Result;

use super::{ModeSpec, NewExercise, Scaffold, Side, SolutionDir};
use crate::course::Exercise;
use crate::grade::{Grader, Target};
use crate::verdict::Verdict;

pub(super) struct Server;

impl ModeSpec for Server {
    fn grade(&self, g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict> {
        crate::grade::server::grade(g, ex, target)
    }

    fn fail_kinds(&self) -> &'static [&'static str] {
        &["compile", "tests", "crash", "timeout", "probe", "no-start"]
    }

    fn scaffold(&self, new: &NewExercise) -> Scaffold {
        let mut files = super::run::program_files(new.header);
        files.push((
            "probes.toml".to_string(),
            "# Probes: see book/src/writing-exercises.md#mode-server.\n\n[[probe]]\nname = \"TODO: what this checks\"\npath = \"/health\"\nstatus = 200\n".to_string(),
            Side::Solution,
        ));
        Scaffold {
            fails_with: "[\"probe\"]",
            files,
            entry: "",
        }
    }

    fn solution_needs(&self, sol: &SolutionDir<'_>) -> Vec<(String, String)> {
        if sol.hidden_tests > 0 || sol.has_file("probes.toml") {
            return vec![];
        }
        vec![(
            sol.rel(),
            "a server exercise needs probes.toml or hidden tests".into(),
        )]
    }
}
