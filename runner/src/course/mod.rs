//! The course: `info.toml` parsed into typed, validated exercises.
//!
//! Every field of `info.toml` is documented on the structs of [`info`] (and
//! in the book's "Writing exercises" chapter). Unknown fields are rejected,
//! and every problem is reported as `info.toml:LINE:COL: what is wrong`
//! ([`parse`]). This module loads a course from disk ([`Course::load`]),
//! finds its exercises by name and locates the course root.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use toml::Spanned;

mod info;
mod mode;
mod parse;
#[cfg(test)]
mod tests;

pub use info::{
    Bug, ExerciseInfo, FAIL_KINDS, FORMAT_VERSION, InfoFile, ModuleInfo, Require, RunCase,
    StderrRule,
};
pub use mode::{Fields, Mode};
use parse::Located;
pub use parse::{InfoError, line_col, parse_info};

/// Grading time limit when an exercise does not set one.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// A validated exercise.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// Position in the course, from 0.
    pub index: usize,
    pub name: String,
    /// `NN_module/NN_name`.
    pub dir: String,
    pub mode: Mode,
    pub race: bool,
    pub vet: bool,
    pub count: Option<u32>,
    pub timeout: Duration,
    /// The exercise's own memory bound, in MiB (`memory_mb`); `None`: the
    /// default ([`Exercise::memory_limit`]).
    pub memory_mb: Option<u64>,
    pub hints: Vec<String>,
    pub book: String,
    pub fails_with: Option<Vec<String>>,
    pub main: Option<String>,
    pub cases: Vec<RunCase>,
    pub bugs: Vec<Bug>,
    pub require: Vec<Require>,
}

impl Exercise {
    /// The module directory, for example `01_basics`.
    pub fn module(&self) -> &str {
        self.dir.split('/').next().unwrap_or(&self.dir)
    }

    /// `exercises/<dir>`, relative to the course root.
    pub fn exercise_rel(&self) -> String {
        format!("exercises/{}", self.dir)
    }

    /// The memory bound of the learner's code while it is graded, in bytes:
    /// the exercise's `memory_mb`, or the runner's default.
    pub fn memory_limit(&self) -> u64 {
        self.memory_mb
            .map_or_else(crate::process::memory_limit, |mb| mb << 20)
    }

    /// `solutions/<dir>`, relative to the course root.
    pub fn solution_rel(&self) -> String {
        format!("solutions/{}", self.dir)
    }
}

/// A loaded course: its root, its exercises and its settings.
#[derive(Debug, Clone)]
pub struct Course {
    pub root: PathBuf,
    pub welcome_message: String,
    pub final_message: String,
    pub book_url: Option<String>,
    pub module_titles: BTreeMap<String, String>,
    pub exercises: Vec<Exercise>,
    /// The `go` version required by `go.mod`, as written (`1.25`).
    pub go_version: String,
    /// The module path in `go.mod`.
    pub go_module: String,
}

/// The numeric prefix of a directory name (`03_maps` → 3).
pub fn number_of(name: &str) -> Option<u32> {
    name.get(..2)?.parse().ok()
}

impl Course {
    /// Loads and validates the course at `root`.
    pub fn load(root: &Path) -> Result<Course> {
        let info_path = root.join("info.toml");
        let text = std::fs::read_to_string(&info_path).with_context(|| {
            format!(
                "cannot read {}: is this a course directory?",
                info_path.display()
            )
        })?;
        let info = parse_info("info.toml", &text)?;
        let loc = Located {
            file: "info.toml",
            text: &text,
        };
        let (go_version, go_module) = crate::gomod::read(root)?;

        let mut exercises = Vec::with_capacity(info.exercises.len());
        for (index, ex) in info.exercises.into_iter().enumerate() {
            exercises.push(exercise_on_disk(root, &loc, index, ex)?);
        }
        every_dir_listed(root, &exercises)?;

        let module_titles = info
            .modules
            .into_iter()
            .map(|m| (m.dir.into_inner(), m.title))
            .collect();
        Ok(Course {
            root: root.to_path_buf(),
            welcome_message: info.welcome_message,
            final_message: info.final_message,
            book_url: info.book_url,
            module_titles,
            exercises,
            go_version,
            go_module,
        })
    }

    /// Finds an exercise by name, by its folder (`04_multiple_returns`,
    /// `multiple_returns`, `exercises/02_functions/04_multiple_returns/`),
    /// with a suggestion when there is none.
    pub fn find(&self, name: &str) -> Result<&Exercise> {
        if let Some(ex) = self.exercises.iter().find(|e| e.name == name) {
            return Ok(ex);
        }
        // Accept the directory too, as people copy it from the screen.
        let trimmed = name.trim_end_matches(['/', '\\']).replace('\\', "/");
        let trimmed = trimmed.strip_prefix("./").unwrap_or(&trimmed);
        let trimmed = trimmed.strip_prefix("exercises/").unwrap_or(trimmed);
        let folder = |e: &Exercise| e.dir.rsplit('/').next().unwrap_or("").to_string();
        let unnumbered = |f: &str| {
            f.split_once('_')
                .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .map_or(f.to_string(), |(_, rest)| rest.to_string())
        };
        let by_folder: Vec<&Exercise> = self
            .exercises
            .iter()
            .filter(|e| {
                e.dir == trimmed || folder(e) == trimmed || unnumbered(&folder(e)) == trimmed
            })
            .collect();
        if let [ex] = by_folder[..] {
            return Ok(ex);
        }
        let mut close: Vec<(usize, &str)> = self
            .exercises
            .iter()
            .map(|e| {
                let d =
                    edit_distance(name, &e.name).min(edit_distance(name, &unnumbered(&folder(e))));
                let d = if e.name.contains(name) || name.contains(e.name.as_str()) {
                    d.min(1)
                } else {
                    d
                };
                (d, e.name.as_str())
            })
            .filter(|(d, _)| *d <= 2.max(name.chars().count() / 3))
            .collect();
        close.sort();
        let close: Vec<&str> = close.into_iter().map(|(_, n)| n).take(3).collect();
        Err(UnknownExercise {
            name: name.to_string(),
            close: close.iter().map(|s| s.to_string()).collect(),
        }
        .into())
    }

    /// The exercises named on a command line, or all of them when none is.
    pub fn select(&self, names: &[String]) -> Result<Vec<&Exercise>> {
        if names.is_empty() {
            return Ok(self.exercises.iter().collect());
        }
        names.iter().map(|n| self.find(n)).collect()
    }

    /// Display title of a module directory.
    pub fn module_title(&self, module: &str) -> String {
        if let Some(t) = self.module_titles.get(module) {
            return t.clone();
        }
        let words = module.get(3..).unwrap_or(module).replace('_', " ");
        let mut chars = words.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => words,
        }
    }

    pub fn path(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.root.join(rel)
    }
}

/// The exercise `ex`, the `index`th of `info.toml`, once its directories
/// are found under `exercises/` and `solutions/`.
fn exercise_on_disk(
    root: &Path,
    loc: &Located<'_>,
    index: usize,
    ex: ExerciseInfo,
) -> Result<Exercise> {
    let dir = ex.dir.get_ref().clone();
    for top in ["exercises", "solutions"] {
        let path = root.join(top).join(&dir);
        if !path.is_dir() {
            return Err(loc
                .err(
                    ex.dir.span(),
                    format!(
                        "{top}/{dir} does not exist: create it or fix dir (restore it with git if you deleted it)"
                    ),
                )
                .into());
        }
    }
    Ok(Exercise {
        index,
        name: ex.name.into_inner(),
        dir,
        mode: ex.mode,
        race: ex.race,
        vet: ex.vet,
        count: ex.count.map(Spanned::into_inner),
        timeout: ex
            .timeout
            .map_or(DEFAULT_TIMEOUT, |t| Duration::from_secs(t.into_inner())),
        memory_mb: ex.memory_mb.map(Spanned::into_inner),
        hints: ex.hints.into_inner(),
        book: ex.book.into_inner(),
        fails_with: ex.fails_with.map(Spanned::into_inner),
        main: ex.main.map(Spanned::into_inner),
        cases: ex.cases,
        bugs: ex.bugs,
        require: ex.require,
    })
}

/// Every exercise directory on disk is named in `info.toml`.
fn every_dir_listed(root: &Path, exercises: &[Exercise]) -> Result<()> {
    let named: HashSet<&str> = exercises.iter().map(|e| e.dir.as_str()).collect();
    for (module, name) in exercise_dirs_on_disk(&root.join("exercises"))? {
        let dir = format!("{module}/{name}");
        if !named.contains(dir.as_str()) {
            return Err(InfoError {
                file: "info.toml".into(),
                line: 1,
                col: 1,
                message: format!(
                    "exercises/{dir} is not listed: add an [[exercises]] entry with dir = \"{dir}\", or remove the directory"
                ),
            }
            .into());
        }
    }
    Ok(())
}

/// `(module, exercise)` directory names found two levels under `top`,
/// sorted. Directories starting with `.` are ignored.
pub fn exercise_dirs_on_disk(top: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let Ok(modules) = std::fs::read_dir(top) else {
        return Ok(out);
    };
    for module in modules {
        let module = module?;
        if !module.file_type()?.is_dir() {
            continue;
        }
        let mname = module.file_name().to_string_lossy().into_owned();
        if mname.starts_with('.') {
            continue;
        }
        for ex in std::fs::read_dir(module.path())? {
            let ex = ex?;
            if ex.file_type()?.is_dir() {
                let ename = ex.file_name().to_string_lossy().into_owned();
                if !ename.starts_with('.') {
                    out.push((mname.clone(), ename));
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Finds the course root: `--course DIR`, else the current directory or the
/// nearest parent holding an `info.toml`.
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        let dir = dunce::canonicalize(dir)
            .with_context(|| format!("--course {}: no such directory", dir.display()))?;
        if !dir.join("info.toml").is_file() {
            anyhow::bail!(
                "--course {}: there is no info.toml there; point --course at a course directory",
                dir.display()
            );
        }
        return Ok(dir);
    }
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    for dir in cwd.ancestors() {
        if dir.join("info.toml").is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    anyhow::bail!(
        "no info.toml in {} or its parents: run backendlings inside the course directory, or pass --course DIR",
        cwd.display()
    )
}

/// A name on the command line that is no exercise: a usage error (exit 2),
/// with the closest names.
#[derive(Debug)]
pub struct UnknownExercise {
    pub name: String,
    pub close: Vec<String>,
}

impl std::fmt::Display for UnknownExercise {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = crate::invoked::command("list");
        if self.close.is_empty() {
            write!(
                f,
                "there is no exercise named {:?}: `{list}` shows them all",
                self.name
            )
        } else {
            write!(
                f,
                "there is no exercise named {:?}; did you mean {}? (`{list}` shows them all)",
                self.name,
                self.close.join(", ")
            )
        }
    }
}

impl std::error::Error for UnknownExercise {}

/// Levenshtein distance between two short names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
