//! Rendering a [`Verdict`] for a terminal: the headline, then the details
//! of each kind of failure, long blocks folded.

use std::fmt::Write as _;

use super::{CaseFailure, Failure, ProbeFailure, Verdict, line_diff};
use crate::term::{Paint, Style};

impl Verdict {
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
            } => render_tests_failed(&mut out, failures, not_run, note.as_deref(), style, full),
            Verdict::TimedOut {
                running, output, ..
            } => render_timed_out(&mut out, running, output, style, full),
            Verdict::Crashed { output, .. } => {
                out.push('\n');
                push_block(&mut out, output, style, full);
            }
            Verdict::WrongOutput { failures } => {
                render_wrong_output(&mut out, failures, style, full)
            }
            Verdict::ServerDidNotStart { reason, output } => {
                let _ = writeln!(out, "{reason}");
                if !output.trim().is_empty() {
                    let _ = writeln!(out, "\nWhat it printed:");
                    push_block(&mut out, &indent(output.trim_end(), "  "), style, full);
                }
            }
            Verdict::ProbeFailed { failures } => {
                render_probe_failed(&mut out, failures, style, full)
            }
            Verdict::MissedBugs { missed, caught } => render_missed_bugs(&mut out, missed, *caught),
        }
        out
    }
}

/// Tests that failed: the first in full (all of them in a full verdict),
/// the others one line each; then the tests that reported nothing.
fn render_tests_failed(
    out: &mut String,
    failures: &[Failure],
    not_run: &[String],
    note: Option<&str>,
    style: Style,
    full: bool,
) {
    if let Some(note) = note {
        let _ = writeln!(out, "{note}");
    }
    for (i, f) in failures.iter().enumerate() {
        if i == 0 || full {
            let _ = writeln!(out, "\n{}", style.paint(Paint::Bold, &f.test));
            push_block(out, &indent(&f.message, "  "), style, full);
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

/// A timeout: what to look for, what was still running, what it printed.
fn render_timed_out(out: &mut String, running: &[String], output: &str, style: Style, full: bool) {
    let _ = writeln!(
        out,
        "The code did not finish in time: look for an endless loop, or a goroutine or channel operation that waits forever."
    );
    if !running.is_empty() {
        let _ = writeln!(out, "Still running: {}", running.join(", "));
    }
    if !output.trim().is_empty() {
        out.push('\n');
        push_block(out, output, style, full);
    }
}

/// Runs with the wrong output: the first (all in a full verdict), each with
/// its problems, stdout diff, stderr and the command that reproduces it.
fn render_wrong_output(out: &mut String, failures: &[CaseFailure], style: Style, full: bool) {
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
            push_block(out, &indent(f.stderr.trim_end(), "    "), style, full);
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

/// Failed probes: the first (all in a full verdict) with its request and
/// answers, then the names of the others.
fn render_probe_failed(out: &mut String, failures: &[ProbeFailure], style: Style, full: bool) {
    for (i, f) in failures.iter().enumerate() {
        if i > 0 && !full {
            let rest: Vec<&str> = failures[i..].iter().map(|f| f.probe.as_str()).collect();
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

/// Bugs the learner's tests let through.
fn render_missed_bugs(out: &mut String, missed: &[String], caught: usize) {
    let _ = writeln!(
        out,
        "Your tests pass on the correct implementation{}, but they also pass on these broken ones:",
        if caught > 0 {
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

/// Every line of `text` after `prefix`.
pub(crate) fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
