//! The views of the watch screen's main area: the verdict (or the check
//! running), a hint, the solution, and the exercise list.

use std::time::Duration;

use super::wrap;
use crate::course::Exercise;
use crate::term::{self, Paint, Style};
use crate::watch::{ListView, Model};

/// The verdict of the current exercise, or the check running.
pub(super) fn verdict(
    model: &Model,
    ex: &Exercise,
    style: Style,
    width: usize,
    body: &mut Vec<String>,
) {
    if let Some((index, since)) = model.checking
        && index == ex.index
    {
        let secs = since.elapsed().as_secs_f64();
        wrap(
            body,
            &style.paint(Paint::Bold, &format!("Checking… {secs:.1}s")),
            width,
        );
        if let Some(status) = &model.status {
            wrap(body, &style.paint(Paint::Dim, status), width);
        }
        if since.elapsed() > Duration::from_secs(3) {
            wrap(
                body,
                &style.paint(
                    Paint::Dim,
                    "The first check compiles the Go standard library and the packages this exercise uses; \
                     this can take up to a minute once. Later checks take a fraction of a second.",
                ),
                width,
            );
        }
        return;
    }
    match model.results.get(&ex.index) {
        None => wrap(body, "Not checked yet: save the file, or press r.", width),
        Some(Err(e)) => {
            wrap(
                body,
                &format!("{} {e}", style.paint(Paint::Fail, "Could not grade:")),
                width,
            );
        }
        Some(Ok(v)) => {
            if model.regressed == Some(ex.index) {
                wrap(
                    body,
                    &style.paint(
                        Paint::Warn,
                        "This exercise passed before; your last change broke it.",
                    ),
                    width,
                );
            }
            wrap(body, &v.render(style, false), width);
            if v.passed() {
                if model.finished {
                    body.push(String::new());
                    let msg = if model.course.final_message.trim().is_empty() {
                        "Every exercise passes. Congratulations!".to_string()
                    } else {
                        crate::term::reflow(&model.course.final_message)
                    };
                    wrap(body, &style.paint(Paint::Pass, &msg), width);
                } else {
                    body.push(String::new());
                    wrap(
                        body,
                        &format!(
                            "Well done! Press {} for the next exercise, or {} to compare with the reference solution.",
                            style.paint(Paint::Key, "n"),
                            style.paint(Paint::Key, "s")
                        ),
                        width,
                    );
                }
            }
        }
    }
}

/// A hint, and the keys from it.
pub(super) fn hint(
    ex: &Exercise,
    level: usize,
    style: Style,
    width: usize,
    body: &mut Vec<String>,
) {
    wrap(body, &crate::cmd::hint_render(ex, level, style), width);
    let keys = if level < ex.hints.len() {
        "Press h for the next hint, Esc to go back to the verdict."
    } else {
        "Press Esc to go back to the verdict."
    };
    wrap(body, &style.paint(Paint::Dim, keys), width);
}

/// The reference solution, once the exercise passes.
pub(super) fn solution(
    model: &Model,
    ex: &Exercise,
    style: Style,
    width: usize,
    body: &mut Vec<String>,
) {
    if model.state.done.contains(&ex.name) {
        match crate::cmd::solution_render(model.course, ex, style) {
            Ok(text) => wrap(body, &text, width),
            Err(e) => wrap(body, &format!("Cannot show the solution: {e:#}"), width),
        }
        wrap(
            body,
            &style.paint(Paint::Dim, "Esc goes back to the verdict."),
            width,
        );
    } else {
        wrap(
            body,
            "The solution unlocks once this exercise passes. Press h for a hint instead.",
            width,
        );
    }
}

/// The exercise list: the reset question or the filter, then a page of
/// exercises around the cursor.
pub(super) fn list(
    model: &Model,
    list: &ListView,
    style: Style,
    width: usize,
    height: usize,
    body: &mut Vec<String>,
) {
    let course = model.course;
    let matches = list.matches(course);
    if list.confirm_reset {
        let ex = &course.exercises[list.sel];
        wrap(
            body,
            &style.paint(
                Paint::Warn,
                &format!(
                    "Reset {} to how it was shipped? Your files are kept in a backup first.",
                    ex.name
                ),
            ),
            width,
        );
    } else if list.typing || !list.filter.is_empty() {
        let cursor = if list.typing { "▏" } else { "" };
        wrap(
            body,
            &format!(
                "Filter: {}{cursor}  {}",
                list.filter,
                style.paint(
                    Paint::Dim,
                    &format!("{} of {} exercises", matches.len(), course.exercises.len())
                )
            ),
            width,
        );
    }
    if matches.is_empty() {
        wrap(
            body,
            "No exercise matches: Backspace removes a letter, Esc clears the filter.",
            width,
        );
        model.list_rows.set(1);
        return;
    }
    let rows = height.saturating_sub(10).max(3);
    model.list_rows.set(rows);
    let at = matches.iter().position(|&i| i == list.sel).unwrap_or(0);
    let start = at
        .saturating_sub(rows / 2)
        .min(matches.len().saturating_sub(rows));
    for &i in matches.iter().skip(start).take(rows) {
        wrap(body, &row(model, list, i, style), width);
    }
}

/// A line of the list: done or not, number, name, module, what else is
/// true of it, and the cursor.
fn row(model: &Model, list: &ListView, i: usize, style: Style) -> String {
    let ex = &model.course.exercises[i];
    let mark = if model.state.done.contains(&ex.name) {
        style.paint(Paint::Pass, "✓")
    } else {
        style.paint(Paint::Dim, "·")
    };
    let mut here = String::new();
    if model.state.failing.contains(&ex.name) {
        here.push_str(&style.paint(Paint::Warn, "  last change fails"));
    }
    if i == model.current {
        here.push_str(&style.paint(Paint::Dim, "  (current)"));
    }
    let line = format!(
        "{mark} {:>3} {} {}{here}",
        i + 1,
        ex.name,
        style.paint(Paint::Dim, ex.module())
    );
    // The cursor is a mark, so it shows without colour too.
    if i == list.sel {
        format!(
            "{} {}",
            style.paint(Paint::Key, "›"),
            style.paint(Paint::Selected, &term::strip_ansi(&line))
        )
    } else {
        format!("  {line}")
    }
}
