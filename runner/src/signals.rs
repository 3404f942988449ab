//! Ctrl-C, SIGTERM and SIGHUP (Ctrl-C, Ctrl-Break and console close on
//! Windows): the first one cancels every running check
//! (their process groups are killed) and lets the command unwind, restore
//! the terminal and exit 130; a second one kills what is left and exits at
//! once.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::process::{self, CancelToken};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static COUNT: AtomicUsize = AtomicUsize::new(0);
static GLOBAL: OnceLock<CancelToken> = OnceLock::new();

/// The token every child process is registered with.
pub(crate) fn global_cancel() -> &'static CancelToken {
    GLOBAL.get_or_init(CancelToken::new)
}

/// Whether Ctrl-C (or SIGTERM/SIGHUP) has been received.
pub(crate) fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Marks the run as interrupted, as a signal would (watch mode calls this
/// for the Ctrl-C key, which raw mode delivers as a key press).
pub(crate) fn interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
    global_cancel().cancel();
    process::kill_all_live();
}

/// Handles Ctrl-C and termination on every OS (SIGINT, SIGTERM and SIGHUP
/// on Unix; Ctrl-C, Ctrl-Break and closing the console on Windows).
pub(crate) fn install() {
    let _ = ctrlc::set_handler(|| {
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        interrupt();
        if n >= 1 {
            crate::watch::restore_terminal();
            std::process::exit(crate::exit::INTERRUPTED);
        }
    });
}
