//! Grading many exercises: `verify` and the watch screen's progress
//! rebuild. Remembered passes first ([`cache`](super::cache)), then the
//! `test`-mode exercises in shared `go test` runs ([`group`](super::group)),
//! then the rest one by one on a pool of threads.

use std::time::{Duration, Instant};

use anyhow::Result;

use super::{Grader, Target};
use crate::course::{Course, Exercise};
use crate::process::CancelToken;
use crate::verdict::Verdict;

/// One exercise's result.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub index: usize,
    /// `Err` holds the sentence saying why the runner could not grade.
    pub verdict: Result<Verdict, String>,
    pub elapsed: Duration,
}

pub(crate) fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// How `verify_all` grades.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Exercises graded at once.
    pub jobs: usize,
    /// Grade each exercise in its own `go test` run (no grouping).
    pub isolated: bool,
    /// Reuse remembered passes whose inputs have not changed.
    pub cache: bool,
}

impl Options {
    pub(crate) fn new(jobs: usize) -> Options {
        Options {
            jobs,
            isolated: false,
            cache: false,
        }
    }
}

fn to_outcome(index: usize, r: Result<Verdict>, elapsed: Duration) -> Outcome {
    let verdict = r.map_err(|e| {
        if crate::process::is_cancelled(&e) {
            "cancelled".to_string()
        } else {
            format!("{e:#}")
        }
    });
    Outcome {
        index,
        verdict,
        elapsed,
    }
}

/// Grades `exercises` and returns their outcomes in order; `on_done` is
/// called as each finishes. Remembered passes come first (with `cache`),
/// then the `test`-mode exercises in shared `go test` runs (unless
/// `isolated`), then everything else, `jobs` at a time. Stops early (the
/// rest report "cancelled") when `cancel` fires.
pub(crate) fn verify_all(
    course: &Course,
    exercises: &[&Exercise],
    target: Target,
    opts: Options,
    cancel: &CancelToken,
    on_done: &OnDone,
) -> Vec<Outcome> {
    let grader = Grader::with_cancel(course, cancel.clone());
    let mut done: Vec<Option<Outcome>> = (0..exercises.len()).map(|_| None).collect();
    let mut keys: Vec<Option<String>> = vec![None; exercises.len()];
    if opts.cache {
        remembered(&grader, exercises, target, &mut keys, &mut done, on_done);
    }
    if !opts.isolated && !cancel.is_cancelled() {
        grouped(&grader, exercises, target, &keys, &mut done, on_done);
    }
    let left: Vec<usize> = (0..exercises.len())
        .filter(|i| done[*i].is_none())
        .collect();
    let batch = Batch {
        course,
        exercises,
        target,
        cancel,
        keys: &keys,
        on_done,
    };
    for o in batch.grade(&left, opts.jobs) {
        let i = o.index;
        done[i] = Some(o);
    }
    done.into_iter()
        .enumerate()
        .map(|(i, o)| {
            o.unwrap_or(Outcome {
                index: i,
                verdict: Err("cancelled".into()),
                elapsed: Duration::ZERO,
            })
        })
        .collect()
}

/// Called as each exercise's outcome is known.
pub(crate) type OnDone<'a> = dyn Fn(&Exercise, &Outcome) + Sync + 'a;

/// Records an outcome and says so.
fn finish(
    exercises: &[&Exercise],
    on_done: &OnDone,
    done: &mut [Option<Outcome>],
    i: usize,
    o: Outcome,
) {
    on_done(exercises[i], &o);
    done[i] = Some(o);
}

/// Remembered passes whose inputs have not changed; fills in the cache key
/// of every exercise.
fn remembered(
    grader: &Grader,
    exercises: &[&Exercise],
    target: Target,
    keys: &mut [Option<String>],
    done: &mut [Option<Outcome>],
    on_done: &OnDone,
) {
    for (i, ex) in exercises.iter().enumerate() {
        let started = Instant::now();
        keys[i] = super::cache::key(grader, ex, target);
        if let Some(v) = keys[i]
            .as_deref()
            .and_then(|k| super::cache::load(grader, ex, k))
        {
            finish(
                exercises,
                on_done,
                done,
                i,
                to_outcome(i, Ok(v), started.elapsed()),
            );
        }
    }
}

/// The `test`-mode exercises not yet done, in one shared `go test` run.
fn grouped(
    grader: &Grader,
    exercises: &[&Exercise],
    target: Target,
    keys: &[Option<String>],
    done: &mut [Option<Outcome>],
    on_done: &OnDone,
) {
    let group: Vec<usize> = (0..exercises.len())
        .filter(|i| {
            done[*i].is_none()
                && super::group::groupable(grader, exercises[*i])
                // Refusals and stops are given by grading alone.
                && matches!(grader.precheck(exercises[*i], target), Ok(None))
        })
        .collect();
    if group.len() <= 1 {
        return;
    }
    let started = Instant::now();
    let members: Vec<&Exercise> = group.iter().map(|i| exercises[*i]).collect();
    let verdicts = super::group::grade(grader, &members, target);
    let each = started.elapsed() / group.len() as u32;
    for (k, v) in verdicts.into_iter().enumerate() {
        if let Some(v) = v {
            let i = group[k];
            if let Some(key) = &keys[i] {
                super::cache::store(grader, exercises[i], key, &v);
            }
            finish(exercises, on_done, done, i, to_outcome(i, Ok(v), each));
        }
    }
}

/// What grading the rest one by one needs.
struct Batch<'a> {
    course: &'a Course,
    exercises: &'a [&'a Exercise],
    target: Target,
    cancel: &'a CancelToken,
    keys: &'a [Option<String>],
    on_done: &'a OnDone<'a>,
}

impl Batch<'_> {
    /// Grades the exercises at `left`, `jobs` at a time, in the order they
    /// finish.
    fn grade(&self, left: &[usize], jobs: usize) -> Vec<Outcome> {
        crate::pool::run(
            left,
            jobs,
            || Grader::with_cancel(self.course, self.cancel.clone()),
            || false,
            |grader, &i| self.one(grader, i),
        )
    }

    /// Grades exercise `i` (unless cancelled), remembers a verdict, and
    /// says so.
    fn one(&self, grader: &Grader, i: usize) -> Outcome {
        let ex = self.exercises[i];
        let started = Instant::now();
        let r = if self.cancel.is_cancelled() {
            Err(crate::process::Cancelled.into())
        } else {
            grader.grade(ex, self.target)
        };
        if let (Ok(v), Some(key)) = (&r, &self.keys[i]) {
            super::cache::store(grader, ex, key, v);
        }
        let outcome = to_outcome(i, r, started.elapsed());
        (self.on_done)(ex, &outcome);
        outcome
    }
}
