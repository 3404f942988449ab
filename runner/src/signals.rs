//! Ctrl-C, SIGTERM and SIGHUP (Ctrl-C, Ctrl-Break and console close on
//! Windows): the first one cancels every running check
//! (their process groups are killed) and lets the command unwind, restore
//! the terminal and exit 130; a second one kills what is left and exits at
//! once.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::process;

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static COUNT: AtomicUsize = AtomicUsize::new(0);
static BEFORE_EXIT: OnceLock<fn()> = OnceLock::new();

/// Registers what must happen before a second Ctrl-C ends the process at
/// once (watch mode restores the terminal). The first registration wins.
pub(crate) fn before_forced_exit(hook: fn()) {
    let _ = BEFORE_EXIT.set(hook);
}

/// Whether Ctrl-C (or SIGTERM/SIGHUP) has been received.
pub(crate) fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Marks the run as interrupted, as a signal would (watch mode calls this
/// for the Ctrl-C key, which raw mode delivers as a key press).
pub(crate) fn interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
    process::global_cancel().cancel();
    process::kill_all_live();
}

/// Handles Ctrl-C and termination on every OS (SIGINT, SIGTERM and SIGHUP
/// on Unix; Ctrl-C, Ctrl-Break and closing the console on Windows).
pub(crate) fn install() {
    let _ = ctrlc::set_handler(|| {
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        interrupt();
        if n >= 1 {
            if let Some(hook) = BEFORE_EXIT.get() {
                hook();
            }
            std::process::exit(crate::exit::INTERRUPTED);
        }
    });
}
