//! [`Mode`]: how an exercise is graded, as `info.toml` names it.

use std::fmt;

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

impl fmt::Display for Mode {
    /// The name info.toml and `dev new --mode` use (`learner-tests`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use clap::ValueEnum;
        match self.to_possible_value() {
            Some(v) => f.write_str(v.get_name()),
            None => Ok(()),
        }
    }
}
