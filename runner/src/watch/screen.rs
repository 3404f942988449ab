//! The watch screen: one screen, redrawn whole after every change. In a
//! terminal it is cleared and drawn fitted to the window; otherwise each
//! screen is printed after the previous one.
//!
//! This file draws the screen and lays it out (head, body, foot, fitted to
//! the height); `views` writes the main area of each view.

mod views;

use std::io::Write;

use super::{Model, View};
use crate::course::{Course, Exercise};
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
    let files = if ex.mode.fields().learner_writes_tests {
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
    let ex = &model.course.exercises[model.current];
    let head = head(model, ex, style, width);
    let body = body(model, ex, style, width, height);
    let foot = foot(model, ex, style, width);
    fit(model, ex, style, width, height, (head, body, foot))
}

/// The progress bar, the exercise and the files to edit.
fn head(model: &Model, ex: &Exercise, style: Style, width: usize) -> Vec<String> {
    let course = model.course;
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
            crate::progress_bar::text(done, total, bar_w)
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
    head
}

/// The main area: the view, and the notices.
fn body(model: &Model, ex: &Exercise, style: Style, width: usize, height: usize) -> Vec<String> {
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
        View::Verdict => views::verdict(model, ex, style, width, &mut body),
        View::Hint(level) => views::hint(ex, *level, style, width, &mut body),
        View::List(list) => views::list(model, list, style, width, height, &mut body),
        View::Solution => views::solution(model, ex, style, width, &mut body),
    }

    if !notices.is_empty() {
        if body.last().is_some_and(|l| !l.is_empty()) {
            body.push(String::new());
        }
        body.append(&mut notices);
    }
    body
}

/// The book link and the keys of the view.
fn foot(model: &Model, ex: &Exercise, style: Style, width: usize) -> Vec<String> {
    let mut foot = vec![String::new()];
    let links = crate::cmd::book_links(model.course, ex);
    if !links.is_empty() {
        wrap(
            &mut foot,
            &format!("{} {}", style.paint(Paint::Dim, "Book:"), links.join("  ")),
            width,
        );
    }
    let help: Vec<String> = keys(&model.view)
        .iter()
        .map(|(k, what)| format!("{} {what}", style.paint(Paint::Key, k)))
        .collect();
    wrap(
        &mut foot,
        &help.join(&style.paint(Paint::Dim, " · ")),
        width,
    );
    foot
}

/// The keys a view offers, and what each does.
fn keys(view: &View) -> &'static [(&'static str, &'static str)] {
    match view {
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
    }
}

/// Fits the height: the body gives way first, then the lines under the
/// title, then the book link; the title and the keys stay.
fn fit(
    model: &Model,
    ex: &Exercise,
    style: Style,
    width: usize,
    height: usize,
    (mut head, body, mut foot): (Vec<String>, Vec<String>, Vec<String>),
) -> Vec<String> {
    while head.len() + foot.len() > height.saturating_sub(1) && head.len() > 1 {
        head.pop();
    }
    while head.len() + foot.len() > height.saturating_sub(1) && foot.len() > 1 {
        foot.remove(0);
    }
    let room = height.saturating_sub(head.len() + foot.len());
    model.scroll_max.set(0);
    let body = if body.len() > room {
        scroll(model, ex, style, width, room, body)
    } else {
        body
    };
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

/// A body taller than its `room`: what does not fit scrolls, j/↓ and k/↑
/// move through it, and a line above and below says how much is hidden.
fn scroll(
    model: &Model,
    ex: &Exercise,
    style: Style,
    width: usize,
    room: usize,
    body: Vec<String>,
) -> Vec<String> {
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
    let mut body = Vec::new();
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
    body
}
