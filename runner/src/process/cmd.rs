//! [`Cmd`], the description of a child process to run, built step by step,
//! and [`Cmd::run`], which runs one to its end.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Result;

use super::cancel::CancelToken;
use super::running::{Ended, Output, Waited};
use super::{DEFAULT_CAP, memory_limit};

/// A child process to run.
#[derive(Debug, Clone)]
pub(crate) struct Cmd {
    pub(super) program: OsString,
    pub(super) args: Vec<OsString>,
    pub(super) cwd: Option<PathBuf>,
    pub(super) env: Vec<(OsString, OsString)>,
    pub(super) stdin: Option<Vec<u8>>,
    pub(super) timeout: Duration,
    pub(super) cap: usize,
    pub(super) cancel: Option<CancelToken>,
    pub(super) deadlines: Option<Deadlines>,
    pub(super) keep: Option<fn(&[u8]) -> Keep>,
    pub(super) stderr_lines: Option<LineSink>,
    /// The memory bound, in bytes ([`memory_limit`] unless set).
    pub(super) memory_limit: u64,
}

/// Receives each line a child writes to stderr, as it is written (to tell
/// the learner that Go is downloading modules, say).
#[derive(Clone)]
pub(crate) struct LineSink(pub Arc<dyn Fn(&str) + Send + Sync>);

impl std::fmt::Debug for LineSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LineSink")
    }
}

/// Which lines of stdout a [`Deadlines`] rule looks at.
pub(crate) type LineFilter = Arc<dyn Fn(&[u8]) -> bool + Send + Sync>;

/// Given a line, the run's new deadline, if it moves.
type NextDeadline = Arc<dyn Fn(&[u8]) -> Option<Instant> + Send + Sync>;

/// A rule that moves a run's deadline as lines of its stdout arrive.
#[derive(Clone)]
pub(crate) struct Deadlines {
    /// Which lines matter; called on the reader thread for every line, so
    /// it must be cheap.
    pub(super) matches: LineFilter,
    /// Called with each line that matters: the new deadline, if it moves.
    pub(super) next: NextDeadline,
}

impl std::fmt::Debug for Deadlines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Deadlines")
    }
}

/// What to do with a line past the capture cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    Drop,
    Line,
    /// This line and every one after it (a panic and its goroutine dump).
    FromHere,
}

impl Cmd {
    pub(crate) fn new(program: impl AsRef<OsStr>) -> Cmd {
        Cmd {
            program: program.as_ref().to_owned(),
            args: Vec::new(),
            cwd: None,
            env: Vec::new(),
            stdin: None,
            timeout: Duration::from_secs(10),
            cap: DEFAULT_CAP,
            cancel: None,
            deadlines: None,
            keep: None,
            stderr_lines: None,
            memory_limit: memory_limit(),
        }
    }

    pub(crate) fn arg(mut self, arg: impl AsRef<OsStr>) -> Cmd {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub(crate) fn args<I, S>(mut self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub(crate) fn cwd(mut self, dir: impl AsRef<Path>) -> Cmd {
        self.cwd = Some(dir.as_ref().to_owned());
        self
    }

    pub(crate) fn envs<I, K, V>(mut self, vars: I) -> Cmd
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<OsStr>,
        V: AsRef<OsStr>,
    {
        for (k, v) in vars {
            self = self.env(k, v);
        }
        self
    }

    pub(crate) fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Cmd {
        self.env
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    pub(crate) fn stdin(mut self, bytes: Vec<u8>) -> Cmd {
        self.stdin = Some(bytes);
        self
    }

    pub(crate) fn timeout(mut self, timeout: Duration) -> Cmd {
        self.timeout = timeout;
        self
    }

    pub(crate) fn cap(mut self, cap: usize) -> Cmd {
        self.cap = cap;
        self
    }

    /// The memory bound of the run, in bytes: past it, the run is stopped
    /// and [`Output::over_memory`] names the bound.
    pub(crate) fn memory_limit(mut self, bytes: u64) -> Cmd {
        self.memory_limit = bytes;
        self
    }

    pub(crate) fn cancel(mut self, token: &CancelToken) -> Cmd {
        self.cancel = Some(token.clone());
        self
    }

    /// Two-phase time limit: the timeout set with [`Cmd::timeout`] applies
    /// until a line holding `marker` appears on stdout, then the limit
    /// becomes `after` from that moment. `go test -json` prints its `start`
    /// event when the test binary starts, so building gets a generous limit
    /// and the learner's code the exercise's own.
    pub(crate) fn rearm_on(self, marker: &str, after: Duration) -> Cmd {
        let marker = marker.as_bytes().to_vec();
        let fired = std::sync::atomic::AtomicBool::new(false);
        self.deadlines(
            move |line| line.windows(marker.len()).any(|w| w == marker.as_slice()),
            move |_| {
                let first = !fired.swap(true, std::sync::atomic::Ordering::SeqCst);
                first.then(|| Instant::now() + after)
            },
        )
    }

    /// A deadline that moves with the output: each line of stdout that
    /// `matches` accepts is handed to `next`, which may return a new
    /// deadline for the run (in place of the timeout set with
    /// [`Cmd::timeout`], which applies until then).
    pub(crate) fn deadlines(
        mut self,
        matches: impl Fn(&[u8]) -> bool + Send + Sync + 'static,
        next: impl Fn(&[u8]) -> Option<Instant> + Send + Sync + 'static,
    ) -> Cmd {
        self.deadlines = Some(Deadlines {
            matches: Arc::new(matches),
            next: Arc::new(next),
        });
        self
    }

    /// Lines of stdout past the cap that `keep` accepts are kept (in
    /// order, up to another cap) instead of dropped.
    pub(crate) fn keep_lines(mut self, keep: fn(&[u8]) -> Keep) -> Cmd {
        self.keep = Some(keep);
        self
    }

    /// Calls `sink` with each line of stderr as it arrives.
    pub(crate) fn stderr_lines(mut self, sink: Option<LineSink>) -> Cmd {
        self.stderr_lines = sink;
        self
    }

    pub(crate) fn describe(&self) -> String {
        let mut s = self.program.to_string_lossy().into_owned();
        for a in &self.args {
            s.push(' ');
            s.push_str(&a.to_string_lossy());
        }
        s
    }

    /// Runs to completion (or timeout, or cancellation).
    pub(crate) fn run(self) -> Result<Output> {
        let timeout = self.timeout;
        let next = self.deadlines.as_ref().map(|d| Arc::clone(&d.next));
        let mut running = self.spawn()?;
        let mut deadline = running.started + timeout;
        let ended = loop {
            match running.wait_until(deadline) {
                Waited::Exited(status) => break Ended::Exited(status),
                Waited::Deadline => break Ended::TimedOut,
                Waited::Cancelled => break Ended::Cancelled,
                Waited::Line(line) => {
                    if let Some(moved) = next.as_ref().and_then(|next| next(&line)) {
                        deadline = moved;
                    }
                }
            }
        };
        Ok(running.finish(ended))
    }
}
