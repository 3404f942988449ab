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
            out.push(Link {
                line: i + 1,
                target: after[..end].trim().to_string(),
            });
            rest = &after[end..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_follow_mdbook() {
        let md = "# Basics\n## Constants and `iota`\n## Constants and `iota`\n### Hello, world! {#hello}\n```\n# not a heading\n```\n<a id=\"raw\"></a>\n";
        let a = anchors(md);
        assert!(a.contains("basics"));
        assert!(a.contains("constants-and-iota"));
        assert!(a.contains("constants-and-iota-1"));
        assert!(a.contains("hello"));
        assert!(a.contains("raw"));
        assert!(!a.contains("not-a-heading"));
    }

    #[test]
    fn finds_links_outside_code() {
        let md = "See [the intro](intro.md#start) and `[not](a-link.md)`.\n```\n[x](y.md)\n```\n[b](../x.md)";
        let l: Vec<String> = links(md).into_iter().map(|l| l.target).collect();
        assert_eq!(l, vec!["intro.md#start", "../x.md"]);
    }

    #[test]
    fn finds_includes() {
        let md = "```go\n{{#include ../listings/basics/consts.go:iota}}\n```";
        assert_eq!(includes(md)[0].target, "../listings/basics/consts.go:iota");
    }
}
