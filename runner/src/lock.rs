//! File locks (`std::fs::File::lock`: flock on Unix, LockFileEx on
//! Windows): one watcher per course, and state updates that never interleave
//! between two runners. Windows locks are mandatory, so the pid of the
//! holder is written to a file of its own beside the lock.

use std::fs::{File, OpenOptions};
use std::path::Path;

use anyhow::{Context, Result};

/// A held lock; released when dropped (or when the process dies).
#[derive(Debug)]
pub(crate) struct FileLock {
    _file: File,
}

fn open(path: &Path) -> Result<File> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| {
            format!(
                "cannot create {}: is the course directory writable?",
                parent.display()
            )
        })?;
    }
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .with_context(|| {
            format!(
                "cannot open {}: is the course directory writable?",
                path.display()
            )
        })
}

/// Waits for an exclusive lock.
pub(crate) fn exclusive(path: &Path) -> Result<FileLock> {
    let file = open(path)?;
    file.lock()
        .with_context(|| format!("cannot lock {}", path.display()))?;
    Ok(FileLock { _file: file })
}

/// Where the pid of a lock's holder is written.
fn pid_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".pid");
    path.with_file_name(name)
}

/// Takes an exclusive lock without waiting, writing our pid beside it;
/// when another process holds it, returns that process's pid (if known).
pub(crate) fn try_exclusive(path: &Path) -> Result<Result<FileLock, Option<u32>>> {
    let file = open(path)?;
    match file.try_lock() {
        Ok(()) => {
            let _ = std::fs::write(pid_path(path), std::process::id().to_string());
            Ok(Ok(FileLock { _file: file }))
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let pid = std::fs::read_to_string(pid_path(path)).unwrap_or_default();
            Ok(Err(pid.trim().parse().ok()))
        }
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}
