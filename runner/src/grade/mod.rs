//! Grading: turns an exercise (or its reference solution) into a [`Verdict`].
//! Each mode is described in [`modes`], one file each, and graded by its own
//! module (`gotest` for `test`, `cases` for `run`, `server`,
//! `learner_tests`); [`batch`] grades many exercises at once. What they
//! share is here (the grader, its cache, overlays), in `gocmd` (the go
//! command they run) and in `source` (what they read from Go source).

pub(crate) mod batch;
pub(crate) mod cache;
pub(crate) mod cases;
pub(crate) mod gotest;
pub(crate) mod group;
pub(crate) mod learner_tests;
pub(crate) mod manifest;
pub(crate) mod modes;
pub(crate) mod quick;
pub(crate) mod seal;
pub(crate) mod server;
pub(crate) mod warm;

mod gocmd;
mod source;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::course::{Course, Exercise};
use crate::process::CancelToken;
use crate::verdict::Verdict;

pub(crate) use gocmd::{missing_c_compiler, remove_go_tmp};
pub(crate) use source::{TestFuncs, go_files, test_funcs, test_funcs_in};

/// How long building may take before the runner gives up. Building is not
/// the learner's code running, so it gets far more than the exercise's time
/// limit: a first build of the standard library with `-race` takes a while.
pub(crate) const BUILD_TIMEOUT: Duration = Duration::from_secs(600);

/// What to grade: the learner's exercise, or the reference solution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Exercise,
    Solution,
}

/// Everything grading needs besides the exercise.
#[derive(Debug, Clone)]
pub(crate) struct Grader<'a> {
    pub course: &'a Course,
    pub cancel: CancelToken,
    /// Files swapped into the package being graded (for `dev check`'s wrong
    /// solutions): a tag for cache file names and (virtual, real) pairs.
    pub swap: Option<(String, Vec<(PathBuf, String)>)>,
    /// Told what the go command is doing when it is slow for a reason worth
    /// saying (downloading modules the first time).
    pub status: Option<crate::process::LineSink>,
    /// Whether hidden files are checked against the manifest before
    /// grading (not in `dev check`, where they are being written).
    pub check_manifest: bool,
}

/// Where the wrong solutions of an exercise live, under its solution.
pub(crate) const WRONG_DIR: &str = "wrong";

/// Where the other correct solutions of an exercise live, under its solution.
pub(crate) const ALT_DIR: &str = "alt";

impl<'a> Grader<'a> {
    pub(crate) fn new(course: &'a Course) -> Grader<'a> {
        Grader {
            course,
            cancel: CancelToken::new(),
            swap: None,
            status: None,
            check_manifest: true,
        }
    }

    pub(crate) fn with_cancel(course: &'a Course, cancel: CancelToken) -> Grader<'a> {
        Grader {
            course,
            cancel,
            swap: None,
            status: None,
            check_manifest: true,
        }
    }

    /// Grades the reference solution with the files of
    /// `solutions/<dir>/wrong/<variant>/` swapped in: a plausible wrong
    /// solution, which the hidden tests must reject.
    pub(crate) fn grade_wrong(&self, ex: &Exercise, variant: &str) -> Result<Verdict> {
        self.grade_variant(ex, WRONG_DIR, variant)
    }

    /// Grades `solutions/<dir>/alt/<variant>/`: another correct solution,
    /// which the hidden tests must accept. It stands in for the whole of the
    /// learner's part: every file the learner edits that the alternative does
    /// not have is left out of the build.
    pub(crate) fn grade_alt(&self, ex: &Exercise, variant: &str) -> Result<Verdict> {
        self.grade_variant(ex, ALT_DIR, variant)
    }

    fn grade_variant(&self, ex: &Exercise, kind: &str, variant: &str) -> Result<Verdict> {
        let root = &self.course.root;
        let sol = root.join(ex.solution_rel());
        let vdir = sol.join(kind).join(variant);
        let mut files = Vec::new();
        let own = crate::fsutil::files_under(&vdir)?;
        for rel in &own {
            files.push((sol.join(rel), vdir.join(rel).to_string_lossy().into_owned()));
        }
        if files.is_empty() {
            anyhow::bail!("{} has no files", vdir.display());
        }
        if kind == ALT_DIR {
            for rel in crate::fsutil::files_under(&root.join(ex.exercise_rel()))? {
                let go = rel.extension().is_some_and(|e| e == "go");
                if go && !own.contains(&rel) && sol.join(&rel).is_file() {
                    files.push((sol.join(&rel), String::new()));
                }
            }
        }
        let g = Grader {
            swap: Some((format!("{kind}-{variant}"), files)),
            ..self.clone()
        };
        g.grade(ex, Target::Solution)
    }

    /// The tag of this grading's overlay and binary files.
    pub(crate) fn tag(&self, ex: &Exercise, target: Target) -> String {
        let t = match target {
            Target::Exercise => "exercise",
            Target::Solution => "solution",
        };
        match &self.swap {
            Some((tag, _)) => format!("{}-{t}-{tag}", ex.name),
            None => format!("{}-{t}", ex.name),
        }
    }

    /// The swapped files, as overlay entries.
    pub(crate) fn swapped(&self) -> Vec<(PathBuf, String)> {
        self.swap
            .as_ref()
            .map(|(_, f)| f.clone())
            .unwrap_or_default()
    }

    /// Grades one exercise. An `Err` means the runner could not grade (or the
    /// run was cancelled: see [`crate::process::is_cancelled`]).
    pub(crate) fn grade(&self, ex: &Exercise, target: Target) -> Result<Verdict> {
        if let Some(refused) = self.precheck(ex, target)? {
            return Ok(refused);
        }
        let verdict = modes::of(ex.mode).grade(self, ex, target)?;
        if let Verdict::CompileError { output } = &verdict
            && let Some(why) = missing_c_compiler(output)
        {
            anyhow::bail!("{why}");
        }
        Ok(verdict)
    }

    /// What must hold before an exercise is built: its directory exists, its
    /// hidden files are as shipped ([`manifest`]), and nothing in it would
    /// make Go build something else or hang (an `Err` stops grading; a
    /// verdict is the learner's to fix).
    pub(crate) fn precheck(&self, ex: &Exercise, target: Target) -> Result<Option<Verdict>> {
        let root = &self.course.root;
        let dir = self.package_dir(ex, target);
        if !root.join(&dir).is_dir() {
            anyhow::bail!(
                "{dir} does not exist any more: restore it with `{}` (or with git)",
                crate::invoked::command(&format!("reset {}", ex.name))
            );
        }
        if self.check_manifest {
            manifest::verify(self.course, ex)?;
        }
        let refuse = |sentence: String| Ok(Some(Verdict::CompileError { output: sentence }));
        // A go.mod, go.work or vendor directory between the course root and
        // the package makes Go see another module, or none.
        let mut at = PathBuf::new();
        for part in Path::new(&dir).components() {
            at.push(part);
            for name in ["go.mod", "go.work", "vendor"] {
                if std::fs::symlink_metadata(root.join(&at).join(name)).is_ok() {
                    let found = format!("{}/{name}", at.to_string_lossy().replace('\\', "/"));
                    return refuse(format!(
                        "There is a {found}: the course is one Go module, with its go.mod at the top; delete {found} (did `go mod init` run in the exercise's folder?)"
                    ));
                }
            }
        }
        if let Some(special) = crate::fsutil::special_files(&root.join(&dir)).first() {
            return refuse(format!(
                "{dir}/{} is not a regular file (a pipe, socket, device or broken link), which Go would wait on for ever: remove it",
                special.to_string_lossy().replace('\\', "/")
            ));
        }
        Ok(None)
    }

    /// `exercises/<dir>` or `solutions/<dir>`, relative to the course root.
    pub(crate) fn package_dir(&self, ex: &Exercise, target: Target) -> String {
        match target {
            Target::Exercise => ex.exercise_rel(),
            Target::Solution => ex.solution_rel(),
        }
    }

    pub(crate) fn import_path(&self, rel_dir: &str) -> String {
        format!("{}/{}", self.course.go_module, rel_dir)
    }

    /// A directory of the runner's cache for this course ([`cache_root`]),
    /// created on demand.
    pub(crate) fn cache_dir(&self, sub: &str) -> Result<PathBuf> {
        let dir = cache_root(&self.course.root).join(sub);
        std::fs::create_dir_all(&dir).with_context(|| {
            format!(
                "cannot create {}: set BACKENDLINGS_CACHE_DIR to a writable directory",
                dir.display()
            )
        })?;
        Ok(dir)
    }
}

/// The runner's cache for the course at `course_root`: tools and records of
/// the quick path, overlays, built programs, remembered verdicts and Go's
/// temporary files. It lives in the user's cache directory
/// (`~/.cache/backendlings/…` on Linux, `~/Library/Caches/backendlings/…` on
/// macOS, `%LOCALAPPDATA%\backendlings\…` on Windows), one directory per
/// course, not in the course, where the code being graded is pointed at.
/// `BACKENDLINGS_CACHE_DIR` puts it elsewhere.
pub(crate) fn cache_root(course_root: &Path) -> PathBuf {
    if let Some(dir) = std::env::var_os("BACKENDLINGS_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let name = course_root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = crate::fsutil::short_name(&course_root.to_string_lossy());
    match dirs::cache_dir() {
        Some(base) => base.join("backendlings").join(format!("{name}-{id}")),
        None => course_root.join(crate::state::PRIVATE_DIR).join("cache"),
    }
}

/// Writes a `go build -overlay` file mapping virtual paths to real ones (an
/// empty string removes the file from the build). Returns its path.
pub(crate) fn write_overlay(path: &Path, replace: &[(PathBuf, String)]) -> Result<PathBuf> {
    let map: serde_json::Map<String, serde_json::Value> = replace
        .iter()
        .map(|(virt, real)| (virt.to_string_lossy().into_owned(), real.clone().into()))
        .collect();
    let json = serde_json::json!({ "Replace": map });
    let bytes = serde_json::to_vec_pretty(&json).expect("overlay serializes");
    // Rewrite only when it changed: fewer writes, and no window in which a
    // concurrent reader sees a half-written file.
    if std::fs::read(path).ok().as_deref() != Some(bytes.as_slice()) {
        crate::fsutil::write_atomic(path, &bytes)?;
    }
    Ok(path.to_path_buf())
}
