//! `dev check`: proves the course is sound. Every exercise fails as shipped,
//! for the reason its entry states; every reference solution passes; every
//! wrong solution kept beside it fails; solutions are gofmt- and vet-clean;
//! hints, book sections, numbering and files are in order. Each problem is
//! one line: where, what is wrong, how to fix it.
//!
//! This file runs the checks and reports; `structure` holds the rules that
//! need no grading, `grading` the grading of each exercise, and gofmt, go vet
//! and the manifest are checked here.

mod grading;
mod structure;

use std::collections::BTreeSet;

use anyhow::Result;

use crate::cli::DevCheckArgs;
use crate::course::{Course, Exercise};
use crate::grade::{ALT_DIR, Grader, WRONG_DIR};
use crate::process::Cmd;
use crate::term::{Paint, Style};

use grading::check_exercise;
use structure::structure;

/// One thing wrong with the course.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Problem {
    pub path: String,
    pub message: String,
    /// More text (a verdict), shown with `--verbose`.
    pub detail: String,
    /// Not a problem: a note shown with `--verbose` only (how a wrong
    /// solution was rejected, so that a rejection for the wrong reason can be
    /// seen).
    pub note: bool,
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        path: path.into(),
        message: message.into(),
        detail: String::new(),
        note: false,
    }
}

pub(crate) fn run(course: &Course, args: &DevCheckArgs) -> Result<i32> {
    let selected = course.select(&args.names)?;
    let bar = crate::progress_bar::Bar::new(selected.len(), "checking the Go toolchain");
    let problems = static_checks(course, &selected, &bar);
    let mut problems = match problems {
        Ok(p) => p,
        Err(e) => {
            bar.clear();
            return Err(e);
        }
    };
    bar.phase("grading the solutions and their variants");
    let jobs = args.jobs.unwrap_or_else(crate::grade::batch::default_jobs);
    problems.extend(grade_all(course, &selected, &bar, jobs));
    bar.clear();
    if crate::signals::interrupted() {
        return Ok(crate::exit::INTERRUPTED);
    }
    Ok(report(problems, selected.len(), args))
}

/// Grades the selected exercises on `jobs` threads, as `check_exercise` does.
fn grade_all(
    course: &Course,
    selected: &[&Exercise],
    bar: &crate::progress_bar::Bar,
    jobs: usize,
) -> Vec<Problem> {
    let cancel = crate::process::global_cancel().clone();
    let grader = || {
        let mut g = Grader::with_cancel(course, cancel.clone());
        g.check_manifest = false;
        g
    };
    let found = crate::pool::run(
        selected,
        jobs,
        grader,
        || cancel.is_cancelled(),
        |g, ex| {
            let p = check_exercise(g, ex);
            bar.inc(&ex.name);
            p
        },
    );
    found.into_iter().flatten().collect()
}

/// Prints the problems (and with `--verbose` the notes and verdicts) and a
/// last line; returns the exit code.
fn report(mut problems: Vec<Problem>, checked: usize, args: &DevCheckArgs) -> i32 {
    let style = Style::stdout();
    problems.sort();
    problems.dedup();
    let (notes, problems): (Vec<Problem>, Vec<Problem>) =
        problems.into_iter().partition(|p| p.note);
    if args.verbose {
        for n in &notes {
            outln!(
                "{}: {}",
                style.paint(Paint::Path, &n.path),
                style.paint(Paint::Dim, &n.message)
            );
            for l in n.detail.trim_end().lines().skip(1).take(6) {
                outln!("    {}", style.paint(Paint::Dim, l));
            }
        }
    }

    for p in &problems {
        outln!("{}: {}", style.paint(Paint::Path, &p.path), p.message);
        if args.verbose && !p.detail.trim().is_empty() {
            for l in p.detail.trim_end().lines() {
                outln!("    {l}");
            }
        }
    }
    if problems.is_empty() {
        outln!(
            "{}",
            style.paint(
                Paint::Pass,
                &format!(
                    "✓ {} checked: the course is sound",
                    crate::verdict::plural(checked, "exercise", "exercises")
                )
            )
        );
        crate::exit::SUCCESS
    } else {
        outln!(
            "\n{} {} (of {} exercises checked){}",
            style.paint(Paint::Fail, "✗"),
            crate::verdict::plural(problems.len(), "problem", "problems"),
            checked,
            if args.verbose {
                ""
            } else {
                "; --verbose shows the verdicts"
            }
        );
        crate::exit::EXERCISE_FAILED
    }
}

/// What is checked without grading: the layout, the book, the manifest,
/// gofmt and go vet (saying which on the bar, since vet takes a while).
fn static_checks(
    course: &Course,
    selected: &[&Exercise],
    bar: &crate::progress_bar::Bar,
) -> Result<Vec<Problem>> {
    crate::gomod::check_toolchain(&course.go_version)?;
    bar.phase("checking the layout and the book");
    let mut problems = structure(course)?;
    problems.extend(
        crate::book::check_course(course)
            .into_iter()
            .map(|(path, msg)| problem(path, msg)),
    );
    problems.extend(manifest_problem(course)?);
    bar.phase("gofmt");
    problems.extend(gofmt(course)?);
    bar.phase("go vet");
    problems.extend(vet(course, selected)?);
    Ok(problems)
}

/// `dev manifest`: writes the hashes of every file under solutions/.
pub(crate) fn write_manifest(course: &Course) -> Result<i32> {
    use crate::grade::manifest;
    let entries = manifest::current(&course.root)?;
    crate::fsutil::write_atomic(
        &course.root.join(manifest::FILE),
        manifest::render(&entries).as_bytes(),
    )?;
    outln!(
        "Wrote {} ({} files). Commit it with the solutions.",
        manifest::FILE,
        entries.len()
    );
    Ok(crate::exit::SUCCESS)
}

/// A missing or stale manifest of the hidden files.
fn manifest_problem(course: &Course) -> Result<Option<Problem>> {
    use crate::grade::manifest;
    let have = manifest::current(&course.root)?;
    let Some(want) = manifest::load(&course.root)? else {
        return Ok(Some(problem(
            manifest::FILE,
            "missing: grading checks hidden files against it; write it with `backendlings dev manifest`",
        )));
    };
    let diff = manifest::differences(&want, &have, |_| true);
    Ok(diff.first().map(|(path, what)| {
        let more = match diff.len() - 1 {
            0 => String::new(),
            n => format!(" (and {n} more)"),
        };
        problem(
            manifest::FILE,
            format!(
                "out of date: {path} {what}{more}; write it again with `backendlings dev manifest`"
            ),
        )
    }))
}

/// gofmt over solutions (which must be clean) and exercises (which must be
/// clean where they parse: a file with a deliberate syntax error is left alone).
fn gofmt(course: &Course) -> Result<Vec<Problem>> {
    let mut out = Vec::new();
    let mut dirs = vec!["solutions"];
    if course.root.join("book/listings").is_dir() {
        dirs.push("book/listings");
    }
    let run = Cmd::new("gofmt")
        .arg("-l")
        .args(&dirs)
        .arg("exercises")
        .cwd(&course.root)
        .timeout(std::time::Duration::from_secs(120))
        .run()?;
    for line in run.stdout.text().lines().filter(|l| !l.trim().is_empty()) {
        out.push(problem(
            line.trim(),
            format!("is not gofmt-formatted; run `gofmt -w {}`", line.trim()),
        ));
    }
    Ok(out)
}

/// `go vet` over the reference solutions (and their hidden tests), in one run.
fn vet(course: &Course, selected: &[&Exercise]) -> Result<Vec<Problem>> {
    let mut pkgs = Vec::new();
    for ex in selected {
        let base = course.root.join(ex.solution_rel());
        let mut dirs = BTreeSet::new();
        for f in crate::fsutil::files_under(&base)? {
            let s = f.to_string_lossy().into_owned();
            if s.ends_with(".go")
                && !s.starts_with("bugs/")
                && !s.starts_with(&format!("{WRONG_DIR}/"))
                && !s.starts_with(&format!("{ALT_DIR}/"))
            {
                dirs.insert(
                    f.parent()
                        .map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
            }
        }
        for d in dirs {
            pkgs.push(if d.is_empty() {
                format!("./{}", ex.solution_rel())
            } else {
                format!("./{}/{d}", ex.solution_rel())
            });
        }
    }
    if pkgs.is_empty() {
        return Ok(vec![]);
    }
    let out = Cmd::new("go")
        .arg("vet")
        .args(&pkgs)
        .cwd(&course.root)
        .env("GOTOOLCHAIN", "local")
        .timeout(std::time::Duration::from_secs(600))
        .run()?;
    if out.success() {
        return Ok(vec![]);
    }
    let mut problems = Vec::new();
    for line in out.stderr.text().lines() {
        let l = line
            .trim()
            .trim_start_matches("vet: ")
            .trim_start_matches("./");
        if l.starts_with('#') || l.is_empty() {
            continue;
        }
        if let Some((path, msg)) = l.split_once(": ") {
            problems.push(problem(path, format!("go vet: {msg}")));
        } else {
            problems.push(problem("solutions", format!("go vet: {l}")));
        }
    }
    if problems.is_empty() {
        problems.push(problem(
            "solutions",
            format!("go vet failed: {}", out.stderr.text().trim()),
        ));
    }
    Ok(problems)
}
