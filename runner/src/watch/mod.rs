//! Watch mode: grade each exercise as it is saved, and keep one screen up to
//! date. Three sources feed one loop: file events (debounced), keys, and
//! finished checks. A save during a check restarts that check (same
//! exercise) or queues the saved one; no save is ever dropped.

mod editor;
mod screen;
mod term_guard;

use editor::Editor;

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::cli::WatchArgs;
use crate::cmd;
use crate::course::{Course, Exercise};
use crate::grade::{Grader, Target};
use crate::process::CancelToken;
use crate::state::State;
use crate::verdict::Verdict;

/// Quiet time after the last file event before a check starts. Editors
/// write a file in several steps (truncate, write, rename); this joins them.
pub(crate) const DEBOUNCE: Duration = Duration::from_millis(10);
/// How often the screen is redrawn while a check runs (for the timer).
const TICK: Duration = Duration::from_millis(500);

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
    fn step(&mut self, course: &Course, by: isize) {
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
    let _watcher = start_file_watcher(course, tx.clone());
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
        spawn_rebuild(Arc::new(course.clone()), tx.clone());
    }
    let mut editor = Editor::new(args);
    editor.open(course, &course.exercises[model.current]);

    let mut loop_state = Loop::new(Arc::new(course.clone()), tx);
    let first = model.current;
    loop_state.request(&mut model, first);
    let screen = screen::Screen::new(interactive);
    screen.draw(&model);
    let code = event_loop(&mut model, &mut loop_state, &rx, &screen, &mut editor);
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

/// Checks in flight and waiting.
struct Loop {
    course: Arc<Course>,
    tx: Sender<Event>,
    generation: u64,
    running: Option<(usize, u64, CancelToken)>,
    queue: VecDeque<usize>,
    /// Exercises with file events, and when the last one came.
    pending: BTreeMap<usize, Instant>,
    /// The token of the last finished check, whose thread may still be
    /// preparing the quick path: the next check must not wait behind it.
    preparing: Option<CancelToken>,
}

impl Loop {
    fn new(course: Arc<Course>, tx: Sender<Event>) -> Loop {
        Loop {
            course,
            tx,
            generation: 0,
            running: None,
            queue: VecDeque::new(),
            pending: BTreeMap::new(),
            preparing: None,
        }
    }

    /// Asks for a check of `index`: restarts a running check of the same
    /// exercise, queues one of another.
    fn request(&mut self, model: &mut Model, index: usize) {
        match &self.running {
            Some((running, _, token)) if *running == index => {
                token.cancel();
                self.running = None;
                self.start(model, index);
            }
            Some(_) => {
                if !self.queue.contains(&index) {
                    self.queue.push_back(index);
                }
            }
            None => self.start(model, index),
        }
    }

    fn start(&mut self, model: &mut Model, index: usize) {
        if let Some(token) = self.preparing.take() {
            token.cancel();
        }
        self.generation += 1;
        let generation = self.generation;
        let token = CancelToken::new();
        self.running = Some((index, generation, token.clone()));
        model.checking = Some((index, Instant::now()));
        let tx = self.tx.clone();
        let course = Arc::clone(&self.course);
        std::thread::spawn(move || {
            let mut g = Grader::with_cancel(&course, token);
            let status_tx = tx.clone();
            g.status = Some(crate::process::LineSink(Arc::new(move |line: &str| {
                let _ = status_tx.send(Event::Status(generation, line.to_string()));
            })));
            let result = g.grade(&course.exercises[index], Target::Exercise);
            let result = match result {
                Ok(v) => Ok(v),
                Err(e) if crate::process::is_cancelled(&e) => return,
                Err(e) => Err(format!("{e:#}")),
            };
            let _ = tx.send(Event::Checked {
                index,
                generation,
                result,
            });
            // With the verdict on screen, record what makes the next save's
            // check quick (once per exercise; cancelled by the next check).
            g.status = None;
            let _ = crate::grade::quick::prepare(&g, &course.exercises[index], Target::Exercise);
            // And, a few exercises before the first one graded with -race,
            // build what the race detector needs.
            let _ = crate::grade::warm::race_ahead(&g, index);
        });
    }

    fn finished(&mut self, model: &mut Model, generation: u64) -> bool {
        match &self.running {
            Some((_, g, token)) if *g == generation => {
                self.preparing = Some(token.clone());
                self.running = None;
                model.checking = None;
                model.status = None;
                if let Some(next) = self.queue.pop_front() {
                    self.start(model, next);
                }
                true
            }
            _ => false,
        }
    }

    fn cancel_running(&mut self) {
        if let Some((_, _, token)) = self.running.take() {
            token.cancel();
        }
        if let Some(token) = self.preparing.take() {
            token.cancel();
        }
        self.queue.clear();
    }

    /// The next time a debounced save becomes due.
    fn next_due(&self) -> Option<Instant> {
        self.pending.values().min().map(|t| *t + DEBOUNCE)
    }
}

fn event_loop(
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
        match event {
            None => {}
            Some(Event::File(path)) => {
                if let Some(index) = exercise_of(model.course, &path) {
                    lp.pending.insert(index, Instant::now());
                }
            }
            Some(Event::WatchError(msg)) => {
                model.notices.push(format!(
                    "Watching files stopped working ({msg}); press r to re-run after saving."
                ));
                redraw = true;
            }
            Some(Event::Resize) => redraw = true,
            Some(Event::Status(generation, line))
                if lp
                    .running
                    .as_ref()
                    .is_some_and(|(_, g, _)| *g == generation) =>
            {
                model.status = Some(line);
                redraw = true;
            }
            Some(Event::Status(..)) => {}
            Some(Event::Rebuilt(results)) => {
                model.state = crate::state::update(&model.course.root, |s| {
                    for (name, passed) in &results {
                        if *passed {
                            s.done.insert(name.clone());
                        }
                    }
                })?
                .0;
                model.notices.push(format!(
                    "Progress rebuilt: {} exercises pass.",
                    results.iter().filter(|(_, p)| *p).count()
                ));
                redraw = true;
            }
            Some(Event::Checked {
                index,
                generation,
                result,
            }) if lp.finished(model, generation) => {
                on_checked(model, index, result)?;
                redraw = true;
            }
            // A check that was restarted or cancelled: its result is stale.
            Some(Event::Checked { .. }) => {}
            Some(Event::Key(key)) => match on_key(model, lp, key, editor)? {
                KeyOutcome::Quit(code) => return Ok(code),
                KeyOutcome::Redraw => redraw = true,
                KeyOutcome::Nothing => {}
            },
        }
        // Saves whose quiet time is over start their checks now.
        let now = Instant::now();
        let due: Vec<usize> = lp
            .pending
            .iter()
            .filter(|(_, t)| now.duration_since(**t) >= DEBOUNCE)
            .map(|(i, _)| *i)
            .collect();
        for index in due {
            lp.pending.remove(&index);
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
                model.state =
                    crate::state::update(&model.course.root, |s| s.current = Some(name))?.0;
            }
            model.view = View::Verdict;
            lp.request(model, index);
            redraw = true;
        }
        if redraw {
            screen.draw(model);
        }
    }
}

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

enum KeyOutcome {
    Quit(i32),
    Redraw,
    Nothing,
}

fn on_key(model: &mut Model, lp: &mut Loop, key: Key, editor: &mut Editor) -> Result<KeyOutcome> {
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
            let ex = &course.exercises[model.current];
            if !model.state.done.contains(&ex.name) {
                model.notices.push("n moves on once this exercise passes. Press h for a hint, or l to pick another exercise.".into());
                return Ok(KeyOutcome::Redraw);
            }
            let next = next_pending(course, &model.state, model.current);
            match next {
                Some(i) => go_to(model, lp, i, editor)?,
                None => model.finished = true,
            }
            Ok(KeyOutcome::Redraw)
        }
        Key::Up | Key::Char('k') => {
            model.scroll = model.scroll.saturating_sub(1);
            Ok(KeyOutcome::Redraw)
        }
        Key::PageUp => {
            model.scroll = model.scroll.saturating_sub(10);
            Ok(KeyOutcome::Redraw)
        }
        Key::Down | Key::Char('j') => {
            model.scroll = (model.scroll + 1).min(model.scroll_max.get());
            Ok(KeyOutcome::Redraw)
        }
        Key::PageDown | Key::Char(' ') => {
            model.scroll = (model.scroll + 10).min(model.scroll_max.get());
            Ok(KeyOutcome::Redraw)
        }
        _ => Ok(KeyOutcome::Nothing),
    }
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
            if model.regressed == Some(index) {
                model.regressed = None;
            }
            go_to(model, lp, index, editor)?;
            model.notices.push(sentence);
        }
        Err(e) => model
            .notices
            .push(format!("{} was not reset: {e:#}", ex.name)),
    }
    Ok(())
}

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
pub(crate) fn next_pending(course: &Course, state: &State, from: usize) -> Option<usize> {
    let n = course.exercises.len();
    (1..=n)
        .map(|k| (from + k) % n)
        .find(|i| !state.done.contains(&course.exercises[*i].name))
}

/// The exercise a changed path belongs to, if it is a Go file in one.
pub(crate) fn exercise_of(course: &Course, path: &Path) -> Option<usize> {
    if path.extension().and_then(|e| e.to_str()) != Some("go") {
        return None;
    }
    let name = path.file_name()?.to_string_lossy();
    if name.starts_with('.') || name.starts_with('#') {
        return None;
    }
    let rel = path.strip_prefix(&course.root).ok()?;
    let rel = rel.strip_prefix("exercises").ok()?;
    let mut parts = rel.components();
    let module = parts.next()?.as_os_str().to_string_lossy().into_owned();
    let ex = parts.next()?.as_os_str().to_string_lossy().into_owned();
    let dir = format!("{module}/{ex}");
    course.exercises.iter().position(|e| e.dir == dir)
}

/// Whether the runner is in WSL with the course on a Windows drive
/// (`/mnt/c/…`), where a Windows editor's saves send no inotify events.
fn wsl_windows_drive(root: &std::path::Path) -> bool {
    let wsl = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .is_ok_and(|r| r.to_ascii_lowercase().contains("microsoft"));
    let mut parts = root.components().skip(1);
    let on_mnt = parts.next().is_some_and(|c| c.as_os_str() == "mnt")
        && parts.next().is_some_and(|c| c.as_os_str().len() == 1);
    wsl && on_mnt
}

fn start_file_watcher(course: &Course, tx: Sender<Event>) -> Option<Box<dyn notify::Watcher>> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let root = dunce::canonicalize(&course.root).unwrap_or_else(|_| course.root.clone());
    let err_tx = tx.clone();
    let handler = move |res: notify::Result<notify::Event>| match res {
        Ok(ev) => {
            if matches!(ev.kind, EventKind::Access(_)) {
                return;
            }
            for p in ev.paths {
                let _ = tx.send(Event::File(p));
            }
        }
        Err(e) => {
            let _ = err_tx.send(Event::WatchError(e.to_string()));
        }
    };
    let watcher: notify::Result<Box<dyn Watcher>> = if wsl_windows_drive(&root) {
        cmd::warn(
            "the course is on a Windows drive under WSL, where saves send no file events: \
             checking for changes every half second instead (clone the course into your \
             Linux home, ~/, for instant verdicts)",
        );
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
        notify::PollWatcher::new(handler, config).map(|w| Box::new(w) as Box<dyn Watcher>)
    } else {
        notify::recommended_watcher(handler).map(|w| Box::new(w) as Box<dyn Watcher>)
    };
    let mut watcher = match watcher {
        Ok(w) => w,
        Err(e) => {
            cmd::warn(&format!(
                "cannot watch files ({e}); press r to grade after saving"
            ));
            return None;
        }
    };
    let dir = root.join("exercises");
    if let Err(e) = watcher.watch(&dir, RecursiveMode::Recursive) {
        cmd::warn(&format!(
            "cannot watch {} ({e}); press r to grade after saving",
            dir.display()
        ));
        return None;
    }
    Some(watcher)
}

/// Regrades everything in the background after the progress file was lost.
fn spawn_rebuild(course: Arc<Course>, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let all: Vec<&Exercise> = course.exercises.iter().collect();
        let cancel = crate::process::global_cancel().clone();
        let opts = cmd::VerifyOptions::new(1);
        let outcomes = cmd::verify_all(&course, &all, Target::Exercise, opts, &cancel, &|_, _| {});
        let results = outcomes
            .iter()
            .map(|o| {
                (
                    all[o.index].name.clone(),
                    matches!(&o.verdict, Ok(v) if v.passed()),
                )
            })
            .collect();
        let _ = tx.send(Event::Rebuilt(results));
    });
}
