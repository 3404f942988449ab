//! `hint [NAME]`: the next hint of an exercise, one level more each time.

use anyhow::Result;

use crate::course::{Course, Exercise};
use crate::term::{Paint, Style};

pub(crate) fn run(course: &Course, name: Option<&str>) -> Result<i32> {
    super::require_exercises(course)?;
    let progress = super::load_progress(course)?;
    let ex = super::pick(course, &progress.state, name)?;
    let (state, level) = crate::state::update(&course.root, |s| next_level(s, ex))?;
    let _ = state;
    out!("{}", render(ex, level, Style::stdout()));
    Ok(crate::exit::SUCCESS)
}

/// Moves to the next hint level and returns it (1-based, capped at the
/// number of hints).
pub(crate) fn next_level(state: &mut crate::state::State, ex: &Exercise) -> usize {
    let n = state.hints_shown.entry(ex.name.clone()).or_insert(0);
    *n = (*n + 1).min(ex.hints.len());
    *n
}

/// Hints 1..=level, the newest last.
pub(crate) fn render(ex: &Exercise, level: usize, style: Style) -> String {
    if ex.hints.is_empty() {
        return format!(
            "{} has no hints. The book section may help: {}\n",
            ex.name, ex.book
        );
    }
    let mut s = String::new();
    for (i, h) in ex.hints.iter().enumerate().take(level) {
        let title = format!("Hint {} of {}", i + 1, ex.hints.len());
        s.push_str(&style.paint(
            if i + 1 == level {
                Paint::Heading
            } else {
                Paint::Dim
            },
            &title,
        ));
        s.push('\n');
        for line in h.trim().lines() {
            s.push_str(&format!("  {line}\n"));
        }
    }
    if level >= ex.hints.len() {
        s.push_str(&style.paint(
            Paint::Dim,
            &format!(
                "That was the last hint. Once the exercise passes, `{}` shows the reference.",
                crate::invoked::command(&format!("solution {}", ex.name))
            ),
        ));
        s.push('\n');
    }
    s
}
