//! A started child ([`Running`]): waiting on it, reading what it wrote so
//! far, stopping it, and what it left behind when it ended ([`Output`]).

use std::process::ExitStatus;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::cancel::{Cancelled, Registration};
use super::capture::{Capture, Captured};
use super::{exit_signal, live, sys};

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ended {
    Exited(ExitStatus),
    TimedOut,
    Cancelled,
    /// Stopped by the runner once it had what it needed (a server).
    Stopped,
}

/// What a finished child left behind.
#[derive(Debug)]
pub(crate) struct Output {
    pub ended: Ended,
    pub stdout: Captured,
    pub stderr: Captured,
    /// The memory bound (bytes) when the run was stopped for passing it.
    pub over_memory: Option<u64>,
}

impl Output {
    /// Exit code, when the process exited by itself.
    pub(crate) fn code(&self) -> Option<i32> {
        match self.ended {
            Ended::Exited(s) => s.code(),
            _ => None,
        }
    }

    /// The signal that killed the process, if one did (Unix only).
    pub(crate) fn signal(&self) -> Option<i32> {
        match self.ended {
            Ended::Exited(s) => exit_signal(s),
            _ => None,
        }
    }

    pub(crate) fn success(&self) -> bool {
        matches!(self.ended, Ended::Exited(s) if s.success())
    }

    /// [`Cancelled`] as an error when the run was cancelled.
    pub(crate) fn cancelled(&self) -> anyhow::Result<()> {
        if self.ended == Ended::Cancelled {
            return Err(Cancelled.into());
        }
        Ok(())
    }
}

/// What wakes a waiting [`Running`]: the child's exit, a cancellation, or
/// a line of stdout its deadline rule asked for.
pub(super) enum Wake {
    Exited(std::io::Result<ExitStatus>),
    Cancelled,
    Line(Vec<u8>),
}

impl std::fmt::Debug for Wake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Wake")
    }
}

/// What [`Running::wait_until`] saw first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Waited {
    Exited(ExitStatus),
    Deadline,
    Cancelled,
    /// A line of stdout the deadline rule set with
    /// [`Cmd::deadlines`](super::Cmd::deadlines) accepts.
    Line(Vec<u8>),
}

/// A started child.
pub(crate) struct Running {
    pub(super) tree: Arc<sys::Tree>,
    pub started: Instant,
    pub(super) wake_rx: Receiver<Wake>,
    pub(super) stdout: Arc<Mutex<Capture>>,
    pub(super) stderr: Arc<Mutex<Capture>>,
    pub(super) readers: Vec<JoinHandle<()>>,
    pub(super) readers_done: Receiver<()>,
    /// Readers that reported their end through `readers_done`.
    pub(super) readers_seen: usize,
    pub(super) status: Option<ExitStatus>,
    pub(super) registrations: Vec<Registration>,
    /// Ends the memory watch.
    pub(super) watchdog_stop: Arc<AtomicBool>,
    /// Set when the memory watch stopped the run.
    pub(super) over_memory: Arc<AtomicBool>,
    /// The memory bound of this run, in bytes.
    pub(super) memory_limit: u64,
}

impl Running {
    /// The pids of the processes of this run's tree (Linux; elsewhere only
    /// the first process).
    pub(crate) fn tree_pids(&self) -> Vec<u32> {
        self.tree.pids()
    }

    /// Waits until the child exits, the deadline passes or the run is
    /// cancelled, whichever comes first.
    pub(crate) fn wait_until(&mut self, deadline: Instant) -> Waited {
        if let Some(status) = self.status {
            return Waited::Exited(status);
        }
        loop {
            let now = Instant::now();
            let message = if now >= deadline {
                // Past the deadline, still take a message already there: a
                // child that exited must be seen as exited.
                match self.wake_rx.try_recv() {
                    Ok(m) => Ok(m),
                    Err(mpsc::TryRecvError::Empty) => return Waited::Deadline,
                    Err(mpsc::TryRecvError::Disconnected) => Err(RecvTimeoutError::Disconnected),
                }
            } else {
                self.wake_rx.recv_timeout(deadline - now)
            };
            match message {
                Ok(Wake::Exited(Ok(status))) => {
                    self.status = Some(status);
                    return Waited::Exited(status);
                }
                Ok(Wake::Exited(Err(_))) | Err(RecvTimeoutError::Disconnected) => {
                    // wait() itself failed: treat the child as gone.
                    let status = sys::killed_status();
                    self.status = Some(status);
                    return Waited::Exited(status);
                }
                Ok(Wake::Cancelled) => return Waited::Cancelled,
                Ok(Wake::Line(line)) => return Waited::Line(line),
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
    }

    /// The memory bound (bytes) when the run was stopped for passing it.
    pub(crate) fn over_memory(&self) -> Option<u64> {
        self.over_memory
            .load(Ordering::SeqCst)
            .then_some(self.memory_limit)
    }

    /// Whether the child has exited, without waiting.
    pub(crate) fn exited(&mut self) -> Option<ExitStatus> {
        while let Waited::Line(_) = self.wait_until(Instant::now()) {}
        self.status
    }

    /// Asks the program to stop as a terminal would: SIGTERM on Unix (sent
    /// to the program, through its guard), CTRL_BREAK on Windows (which Go
    /// delivers as `os.Interrupt`).
    pub(crate) fn terminate(&self) {
        if self.status.is_none() {
            self.tree.terminate();
        }
    }

    /// Whether every output stream has reached its end (the child and
    /// everything that shared its pipes are gone, and all was read).
    pub(crate) fn readers_finished(&mut self) -> bool {
        while self.readers_done.try_recv().is_ok() {
            self.readers_seen += 1;
        }
        self.readers_seen >= self.readers.len()
    }

    /// What the child has written to stdout so far.
    pub(crate) fn stdout_now(&self) -> Captured {
        self.stdout
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .snapshot()
    }

    /// What the child has written to stderr so far.
    pub(crate) fn stderr_now(&self) -> Captured {
        self.stderr
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .snapshot()
    }

    /// Kills whatever is left of the child's group and descendants, collects
    /// its output and returns it.
    pub(crate) fn finish(mut self, ended: Ended) -> Output {
        self.watchdog_stop.store(true, Ordering::SeqCst);
        self.tree.kill();
        if self.status.is_none() {
            // Reap it (it was killed above); bounded, in case wait is stuck.
            let _ = self.wait_until(Instant::now() + Duration::from_secs(2));
        }
        // Once everything is dead the pipes close and the readers end; do not
        // wait forever on a writer that escaped both the group and the marker.
        let deadline = Instant::now() + Duration::from_secs(1);
        let mut finished = self.readers_seen;
        while finished < self.readers.len() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.readers_done.recv_timeout(left) {
                Ok(()) => finished += 1,
                Err(_) => break,
            }
        }
        if finished == self.readers.len() {
            for r in self.readers.drain(..) {
                let _ = r.join();
            }
        }
        live::remove(self.tree.id());
        for r in self.registrations.drain(..) {
            r.release();
        }
        Output {
            ended,
            stdout: self.stdout_now(),
            stderr: self.stderr_now(),
            over_memory: self.over_memory(),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.watchdog_stop.store(true, Ordering::SeqCst);
        // A handle dropped without finish() (an early return, a panic) must
        // not leave the child running.
        if !self.registrations.is_empty() {
            self.tree.kill();
            live::remove(self.tree.id());
            for r in self.registrations.drain(..) {
                r.release();
            }
        }
    }
}
