//! A one-line progress bar on stderr, drawn only when stderr is a terminal.

use std::io::Write;
use std::sync::Mutex;
use std::time::Instant;

use crate::term;

#[derive(Debug)]
pub(crate) struct Bar {
    total: usize,
    state: Mutex<(usize, String)>,
    enabled: bool,
    started: Instant,
}

impl Bar {
    pub(crate) fn new(total: usize) -> Bar {
        Bar {
            total,
            state: Mutex::new((0, String::new())),
            enabled: term::stderr_is_tty(),
            started: Instant::now(),
        }
    }

    /// Counts one more item done, naming it.
    pub(crate) fn inc(&self, label: &str) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.0 += 1;
        s.1 = label.to_string();
        self.draw(s.0, &s.1);
    }

    fn draw(&self, done: usize, label: &str) {
        if !self.enabled {
            return;
        }
        let width = term::width();
        let bar_w = (width / 3).clamp(10, 40);
        let filled = (done * bar_w).checked_div(self.total).unwrap_or(bar_w);
        let mut line = format!(
            "[{}{}] {done}/{} {:.0}s {label}",
            "#".repeat(filled),
            "-".repeat(bar_w - filled),
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

    /// Removes the bar from the screen.
    pub(crate) fn clear(&self) {
        if self.enabled {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}
