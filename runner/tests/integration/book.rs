//! The book and the course stay in step: every module has its chapter, every
//! exercise its section, every chapter lists exactly its exercises, every
//! link and include resolves, and the Go listings compile and pass.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use backendlings::book;
use backendlings::course::Course;

use crate::harness::repo_root;

fn src() -> PathBuf {
    repo_root().join("book/src")
}

fn chapters() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(src())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    v.sort();
    v
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn summary_has_a_chapter_for_every_module() {
    let course = Course::load(&repo_root()).unwrap();
    let summary = read(&src().join("SUMMARY.md"));
    let modules: BTreeSet<&str> = course.exercises.iter().map(|e| e.module()).collect();
    for m in modules {
        assert!(
            summary.contains(&format!("({m}.md)")),
            "SUMMARY.md has no chapter for module {m}"
        );
    }
    for link in book::links(&summary) {
        assert!(
            src().join(&link.target).is_file(),
            "SUMMARY.md:{} links to missing {}",
            link.line,
            link.target
        );
    }
}

/// Exercise directories named in a chapter's "Exercises in this chapter"
/// section.
fn listed_exercises(chapter: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut inside = false;
    for line in chapter.lines() {
        if line.starts_with("## ") {
            inside = line.starts_with("## Exercises in this chapter");
            continue;
        }
        if !inside {
            continue;
        }
        for part in line.split("exercises/").skip(1) {
            let dir: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '/')
                .collect();
            let dir = dir.trim_end_matches('/');
            if dir.split('/').count() == 2 {
                out.insert(dir.to_string());
            }
        }
    }
    out
}

#[test]
fn every_exercise_has_a_section_and_every_chapter_lists_its_exercises() {
    let course = Course::load(&repo_root()).unwrap();
    for ex in &course.exercises {
        let (file, anchor) = ex.book.split_once('#').unwrap_or((&ex.book, ""));
        assert!(!file.is_empty(), "exercise {} has no book section", ex.name);
        let path = src().join(file);
        assert!(
            path.is_file(),
            "exercise {} names book/src/{file}, which does not exist",
            ex.name
        );
        if !anchor.is_empty() {
            assert!(
                book::anchors(&read(&path)).contains(anchor),
                "exercise {} names {}, but book/src/{file} has no heading with that id",
                ex.name,
                ex.book
            );
        }
    }
    for chapter in chapters() {
        let name = chapter.file_name().unwrap().to_string_lossy().into_owned();
        if !name.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let listed = listed_exercises(&read(&chapter));
        let expected: BTreeSet<String> = course
            .exercises
            .iter()
            .filter(|e| e.book.split('#').next() == Some(name.as_str()))
            .map(|e| e.dir.clone())
            .collect();
        for dir in &listed {
            assert!(
                course.exercises.iter().any(|e| &e.dir == dir),
                "book/src/{name} lists exercises/{dir}, which is not in the course"
            );
        }
        assert_eq!(
            listed, expected,
            "book/src/{name}: the exercises it lists differ from those whose book section is in it"
        );
    }
}

#[test]
fn links_and_includes_in_the_book_resolve() {
    let mut problems = Vec::new();
    for chapter in chapters() {
        let text = read(&chapter);
        let name = chapter.file_name().unwrap().to_string_lossy().into_owned();
        let own = book::anchors(&text);
        for link in book::links(&text) {
            let t = &link.target;
            if t.starts_with("http://") || t.starts_with("https://") || t.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = t.split_once('#').unwrap_or((t.as_str(), ""));
            let anchors = if file.is_empty() {
                own.clone()
            } else {
                let target = src().join(file);
                if !target.exists() {
                    problems.push(format!(
                        "book/src/{name}:{}: link to missing {file}",
                        link.line
                    ));
                    continue;
                }
                if !file.ends_with(".md") {
                    continue;
                }
                book::anchors(&read(&target))
            };
            if !anchor.is_empty() && !anchors.contains(anchor) {
                problems.push(format!(
                    "book/src/{name}:{}: link to missing anchor #{anchor} in {}",
                    link.line,
                    if file.is_empty() { &name } else { file }
                ));
            }
        }
        for inc in book::includes(&text) {
            let (file, anchor) = match inc.target.rsplit_once(':') {
                Some((f, a)) if !a.chars().all(|c| c.is_ascii_digit()) => {
                    (f.to_string(), a.to_string())
                }
                _ => (inc.target.clone(), String::new()),
            };
            let target = src().join(&file);
            let Ok(body) = std::fs::read_to_string(&target) else {
                problems.push(format!(
                    "book/src/{name}:{}: include of missing {file}",
                    inc.line
                ));
                continue;
            };
            if !anchor.is_empty() && !body.contains(&format!("ANCHOR: {anchor}")) {
                problems.push(format!(
                    "book/src/{name}:{}: {file} has no ANCHOR: {anchor}",
                    inc.line
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken links in the book:\n{}",
        problems.join("\n")
    );
}

#[test]
fn book_listings_compile_vet_and_pass() {
    let root = repo_root();
    let listings = root.join("book/listings");
    let has_go = walk(&listings)
        .iter()
        .any(|p| p.extension().is_some_and(|e| e == "go"));
    if !has_go {
        return;
    }
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
