//! Progress: which exercise is current, which are done, how many hints were
//! shown. One small versioned JSON file in the course root, written
//! atomically (temp file, fsync, rename), so that a crash at any moment
//! leaves either the old or the new content. A file that cannot be read is
//! never silently reset: it is moved aside and the learner is told.

use std::collections::{BTreeMap, BTreeSet};
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
    /// Exercises that passed before and whose last check failed: still
    /// done, shown as such.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub failing: BTreeSet<String>,
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

/// A progress file larger than this is not progress (a few KiB at most):
/// it is moved aside unread.
const MAX_STATE_BYTES: u64 = 1 << 20;

fn load_locked(root: &Path) -> Result<Loaded> {
    let path = state_path(root);
    match std::fs::metadata(&path) {
        Ok(meta) if !meta.is_file() => anyhow::bail!(
            "{} should be the progress file but is not a file; move it out of the way and start again",
            path.display()
        ),
        Ok(meta) if meta.len() > MAX_STATE_BYTES => {
            let reason = format!(
                "it is {} MB, far more than progress takes",
                meta.len() >> 20
            );
            return move_aside(root, &path, reason);
        }
        _ => {}
    }
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
    move_aside(root, &path, reason)
}

/// Moves an unreadable progress file to a new name beside it (never over an
/// earlier one).
fn move_aside(root: &Path, path: &Path, reason: String) -> Result<Loaded> {
    let kept_at = crate::fsutil::unused_path(root.join(format!(
        "{STATE_FILE}.corrupt-{}",
        crate::fsutil::local_stamp()
    )));
    std::fs::rename(path, &kept_at).with_context(|| {
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
    crate::fsutil::write_atomic(&state_path(root), &serialize(state))
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
    crate::fsutil::write_atomic(&state_path(root), &serialize(&state))?;
    Ok((state, out))
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
    fn two_corrupt_files_in_one_second_keep_both() {
        let dir = tempfile::tempdir().unwrap();
        let mut kept = Vec::new();
        for text in ["first {", "second {"] {
            std::fs::write(dir.path().join(STATE_FILE), text).unwrap();
            match load(dir.path()).unwrap() {
                Loaded::Corrupt { kept_at, .. } => kept.push(kept_at),
                other => panic!("{other:?}"),
            }
        }
        assert_ne!(kept[0], kept[1]);
        assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), "first {");
        assert_eq!(std::fs::read_to_string(&kept[1]).unwrap(), "second {");
    }

    #[test]
    fn a_state_path_that_is_a_directory_gets_a_sentence() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(STATE_FILE)).unwrap();
        let err = format!("{:#}", load(dir.path()).unwrap_err());
        assert!(
            err.contains("is not a file; move it out of the way"),
            "{err}"
        );
    }

    #[test]
    fn an_oversized_state_file_is_moved_aside_unread() {
        let dir = tempfile::tempdir().unwrap();
        let big = vec![b' '; (MAX_STATE_BYTES + 1) as usize];
        std::fs::write(dir.path().join(STATE_FILE), &big).unwrap();
        match load(dir.path()).unwrap() {
            Loaded::Corrupt { reason, kept_at } => {
                assert!(reason.contains("far more than progress takes"), "{reason}");
                assert_eq!(std::fs::metadata(kept_at).unwrap().len(), big.len() as u64);
            }
            other => panic!("{other:?}"),
        }
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
