//! `progress`: how far the learner is, overall and by module.

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
    out!("{}", render(course, &progress.state, Style::stdout()));
    Ok(crate::exit::SUCCESS)
}

pub(crate) fn render(course: &Course, state: &crate::state::State, style: Style) -> String {
    let total = course.exercises.len();
    let done = course
        .exercises
        .iter()
        .filter(|e| state.done.contains(&e.name))
        .count();
    let mut s = format!(
        "{} {done}/{total} exercises done ({}%)\n\n",
        crate::progress_bar::text(done, total, 40),
        done * 100 / total.max(1)
    );
    let mut modules: Vec<&str> = course.exercises.iter().map(|e| e.module()).collect();
    modules.dedup();
    for m in modules {
        let in_mod: Vec<_> = course
            .exercises
            .iter()
            .filter(|e| e.module() == m)
            .collect();
        let d = in_mod
            .iter()
            .filter(|e| state.done.contains(&e.name))
            .count();
        let mark = if d == in_mod.len() {
            style.paint(Paint::Pass, "✓")
        } else {
            " ".into()
        };
        s.push_str(&format!(
            "  {mark} {:<28} {d}/{}\n",
            format!("{m} {}", course.module_title(m)),
            in_mod.len()
        ));
    }
    let cur = super::current(course, state);
    if done < total {
        s.push_str(&format!(
            "\nCurrent: {} ({})\n",
            cur.name,
            cur.exercise_rel()
        ));
    }
    s
}
