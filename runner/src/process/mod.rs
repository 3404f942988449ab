//! Every child process the runner starts is started here, and only here,
//! but one: the learner's editor (`e` in watch mode), which is their
//! program, not a check, and is neither limited nor waited for.
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
//!
//! This module holds what its files share: the marker, the default
//! capture cap and the memory bound. The rest is one file per concern:
//! [`cmd`] describes a child, [`spawn`] starts it, [`capture`] keeps what
//! it writes, [`running`] waits on it and ends it, [`live`] lists the trees
//! alive so that all can be killed at once, [`cancel`] stops runs, and
//! [`memory`] stops a run whose processes pass its memory bound.

#[cfg(unix)]
pub(crate) mod guard;
#[cfg(any(target_os = "linux", target_os = "macos", windows))]
mod memory;
#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as sys;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as sys;

mod cancel;
mod capture;
mod cmd;
mod live;
mod running;
mod spawn;
#[cfg(all(test, unix))]
mod tests;

pub(crate) use cancel::{CancelToken, Cancelled, global_cancel, is_cancelled};
pub(crate) use cmd::{Cmd, Keep, LineSink};
pub(crate) use live::kill_all_live;
pub(crate) use running::{Ended, Output, Running};
pub(crate) use spawn::NotFound;
pub(crate) use sys::{exit_signal, pid_alive, sweep_abandoned};
#[cfg(unix)]
pub(crate) use unix::use_guard;

/// Environment variable that marks every process a check starts.
pub(crate) const MARKER_ENV: &str = "BACKENDLINGS_CHECK";
/// Default cap of the bytes kept from the start of each output stream.
pub(crate) const DEFAULT_CAP: usize = 1 << 20;

/// The default memory bound of a check, in bytes: 2 GiB unless
/// `BACKENDLINGS_MEMORY_LIMIT_MB` says otherwise; a check may set its own
/// ([`Cmd::memory_limit`]). Enforced on Linux, macOS and Windows
/// ([`memory`]); on other systems not at all.
pub(crate) fn memory_limit() -> u64 {
    std::env::var("BACKENDLINGS_MEMORY_LIMIT_MB")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|mb| *mb > 0)
        .map_or(2 << 30, |mb| mb << 20)
}
