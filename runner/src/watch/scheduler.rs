//! The scheduler of watch mode: which check runs, which wait their turn,
//! and which saves are still in their quiet time. A check runs on its own
//! thread and reports on the event channel.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use super::{Event, Model};
use crate::course::Course;
use crate::grade::{Grader, Target};
use crate::process::CancelToken;

/// Quiet time after the last file event before a check starts. Editors
/// write a file in several steps (truncate, write, rename); this joins them.
const DEBOUNCE: Duration = Duration::from_millis(10);

/// Checks in flight and waiting.
pub(super) struct Loop {
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
    pub(super) fn new(course: Arc<Course>, tx: Sender<Event>) -> Loop {
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
    pub(super) fn request(&mut self, model: &mut Model, index: usize) {
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
            release_freed_memory();
        });
    }

    pub(super) fn finished(&mut self, model: &mut Model, generation: u64) -> bool {
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

    pub(super) fn cancel_running(&mut self) {
        if let Some((_, _, token)) = self.running.take() {
            token.cancel();
        }
        if let Some(token) = self.preparing.take() {
            token.cancel();
        }
        self.queue.clear();
    }

    /// The next time a debounced save becomes due.
    pub(super) fn next_due(&self) -> Option<Instant> {
        self.pending.values().min().map(|t| *t + DEBOUNCE)
    }

    /// Whether `generation` is the check running now.
    pub(super) fn runs(&self, generation: u64) -> bool {
        self.running
            .as_ref()
            .is_some_and(|(_, g, _)| *g == generation)
    }

    /// A file event of `index`: its quiet time starts again.
    pub(super) fn saved(&mut self, index: usize) {
        self.pending.insert(index, Instant::now());
    }

    /// Takes the saves whose quiet time is over by `now`.
    pub(super) fn take_due(&mut self, now: Instant) -> Vec<usize> {
        let due: Vec<usize> = self
            .pending
            .iter()
            .filter(|(_, t)| now.duration_since(**t) >= DEBOUNCE)
            .map(|(i, _)| *i)
            .collect();
        for index in &due {
            self.pending.remove(index);
        }
        due
    }
}

/// Gives back to the system what a check freed, so that watch mode stays
/// small however many saves it sees (see [`crate::one_malloc_arena`]).
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}
