//! The event loop of watch mode: it waits for the next event (or the next
//! save to come due, or a tick of the timer while a check runs), acts on it,
//! starts the checks of saves whose quiet time is over, and redraws.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::Result;

use super::editor::Editor;
use super::keys::{KeyOutcome, on_key};
use super::scheduler::Loop;
use super::{Event, Model, View, files, rebuild, screen};
use crate::cmd;
use crate::verdict::Verdict;

/// How often the screen is redrawn while a check runs (for the timer).
const TICK: Duration = Duration::from_millis(500);

/// Runs watch mode until it quits (a key, an interrupt, or no more events);
/// returns the exit code.
pub(super) fn event_loop(
    model: &mut Model,
    lp: &mut Loop,
    rx: &Receiver<Event>,
    screen: &screen::Screen,
    editor: &mut Editor,
) -> Result<i32> {
    loop {
        let now = Instant::now();
        let mut wait = lp
            .next_due()
            .map_or(TICK, |due| due.saturating_duration_since(now));
        if model.checking.is_some() {
            wait = wait.min(TICK);
        }
        let event = match rx.recv_timeout(wait) {
            Ok(e) => Some(e),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Ok(crate::exit::SUCCESS),
        };
        if crate::signals::interrupted() {
            return Ok(crate::exit::INTERRUPTED);
        }
        let mut redraw = event.is_none() && model.checking.is_some();
        if let Some(event) = event {
            match on_event(model, lp, event, editor)? {
                KeyOutcome::Quit(code) => return Ok(code),
                KeyOutcome::Redraw => redraw = true,
                KeyOutcome::Nothing => {}
            }
        }
        if start_due(model, lp)? {
            redraw = true;
        }
        if redraw {
            screen.draw(model);
        }
    }
}

/// Acts on one event: whether to quit, or to redraw.
fn on_event(
    model: &mut Model,
    lp: &mut Loop,
    event: Event,
    editor: &mut Editor,
) -> Result<KeyOutcome> {
    match event {
        Event::File(path) => {
            if let Some(index) = files::exercise_of(model.course, &path) {
                lp.saved(index);
            }
        }
        Event::WatchError(msg) => {
            model.notices.push(format!(
                "Watching files stopped working ({msg}); press r to re-run after saving."
            ));
            return Ok(KeyOutcome::Redraw);
        }
        Event::Resize => return Ok(KeyOutcome::Redraw),
        Event::Status(generation, line) if lp.runs(generation) => {
            model.status = Some(line);
            return Ok(KeyOutcome::Redraw);
        }
        Event::Status(..) => {}
        Event::Rebuilt(results) => {
            rebuild::on_rebuilt(model, &results)?;
            return Ok(KeyOutcome::Redraw);
        }
        Event::Checked {
            index,
            generation,
            result,
        } if lp.finished(model, generation) => {
            on_checked(model, index, result)?;
            return Ok(KeyOutcome::Redraw);
        }
        // A check that was restarted or cancelled: its result is stale.
        Event::Checked { .. } => {}
        Event::Key(key) => return on_key(model, lp, key, editor),
    }
    Ok(KeyOutcome::Nothing)
}

/// Saves whose quiet time is over start their checks now; whether any did.
fn start_due(model: &mut Model, lp: &mut Loop) -> Result<bool> {
    let now = Instant::now();
    let due = lp.take_due(now);
    for &index in &due {
        // A save: the learner has read the notices. (The runner's own
        // writes re-check too, but keep what they said.)
        let own = model
            .own_writes
            .is_some_and(|(i, until)| i == index && now < until);
        if !own {
            model.notices.clear();
        }
        if model.current != index {
            model.current = index;
            let name = model.course.exercises[index].name.clone();
            model.state = crate::state::update(&model.course.root, |s| s.current = Some(name))?.0;
        }
        model.view = View::Verdict;
        lp.request(model, index);
    }
    Ok(!due.is_empty())
}

/// Records a finished check: progress, a regression, the result, and
/// whether the whole course now passes.
fn on_checked(model: &mut Model, index: usize, result: Result<Verdict, String>) -> Result<()> {
    let ex = &model.course.exercises[index];
    let was_done = model.state.done.contains(&ex.name);
    let passed = matches!(&result, Ok(v) if v.passed());
    if was_done != passed || passed {
        model.state = cmd::record(model.course, ex, passed)?;
    }
    model.regressed = if was_done && !passed && result.is_ok() {
        Some(index)
    } else {
        None
    };
    model.results.insert(index, result);
    let all = model
        .course
        .exercises
        .iter()
        .all(|e| model.state.done.contains(&e.name));
    model.finished = all;
    Ok(())
}
