//! The verdict of one grading, and the one place it is rendered for people.

use std::fmt::Write as _;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::term::{Paint, Style};

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

    /// The verdict for a terminal: headline, then details. Control
    /// characters from the learner's program are shown, never sent.
    pub fn render(&self, style: Style, full: bool) -> String {
        self.visible().render_visible(style, full)
    }

    fn render_visible(&self, style: Style, full: bool) -> String {
        let mut out = String::new();
        let head = if self.passed() {
            style.paint(Paint::Pass, &format!("✓ {}", self.headline()))
        } else {
            style.paint(Paint::Fail, &format!("✗ {}", self.headline()))
        };
        let _ = writeln!(out, "{head}");
        match self {
            Verdict::Passed { .. } => {}
            Verdict::CompileError { output } => {
                out.push('\n');
                push_block(&mut out, output, style, full);
            }
            Verdict::TestsFailed {
                failures,
                not_run,
                note,
            } => {
                if let Some(note) = note {
                    let _ = writeln!(out, "{note}");
                }
                for (i, f) in failures.iter().enumerate() {
                    if i == 0 || full {
                        let _ = writeln!(out, "\n{}", style.paint(Paint::Bold, &f.test));
                        push_block(&mut out, &indent(&f.message, "  "), style, full);
                    } else {
                        if i == 1 {
                            out.push('\n');
                        }
                        let first = f
                            .message
                            .lines()
                            .find(|l| !l.trim().is_empty())
                            .unwrap_or("");
                        let _ = writeln!(
                            out,
                            "{} {}",
                            style.paint(Paint::Bold, &f.test),
                            style.paint(Paint::Dim, first.trim())
                        );
                    }
                }
                if !not_run.is_empty() {
                    let _ = writeln!(
                        out,
                        "\nThese hidden tests reported no result: {}",
                        not_run.join(", ")
                    );
                }
            }
            Verdict::TimedOut {
                running, output, ..
            } => {
                let _ = writeln!(
                    out,
                    "The code did not finish in time: look for an endless loop, or a goroutine or channel operation that waits forever."
                );
                if !running.is_empty() {
                    let _ = writeln!(out, "Still running: {}", running.join(", "));
                }
                if !output.trim().is_empty() {
                    out.push('\n');
                    push_block(&mut out, output, style, full);
                }
            }
            Verdict::Crashed { output, .. } => {
                out.push('\n');
                push_block(&mut out, output, style, full);
            }
            Verdict::WrongOutput { failures } => {
                for (i, f) in failures.iter().enumerate() {
                    if i > 0 && !full {
                        let _ = writeln!(out, "\n{} more run(s) also failed.", failures.len() - i);
                        break;
                    }
                    let _ = writeln!(out, "\n{} {}", style.paint(Paint::Bold, "run:"), f.case);
                    for p in &f.problems {
                        let _ = writeln!(out, "  {p}");
                    }
                    if let Some((want, got)) = &f.stdout {
                        let _ = writeln!(
                            out,
                            "  stdout differs ({} expected, {} yours):",
                            style.paint(Paint::Removed, "-"),
                            style.paint(Paint::Added, "+")
                        );
                        out.push_str(&line_diff(want, got, style, "    "));
                    }
                    if !f.stderr.trim().is_empty() {
                        let _ = writeln!(out, "  stderr:");
                        push_block(&mut out, &indent(f.stderr.trim_end(), "    "), style, full);
                    }
                    if !f.reproduce.is_empty() {
                        let _ = writeln!(
                            out,
                            "  {} {}",
                            style.paint(Paint::Dim, "try it:"),
                            f.reproduce
                        );
                    }
                }
            }
            Verdict::ServerDidNotStart { reason, output } => {
                let _ = writeln!(out, "{reason}");
                if !output.trim().is_empty() {
                    let _ = writeln!(out, "\nWhat it printed:");
                    push_block(&mut out, &indent(output.trim_end(), "  "), style, full);
                }
            }
            Verdict::ProbeFailed { failures } => {
                for (i, f) in failures.iter().enumerate() {
                    if i > 0 && !full {
                        let rest: Vec<&str> =
                            failures[i..].iter().map(|f| f.probe.as_str()).collect();
                        let _ = writeln!(out, "\nAlso failed: {}", rest.join(", "));
                        break;
                    }
                    let _ = writeln!(out, "\n{}", style.paint(Paint::Bold, &f.probe));
                    let _ = writeln!(out, "  request:  {}", f.request);
                    let _ = writeln!(
                        out,
                        "  {}",
                        style.paint(Paint::Removed, &format!("expected: {}", f.expected))
                    );
                    let _ = writeln!(
                        out,
                        "  {}",
                        style.paint(Paint::Added, &format!("got:      {}", f.got))
                    );
                }
            }
            Verdict::MissedBugs { missed, caught } => {
                let _ = writeln!(
                    out,
                    "Your tests pass on the correct implementation{}, but they also pass on these broken ones:",
                    if *caught > 0 {
                        format!(" and catch {caught} of the bugs")
                    } else {
                        String::new()
                    }
                );
                for m in missed {
                    let _ = writeln!(out, "  • {m}");
                }
                let _ = writeln!(
                    out,
                    "Add a test case that fails when the code has that bug."
                );
            }
        }
        out
    }
}

/// Lines shown before a long block is folded.
const FOLD_AT: usize = 40;
/// Lines shown of one block even in a full verdict.
const FULL_MAX_LINES: usize = 400;
/// Characters shown of one line.
const MAX_LINE: usize = 1000;

fn push_block(out: &mut String, text: &str, style: Style, full: bool) {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    // Even the whole verdict stops somewhere: a program that prints a
    // million lines gets the first few hundred shown.
    let shown = if full {
        lines.len().min(FULL_MAX_LINES)
    } else {
        lines.len().min(FOLD_AT)
    };
    for l in &lines[..shown] {
        if l.len() > MAX_LINE {
            let mut end = MAX_LINE;
            while !l.is_char_boundary(end) {
                end -= 1;
            }
            out.push_str(&l[..end]);
            out.push_str(" …");
        } else {
            out.push_str(l);
        }
        out.push('\n');
    }
    if shown < lines.len() {
        let hint = if full {
            String::new()
        } else {
            format!(" (`{}` shows more)", crate::invoked::command("run"))
        };
        let _ = writeln!(
            out,
            "{}",
            style.paint(
                Paint::Dim,
                &format!("… {} more lines{hint}", lines.len() - shown)
            )
        );
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

/// Every line of `text` after `prefix`.
pub(crate) fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
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

/// A coloured line diff of `want` against `got`, with visible markers for
/// whitespace that would otherwise hide the difference.
pub(crate) fn line_diff(want: &str, got: &str, style: Style, prefix: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_lines(want, got);
    let mut out = String::new();
    let show = |s: &str| -> String {
        let body = s.strip_suffix('\n').unwrap_or(s);
        let mut v = body.replace('\t', "→   ");
        if v.ends_with(' ') {
            let trimmed = v.trim_end_matches(' ');
            let spaces = v.len() - trimmed.len();
            v = format!("{trimmed}{}", "·".repeat(spaces));
        }
        if !s.ends_with('\n') {
            v.push_str(" ⏎ (no newline at end)");
        }
        v
    };
    for change in diff.iter_all_changes() {
        let mut text = show(change.value());
        if text.is_empty() {
            // An empty line would print as a bare marker and a trailing space.
            text = "(empty line)".to_string();
        }
        let line = match change.tag() {
            ChangeTag::Delete => style.paint(Paint::Removed, &format!("- {text}")),
            ChangeTag::Insert => style.paint(Paint::Added, &format!("+ {text}")),
            ChangeTag::Equal => format!("  {text}"),
        };
        let _ = writeln!(out, "{prefix}{line}");
    }
    if want.is_empty() && got.is_empty() {
        let _ = writeln!(out, "{prefix}(both empty)");
    } else if got.is_empty() {
        let _ = writeln!(
            out,
            "{prefix}{}",
            style.paint(Paint::Dim, "(your program printed nothing)")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_kind_is_one_fails_with_can_name() {
        let s = String::new;
        let all = [
            Verdict::CompileError { output: s() },
            Verdict::TestsFailed {
                failures: vec![],
                not_run: vec![],
                note: None,
            },
            Verdict::TimedOut {
                limit: Duration::ZERO,
                running: vec![],
                output: s(),
            },
            Verdict::Crashed {
                test: None,
                output: s(),
            },
            Verdict::WrongOutput { failures: vec![] },
            Verdict::ServerDidNotStart {
                reason: s(),
                output: s(),
            },
            Verdict::ProbeFailed { failures: vec![] },
            Verdict::MissedBugs {
                missed: vec![],
                caught: 0,
            },
        ];
        let mut kinds: Vec<&str> = all.iter().map(Verdict::fail_kind).collect();
        let mut named = crate::course::FAIL_KINDS.to_vec();
        kinds.sort();
        named.sort();
        assert_eq!(kinds, named);
    }

    fn plain(v: &Verdict) -> String {
        v.render(Style::PLAIN, false)
    }

    #[test]
    fn passed() {
        let v = Verdict::Passed {
            summary: "3 tests".into(),
        };
        assert_eq!(plain(&v), "✓ passed (3 tests)\n");
        assert_eq!(v.kind(), "passed");
    }

    #[test]
    fn compile_error() {
        let v = Verdict::CompileError {
            output: "exercises/a/b/x.go:3:5: undefined: y".into(),
        };
        assert_eq!(
            plain(&v),
            "✗ does not compile\n\nexercises/a/b/x.go:3:5: undefined: y\n"
        );
    }

    #[test]
    fn tests_failed_shows_the_first_and_folds_the_rest() {
        let v = Verdict::TestsFailed {
            failures: vec![
                Failure {
                    test: "TestSum".into(),
                    message: "Sum(1, 2) = 0, want 3".into(),
                },
                Failure {
                    test: "TestEmpty".into(),
                    message: "Sum() = 1, want 0\nmore".into(),
                },
            ],
            not_run: vec!["TestLast".into()],
            note: None,
        };
        assert_eq!(
            plain(&v),
            "✗ 2 tests failed, 1 test did not run\n\nTestSum\n  Sum(1, 2) = 0, want 3\n\nTestEmpty Sum() = 1, want 0\n\nThese hidden tests reported no result: TestLast\n"
        );
        assert!(v.render(Style::PLAIN, true).contains("  more"));
    }

    #[test]
    fn timed_out() {
        let v = Verdict::TimedOut {
            limit: Duration::from_secs(10),
            running: vec!["TestLoop".into()],
            output: String::new(),
        };
        assert_eq!(
            plain(&v),
            "✗ timed out after 10s\nThe code did not finish in time: look for an endless loop, or a goroutine or channel operation that waits forever.\nStill running: TestLoop\n"
        );
    }

    #[test]
    fn crashed() {
        let v = Verdict::Crashed {
            test: Some("TestMap".into()),
            output: "panic: assignment to entry in nil map\n\nexercises/a/b/m.go:10".into(),
        };
        assert_eq!(
            plain(&v),
            "✗ crashed in TestMap\n\npanic: assignment to entry in nil map\n\nexercises/a/b/m.go:10\n"
        );
    }

    #[test]
    fn wrong_output_shows_a_diff() {
        let v = Verdict::WrongOutput {
            failures: vec![CaseFailure {
                case: "hello".into(),
                problems: vec!["exit code 1, want 0".into()],
                stdout: Some(("Hello, World!\n".into(), "Hello World\n".into())),
                stderr: String::new(),
                reproduce: "cd exercises/01_hello && go run .".into(),
            }],
        };
        assert_eq!(
            plain(&v),
            "✗ wrong output\n\nrun: hello\n  exit code 1, want 0\n  stdout differs (- expected, + yours):\n    - Hello, World!\n    + Hello World\n  try it: cd exercises/01_hello && go run .\n"
        );
    }

    #[test]
    fn diff_makes_whitespace_visible() {
        let d = line_diff("a\n", "a \n", Style::PLAIN, "");
        assert_eq!(d, "- a\n+ a·\n");
        let d = line_diff("a\n", "a", Style::PLAIN, "");
        assert_eq!(d, "- a\n+ a ⏎ (no newline at end)\n");
        assert!(line_diff("a\n", "", Style::PLAIN, "").contains("printed nothing"));
    }

    #[test]
    fn server_did_not_start() {
        let v = Verdict::ServerDidNotStart {
            reason: "The program exited with code 1 before accepting connections.".into(),
            output: "listen tcp: address in use".into(),
        };
        assert_eq!(
            plain(&v),
            "✗ server did not start\nThe program exited with code 1 before accepting connections.\n\nWhat it printed:\n  listen tcp: address in use\n"
        );
    }

    #[test]
    fn probe_failed() {
        let v = Verdict::ProbeFailed {
            failures: vec![ProbeFailure {
                probe: "health".into(),
                request: "GET /health".into(),
                expected: "status 200".into(),
                got: "status 404".into(),
            }],
        };
        assert_eq!(
            plain(&v),
            "✗ 1 probe failed\n\nhealth\n  request:  GET /health\n  expected: status 200\n  got:      status 404\n"
        );
    }

    #[test]
    fn missed_bugs() {
        let v = Verdict::MissedBugs {
            missed: vec!["Sum ignores negative numbers".into()],
            caught: 2,
        };
        assert_eq!(
            plain(&v),
            "✗ your tests missed 1 bug\nYour tests pass on the correct implementation and catch 2 of the bugs, but they also pass on these broken ones:\n  • Sum ignores negative numbers\nAdd a test case that fails when the code has that bug.\n"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let v = Verdict::Passed {
            summary: String::new(),
        };
        assert!(!v.render(Style::PLAIN, false).contains('\x1b'));
        assert!(v.render(Style { color: true }, false).contains('\x1b'));
    }
}
