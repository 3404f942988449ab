//! Remembered passes: when nothing an exercise's grading depends on has
//! changed since it last passed (its files, its hidden tests and probes, its
//! entry in info.toml, go.mod, the Go and runner versions), `verify` reuses
//! that pass instead of grading again. Go caches test results the same way;
//! this covers what Go cannot cache, such as servers and programs. Only
//! passes are kept: a failure is always graded afresh.

use std::path::Path;

use super::{Grader, Target};
use crate::course::Exercise;
use crate::verdict::Verdict;

/// The key of an exercise's inputs, or `None` when they cannot be read.
pub(crate) fn key(g: &Grader, ex: &Exercise, target: Target) -> Option<String> {
    let root = &g.course.root;
    let mut text = String::new();
    text.push_str(env!("CARGO_PKG_VERSION"));
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

fn file(g: &Grader, ex: &Exercise) -> Option<std::path::PathBuf> {
    Some(
        g.cache_dir("verdicts")
            .ok()?
            .join(format!("{}.json", ex.name)),
    )
}

/// A remembered pass for these inputs.
pub(crate) fn load(g: &Grader, ex: &Exercise, key: &str) -> Option<Verdict> {
    let text = std::fs::read_to_string(file(g, ex)?).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    if v.get("key")?.as_str()? != key {
        return None;
    }
    Some(Verdict::Passed {
        summary: v.get("summary")?.as_str()?.to_string(),
    })
}

/// Remembers a pass (and forgets the last one when the verdict is not one).
pub(crate) fn store(g: &Grader, ex: &Exercise, key: &str, verdict: &Verdict) {
    let Some(path) = file(g, ex) else { return };
    match verdict {
        Verdict::Passed { summary } => {
            let doc = serde_json::json!({ "key": key, "summary": summary });
            let _ = crate::fsutil::write_atomic(&path, doc.to_string().as_bytes());
        }
        _ => {
            let _ = std::fs::remove_file(Path::new(&path));
        }
    }
}
