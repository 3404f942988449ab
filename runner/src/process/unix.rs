//! The Unix process layer: a process group per child, started through the
//! guard when there is one, and a sweep of processes that still carry a
//! check's marker.

use std::ffi::{OsStr, OsString};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;

use super::MARKER_ENV;

/// The runner's own executable, when children are started through the
/// guard.
static GUARD: OnceLock<PathBuf> = OnceLock::new();

/// The signal that tells a guard to kill everything it started and exit.
pub(crate) const GUARD_STOP: i32 = libc::SIGUSR2;

/// Starts every later child through the guard (`exe __guard …`).
pub(crate) fn use_guard(exe: PathBuf) {
    let _ = GUARD.set(exe);
}

/// The program and arguments to spawn: the command itself, or the guard
/// with the command after it.
pub(super) fn wrap(program: &OsStr, args: &[OsString]) -> Result<(OsString, Vec<OsString>)> {
    let guard = GUARD.get().filter(|exe| exe.is_file());
    let Some(exe) = guard else {
        return Ok((program.to_owned(), args.to_vec()));
    };
    let Some(resolved) = resolve(program) else {
        return Err(super::NotFound(program.to_string_lossy().into_owned()).into());
    };
    let mut v: Vec<OsString> = vec![
        super::guard::ARG.into(),
        std::process::id().to_string().into(),
        "--".into(),
        resolved,
    ];
    v.extend(args.iter().cloned());
    Ok((exe.as_os_str().to_owned(), v))
}

/// `program` as the guard must exec it: a name without a slash is looked
/// up on PATH here, so that a missing program is reported as such.
fn resolve(program: &OsStr) -> Option<OsString> {
    if program.as_encoded_bytes().contains(&b'/') {
        return Some(program.to_owned());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| is_executable(p))
        .map(PathBuf::into_os_string)
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Own session (so its own process group, and no controlling terminal: a
/// program that opens `/dev/tty` cannot paint over the runner's screen);
/// on Linux, a parent-death signal (the guard's is the one that makes it
/// clean up; a direct child is killed).
pub(super) fn configure(command: &mut Command) {
    #[cfg(target_os = "linux")]
    let signal = if GUARD.get().is_some_and(|e| e.is_file()) {
        GUARD_STOP
    } else {
        libc::SIGKILL
    };
    // SAFETY: setsid and prctl are async-signal-safe and touch no memory of
    // the parent; they run in the forked child before exec.
    unsafe {
        command.pre_exec(move || {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            #[cfg(target_os = "linux")]
            libc::prctl(libc::PR_SET_PDEATHSIG, signal, 0, 0, 0);
            Ok(())
        });
    }
}

/// The processes of one check: a process group led by the first process
/// (the guard, or the command itself), and the check's marker.
#[derive(Debug)]
pub(super) struct Tree {
    pid: u32,
    token: String,
    guarded: bool,
    reaped: AtomicBool,
}

impl Tree {
    pub(super) fn new(child: &Child, token: &str) -> Tree {
        Tree {
            pid: child.id(),
            token: token.to_string(),
            guarded: GUARD.get().is_some_and(|e| e.is_file()),
            reaped: AtomicBool::new(false),
        }
    }

    /// Called once the first process has been waited for.
    pub(super) fn reaped(&self) {
        self.reaped.store(true, Ordering::SeqCst);
    }

    /// Kills the whole tree: the guard is asked to kill everything it
    /// started (it is the one that sees processes that left the group),
    /// then the group and every marked process are killed here too.
    pub(super) fn kill(&self) {
        if self.guarded && !self.reaped.load(Ordering::SeqCst) {
            // SAFETY: kill(2) on our own child, not yet reaped.
            unsafe {
                libc::kill(self.pid as i32, GUARD_STOP);
            }
            let deadline = Instant::now() + Duration::from_secs(1);
            while !self.reaped.load(Ordering::SeqCst) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        if self.pid > 1 {
            // SAFETY: killpg(2) on a process group we created; ESRCH is fine.
            unsafe {
                libc::killpg(self.pid as i32, libc::SIGKILL);
            }
        }
        sweep(&self.token);
    }

    /// SIGTERM to the command (the guard passes it on).
    pub(super) fn terminate(&self) {
        if !self.reaped.load(Ordering::SeqCst) {
            // SAFETY: kill(2) on our own child, not yet reaped.
            unsafe {
                libc::kill(self.pid as i32, libc::SIGTERM);
            }
        }
    }

    /// The pid of the first process.
    pub(super) fn id(&self) -> u32 {
        self.pid
    }

    /// The first process and, on Linux, its children (the command, when
    /// the first process is the guard).
    pub(super) fn pids(&self) -> Vec<u32> {
        let children = if cfg!(target_os = "linux") {
            std::fs::read_to_string(format!("/proc/{0}/task/{0}/children", self.pid))
                .unwrap_or_default()
        } else {
            String::new()
        };
        std::iter::once(self.pid)
            .chain(children.split_whitespace().filter_map(|p| p.parse().ok()))
            .collect()
    }

    /// Resident bytes of the processes in the group, Go's tools left out.
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    pub(super) fn resident(&self) -> u64 {
        super::memory::resident(self.pid)
    }
}

pub(crate) fn exit_signal(status: ExitStatus) -> Option<i32> {
    status.signal()
}

pub(super) fn killed_status() -> ExitStatus {
    ExitStatus::from_raw(libc::SIGKILL)
}

/// Whether a process with this pid exists.
pub(crate) fn pid_alive(pid: u32) -> bool {
    let Ok(p) = i32::try_from(pid) else {
        return false;
    };
    // SAFETY: kill(2) with signal 0 only asks whether p exists.
    let r = unsafe { libc::kill(p, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Processes of this user that carry a check marker: (pid, marker).
#[cfg(target_os = "linux")]
fn marked() -> Vec<(u32, String)> {
    let prefix = format!("{MARKER_ENV}=");
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return out;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(environ) = std::fs::read(format!("/proc/{pid}/environ")) else {
            continue;
        };
        for var in environ.split(|b| *b == 0) {
            if let Some(v) = var.strip_prefix(prefix.as_bytes()) {
                out.push((pid, String::from_utf8_lossy(v).into_owned()));
            }
        }
    }
    out
}

/// Processes of this user that carry a check marker, from `ps -E` (which
/// shows the environment after the command).
#[cfg(not(target_os = "linux"))]
fn marked() -> Vec<(u32, String)> {
    let needle = format!("{MARKER_ENV}=");
    let Ok(out) = Command::new("/bin/ps")
        .args(["-axwwE", "-o", "pid=,command="])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
    else {
        return vec![];
    };
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let (pid, rest) = l.split_once(' ')?;
            let at = rest.find(&needle)?;
            let token = rest[at + needle.len()..].split(' ').next()?;
            Some((pid.parse().ok()?, token.to_string()))
        })
        .collect()
}

/// Kills every process whose environment carries `MARKER_ENV=token`, until
/// none is left. Processes that left the group (setsid) are caught here.
pub(super) fn sweep(token: &str) {
    let me = std::process::id();
    for round in 0..50 {
        let found: Vec<u32> = marked()
            .into_iter()
            .filter(|(pid, t)| *pid != me && t == token)
            .map(|(pid, _)| pid)
            .collect();
        if found.is_empty() {
            return;
        }
        for pid in found {
            // SAFETY: kill(2); the worst case is a pid that just exited.
            unsafe {
                libc::kill(pid as i32, libc::SIGKILL);
            }
        }
        std::thread::sleep(Duration::from_millis(if round < 5 { 2 } else { 20 }));
    }
}

/// Kills what runners that died without cleaning up left behind: marked
/// processes whose marker names a runner that is gone.
pub(crate) fn sweep_abandoned() {
    let me = std::process::id();
    for (pid, token) in marked() {
        let Some(runner) = token.split('.').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if runner != me && pid != me && !pid_alive(runner) {
            // SAFETY: kill(2) on a process left by a dead runner.
            unsafe {
                libc::kill(pid as i32, libc::SIGKILL);
            }
        }
    }
}
