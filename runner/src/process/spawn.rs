//! Starting a child: the OS command a [`Cmd`] becomes, the threads that
//! read its output, feed its input and wait for its end, and the watches
//! and registrations that can stop it.

use std::io::Write;
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Instant;

use anyhow::Result;

use super::cancel::{CancelToken, Cancelled, global_cancel};
use super::capture::{Capture, reader};
use super::cmd::Cmd;
#[cfg(any(target_os = "linux", target_os = "macos", windows))]
use super::memory;
use super::running::{Running, Wake};
use super::{MARKER_ENV, live, sys};

static SEQ: AtomicU64 = AtomicU64::new(1);

/// The program to start was not found (the error of a spawn, which callers
/// may say more about).
#[derive(Debug)]
pub(crate) struct NotFound(pub String);

impl std::fmt::Display for NotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` was not found on PATH: install it and open a new terminal",
            self.0
        )
    }
}

impl std::error::Error for NotFound {}

/// The captures of a child's stdout and stderr, and the threads that fill
/// them.
struct Readers {
    stdout: Arc<Mutex<Capture>>,
    stderr: Arc<Mutex<Capture>>,
    handles: Vec<JoinHandle<()>>,
    done: Receiver<()>,
}

impl Cmd {
    /// Starts the child and returns a handle to it.
    pub(crate) fn spawn(mut self) -> Result<Running> {
        let global = global_cancel();
        if global.is_cancelled() || self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return Err(Cancelled.into());
        }
        let token = format!(
            "{}.{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        );
        let mut command = self.command(&token)?;

        let started = Instant::now();
        let (mut child, tree) = live::start(&mut command, &token, |e| self.spawn_error(e))?;

        let (wake_tx, wake_rx) = mpsc::channel();
        let readers = self.start_readers(&mut child, &wake_tx);
        if let (Some(bytes), Some(mut input)) = (self.stdin.take(), child.stdin.take()) {
            std::thread::spawn(move || {
                // A program that does not read its input closes the pipe:
                // that is its business, not an error.
                let _ = input.write_all(&bytes);
            });
        }
        wait_in_background(child, Arc::clone(&tree), wake_tx.clone());
        let watchdog_stop = Arc::new(AtomicBool::new(false));
        let over_memory = Arc::new(AtomicBool::new(false));
        #[cfg(any(target_os = "linux", target_os = "macos", windows))]
        {
            let measured = Arc::clone(&tree);
            let kill_tree = Arc::clone(&tree);
            memory::watch(
                move || measured.resident(),
                self.memory_limit,
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
            stdout: readers.stdout,
            stderr: readers.stderr,
            readers: readers.handles,
            readers_done: readers.done,
            readers_seen: 0,
            status: None,
            registrations,
            watchdog_stop,
            over_memory,
            memory_limit: self.memory_limit,
        })
    }

    /// The OS command to start, its pipes set and `token` in its
    /// environment.
    fn command(&self, token: &str) -> Result<std::process::Command> {
        let (program, args) = sys::wrap(&self.program, &self.args)?;
        let mut command = std::process::Command::new(&program);
        command
            .args(&args)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .env(MARKER_ENV, token)
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
        Ok(command)
    }

    /// The error to return when the child could not be started.
    fn spawn_error(&self, e: std::io::Error) -> anyhow::Error {
        if e.kind() == std::io::ErrorKind::NotFound {
            NotFound(self.program.to_string_lossy().into_owned()).into()
        } else {
            anyhow::Error::new(e).context(format!("cannot start `{}`", self.describe()))
        }
    }

    /// Starts a thread per output stream of `child`; the stdout one sends
    /// [`Wake::Line`] to `wake_tx` for each line the deadline rule accepts.
    fn start_readers(&mut self, child: &mut Child, wake_tx: &Sender<Wake>) -> Readers {
        let mut out_capture = Capture::new(self.cap);
        out_capture.keep = self.keep;
        let stdout = Arc::new(Mutex::new(out_capture));
        let stderr = Arc::new(Mutex::new(Capture::new(self.cap)));
        let (done_tx, done_rx) = mpsc::channel();
        let mut handles = Vec::new();
        let watch = self
            .deadlines
            .as_ref()
            .map(|d| (Arc::clone(&d.matches), wake_tx.clone()));
        if let Some(out) = child.stdout.take() {
            handles.push(reader(
                out,
                Arc::clone(&stdout),
                done_tx.clone(),
                watch,
                None,
            ));
        }
        if let Some(err) = child.stderr.take() {
            let sink = self.stderr_lines.clone();
            handles.push(reader(err, Arc::clone(&stderr), done_tx, None, sink));
        }
        Readers {
            stdout,
            stderr,
            handles,
            done: done_rx,
        }
    }
}

/// Waits for `child` on a thread of its own and sends its exit to `tx`.
fn wait_in_background(mut child: Child, tree: Arc<sys::Tree>, tx: Sender<Wake>) {
    std::thread::spawn(move || {
        let status = child.wait();
        tree.reaped();
        let _ = tx.send(Wake::Exited(status));
    });
}
