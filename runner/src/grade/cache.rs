//! Remembered verdicts: when nothing an exercise's grading depends on has
//! changed since it was last graded (its files, its hidden tests and probes,
//! its entry in info.toml, go.mod, the Go version and the runner itself),
//! `verify` reuses that verdict instead of grading again, so a second
//! `verify` of an untouched course takes seconds. Go caches test results the
//! same way; this covers what Go cannot cache, such as servers and programs.
//! Verdicts that can depend on the machine's load or on luck (timeouts,
//! crashes, a server that did not start) are always graded afresh.

use std::path::Path;

use super::{Grader, Target};
use crate::course::Exercise;
use crate::verdict::Verdict;

/// The key of an exercise's inputs, or `None` when they cannot be read.
pub(crate) fn key(g: &Grader, ex: &Exercise, target: Target) -> Option<String> {
    let root = &g.course.root;
    let mut text = String::new();
    text.push_str(env!("CARGO_PKG_VERSION"));
    text.push_str(runner_hash());
    text.push_str(&format!("{ex:?}{target:?}"));
    text.push_str(&crate::gomod::check_toolchain(&g.course.go_version).ok()?);
    for f in ["go.mod", "go.sum"] {
        text.push_str(&std::fs::read_to_string(root.join(f)).unwrap_or_default());
    }
    for dir in [g.package_dir(ex, target), ex.solution_rel()] {
        let base = root.join(&dir);
        for rel in crate::fsutil::files_under(&base).ok()? {
            text.push_str(&format!("\0{dir}/{}\0", rel.display()));
            text.push_str(&String::from_utf8_lossy(
                &std::fs::read(base.join(&rel)).ok()?,
            ));
        }
    }
    Some(crate::fsutil::hash(text.as_bytes()))
}

/// Which build of the runner this is (its executable's size and time): a
/// rebuilt runner may grade differently, so it never reuses an older one's
/// verdicts. (Not a hash of its bytes: a debug build is large, and this is
/// read before every `verify`.)
fn runner_hash() -> &'static str {
    static BUILD: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BUILD.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| {
                let time = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}:{time}", m.len())
            })
            .unwrap_or_default()
    })
}

fn file(g: &Grader, ex: &Exercise) -> Option<std::path::PathBuf> {
    Some(
        g.cache_dir("verdicts")
            .ok()?
            .join(format!("{}.json", ex.name)),
    )
}

/// A remembered verdict for these inputs.
pub(crate) fn load(g: &Grader, ex: &Exercise, key: &str) -> Option<Verdict> {
    let text = std::fs::read_to_string(file(g, ex)?).ok()?;
    let mut doc: serde_json::Value = serde_json::from_str(&text).ok()?;
    if doc.get("key")?.as_str()? != key {
        return None;
    }
    serde_json::from_value(doc.get_mut("verdict")?.take()).ok()
}

/// Remembers a verdict that depends only on the inputs (and forgets the
/// last one otherwise).
pub(crate) fn store(g: &Grader, ex: &Exercise, key: &str, verdict: &Verdict) {
    let Some(path) = file(g, ex) else { return };
    let lasting = !matches!(
        verdict,
        Verdict::TimedOut { .. } | Verdict::Crashed { .. } | Verdict::ServerDidNotStart { .. }
    );
    if lasting {
        let doc = serde_json::json!({ "key": key, "verdict": verdict });
        let _ = crate::fsutil::write_atomic(&path, doc.to_string().as_bytes());
    } else {
        let _ = std::fs::remove_file(Path::new(&path));
    }
}
