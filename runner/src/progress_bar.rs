//! The runner's one progress bar: [`text`] draws it (`[####------]`), for
//! the watch screen and `progress`; [`Bar`] keeps one live on stderr while
//! a batch runs, drawn only when stderr is a terminal. It shows up at once
//! and its clock ticks every second, so a long shared `go test` run that
//! reports only at its end never looks like a hang.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::term;

/// `[####------]`: `done` of `total` in `width` characters between the
/// brackets (at least 4); full when there is nothing to do.
pub(crate) fn text(done: usize, total: usize, width: usize) -> String {
    let width = width.max(4);
    let filled = (done.min(total) * width)
        .checked_div(total)
        .unwrap_or(width);
    format!("[{}{}]", "#".repeat(filled), "-".repeat(width - filled))
}

#[derive(Debug)]
struct Inner {
    total: usize,
    state: Mutex<(usize, String)>,
    started: Instant,
    finished: AtomicBool,
}

#[derive(Debug)]
pub(crate) struct Bar {
    inner: Arc<Inner>,
    enabled: bool,
}

impl Bar {
    /// A bar for `total` items, drawn at once with `phase` as its label
    /// until the first item is done.
    pub(crate) fn new(total: usize, phase: &str) -> Bar {
        let bar = Bar {
            inner: Arc::new(Inner {
                total,
                state: Mutex::new((0, phase.to_string())),
                started: Instant::now(),
                finished: AtomicBool::new(false),
            }),
            enabled: term::stderr_is_tty(),
        };
        if bar.enabled {
            bar.inner.redraw();
            let inner = Arc::clone(&bar.inner);
            std::thread::spawn(move || {
                loop {
                    std::thread::sleep(Duration::from_secs(1));
                    if inner.finished.load(Ordering::SeqCst) {
                        break;
                    }
                    inner.redraw();
                }
            });
        }
        bar
    }

    /// Says what is going on while nothing is done yet.
    pub(crate) fn phase(&self, phase: &str) {
        {
            let mut s = self.inner.state.lock().unwrap_or_else(|e| e.into_inner());
            if s.0 > 0 {
                return;
            }
            s.1 = phase.to_string();
        }
        if self.enabled {
            self.inner.redraw();
        }
    }

    /// Counts one more item done, naming it.
    pub(crate) fn inc(&self, label: &str) {
        {
            let mut s = self.inner.state.lock().unwrap_or_else(|e| e.into_inner());
            s.0 += 1;
            s.1 = label.to_string();
        }
        if self.enabled {
            self.inner.redraw();
        }
    }

    /// Removes the bar from the screen and stops its clock.
    pub(crate) fn clear(&self) {
        self.inner.finished.store(true, Ordering::SeqCst);
        if self.enabled {
            // The state lock orders this after any redraw in progress.
            let _s = self.inner.state.lock().unwrap_or_else(|e| e.into_inner());
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.inner.finished.store(true, Ordering::SeqCst);
    }
}

impl Inner {
    fn redraw(&self) {
        let s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if self.finished.load(Ordering::SeqCst) {
            return;
        }
        let (done, label) = (&s.0, &s.1);
        let width = term::width();
        let mut line = format!(
            "{} {done}/{} {:.0}s {label}",
            text(*done, self.total, (width / 3).clamp(10, 40)),
            self.total,
            self.started.elapsed().as_secs_f64()
        );
        let max = width.saturating_sub(1);
        if term::display_width(&line) > max {
            line = line.chars().take(max).collect();
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
    }
}
