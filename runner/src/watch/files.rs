//! The file watcher of watch mode: it sends each changed path as an event
//! (polling instead on a Windows drive under WSL), and tells which exercise
//! a path belongs to.

use std::path::Path;
use std::sync::mpsc::Sender;
use std::time::Duration;

use super::Event;
use crate::cmd;
use crate::course::Course;

/// The exercise a changed path belongs to, if it is a Go file in one.
pub(super) fn exercise_of(course: &Course, path: &Path) -> Option<usize> {
    if path.extension().and_then(|e| e.to_str()) != Some("go") {
        return None;
    }
    let name = path.file_name()?.to_string_lossy();
    if name.starts_with('.') || name.starts_with('#') {
        return None;
    }
    let rel = path.strip_prefix(&course.root).ok()?;
    let rel = rel.strip_prefix("exercises").ok()?;
    let mut parts = rel.components();
    let module = parts.next()?.as_os_str().to_string_lossy().into_owned();
    let ex = parts.next()?.as_os_str().to_string_lossy().into_owned();
    let dir = format!("{module}/{ex}");
    course.exercises.iter().position(|e| e.dir == dir)
}

/// Whether the runner is in WSL with the course on a Windows drive
/// (`/mnt/c/…`), where a Windows editor's saves send no inotify events.
fn wsl_windows_drive(root: &std::path::Path) -> bool {
    let wsl = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .is_ok_and(|r| r.to_ascii_lowercase().contains("microsoft"));
    let mut parts = root.components().skip(1);
    let on_mnt = parts.next().is_some_and(|c| c.as_os_str() == "mnt")
        && parts.next().is_some_and(|c| c.as_os_str().len() == 1);
    wsl && on_mnt
}

/// Watches exercises/ and sends its file events; `None` (after a warning)
/// when it cannot, and watch mode goes on with keys only.
pub(super) fn start_file_watcher(
    course: &Course,
    tx: Sender<Event>,
) -> Option<Box<dyn notify::Watcher>> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let root = dunce::canonicalize(&course.root).unwrap_or_else(|_| course.root.clone());
    let err_tx = tx.clone();
    let handler = move |res: notify::Result<notify::Event>| match res {
        Ok(ev) => {
            if matches!(ev.kind, EventKind::Access(_)) {
                return;
            }
            for p in ev.paths {
                let _ = tx.send(Event::File(p));
            }
        }
        Err(e) => {
            let _ = err_tx.send(Event::WatchError(e.to_string()));
        }
    };
    let watcher: notify::Result<Box<dyn Watcher>> = if wsl_windows_drive(&root) {
        cmd::warn(
            "the course is on a Windows drive under WSL, where saves send no file events: \
             checking for changes every half second instead (clone the course into your \
             Linux home, ~/, for instant verdicts)",
        );
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
        notify::PollWatcher::new(handler, config).map(|w| Box::new(w) as Box<dyn Watcher>)
    } else {
        notify::recommended_watcher(handler).map(|w| Box::new(w) as Box<dyn Watcher>)
    };
    let mut watcher = match watcher {
        Ok(w) => w,
        Err(e) => {
            cmd::warn(&format!(
                "cannot watch files ({e}); press r to grade after saving"
            ));
            return None;
        }
    };
    let dir = root.join("exercises");
    if let Err(e) = watcher.watch(&dir, RecursiveMode::Recursive) {
        cmd::warn(&format!(
            "cannot watch {} ({e}); press r to grade after saving",
            dir.display()
        ));
        return None;
    }
    Some(watcher)
}
