//! The watch screen: one screen, redrawn whole after every change. In a
//! terminal it is cleared and drawn fitted to the window; otherwise each
//! screen is printed after the previous one.

use std::io::Write;
use std::time::Duration;

use super::{ListView, Model, View};
use crate::course::{Course, Exercise, Mode};
use crate::term::{self, Paint, Style};

pub(crate) struct Screen {
    interactive: bool,
}

/// The files a learner edits in an exercise, relative to the course root.
pub(crate) fn main_files(course: &Course, ex: &Exercise) -> Vec<String> {
    let dir = course.root.join(ex.exercise_rel());
    let Ok((code, tests)) = crate::grade::go_files(&dir) else {
        return vec![];
    };
    let files = if ex.mode == Mode::LearnerTests {
        tests
    } else {
        code
    };
    let mut out: Vec<String> = files
        .into_iter()
        .map(|f| format!("{}/{f}", ex.exercise_rel()))
        .collect();
    if out.is_empty() {
        if let Some(main) = &ex.main {
            out.push(format!("{}/{main}/", ex.exercise_rel()));
        } else {
            out.push(format!("{}/", ex.exercise_rel()));
        }
    }
    out
}

/// Text wider than this is hard to read: a wide terminal gets a column of
/// this width (the book's listings are 88).
pub(crate) const MAX_WIDTH: usize = 100;

impl Screen {
    pub(crate) fn new(interactive: bool) -> Screen {
        Screen { interactive }
    }

    pub(crate) fn draw(&self, model: &Model) {
        let (width, height) = if self.interactive {
            let (w, h) = crossterm::terminal::size()
                .map(|(w, h)| (usize::from(w), usize::from(h)))
                .unwrap_or((80, 24));
            (w.clamp(20, MAX_WIDTH), h.max(8))
        } else {
            // A pipe or a log: lines as long as they are.
            (1000, usize::MAX)
        };
        let lines = render(model, width, height);
        let mut out = std::io::stdout().lock();
        if self.interactive {
            let mut buf = String::from("\x1b[H\x1b[2J\x1b[3J");
            buf.push_str(&lines.join("\r\n"));
            let _ = out.write_all(buf.as_bytes());
        } else {
            let _ = writeln!(out, "{}", lines.join("\n"));
            let _ = writeln!(out, "{}", "─".repeat(60));
        }
        let _ = out.flush();
    }

    /// Leaves the last screen in place and moves below it.
    pub(crate) fn leave(&self, _model: &Model) {
        if self.interactive {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(b"\r\n");
            let _ = out.flush();
        }
    }
}

fn wrap(lines: &mut Vec<String>, text: &str, width: usize) {
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        lines.extend(term::wrap_line(line, width, (indent + 2).min(width / 3)));
    }
    if text.is_empty() {
        lines.push(String::new());
    }
}

/// The screen as lines no wider than `width`, at most `height` of them.
pub(crate) fn render(model: &Model, width: usize, height: usize) -> Vec<String> {
    let style = Style { color: model.color };
    let course = model.course;
    let ex = &course.exercises[model.current];
    let total = course.exercises.len();
    let done = course
        .exercises
        .iter()
        .filter(|e| model.state.done.contains(&e.name))
        .count();

    let mut head = Vec::new();
    let bar_w = (width.saturating_sub(34)).clamp(6, 30);
    wrap(
        &mut head,
        &format!(
            "{} {} {done}/{total} done",
            style.paint(Paint::Bold, "backendlings"),
            crate::cmd::progress_bar_text(done, total, bar_w)
        ),
        width,
    );
    wrap(
        &mut head,
        &format!(
            "{} {}  {}",
            style.paint(Paint::Bold, &format!("Exercise {}/{total}", ex.index + 1)),
            ex.name,
            style.paint(
                Paint::Dim,
                &format!("({} {})", ex.module(), course.module_title(ex.module()))
            )
        ),
        width,
    );
    for f in main_files(course, ex) {
        wrap(
            &mut head,
            &format!("  {}", style.paint(Paint::Path, &f)),
            width,
        );
    }
    head.push(String::new());

    let mut notices = Vec::new();
    for n in &model.notices {
        wrap(
            &mut notices,
            &format!("{} {n}", style.paint(Paint::Warn, "»")),
            width,
        );
        notices.push(String::new());
    }
    // The verdict comes before any notice (the welcome included), so a
    // small window still shows it; other views follow the notices.
    let mut body = Vec::new();
    if model.view != View::Verdict {
        body.append(&mut notices);
    }
    match &model.view {
        View::Verdict => verdict_view(model, ex, style, width, &mut body),
        View::Hint(level) => {
            wrap(
                &mut body,
                &crate::cmd::hint_render(ex, *level, style),
                width,
            );
            let keys = if *level < ex.hints.len() {
                "Press h for the next hint, Esc to go back to the verdict."
            } else {
                "Press Esc to go back to the verdict."
            };
            wrap(&mut body, &style.paint(Paint::Dim, keys), width);
        }
        View::List(list) => list_view(model, list, style, width, height, &mut body),
        View::Solution => {
            if model.state.done.contains(&ex.name) {
                match crate::cmd::solution_render(course, ex, style) {
                    Ok(text) => wrap(&mut body, &text, width),
                    Err(e) => wrap(
                        &mut body,
                        &format!("Cannot show the solution: {e:#}"),
                        width,
                    ),
                }
                wrap(
                    &mut body,
                    &style.paint(Paint::Dim, "Esc goes back to the verdict."),
                    width,
                );
            } else {
                wrap(
                    &mut body,
                    "The solution unlocks once this exercise passes. Press h for a hint instead.",
                    width,
                );
            }
        }
    }

    if !notices.is_empty() {
        if body.last().is_some_and(|l| !l.is_empty()) {
            body.push(String::new());
        }
        body.append(&mut notices);
    }

    let mut foot = vec![String::new()];
    let links = crate::cmd::book_links(course, ex);
    if !links.is_empty() {
        wrap(
            &mut foot,
            &format!("{} {}", style.paint(Paint::Dim, "Book:"), links.join("  ")),
            width,
        );
    }
    let keys: &[(&str, &str)] = match &model.view {
        View::List(list) if list.confirm_reset => &[("y", "reset"), ("any other key", "keep")],
        View::List(list) if list.typing => &[
            ("type", "to filter"),
            ("↑↓", "move"),
            ("enter", "done"),
            ("esc", "clear"),
        ],
        View::List(_) => &[
            ("↑↓", "move"),
            ("PgUp/PgDn", "page"),
            ("/", "filter"),
            ("enter", "open"),
            ("r", "reset"),
            ("l", "back"),
            ("q", "quit"),
        ],
        _ => &[
            ("h", "hint"),
            ("n", "next"),
            ("r", "re-run"),
            ("l", "list"),
            ("s", "solution"),
            ("e", "edit"),
            ("q", "quit"),
        ],
    };
    let help: Vec<String> = keys
        .iter()
        .map(|(k, what)| format!("{} {what}", style.paint(Paint::Key, k)))
        .collect();
    wrap(
        &mut foot,
        &help.join(&style.paint(Paint::Dim, " · ")),
        width,
    );

    // Fit the height: the body gives way first, then the lines under the
    // title, then the book link; the title and the keys stay.
    while head.len() + foot.len() > height.saturating_sub(1) && head.len() > 1 {
        head.pop();
    }
    while head.len() + foot.len() > height.saturating_sub(1) && foot.len() > 1 {
        foot.remove(0);
    }
    let room = height.saturating_sub(head.len() + foot.len());
    model.scroll_max.set(0);
    if body.len() > room {
        // What does not fit scrolls: j/↓ and k/↑ move through it.
        let max = body.len().saturating_sub(room.saturating_sub(2));
        model.scroll_max.set(max);
        let scroll = model.scroll.min(max);
        let above = scroll;
        let mut shown: Vec<String> = body.into_iter().skip(scroll).collect();
        let mut keep = room.saturating_sub(1 + usize::from(above > 0));
        if keep == 0 && room > 0 {
            keep = 1;
        }
        let below = shown.len().saturating_sub(keep);
        shown.truncate(keep);
        body = Vec::new();
        let clip = |n: String| -> String {
            let n: String = n.chars().take(width).collect();
            style.paint(Paint::Dim, &n)
        };
        if above > 0 && room > 1 {
            body.push(clip(format!("… {above} lines above: k or ↑ scrolls up")));
        }
        body.extend(shown);
        if below > 0 && room > 0 {
            let notice = if width >= 60 {
                format!(
                    "… {below} more lines: j or ↓ scrolls (or run `{}`)",
                    crate::invoked::command(&format!("run {}", ex.name))
                )
            } else {
                format!("… {below} more lines: j or ↓")
            };
            body.push(clip(notice));
        }
    }
    let mut lines = head;
    lines.extend(body);
    lines.extend(foot);
    if lines.len() > height {
        // Keep the key help, the last line.
        let last = lines.pop();
        lines.truncate(height.saturating_sub(1));
        lines.extend(last);
    }
    lines
}

fn verdict_view(model: &Model, ex: &Exercise, style: Style, width: usize, body: &mut Vec<String>) {
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

fn list_view(
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
        let ex = &course.exercises[i];
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
        let line = if i == list.sel {
            format!(
                "{} {}",
                style.paint(Paint::Key, "›"),
                style.paint(Paint::Selected, &term::strip_ansi(&line))
            )
        } else {
            format!("  {line}")
        };
        wrap(body, &line, width);
    }
}
