//! `dev check`: proves the course is sound. Every exercise fails as shipped,
//! for the reason its entry states; every reference solution passes; every
//! wrong solution kept beside it fails; solutions are gofmt- and vet-clean;
//! hints, book sections, numbering and files are in order. Each problem is
//! one line: where, what is wrong, how to fix it.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Mutex;

use anyhow::Result;

use crate::cli::DevCheckArgs;
use crate::course::{Course, Exercise, FAIL_KINDS, Mode, number_of};
use crate::grade::{ALT_DIR, Grader, Target, WRONG_DIR, go_files, test_funcs_in};
use crate::process::Cmd;
use crate::term::{Paint, Style};
use crate::verdict::Verdict;

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
    let style = Style::stdout();

    let jobs = args.jobs.unwrap_or_else(super::verify::default_jobs);
    let found = Mutex::new(Vec::new());
    let cancel = crate::process::global_cancel().clone();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..jobs.clamp(1, selected.len().max(1)) {
            s.spawn(|| {
                let mut g = Grader::with_cancel(course, cancel.clone());
                g.check_manifest = false;
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(ex) = selected.get(i) else { break };
                    if cancel.is_cancelled() {
                        break;
                    }
                    let p = check_exercise(&g, ex);
                    bar.inc(&ex.name);
                    found.lock().unwrap_or_else(|e| e.into_inner()).extend(p);
                }
            });
        }
    });
    bar.clear();
    if crate::signals::interrupted() {
        return Ok(crate::exit::INTERRUPTED);
    }
    problems.extend(found.into_inner().unwrap_or_else(|e| e.into_inner()));
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
                    crate::verdict::plural(selected.len(), "exercise", "exercises")
                )
            )
        );
        Ok(crate::exit::SUCCESS)
    } else {
        outln!(
            "\n{} {} (of {} exercises checked){}",
            style.paint(Paint::Fail, "✗"),
            crate::verdict::plural(problems.len(), "problem", "problems"),
            selected.len(),
            if args.verbose {
                ""
            } else {
                "; --verbose shows the verdicts"
            }
        );
        Ok(crate::exit::EXERCISE_FAILED)
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

/// Grades one exercise four ways: as shipped, as solved, as each alternative
/// correct solution and as each wrong solution kept beside the reference.
pub(crate) fn check_exercise(g: &Grader, ex: &Exercise) -> Vec<Problem> {
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
            path: soldir.clone(),
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
            Err(e) if crate::process::is_cancelled(&e) => return out,
            Err(e) => out.push(problem(&path, format!("cannot be graded: {}", fail(e)))),
        }
    }

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
            Err(e) if crate::process::is_cancelled(&e) => return out,
            Err(e) => out.push(problem(&path, format!("cannot be graded: {}", fail(e)))),
        }
    }
    out
}

/// Names of the wrong or alternative solutions of an exercise
/// (`solutions/<dir>/wrong/*` or `solutions/<dir>/alt/*`).
pub(crate) fn variants(soldir: &Path, kind: &str) -> Vec<String> {
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
            for t in &tests {
                let top = t.split('/').next().unwrap_or(t);
                if ex.mode != Mode::LearnerTests && !funcs.tests.iter().any(|f| f == top) {
                    return Err(format!(
                        "fails_with names {top}, which is not a hidden test"
                    ));
                }
            }
        }
    }
    if !bugs.is_empty() {
        let Verdict::MissedBugs { missed, .. } = v else {
            return Err(format!(
                "fails as shipped with \"{}\", not by missing bugs",
                v.headline()
            ));
        };
        for b in bugs {
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
    }
    Ok(())
}

/// Checks that need no grading: files, numbering, hints, book sections.
pub(crate) fn structure(course: &Course) -> Result<Vec<Problem>> {
    let mut out = Vec::new();
    let root = &course.root;

    // Numbering: modules 00, 01, … in info.toml order, exercises 01, 02, …
    // within each module, and nothing out of order.
    let mut last_module: Option<(u32, String)> = None;
    let mut expected_ex = 1;
    for ex in &course.exercises {
        let (module, name) = ex.dir.split_once('/').unwrap_or((&ex.dir, ""));
        let m = number_of(module).unwrap_or(0);
        let n = number_of(name).unwrap_or(0);
        match &last_module {
            Some((lm, lname)) if lname == module => {}
            Some((lm, _)) => {
                if m != lm + 1 {
                    out.push(problem(
                        format!("exercises/{module}"),
                        format!("module number {m:02} follows {lm:02} in info.toml; number modules one after another, in order"),
                    ));
                }
                expected_ex = 1;
            }
            None => expected_ex = 1,
        }
        if n != expected_ex {
            out.push(problem(
                ex.exercise_rel(),
                format!("is number {n:02} where {expected_ex:02} comes next in info.toml order; renumber the directory or move its entry"),
            ));
        }
        expected_ex = n + 1;
        last_module = Some((m, module.to_string()));
    }
    let mut seen_modules = BTreeSet::new();
    let mut prev: Option<&str> = None;
    for ex in &course.exercises {
        let m = ex.module();
        if prev != Some(m) && !seen_modules.insert(m.to_string()) {
            out.push(problem(
                ex.exercise_rel(),
                "its module appears in two places in info.toml; keep a module's exercises together",
            ));
        }
        prev = Some(m);
    }

    // Stray directories and files at the top of exercises/ and solutions/.
    for top in ["exercises", "solutions"] {
        if let Ok(rd) = std::fs::read_dir(root.join(top)) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                if format!("{top}/{name}") == crate::grade::manifest::FILE {
                    continue;
                }
                if !is_dir || number_of(&name).is_none() {
                    out.push(problem(format!("{top}/{name}"), format!("stray entry: {top}/ holds only numbered module directories; move or remove it")));
                }
            }
        }
    }
    for (module, name) in crate::course::exercise_dirs_on_disk(&root.join("solutions"))? {
        let dir = format!("{module}/{name}");
        if !course.exercises.iter().any(|e| e.dir == dir) {
            out.push(problem(format!("solutions/{dir}"), "no exercise in info.toml uses this solution directory; remove it or add the exercise"));
        }
    }

    for ex in &course.exercises {
        let exdir = ex.exercise_rel();
        let soldir = ex.solution_rel();
        if ex.hints.len() < 2 {
            out.push(problem(
                &exdir,
                format!("has {} hint(s) in info.toml; give at least two, from a nudge to nearly the answer", ex.hints.len()),
            ));
        }
        for (i, h) in ex.hints.iter().enumerate() {
            if h.contains("TODO:") {
                out.push(problem(
                    &exdir,
                    format!("hint {} in info.toml still says TODO; write it", i + 1),
                ));
            }
        }
        for b in &ex.bugs {
            if b.description.contains("TODO:") {
                out.push(problem(
                    &exdir,
                    format!(
                        "bug {} in info.toml has a TODO description; say in words what is wrong",
                        b.name
                    ),
                ));
            }
        }
        if ex.fails_with.is_none() {
            out.push(problem(
                &exdir,
                "info.toml does not say how it fails as shipped; add fails_with (for example [\"compile\"] or [\"TestName\"])",
            ));
        }
        out.extend(book_section(course, ex));

        // Files of the exercise.
        let ex_files = crate::fsutil::files_under(&root.join(&exdir))?;
        for f in &ex_files {
            let s = f.to_string_lossy();
            let top_level = !s.contains('/');
            if junk(&s) || (top_level && !s.ends_with(".go")) {
                out.push(problem(
                    format!("{exdir}/{s}"),
                    "stray file: exercises hold Go files (assets go in a subdirectory); remove it",
                ));
            } else if s.ends_with("_test.go") && ex.mode != Mode::LearnerTests {
                out.push(problem(
                    format!("{exdir}/{s}"),
                    "a test file in exercises/: hidden tests live in solutions/ and are added at grading time; remove it",
                ));
            }
        }
        if !ex_files
            .iter()
            .any(|f| f.to_string_lossy().ends_with(".go"))
        {
            out.push(problem(&exdir, "has no Go file for the learner to edit"));
        }
        // Files of the solution.
        let sol_files = crate::fsutil::files_under(&root.join(&soldir))?;
        for f in &sol_files {
            let s = f.to_string_lossy();
            let top_level = !s.contains('/');
            if junk(&s) || (top_level && !s.ends_with(".go") && s != "probes.toml") {
                out.push(problem(
                    format!("{soldir}/{s}"),
                    "stray file: solutions hold Go files, probes.toml, bugs/, wrong/ and alt/; remove it",
                ));
            }
        }
        for f in &ex_files {
            let s = f.to_string_lossy();
            if s.ends_with(".go") && !s.ends_with("_test.go") && !sol_files.contains(f) {
                out.push(problem(format!("{soldir}/{s}"), format!("missing: the reference solution should have every file the learner edits ({exdir}/{s})")));
            }
        }
        let hidden_tests = sol_files.iter().filter(|f| {
            let s = f.to_string_lossy();
            !s.contains('/') && s.ends_with("_test.go")
        });
        let n_hidden = hidden_tests.clone().count();
        if ex.mode != Mode::LearnerTests {
            for f in hidden_tests {
                let src = std::fs::read_to_string(root.join(&soldir).join(f)).unwrap_or_default();
                let names = super::test_names::unprefixed(&src);
                if !names.is_empty() {
                    out.push(problem(
                        format!("{soldir}/{}", f.display()),
                        format!(
                            "declares {} in the learner's package, where a learner's helper of the same name would not compile: prefix them with test (testPost) or use an external test package",
                            names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            }
        }
        match ex.mode {
            Mode::Test if n_hidden == 0 => out.push(problem(
                &soldir,
                "a test-mode exercise needs hidden tests: add a _test.go file here",
            )),
            Mode::LearnerTests => {
                if n_hidden == 0 {
                    out.push(problem(
                        &soldir,
                        "a learner-tests exercise needs the reference tests here (a _test.go file)",
                    ));
                }
                for f in ex_files
                    .iter()
                    .filter(|f| f.to_string_lossy().ends_with("_test.go"))
                {
                    let shipped = std::fs::read(root.join(&exdir).join(f)).unwrap_or_default();
                    let reference = std::fs::read(root.join(&soldir).join(f)).unwrap_or_default();
                    if shipped == reference {
                        out.push(problem(
                            format!("{exdir}/{}", f.display()),
                            "ships the reference tests themselves: give the learner a stub",
                        ));
                    }
                }
                for b in &ex.bugs {
                    if !root.join(&soldir).join("bugs").join(&b.name).is_dir() {
                        out.push(problem(format!("{soldir}/bugs/{}", b.name), "missing: every [[exercises.bugs]] entry needs a directory with the buggy files"));
                    }
                }
                if let Ok(rd) = std::fs::read_dir(root.join(&soldir).join("bugs")) {
                    for e in rd.flatten() {
                        let n = e.file_name().to_string_lossy().into_owned();
                        if !ex.bugs.iter().any(|b| b.name == n) {
                            out.push(problem(
                                format!("{soldir}/bugs/{n}"),
                                "not listed in [[exercises.bugs]]: describe it there or remove it",
                            ));
                        }
                    }
                }
            }
            Mode::Server if !root.join(&soldir).join("probes.toml").is_file() && n_hidden == 0 => {
                out.push(problem(
                    &soldir,
                    "a server exercise needs probes.toml or hidden tests",
                ));
            }
            _ => {}
        }
        if ex.mode != Mode::LearnerTests && root.join(&soldir).join("bugs").exists() {
            out.push(problem(format!("{soldir}/bugs"), "bugs/ is for learner-tests exercises; use wrong/ for wrong solutions the hidden tests must reject"));
        }
    }
    Ok(out)
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

fn junk(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".orig")
        || name.ends_with(".rej")
        || name.ends_with(".swp")
        || name.ends_with(".bak")
        || name.ends_with(".exe")
        || name == "go.mod"
        || name == "go.sum"
}

fn book_section(course: &Course, ex: &Exercise) -> Vec<Problem> {
    let exdir = ex.exercise_rel();
    if ex.book.is_empty() {
        return vec![problem(
            &exdir,
            "has no book section in info.toml; set book = \"NN_module.md#anchor\"",
        )];
    }
    let (file, anchor) = ex.book.split_once('#').unwrap_or((ex.book.as_str(), ""));
    let path = course.root.join("book/src").join(file);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return vec![problem(
            &exdir,
            format!(
                "its book section {} names book/src/{file}, which does not exist; write the chapter or fix book",
                ex.book
            ),
        )];
    };
    if !anchor.is_empty() && !crate::book::anchors(&text).contains(anchor) {
        return vec![problem(
            &exdir,
            format!(
                "its book section {} has no heading with id {anchor:?} in book/src/{file}; add one (`## Title {{#{anchor}}}`)",
                ex.book
            ),
        )];
    }
    vec![]
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
