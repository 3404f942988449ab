//! `test` mode: the exercise package plus the hidden tests, through
//! `go test -json -overlay`, with the learner's own test files left out.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use super::quick::{self, Quick};
use super::seal::{self, Seal};
use super::{BUILD_TIMEOUT, Grader, Target, go_files, test_funcs_in, write_overlay};
use crate::course::Exercise;
use crate::events::{PackageReport, Report, TestState};
use crate::paths::Rewriter;
use crate::process::{Ended, Keep, Output};
use crate::verdict::{Failure, Verdict};

/// Extra time given to the test binary past `-timeout`, so that Go's own
/// timeout report (which names the stuck test) arrives before the runner's
/// backstop kills everything.
pub(crate) const GRACE: Duration = Duration::from_secs(1);

/// The marker of the test binary starting in `go test -json` output.
pub(crate) const START_MARKER: &str = "\"Action\":\"start\"";

/// Everything needed to run one package's tests and read the result.
#[derive(Debug)]
pub(crate) struct Plan {
    pub dir: String,
    pub import_path: String,
    pub overlay: Vec<(PathBuf, String)>,
    /// The package clause of the hidden tests (`shop`, `main`, `shop_test`).
    pub package: String,
    /// Hidden test functions that must each report a pass.
    pub expected: Vec<String>,
    pub rewriter: Rewriter,
}

/// Builds the plan for an exercise: which files the overlay adds or removes,
/// which tests are expected.
pub(crate) fn plan(g: &Grader, ex: &Exercise, target: Target) -> Result<Plan> {
    let root = &g.course.root;
    let dir = g.package_dir(ex, target);
    let hidden_dir = ex.solution_rel();
    let (_, hidden_tests) = go_files(&root.join(&hidden_dir))?;
    let mut overlay = Vec::new();
    if target == Target::Exercise {
        let (_, learner_tests) = go_files(&root.join(&dir))?;
        // The learner's own tests are left out of the graded build: they
        // could define TestMain, skip or shadow the hidden tests.
        for f in learner_tests {
            if !hidden_tests.contains(&f) {
                overlay.push((root.join(&dir).join(&f), String::new()));
            }
        }
        for f in &hidden_tests {
            overlay.push((
                root.join(&dir).join(f),
                root.join(&hidden_dir)
                    .join(f)
                    .to_string_lossy()
                    .into_owned(),
            ));
        }
    }
    overlay.extend(g.swapped());
    let expected = test_funcs_in(&root.join(&hidden_dir), &hidden_tests)?.tests;
    let package = seal::package_of(
        &hidden_tests
            .iter()
            .map(|f| root.join(&hidden_dir).join(f))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_else(|| "main".to_string());
    let import_path = g.import_path(&dir);
    let rewriter = Rewriter::new(root, &dir, &hidden_dir, hidden_tests, &import_path);
    Ok(Plan {
        dir,
        import_path,
        overlay,
        package,
        expected,
        rewriter,
    })
}

/// The `go test` arguments shared by every test-mode run.
pub(crate) fn test_args(ex: &Exercise) -> Vec<String> {
    let mut args = vec!["test".to_string(), "-json".to_string()];
    if !ex.vet {
        // vet runs in dev check on the solutions; a learner's run is faster
        // without it, unless the exercise is about what vet finds.
        args.push("-vet=off".into());
    }
    // No symbol table or DWARF: a measurably shorter link. Panics and race
    // reports still name functions and lines (they use the pclntab).
    args.push("-ldflags=-s -w".into());
    args.push(format!("-timeout={}s", ex.timeout.as_secs()));
    if ex.race {
        args.push("-race".into());
    }
    // Every run is a real run: a result go test replays from its cache
    // carries no seal (see the seal module).
    args.push(format!("-count={}", ex.count.unwrap_or(1)));
    args
}

pub(crate) fn grade(g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict> {
    let plan = plan(g, ex, target)?;
    let quick = match quick::grade(g, ex, target, &plan) {
        Ok(Some(Quick::Verdict(v))) => return Ok(v),
        Ok(q) => q,
        Err(e) if crate::process::is_cancelled(&e) => return Err(e),
        Err(_) => {
            // Something the record named is gone (a cleaned cache, say).
            quick::forget(g, ex, target);
            None
        }
    };
    let verdict = go_test(g, ex, target, &plan)?;
    if matches!(quick, Some(Quick::CompileFailed))
        && !matches!(verdict, Verdict::CompileError { .. })
    {
        // The compiler refused what go test builds: the record is stale.
        quick::forget(g, ex, target);
    }
    if quick::switch() == quick::Switch::Eager {
        // Failing to prepare only means the next check is not quick.
        if let Err(e) = quick::prepare(g, ex, target)
            && crate::process::is_cancelled(&e)
        {
            return Err(e);
        }
    }
    Ok(verdict)
}

/// Adds the plan's overlay to a go command (written to the cache as
/// `<tag><suffix>.json`), when it has one.
pub(crate) fn with_overlay(
    g: &Grader,
    ex: &Exercise,
    target: Target,
    plan: &Plan,
    suffix: &str,
    cmd: crate::process::Cmd,
) -> Result<crate::process::Cmd> {
    with_entries(g, ex, target, &plan.overlay, suffix, cmd)
}

fn with_entries(
    g: &Grader,
    ex: &Exercise,
    target: Target,
    entries: &[(PathBuf, String)],
    suffix: &str,
    cmd: crate::process::Cmd,
) -> Result<crate::process::Cmd> {
    if entries.is_empty() {
        return Ok(cmd);
    }
    let file = g
        .cache_dir("overlay")?
        .join(format!("{}{suffix}.json", g.tag(ex, target)));
    let file = write_overlay(&file, entries)?;
    Ok(cmd.arg(format!("-overlay={}", file.display())))
}

fn go_test(g: &Grader, ex: &Exercise, target: Target, plan: &Plan) -> Result<Verdict> {
    let seal = Seal::new(g)?;
    let mut entries = plan.overlay.clone();
    entries.push(seal.overlay(
        &g.course.root.join(&plan.dir),
        &plan.package,
        &plan.import_path,
    )?);
    let (name, dir) = seal.env();
    let cmd = with_entries(g, ex, target, &entries, "", g.go().args(test_args(ex)))?;
    let out = cmd
        .env(name, dir)
        .arg(format!("./{}", plan.dir))
        .timeout(BUILD_TIMEOUT)
        .rearm_on(START_MARKER, ex.timeout + GRACE)
        .cap(8 << 20)
        .keep_lines(keep_event)
        .run()?;
    out.cancelled()?;
    Ok(seal.confirm(&plan.import_path, verdict(plan, ex.timeout, &out)))
}

/// Which lines of a `go test -json` stream past the capture cap are kept:
/// every event other than plain output (a test's pass must never be lost
/// to a flood of output), and output lines that say what went wrong.
pub(crate) fn keep_event(line: &[u8]) -> Keep {
    fn find(hay: &[u8], pat: &[u8]) -> Option<usize> {
        hay.windows(pat.len()).position(|w| w == pat)
    }
    if find(line, b"\"Action\":\"output\"").is_none() {
        return Keep::Line;
    }
    // Only the printed text decides; the package path is in every line.
    let Some(at) = find(line, b"\"Output\":\"") else {
        return Keep::Drop;
    };
    let text = &line[at..];
    if find(text, b"panic: ").is_some() || find(text, b"fatal error: ").is_some() {
        // A panic: its goroutine dump follows, and all of it matters.
        return Keep::FromHere;
    }
    let wanted = [
        &b"DATA RACE"[..],
        b"race detected",
        b"--- FAIL",
        b"_test.go:",
        b".go:",
    ]
    .iter()
    .any(|p| find(text, p).is_some());
    if wanted { Keep::Line } else { Keep::Drop }
}

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
fn explain_collisions(output: String) -> String {
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
    let failed_build =
        pkg.failed_build.is_some() || report.build_failed.contains(&plan.import_path);
    if failed_build {
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
        return Verdict::CompileError {
            output: explain_collisions(rw.compile_output(&build_lines)),
        };
    }

    let all_output = || {
        let mut v: Vec<String> = Vec::new();
        for t in &pkg.tests {
            v.extend(t.output.iter().cloned());
        }
        v.extend(pkg.output.iter().cloned());
        v
    };
    // Go's timeout panic, or (when output raced with it and cut the panic
    // line in pieces) a test still running when the package ran out of time.
    let ran_out = pkg.elapsed.is_some_and(|e| e >= limit.as_secs_f64() - 0.05)
        && pkg.tests.iter().any(|t| t.state == TestState::Running);
    let timed_out_in_go = ran_out
        || all_output()
            .iter()
            .any(|l| l.contains("panic: test timed out after"));

    // The go command kills a test binary that outlives its -timeout by a
    // minute: the tests' own timer never started, because the code looped
    // before them (in an init function or a package-level variable).
    if !timed_out_in_go
        && pkg.tests.is_empty()
        && all_output()
            .iter()
            .any(|l| l.contains("*** Test killed") && l.contains("ran too long"))
    {
        return Verdict::TimedOut {
            limit,
            running: Vec::new(),
            output: "No test started: the package never finished initialising. Look for an endless loop in an init function or in a package-level variable's initial value.".to_string(),
        };
    }

    // 2. A test started and never finished: Go's timeout, or a crash that
    //    took the whole test binary down.
    let top_running: Vec<&crate::events::TestRecord> = pkg
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
        return Verdict::TimedOut {
            limit,
            running: top_running.iter().map(|t| t.name.clone()).collect(),
            output: rw.test_output(&out),
        };
    }
    if let Some(t) = top_running.first() {
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
        return Verdict::Crashed {
            test: Some(t.name.clone()),
            output: text,
        };
    }

    // 3. Failed tests, in the order they ran.
    let mut failures = Vec::new();
    let mut crash: Option<(String, String)> = None;
    let mut race = false;
    for t in pkg
        .tests
        .iter()
        .filter(|t| t.state == TestState::Failed && !t.name.contains('/'))
    {
        // The test's own output, then each failed subtest's under its name.
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
        let is_race = out.iter().any(|l| {
            l.contains("WARNING: DATA RACE") || l.contains("race detected during execution of test")
        });
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
    if let Some((test, output)) = crash {
        return Verdict::Crashed {
            test: Some(test),
            output,
        };
    }

    // 4. Every expected hidden test must have passed on its own.
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

    if !failures.is_empty() || !not_run.is_empty() {
        let note = if failures.is_empty() && not_run.len() == plan.expected.len() {
            let panic = pkg.output.iter().any(|l| l.starts_with("panic: "));
            if panic {
                return Verdict::Crashed {
                    test: None,
                    output: rw.test_output(&strip_summary(&pkg.output)),
                };
            }
            Some("None of the hidden tests ran: does the code call os.Exit, or exit in an init function?".to_string())
        } else if race {
            Some("The race detector found a data race: two goroutines use the same memory without synchronisation, so the result depends on luck.".to_string())
        } else {
            None
        };
        return Verdict::TestsFailed {
            failures,
            not_run,
            note,
        };
    }

    // 5. All expected tests passed, yet the package failed: a race or a
    //    panic after the tests, a leaked goroutine's crash.
    if pkg.result.as_deref() == Some("fail") {
        let out = strip_summary(&pkg.output);
        if out
            .iter()
            .any(|l| l.contains("WARNING: DATA RACE") || l.contains("race detected"))
        {
            return Verdict::TestsFailed {
                failures: vec![Failure { test: "(after the tests)".into(), message: race_message(rw, &out) }],
                not_run: vec![],
                note: Some("The race detector found a data race: two goroutines use the same memory without synchronisation, so the result depends on luck.".into()),
            };
        }
        let text = rw.test_output(&out);
        return Verdict::Crashed {
            test: None,
            output: if text.trim().is_empty() {
                "The tests passed, but the test binary then failed without a message.".into()
            } else {
                text
            },
        };
    }

    let n = plan.expected.len();
    Verdict::Passed {
        summary: crate::verdict::plural(n, "test", "tests"),
    }
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

/// A race report, trimmed to what a learner can act on: the first report's
/// two accesses, at lines of their code.
/// A test's output with the race detector's reports taken out.
fn without_race_reports(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_report = false;
    for l in lines {
        let t = l.trim();
        if t.starts_with("==================") {
            in_report = !in_report;
            continue;
        }
        if in_report || t.contains("race detected during execution of test") {
            continue;
        }
        out.push(l.clone());
    }
    out
}

fn race_message(rw: &Rewriter, out: &[String]) -> String {
    let mut msg = vec![
        "DATA RACE: two goroutines used the same variable at once, at least one of them writing:"
            .to_string(),
    ];
    let mut heading: Option<String> = None;
    let mut started = false;
    for l in out {
        let t = l.trim();
        if t.starts_with("WARNING: DATA RACE") {
            if started {
                break;
            }
            started = true;
            continue;
        }
        if !started {
            continue;
        }
        if t.starts_with("==================") {
            break;
        }
        if t.ends_with(':')
            && (t.starts_with("Read at")
                || t.starts_with("Write at")
                || t.starts_with("Previous read")
                || t.starts_with("Previous write"))
        {
            let what = if t.starts_with("Previous") {
                "earlier "
            } else {
                ""
            };
            let access = if t.contains("ead at") {
                "read"
            } else {
                "write"
            };
            heading = Some(format!("{what}{access}"));
            continue;
        }
        if t.starts_with("Goroutine ") {
            heading = None;
            continue;
        }
        let pos = rw.line(t);
        let pos = pos.split(" +0x").next().unwrap_or(&pos).to_string();
        let ours = pos.starts_with("exercises/")
            || pos.starts_with("solutions/")
            || pos.starts_with(crate::paths::HIDDEN);
        if ours
            && pos.contains(".go:")
            && let Some(h) = heading.take()
        {
            msg.push(format!("  {h} at {pos}"));
        }
    }

    msg.push(
        "Give each goroutine its own copy of the variable, or protect it with a sync.Mutex, use sync/atomic, or pass values over a channel."
            .into(),
    );
    msg.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_shared_with_a_hidden_test_is_explained() {
        let out = explain_collisions(
            "[hidden test] requestid_test.go:14:5: testID redeclared in this block\n\
             \texercises/16_middleware/03_request_id/requestid.go:9:6: other declaration of testID\n"
                .to_string(),
        );
        assert!(
            out.starts_with("Rename your `testID`: the course's hidden tests use that name"),
            "{out}"
        );
        let plain = "exercises/a/a.go:3:1: x redeclared in this block\n".to_string();
        assert_eq!(explain_collisions(plain.clone()), plain);
    }
}
