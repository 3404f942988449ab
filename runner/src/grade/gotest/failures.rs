//! A failed test's message: its own output and its failed subtests',
//! with any race report trimmed to what a learner can act on.

use super::race::{race_message, without_race_reports};
use crate::events::{PackageReport, TestRecord, TestState};
use crate::paths::Rewriter;
use crate::verdict::Failure;

/// Step 3's findings: the failed top-level tests, the first that panicked
/// (its name and message), and whether any of them raced.
pub(super) struct Failed {
    pub(super) failures: Vec<Failure>,
    pub(super) crash: Option<(String, String)>,
    pub(super) race: bool,
}

/// Step 3: the failed top-level tests, in the order they ran.
pub(super) fn failed_tests(rw: &Rewriter, pkg: &PackageReport) -> Failed {
    let mut failures = Vec::new();
    let mut crash: Option<(String, String)> = None;
    let mut race = false;
    for t in pkg
        .tests
        .iter()
        .filter(|t| t.state == TestState::Failed && !t.name.contains('/'))
    {
        let (out, message_parts) = failed_output(rw, pkg, t);
        let is_race = out.iter().any(|l| super::race::reported_in(l));
        race |= is_race;
        let message = if is_race {
            let mut m = race_message(rw, &out);
            if !message_parts.is_empty() {
                m.push('\n');
                m.push_str(&message_parts.join("\n"));
            }
            m
        } else {
            message_parts.join("\n")
        };
        if crash.is_none()
            && out
                .iter()
                .any(|l| l.starts_with("panic: ") || l.starts_with("fatal error: "))
        {
            crash = Some((t.name.clone(), message.clone()));
        }
        failures.push(Failure {
            test: t.name.clone(),
            message,
        });
    }
    Failed {
        failures,
        crash,
        race,
    }
}

/// A failed test's raw output and its message parts: the test's own
/// output, then each failed subtest's under its name.
fn failed_output(rw: &Rewriter, pkg: &PackageReport, t: &TestRecord) -> (Vec<String>, Vec<String>) {
    let mut out: Vec<String> = Vec::new();
    let mut message_parts: Vec<String> = Vec::new();
    for rec in pkg
        .tests
        .iter()
        .filter(|r| r.name == t.name || r.name.starts_with(&format!("{}/", t.name)))
    {
        if rec.output.is_empty() || (rec.name != t.name && rec.state != TestState::Failed) {
            continue;
        }
        out.extend(rec.output.iter().cloned());
        // The test's own messages stay, whatever race reports they sit among.
        let own = without_race_reports(&rec.output);
        let text = dedent(&rw.test_output(&own));
        if text.trim().is_empty() {
            continue;
        }
        if rec.name == t.name {
            message_parts.push(text);
        } else {
            let sub = rec.name.split_once('/').map_or(rec.name.as_str(), |x| x.1);
            if text.lines().count() == 1 {
                message_parts.push(format!("{sub}: {}", text.trim()));
            } else {
                message_parts.push(format!("{sub}:\n{}", crate::verdict::indent(&text, "  ")));
            }
        }
    }
    (out, message_parts)
}

/// Removes the indentation all lines share (Go indents test output by four
/// spaces, which the verdict adds its own to).
fn dedent(text: &str) -> String {
    let n = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    text.lines()
        .map(|l| l.get(n..).unwrap_or(l.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}
