//! Ctrl-C, SIGTERM and SIGHUP: the first one cancels every running check
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

pub(crate) fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        for _ in signals.forever() {
            let n = COUNT.fetch_add(1, Ordering::SeqCst);
            interrupt();
            if n >= 1 {
                crate::watch::restore_terminal();
                std::process::exit(crate::exit::INTERRUPTED);
            }
        }
    });
}
