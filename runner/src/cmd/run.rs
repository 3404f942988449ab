//! `run [NAME]`: grade one exercise and print the whole verdict; the exit
//! code says whether it passed.

use anyhow::Result;

use crate::course::Course;
use crate::grade::{Grader, Target};
use crate::term::{Paint, Style};

pub(crate) fn run(course: &Course, name: Option<&str>) -> Result<i32> {
    super::require_exercises(course)?;
    let progress = super::load_progress(course)?;
    if let Some(msg) = &progress.corrupt {
        super::warn(msg);
    }
    let ex = super::pick(course, &progress.state, name)?;
    crate::gomod::check_toolchain(&course.go_version)?;
    super::ensure_originals(course)?;
    let style = Style::stdout();
    outln!(
        "{} {}",
        style.paint(Paint::Bold, &format!("{}.", ex.index + 1)),
        style.paint(Paint::Path, &ex.exercise_rel())
    );
    let mut grader = Grader::new(course);
    grader.status = Some(crate::process::LineSink(std::sync::Arc::new(
        |line: &str| {
            eprintln!("{}", crate::term::paint_stderr(Paint::Dim, line));
        },
    )));
    let verdict = grader.grade(ex, Target::Exercise)?;
    let text = verdict.render(style, true);
    // Wrap for a terminal; a pipe or a file gets the lines as they are.
    if crate::term::stdout_is_tty() {
        out!("{}", crate::term::wrap_text(&text, crate::term::width()));
    } else {
        out!("{text}");
    }
    super::record(course, ex, verdict.passed())?;
    if !verdict.passed() {
        if let Some(link) = super::book_links(course, ex).last() {
            outln!("\n{} {link}", style.paint(Paint::Dim, "Book:"));
        }
        outln!(
            "{}",
            style.paint(
                Paint::Dim,
                &format!(
                    "Stuck? `{}`",
                    crate::invoked::command(&format!("hint {}", ex.name))
                )
            )
        );
        return Ok(crate::exit::EXERCISE_FAILED);
    }
    Ok(crate::exit::SUCCESS)
}
