//! The course: `info.toml` parsed into typed, validated exercises.
//!
//! Every field of `info.toml` is documented on the structs below (and in the
//! book's "Writing exercises" chapter). Unknown fields are rejected, and every
//! problem is reported as `info.toml:LINE:COL: what is wrong`.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;
use toml::Spanned;

/// The `format_version` this runner reads.
pub const FORMAT_VERSION: u32 = 1;
/// Grading time limit when an exercise does not set one.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// `info.toml` as written.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct InfoFile {
    /// Version of this format; must be [`FORMAT_VERSION`].
    pub format_version: Spanned<u32>,
    /// Shown the first time the course starts.
    #[serde(default)]
    pub welcome_message: String,
    /// Shown when every exercise has passed.
    #[serde(default)]
    pub final_message: String,
    /// Where the book is published (for example a GitHub Pages address).
    /// Exercise links are shown against it as well as against the local build.
    #[serde(default)]
    pub book_url: Option<String>,
    /// Optional display titles of the modules, by module directory.
    #[serde(default)]
    pub modules: Vec<ModuleInfo>,
    /// The exercises, in the order a learner meets them.
    #[serde(default)]
    pub exercises: Vec<ExerciseInfo>,
}

/// `[[modules]]`: the title of a module directory.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct ModuleInfo {
    /// Module directory, for example `01_basics`.
    pub dir: Spanned<String>,
    /// Title shown to the learner, for example `Basics`.
    pub title: String,
}

/// How an exercise is graded.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Hidden tests run with `go test -json`.
    Test,
    /// The program is built and run; its output is compared.
    Run,
    /// The program is started as a server and probed over HTTP.
    Server,
    /// The learner writes the tests; they must pass on the reference
    /// implementation and catch every hidden buggy one.
    LearnerTests,
}

impl fmt::Display for Mode {
    /// The name info.toml and `dev new --mode` use (`learner-tests`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use clap::ValueEnum;
        match self.to_possible_value() {
            Some(v) => f.write_str(v.get_name()),
            None => Ok(()),
        }
    }
}

/// `[[exercises]]`: one exercise.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct ExerciseInfo {
    /// Unique name, used on the command line (`run NAME`).
    pub name: Spanned<String>,
    /// Directory under `exercises/` and `solutions/`, as `NN_module/NN_name`.
    pub dir: Spanned<String>,
    /// How the exercise is graded.
    pub mode: Mode,
    /// Run the tests with the race detector (`-race`).
    #[serde(default)]
    pub race: bool,
    /// Also run `go vet` on the learner's package, and fail on its findings.
    #[serde(default)]
    pub vet: bool,
    /// Run every hidden test this many times (`-count`), for checks that
    /// depend on scheduling.
    #[serde(default)]
    pub count: Option<Spanned<u32>>,
    /// Time limit for grading, in seconds (default 10).
    #[serde(default)]
    pub timeout: Option<Spanned<u64>>,
    /// Hints, from a nudge to nearly the answer.
    #[serde(default = "empty_spanned")]
    pub hints: Spanned<Vec<String>>,
    /// Book section: a chapter file under `book/src/` and an anchor, as
    /// `01_basics.md#constants`.
    #[serde(default = "empty_spanned")]
    pub book: Spanned<String>,
    /// For `dev check`: how the shipped exercise must fail. Kinds (any one
    /// may match): `compile`, `tests`, `crash`, `timeout`, `output` (run
    /// mode), `probe` and `no-start` (server mode), `missed` (learner-tests).
    /// Names of hidden tests (`TestXxx`) must all be among the failures;
    /// `bug:NAME` must be among the missed bugs.
    #[serde(default)]
    pub fails_with: Option<Spanned<Vec<String>>>,
    /// Run and server modes: the `main` package, relative to the exercise
    /// directory (default: the exercise directory itself).
    #[serde(default)]
    pub main: Option<Spanned<String>>,
    /// Run mode: the cases the program is run with.
    #[serde(default)]
    pub cases: Vec<RunCase>,
    /// Learner-tests mode: the hidden buggy implementations.
    #[serde(default)]
    pub bugs: Vec<Bug>,
    /// Learner-tests mode: kinds of test the learner must write
    /// (`"fuzz"`, `"benchmark"`).
    #[serde(default)]
    pub require: Vec<Require>,
}

fn empty_spanned<T: Default>() -> Spanned<T> {
    Spanned::new(0..0, T::default())
}

/// `[[exercises.cases]]`: one run of a `run` mode program.
#[derive(Deserialize, Debug, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct RunCase {
    /// Short label shown when the case fails (default: the arguments).
    #[serde(default)]
    pub name: Option<String>,
    /// Command-line arguments.
    #[serde(default)]
    pub args: Vec<String>,
    /// Text fed to standard input (none: stdin is empty).
    #[serde(default)]
    pub stdin: Option<String>,
    /// Extra environment variables.
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// Exact expected standard output. Unset: not compared.
    #[serde(default)]
    pub stdout: Option<String>,
    /// Text standard output must contain.
    #[serde(default)]
    pub stdout_contains: Vec<String>,
    /// What standard error must be: `any` (default), `empty` or `nonempty`.
    #[serde(default)]
    pub stderr: StderrRule,
    /// Text standard error must contain.
    #[serde(default)]
    pub stderr_contains: Vec<String>,
    /// Expected exit code (default 0).
    #[serde(default)]
    pub exit_code: i32,
}

#[derive(Deserialize, Debug, Clone, Copy, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum StderrRule {
    #[default]
    Any,
    Empty,
    Nonempty,
}

/// `[[exercises.bugs]]`: a buggy implementation the learner's tests must catch.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Bug {
    /// Directory under `solutions/<dir>/bugs/` holding the buggy files.
    pub name: String,
    /// What is wrong, in words shown to the learner (never the code).
    pub description: String,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Require {
    Fuzz,
    Benchmark,
    /// Subtests: the tests run their cases with `t.Run`.
    Subtests,
}

/// The kinds of failure `fails_with` can name, besides test names.
pub const FAIL_KINDS: &[&str] = &[
    "compile", "tests", "crash", "timeout", "output", "probe", "no-start", "missed",
];

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

struct Located<'a> {
    file: &'a str,
    text: &'a str,
}

impl Located<'_> {
    fn err(&self, span: Range<usize>, message: impl Into<String>) -> InfoError {
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
                format!("dir {dir:?} must look like NN_module/NN_name (for example 01_basics/02_variables)"),
            ));
        }
        if !dirs.insert(dir.clone()) {
            return Err(loc.err(
                ex.dir.span(),
                format!("dir {dir:?} is used by two exercises"),
            ));
        }
        if let Some(t) = &ex.timeout
            && !(1..=600).contains(t.get_ref())
        {
            return Err(loc.err(t.span(), "timeout must be between 1 and 600 seconds"));
        }
        if let Some(c) = &ex.count
            && !(1..=100).contains(c.get_ref())
        {
            return Err(loc.err(c.span(), "count must be between 1 and 100"));
        }
        if ex.hints.get_ref().iter().any(|h| h.trim().is_empty()) {
            return Err(loc.err(ex.hints.span(), "a hint is empty"));
        }
        let at = ex.name.span();
        match ex.mode {
            Mode::Run if ex.cases.is_empty() => {
                return Err(loc.err(
                    at,
                    format!("exercise {name:?} has mode = \"run\" but no [[exercises.cases]]: add at least one"),
                ));
            }
            Mode::Run => {}
            _ if !ex.cases.is_empty() => {
                return Err(loc.err(
                    at,
                    format!(
                        "exercise {name:?}: [[exercises.cases]] only applies to mode = \"run\""
                    ),
                ));
            }
            _ => {}
        }
        match ex.mode {
            Mode::LearnerTests => {
                if ex.bugs.is_empty() {
                    return Err(loc.err(
                        at,
                        format!("exercise {name:?} has mode = \"learner-tests\" but no [[exercises.bugs]]: add at least one"),
                    ));
                }
                if ex.race {
                    return Err(loc.err(
                        at,
                        format!(
                            "exercise {name:?}: race is not supported with mode = \"learner-tests\""
                        ),
                    ));
                }
            }
            _ if !ex.bugs.is_empty() || !ex.require.is_empty() => {
                return Err(loc.err(
                    at,
                    format!(
                        "exercise {name:?}: bugs and require only apply to mode = \"learner-tests\""
                    ),
                ));
            }
            _ => {}
        }
        if let Some(main) = &ex.main {
            if !matches!(ex.mode, Mode::Run | Mode::Server) {
                return Err(loc.err(
                    main.span(),
                    "main only applies to mode = \"run\" or \"server\"",
                ));
            }
            if !relative_clean(main.get_ref()) {
                return Err(loc.err(
                    main.span(),
                    "main must be a relative path inside the exercise, like cmd/server",
                ));
            }
        }
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
    }
    Ok(info)
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
            exercises.push(Exercise {
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
                hints: ex.hints.into_inner(),
                book: ex.book.into_inner(),
                fails_with: ex.fails_with.map(Spanned::into_inner),
                main: ex.main.map(Spanned::into_inner),
                cases: ex.cases,
                bugs: ex.bugs,
                require: ex.require,
            });
        }

        // Every exercise directory on disk must be named in info.toml.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mode_prints_as_info_toml_names_it() {
        use clap::ValueEnum;
        for mode in Mode::value_variants() {
            assert_eq!(serde_json::to_string(mode).unwrap(), format!("\"{mode}\""));
        }
    }

    const GOOD: &str = r#"
format_version = 1
welcome_message = "hi"

[[exercises]]
name = "hello"
dir = "00_intro/01_hello"
mode = "run"
hints = ["a", "b"]
book = "00_intro.md#hello"

[[exercises.cases]]
stdout = "Hello\n"

[[exercises]]
name = "sum"
dir = "01_basics/01_sum"
mode = "test"
race = true
timeout = 5
hints = ["a", "b"]
book = "01_basics.md#sum"
"#;

    fn err(text: &str) -> String {
        parse_info("info.toml", text).unwrap_err().to_string()
    }

    #[test]
    fn parses_a_good_file() {
        let info = parse_info("info.toml", GOOD).unwrap();
        assert_eq!(info.exercises.len(), 2);
        assert_eq!(info.exercises[0].mode, Mode::Run);
        assert_eq!(
            info.exercises[1].timeout.as_ref().map(|t| *t.get_ref()),
            Some(5)
        );
    }

    #[test]
    fn unknown_field_is_reported_with_line_and_column() {
        let text = GOOD.replace("race = true", "racy = true");
        let e = err(&text);
        assert!(e.starts_with("info.toml:19:1: unknown field `racy`"), "{e}");
    }

    #[test]
    fn wrong_type_is_reported_with_position() {
        let e = err(&GOOD.replace("timeout = 5", "timeout = \"5\""));
        assert!(e.starts_with("info.toml:20:11:"), "{e}");
        assert!(e.contains("invalid type"), "{e}");
    }

    #[test]
    fn syntax_error_is_reported_with_position() {
        let e = err("format_version = 1\n[[exercises]\n");
        assert!(e.starts_with("info.toml:2:"), "{e}");
    }

    #[test]
    fn duplicate_names_are_rejected() {
        let e = err(&GOOD.replace("name = \"sum\"", "name = \"hello\""));
        assert!(e.contains("used twice"), "{e}");
        assert!(e.starts_with("info.toml:16:8:"), "{e}");
    }

    #[test]
    fn bad_dir_and_version_are_rejected() {
        assert!(err(&GOOD.replace("01_basics/01_sum", "basics/sum")).contains("NN_module/NN_name"));
        assert!(
            err(&GOOD.replace("format_version = 1", "format_version = 9"))
                .contains("format_version 9")
        );
    }

    #[test]
    fn run_mode_needs_cases_and_test_mode_refuses_them() {
        let no_cases = GOOD.replace("[[exercises.cases]]\nstdout = \"Hello\\n\"\n", "");
        assert!(err(&no_cases).contains("no [[exercises.cases]]"));
        let e = err(&format!("{GOOD}\n[[exercises.cases]]\nstdout = \"x\"\n"));
        assert!(e.contains("only applies to mode = \"run\""), "{e}");
    }

    #[test]
    fn fails_with_is_checked() {
        let e = err(&GOOD.replace("race = true", "fails_with = [\"sometimes\"]"));
        assert!(e.contains("fails_with entry \"sometimes\""), "{e}");
        parse_info(
            "info.toml",
            &GOOD.replace("race = true", "fails_with = [\"TestSum\"]"),
        )
        .unwrap();
    }

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
    }

    #[test]
    fn module_titles_fall_back_to_the_directory() {
        let c = Course {
            root: PathBuf::new(),
            welcome_message: String::new(),
            final_message: String::new(),
            book_url: None,
            module_titles: BTreeMap::new(),
            exercises: vec![],
            go_version: "1.25".into(),
            go_module: "x".into(),
        };
        assert_eq!(c.module_title("15_json_apis"), "Json apis");
    }
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
