//! Watch mode: grade each exercise as it is saved, and keep one screen up to
//! date. Three sources feed one loop: file events (debounced), keys, and
//! finished checks. A save during a check restarts that check (same
//! exercise) or queues the saved one; no save is ever dropped.
//!
//! This file holds the model the screen draws from and starts watch mode;
//! `scheduler` runs the checks, `event_loop` acts on events, `keys` on keys,
//! `files` watches the files, `rebuild` rebuilds lost progress, `screen`
//! draws, `term_guard` keeps the terminal and reads keys, and `editor`
//! opens the exercise in an editor.

mod editor;
mod event_loop;
mod files;
mod keys;
mod rebuild;
mod scheduler;
mod screen;
mod term_guard;

use editor::Editor;
use scheduler::Loop;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::Result;

use crate::cli::WatchArgs;
use crate::cmd;
use crate::course::Course;
use crate::state::State;
use crate::verdict::Verdict;

pub(crate) enum Event {
    File(PathBuf),
    Key(Key),
    /// The file watcher failed; watch mode continues with keys only.
    WatchError(String),
    Checked {
        index: usize,
        generation: u64,
        result: Result<Verdict, String>,
    },
    Rebuilt(Vec<(String, bool)>),
    /// What a running check is doing, when that is worth saying.
    Status(u64, String),
    Resize,
}

/// A key as pressed; what it does depends on the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Char(char),
    Up,
    Down,
    PageUp,
    PageDown,
    Enter,
    Esc,
    Backspace,
    /// Ctrl-C or Ctrl-D.
    Interrupt,
}

/// What the main area of the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum View {
    Verdict,
    Hint(usize),
    List(ListView),
    Solution,
}

/// The exercise list: a cursor, an optional filter, and a reset waiting
/// for its confirmation.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ListView {
    /// The index of the exercise under the cursor.
    pub sel: usize,
    /// Shows only exercises whose name, folder or module contains it.
    pub filter: String,
    /// Keys go into the filter (after `/`, until Enter or Esc).
    pub typing: bool,
    /// `r` was pressed on `sel`: `y` resets it, any other key does not.
    pub confirm_reset: bool,
}

impl ListView {
    /// The exercises the filter lets through, in course order.
    pub(crate) fn matches(&self, course: &Course) -> Vec<usize> {
        let needle = self.filter.trim().to_lowercase();
        course
            .exercises
            .iter()
            .filter(|e| {
                needle.is_empty()
                    || e.name.to_lowercase().contains(&needle)
                    || e.dir.to_lowercase().contains(&needle)
                    || course
                        .module_title(e.module())
                        .to_lowercase()
                        .contains(&needle)
            })
            .map(|e| e.index)
            .collect()
    }

    /// Moves the cursor `by` rows through the matches (negative is up),
    /// and onto the first match if it is not on one.
    pub(super) fn step(&mut self, course: &Course, by: isize) {
        let m = self.matches(course);
        let Some(&first) = m.first() else { return };
        self.sel = match m.iter().position(|&i| i == self.sel) {
            Some(p) => m[p.saturating_add_signed(by).min(m.len() - 1)],
            None => first,
        };
    }
}

/// Everything the screen draws from.
pub(crate) struct Model<'a> {
    pub course: &'a Course,
    pub state: State,
    pub current: usize,
    pub view: View,
    /// Last result per exercise in this session.
    pub results: BTreeMap<usize, Result<Verdict, String>>,
    /// Exercise being checked, and since when.
    pub checking: Option<(usize, Instant)>,
    /// The latest status line of the running check.
    pub status: Option<String>,
    /// One-line messages shown above the key help (welcome, notices).
    pub notices: Vec<String>,
    /// Set when the last check broke an exercise that had passed.
    pub regressed: Option<usize>,
    pub finished: bool,
    pub color: bool,
    /// Lines of the main area scrolled past (j/↓, k/↑).
    pub scroll: usize,
    /// The most there was to scroll at the last draw.
    pub scroll_max: std::cell::Cell<usize>,
    /// How many exercises the list showed at the last draw (a page).
    pub list_rows: std::cell::Cell<usize>,
    /// File events of this exercise until then are the runner's own (a
    /// reset from the list): they re-check it but keep the notices.
    pub own_writes: Option<(usize, Instant)>,
}

pub(crate) fn run(course: &Course, args: &WatchArgs) -> Result<i32> {
    cmd::require_exercises(course)?;
    crate::gomod::check_toolchain(&course.go_version)?;
    let lock_path = course
        .root
        .join(crate::state::PRIVATE_DIR)
        .join("watch.lock");
    let _lock = match crate::lock::try_exclusive(&lock_path)? {
        Ok(lock) => lock,
        Err(pid) => anyhow::bail!(
            "another backendlings watch is already running on this course{}: use that one, or stop it first",
            pid.map(|p| format!(" (process {p})")).unwrap_or_default()
        ),
    };
    cmd::ensure_originals(course)?;
    let progress = cmd::load_progress(course)?;

    let (tx, rx) = mpsc::channel::<Event>();
    let interactive =
        crate::term::stdout_is_tty() && std::io::IsTerminal::is_terminal(&std::io::stdin());
    let _watcher = files::start_file_watcher(course, tx.clone());
    let guard = term_guard::Guard::enter(interactive)?;
    term_guard::spawn_key_reader(interactive, tx.clone());

    let mut model = Model {
        course,
        current: cmd::current(course, &progress.state).index,
        state: progress.state,
        view: View::Verdict,
        results: BTreeMap::new(),
        checking: None,
        status: None,
        notices: Vec::new(),
        regressed: None,
        finished: false,
        color: crate::term::stdout_color(),
        scroll: 0,
        scroll_max: std::cell::Cell::new(0),
        list_rows: std::cell::Cell::new(10),
        own_writes: None,
    };
    if progress.fresh || !model.state.welcomed {
        model.notices.push(welcome(course));
        model.state = crate::state::update(&course.root, |s| s.welcomed = true)?.0;
    }
    if let Some(msg) = progress.corrupt {
        model.notices.push(msg);
        rebuild::spawn_rebuild(Arc::new(course.clone()), tx.clone());
    }
    let mut editor = Editor::new(args);
    editor.open(course, &course.exercises[model.current]);

    let mut loop_state = Loop::new(Arc::new(course.clone()), tx);
    let first = model.current;
    loop_state.request(&mut model, first);
    let screen = screen::Screen::new(interactive);
    screen.draw(&model);
    let code = event_loop::event_loop(&mut model, &mut loop_state, &rx, &screen, &mut editor);
    loop_state.cancel_running();
    crate::process::kill_all_live();
    drop(guard);
    screen.leave(&model);
    code
}

fn welcome(course: &Course) -> String {
    let mut s = String::new();
    if !course.welcome_message.trim().is_empty() {
        s.push_str(&crate::term::reflow(&course.welcome_message));
        s.push_str("\n\n");
    }
    s.push_str(
        "How it works: open the exercise file in your editor, do what its comment asks, and save. \
         The verdict appears here each time you save. Press h for a hint, n for the next exercise once this one passes.",
    );
    s
}
