//! The verdict of one grading: what it concluded ([`Verdict`]), its kind,
//! its headline and the sentences shared with other reports. It is rendered
//! for people in one place, [`render`]; [`diff`] draws output diffs.

use std::time::Duration;

use serde::{Deserialize, Serialize};

mod diff;
mod render;
#[cfg(test)]
mod tests;

pub(crate) use diff::line_diff;
pub(crate) use render::indent;

/// What grading an exercise concluded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Verdict {
    /// Everything expected passed.
    Passed { summary: String },
    /// The code (or a hidden test against it) does not compile, or vet
    /// found a problem.
    CompileError { output: String },
    /// Hidden tests ran and some failed, or never ran.
    TestsFailed {
        failures: Vec<Failure>,
        /// Expected hidden tests that reported no result.
        not_run: Vec<String>,
        /// A sentence about what went wrong overall, if there is one.
        note: Option<String>,
    },
    /// Grading hit its time limit: an endless loop or a deadlock.
    TimedOut {
        #[serde(serialize_with = "secs", deserialize_with = "from_secs")]
        limit: Duration,
        /// Tests that were running when time ran out.
        running: Vec<String>,
        output: String,
    },
    /// The program or a test panicked or exited unexpectedly.
    Crashed {
        test: Option<String>,
        output: String,
    },
    /// Run mode: the program's output or exit code was not the expected one.
    WrongOutput { failures: Vec<CaseFailure> },
    /// Server mode: the server exited or never accepted connections.
    ServerDidNotStart { reason: String, output: String },
    /// Server mode: a probe got an answer other than the expected one.
    ProbeFailed { failures: Vec<ProbeFailure> },
    /// Learner-tests mode: the learner's tests let these bugs through.
    MissedBugs { missed: Vec<String>, caught: usize },
}

fn secs<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

fn from_secs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    let secs = f64::deserialize(d)?;
    Duration::try_from_secs_f64(secs).map_err(serde::de::Error::custom)
}

/// One failing test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    pub test: String,
    pub message: String,
}

/// One run-mode case that did not match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseFailure {
    /// How the program was run, for example `greet --name Ada < input`.
    pub case: String,
    /// Sentences for each mismatch other than stdout.
    pub problems: Vec<String>,
    /// Expected and actual stdout, when they differ.
    pub stdout: Option<(String, String)>,
    /// What the program wrote to stderr (trimmed), for context.
    pub stderr: String,
    /// A shell command that runs the program the same way.
    #[serde(default)]
    pub reproduce: String,
}

/// One probe that got the wrong answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProbeFailure {
    pub probe: String,
    pub request: String,
    pub expected: String,
    pub got: String,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Passed { .. })
    }

    /// A stable machine name for reports.
    pub fn kind(&self) -> &'static str {
        match self {
            Verdict::Passed { .. } => "passed",
            Verdict::CompileError { .. } => "compile_error",
            Verdict::TestsFailed { .. } => "tests_failed",
            Verdict::TimedOut { .. } => "timed_out",
            Verdict::Crashed { .. } => "crashed",
            Verdict::WrongOutput { .. } => "wrong_output",
            Verdict::ServerDidNotStart { .. } => "server_did_not_start",
            Verdict::ProbeFailed { .. } => "probe_failed",
            Verdict::MissedBugs { .. } => "missed_bugs",
        }
    }

    /// The kind of failure, as `fails_with` in info.toml names it
    /// ([`crate::course::FAIL_KINDS`]); `passed` for a pass.
    pub fn fail_kind(&self) -> &'static str {
        match self {
            Verdict::Passed { .. } => "passed",
            Verdict::CompileError { .. } => "compile",
            Verdict::TestsFailed { .. } => "tests",
            Verdict::Crashed { .. } => "crash",
            Verdict::TimedOut { .. } => "timeout",
            Verdict::WrongOutput { .. } => "output",
            Verdict::ProbeFailed { .. } => "probe",
            Verdict::ServerDidNotStart { .. } => "no-start",
            Verdict::MissedBugs { .. } => "missed",
        }
    }

    /// One line: what happened.
    pub fn headline(&self) -> String {
        crate::term::visible_controls(&self.plain_headline())
    }

    fn plain_headline(&self) -> String {
        match self {
            Verdict::Passed { summary } if summary.is_empty() => "passed".into(),
            Verdict::Passed { summary } => format!("passed ({summary})"),
            Verdict::CompileError { .. } => "does not compile".into(),
            Verdict::TestsFailed {
                failures, not_run, ..
            } => {
                let mut parts = Vec::new();
                if !failures.is_empty() {
                    parts.push(plural(failures.len(), "test failed", "tests failed"));
                }
                if !not_run.is_empty() {
                    parts.push(plural(
                        not_run.len(),
                        "test did not run",
                        "tests did not run",
                    ));
                }
                if parts.is_empty() {
                    parts.push("not done yet".into());
                }
                parts.join(", ")
            }
            Verdict::TimedOut { limit, .. } => {
                format!("timed out after {}", human_duration(*limit))
            }
            Verdict::Crashed { test: Some(t), .. } => format!("crashed in {t}"),
            Verdict::Crashed { test: None, .. } => "crashed".into(),
            Verdict::WrongOutput { failures } => {
                if failures.len() == 1 {
                    "wrong output".into()
                } else {
                    format!("wrong output in {} runs", failures.len())
                }
            }
            Verdict::ServerDidNotStart { .. } => "server did not start".into(),
            Verdict::ProbeFailed { failures } => {
                plural(failures.len(), "probe failed", "probes failed")
            }
            Verdict::MissedBugs { missed, .. } => {
                format!("your tests missed {}", plural(missed.len(), "bug", "bugs"))
            }
        }
    }

    /// The whole verdict for a person. `full` shows every failure; otherwise
    /// the first is shown in full and the rest are folded to one line each.
    /// The same verdict with every control character in what the learner's
    /// code wrote made visible (`␛[2J`), so no output can clear, repaint or
    /// retitle the terminal.
    pub fn visible(&self) -> Verdict {
        let v = |s: &String| crate::term::visible_controls(s);
        let all = |xs: &Vec<String>| xs.iter().map(v).collect::<Vec<_>>();
        match self {
            Verdict::Passed { summary } => Verdict::Passed {
                summary: v(summary),
            },
            Verdict::CompileError { output } => Verdict::CompileError { output: v(output) },
            Verdict::TestsFailed {
                failures,
                not_run,
                note,
            } => Verdict::TestsFailed {
                failures: failures
                    .iter()
                    .map(|f| Failure {
                        test: v(&f.test),
                        message: v(&f.message),
                    })
                    .collect(),
                not_run: all(not_run),
                note: note.as_ref().map(v),
            },
            Verdict::TimedOut {
                limit,
                running,
                output,
            } => Verdict::TimedOut {
                limit: *limit,
                running: all(running),
                output: v(output),
            },
            Verdict::Crashed { test, output } => Verdict::Crashed {
                test: test.as_ref().map(v),
                output: v(output),
            },
            Verdict::WrongOutput { failures } => Verdict::WrongOutput {
                failures: failures
                    .iter()
                    .map(|f| CaseFailure {
                        case: v(&f.case),
                        problems: all(&f.problems),
                        stdout: f.stdout.as_ref().map(|(a, b)| (v(a), v(b))),
                        stderr: v(&f.stderr),
                        reproduce: v(&f.reproduce),
                    })
                    .collect(),
            },
            Verdict::ServerDidNotStart { reason, output } => Verdict::ServerDidNotStart {
                reason: v(reason),
                output: v(output),
            },
            Verdict::ProbeFailed { failures } => Verdict::ProbeFailed {
                failures: failures
                    .iter()
                    .map(|f| ProbeFailure {
                        probe: v(&f.probe),
                        request: v(&f.request),
                        expected: v(&f.expected),
                        got: v(&f.got),
                    })
                    .collect(),
            },
            Verdict::MissedBugs { missed, caught } => Verdict::MissedBugs {
                missed: all(missed),
                caught: *caught,
            },
        }
    }
}

/// The sentence for a check stopped at the memory bound (`limit` bytes).
pub(crate) fn over_memory(limit: u64) -> String {
    let size = if limit >= 1 << 30 && limit.is_multiple_of(1 << 30) {
        format!("{} GiB", limit >> 30)
    } else {
        format!("{} MiB", limit >> 20)
    };
    format!(
        "It used more than {size} of memory and was stopped: look for data that grows without bound (a slice, map or buffer filled in a loop that does not end, or one huge allocation)."
    )
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub(crate) fn human_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 && (s - s.round()).abs() < 0.05 {
        format!("{}s", s.round() as u64)
    } else if s >= 1.0 {
        format!("{s:.1}s")
    } else {
        format!("{}ms", d.as_millis())
    }
}
