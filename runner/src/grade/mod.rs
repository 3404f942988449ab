//! Grading: turns an exercise (or its reference solution) into a [`Verdict`].
//! One submodule per mode; this file holds what they share.

pub(crate) mod cache;
pub(crate) mod gotest;
pub(crate) mod group;
pub(crate) mod learner_tests;
pub(crate) mod manifest;
pub(crate) mod quick;
pub(crate) mod run;
pub(crate) mod seal;
pub(crate) mod server;
pub(crate) mod warm;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::course::{Course, Exercise, Mode};
use crate::process::CancelToken;
use crate::verdict::Verdict;

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
        let verdict = match ex.mode {
            Mode::Test => gotest::grade(self, ex, target),
            Mode::Run => run::grade(self, ex, target),
            Mode::LearnerTests => learner_tests::grade(self, ex, target),
            Mode::Server => server::grade(self, ex, target),
        }?;
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

    /// This runner's directory for Go's temporary files; removed when the
    /// runner exits ([`remove_go_tmp`]), or by the next runner if it died.
    fn go_tmp(&self) -> Result<PathBuf> {
        let base = self.cache_dir(GO_TMP)?;
        let dir = base.join(std::process::id().to_string());
        let mut dirs = GO_TMP_DIRS.lock().unwrap_or_else(|e| e.into_inner());
        if dirs.is_empty() {
            remove_abandoned_go_tmp(&base);
        }
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        dirs.insert(dir.clone());
        Ok(dir)
    }

    /// A `go` command with the environment every grading uses.
    pub(crate) fn go(&self) -> crate::process::Cmd {
        let mut cmd = crate::process::Cmd::new("go")
            .cwd(&self.course.root)
            // Grade with the Go that is installed; never download another.
            .env("GOTOOLCHAIN", "local")
            // Only what the runner decides changes how Go builds: no GOFLAGS
            // (`-exec=…`, `-mod=vendor`, `-race` would change verdicts), and
            // no go env file, which code under test could rewrite with
            // `go env -w`. The user's network and cache settings are read
            // once and passed on by name.
            .env("GOFLAGS", "")
            .env("GOENV", "off")
            .envs(user_go_env().iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .cancel(&self.cancel)
            .stderr_lines(self.status.as_ref().map(|status| {
                let status = status.clone();
                crate::process::LineSink(std::sync::Arc::new(move |line: &str| {
                    if let Some(module) = line.strip_prefix("go: downloading ") {
                        (status.0)(&format!(
                            "Downloading Go module {module} (only the first time; the modules of the database exercises take a minute)"
                        ));
                    }
                }))
            }));
        if let Ok(tmp) = self.go_tmp() {
            // Go's work directories (left behind when a build is killed) go
            // where the runner removes them, not into the system's /tmp.
            cmd = cmd.env("GOTMPDIR", tmp);
        }
        if std::env::var_os("GORACE").is_none() {
            // A -race test binary sleeps a second at exit by default, for
            // reports from goroutines still running then; hidden tests wait
            // for their goroutines, so that second buys nothing here.
            cmd = cmd.env("GORACE", "atexit_sleep_ms=0");
        }
        cmd
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

/// Where each runner keeps Go's temporary files, under the cache.
const GO_TMP: &str = "gotmp";

static GO_TMP_DIRS: std::sync::Mutex<std::collections::BTreeSet<PathBuf>> =
    std::sync::Mutex::new(std::collections::BTreeSet::new());

/// Removes this runner's Go temporary directories (at exit).
pub(crate) fn remove_go_tmp() {
    let mine = std::mem::take(&mut *GO_TMP_DIRS.lock().unwrap_or_else(|e| e.into_inner()));
    for d in mine {
        let _ = std::fs::remove_dir_all(d);
    }
}

/// Removes the Go temporary directories of runners that died without
/// removing theirs.
fn remove_abandoned_go_tmp(base: &Path) {
    for e in std::fs::read_dir(base).into_iter().flatten().flatten() {
        let dead = e
            .file_name()
            .to_str()
            .and_then(|p| p.parse::<u32>().ok())
            .is_some_and(|p| p != std::process::id() && !crate::process::pid_alive(p));
        if dead {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// The user's own Go settings that grading keeps (module proxy, private
/// modules, checksum database, caches, C compiler), read once with the
/// user's go env file before any code under test has run, since grading
/// itself runs Go with `GOENV=off`.
fn user_go_env() -> &'static [(String, String)] {
    static ENV: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    ENV.get_or_init(|| {
        const KEEP: [&str; 12] = [
            "GOPROXY",
            "GOPRIVATE",
            "GONOPROXY",
            "GONOSUMDB",
            "GOSUMDB",
            "GOINSECURE",
            "GOCACHE",
            "GOMODCACHE",
            "GOPATH",
            "CGO_ENABLED",
            "CC",
            "CXX",
        ];
        let out = crate::process::Cmd::new("go")
            .arg("env")
            .arg("-json")
            .args(KEEP)
            .env("GOTOOLCHAIN", "local")
            .timeout(Duration::from_secs(30))
            .run();
        let Ok(out) = out else { return vec![] };
        let Ok(map) =
            serde_json::from_str::<std::collections::BTreeMap<String, String>>(&out.stdout.text())
        else {
            return vec![];
        };
        map.into_iter().filter(|(_, v)| !v.is_empty()).collect()
    })
}

/// `.go` files in a directory: (non-test files, test files), sorted names.
pub(crate) fn go_files(dir: &Path) -> Result<(Vec<String>, Vec<String>)> {
    let mut code = Vec::new();
    let mut tests = Vec::new();
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let entry = entry?;
        // Following symlinks: a test file that is a symlink is a test file
        // (and a learner's one must be left out of the build like any other).
        if !std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()) {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".go") || name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        if name.ends_with("_test.go") {
            tests.push(name);
        } else {
            code.push(name);
        }
    }
    code.sort();
    tests.sort();
    Ok((code, tests))
}

/// The kinds of top-level test function in Go test files.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct TestFuncs {
    /// `TestXxx`, `FuzzXxx` and `ExampleXxx` with an output comment: each
    /// reports its own result.
    pub tests: Vec<String>,
    pub fuzz: Vec<String>,
    pub benchmarks: Vec<String>,
}

/// Finds top-level test functions in Go source (a line scan: test functions
/// are always declared at the start of a line in gofmt'ed code).
pub(crate) fn test_funcs(source: &str) -> TestFuncs {
    let mut found = TestFuncs::default();
    let lines: Vec<&str> = source.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("func ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let after = &rest[name.len()..];
        let is = |prefix: &str| {
            name.strip_prefix(prefix)
                .is_some_and(|s| s.is_empty() || !s.starts_with(|c: char| c.is_lowercase()))
        };
        if is("Test") && name != "TestMain" && after.contains("*testing.T)") {
            found.tests.push(name);
        } else if is("Fuzz") && after.contains("*testing.F)") {
            found.fuzz.push(name.clone());
            found.tests.push(name);
        } else if is("Benchmark") && after.contains("*testing.B)") {
            found.benchmarks.push(name);
        } else if is("Example") && after.starts_with("()") {
            let has_output = lines[i + 1..]
                .iter()
                .take_while(|l| !l.starts_with("func "))
                .any(|l| {
                    let t = l.trim_start();
                    t.starts_with("// Output:") || t.starts_with("// Unordered output:")
                });
            if has_output {
                found.tests.push(name);
            }
        }
    }
    found
}

/// Test functions declared in the given files of a directory.
pub(crate) fn test_funcs_in(dir: &Path, files: &[String]) -> Result<TestFuncs> {
    let mut all = TestFuncs::default();
    for f in files {
        let path = dir.join(f);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let found = test_funcs(&text);
        all.tests.extend(found.tests);
        all.fuzz.extend(found.fuzz);
        all.benchmarks.extend(found.benchmarks);
    }
    Ok(all)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_test_functions() {
        let src = "package x\n\nimport \"testing\"\n\n\
            func TestMain(m *testing.M) {}\n\
            func TestSum(t *testing.T) {}\n\
            func Testify(t *testing.T) {}\n\
            func TestSum_negative(t *testing.T) {}\n\
            func helper(t *testing.T) {}\n\
            func FuzzSum(f *testing.F) {}\n\
            func BenchmarkSum(b *testing.B) {}\n\
            func ExampleSum() {\n\tfmt.Println(1)\n\t// Output: 1\n}\n\
            func ExampleNoOutput() {\n}\n";
        let f = test_funcs(src);
        assert_eq!(
            f.tests,
            vec!["TestSum", "TestSum_negative", "FuzzSum", "ExampleSum"]
        );
        assert_eq!(f.fuzz, vec!["FuzzSum"]);
        assert_eq!(f.benchmarks, vec!["BenchmarkSum"]);
    }
}

/// The race detector needs cgo, and cgo a C compiler: when Go says one of
/// them is missing, the sentence that says what to install (the learner's
/// code is not at fault, so this is not a compile error of theirs).
pub(crate) fn missing_c_compiler(go_output: &str) -> Option<String> {
    let missing = go_output.contains("-race requires cgo")
        || (go_output.contains("C compiler") && go_output.contains("not found"));
    missing.then(|| {
        let install = if cfg!(target_os = "macos") {
            "the Xcode command-line tools (`xcode-select --install`)"
        } else if cfg!(windows) {
            "MinGW-w64 gcc (for example `winget install BrechtSanders.WinLibs.POSIX.UCRT`) and open a new terminal"
        } else {
            "gcc (for example `sudo apt install gcc`, or `sudo dnf install gcc`)"
        };
        format!(
            "this exercise runs under Go's race detector, which needs a C compiler and CGO_ENABLED=1: install {install}, then check it again"
        )
    })
}

#[cfg(test)]
mod c_compiler_tests {
    use super::missing_c_compiler;

    #[test]
    fn missing_compiler_or_cgo_is_one_sentence_saying_what_to_install() {
        for go_said in [
            "go: -race requires cgo; enable cgo by setting CGO_ENABLED=1",
            "# runtime/cgo\ncgo: C compiler \"gcc\" not found: exec: \"gcc\": executable file not found in $PATH",
        ] {
            let why = missing_c_compiler(go_said).expect(go_said);
            assert!(why.contains("needs a C compiler"), "{why}");
            assert!(why.contains("install"), "{why}");
        }
        assert_eq!(missing_c_compiler("x.go:3:1: undefined: y"), None);
    }
}
