//! `list`: every exercise with its number, module and state.

use std::io::Write;

use anyhow::Result;

use crate::course::Course;
use crate::term::{Paint, Style};

pub(crate) fn run(course: &Course) -> Result<i32> {
    super::require_exercises(course)?;
    let progress = super::load_progress(course)?;
    if let Some(msg) = &progress.corrupt {
        super::warn(&format!(
            "{msg} Run `{}` to rebuild it.",
            crate::invoked::command("verify")
        ));
    }
    let text = render(course, &progress.state, Style::stdout());
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    Ok(crate::exit::SUCCESS)
}

pub(crate) fn render(course: &Course, state: &crate::state::State, style: Style) -> String {
    let current = super::current(course, state).name.clone();
    let name_w = course
        .exercises
        .iter()
        .map(|e| e.name.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let module_w = course
        .exercises
        .iter()
        .map(|e| e.module().len())
        .max()
        .unwrap_or(6)
        .max(6);
    let mut s = String::new();
    s.push_str(&style.paint(
        Paint::Bold,
        &format!(
            "    {:>3}  {:<name_w$}  {:<module_w$}  state",
            "#", "name", "module"
        ),
    ));
    s.push('\n');
    for ex in &course.exercises {
        let done = state.done.contains(&ex.name);
        let marker = if ex.name == current { "▶" } else { " " };
        let st = if done && state.failing.contains(&ex.name) {
            format!(
                "{} {}",
                style.paint(Paint::Pass, "done"),
                style.paint(Paint::Warn, "(passed before; your last change fails)")
            )
        } else if done {
            style.paint(Paint::Pass, "done")
        } else {
            style.paint(Paint::Dim, "pending")
        };
        let line = format!(
            "  {marker} {:>3}  {:<name_w$}  {:<module_w$}  {st}",
            ex.index + 1,
            ex.name,
            ex.module()
        );
        if ex.name == current {
            s.push_str(&style.paint(Paint::Bold, &line));
        } else {
            s.push_str(&line);
        }
        s.push('\n');
    }
    let done = course
        .exercises
        .iter()
        .filter(|e| state.done.contains(&e.name))
        .count();
    s.push_str(&format!("\n{done}/{} done\n", course.exercises.len()));
    s
}
