//! Advisory file locks (`flock`): one watcher per course, and state updates
//! that never interleave between two runners.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::fd::AsRawFd;
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

fn flock(file: &File, op: libc::c_int) -> std::io::Result<()> {
    // SAFETY: flock on a file descriptor we own; no memory is involved.
    let rc = unsafe { libc::flock(file.as_raw_fd(), op) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Waits for an exclusive lock.
pub(crate) fn exclusive(path: &Path) -> Result<FileLock> {
    let file = open(path)?;
    loop {
        match flock(&file, libc::LOCK_EX) {
            Ok(()) => return Ok(FileLock { _file: file }),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot lock {}", path.display())),
        }
    }
}

/// Takes an exclusive lock without waiting, writing our pid into the file;
/// when another process holds it, returns that process's pid (if known).
pub(crate) fn try_exclusive(path: &Path) -> Result<Result<FileLock, Option<u32>>> {
    let mut file = open(path)?;
    match flock(&file, libc::LOCK_EX | libc::LOCK_NB) {
        Ok(()) => {
            file.set_len(0)?;
            file.rewind()?;
            write!(file, "{}", std::process::id())?;
            Ok(Ok(FileLock { _file: file }))
        }
        Err(e) if e.raw_os_error() == Some(libc::EWOULDBLOCK) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            Ok(Err(pid.trim().parse().ok()))
        }
        Err(e) => Err(e).with_context(|| format!("cannot lock {}", path.display())),
    }
}
