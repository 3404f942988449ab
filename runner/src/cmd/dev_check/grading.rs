//! `dev check`'s grading of one exercise: as shipped, as solved, and as each
//! alternative and wrong solution kept beside the reference; and whether a
//! stub fails the way its `fails_with` says.

use std::collections::BTreeSet;
use std::ops::ControlFlow;
use std::path::Path;

use super::{Problem, problem};
use crate::course::{Course, Exercise, FAIL_KINDS};
use crate::grade::{ALT_DIR, Grader, Target, WRONG_DIR, go_files, test_funcs_in};
use crate::term::Style;
use crate::verdict::Verdict;

/// Grades one exercise four ways: as shipped, as solved, as each alternative
/// correct solution and as each wrong solution kept beside the reference.
pub(super) fn check_exercise(g: &Grader, ex: &Exercise) -> Vec<Problem> {
    let mut out = Vec::new();
    let exdir = ex.exercise_rel();
    let soldir = ex.solution_rel();
    let fail = |e: anyhow::Error| format!("{e:#}");

    match g.grade(ex, Target::Exercise) {
        Ok(v) if v.passed() => out.push(problem(
            &exdir,
            "passes as shipped: the exercise must fail until the learner does the work; leave the part it teaches undone",
        )),
        Ok(v) => {
            if let Some(want) = &ex.fails_with
                && let Err(why) = intended(g.course, ex, &v, want)
            {
                out.push(Problem {
                    path: exdir,
                    message: format!("{why}; fix the stub, or fails_with in info.toml if the stub is right"),
                    detail: v.render(Style::PLAIN, true),
                    note: false,
                });
            }
        }
        Err(e) if crate::process::is_cancelled(&e) => return out,
        Err(e) => out.push(problem(&exdir, format!("cannot be graded: {}", fail(e)))),
    }

    match g.grade(ex, Target::Solution) {
        Ok(v) if v.passed() => {}
        Ok(v) => out.push(Problem {
            path: soldir,
            message: format!(
                "the reference solution does not pass ({}); fix the solution or its hidden tests",
                v.headline()
            ),
            detail: v.render(Style::PLAIN, true),
            note: false,
        }),
        Err(e) if crate::process::is_cancelled(&e) => return out,
        Err(e) => out.push(problem(&soldir, format!("cannot be graded: {}", fail(e)))),
    }

    if alternatives(g, ex, &mut out).is_continue() {
        let _ = wrong_solutions(g, ex, &mut out);
    }
    out
}

/// Grades each alternative correct solution, which must pass; breaks when
/// cancelled.
fn alternatives(g: &Grader, ex: &Exercise, out: &mut Vec<Problem>) -> ControlFlow<()> {
    let soldir = ex.solution_rel();
    let fail = |e: anyhow::Error| format!("{e:#}");
    for variant in variants(&g.course.root.join(&soldir), ALT_DIR) {
        let path = format!("{soldir}/{ALT_DIR}/{variant}");
        match g.grade_alt(ex, &variant) {
            Ok(v) if v.passed() => out.push(Problem {
                path,
                message: "accepted (another correct solution)".into(),
                detail: String::new(),
                note: true,
            }),
            Ok(v) => out.push(Problem {
                path,
                message: format!(
                    "this correct alternative is rejected ({}): loosen the hidden tests, or fix the exercise text if it allows this",
                    v.headline()
                ),
                detail: v.render(Style::PLAIN, true),
                note: false,
            }),
            Err(e) if crate::process::is_cancelled(&e) => return ControlFlow::Break(()),
            Err(e) => out.push(problem(&path, format!("cannot be graded: {}", fail(e)))),
        }
    }
    ControlFlow::Continue(())
}

/// Grades each wrong solution, which must fail (and compile); breaks when
/// cancelled.
fn wrong_solutions(g: &Grader, ex: &Exercise, out: &mut Vec<Problem>) -> ControlFlow<()> {
    let soldir = ex.solution_rel();
    let fail = |e: anyhow::Error| format!("{e:#}");
    for variant in variants(&g.course.root.join(&soldir), WRONG_DIR) {
        let path = format!("{soldir}/{WRONG_DIR}/{variant}");
        match g.grade_wrong(ex, &variant) {
            Ok(v) if v.passed() => out.push(problem(
                &path,
                "this wrong solution passes the hidden tests: add a test that rejects it",
            )),
            Ok(Verdict::CompileError { output }) => out.push(Problem {
                path,
                message: "this wrong solution does not compile, so it proves nothing; make it compile and be wrong".into(),
                detail: output,
                note: false,
            }),
            Ok(v) => out.push(Problem {
                path,
                message: format!("rejected: {}", v.headline()),
                detail: v.render(Style::PLAIN, false),
                note: true,
            }),
            Err(e) if crate::process::is_cancelled(&e) => return ControlFlow::Break(()),
            Err(e) => out.push(problem(&path, format!("cannot be graded: {}", fail(e)))),
        }
    }
    ControlFlow::Continue(())
}

/// Names of the wrong or alternative solutions of an exercise
/// (`solutions/<dir>/wrong/*` or `solutions/<dir>/alt/*`).
fn variants(soldir: &Path, kind: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(soldir.join(kind))
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Whether a verdict is the failure `fails_with` describes.
fn intended(course: &Course, ex: &Exercise, v: &Verdict, want: &[String]) -> Result<(), String> {
    let kinds: Vec<&str> = want
        .iter()
        .map(String::as_str)
        .filter(|w| FAIL_KINDS.contains(w))
        .collect();
    let tests: Vec<&str> = want
        .iter()
        .map(String::as_str)
        .filter(|w| w.starts_with("Test") || w.starts_with("Example") || w.starts_with("Fuzz"))
        .collect();
    let bugs: Vec<&str> = want.iter().filter_map(|w| w.strip_prefix("bug:")).collect();
    let kind = Verdict::fail_kind(v);
    if !kinds.is_empty() && !kinds.contains(&kind) {
        return Err(format!(
            "fails as shipped with \"{}\" ({kind}), not the intended {}",
            v.headline(),
            kinds.join(" or ")
        ));
    }
    if !tests.is_empty() {
        intended_tests(course, ex, v, &tests)?;
    }
    if !bugs.is_empty() {
        intended_bugs(ex, v, &bugs)?;
    }
    Ok(())
}

/// Whether the failing tests include each one `fails_with` names, and each
/// is a hidden test.
fn intended_tests(
    course: &Course,
    ex: &Exercise,
    v: &Verdict,
    tests: &[&str],
) -> Result<(), String> {
    let failing: BTreeSet<String> = match v {
        Verdict::TestsFailed {
            failures, not_run, ..
        } => failures
            .iter()
            .map(|f| f.test.clone())
            .chain(not_run.iter().cloned())
            .collect(),
        Verdict::Crashed { test: Some(t), .. } => [t.clone()].into(),
        Verdict::TimedOut { running, .. } => running.iter().cloned().collect(),
        _ => BTreeSet::new(),
    };
    let missing: Vec<&str> = tests
        .iter()
        .copied()
        .filter(|t| !failing.contains(t.split('/').next().unwrap_or(t)))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "fails as shipped with \"{}\", but not in {} as intended",
            v.headline(),
            missing.join(", ")
        ));
    }
    // Typos in fails_with would make this check vacuous.
    let dir = course.root.join(ex.solution_rel());
    if let Ok((_, files)) = go_files(&dir)
        && let Ok(funcs) = test_funcs_in(&dir, &files)
    {
        for t in tests {
            let top = t.split('/').next().unwrap_or(t);
            if !ex.mode.fields().learner_writes_tests && !funcs.tests.iter().any(|f| f == top) {
                return Err(format!(
                    "fails_with names {top}, which is not a hidden test"
                ));
            }
        }
    }
    Ok(())
}

/// Whether the shipped tests miss each bug `fails_with` names.
fn intended_bugs(ex: &Exercise, v: &Verdict, bugs: &[&str]) -> Result<(), String> {
    let Verdict::MissedBugs { missed, .. } = v else {
        return Err(format!(
            "fails as shipped with \"{}\", not by missing bugs",
            v.headline()
        ));
    };
    for &b in bugs {
        let Some(bug) = ex.bugs.iter().find(|x| x.name == b) else {
            return Err(format!(
                "fails_with names bug:{b}, which is not in [[exercises.bugs]]"
            ));
        };
        if !missed.contains(&bug.description) {
            return Err(format!(
                "the shipped tests catch bug {b}, which they should miss"
            ));
        }
    }
    Ok(())
}
