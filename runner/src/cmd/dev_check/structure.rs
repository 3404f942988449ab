//! `dev check`'s rules that need no grading, one function each: numbering,
//! module order, stray entries, orphan solutions, hints and info.toml
//! entries, book sections, the files of each exercise and its solution.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Problem, problem};
use crate::course::{Course, Exercise, number_of};
use crate::grade::modes::SolutionDir;

/// Checks that need no grading: files, numbering, hints, book sections.
pub(super) fn structure(course: &Course) -> Result<Vec<Problem>> {
    let mut out = Vec::new();
    numbering(course, &mut out);
    module_order(course, &mut out);
    stray_top_entries(&course.root, &mut out);
    orphan_solutions(course, &mut out)?;
    for ex in &course.exercises {
        info_entry(ex, &mut out);
        out.extend(book_section(course, ex));
        exercise_files(course, ex, &mut out)?;
    }
    Ok(out)
}

/// Numbering: modules 00, 01, … in info.toml order, exercises 01, 02, …
/// within each module, and nothing out of order.
fn numbering(course: &Course, out: &mut Vec<Problem>) {
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
}

/// A module's exercises stay together in info.toml.
fn module_order(course: &Course, out: &mut Vec<Problem>) {
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
}

/// Stray directories and files at the top of exercises/ and solutions/.
fn stray_top_entries(root: &Path, out: &mut Vec<Problem>) {
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
}

/// Solution directories that no exercise uses.
fn orphan_solutions(course: &Course, out: &mut Vec<Problem>) -> Result<()> {
    for (module, name) in crate::course::exercise_dirs_on_disk(&course.root.join("solutions"))? {
        let dir = format!("{module}/{name}");
        if !course.exercises.iter().any(|e| e.dir == dir) {
            out.push(problem(format!("solutions/{dir}"), "no exercise in info.toml uses this solution directory; remove it or add the exercise"));
        }
    }
    Ok(())
}

/// An exercise's entry in info.toml: enough hints, no TODO left, and how
/// it fails as shipped.
fn info_entry(ex: &Exercise, out: &mut Vec<Problem>) {
    let exdir = ex.exercise_rel();
    if ex.hints.len() < 2 {
        out.push(problem(
            &exdir,
            format!(
                "has {} hint(s) in info.toml; give at least two, from a nudge to nearly the answer",
                ex.hints.len()
            ),
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
    let reports = crate::grade::modes::of(ex.mode).fail_kinds();
    for kind in ex.fails_with.iter().flatten() {
        if crate::course::FAIL_KINDS.contains(&kind.as_str()) && !reports.contains(&kind.as_str()) {
            out.push(problem(
                &exdir,
                format!(
                    "fails_with names {kind:?}, which a {} exercise never reports: use one of {}",
                    ex.mode,
                    reports.join(", ")
                ),
            ));
        }
    }
}

/// The files of an exercise and of its solution, and what its mode needs
/// among them.
fn exercise_files(course: &Course, ex: &Exercise, out: &mut Vec<Problem>) -> Result<()> {
    let root = &course.root;
    let ex_files = crate::fsutil::files_under(&root.join(ex.exercise_rel()))?;
    learner_files(ex, &ex_files, out);
    let sol_files = crate::fsutil::files_under(&root.join(ex.solution_rel()))?;
    solution_files(ex, &ex_files, &sol_files, out);
    let hidden_tests: Vec<&PathBuf> = sol_files
        .iter()
        .filter(|f| {
            let s = f.to_string_lossy();
            !s.contains('/') && s.ends_with("_test.go")
        })
        .collect();
    let writes_tests = ex.mode.fields().learner_writes_tests;
    if !writes_tests {
        for f in &hidden_tests {
            hidden_test_names(root, ex, f, out);
        }
    }
    let sol = SolutionDir {
        root,
        ex,
        ex_files: &ex_files,
        hidden_tests: hidden_tests.len(),
    };
    let spec = crate::grade::modes::of(ex.mode);
    for (path, message) in spec.solution_needs(&sol) {
        out.push(problem(path, message));
    }
    let soldir = ex.solution_rel();
    if !ex.mode.fields().bugs && root.join(&soldir).join("bugs").exists() {
        out.push(problem(format!("{soldir}/bugs"), "bugs/ is for learner-tests exercises; use wrong/ for wrong solutions the hidden tests must reject"));
    }
    Ok(())
}

/// Files of the exercise: Go files only, and no hidden tests.
fn learner_files(ex: &Exercise, ex_files: &[PathBuf], out: &mut Vec<Problem>) {
    let exdir = ex.exercise_rel();
    for f in ex_files {
        let s = f.to_string_lossy();
        let top_level = !s.contains('/');
        if junk(&s) || (top_level && !s.ends_with(".go")) {
            out.push(problem(
                format!("{exdir}/{s}"),
                "stray file: exercises hold Go files (assets go in a subdirectory); remove it",
            ));
        } else if s.ends_with("_test.go") && !ex.mode.fields().learner_writes_tests {
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
}

/// Files of the solution: no strays, and every file the learner edits.
fn solution_files(
    ex: &Exercise,
    ex_files: &[PathBuf],
    sol_files: &[PathBuf],
    out: &mut Vec<Problem>,
) {
    let exdir = ex.exercise_rel();
    let soldir = ex.solution_rel();
    for f in sol_files {
        let s = f.to_string_lossy();
        let top_level = !s.contains('/');
        if junk(&s) || (top_level && !s.ends_with(".go") && s != "probes.toml") {
            out.push(problem(
                format!("{soldir}/{s}"),
                "stray file: solutions hold Go files, probes.toml, bugs/, wrong/ and alt/; remove it",
            ));
        }
    }
    for f in ex_files {
        let s = f.to_string_lossy();
        if s.ends_with(".go") && !s.ends_with("_test.go") && !sol_files.contains(f) {
            out.push(problem(format!("{soldir}/{s}"), format!("missing: the reference solution should have every file the learner edits ({exdir}/{s})")));
        }
    }
}

/// A hidden test file must not declare names a learner's helper could take.
fn hidden_test_names(root: &Path, ex: &Exercise, f: &Path, out: &mut Vec<Problem>) {
    let soldir = ex.solution_rel();
    let src = std::fs::read_to_string(root.join(&soldir).join(f)).unwrap_or_default();
    let names = crate::cmd::test_names::unprefixed(&src);
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
