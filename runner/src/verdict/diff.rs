//! Line diffs of expected against actual output, whitespace made visible.

use std::fmt::Write as _;

use crate::term::{Paint, Style};

/// A coloured line diff of `want` against `got`, with visible markers for
/// whitespace that would otherwise hide the difference.
pub(crate) fn line_diff(want: &str, got: &str, style: Style, prefix: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_lines(want, got);
    let mut out = String::new();
    let show = |s: &str| -> String {
        let body = s.strip_suffix('\n').unwrap_or(s);
        let mut v = body.replace('\t', "→   ");
        if v.ends_with(' ') {
            let trimmed = v.trim_end_matches(' ');
            let spaces = v.len() - trimmed.len();
            v = format!("{trimmed}{}", "·".repeat(spaces));
        }
        if !s.ends_with('\n') {
            v.push_str(" ⏎ (no newline at end)");
        }
        v
    };
    for change in diff.iter_all_changes() {
        let mut text = show(change.value());
        if text.is_empty() {
            // An empty line would print as a bare marker and a trailing space.
            text = "(empty line)".to_string();
        }
        let line = match change.tag() {
            ChangeTag::Delete => style.paint(Paint::Removed, &format!("- {text}")),
            ChangeTag::Insert => style.paint(Paint::Added, &format!("+ {text}")),
            ChangeTag::Equal => format!("  {text}"),
        };
        let _ = writeln!(out, "{prefix}{line}");
    }
    if want.is_empty() && got.is_empty() {
        let _ = writeln!(out, "{prefix}(both empty)");
    } else if got.is_empty() {
        let _ = writeln!(
            out,
            "{prefix}{}",
            style.paint(Paint::Dim, "(your program printed nothing)")
        );
    }
    out
}
