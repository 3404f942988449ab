//! The manifest of the hidden files: `solutions/MANIFEST` lists a hash of
//! every file under `solutions/`, written by `dev manifest` and checked in.
//! Before an exercise is graded, its hidden files are compared with it, so
//! that a hidden test emptied by code under test (or saved by mistake from
//! an editor) stops grading with one sentence instead of giving a pass.
//! A course without a manifest is graded as it is; `dev check` asks for one.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};

use crate::course::{Course, Exercise};

/// The manifest, relative to the course root.
pub(crate) const FILE: &str = "solutions/MANIFEST";

const HEADER: &str = "# Hashes (BLAKE3) of the files under solutions/, checked before grading.\n\
                      # Written by `backendlings dev manifest`; do not edit by hand.\n";

/// Path (relative to the course root, with `/`) → hash.
pub(crate) type Entries = BTreeMap<String, String>;

/// What the files under `solutions/` hash to now.
pub(crate) fn current(root: &Path) -> Result<Entries> {
    let mut out = Entries::new();
    for rel in crate::fsutil::files_under(&root.join("solutions"))? {
        let path = format!("solutions/{}", rel.to_string_lossy().replace('\\', "/"));
        if path == FILE {
            continue;
        }
        let bytes =
            std::fs::read(root.join(&path)).with_context(|| format!("cannot read {path}"))?;
        out.insert(path, crate::fsutil::hash(&bytes));
    }
    Ok(out)
}

pub(crate) fn render(entries: &Entries) -> String {
    let mut text = HEADER.to_string();
    for (path, hash) in entries {
        text.push_str(&format!("{hash}  {path}\n"));
    }
    text
}

/// The checked-in manifest, or `None` when the course has none.
pub(crate) fn load(root: &Path) -> Result<Option<Entries>> {
    let text = match std::fs::read_to_string(root.join(FILE)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {FILE}")),
    };
    let mut out = Entries::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((hash, path)) = line.split_once("  ") else {
            anyhow::bail!(
                "{FILE} line {} is not `HASH  PATH`: restore the file with git, or write it again with `backendlings dev manifest`",
                n + 1
            );
        };
        out.insert(path.to_string(), hash.to_string());
    }
    Ok(Some(out))
}

/// Paths whose content differs between `want` and `have`, with what
/// happened to each: changed, added or missing.
pub(crate) fn differences<'a>(
    want: &'a Entries,
    have: &'a Entries,
    within: impl Fn(&str) -> bool,
) -> Vec<(&'a str, &'static str)> {
    let mut out = Vec::new();
    for (path, hash) in want.iter().filter(|(p, _)| within(p)) {
        match have.get(path) {
            None => out.push((path.as_str(), "is missing")),
            Some(h) if h != hash => out.push((path.as_str(), "was changed")),
            _ => {}
        }
    }
    for path in have.keys().filter(|p| within(p) && !want.contains_key(*p)) {
        out.push((path.as_str(), "was added"));
    }
    out.sort();
    out
}

/// Stops grading when the hidden files of `ex` (its solution directory,
/// without the instructors' `wrong/` and `alt/` variants) are not the ones
/// the manifest lists.
pub(crate) fn verify(course: &Course, ex: &Exercise) -> Result<()> {
    let root = &course.root;
    let Some(want) = load(root)? else {
        return Ok(());
    };
    let prefix = format!("{}/", ex.solution_rel());
    let mut have = Entries::new();
    for rel in crate::fsutil::files_under(&root.join(ex.solution_rel()))? {
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel.starts_with("wrong/") || rel.starts_with("alt/") {
            continue;
        }
        let path = format!("{prefix}{rel}");
        let bytes =
            std::fs::read(root.join(&path)).with_context(|| format!("cannot read {path}"))?;
        have.insert(path, crate::fsutil::hash(&bytes));
    }
    let within = |p: &str| {
        p.strip_prefix(&prefix)
            .is_some_and(|rel| !rel.starts_with("wrong/") && !rel.starts_with("alt/"))
    };
    if let Some((path, what)) = differences(&want, &have, within).first() {
        let fix = if *what == "was added" {
            format!("remove it (`git clean -f {path}`)")
        } else {
            format!("restore it with `git checkout -- {path}`")
        };
        anyhow::bail!(
            "{path} {what}: the course's hidden files must stay as shipped for grading to mean anything; {fix}"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_name_changed_added_and_missing_files() {
        let want: Entries = [("solutions/a/x_test.go", "1"), ("solutions/a/y.go", "2")]
            .into_iter()
            .map(|(p, h)| (p.to_string(), h.to_string()))
            .collect();
        let have: Entries = [
            ("solutions/a/x_test.go", "9"),
            ("solutions/a/z_test.go", "3"),
        ]
        .into_iter()
        .map(|(p, h)| (p.to_string(), h.to_string()))
        .collect();
        assert_eq!(
            differences(&want, &have, |_| true),
            [
                ("solutions/a/x_test.go", "was changed"),
                ("solutions/a/y.go", "is missing"),
                ("solutions/a/z_test.go", "was added"),
            ]
        );
        let round = render(&want);
        assert!(round.starts_with('#'));
    }
}
