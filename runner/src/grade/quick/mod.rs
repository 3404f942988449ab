//! The quick path of `test` mode: after a save, the exercise is compiled,
//! linked and run by calling Go's compiler, linker and test2json directly,
//! with what `go list` found about its dependencies the first time. That
//! skips the go command's own start and bookkeeping (about a third of a
//! save's wait) and keeps everything else as `go test -json` does it: the
//! same compiler flags, the same generated test main, the same GODEBUG
//! defaults, the same JSON events read by the same code.
//!
//! It is used only where it gives the same verdict as `go test`: a plain
//! package (no cgo, assembly, embedded files or packages of the course
//! beside it) graded without `-race` or vet, whose hidden tests are in the
//! package itself and have no `TestMain` or examples. Whenever the compiler
//! rejects the code, `go test` runs instead, so that compile errors read
//! exactly as Go prints them; when the recorded dependencies no longer fit
//! (an import was added, go.mod changed, Go was upgraded), the record is
//! dropped and made again after the next `go test`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::gotest::Plan;
use super::{Grader, Target};
use crate::course::{Exercise, Mode};
use crate::verdict::Verdict;

mod prepare;
mod run;
mod testmain;
#[cfg(test)]
mod tests;

pub(crate) use prepare::prepare;
use run::run;

/// Bumped when [`Prepared`] changes meaning.
const FORMAT: u32 = 2;

/// The environment variable that turns the quick path off (`off`), or makes
/// the runner record an exercise's dependencies as soon as it grades it
/// (`eager`) rather than only in watch mode after a verdict.
pub(crate) const SWITCH_ENV: &str = "BACKENDLINGS_QUICK";

/// Environment variables that change how Go builds; part of the key.
const BUILD_ENV: [&str; 9] = [
    "GOFLAGS",
    "GOOS",
    "GOARCH",
    "GOAMD64",
    "GOARM64",
    "CGO_ENABLED",
    "GOEXPERIMENT",
    "GOROOT",
    "GOCACHE",
];

/// What `go list` found about an exercise's package, recorded once.
#[derive(Debug, Serialize, Deserialize)]
struct Prepared {
    format: u32,
    /// What the record depends on; a different key means it is stale.
    key: String,
    /// `packagefile path=archive` for every dependency of the test binary.
    importcfg: String,
    /// `-X=runtime.godebugDefault=…` for the link, from go.mod's go line.
    godebug: String,
    go_files: Vec<String>,
    test_files: Vec<String>,
    goversion: String,
    goroot: String,
    tool_dir: PathBuf,
    test2json: PathBuf,
}

/// Whether an exercise's mode and flags allow the quick path at all.
pub(crate) fn eligible(g: &Grader, ex: &Exercise, target: Target) -> bool {
    ex.mode == Mode::Test
        && !ex.race
        && !ex.vet
        && target == Target::Exercise
        && g.swap.is_none()
        && switch() != Switch::Off
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Switch {
    Off,
    Normal,
    Eager,
}

pub(crate) fn switch() -> Switch {
    match std::env::var(SWITCH_ENV).as_deref() {
        Ok("off") => Switch::Off,
        Ok("eager") => Switch::Eager,
        _ => Switch::Normal,
    }
}

/// How a quick grading ended.
#[derive(Debug)]
pub(crate) enum Quick {
    /// The tests ran: this is the verdict.
    Verdict(Verdict),
    /// The compiler rejected the package: `go test` says how, in Go's words.
    CompileFailed,
    /// The record no longer fits; it has been dropped.
    Stale,
}

fn record_path(g: &Grader, ex: &Exercise, target: Target) -> Result<PathBuf> {
    Ok(g.cache_dir("quick")?
        .join(format!("{}.json", g.tag(ex, target))))
}

/// Everything the record depends on besides the dependencies' archives
/// (which the compiler and linker check themselves).
fn key(g: &Grader, plan: &Plan, tool_dir: &Path) -> Result<String> {
    let root = &g.course.root;
    let mut text = String::new();
    text.push_str(env!("CARGO_PKG_VERSION"));
    for f in ["go.mod", "go.sum"] {
        text.push('\0');
        text.push_str(&std::fs::read_to_string(root.join(f)).unwrap_or_default());
    }
    for name in BUILD_ENV {
        text.push_str(&format!("\0{name}={:?}", std::env::var_os(name)));
    }
    for tool in ["compile", "link"] {
        let path = tool_dir.join(format!("{tool}{}", std::env::consts::EXE_SUFFIX));
        let meta =
            std::fs::metadata(&path).with_context(|| format!("cannot read {}", path.display()))?;
        text.push_str(&format!(
            "\0{tool} {} {:?}",
            meta.len(),
            meta.modified().ok()
        ));
    }
    // The files of the directory, and the build constraints at the top of
    // each Go file: they decide which files are compiled.
    let dir = root.join(&plan.dir);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        text.push_str(&format!("\0{name}"));
        if name.ends_with(".go") {
            let source = std::fs::read_to_string(dir.join(&name)).unwrap_or_default();
            for line in source.lines() {
                let t = line.trim();
                if t.starts_with("package ") {
                    break;
                }
                if t.starts_with("//go:build") || t.starts_with("// +build") {
                    text.push_str(&format!("\0{t}"));
                }
            }
        }
    }
    for (virt, real) in &plan.overlay {
        text.push_str(&format!("\0{}={real}", virt.display()));
    }
    Ok(crate::fsutil::hash(text.as_bytes()))
}

fn load(g: &Grader, ex: &Exercise, target: Target, plan: &Plan) -> Option<Prepared> {
    let path = record_path(g, ex, target).ok()?;
    let text = std::fs::read_to_string(&path).ok()?;
    let prepared: Prepared = serde_json::from_str(&text).ok()?;
    if prepared.format != FORMAT || key(g, plan, &prepared.tool_dir).ok()? != prepared.key {
        let _ = std::fs::remove_file(&path);
        return None;
    }
    Some(prepared)
}

/// Drops an exercise's record: the next grading goes through `go test`.
pub(crate) fn forget(g: &Grader, ex: &Exercise, target: Target) {
    if let Ok(path) = record_path(g, ex, target) {
        let _ = std::fs::remove_file(path);
    }
}

/// Grades an exercise through the quick path when it has a current record;
/// `None` when it has none (grade with `go test`).
pub(crate) fn grade(
    g: &Grader,
    ex: &Exercise,
    target: Target,
    plan: &Plan,
) -> Result<Option<Quick>> {
    if !eligible(g, ex, target) {
        return Ok(None);
    }
    let Some(prep) = load(g, ex, target, plan) else {
        return Ok(None);
    };
    let quick = run(g, ex, target, plan, &prep)?;
    if matches!(quick, Quick::Stale) {
        forget(g, ex, target);
    }
    Ok(Some(quick))
}
