//! The book and the course stay in step (the same checks `dev check` makes,
//! run on their own so a broken link names itself), and the Go listings the
//! book includes compile, pass `go vet` and pass their tests, and its code
//! fits the page.

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

/// The widest code line that fits the book's page without scrolling sideways.
const MAX_CODE_COLUMNS: usize = 88;

/// Every code line a reader sees, in fenced blocks of the chapters and in the
/// parts of listings they include, fits the page: no wider than
/// `MAX_CODE_COLUMNS`, a tab counting as 4 columns.
#[test]
fn book_code_fits_the_page() {
    let root = repo_root().canonicalize().unwrap();
    let mut chapters: Vec<PathBuf> = walk(&root.join("book/src"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    chapters.sort();
    let mut too_wide = Vec::new();
    let mut check = |file: &Path, number: usize, line: &str| {
        let columns: usize = line.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
        if columns > MAX_CODE_COLUMNS {
            let file = file
                .strip_prefix(&root)
                .unwrap_or(file)
                .display()
                .to_string();
            too_wide.push((file, number, format!("({columns} columns): {line}")));
        }
    };
    for md in &chapters {
        let text = std::fs::read_to_string(md).unwrap();
        let mut in_fence = false;
        for (i, line) in text.lines().enumerate() {
            let includes = backendlings::book::includes(line);
            for inc in &includes {
                let (file, anchor) = match inc.target.split_once(':') {
                    Some((file, anchor)) => (file, Some(anchor)),
                    None => (inc.target.as_str(), None),
                };
                // A missing file is reported by `the_book_matches_the_course`.
                let Ok(path) = md.parent().unwrap().join(file).canonicalize() else {
                    continue;
                };
                let body = std::fs::read_to_string(&path).unwrap_or_default();
                for (number, line) in included_lines(&body, anchor) {
                    check(&path, number, line);
                }
            }
            let t = line.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                in_fence = !in_fence;
            } else if in_fence && includes.is_empty() {
                check(md, i + 1, line);
            }
        }
    }
    // A listing line included twice is reported once.
    too_wide.sort();
    too_wide.dedup();
    let lines: Vec<String> = too_wide
        .iter()
        .map(|(file, number, rest)| format!("{file}:{number} {rest}"))
        .collect();
    assert!(
        lines.is_empty(),
        "{} code lines in the book are wider than {MAX_CODE_COLUMNS} columns, so readers \
         scroll sideways; break them:\n{}",
        lines.len(),
        lines.join("\n")
    );
}

/// The lines, numbered from 1, that `{{#include}}` takes from a file: those
/// between the `ANCHOR: name` and `ANCHOR_END: name` markers, or all of them
/// without an anchor, leaving out every marker line as mdBook does.
fn included_lines<'a>(body: &'a str, anchor: Option<&str>) -> Vec<(usize, &'a str)> {
    let marker = |line: &'a str, tag: &str| {
        line.split_once(tag)
            .and_then(|(_, rest)| rest.split_whitespace().next())
    };
    let mut inside = anchor.is_none();
    let mut out = Vec::new();
    for (i, line) in body.lines().enumerate() {
        if let Some(name) = marker(line, "ANCHOR:") {
            inside |= Some(name) == anchor;
        } else if let Some(name) = marker(line, "ANCHOR_END:") {
            inside &= Some(name) != anchor;
        } else if inside {
            out.push((i + 1, line));
        }
    }
    out
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

/// The book as a reader sees it: built with mdBook, every chapter's HTML has
/// no include directive or heading id left as text, no code block that
/// swallowed the Markdown after it (a fence inside a code block), and every
/// `book = "…#anchor"` of the course is an `id` in the built page. Skipped
/// when mdBook is not installed, except in CI (`BACKENDLINGS_REQUIRE_MDBOOK`).
#[test]
fn the_built_book_renders_as_a_reader_sees_it() {
    let has_mdbook = std::process::Command::new("mdbook")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_mdbook {
        assert!(
            std::env::var_os("BACKENDLINGS_REQUIRE_MDBOOK").is_none(),
            "mdbook is not installed, and BACKENDLINGS_REQUIRE_MDBOOK says it must be"
        );
        eprintln!("skipped: mdbook is not installed (`cargo install mdbook`)");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let built = std::process::Command::new("mdbook")
        .arg("build")
        .arg(repo_root().join("book"))
        .arg("--dest-dir")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "mdbook build failed:\n{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let mut problems = Vec::new();
    let src = repo_root().join("book/src");
    let mut chapters: Vec<PathBuf> = std::fs::read_dir(&src)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("SUMMARY.md"))
        .collect();
    chapters.sort();
    for md in &chapters {
        let stem = md.file_stem().unwrap().to_string_lossy().into_owned();
        let page = out.path().join(format!("{stem}.html"));
        let Ok(html) = std::fs::read_to_string(&page) else {
            problems.push(format!("book/src/{stem}.md: no {stem}.html was built"));
            continue;
        };
        problems.extend(rendering_problems(&format!("book/src/{stem}.md"), &html));
    }
    let course = Course::load(&repo_root()).unwrap();
    for ex in &course.exercises {
        let Some((file, anchor)) = ex.book.split_once('#') else {
            continue;
        };
        let page = out.path().join(file.replace(".md", ".html"));
        let html = std::fs::read_to_string(&page).unwrap_or_default();
        if !html.contains(&format!("id=\"{anchor}\"")) {
            problems.push(format!(
                "exercise {} links to {}, but the built page has no id=\"{anchor}\"",
                ex.name, ex.book
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the built book does not render as written:\n{}",
        problems.join("\n")
    );
}

/// What is wrong in one built page.
fn rendering_problems(chapter: &str, html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    // The page's main text only: the sidebar and scripts are mdBook's.
    let main = html
        .split_once("<main>")
        .and_then(|(_, rest)| rest.split_once("</main>"))
        .map_or(html, |(m, _)| m);
    // `{{#` written as an example inside inline code is text on purpose.
    if main.replace("<code>{{#", "").contains("{{#") {
        problems.push(format!(
            "{chapter}: an {{{{#include}}}} directive shows as text (is it indented inside a list item?)"
        ));
    }
    for block in main.split("<code").skip(1) {
        let code = block.split("</code>").next().unwrap_or("");
        if code.lines().any(|l| l.trim_start().starts_with("```")) {
            let first = code.lines().nth(1).unwrap_or("").trim();
            problems.push(format!(
                "{chapter}: a code block holds a ``` fence, so the Markdown after it shows as code (block starting {first:?})"
            ));
        }
    }
    for line in main.lines() {
        let text = line.trim();
        if text.starts_with('#') && text.contains("{#") {
            problems.push(format!("{chapter}: a heading shows as text: {text:?}"));
        }
    }
    problems
}
