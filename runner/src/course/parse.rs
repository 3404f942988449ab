//! Parsing `info.toml` text into an [`InfoFile`] and checking the rules
//! that need no files; every problem is an [`InfoError`] with its line and
//! column.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use super::{ExerciseInfo, FAIL_KINDS, FORMAT_VERSION, InfoFile, Mode};

/// The values `memory_mb` may take, in MiB: from 16 MiB (below it, Go's
/// runtime alone would not fit) to 64 GiB.
const MEMORY_MB: std::ops::RangeInclusive<u64> = 16..=65536;

/// A problem in `info.toml`, with its position.
#[derive(Debug)]
pub struct InfoError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for InfoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

impl std::error::Error for InfoError {}

/// Line and column (both from 1) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rfind('\n').map_or(offset, |i| offset - i - 1) + 1;
    (line, col)
}

pub(super) struct Located<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
}

impl Located<'_> {
    pub(super) fn err(&self, span: Range<usize>, message: impl Into<String>) -> InfoError {
        let (line, col) = line_col(self.text, span.start);
        InfoError {
            file: self.file.to_string(),
            line,
            col,
            message: message.into(),
        }
    }
}

/// Parses `info.toml` text without touching the disk (beyond nothing):
/// syntax, types, unknown fields and the rules that need no files.
pub fn parse_info(file: &str, text: &str) -> Result<InfoFile, InfoError> {
    let loc = Located { file, text };
    let info: InfoFile = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        loc.err(span, e.message().trim().to_string())
    })?;
    if *info.format_version.get_ref() != FORMAT_VERSION {
        return Err(loc.err(
            info.format_version.span(),
            format!(
                "format_version {} is not supported: this runner reads format_version {FORMAT_VERSION}; update backendlings or fix the file",
                info.format_version.get_ref()
            ),
        ));
    }
    let mut names = HashSet::new();
    let mut dirs = HashSet::new();
    for ex in &info.exercises {
        check_exercise(&loc, ex, &mut names, &mut dirs)?;
    }
    Ok(info)
}

/// The rules one exercise must follow on its own, and the names and dirs
/// it must not share with the exercises before it.
fn check_exercise(
    loc: &Located<'_>,
    ex: &ExerciseInfo,
    names: &mut HashSet<String>,
    dirs: &mut HashSet<String>,
) -> Result<(), InfoError> {
    check_identity(loc, ex, names, dirs)?;
    check_limits(loc, ex)?;
    check_mode(loc, ex)?;
    check_main(loc, ex)?;
    check_fails_with(loc, ex)
}

/// Name and dir: well formed and used once.
fn check_identity(
    loc: &Located<'_>,
    ex: &ExerciseInfo,
    names: &mut HashSet<String>,
    dirs: &mut HashSet<String>,
) -> Result<(), InfoError> {
    let name = ex.name.get_ref();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(loc.err(
            ex.name.span(),
            format!("exercise name {name:?} must be lowercase letters, digits and underscores"),
        ));
    }
    if !names.insert(name.clone()) {
        return Err(loc.err(
            ex.name.span(),
            format!("exercise name {name:?} is used twice"),
        ));
    }
    let dir = ex.dir.get_ref();
    if !valid_dir(dir) {
        return Err(loc.err(
            ex.dir.span(),
            format!(
                "dir {dir:?} must look like NN_module/NN_name (for example 01_basics/02_variables)"
            ),
        ));
    }
    if !dirs.insert(dir.clone()) {
        return Err(loc.err(
            ex.dir.span(),
            format!("dir {dir:?} is used by two exercises"),
        ));
    }
    Ok(())
}

/// Timeout, memory bound, count and hints.
fn check_limits(loc: &Located<'_>, ex: &ExerciseInfo) -> Result<(), InfoError> {
    if let Some(t) = &ex.timeout
        && !(1..=600).contains(t.get_ref())
    {
        return Err(loc.err(t.span(), "timeout must be between 1 and 600 seconds"));
    }
    if let Some(m) = &ex.memory_mb
        && !MEMORY_MB.contains(m.get_ref())
    {
        return Err(loc.err(
            m.span(),
            format!(
                "memory_mb must be between {} and {} (MiB)",
                MEMORY_MB.start(),
                MEMORY_MB.end()
            ),
        ));
    }
    if let Some(c) = &ex.count
        && !(1..=100).contains(c.get_ref())
    {
        return Err(loc.err(c.span(), "count must be between 1 and 100"));
    }
    if ex.hints.get_ref().iter().any(|h| h.trim().is_empty()) {
        return Err(loc.err(ex.hints.span(), "a hint is empty"));
    }
    Ok(())
}

/// The fields each mode needs, and those it refuses ([`Mode::fields`]).
fn check_mode(loc: &Located<'_>, ex: &ExerciseInfo) -> Result<(), InfoError> {
    let name = ex.name.get_ref();
    let at = ex.name.span();
    let mode = ex.mode;
    let fields = mode.fields();
    let err = |message: String| Err(loc.err(at.clone(), message));
    if fields.cases && ex.cases.is_empty() {
        return err(format!(
            "exercise {name:?} has mode = \"{mode}\" but no [[exercises.cases]]: add at least one"
        ));
    }
    if !fields.cases && !ex.cases.is_empty() {
        return err(format!(
            "exercise {name:?}: [[exercises.cases]] only applies to mode = {}",
            Mode::named_where(|f| f.cases)
        ));
    }
    if fields.bugs && ex.bugs.is_empty() {
        return err(format!(
            "exercise {name:?} has mode = \"{mode}\" but no [[exercises.bugs]]: add at least one"
        ));
    }
    if !fields.bugs && (!ex.bugs.is_empty() || !ex.require.is_empty()) {
        return err(format!(
            "exercise {name:?}: bugs and require only apply to mode = {}",
            Mode::named_where(|f| f.bugs)
        ));
    }
    if !fields.race && ex.race {
        return err(format!(
            "exercise {name:?}: race is not supported with mode = \"{mode}\""
        ));
    }
    Ok(())
}

/// `main`: only for modes that build a program, and a clean relative path.
fn check_main(loc: &Located<'_>, ex: &ExerciseInfo) -> Result<(), InfoError> {
    if let Some(main) = &ex.main {
        if !ex.mode.fields().main {
            return Err(loc.err(
                main.span(),
                format!(
                    "main only applies to mode = {}",
                    Mode::named_where(|f| f.main)
                ),
            ));
        }
        if !relative_clean(main.get_ref()) {
            return Err(loc.err(
                main.span(),
                "main must be a relative path inside the exercise, like cmd/server",
            ));
        }
    }
    Ok(())
}

/// `fails_with`: not empty, and each entry a kind, a bug or a test.
fn check_fails_with(loc: &Located<'_>, ex: &ExerciseInfo) -> Result<(), InfoError> {
    if let Some(fw) = &ex.fails_with {
        if fw.get_ref().is_empty() {
            return Err(loc.err(
                fw.span(),
                "fails_with is empty: remove it or name how the exercise fails",
            ));
        }
        for f in fw.get_ref() {
            let ok = FAIL_KINDS.contains(&f.as_str())
                || f.starts_with("Test")
                || f.starts_with("Example")
                || f.starts_with("bug:");
            if !ok {
                return Err(loc.err(
                    fw.span(),
                    format!("fails_with entry {f:?}: use one of {}, \"bug:NAME\" or a test name (TestXxx)", FAIL_KINDS.join(", ")),
                ));
            }
        }
    }
    Ok(())
}

fn valid_dir(dir: &str) -> bool {
    let parts: Vec<&str> = dir.split('/').collect();
    parts.len() == 2
        && parts.iter().all(|p| {
            let b = p.as_bytes();
            b.len() > 3
                && b[0].is_ascii_digit()
                && b[1].is_ascii_digit()
                && b[2] == b'_'
                && p[3..]
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

fn relative_clean(p: &str) -> bool {
    !p.is_empty()
        && !p.starts_with('/')
        && p.split('/').all(|s| !s.is_empty() && s != "." && s != "..")
}
