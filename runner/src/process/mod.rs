//! Every child process the runner starts is started here, and only here.
//!
//! Each child gets stdin null (or the bytes it is given), a timeout, capped
//! output capture, and a process tree the runner can kill as a whole: one
//! layer per OS, selected with `cfg`, behind the same API.
//!
//! - Unix ([`unix`]): the child gets its own process group. When the runner
//!   is the `backendlings` binary, each child is started through a small
//!   guard process (the runner re-executed as `__guard`, see [`guard`]): on
//!   Linux it is a child subreaper with a parent-death signal, so that
//!   descendants that leave the group (`setsid`, a cleared environment)
//!   are still its children and are killed when the check ends, and so that
//!   nothing survives a runner killed with SIGKILL; on macOS it watches its
//!   parent and kills the group when the runner dies. Every process also
//!   carries the check's marker in its environment, and a sweep kills what
//!   still carries it.
//! - Windows ([`windows`]): each child is assigned to its own Job Object with
//!   kill-on-close, so the tree dies on timeout, on cancel, and when the
//!   runner itself dies.
//!
//! Nothing a check started outlives it.

use std::collections::BTreeMap;
use std::collections::VecDeque;
use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::Result;

#[cfg(unix)]
pub(crate) mod guard;
#[cfg(target_os = "linux")]
pub(crate) mod memory;
#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as sys;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as sys;

pub(crate) use sys::{exit_signal, pid_alive, sweep_abandoned};
#[cfg(unix)]
pub(crate) use unix::use_guard;

/// Environment variable that marks every process a check starts.
pub(crate) const MARKER_ENV: &str = "BACKENDLINGS_CHECK";
/// Default cap of the bytes kept from the start of each output stream.
pub(crate) const DEFAULT_CAP: usize = 1 << 20;
/// Bytes kept from the end of a stream that went past its cap.
const TAIL_CAP: usize = 64 << 10;

/// A child process to run.
#[derive(Debug, Clone)]
pub(crate) struct Cmd {
    program: OsString,
    args: Vec<OsString>,
    cwd: Option<PathBuf>,
    env: Vec<(OsString, OsString)>,
    stdin: Option<Vec<u8>>,
    timeout: Duration,
    cap: usize,
    cancel: Option<CancelToken>,
    rearm: Option<(Vec<u8>, Duration)>,
    keep: Option<fn(&[u8]) -> Keep>,
    stderr_lines: Option<LineSink>,
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
            rearm: None,
            keep: None,
            stderr_lines: None,
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

    pub(crate) fn cancel(mut self, token: &CancelToken) -> Cmd {
        self.cancel = Some(token.clone());
        self
    }

    /// Two-phase time limit: the timeout set with [`Cmd::timeout`] applies
    /// until `marker` appears on stdout, then the limit becomes `after` from
    /// that moment. `go test -json` prints its `start` event when the test
    /// binary starts, so building gets a generous limit and the learner's code
    /// the exercise's own.
    pub(crate) fn rearm_on(mut self, marker: &str, after: Duration) -> Cmd {
        self.rearm = Some((marker.as_bytes().to_vec(), after));
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
        let rearm = self.rearm.as_ref().map(|(_, after)| *after);
        let mut running = self.spawn()?;
        let mut deadline = running.started + timeout;
        let ended = loop {
            match running.wait_until(deadline) {
                Waited::Exited(status) => break Ended::Exited(status),
                Waited::Deadline => break Ended::TimedOut,
                Waited::Cancelled => break Ended::Cancelled,
                Waited::Marker => {
                    if let Some(after) = rearm {
                        deadline = Instant::now() + after;
                    }
                }
            }
        };
        Ok(running.finish(ended))
    }

    /// Starts the child and returns a handle to it.
    pub(crate) fn spawn(self) -> Result<Running> {
        let global = global_cancel();
        if global.is_cancelled() || self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return Err(Cancelled.into());
        }
        let token = format!(
            "{}.{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        );
        let (program, args) = sys::wrap(&self.program, &self.args)?;
        let mut command = std::process::Command::new(&program);
        command
            .args(&args)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .env(MARKER_ENV, &token)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(cwd) = &self.cwd {
            command.current_dir(cwd);
        }
        sys::configure(&mut command);

        let started = Instant::now();
        let child = {
            let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
            let child = command.spawn().map_err(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    anyhow::anyhow!(
                        "`{}` was not found on PATH: install it and open a new terminal",
                        self.program.to_string_lossy()
                    )
                } else {
                    anyhow::Error::new(e).context(format!("cannot start `{}`", self.describe()))
                }
            })?;
            let tree = Arc::new(sys::Tree::new(&child, &token));
            live.insert(child.id(), Arc::clone(&tree));
            (child, tree)
        };
        let (mut child, tree) = child;

        let mut out_capture = Capture::new(self.cap);
        out_capture.keep = self.keep;
        let stdout = Arc::new(Mutex::new(out_capture));
        let stderr = Arc::new(Mutex::new(Capture::new(self.cap)));
        let (wake_tx, wake_rx) = mpsc::channel();
        let (done_tx, done_rx) = mpsc::channel();
        let mut readers = Vec::new();
        let watch = self.rearm.map(|(marker, _)| (marker, wake_tx.clone()));
        if let Some(out) = child.stdout.take() {
            readers.push(reader(
                out,
                Arc::clone(&stdout),
                done_tx.clone(),
                watch,
                None,
            ));
        }
        if let Some(err) = child.stderr.take() {
            let sink = self.stderr_lines.clone();
            readers.push(reader(err, Arc::clone(&stderr), done_tx, None, sink));
        }
        if let (Some(bytes), Some(mut input)) = (self.stdin, child.stdin.take()) {
            std::thread::spawn(move || {
                // A program that does not read its input closes the pipe:
                // that is its business, not an error.
                let _ = input.write_all(&bytes);
            });
        }

        let exit_tx = wake_tx.clone();
        let exit_tree = Arc::clone(&tree);
        std::thread::spawn(move || {
            let status = child.wait();
            exit_tree.reaped();
            let _ = exit_tx.send(Wake::Exited(status));
        });
        let watchdog_stop = Arc::new(AtomicBool::new(false));
        let over_memory = Arc::new(AtomicBool::new(false));
        #[cfg(target_os = "linux")]
        {
            let kill_tree = Arc::clone(&tree);
            memory::watch(
                tree.id(),
                memory_limit(),
                Arc::clone(&watchdog_stop),
                Arc::clone(&over_memory),
                move || kill_tree.kill(),
            );
        }
        let mut registrations = vec![global.register(wake_tx.clone())];
        if let Some(c) = &self.cancel {
            registrations.push(c.register(wake_tx));
        }
        Ok(Running {
            tree,
            started,
            wake_rx,
            stdout,
            stderr,
            readers,
            readers_done: done_rx,
            readers_seen: 0,
            status: None,
            registrations,
            watchdog_stop,
            over_memory,
        })
    }
}

static SEQ: AtomicU64 = AtomicU64::new(1);

/// Process trees alive right now, by the pid of their first process.
static LIVE: Mutex<BTreeMap<u32, Arc<sys::Tree>>> = Mutex::new(BTreeMap::new());

/// Kills every child the runner has started and everything they started.
/// Called on Ctrl-C and on the way out.
pub(crate) fn kill_all_live() {
    let live: Vec<Arc<sys::Tree>> = {
        let live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
        live.values().cloned().collect()
    };
    for tree in live {
        tree.kill();
    }
}

/// The error a cancelled run returns.
#[derive(Debug)]
pub(crate) struct Cancelled;

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cancelled")
    }
}

impl std::error::Error for Cancelled {}

pub(crate) fn is_cancelled(err: &anyhow::Error) -> bool {
    err.downcast_ref::<Cancelled>().is_some()
}

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

/// Captured bytes of one stream: the head up to the cap, lines kept from
/// the middle, then the tail.
#[derive(Debug, Default, Clone)]
pub(crate) struct Captured {
    pub head: Vec<u8>,
    /// Whole lines from past the head that the keep filter accepted.
    pub kept: Vec<u8>,
    pub tail: Vec<u8>,
    /// Bytes dropped between head and tail.
    pub dropped: u64,
}

impl Captured {
    /// Everything kept, with a marker where bytes were dropped.
    pub(crate) fn text(&self) -> String {
        let mut s = String::from_utf8_lossy(&self.head).into_owned();
        if self.dropped > 0 {
            s.push_str(&format!("\n… [{} bytes of output cut] …\n", self.dropped));
        }
        s.push_str(&String::from_utf8_lossy(&self.tail));
        s
    }

    /// Whether anything was kept from the middle.
    #[cfg(all(test, unix))]
    pub(crate) fn kept_len(&self) -> usize {
        self.kept.len()
    }

    /// Head, kept lines and tail as separate pieces (for line-oriented
    /// parsing that must not join a cut line).
    pub(crate) fn pieces(&self) -> [&[u8]; 3] {
        [&self.head, &self.kept, &self.tail]
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.head.is_empty() && self.tail.is_empty()
    }
}

/// Most bytes of kept lines.
const KEPT_CAP: usize = 4 << 20;

#[derive(Debug)]
struct Capture {
    cap: usize,
    head: Vec<u8>,
    keep: Option<fn(&[u8]) -> Keep>,
    /// Set once the filter said to keep everything from a line on.
    keep_all: bool,
    /// The line being read past the head, for the keep filter.
    partial: Vec<u8>,
    kept: Vec<u8>,
    tail: VecDeque<u8>,
    dropped: u64,
}

impl Capture {
    fn new(cap: usize) -> Capture {
        Capture {
            cap,
            head: Vec::new(),
            keep: None,
            keep_all: false,
            partial: Vec::new(),
            kept: Vec::new(),
            tail: VecDeque::new(),
            dropped: 0,
        }
    }

    /// Runs the keep filter over bytes past the head, line by line.
    fn filter(&mut self, bytes: &[u8]) {
        let Some(keep) = self.keep else { return };
        let mut rest = bytes;
        while let Some(nl) = rest.iter().position(|b| *b == b'\n') {
            let part = &rest[..nl];
            if self.partial.len() < KEPT_CAP {
                let n = part.len().min(KEPT_CAP - self.partial.len());
                self.partial.extend_from_slice(&part[..n]);
            }
            if !self.keep_all && keep(&self.partial) == Keep::FromHere {
                self.keep_all = true;
            }
            let wanted = self.keep_all || keep(&self.partial) == Keep::Line;
            if wanted && self.kept.len() + self.partial.len() < KEPT_CAP {
                self.kept.extend_from_slice(&self.partial);
                self.kept.push(b'\n');
            }
            self.partial.clear();
            rest = &rest[nl + 1..];
        }
        if self.partial.len() < KEPT_CAP {
            let n = rest.len().min(KEPT_CAP - self.partial.len());
            self.partial.extend_from_slice(&rest[..n]);
        }
    }

    fn push(&mut self, mut bytes: &[u8]) {
        let room = self.cap.saturating_sub(self.head.len());
        if room > 0 {
            let n = room.min(bytes.len());
            self.head.extend_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
            if self.head.len() == self.cap && !self.head.ends_with(b"\n") {
                // The head ends mid-line: the rest of that line is not a
                // line of its own, so it is not offered to the filter.
                self.partial.extend_from_slice(b"(cut) ");
            }
        }
        if bytes.is_empty() {
            return;
        }
        self.filter(bytes);
        if bytes.len() >= TAIL_CAP {
            self.dropped += (self.tail.len() + bytes.len() - TAIL_CAP) as u64;
            self.tail.clear();
            self.tail.extend(&bytes[bytes.len() - TAIL_CAP..]);
            return;
        }
        let overflow = (self.tail.len() + bytes.len()).saturating_sub(TAIL_CAP);
        self.tail.drain(..overflow);
        self.dropped += overflow as u64;
        self.tail.extend(bytes);
    }

    fn snapshot(&self) -> Captured {
        Captured {
            head: self.head.clone(),
            kept: self.kept.clone(),
            tail: self.tail.iter().copied().collect(),
            dropped: self.dropped,
        }
    }
}

fn reader(
    mut stream: impl Read + Send + 'static,
    into: Arc<Mutex<Capture>>,
    done: Sender<()>,
    mut watch: Option<(Vec<u8>, Sender<Wake>)>,
    lines: Option<LineSink>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 << 10];
        let mut line = Vec::new();
        // The end of the previous chunk, so a marker split in two is found.
        let mut carry: Vec<u8> = Vec::new();
        loop {
            match stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    if let Some((marker, tx)) = &watch {
                        carry.extend_from_slice(&buf[..n]);
                        if carry.windows(marker.len()).any(|w| w == marker.as_slice()) {
                            let _ = tx.send(Wake::Marker);
                            watch = None;
                        } else {
                            let keep = marker.len().saturating_sub(1).min(carry.len());
                            carry.drain(..carry.len() - keep);
                        }
                    }
                    if let Some(sink) = &lines {
                        for b in &buf[..n] {
                            if *b == b'\n' {
                                (sink.0)(&String::from_utf8_lossy(&line));
                                line.clear();
                            } else if line.len() < 4096 {
                                line.push(*b);
                            }
                        }
                    }
                    into.lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(&buf[..n]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = done.send(());
    })
}

enum Wake {
    Exited(std::io::Result<ExitStatus>),
    Cancelled,
    Marker,
}

/// What [`Running::wait_until`] saw first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Waited {
    Exited(ExitStatus),
    Deadline,
    Cancelled,
    /// The marker set with [`Cmd::rearm_on`] appeared.
    Marker,
}

/// A started child.
pub(crate) struct Running {
    tree: Arc<sys::Tree>,
    pub started: Instant,
    wake_rx: Receiver<Wake>,
    stdout: Arc<Mutex<Capture>>,
    stderr: Arc<Mutex<Capture>>,
    readers: Vec<JoinHandle<()>>,
    readers_done: Receiver<()>,
    /// Readers that reported their end through `readers_done`.
    readers_seen: usize,
    status: Option<ExitStatus>,
    registrations: Vec<Registration>,
    /// Ends the memory watch (Linux).
    watchdog_stop: Arc<AtomicBool>,
    /// Set when the memory watch stopped the run.
    over_memory: Arc<AtomicBool>,
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
                Ok(Wake::Marker) => return Waited::Marker,
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
    }

    /// The memory bound (bytes) when the run was stopped for passing it.
    pub(crate) fn over_memory(&self) -> Option<u64> {
        self.over_memory.load(Ordering::SeqCst).then(memory_limit)
    }

    /// Whether the child has exited, without waiting.
    pub(crate) fn exited(&mut self) -> Option<ExitStatus> {
        while let Waited::Marker = self.wait_until(Instant::now()) {}
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
        LIVE.lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.tree.id());
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
            LIVE.lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&self.tree.id());
            for r in self.registrations.drain(..) {
                r.release();
            }
        }
    }
}

/// The memory bound of a check, in bytes: 2 GiB unless
/// `BACKENDLINGS_MEMORY_LIMIT_MB` says otherwise. Enforced on Linux
/// ([`memory`]); elsewhere not yet.
pub(crate) fn memory_limit() -> u64 {
    std::env::var("BACKENDLINGS_MEMORY_LIMIT_MB")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|mb| *mb > 0)
        .map_or(2 << 30, |mb| mb << 20)
}

/// The token every child process is registered with: cancelled on Ctrl-C
/// (by `signals`), it ends every run at once.
pub(crate) fn global_cancel() -> &'static CancelToken {
    static GLOBAL: std::sync::OnceLock<CancelToken> = std::sync::OnceLock::new();
    GLOBAL.get_or_init(CancelToken::new)
}

/// Cancels runs: every run registered with a token ends as soon as the
/// token is cancelled.
#[derive(Clone, Default, Debug)]
pub(crate) struct CancelToken {
    inner: Arc<CancelInner>,
}

#[derive(Default, Debug)]
struct CancelInner {
    cancelled: AtomicBool,
    next: AtomicU64,
    waiters: Mutex<Vec<(u64, Sender<Wake>)>>,
}

impl std::fmt::Debug for Wake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Wake")
    }
}

struct Registration {
    token: CancelToken,
    id: u64,
}

impl Registration {
    fn release(self) {
        let mut w = self
            .token
            .inner
            .waiters
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        w.retain(|(id, _)| *id != self.id);
    }
}

impl CancelToken {
    pub(crate) fn new() -> CancelToken {
        CancelToken::default()
    }

    pub(crate) fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::SeqCst);
        let w = self.inner.waiters.lock().unwrap_or_else(|e| e.into_inner());
        for (_, tx) in w.iter() {
            let _ = tx.send(Wake::Cancelled);
        }
    }

    pub(crate) fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::SeqCst)
    }

    fn register(&self, tx: Sender<Wake>) -> Registration {
        let id = self.inner.next.fetch_add(1, Ordering::Relaxed);
        let mut w = self.inner.waiters.lock().unwrap_or_else(|e| e.into_inner());
        if self.is_cancelled() {
            let _ = tx.send(Wake::Cancelled);
        }
        w.push((id, tx));
        Registration {
            token: self.clone(),
            id,
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn capture_keeps_head_and_tail_within_bounds() {
        let mut c = Capture::new(10);
        c.push(b"0123456789abc");
        for _ in 0..1000 {
            c.push(&[b'x'; 1000]);
        }
        c.push(b"END");
        let s = c.snapshot();
        assert_eq!(s.head, b"0123456789");
        assert_eq!(s.tail.len(), TAIL_CAP);
        assert!(s.tail.ends_with(b"END"));
        assert_eq!(
            s.dropped as usize + s.head.len() + s.tail.len(),
            13 + 1_000_000 + 3
        );
    }

    #[test]
    fn important_lines_past_the_cap_are_kept() {
        let mut c = Capture::new(10);
        c.keep = Some(|l: &[u8]| {
            if l.starts_with(b"KEEP") {
                Keep::Line
            } else {
                Keep::Drop
            }
        });
        c.push(b"0123456789");
        c.push(b"noise\nKEEP one\n");
        for _ in 0..10_000 {
            c.push(b"noise noise noise\n");
        }
        c.push(b"KE");
        c.push(b"EP two\nnoise\n");
        let s = c.snapshot();
        assert_eq!(s.kept, b"KEEP one\nKEEP two\n");
        assert!(s.kept_len() > 0);
    }

    #[test]
    fn runs_and_captures() {
        let out = Cmd::new("sh")
            .args(["-c", "echo out; echo err >&2; exit 3"])
            .run()
            .unwrap();
        assert_eq!(out.code(), Some(3));
        assert_eq!(out.stdout.text(), "out\n");
        assert_eq!(out.stderr.text(), "err\n");
    }

    #[test]
    fn feeds_stdin() {
        let out = Cmd::new("cat").stdin(b"hello".to_vec()).run().unwrap();
        assert_eq!(out.stdout.text(), "hello");
    }

    #[test]
    fn times_out_and_kills_the_group() {
        let started = Instant::now();
        let out = Cmd::new("sh")
            .args(["-c", "sleep 30 & sleep 30"])
            .timeout(Duration::from_millis(300))
            .run()
            .unwrap();
        assert_eq!(out.ended, Ended::TimedOut);
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn cancel_ends_a_run() {
        let token = CancelToken::new();
        let t2 = token.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            t2.cancel();
        });
        let out = Cmd::new("sleep").arg("30").cancel(&token).run().unwrap();
        assert_eq!(out.ended, Ended::Cancelled);
    }

    #[test]
    fn rearm_switches_to_the_second_limit_when_the_marker_appears() {
        // Generous first limit, short second one: the run ends soon after
        // the marker, long before the first limit.
        let started = Instant::now();
        let out = Cmd::new("sh")
            .args(["-c", "sleep 0.2; echo '{\"Action\":\"start\"}'; sleep 30"])
            .timeout(Duration::from_secs(20))
            .rearm_on("\"Action\":\"start\"", Duration::from_millis(300))
            .run()
            .unwrap();
        assert_eq!(out.ended, Ended::TimedOut);
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn missing_program_is_one_sentence() {
        let err = Cmd::new("no-such-program-here").run().unwrap_err();
        assert!(err.to_string().contains("was not found on PATH"), "{err}");
    }
}
