//! `test` mode: the exercise package plus the hidden tests, through
//! `go test -json -overlay`, with the learner's own test files left out.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use super::quick::{self, Quick};
use super::seal::{self, Seal};
use super::{BUILD_TIMEOUT, Grader, Target, go_files, test_funcs_in, write_overlay};
use crate::course::Exercise;
use crate::paths::Rewriter;
use crate::process::Keep;
use crate::verdict::Verdict;

mod failures;
mod race;
mod read;
#[cfg(test)]
mod tests;

pub(crate) use read::{verdict, verdict_from};

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
    let verdict = go_test(g, ex, &plan)?;
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
    let entries = &plan.overlay;
    if entries.is_empty() {
        return Ok(cmd);
    }
    let file = g
        .cache_dir("overlay")?
        .join(format!("{}{suffix}.json", g.tag(ex, target)));
    let file = write_overlay(&file, entries)?;
    Ok(cmd.arg(format!("-overlay={}", file.display())))
}

fn go_test(g: &Grader, ex: &Exercise, plan: &Plan) -> Result<Verdict> {
    let seal = Seal::new(g)?;
    let mut entries = plan.overlay.clone();
    entries.push(seal.overlay(
        &g.course.root.join(&plan.dir),
        &plan.package,
        &plan.import_path,
    )?);
    let (name, dir) = seal.env();
    let overlay = write_overlay(&seal.overlay_file(), &entries)?;
    let out = g
        .go()
        .args(test_args(ex))
        .arg(format!("-overlay={}", overlay.display()))
        .env(name, dir)
        .arg(format!("./{}", plan.dir))
        .timeout(BUILD_TIMEOUT)
        .rearm_on(START_MARKER, ex.timeout + GRACE)
        .memory_limit(ex.memory_limit())
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
