//! The schema of `info.toml`: every field is documented on the structs
//! below (and in the book's "Writing exercises" chapter), and unknown fields
//! are rejected.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::Mode;

/// The `format_version` this runner reads.
pub const FORMAT_VERSION: u32 = 1;

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
    /// Memory bound of the learner's code while it is graded, in MiB
    /// (default 2048, or `BACKENDLINGS_MEMORY_LIMIT_MB`).
    #[serde(default)]
    pub memory_mb: Option<Spanned<u64>>,
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
