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
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use super::gotest::{self, Plan};
use super::{BUILD_TIMEOUT, Grader, Target, test_funcs};
use crate::course::{Exercise, Mode};
use crate::process::{Cmd, Ended};
use crate::verdict::Verdict;

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

/// One package as `go list -json` describes it (only the fields used).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
struct Listed {
    import_path: String,
    export: String,
    #[serde(rename = "DefaultGODEBUG")]
    default_godebug: String,
    go_files: Vec<String>,
    test_go_files: Vec<String>,
    x_test_go_files: Vec<String>,
    cgo_files: Vec<String>,
    c_files: Vec<String>,
    cxx_files: Vec<String>,
    s_files: Vec<String>,
    syso_files: Vec<String>,
    swig_files: Vec<String>,
    embed_files: Vec<String>,
    test_embed_files: Vec<String>,
    imports: Vec<String>,
    test_imports: Vec<String>,
}

/// Records what the quick path needs for an exercise, when it can be used:
/// `go list` of the test binary's dependencies, with their compiled
/// archives. Returns whether a record was made. Cheap once the build
/// cache is warm (the `go test` just before warmed it).
pub(crate) fn prepare(g: &Grader, ex: &Exercise, target: Target) -> Result<bool> {
    if !eligible(g, ex, target) {
        return Ok(false);
    }
    let plan = gotest::plan(g, ex, target)?;
    if load(g, ex, target, &plan).is_some() {
        return Ok(true);
    }
    remove_abandoned_scratch(g);
    // Hidden tests the generated test main below cannot run as go test
    // would: TestMain, and examples (their output is checked by go test).
    let root = &g.course.root;
    let hidden_dir = root.join(ex.solution_rel());
    for f in super::go_files(&hidden_dir)?.1 {
        let source = std::fs::read_to_string(hidden_dir.join(&f))?;
        if source.contains("func TestMain(")
            || test_funcs(&source)
                .tests
                .iter()
                .any(|t| t.starts_with("Example"))
        {
            return Ok(false);
        }
    }

    let env = g
        .go()
        .args(["env", "GOTOOLDIR", "GOVERSION", "GOROOT"])
        .timeout(Duration::from_secs(60))
        .run()?;
    if !env.success() {
        return Ok(false);
    }
    let env = env.stdout.text();
    let mut env = env.lines();
    let (Some(tool_dir), Some(goversion), Some(goroot)) = (env.next(), env.next(), env.next())
    else {
        return Ok(false);
    };
    let tool_dir = PathBuf::from(tool_dir);
    let test2json = test2json(g, goversion)?;

    let cmd = g.go().args([
        "list",
        "-test",
        "-deps",
        "-export",
        "-json=ImportPath,Export,DefaultGODEBUG,GoFiles,TestGoFiles,XTestGoFiles,CgoFiles,CFiles,CXXFiles,SFiles,SysoFiles,SwigFiles,EmbedFiles,TestEmbedFiles,Imports,TestImports",
    ]);
    let cmd = gotest::with_overlay(g, ex, target, &plan, "", cmd)?;
    // The exit code says whether the exercise compiles, which does not
    // matter here: the dependencies' archives are listed either way.
    let out = cmd
        .arg(format!("./{}", plan.dir))
        .timeout(BUILD_TIMEOUT)
        .cap(64 << 20)
        .run()?;
    out.cancelled()?;
    if !matches!(out.ended, Ended::Exited(_)) || out.stdout.dropped > 0 {
        return Ok(false);
    }
    let text = out.stdout.text();
    let ours = plan.import_path.as_str();
    let test_variant = format!("{ours} [{ours}.test]");
    let test_main = format!("{ours}.test");
    let local = format!("{}/", g.course.go_module);
    let mut importcfg = String::new();
    let mut godebug = String::new();
    let mut own: Option<Listed> = None;
    for listed in serde_json::Deserializer::from_str(&text).into_iter::<Listed>() {
        let listed = listed.context("cannot read the output of go list")?;
        let ip = listed.import_path.as_str();
        if ip == ours {
            own = Some(listed);
        } else if ip == test_main {
            godebug = listed.default_godebug;
        } else if ip == test_variant || ip == "unsafe" {
            // unsafe is the compiler's own; it has no archive.
            continue;
        } else if ip.contains(" [") || ip.starts_with(&local) || listed.export.is_empty() {
            // A dependency rebuilt for the test, a package of the course
            // the learner may edit, or one that did not build.
            return Ok(false);
        } else {
            importcfg.push_str(&format!("packagefile {ip}={}\n", listed.export));
        }
    }
    let Some(own) = own else { return Ok(false) };
    let plain = own.x_test_go_files.is_empty()
        && own.cgo_files.is_empty()
        && own.c_files.is_empty()
        && own.cxx_files.is_empty()
        && own.s_files.is_empty()
        && own.syso_files.is_empty()
        && own.swig_files.is_empty()
        && own.embed_files.is_empty()
        && own.test_embed_files.is_empty()
        // The test binary linked here carries no module information, so
        // debug.ReadBuildInfo would answer otherwise than under go test.
        && !own
            .imports
            .iter()
            .chain(&own.test_imports)
            .any(|i| i == "runtime/debug")
        && !own.test_go_files.is_empty()
        && !importcfg.is_empty();
    if !plain {
        return Ok(false);
    }
    let prepared = Prepared {
        format: FORMAT,
        key: key(g, &plan, &tool_dir)?,
        importcfg,
        godebug,
        go_files: own.go_files,
        test_files: own.test_go_files,
        goversion: goversion.to_string(),
        goroot: goroot.to_string(),
        tool_dir,
        test2json,
    };
    let json = serde_json::to_vec(&prepared).expect("the record serializes");
    crate::fsutil::write_atomic(&record_path(g, ex, target)?, &json)?;
    Ok(true)
}

/// Go's test2json (not shipped as a binary with Go any more), built into the
/// runner's cache once per Go version and process. The learner's code runs
/// as the same user and could replace the file with one that forges a pass,
/// so every use checks it against the hash this process recorded when it
/// built it, and builds it again when it differs.
fn test2json(g: &Grader, goversion: &str) -> Result<PathBuf> {
    static BUILT: Mutex<Vec<(PathBuf, String)>> = Mutex::new(Vec::new());
    let path = g.cache_dir("quick")?.join(format!(
        "test2json-{goversion}{}",
        std::env::consts::EXE_SUFFIX
    ));
    let current = || std::fs::read(&path).ok().map(|b| crate::fsutil::hash(&b));
    {
        let built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, want)) = built.iter().find(|(p, _)| *p == path)
            && current().as_ref() == Some(want)
        {
            return Ok(path);
        }
    }
    // A fresh name, then a rename: a running copy is never written over.
    static N: AtomicU32 = AtomicU32::new(0);
    let fresh = path.with_extension(format!(
        "tmp-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let out = g
        .go()
        .args(["build", "-o"])
        .arg(&fresh)
        .arg("cmd/test2json")
        .timeout(BUILD_TIMEOUT)
        .run()?;
    if !out.success() {
        let _ = std::fs::remove_file(&fresh);
        bail!("cannot build test2json: {}", out.stderr.text().trim());
    }
    std::fs::rename(&fresh, &path)?;
    let hash = current().ok_or_else(|| anyhow::anyhow!("cannot read {}", path.display()))?;
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    built.retain(|(p, _)| *p != path);
    built.push((path.clone(), hash));
    Ok(path)
}

/// A directory for one grading's files, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(g: &Grader, ex: &Exercise, target: Target) -> Result<Scratch> {
        static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            g.cache_dir("quick")?
                .join(format!("{}.{}.{n}", g.tag(ex, target), std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Scratch(dir))
    }
}

/// Removes scratch directories left by runners that were killed before
/// they could clean up (their process is gone).
fn remove_abandoned_scratch(g: &Grader) {
    let Ok(dir) = g.cache_dir("quick") else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let mut parts = name.rsplit('.');
        let (Some(_), Some(pid)) = (parts.next(), parts.next()) else {
            continue;
        };
        let alive = pid.parse::<u32>().is_ok_and(crate::process::pid_alive);
        if e.path().is_dir() && !alive {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The test main `go test` generates for a package with in-package tests.
///
/// With `lean`, the test dependencies are the few the run uses instead of
/// `testing/internal/testdeps`, which links in profiling, fuzzing and
/// regular expressions: a third less to link, and the same run, since the
/// runner never passes `-test.run`, profiles or coverage. Only for
/// packages without fuzz targets (their seed corpus needs the real thing).
fn test_main(
    import_path: &str,
    module: &str,
    tests: &[String],
    funcs: &super::TestFuncs,
    lean: bool,
) -> String {
    let entries = |names: &mut dyn Iterator<Item = &String>| -> String {
        names
            .map(|n| format!("\t{{{n:?}, _test.{n}}},\n"))
            .collect()
    };
    let plain_tests = entries(&mut tests.iter().filter(|t| !funcs.fuzz.contains(t)));
    let fuzz = entries(&mut funcs.fuzz.iter());
    let benchmarks = entries(&mut funcs.benchmarks.iter());
    let (imports, deps, init) = if lean {
        (
            "\t\"internal/testlog\"\n\t\"io\"\n\t\"os\"\n\t\"reflect\"\n\t\"testing\"\n\t\"time\"\n".to_string(),
            "leanDeps{}".to_string(),
            LEAN_DEPS
                .replace("{import_path}", &format!("{import_path:?}"))
                .replace("{module}", &format!("{module:?}")),
        )
    } else {
        (
            "\t\"os\"\n\t\"testing\"\n\t\"testing/internal/testdeps\"\n".to_string(),
            "testdeps.TestDeps{}".to_string(),
            format!(
                "func init() {{\n\
                 \ttestdeps.ModulePath = {module:?}\n\
                 \ttestdeps.ImportPath = {import_path:?}\n\
                 }}\n"
            ),
        )
    };
    format!(
        "// Code generated by backendlings. DO NOT EDIT.\n\n\
         package main\n\n\
         import (\n\
         {imports}\n\
         \t_test {import_path:?}\n\
         )\n\n\
         var tests = []testing.InternalTest{{\n{plain_tests}}}\n\n\
         var benchmarks = []testing.InternalBenchmark{{\n{benchmarks}}}\n\n\
         var fuzzTargets = []testing.InternalFuzzTarget{{\n{fuzz}}}\n\n\
         var examples = []testing.InternalExample{{}}\n\n\
         {init}\n\
         func main() {{\n\
         \tm := testing.MainStart({deps}, tests, benchmarks, fuzzTargets, examples)\n\
         \tcode := m.Run()\n\
         \t{seal}\n\
         \tos.Exit(code)\n\
         }}\n",
        seal = super::seal::write_statement(import_path),
    )
}

/// How often the compiler refused a lean test main (tests only).
#[cfg(test)]
static LEAN_REFUSED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The test dependencies of a lean test main: what `testing` calls when
/// tests run without profiles, coverage, fuzzing or `-test.run`.
/// `SetPanicOnExit0` is what makes `os.Exit(0)` inside a test a failure.
const LEAN_DEPS: &str = r#"type corpusEntry = struct {
	Parent     string
	Path       string
	Data       []byte
	Values     []any
	Generation int
	IsSeed     bool
}

var errLean = io.ErrUnexpectedEOF

type leanDeps struct{}

func (leanDeps) ImportPath() string                        { return {import_path} }
func (leanDeps) ModulePath() string                        { return {module} }
func (leanDeps) MatchString(pat, str string) (bool, error) { return pat == str, nil }
func (leanDeps) SetPanicOnExit0(v bool)                    { testlog.SetPanicOnExit0(v) }
func (leanDeps) StartCPUProfile(io.Writer) error           { return errLean }
func (leanDeps) StopCPUProfile()                           {}
func (leanDeps) StartTestLog(io.Writer)                    {}
func (leanDeps) StopTestLog() error                        { return nil }
func (leanDeps) WriteProfileTo(string, io.Writer, int) error {
	return errLean
}
func (leanDeps) CoordinateFuzzing(time.Duration, int64, time.Duration, int64, int, []corpusEntry, []reflect.Type, string, string) error {
	return errLean
}
func (leanDeps) RunFuzzWorker(func(corpusEntry) error) error { return errLean }
func (leanDeps) ReadCorpus(string, []reflect.Type) ([]corpusEntry, error) {
	return nil, errLean
}
func (leanDeps) CheckCorpus([]any, []reflect.Type) error { return errLean }
func (leanDeps) ResetCoverage()                          {}
func (leanDeps) SnapshotCoverage()                       {}
func (leanDeps) InitRuntimeCoverage() (string, func(string, string) (string, error), func() float64) {
	return "", nil, nil
}
"#;

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

fn run(g: &Grader, ex: &Exercise, target: Target, plan: &Plan, prep: &Prepared) -> Result<Quick> {
    let root = &g.course.root;
    let dir = root.join(&plan.dir);
    let scratch = Scratch::new(g, ex, target)?;
    let tmp = &scratch.0;
    let ip = &plan.import_path;
    let lang = {
        let mut parts = g.course.go_version.split('.');
        format!(
            "go{}.{}",
            parts.next().unwrap_or("1"),
            parts.next().unwrap_or("0")
        )
    };
    let concurrency = std::thread::available_parallelism()
        .map(|n| n.get().min(4))
        .unwrap_or(1)
        .to_string();
    let compile = prep
        .tool_dir
        .join(format!("compile{}", std::env::consts::EXE_SUFFIX));
    let link = prep
        .tool_dir
        .join(format!("link{}", std::env::consts::EXE_SUFFIX));
    let tool = |program: &Path| {
        Cmd::new(program)
            .cwd(&dir)
            .env("GOROOT", &prep.goroot)
            // One small package and one link: collecting garbage only
            // costs time (about a tenth of the link), and memory stays
            // under 100 MB.
            .env("GOGC", "off")
            .cancel(&g.cancel)
            .timeout(BUILD_TIMEOUT)
    };

    // 1. The package with its hidden tests. Overlaid files are compiled
    //    from where they are, under the name they have in the package (as
    //    the go command does), so that positions read the same.
    let mut files = Vec::new();
    let mut trims = Vec::new();
    for name in prep.go_files.iter().chain(&prep.test_files) {
        let virt = dir.join(name);
        let real = plan
            .overlay
            .iter()
            .find(|(v, _)| *v == virt)
            .map(|(_, r)| PathBuf::from(r));
        match real {
            Some(real) if real.as_os_str().is_empty() => return Ok(Quick::Stale),
            Some(real) => {
                trims.push(format!("{}=>{}", real.display(), virt.display()));
                files.push(real);
            }
            None => files.push(virt),
        }
    }
    if trims
        .iter()
        .any(|t| t.matches("=>").count() != 1 || t.contains(';'))
    {
        return Ok(Quick::Stale);
    }
    let importcfg = tmp.join("importcfg");
    std::fs::write(&importcfg, &prep.importcfg)?;
    let lang_flag = format!("-lang={lang}");
    let c_flag = format!("-c={concurrency}");
    let compile_cmd = |out: &Path, package: &str, cfg: &Path, trimpath: String| {
        tool(&compile)
            .arg("-o")
            .arg(out)
            .arg("-trimpath")
            .arg(trimpath)
            .args(["-p", package, &lang_flag, "-complete", "-dwarf=false"])
            .args(["-goversion", &prep.goversion, &c_flag, "-nolocalimports"])
            .arg("-importcfg")
            .arg(cfg)
            .arg("-pack")
    };
    let pkg = tmp.join("pkg.a");
    let out = compile_cmd(&pkg, ip, &importcfg, trims.join(";"))
        .args(&files)
        .run()?;
    out.cancelled()?;
    if !out.success() {
        return Ok(Quick::CompileFailed);
    }

    // 2. The test main, listing the hidden tests.
    let hidden_dir = root.join(ex.solution_rel());
    let hidden = super::go_files(&hidden_dir)?.1;
    let funcs = super::test_funcs_in(&hidden_dir, &hidden)?;
    let main_go = tmp.join("_testmain.go");
    let link_cfg = tmp.join("importcfg.link");
    std::fs::write(
        &link_cfg,
        format!("{}packagefile {ip}={}\n", prep.importcfg, pkg.display()),
    )?;
    let main_a = tmp.join("main.a");
    // The lean test main first; should this Go's testing package want
    // other dependencies, go test's own.
    let lean = funcs.fuzz.is_empty() && prep.importcfg.contains("packagefile internal/testlog=");
    let mut compiled = false;
    for lean in [lean, false].into_iter().take(if lean { 2 } else { 1 }) {
        std::fs::write(
            &main_go,
            test_main(ip, &g.course.go_module, &funcs.tests, &funcs, lean),
        )?;
        let out = compile_cmd(&main_a, "main", &link_cfg, format!("{}=>", tmp.display()))
            .arg(&main_go)
            .run()?;
        out.cancelled()?;
        if out.success() {
            compiled = true;
            break;
        }
    }
    if !compiled {
        return Ok(Quick::Stale);
    }
    #[cfg(test)]
    if lean && !std::fs::read_to_string(&main_go)?.contains("leanDeps{}") {
        LEAN_REFUSED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    // 3. The link, with go test's flags and the runner's `-s -w`.
    let binary = tmp.join(format!("{}.test{}", ex.name, std::env::consts::EXE_SUFFIX));
    let mut cmd = tool(&link)
        .arg("-o")
        .arg(&binary)
        .arg("-importcfg")
        .arg(&link_cfg)
        .args(["-s", "-w"]);
    if !prep.godebug.is_empty() {
        cmd = cmd.arg(format!("-X=runtime.godebugDefault={}", prep.godebug));
    }
    let out = cmd
        .args(["-buildmode=exe", "-X", "testing.testBinary=1"])
        .arg(&main_a)
        .run()?;
    out.cancelled()?;
    if !out.success() {
        return Ok(Quick::Stale);
    }

    // 4. The run, in the package directory, read as go test -json reads it.
    let seal = super::seal::Seal::new(g)?;
    let (seal_env, seal_dir) = seal.env();
    // Checked against its hash on every use: the record names the file, but
    // the file may have been replaced since.
    let test2json = test2json(g, &prep.goversion)?;
    let mut cmd = Cmd::new(&test2json)
        .env(seal_env, seal_dir)
        .cwd(&dir)
        .cancel(&g.cancel)
        .args(["-t", "-p", ip])
        .arg(&binary)
        .args([
            "-test.paniconexit0",
            "-test.v=test2json",
            &format!("-test.timeout={}s", ex.timeout.as_secs()),
        ]);
    if let Some(n) = ex.count {
        cmd = cmd.arg(format!("-test.count={n}"));
    }
    if let Ok(tmp) = g.go_tmp() {
        // The environment go test gives the binary: `t.TempDir()` lives
        // under GOTMPDIR when it is set.
        cmd = cmd.env("GOTMPDIR", tmp);
    }
    let out = cmd
        .timeout(BUILD_TIMEOUT)
        .rearm_on(gotest::START_MARKER, ex.timeout + gotest::GRACE)
        .cap(8 << 20)
        .keep_lines(gotest::keep_event)
        .run()?;
    out.cancelled()?;
    Ok(Quick::Verdict(seal.confirm(
        &plan.import_path,
        gotest::verdict(plan, ex.timeout, &out),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap().flatten() {
            let target = to.join(e.file_name());
            if e.path().is_dir() {
                copy_dir(&e.path(), &target);
            } else {
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }

    #[test]
    fn the_quick_path_grades_with_a_lean_test_main_this_go_accepts() {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("runner/tests/fixtures/outcomes");
        copy_dir(&fixture, dir.path());
        let course = crate::course::Course::load(dir.path()).unwrap();
        let g = Grader::new(&course);
        // Scratch left by a runner that was killed goes; a live one's stays.
        let quick_dir = g.cache_dir("quick").unwrap();
        let abandoned = quick_dir.join("passes-exercise.2147483000.0");
        let live = quick_dir.join(format!("passes-exercise.{}.77", std::process::id()));
        std::fs::create_dir_all(&abandoned).unwrap();
        std::fs::create_dir_all(&live).unwrap();
        for (name, passes) in [("passes", true), ("test_fails", false)] {
            let ex = course.exercises.iter().find(|e| e.name == name).unwrap();
            assert!(
                prepare(&g, ex, Target::Exercise).unwrap(),
                "{name} not prepared"
            );
            let plan = gotest::plan(&g, ex, Target::Exercise).unwrap();
            let Some(Quick::Verdict(v)) = grade(&g, ex, Target::Exercise, &plan).unwrap() else {
                panic!("{name} did not take the quick path");
            };
            assert_eq!(matches!(v, Verdict::Passed { .. }), passes, "{name}: {v:?}");
        }
        assert!(!abandoned.exists() && live.exists());
        assert_eq!(
            LEAN_REFUSED.load(std::sync::atomic::Ordering::Relaxed),
            0,
            "the compiler refused the lean test main: update LEAN_DEPS to this Go's testing package"
        );
    }

    #[test]
    fn the_test_main_lists_tests_fuzz_targets_and_benchmarks_apart() {
        let funcs = super::super::test_funcs(
            "package x\n\nfunc TestA(t *testing.T) {}\n\
             func FuzzB(f *testing.F) {}\n\
             func BenchmarkC(b *testing.B) {}\n",
        );
        let main = test_main("m/x", "m", &funcs.tests, &funcs, false);
        assert!(main.contains("InternalTest{\n\t{\"TestA\", _test.TestA},\n}"));
        assert!(main.contains("InternalFuzzTarget{\n\t{\"FuzzB\", _test.FuzzB},\n}"));
        assert!(main.contains("InternalBenchmark{\n\t{\"BenchmarkC\", _test.BenchmarkC},\n}"));
        assert!(main.contains("testdeps.ImportPath = \"m/x\""));
    }
}
