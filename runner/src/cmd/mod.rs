//! One file per command; this file dispatches and holds what they share:
//! finding and loading the course, reading progress, keeping originals.

pub(crate) mod completions;
pub(crate) mod dev_check;
pub(crate) mod dev_new;
pub(crate) mod hint;
pub(crate) mod list;
pub(crate) mod progress;
pub(crate) mod reset;
pub(crate) mod run;
pub(crate) mod solution;
mod test_names;
pub(crate) mod verify;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::course::{Course, Exercise};
use crate::state::{self, Loaded, State};
use crate::term::{Paint, paint_stderr};

pub(crate) use hint::next_level as hint_next_level;
pub(crate) use hint::render as hint_render;
pub(crate) use solution::render as solution_render;

/// Progress as loaded, with a sentence for the learner when something about
/// it needs saying.
#[derive(Debug)]
pub(crate) struct Progress {
    pub state: State,
    pub fresh: bool,
    /// Set when the state file was unreadable and moved aside: progress has
    /// to be rebuilt by grading.
    pub corrupt: Option<String>,
}

pub(crate) fn load_progress(course: &Course) -> Result<Progress> {
    let loaded = state::load(&course.root)?;
    Ok(match loaded {
        Loaded::Found(mut state) => {
            // Exercises removed from the course are dropped quietly: the
            // course changed, the progress did not break.
            state
                .done
                .retain(|n| course.exercises.iter().any(|e| &e.name == n));
            if state
                .current
                .as_ref()
                .is_some_and(|c| !course.exercises.iter().any(|e| &e.name == c))
            {
                state.current = None;
            }
            Progress {
                state,
                fresh: false,
                corrupt: None,
            }
        }
        Loaded::Fresh => Progress {
            state: State::new(),
            fresh: true,
            corrupt: None,
        },
        Loaded::Corrupt { reason, kept_at } => Progress {
            state: State::new(),
            fresh: false,
            corrupt: Some(format!(
                "Your progress file could not be read ({reason}). It was kept as {}; progress will be rebuilt by checking the exercises.",
                display_rel(&course.root, &kept_at)
            )),
        },
    })
}

pub(crate) fn warn(text: &str) {
    eprintln!("{} {text}", paint_stderr(Paint::Warn, "warning:"));
}

/// The exercise the learner is on: the saved one, else the first not done.
pub(crate) fn current<'a>(course: &'a Course, state: &State) -> &'a Exercise {
    if let Some(ex) = state
        .current
        .as_ref()
        .and_then(|c| course.exercises.iter().find(|e| &e.name == c))
    {
        return ex;
    }
    course
        .exercises
        .iter()
        .find(|e| !state.done.contains(&e.name))
        .or(course.exercises.last())
        .expect("a course has exercises")
}

/// The exercise named on the command line, or the current one.
pub(crate) fn pick<'a>(
    course: &'a Course,
    state: &State,
    name: Option<&str>,
) -> Result<&'a Exercise> {
    match name {
        Some(n) => course.find(n),
        None => Ok(current(course, state)),
    }
}

pub(crate) fn require_exercises(course: &Course) -> Result<()> {
    if course.exercises.is_empty() {
        anyhow::bail!(
            "info.toml lists no exercises: add an [[exercises]] entry (or run `{}`)",
            crate::invoked::command("dev new")
        );
    }
    Ok(())
}

/// Records a grading result in the progress file. An exercise once passed
/// stays done (until `reset`): trying a variation that fails afterwards is
/// how people learn, and must not cost them their progress. Such a failure
/// is remembered apart, so that lists can say "your last change fails".
pub(crate) fn record(course: &Course, ex: &Exercise, passed: bool) -> Result<State> {
    let (state, _) = state::update(&course.root, |s| record_in(s, &ex.name, passed))?;
    Ok(state)
}

/// [`record`] on a state in hand.
pub(crate) fn record_in(s: &mut State, name: &str, passed: bool) {
    if passed {
        s.done.insert(name.to_string());
        s.failing.remove(name);
    } else if s.done.contains(name) {
        s.failing.insert(name.to_string());
    }
}

pub(crate) fn display_rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn originals_dir(course: &Course) -> PathBuf {
    course.root.join(state::PRIVATE_DIR).join("originals")
}

/// Takes a copy of every exercise as shipped, the first time the runner sees
/// it, so that `reset` can restore it later. Exercises already copied are
/// left alone.
pub(crate) fn ensure_originals(course: &Course) -> Result<()> {
    let base = originals_dir(course);
    for ex in &course.exercises {
        let dest = base.join(&ex.dir);
        if dest.exists() {
            continue;
        }
        let tmp = base.join(format!(".tmp-{}-{}", ex.name, std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        copy_tree(&course.root.join(ex.exercise_rel()), &tmp)?;
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if let Err(e) = std::fs::rename(&tmp, &dest) {
            let _ = std::fs::remove_dir_all(&tmp);
            // Another runner started at the same moment kept it first.
            if !dest.is_dir() {
                return Err(e)
                    .with_context(|| format!("cannot keep the original of {}", ex.exercise_rel()));
            }
        }
    }
    Ok(())
}

pub(crate) fn original_of(course: &Course, ex: &Exercise) -> PathBuf {
    originals_dir(course).join(&ex.dir)
}

/// Copies regular files of a directory tree (no symlinks followed).
pub(crate) fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for entry in
        std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))?
    {
        let entry = entry?;
        let ft = entry.file_type()?;
        let target = to.join(entry.file_name());
        if ft.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else if ft.is_file() {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("cannot copy {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Book links of an exercise: the local built book, and the online one when
/// the course says where it is published.
pub(crate) fn book_links(course: &Course, ex: &Exercise) -> Vec<String> {
    if ex.book.is_empty() {
        return vec![];
    }
    let (file, anchor) = ex.book.split_once('#').unwrap_or((ex.book.as_str(), ""));
    let html = file
        .strip_suffix(".md")
        .map_or_else(|| file.to_string(), |s| format!("{s}.html"));
    let frag = if anchor.is_empty() {
        String::new()
    } else {
        format!("#{anchor}")
    };
    // The online book first; the built one only when it is there, as a URL
    // a terminal can open; without either, the chapter's source.
    let mut links = Vec::new();
    if let Some(url) = &course.book_url {
        links.push(format!("{}/{html}{frag}", url.trim_end_matches('/')));
    }
    let local = course.root.join("book").join("book").join(&html);
    if local.is_file() {
        let abs = std::path::absolute(&local).unwrap_or(local);
        let path = abs.to_string_lossy().replace('\\', "/");
        let slash = if path.starts_with('/') { "" } else { "/" };
        links.push(format!("file://{slash}{path}{frag}"));
    }
    if links.is_empty() {
        links.push(format!("book/src/{file}{frag}"));
    }
    links
}
