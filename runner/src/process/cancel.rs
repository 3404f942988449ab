//! Cancellation: [`CancelToken`], the global token Ctrl-C cancels, and the
//! [`Cancelled`] error a cancelled run returns.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use super::running::Wake;

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
pub(super) struct Registration {
    token: CancelToken,
    id: u64,
}

impl Registration {
    pub(super) fn release(self) {
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

    pub(super) fn register(&self, tx: Sender<Wake>) -> Registration {
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
