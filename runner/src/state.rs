//! Progress: which exercise is current, which are done, how many hints were
//! shown. One small versioned JSON file in the course root, written
//! atomically (temp file, fsync, rename), so that a crash at any moment
//! leaves either the old or the new content. A file that cannot be read is
//! never silently reset: it is moved aside and the learner is told.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// The state file, relative to the course root.
pub const STATE_FILE: &str = ".backendlings-state.json";
/// The runner's private directory in the course root (cache, locks, backups).
pub const PRIVATE_DIR: &str = ".backendlings";
/// Version of the state file format.
pub const STATE_VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub format_version: u32,
    /// Name of the exercise the learner is on.
    #[serde(default)]
    pub current: Option<String>,
    /// Names of the exercises that have passed.
    #[serde(default)]
    pub done: BTreeSet<String>,
    /// How many hints of each exercise have been shown.
    #[serde(default)]
    pub hints_shown: BTreeMap<String, usize>,
    /// Whether the welcome message has been shown.
    #[serde(default)]
    pub welcomed: bool,
}

impl State {
    pub fn new() -> State {
        State {
            format_version: STATE_VERSION,
            ..State::default()
        }
    }
}

/// What was found on disk.
#[derive(Debug)]
pub enum Loaded {
    /// A readable state file.
    Found(State),
    /// No state file yet: a first run.
    Fresh,
    /// A state file that could not be read; it was moved to `kept_at`.
    Corrupt { reason: String, kept_at: PathBuf },
}

pub fn state_path(root: &Path) -> PathBuf {
    root.join(STATE_FILE)
}

fn lock_path(root: &Path) -> PathBuf {
    root.join(PRIVATE_DIR).join("state.lock")
}

/// Parses state file text.
pub fn parse(text: &str) -> Result<State, String> {
    let state: State = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if state.format_version != STATE_VERSION {
        return Err(format!(
            "format_version {} is not one this runner reads ({STATE_VERSION})",
            state.format_version
        ));
    }
    Ok(state)
}

/// Reads the state; a corrupt file is moved aside (never deleted).
pub fn load(root: &Path) -> Result<Loaded> {
    let _lock = crate::lock::exclusive(&lock_path(root))?;
    load_locked(root)
}

fn load_locked(root: &Path) -> Result<Loaded> {
    let path = state_path(root);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::Fresh),
        Err(e) => {
            return Err(e)
                .with_context(|| format!("cannot read the progress file {}", path.display()));
        }
    };
    let reason = match std::str::from_utf8(&bytes) {
        Err(_) => "it is not text".to_string(),
        Ok(text) => match parse(text) {
            Ok(state) => return Ok(Loaded::Found(state)),
            Err(reason) if text.trim().is_empty() => format!("it is empty ({reason})"),
            Err(reason) => reason,
        },
    };
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let kept_at = root.join(format!("{STATE_FILE}.corrupt-{stamp}"));
    std::fs::rename(&path, &kept_at).with_context(|| {
        format!(
            "the progress file {} is unreadable and could not be moved aside",
            path.display()
        )
    })?;
    Ok(Loaded::Corrupt { reason, kept_at })
}

/// Writes `state` atomically. Other runners' changes are not merged: use
/// [`update`] for read-modify-write.
pub fn save(root: &Path, state: &State) -> Result<()> {
    let _lock = crate::lock::exclusive(&lock_path(root))?;
    write_atomic(&state_path(root), &serialize(state))
}

fn serialize(state: &State) -> Vec<u8> {
    let mut text = serde_json::to_vec_pretty(state).expect("state serializes");
    text.push(b'\n');
    text
}

/// Reads the current file (or a new state), applies `f`, writes the result,
/// all under the state lock, so two runners on one course never lose each
/// other's progress. A corrupt file is treated as missing here: [`load`] is
/// where it is reported.
pub fn update<T>(root: &Path, f: impl FnOnce(&mut State) -> T) -> Result<(State, T)> {
    let _lock = crate::lock::exclusive(&lock_path(root))?;
    let mut state = match load_locked(root)? {
        Loaded::Found(s) => s,
        Loaded::Fresh | Loaded::Corrupt { .. } => State::new(),
    };
    let out = f(&mut state);
    write_atomic(&state_path(root), &serialize(&state))?;
    Ok((state, out))
}

/// Writes `bytes` to `path` so that readers see the old or the new content,
/// never a mix: a temp file in the same directory, fsync, rename, fsync the
/// directory.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        anyhow::Error::new(e).context(format!(
            "cannot write {}: is the course directory writable?",
            path.display()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = State::new();
        s.current = Some("hello".into());
        s.done.insert("hello".into());
        save(dir.path(), &s).unwrap();
        match load(dir.path()).unwrap() {
            Loaded::Found(back) => assert_eq!(back, s),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn missing_file_is_fresh() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(load(dir.path()).unwrap(), Loaded::Fresh));
    }

    #[test]
    fn corrupt_file_is_kept_aside_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(STATE_FILE),
            "{\"format_version\": 1, \"done\": [",
        )
        .unwrap();
        match load(dir.path()).unwrap() {
            Loaded::Corrupt { kept_at, reason } => {
                assert!(!reason.is_empty());
                assert_eq!(
                    std::fs::read_to_string(kept_at).unwrap(),
                    "{\"format_version\": 1, \"done\": ["
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(!dir.path().join(STATE_FILE).exists());
    }

    #[test]
    fn unknown_fields_and_versions_are_corrupt() {
        assert!(parse(r#"{"format_version":1,"cheat":true}"#).is_err());
        assert!(parse(r#"{"format_version":7}"#).is_err());
        assert!(parse(r#"{"format_version":1}"#).is_ok());
    }

    #[test]
    fn update_merges_with_what_is_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        update(dir.path(), |s| s.done.insert("a".into())).unwrap();
        let (s, _) = update(dir.path(), |s| s.done.insert("b".into())).unwrap();
        assert_eq!(s.done.len(), 2);
    }
}
