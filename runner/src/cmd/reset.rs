//! `reset NAME`: put an exercise back as it was shipped. The learner's files
//! are moved to a backup first, and the backup's path is printed.

use anyhow::{Context, Result};

use crate::course::{Course, Exercise};
use crate::state::State;

pub(crate) fn run(course: &Course, name: &str) -> Result<i32> {
    let ex = course.find(name)?;
    let (_, sentence) = restore(course, ex)?;
    outln!("{sentence}");
    Ok(crate::exit::SUCCESS)
}

/// Restores `ex` and forgets that it passed. Returns the new state and one
/// sentence that says where the learner's files were kept.
pub(crate) fn restore(course: &Course, ex: &Exercise) -> Result<(State, String)> {
    super::ensure_originals(course)?;
    let original = super::original_of(course, ex);
    if !original.is_dir() {
        anyhow::bail!(
            "the original of {} was not kept, so it cannot be restored; use git to restore {}",
            ex.name,
            ex.exercise_rel()
        );
    }
    let dir = course.root.join(ex.exercise_rel());
    let backup = crate::fsutil::unused_path(
        course
            .root
            .join(crate::state::PRIVATE_DIR)
            .join("backups")
            .join(&ex.dir)
            .join(crate::fsutil::local_stamp()),
    );
    let sentence = if dir.is_dir() {
        super::copy_tree(&dir, &backup)?;
        // Restore into a fresh directory beside the old one, then swap, so
        // an error half-way never leaves a mix of both.
        let fresh = dir.with_file_name(format!(
            ".{}.reset-{}",
            ex.dir.replace('/', "_"),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&fresh);
        super::copy_tree(&original, &fresh)?;
        let old = dir.with_file_name(format!(
            ".{}.old-{}",
            ex.dir.replace('/', "_"),
            std::process::id()
        ));
        std::fs::rename(&dir, &old).with_context(|| format!("cannot replace {}", dir.display()))?;
        std::fs::rename(&fresh, &dir)
            .with_context(|| format!("cannot restore {}", dir.display()))?;
        let _ = std::fs::remove_dir_all(&old);
        format!(
            "Reset {}. Your version is kept in {}",
            ex.exercise_rel(),
            super::display_rel(&course.root, &backup)
        )
    } else {
        super::copy_tree(&original, &dir)?;
        format!("Restored {}.", ex.exercise_rel())
    };
    let (state, ()) = crate::state::update(&course.root, |s| {
        s.done.remove(&ex.name);
        s.failing.remove(&ex.name);
    })?;
    Ok((state, sentence))
}
