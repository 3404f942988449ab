//! `learner-tests` mode: the learner writes the tests. They must pass on the
//! reference implementation, and each hidden buggy implementation (swapped
//! in with the overlay, file by file) must make them fail.

use std::path::PathBuf;

use anyhow::{Result, bail};

use super::gotest::{self, Plan, START_MARKER};
use super::seal::{RandomDir, random_name};
use super::{BUILD_TIMEOUT, Grader, Target, TestFuncs, go_files};
use crate::course::{Bug, Exercise, Require};
use crate::events::{Report, TestState};
use crate::paths::Rewriter;
use crate::process::Ended;
use crate::verdict::Verdict;

pub(crate) fn grade(g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict> {
    let root = &g.course.root;
    let dir = g.package_dir(ex, target);
    let sol = ex.solution_rel();
    let (_, test_files) = go_files(&root.join(&dir))?;
    let failed = |note: String| Verdict::TestsFailed {
        failures: vec![],
        not_run: vec![],
        note: Some(note),
    };
    if test_files.is_empty() {
        return Ok(failed(format!(
            "There is no test file yet: write your tests in a file ending in _test.go in {dir}."
        )));
    }
    // dev check's wrong solutions swap in weaker test files: read those.
    let swapped = g.swapped();
    let (funcs, calls_run) = read_tests(g, &dir, &test_files, &swapped)?;
    if let Some(note) = unmet(ex, &dir, &test_files, &funcs, calls_run) {
        return Ok(failed(note));
    }

    // The reference implementation replaces whatever implementation files
    // the learner's folder has, so the tests are judged on correct code.
    let (ref_files, _) = go_files(&root.join(&sol))?;
    let mut reference = Vec::new();
    if target == Target::Exercise {
        for f in &ref_files {
            reference.push((
                root.join(&dir).join(f),
                root.join(&sol).join(f).to_string_lossy().into_owned(),
            ));
        }
    }
    reference.extend(swapped);
    let import_path = g.import_path(&dir);
    let plans = Plans {
        g,
        dir: &dir,
        sol: &sol,
        import_path: &import_path,
        expected: &funcs.tests,
    };

    let ref_plan = plans.plan(reference.clone());
    let bench = !funcs.benchmarks.is_empty();
    let verdict = run(g, ex, target, &ref_plan, bench)?;
    match verdict {
        Verdict::Passed { .. } => {}
        Verdict::TestsFailed {
            failures,
            not_run,
            note,
        } => {
            return Ok(Verdict::TestsFailed {
                failures,
                not_run,
                note: Some(note.unwrap_or_else(|| {
                    "Your tests fail on a correct implementation: here the test is wrong, not the code.".to_string()
                })),
            });
        }
        other => return Ok(other),
    }
    bugs_caught(g, ex, target, &plans, &reference)
}

/// The test functions of the learner's test files (the swapped-in ones
/// where dev check swaps them), and whether any of them calls `t.Run`.
fn read_tests(
    g: &Grader,
    dir: &str,
    test_files: &[String],
    swapped: &[(PathBuf, String)],
) -> Result<(TestFuncs, bool)> {
    let root = &g.course.root;
    let mut funcs = TestFuncs::default();
    let mut calls_run = false;
    for f in test_files {
        let path = root.join(dir).join(f);
        let real = swapped
            .iter()
            .find(|(v, _)| *v == path)
            .map_or(path.clone(), |(_, r)| PathBuf::from(r));
        let text = std::fs::read_to_string(&real)?;
        calls_run |= text.contains(".Run(");
        let found = crate::grade::test_funcs(&text);
        funcs.tests.extend(found.tests);
        funcs.fuzz.extend(found.fuzz);
        funcs.benchmarks.extend(found.benchmarks);
    }
    Ok((funcs, calls_run))
}

/// What the learner's tests lack, when they lack a test function or what
/// the exercise requires: the note that says so.
fn unmet(
    ex: &Exercise,
    dir: &str,
    test_files: &[String],
    funcs: &TestFuncs,
    calls_run: bool,
) -> Option<String> {
    if funcs.tests.is_empty() {
        return Some(format!(
            "No test function found: write at least one `func TestXxx(t *testing.T)` in {dir}/{}.",
            test_files[0]
        ));
    }
    for req in &ex.require {
        match req {
            Require::Fuzz if funcs.fuzz.is_empty() => {
                return Some("This exercise asks for a fuzz test too: write a `func FuzzXxx(f *testing.F)` with seeds added by f.Add.".into());
            }
            Require::Benchmark if funcs.benchmarks.is_empty() => {
                return Some("This exercise asks for a benchmark too: write a `func BenchmarkXxx(b *testing.B)` that uses b.Loop().".into());
            }
            Require::Subtests if !calls_run => {
                return Some("Your tests call t.Run nowhere: this exercise asks for a table of cases, each run as a subtest with t.Run(name, func(t *testing.T) { … }).".into());
            }
            _ => {}
        }
    }
    None
}

/// What every run of the learner's tests shares: the package, and the
/// tests expected to report.
struct Plans<'a> {
    g: &'a Grader<'a>,
    dir: &'a str,
    sol: &'a str,
    import_path: &'a str,
    expected: &'a [String],
}

impl Plans<'_> {
    /// The plan of one run, with the implementation `overlay` puts in.
    fn plan(&self, overlay: Vec<(PathBuf, String)>) -> Plan {
        Plan {
            dir: self.dir.to_string(),
            import_path: self.import_path.to_string(),
            overlay,
            package: String::new(),
            expected: self.expected.to_vec(),
            rewriter: Rewriter::new(
                &self.g.course.root,
                self.dir,
                self.sol,
                vec![],
                self.import_path,
            ),
        }
    }
}

/// Each bug, in parallel: it must make some test fail. The verdict says
/// which bugs the tests missed.
fn bugs_caught(
    g: &Grader,
    ex: &Exercise,
    target: Target,
    plans: &Plans,
    reference: &[(PathBuf, String)],
) -> Result<Verdict> {
    let results: Vec<Result<(String, bool)>> = std::thread::scope(|s| {
        let handles: Vec<_> = ex
            .bugs
            .iter()
            .map(|bug| s.spawn(move || try_bug(g, ex, target, plans, reference.to_vec(), bug)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| bail!("a grading thread panicked"))
            })
            .collect()
    });
    let mut missed = Vec::new();
    for r in results {
        let (description, passed) = r?;
        if passed {
            missed.push(description);
        }
    }
    let n = ex.bugs.len();
    if missed.is_empty() {
        return Ok(Verdict::Passed {
            summary: if n == 1 {
                "your tests caught the bug".into()
            } else {
                format!("your tests caught all {n} bugs")
            },
        });
    }
    Ok(Verdict::MissedBugs {
        caught: n - missed.len(),
        missed,
    })
}

/// Runs the learner's tests with one bug swapped in for the reference:
/// the bug's description, and whether the tests passed (missed it).
fn try_bug(
    g: &Grader,
    ex: &Exercise,
    target: Target,
    plans: &Plans,
    mut overlay: Vec<(PathBuf, String)>,
    bug: &Bug,
) -> Result<(String, bool)> {
    let root = &g.course.root;
    let (dir, sol) = (plans.dir, plans.sol);
    let bug_dir = root.join(sol).join("bugs").join(&bug.name);
    let (files, _) = go_files(&bug_dir)?;
    if files.is_empty() {
        bail!(
            "solutions/{}/bugs/{} has no Go files: every bug in info.toml needs its directory",
            ex.dir,
            bug.name
        );
    }
    // The buggy files are copied under a random name, so
    // that nothing the tests can see (the command line, the
    // overlay file) says which bug is in.
    let scratch = RandomDir::new(g)?;
    for f in files {
        let copy = scratch.path().join(&f);
        std::fs::copy(bug_dir.join(&f), &copy)?;
        overlay.retain(|(v, _)| v != &root.join(dir).join(&f));
        overlay.push((root.join(dir).join(&f), copy.to_string_lossy().into_owned()));
    }
    let v = run(g, ex, target, &plans.plan(overlay), false)?;
    if let Verdict::CompileError { output } = &v {
        bail!(
            "the hidden buggy implementation {:?} of {} does not compile with these tests; this is a course problem, please report it:\n{output}",
            bug.name,
            ex.name
        );
    }
    Ok((bug.description.clone(), v.passed()))
}

/// One `go test` of the learner's tests against one implementation. Each
/// run's overlay file has a random name: the reference run and the buggy
/// ones look alike from inside.
fn run(g: &Grader, ex: &Exercise, target: Target, plan: &Plan, bench: bool) -> Result<Verdict> {
    let mut cmd = g
        .go()
        .args(["test", "-json", "-vet=off", "-ldflags=-s -w"])
        .arg(format!("-timeout={}s", ex.timeout.as_secs()));
    if bench {
        cmd = cmd.args(["-bench=.", "-benchtime=1x"]);
    }
    let suffix = format!("-{}", random_name());
    cmd = gotest::with_overlay(g, ex, target, plan, &suffix, cmd)?;
    let out = cmd
        .arg(format!("./{}", plan.dir))
        .timeout(BUILD_TIMEOUT)
        .rearm_on(START_MARKER, ex.timeout + std::time::Duration::from_secs(2))
        .memory_limit(ex.memory_limit())
        .cap(8 << 20)
        .keep_lines(gotest::keep_event)
        .run();
    if let Ok(dir) = g.cache_dir("overlay") {
        let _ = std::fs::remove_file(dir.join(format!("{}{suffix}.json", g.tag(ex, target))));
    }
    let out = out?;
    out.cancelled()?;
    if out.ended == Ended::TimedOut {
        return Ok(gotest::verdict(plan, ex.timeout, &out));
    }
    let mut report = Report::parse(&out.stdout.pieces());
    // Benchmarks report `run` but never `pass`: in a package that passed,
    // a benchmark still "running" finished fine.
    if let Some(pkg) = report.packages.get_mut(&plan.import_path)
        && pkg.result.as_deref() == Some("pass")
    {
        for t in &mut pkg.tests {
            if t.state == TestState::Running && t.name.starts_with("Benchmark") {
                t.state = TestState::Passed;
            }
        }
    }
    if report.packages.is_empty() && report.build_failed.is_empty() {
        return Ok(gotest::verdict(plan, ex.timeout, &out));
    }
    let pkg = report
        .packages
        .get(&plan.import_path)
        .cloned()
        .unwrap_or_default();
    Ok(gotest::verdict_from(plan, ex.timeout, &report, &pkg))
}
