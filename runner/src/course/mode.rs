//! [`Mode`]: how an exercise is graded, as `info.toml` names it, and
//! [`Fields`]: what `info.toml` may say about an exercise of that mode and
//! which files its learner edits. How each mode grades, scaffolds and is
//! proved is in `grade::modes`, one file per mode.

use std::fmt;

use clap::ValueEnum;
use serde::Deserialize;

/// How an exercise is graded.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Hidden tests run with `go test -json`.
    Test,
    /// The program is built and run; its output is compared.
    Run,
    /// The program is started as a server and probed over HTTP.
    Server,
    /// The learner writes the tests; they must pass on the reference
    /// implementation and catch every hidden buggy one.
    LearnerTests,
}

/// The parts of an exercise's `info.toml` entry a mode takes, and what its
/// learner edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    /// `[[exercises.cases]]`: at least one is required, and other modes
    /// refuse them.
    pub cases: bool,
    /// `[[exercises.bugs]]` (at least one) and `require`.
    pub bugs: bool,
    /// `main = "cmd/server"`: the program is in a subdirectory.
    pub main: bool,
    /// `race = true`.
    pub race: bool,
    /// The learner writes `_test.go` files, not the code under test.
    pub learner_writes_tests: bool,
}

impl Mode {
    /// What this mode takes from `info.toml`.
    pub const fn fields(self) -> Fields {
        let none = Fields {
            cases: false,
            bugs: false,
            main: false,
            race: true,
            learner_writes_tests: false,
        };
        match self {
            Mode::Test => none,
            Mode::Run => Fields {
                cases: true,
                main: true,
                ..none
            },
            Mode::Server => Fields { main: true, ..none },
            Mode::LearnerTests => Fields {
                bugs: true,
                race: false,
                learner_writes_tests: true,
                ..none
            },
        }
    }

    /// The modes that take a field, as `info.toml` names them:
    /// `"run" or "server"`.
    pub fn named_where(takes: impl Fn(Fields) -> bool) -> String {
        let names: Vec<String> = Mode::value_variants()
            .iter()
            .filter(|m| takes(m.fields()))
            .map(|m| format!("\"{m}\""))
            .collect();
        names.join(" or ")
    }
}

impl fmt::Display for Mode {
    /// The name info.toml and `dev new --mode` use (`learner-tests`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_possible_value() {
            Some(v) => f.write_str(v.get_name()),
            None => Ok(()),
        }
    }
}
