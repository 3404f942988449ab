//! Reading a `go test -json` run into a verdict: a build failure, a
//! timeout, a crash, failed or missing tests, or a pass.

use std::time::Duration;

use super::Plan;
use super::failures::{Failed, failed_tests};
use super::race::race_message;
use crate::events::{PackageReport, Report, TestRecord, TestState};
use crate::paths::Rewriter;
use crate::process::{Ended, Output};
use crate::verdict::{Failure, Verdict};

/// Reads the events of one `go test -json` run into a verdict.
pub(crate) fn verdict(plan: &Plan, limit: Duration, out: &Output) -> Verdict {
    let report = Report::parse(&out.stdout.pieces());
    let empty = PackageReport::default();
    let pkg = report.packages.get(&plan.import_path).unwrap_or(&empty);
    if let Some(bound) = out.over_memory {
        return Verdict::Crashed {
            test: running_tests(pkg).into_iter().next(),
            output: crate::verdict::over_memory(bound),
        };
    }
    let verdict = verdict_from(plan, limit, &report, pkg);
    if out.ended == Ended::TimedOut {
        // The backstop fired: Go's own timeout did not (an endless loop in
        // init, a binary that ignores the alarm). Keep any detail it found.
        return match verdict {
            v @ Verdict::TimedOut { .. } => v,
            _ => Verdict::TimedOut {
                limit,
                running: running_tests(pkg),
                output: plan.rewriter.test_output(&pkg.output),
            },
        };
    }
    if report.packages.is_empty() && report.build_failed.is_empty() {
        // go itself failed before running anything (bad flags, no module).
        let mut text = out.stderr.text();
        if text.trim().is_empty() {
            text = report.stray.join("\n");
        }
        return Verdict::CompileError {
            output: plan.rewriter.compile_output(&lines(&text)),
        };
    }
    verdict
}

/// A name the learner declared that a hidden test declares too gives Go's
/// "redeclared in this block" at the hidden file: say plainly whose name to
/// change.
pub(super) fn explain_collisions(output: String) -> String {
    let hidden = crate::paths::HIDDEN;
    let mut names: Vec<&str> = output
        .lines()
        .filter(|l| l.trim_start().starts_with(hidden))
        .filter_map(|l| l.strip_suffix(" redeclared in this block"))
        .filter_map(|l| l.rsplit(": ").next())
        .collect();
    names.dedup();
    if names.is_empty() {
        return output;
    }
    let mut out = String::new();
    for name in names {
        out.push_str(&format!(
            "Rename your `{name}`: the course's hidden tests use that name in this package.\n"
        ));
    }
    out.push('\n');
    out.push_str(&output);
    out
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(String::from).collect()
}

fn running_tests(pkg: &PackageReport) -> Vec<String> {
    pkg.tests
        .iter()
        .filter(|t| t.state == TestState::Running)
        .map(|t| t.name.clone())
        .collect()
}

/// The verdict from a parsed report; shared with aggregated runs.
pub(crate) fn verdict_from(
    plan: &Plan,
    limit: Duration,
    report: &Report,
    pkg: &PackageReport,
) -> Verdict {
    let rw = &plan.rewriter;

    // 1. It did not build.
    if let Some(v) = build_failure(plan, report, pkg) {
        return v;
    }

    let timed_out_in_go = timed_out_in_go(limit, pkg);
    if !timed_out_in_go && let Some(v) = killed_before_tests(limit, pkg) {
        return v;
    }

    // 2. A test started and never finished: Go's timeout, or a crash that
    //    took the whole test binary down.
    if let Some(v) = unfinished(rw, limit, pkg, timed_out_in_go) {
        return v;
    }

    // 3. Failed tests, in the order they ran.
    let Failed {
        failures,
        crash,
        race,
    } = failed_tests(rw, pkg);
    if let Some((test, output)) = crash {
        return Verdict::Crashed {
            test: Some(test),
            output,
        };
    }

    // 4. Every expected hidden test must have passed on its own.
    if let Some(v) = missing(plan, pkg, failures, race) {
        return v;
    }

    // 5. All expected tests passed, yet the package failed: a race or a
    //    panic after the tests, a leaked goroutine's crash.
    if pkg.result.as_deref() == Some("fail") {
        return failed_after_tests(rw, pkg);
    }

    let n = plan.expected.len();
    Verdict::Passed {
        summary: crate::verdict::plural(n, "test", "tests"),
    }
}

/// Step 1: the package did not build; its compiler errors, or `None` when
/// it did build.
fn build_failure(plan: &Plan, report: &Report, pkg: &PackageReport) -> Option<Verdict> {
    let failed_build =
        pkg.failed_build.is_some() || report.build_failed.contains(&plan.import_path);
    if !failed_build {
        return None;
    }
    let mut build_lines = Vec::new();
    for (path, ls) in &report.build_output {
        // This package, the build its failure names, and its own
        // subpackages: never another exercise's errors in a shared run.
        let ours = *path == plan.import_path
            || pkg.failed_build.as_deref() == Some(path.as_str())
            || path.starts_with(&format!("{}/", plan.import_path));
        if ours {
            build_lines.extend(ls.iter().cloned());
        }
    }
    if build_lines.is_empty() {
        build_lines = pkg
            .output
            .iter()
            .filter(|l| !l.starts_with("FAIL"))
            .cloned()
            .collect();
    }
    Some(Verdict::CompileError {
        output: explain_collisions(plan.rewriter.compile_output(&build_lines)),
    })
}

/// Every output line of the package: each test's, then the package's own.
fn all_output(pkg: &PackageReport) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for t in &pkg.tests {
        v.extend(t.output.iter().cloned());
    }
    v.extend(pkg.output.iter().cloned());
    v
}

/// Go's timeout panic, or (when output raced with it and cut the panic
/// line in pieces) a test still running when the package ran out of time.
fn timed_out_in_go(limit: Duration, pkg: &PackageReport) -> bool {
    let ran_out = pkg.elapsed.is_some_and(|e| e >= limit.as_secs_f64() - 0.05)
        && pkg.tests.iter().any(|t| t.state == TestState::Running);
    ran_out
        || all_output(pkg)
            .iter()
            .any(|l| l.contains("panic: test timed out after"))
}

/// The go command kills a test binary that outlives its -timeout by a
/// minute: the tests' own timer never started, because the code looped
/// before them (in an init function or a package-level variable).
fn killed_before_tests(limit: Duration, pkg: &PackageReport) -> Option<Verdict> {
    let killed = pkg.tests.is_empty()
        && all_output(pkg)
            .iter()
            .any(|l| l.contains("*** Test killed") && l.contains("ran too long"));
    killed.then(|| Verdict::TimedOut {
        limit,
        running: Vec::new(),
        output: "No test started: the package never finished initialising. Look for an endless loop in an init function or in a package-level variable's initial value.".to_string(),
    })
}

/// Step 2: a top-level test that started and never finished, timed out
/// (when `timed_out_in_go`) or crashed; `None` when every test finished.
fn unfinished(
    rw: &Rewriter,
    limit: Duration,
    pkg: &PackageReport,
    timed_out_in_go: bool,
) -> Option<Verdict> {
    let top_running: Vec<&TestRecord> = pkg
        .tests
        .iter()
        .filter(|t| t.state == TestState::Running && !t.name.contains('/'))
        .collect();
    if timed_out_in_go {
        // What the code printed before is rarely the point: show where the
        // goroutines were when time ran out.
        let mut out = pkg.stream.clone();
        if let Some(pos) = out
            .iter()
            .position(|l| l.contains("panic: test timed out after"))
        {
            out.drain(..pos);
        }
        out.retain(|l| !is_summary_line(l));
        return Some(Verdict::TimedOut {
            limit,
            running: top_running.iter().map(|t| t.name.clone()).collect(),
            output: rw.test_output(&out),
        });
    }
    let t = top_running.first()?;
    Some(Verdict::Crashed {
        test: Some(t.name.clone()),
        output: crash_output(rw, pkg, t),
    })
}

/// What a test that took the binary down printed, from its first line on.
fn crash_output(rw: &Rewriter, pkg: &PackageReport, t: &TestRecord) -> String {
    let mut out = pkg.stream.clone();
    // From the stuck test's first line on: what earlier tests printed
    // is not about the crash.
    if let Some(first) = t.output.first()
        && let Some(pos) = out.iter().position(|l| l == first)
    {
        out.drain(..pos);
    }
    out.retain(|l| !is_summary_line(l));
    let mut text = rw.test_output(&out);
    if text.trim().is_empty() {
        text = "The test binary exited in the middle of this test without a message: does the code call os.Exit?".into();
    }
    // What it printed last is what explains a crash.
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() > 200 {
        text = format!(
            "… {} earlier lines\n{}",
            lines.len() - 150,
            lines[lines.len() - 150..].join("\n")
        );
    }
    text
}

/// Step 4: the failed tests with the expected hidden tests that were
/// skipped or never ran; the failing verdict, or `None` when nothing failed
/// and every expected test passed.
fn missing(
    plan: &Plan,
    pkg: &PackageReport,
    mut failures: Vec<Failure>,
    race: bool,
) -> Option<Verdict> {
    let mut not_run = Vec::new();
    for name in &plan.expected {
        match pkg.test(name).map(|t| t.state) {
            Some(TestState::Passed) | Some(TestState::Failed) => {}
            Some(TestState::Skipped) => failures.push(Failure {
                test: name.clone(),
                message: "  was skipped, so it did not pass".into(),
            }),
            Some(TestState::Running) | None => not_run.push(name.clone()),
        }
    }

    if failures.is_empty() && not_run.is_empty() {
        return None;
    }
    let note = if failures.is_empty() && not_run.len() == plan.expected.len() {
        let panic = pkg.output.iter().any(|l| l.starts_with("panic: "));
        if panic {
            return Some(Verdict::Crashed {
                test: None,
                output: plan.rewriter.test_output(&strip_summary(&pkg.output)),
            });
        }
        Some("None of the hidden tests ran: does the code call os.Exit, or exit in an init function?".to_string())
    } else if race {
        Some("The race detector found a data race: two goroutines use the same memory without synchronisation, so the result depends on luck.".to_string())
    } else {
        None
    };
    Some(Verdict::TestsFailed {
        failures,
        not_run,
        note,
    })
}

/// Step 5: every expected test passed, yet the package failed.
fn failed_after_tests(rw: &Rewriter, pkg: &PackageReport) -> Verdict {
    let out = strip_summary(&pkg.output);
    if out.iter().any(|l| super::race::reported_in(l)) {
        return Verdict::TestsFailed {
            failures: vec![Failure { test: "(after the tests)".into(), message: race_message(rw, &out) }],
            not_run: vec![],
            note: Some("The race detector found a data race: two goroutines use the same memory without synchronisation, so the result depends on luck.".into()),
        };
    }
    let text = rw.test_output(&out);
    Verdict::Crashed {
        test: None,
        output: if text.trim().is_empty() {
            "The tests passed, but the test binary then failed without a message.".into()
        } else {
            text
        },
    }
}

fn is_summary_line(l: &str) -> bool {
    l == "FAIL"
        || l == "PASS"
        || l.starts_with("FAIL\t")
        || l.starts_with("ok  \t")
        || l.starts_with("exit status ")
}

fn strip_summary(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| !is_summary_line(l))
        .cloned()
        .collect()
}
