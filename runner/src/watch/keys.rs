//! What keys do in watch mode: in the verdict, hint and solution views
//! (hint, next, re-run, list, solution, edit, scroll, quit) and in the list
//! (move, filter, open, reset after a `y`, leave); and moving to another
//! exercise.

use std::time::{Duration, Instant};

use anyhow::Result;

use super::editor::Editor;
use super::scheduler::Loop;
use super::{Key, ListView, Model, View};
use crate::cmd;
use crate::course::Course;
use crate::state::State;

/// What a key (or another event) asks of the event loop.
pub(super) enum KeyOutcome {
    Quit(i32),
    Redraw,
    Nothing,
}

pub(super) fn on_key(
    model: &mut Model,
    lp: &mut Loop,
    key: Key,
    editor: &mut Editor,
) -> Result<KeyOutcome> {
    let course = model.course;
    if key == Key::Interrupt {
        crate::signals::interrupt();
        return Ok(KeyOutcome::Quit(crate::exit::INTERRUPTED));
    }
    if let View::List(list) = &model.view {
        return on_list_key(model, lp, list.clone(), key, editor);
    }
    let scrolls = matches!(
        key,
        Key::Up | Key::Down | Key::PageUp | Key::PageDown | Key::Char('j' | 'k' | ' ')
    );
    if !scrolls {
        model.scroll = 0;
    }
    match key {
        Key::Char('q') => Ok(KeyOutcome::Quit(crate::exit::SUCCESS)),
        Key::Char('h') => {
            let ex = &course.exercises[model.current];
            let (state, level) =
                crate::state::update(&course.root, |s| cmd::hint_next_level(s, ex))?;
            model.state = state;
            model.view = View::Hint(level);
            Ok(KeyOutcome::Redraw)
        }
        Key::Char('l') => {
            model.view = View::List(ListView {
                sel: model.current,
                ..ListView::default()
            });
            Ok(KeyOutcome::Redraw)
        }
        Key::Esc | Key::Backspace => {
            model.view = View::Verdict;
            Ok(KeyOutcome::Redraw)
        }
        Key::Char('r') | Key::Enter => {
            model.view = View::Verdict;
            lp.request(model, model.current);
            Ok(KeyOutcome::Redraw)
        }
        Key::Char('s') => {
            model.view = View::Solution;
            Ok(KeyOutcome::Redraw)
        }
        Key::Char('e') => match editor.force_open(course, &course.exercises[model.current]) {
            Some(sentence) => {
                model.notices.push(sentence);
                Ok(KeyOutcome::Redraw)
            }
            None => Ok(KeyOutcome::Nothing),
        },
        Key::Char('n') => {
            next(model, lp, editor)?;
            Ok(KeyOutcome::Redraw)
        }
        Key::Up | Key::Down | Key::PageUp | Key::PageDown | Key::Char('j' | 'k' | ' ') => {
            scroll(model, key);
            Ok(KeyOutcome::Redraw)
        }
        _ => Ok(KeyOutcome::Nothing),
    }
}

/// j/↓ and k/↑ scroll the main area a line, PgDn/space and PgUp a page.
fn scroll(model: &mut Model, key: Key) {
    model.scroll = match key {
        Key::Up | Key::Char('k') => model.scroll.saturating_sub(1),
        Key::PageUp => model.scroll.saturating_sub(10),
        Key::Down | Key::Char('j') => (model.scroll + 1).min(model.scroll_max.get()),
        _ => (model.scroll + 10).min(model.scroll_max.get()),
    };
}

/// `n`: on to the next exercise not done, once this one passes.
fn next(model: &mut Model, lp: &mut Loop, editor: &mut Editor) -> Result<()> {
    let course = model.course;
    let ex = &course.exercises[model.current];
    if !model.state.done.contains(&ex.name) {
        model.notices.push("n moves on once this exercise passes. Press h for a hint, or l to pick another exercise.".into());
        return Ok(());
    }
    let next = next_pending(course, &model.state, model.current);
    match next {
        Some(i) => go_to(model, lp, i, editor)?,
        None => model.finished = true,
    }
    Ok(())
}

/// Keys in the list: move, filter, open, reset (after a `y`), leave.
fn on_list_key(
    model: &mut Model,
    lp: &mut Loop,
    mut list: ListView,
    key: Key,
    editor: &mut Editor,
) -> Result<KeyOutcome> {
    let course = model.course;
    let page = model.list_rows.get().max(1) as isize;
    if list.confirm_reset {
        list.confirm_reset = false;
        if key == Key::Char('y') {
            model.view = View::List(list.clone());
            reset_from_list(model, lp, list.sel, editor)?;
        } else {
            model.notices.clear();
            model.notices.push(format!(
                "{} was not reset.",
                course.exercises[list.sel].name
            ));
            model.view = View::List(list);
        }
        return Ok(KeyOutcome::Redraw);
    }
    if list.typing {
        match key {
            Key::Char(c) if !c.is_control() => list.filter.push(c),
            Key::Backspace => {
                list.filter.pop();
            }
            Key::Enter => list.typing = false,
            Key::Esc => {
                list.filter.clear();
                list.typing = false;
            }
            Key::Up => list.step(course, -1),
            Key::Down => list.step(course, 1),
            Key::PageUp => list.step(course, -page),
            Key::PageDown => list.step(course, page),
            _ => return Ok(KeyOutcome::Nothing),
        }
        list.step(course, 0);
        model.view = View::List(list);
        return Ok(KeyOutcome::Redraw);
    }
    match key {
        Key::Char('q') => return Ok(KeyOutcome::Quit(crate::exit::SUCCESS)),
        Key::Up | Key::Char('k') => list.step(course, -1),
        Key::Down | Key::Char('j') => list.step(course, 1),
        Key::PageUp => list.step(course, -page),
        Key::PageDown | Key::Char(' ') => list.step(course, page),
        Key::Char('/') => list.typing = true,
        Key::Enter if list.matches(course).contains(&list.sel) => {
            go_to(model, lp, list.sel, editor)?;
            return Ok(KeyOutcome::Redraw);
        }
        Key::Char('r') if list.matches(course).contains(&list.sel) => {
            model.notices.clear();
            list.confirm_reset = true;
        }
        Key::Esc if !list.filter.is_empty() => list.filter.clear(),
        Key::Char('l') | Key::Esc | Key::Backspace => {
            model.view = View::Verdict;
            return Ok(KeyOutcome::Redraw);
        }
        _ => return Ok(KeyOutcome::Nothing),
    }
    model.view = View::List(list);
    Ok(KeyOutcome::Redraw)
}

/// Puts an exercise back as shipped (the learner's files go to a backup),
/// says where the backup is, and checks it again.
fn reset_from_list(
    model: &mut Model,
    lp: &mut Loop,
    index: usize,
    editor: &mut Editor,
) -> Result<()> {
    let course = model.course;
    let ex = &course.exercises[index];
    // The reset's own file events must not clear what it says.
    model.own_writes = Some((index, Instant::now() + Duration::from_secs(1)));
    match cmd::reset::restore(course, ex) {
        Ok((state, sentence)) => {
            model.state = state;
            model.results.remove(&index);
            go_to(model, lp, index, editor)?;
            model.notices.push(sentence);
        }
        Err(e) => model
            .notices
            .push(format!("{} was not reset: {e:#}", ex.name)),
    }
    Ok(())
}

/// Makes `index` the current exercise: says when a module is complete,
/// opens it in the editor and checks it.
fn go_to(model: &mut Model, lp: &mut Loop, index: usize, editor: &mut Editor) -> Result<()> {
    let course = model.course;
    let from = model.current;
    model.current = index;
    model.notices.clear();
    model.view = View::Verdict;
    model.regressed = None;
    let name = course.exercises[index].name.clone();
    model.state = crate::state::update(&course.root, |s| s.current = Some(name))?.0;
    let (a, b) = (
        course.exercises[from].module(),
        course.exercises[index].module(),
    );
    if a != b {
        let done_all = course
            .exercises
            .iter()
            .filter(|e| e.module() == a)
            .all(|e| model.state.done.contains(&e.name));
        if done_all {
            model.notices.push(format!(
                "Module {a} {} is complete. Next: {b} {}.",
                course.module_title(a),
                course.module_title(b)
            ));
        }
    }
    editor.open(course, &course.exercises[index]);
    lp.request(model, index);
    Ok(())
}

/// The first exercise after `from` that is not done, wrapping around.
fn next_pending(course: &Course, state: &State, from: usize) -> Option<usize> {
    let n = course.exercises.len();
    (1..=n)
        .map(|k| (from + k) % n)
        .find(|i| !state.done.contains(&course.exercises[*i].name))
}
