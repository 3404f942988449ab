//! The registry of process trees alive right now, so that every one of
//! them can be killed at once (on Ctrl-C and on the way out).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::sys;

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

/// Starts `command` and records its tree under the pid of its first
/// process. The registry stays locked while the child starts, so that
/// [`kill_all_live`] never misses one that is starting.
pub(super) fn start(
    command: &mut std::process::Command,
    token: &str,
    spawn_error: impl FnOnce(std::io::Error) -> anyhow::Error,
) -> anyhow::Result<(std::process::Child, Arc<sys::Tree>)> {
    let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    let child = command.spawn().map_err(spawn_error)?;
    let tree = Arc::new(sys::Tree::new(&child, token));
    live.insert(child.id(), Arc::clone(&tree));
    Ok((child, tree))
}

/// Forgets the tree whose first process has pid `id`.
pub(super) fn remove(id: u32) {
    LIVE.lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
}
