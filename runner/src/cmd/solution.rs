//! `solution [NAME]`: once an exercise has passed, the reference solution
//! and a diff against the learner's own file; before that, the next hint.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;

use crate::course::{Course, Exercise};
use crate::term::{Paint, Style};

pub(crate) fn run(course: &Course, name: Option<&str>) -> Result<i32> {
    super::require_exercises(course)?;
    let progress = super::load_progress(course)?;
    let ex = super::pick(course, &progress.state, name)?;
    let style = Style::stdout();
    if !progress.state.done.contains(&ex.name) {
        outln!(
            "{} has not passed yet, so its solution stays hidden. Here is a hint instead:\n",
            ex.name
        );
        let (_, level) = crate::state::update(&course.root, |s| super::hint::next_level(s, ex))?;
        out!("{}", super::hint::render(ex, level, style));
        return Ok(crate::exit::EXERCISE_FAILED);
    }
    out!("{}", render(course, ex, style)?);
    Ok(crate::exit::SUCCESS)
}

/// The files of the reference solution that the learner wrote the
/// counterpart of (hidden tests, probes and bugs are not solutions).
pub(crate) fn solution_files(course: &Course, ex: &Exercise) -> Result<Vec<PathBuf>> {
    let dir = course.root.join(ex.solution_rel());
    let files = crate::fsutil::files_under(&dir)?;
    Ok(files
        .into_iter()
        .filter(|f| {
            let s = f.to_string_lossy().replace('\\', "/");
            let variant = [crate::grade::WRONG_DIR, crate::grade::ALT_DIR]
                .iter()
                .any(|d| s.starts_with(&format!("{d}/")));
            if variant || s.starts_with("bugs/") || s == "probes.toml" || !s.ends_with(".go") {
                return false;
            }
            let is_test = s.ends_with("_test.go");
            is_test == ex.mode.fields().learner_writes_tests
        })
        .collect())
}

pub(crate) fn render(course: &Course, ex: &Exercise, style: Style) -> Result<String> {
    let mut out = String::new();
    for f in solution_files(course, ex)? {
        // A solution with packages of its own imports them from solutions/;
        // shown to the learner, it imports theirs, from exercises/.
        let reference = std::fs::read_to_string(course.root.join(ex.solution_rel()).join(&f))?
            .replace(
                &format!("\"{}/solutions/", course.go_module),
                &format!("\"{}/exercises/", course.go_module),
            );
        let yours = std::fs::read_to_string(course.root.join(ex.exercise_rel()).join(&f))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}",
            style.paint(
                Paint::Heading,
                &format!("── {}/{} ", ex.solution_rel(), f.display())
            )
        );
        if yours == reference {
            let _ = writeln!(out, "{}", style.paint(Paint::Dim, "(identical to yours)"));
            out.push_str(&reference);
            continue;
        }
        let _ = writeln!(
            out,
            "{} {} {}",
            style.paint(Paint::Dim, "lines marked"),
            style.paint(Paint::Removed, "- are only in yours,"),
            style.paint(Paint::Added, "+ only in the reference")
        );
        let diff = similar::TextDiff::from_lines(&yours, &reference);
        for change in diff.iter_all_changes() {
            let text = change.value().trim_end_matches('\n');
            let line = match change.tag() {
                similar::ChangeTag::Delete => style.paint(Paint::Removed, &format!("- {text}")),
                similar::ChangeTag::Insert => style.paint(Paint::Added, &format!("+ {text}")),
                similar::ChangeTag::Equal => format!("  {text}"),
            };
            let _ = writeln!(out, "{line}");
        }
    }
    Ok(out)
}
