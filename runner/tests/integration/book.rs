//! The book and the course stay in step (the same checks `dev check` makes,
//! run on their own so a broken link names itself), and the Go listings the
//! book includes compile, pass `go vet` and pass their tests.

use std::path::{Path, PathBuf};

use backendlings::course::Course;

use crate::harness::repo_root;

#[test]
fn the_book_matches_the_course() {
    let course = Course::load(&repo_root()).unwrap();
    let problems = backendlings::book::check_course(&course);
    let lines: Vec<String> = problems.iter().map(|(p, m)| format!("{p}: {m}")).collect();
    assert!(
        lines.is_empty(),
        "the book and the course disagree:\n{}",
        lines.join("\n")
    );
}

#[test]
fn every_exercise_has_a_section_in_the_book() {
    let course = Course::load(&repo_root()).unwrap();
    for ex in &course.exercises {
        let (file, anchor) = ex.book.split_once('#').unwrap_or((&ex.book, ""));
        assert!(!file.is_empty(), "exercise {} has no book section", ex.name);
        let path = repo_root().join("book/src").join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!(
                "exercise {} names book/src/{file}, which does not exist",
                ex.name
            )
        });
        assert!(
            anchor.is_empty() || backendlings::book::anchors(&text).contains(anchor),
            "exercise {} names {}, but no heading there has that id",
            ex.name,
            ex.book
        );
    }
}

#[test]
fn book_listings_compile_vet_and_pass() {
    let root = repo_root();
    let has_go = walk(&root.join("book/listings"))
        .iter()
        .any(|p| p.extension().is_some_and(|e| e == "go"));
    assert!(
        has_go,
        "book/listings has no Go code: the book's examples must come from compiled files"
    );
    for args in [
        &["vet", "./book/listings/..."][..],
        &["test", "./book/listings/..."][..],
    ] {
        let out = std::process::Command::new("go")
            .args(args)
            .current_dir(&root)
            .output()
            .expect("go runs");
        assert!(
            out.status.success(),
            "go {} failed:\n{}{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}
