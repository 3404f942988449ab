//! The book, read the way mdBook reads it: heading anchors, links, and the
//! exercise lists of the chapters. Used by `dev check` to keep the book and
//! the course in step.

use std::collections::BTreeSet;

/// mdBook's id for a heading text: lowercase, alphanumerics, `_` and `-`
/// kept, whitespace turned into `-`, everything else dropped.
pub fn normalize_id(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// Strips inline markdown from heading text: code spans keep their content,
/// emphasis markers and link targets go.
fn heading_text(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' | '*' => {}
            '_' if out.ends_with(' ')
                || out.is_empty()
                || chars.peek().is_none_or(|n| *n == ' ') => {}
            '[' => {}
            ']' => {
                // Drop a link target: ](...)
                if chars.peek() == Some(&'(') {
                    for c in chars.by_ref() {
                        if c == ')' {
                            break;
                        }
                    }
                }
            }
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// Every anchor a markdown page defines: heading ids (explicit `{#id}` or
/// computed, with `-1`, `-2` for repeats) and raw `id="..."` attributes.
/// Headings inside fenced code blocks are ignored.
pub fn anchors(markdown: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut counts = std::collections::HashMap::<String, usize>::new();
    let mut in_fence = false;
    for line in markdown.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        for part in t.split("id=\"").skip(1) {
            if let Some(id) = part.split('"').next() {
                out.insert(id.to_string());
            }
        }
        let hashes = t.chars().take_while(|c| *c == '#').count();
        if hashes == 0 || hashes > 6 || !t[hashes..].starts_with(' ') {
            continue;
        }
        let mut text = t[hashes..].trim().trim_end_matches('#').trim().to_string();
        if let Some(start) = text.rfind("{#")
            && text.ends_with('}')
        {
            let id = text[start + 2..text.len() - 1].trim().to_string();
            out.insert(id);
            text.truncate(start);
            continue;
        }
        let base = normalize_id(&heading_text(&text));
        let n = counts.entry(base.clone()).or_insert(0);
        let id = if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        *n += 1;
        out.insert(id);
    }
    out
}

/// A link found in a markdown page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub line: usize,
    pub target: String,
}

/// Inline links `[text](target)` and `{{#include path}}` directives outside
/// code blocks and code spans.
pub fn links(markdown: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let mut in_fence = false;
    for (i, line) in markdown.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        // Drop code spans.
        let mut plain = String::new();
        let mut in_code = false;
        for c in line.chars() {
            if c == '`' {
                in_code = !in_code;
                continue;
            }
            if !in_code {
                plain.push(c);
            }
        }
        let mut rest = plain.as_str();
        while let Some(pos) = rest.find("](") {
            let after = &rest[pos + 2..];
            let end = after.find(')').unwrap_or(after.len());
            let target = after[..end]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string();
            if !target.is_empty() {
                out.push(Link {
                    line: i + 1,
                    target,
                });
            }
            rest = &after[end.min(after.len())..];
        }
    }
    out
}

/// `{{#include path:anchor}}` (and `#rustdoc_include`) directives, with the
/// line they are on. These are honoured inside code blocks too.
pub fn includes(markdown: &str) -> Vec<Link> {
    let mut out = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        let mut rest = line;
        while let Some(pos) = rest.find("{{#include ") {
            let after = &rest[pos + "{{#include ".len()..];
            let end = after.find("}}").unwrap_or(after.len());
            // `\{{#include …}}` is mdBook's escape: shown, not included.
            if !rest[..pos].ends_with('\\') {
                out.push(Link {
                    line: i + 1,
                    target: after[..end].trim().to_string(),
                });
            }
            rest = &after[end..];
        }
    }
    out
}

#[cfg(test)]
mod tests;

/// Checks the book of a course against the course: a chapter for every
/// module in `SUMMARY.md`, a section for every exercise, chapters that list
/// exactly their exercises, and links and includes that resolve. Returns
/// `(path, problem)` pairs; nothing when the course has no `book/src`.
pub fn check_course(course: &crate::course::Course) -> Vec<(String, String)> {
    let src = course.root.join("book/src");
    let mut out = Vec::new();
    if !src.is_dir() {
        return out;
    }
    let summary = read(&src.join("SUMMARY.md"));
    let modules: BTreeSet<&str> = course.exercises.iter().map(|e| e.module()).collect();
    for m in &modules {
        if !summary.contains(&format!("({m}.md)")) {
            out.push((
                "book/src/SUMMARY.md".into(),
                format!("has no chapter for module {m}; add `- [{m}]({m}.md)`"),
            ));
        }
    }
    let listings = course.root.join("book/listings");
    for path in walk_go(&listings) {
        let rel = path
            .strip_prefix(&course.root)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        out.extend(silent_examples(&rel, &read(&path)));
    }
    let mut chapters: Vec<std::path::PathBuf> = std::fs::read_dir(&src)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .collect()
        })
        .unwrap_or_default();
    chapters.sort();
    for chapter in &chapters {
        let name = chapter
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = read(chapter);
        let rel = format!("book/src/{name}");
        check_exercise_list(course, &name, &rel, &text, &mut out);
        check_links(&src, &name, &rel, &text, &mut out);
        check_includes(&src, &rel, &text, &mut out);
    }
    out
}

/// A file's text, or nothing when it cannot be read.
fn read(p: &std::path::Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

/// The exercise list of a module chapter (`name`, a chapter whose name
/// starts with a digit): exactly the exercises whose book section it holds.
fn check_exercise_list(
    course: &crate::course::Course,
    name: &str,
    rel: &str,
    text: &str,
    out: &mut Vec<(String, String)>,
) {
    if name.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let listed = listed_exercises(text);
        let expected: BTreeSet<String> = course
            .exercises
            .iter()
            .filter(|e| e.book.split('#').next() == Some(name))
            .map(|e| e.dir.clone())
            .collect();
        for dir in listed.difference(&expected) {
            if course.exercises.iter().any(|e| &e.dir == dir) {
                out.push((rel.to_string(), format!("lists exercises/{dir}, whose book section is in another chapter; list it there")));
            } else {
                out.push((
                    rel.to_string(),
                    format!(
                        "lists exercises/{dir}, which is not in the course; remove it from the list"
                    ),
                ));
            }
        }
        for dir in expected.difference(&listed) {
            out.push((
                rel.to_string(),
                format!(
                    "does not list exercises/{dir} under \"## Exercises in this chapter\"; add it"
                ),
            ));
        }
    }
}

/// Links of chapter `name` (at `rel`) lead to files and headings that exist.
fn check_links(
    src: &std::path::Path,
    name: &str,
    rel: &str,
    text: &str,
    out: &mut Vec<(String, String)>,
) {
    let own = anchors(text);
    for link in links(text) {
        let t = &link.target;
        if t.contains("://") || t.starts_with("mailto:") {
            continue;
        }
        let (file, anchor) = t.split_once('#').unwrap_or((t.as_str(), ""));
        let target_anchors = if file.is_empty() {
            own.clone()
        } else {
            let target = src.join(file);
            if !target.exists() {
                out.push((
                    format!("{rel}:{}", link.line),
                    format!("links to {file}, which does not exist"),
                ));
                continue;
            }
            if !file.ends_with(".md") {
                continue;
            }
            anchors(&read(&target))
        };
        if !anchor.is_empty() && !target_anchors.contains(anchor) {
            out.push((
                format!("{rel}:{}", link.line),
                format!(
                    "links to #{anchor}, which no heading in {} defines",
                    if file.is_empty() { name } else { file }
                ),
            ));
        }
    }
}

/// Includes of the chapter at `rel` name files, and anchors, that exist.
fn check_includes(src: &std::path::Path, rel: &str, text: &str, out: &mut Vec<(String, String)>) {
    for inc in includes(text) {
        let (file, anchor) = match inc.target.rsplit_once(':') {
            Some((f, a)) if !a.chars().all(|c| c.is_ascii_digit() || c == ':') => {
                (f.to_string(), a.to_string())
            }
            Some((f, _)) => (f.split(':').next().unwrap_or(f).to_string(), String::new()),
            None => (inc.target.clone(), String::new()),
        };
        match std::fs::read_to_string(src.join(&file)) {
            Err(_) => out.push((
                format!("{rel}:{}", inc.line),
                format!("includes {file}, which does not exist"),
            )),
            Ok(body) if !anchor.is_empty() && !body.contains(&format!("ANCHOR: {anchor}")) => {
                out.push((
                    format!("{rel}:{}", inc.line),
                    format!(
                        "includes anchor {anchor} of {file}, which has no `ANCHOR: {anchor}` line"
                    ),
                ));
            }
            Ok(_) => {}
        }
    }
}

/// Examples in Go listings that `go test` would compile but never run: one
/// without an `// Output:` comment, or one whose `// Output:` line follows
/// another comment line (an `// ANCHOR_END:` marker, say), which makes them
/// one comment that Go does not read as the expected output.
pub fn silent_examples(file: &str, source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let lines: Vec<&str> = source.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("func Example") else {
            continue;
        };
        if !rest.contains("()") {
            continue;
        }
        let name: String = format!("Example{}", rest.split('(').next().unwrap_or(""));
        let body: Vec<(usize, &str)> = lines
            .iter()
            .enumerate()
            .skip(i + 1)
            .take_while(|(_, l)| !l.starts_with("func "))
            .map(|(j, l)| (j, *l))
            .collect();
        let output = body.iter().find(|(_, l)| {
            let t = l.trim_start();
            t.starts_with("// Output:") || t.starts_with("// Unordered output:")
        });
        match output {
            None => out.push((
                format!("{file}:{}", i + 1),
                format!("{name} has no // Output: comment, so go test compiles it but never runs it"),
            )),
            Some((j, _)) if lines[j - 1].trim_start().starts_with("//") => out.push((
                format!("{file}:{}", j + 1),
                format!("the comment line above // Output: joins it, so go test never runs {name}: leave a blank line between them"),
            )),
            Some(_) => {}
        }
    }
    out
}

/// Exercise directories named in a chapter's "Exercises in this chapter"
/// section.
pub fn listed_exercises(chapter: &str) -> BTreeSet<String> {
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

fn walk_go(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk_go(&p));
            } else if p.extension().is_some_and(|x| x == "go") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod example_tests {
    use super::silent_examples;

    #[test]
    fn examples_that_never_run_are_found() {
        let src = "package x\n\nfunc ExampleA() {\n\tfmt.Println(1)\n\t// ANCHOR_END: a\n\t// Output: 1\n}\n\nfunc ExampleB() {\n\tfmt.Println(1)\n}\n\nfunc ExampleC() {\n\tfmt.Println(1)\n\n\t// Output: 1\n}\n";
        let found = silent_examples("x_test.go", src);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].1.contains("never runs ExampleA"));
        assert!(found[1].1.contains("ExampleB has no // Output:"));
    }
}
