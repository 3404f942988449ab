//! The guard: the runner's own binary, re-executed as
//! `backendlings __guard RUNNER-PID -- PROGRAM ARGS…`, between the runner and
//! every program a check starts (Unix).
//!
//! It starts the program in its own process group and waits for it. On Linux
//! it is a child subreaper, so every descendant whose parent dies becomes its
//! child, even one that called `setsid` and cleared its environment; and its
//! parent-death signal is [`GUARD_STOP`], so a runner killed with SIGKILL
//! still gets its checks cleaned up. On macOS it watches its parent instead.
//! When the program ends, or the runner asks (or dies), the guard kills every
//! process it can see of the check, then exits as the program did. SIGTERM
//! and SIGINT are passed on to the program (the shutdown probe of a server).

use std::ffi::OsString;
use std::process::{Command, ExitStatus};

use super::unix::GUARD_STOP;

/// The first argument that makes the runner a guard.
pub(crate) const ARG: &str = "__guard";

/// Runs the guard; returns the exit code (or does not return: a program
/// killed by a signal is mirrored by the same signal).
pub(crate) fn main(args: &[OsString]) -> i32 {
    let Some((parent, program, rest)) = parse(args) else {
        eprintln!("backendlings: {ARG} takes RUNNER-PID -- PROGRAM [ARGS...]");
        return 2;
    };
    #[cfg(target_os = "linux")]
    // SAFETY: prctl on the current process with integer arguments.
    unsafe {
        libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        libc::prctl(libc::PR_SET_PDEATHSIG, GUARD_STOP, 0, 0, 0);
    }
    let signals = signal_hook::iterator::Signals::new([
        libc::SIGTERM,
        libc::SIGINT,
        libc::SIGHUP,
        GUARD_STOP,
    ]);
    // The runner may have died before the parent-death signal was set.
    if parent_gone(parent) {
        cleanup();
        return 137;
    }

    let mut command = Command::new(&program);
    command.args(&rest);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: prctl is async-signal-safe; it runs in the forked child.
        unsafe {
            command.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0);
                Ok(())
            });
        }
    }
    let mut child = match command.spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot start `{}`: {e}", program.to_string_lossy());
            return 127;
        }
    };
    let pid = child.id() as i32;

    if let Ok(mut signals) = signals {
        std::thread::spawn(move || {
            for sig in signals.forever() {
                if sig == libc::SIGTERM || sig == libc::SIGINT {
                    // SAFETY: kill(2) on our own child.
                    unsafe {
                        libc::kill(pid, sig);
                    }
                } else {
                    cleanup();
                    std::process::exit(137);
                }
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(std::time::Duration::from_millis(100));
            if parent_gone(parent) {
                cleanup();
                std::process::exit(137);
            }
        }
    });

    let status = child.wait();
    cleanup();
    match status {
        Ok(s) => mirror(s),
        Err(_) => 137,
    }
}

fn parse(args: &[OsString]) -> Option<(u32, OsString, Vec<OsString>)> {
    let parent = args.first()?.to_str()?.parse().ok()?;
    if args.get(1)? != "--" {
        return None;
    }
    let program = args.get(2)?.clone();
    Some((parent, program, args[3..].to_vec()))
}

fn parent_gone(parent: u32) -> bool {
    // SAFETY: getppid(2) has no preconditions.
    let now = unsafe { libc::getppid() };
    now as u32 != parent
}

/// Exits as the program did: the same code, or the same signal.
fn mirror(status: ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    if let Some(code) = status.code() {
        return code;
    }
    if let Some(sig) = status.signal() {
        // No core file for a signal the program already received.
        let none = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: setrlimit with a valid struct.
        unsafe {
            libc::setrlimit(libc::RLIMIT_CORE, &none);
        }
        let _ = signal_hook::low_level::emulate_default_handler(sig);
        return 128 + sig;
    }
    137
}

/// Kills every process of the check but the guard itself: the marked ones,
/// and on Linux every member of the guard's group and every child it has
/// been given as subreaper, until none is left.
fn cleanup() {
    // The group and the subreaper's children first (cheap, and most of the
    // check), then whatever still carries the marker elsewhere.
    #[cfg(target_os = "linux")]
    linux::kill_descendants();
    if let Ok(token) = std::env::var(super::MARKER_ENV) {
        super::unix::sweep(&token);
    }
    #[cfg(target_os = "linux")]
    linux::kill_descendants();
}

#[cfg(target_os = "linux")]
mod linux {
    use std::time::Duration;

    /// (ppid, pgrp) of a process, from `/proc/PID/stat`.
    fn parent_and_group(pid: u32) -> Option<(u32, u32)> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // The command name may hold spaces and parentheses: fields start
        // after its last ')'.
        let rest = &stat[stat.rfind(')')? + 1..];
        let mut f = rest.split_whitespace();
        let _state = f.next()?;
        let ppid = f.next()?.parse().ok()?;
        let pgrp = f.next()?.parse().ok()?;
        Some((ppid, pgrp))
    }

    pub(super) fn kill_descendants() {
        let me = std::process::id();
        // SAFETY: getpgrp(2) has no preconditions.
        let group = unsafe { libc::getpgrp() } as u32;
        for round in 0..200 {
            let mut found = false;
            if let Ok(entries) = std::fs::read_dir("/proc") {
                for e in entries.flatten() {
                    let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok())
                    else {
                        continue;
                    };
                    if pid == me {
                        continue;
                    }
                    if let Some((ppid, pgrp)) = parent_and_group(pid)
                        && (ppid == me || pgrp == group)
                    {
                        found = true;
                        // SAFETY: kill(2) on a process of the check.
                        unsafe {
                            libc::kill(pid as i32, libc::SIGKILL);
                        }
                    }
                }
            }
            // Reap what died (orphans given to us included).
            let mut status = 0;
            // SAFETY: waitpid(2) with WNOHANG on any child.
            while unsafe { libc::waitpid(-1, &mut status, libc::WNOHANG) } > 0 {}
            if !found {
                return;
            }
            std::thread::sleep(Duration::from_millis(if round < 10 { 1 } else { 10 }));
        }
    }
}
