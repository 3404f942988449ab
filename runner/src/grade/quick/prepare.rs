//! Making the quick path's record of an exercise: `go list` of the test
//! binary's dependencies, and the test2json it runs the tests through.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::run::remove_abandoned_scratch;
use super::{FORMAT, Prepared, eligible, key, load, record_path};
use crate::course::Exercise;
use crate::grade::gotest::{self, Plan};
use crate::grade::{BUILD_TIMEOUT, Grader, Target, test_funcs};
use crate::process::Ended;

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
    if !hidden_tests_fit(g, ex)? {
        return Ok(false);
    }
    let Some((tool_dir, goversion, goroot)) = go_env(g)? else {
        return Ok(false);
    };
    let test2json = test2json(g, &goversion)?;
    let Some(text) = list(g, ex, target, &plan)? else {
        return Ok(false);
    };
    let Some(Listing {
        importcfg,
        godebug,
        own,
    }) = read_listing(g, &plan, &text)?
    else {
        return Ok(false);
    };
    if !is_plain(&own, &importcfg) {
        return Ok(false);
    }
    let prepared = Prepared {
        format: FORMAT,
        key: key(g, &plan, &tool_dir)?,
        importcfg,
        godebug,
        go_files: own.go_files,
        test_files: own.test_go_files,
        goversion,
        goroot,
        tool_dir,
        test2json,
    };
    let json = serde_json::to_vec(&prepared).expect("the record serializes");
    crate::fsutil::write_atomic(&record_path(g, ex, target)?, &json)?;
    Ok(true)
}

/// Whether the generated test main can run the hidden tests as go test
/// would: not with a TestMain, nor with examples (their output is checked
/// by go test).
fn hidden_tests_fit(g: &Grader, ex: &Exercise) -> Result<bool> {
    let root = &g.course.root;
    let hidden_dir = root.join(ex.solution_rel());
    for f in crate::grade::go_files(&hidden_dir)?.1 {
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
    Ok(true)
}

/// Go's tool directory, version and root, from `go env`; `None` when it
/// cannot say.
fn go_env(g: &Grader) -> Result<Option<(PathBuf, String, String)>> {
    let env = g
        .go()
        .args(["env", "GOTOOLDIR", "GOVERSION", "GOROOT"])
        .timeout(Duration::from_secs(60))
        .run()?;
    if !env.success() {
        return Ok(None);
    }
    let env = env.stdout.text();
    let mut env = env.lines();
    let (Some(tool_dir), Some(goversion), Some(goroot)) = (env.next(), env.next(), env.next())
    else {
        return Ok(None);
    };
    Ok(Some((
        PathBuf::from(tool_dir),
        goversion.to_string(),
        goroot.to_string(),
    )))
}

/// The JSON `go list` prints about the test binary's dependencies; `None`
/// when it did not finish or printed more than is kept.
fn list(g: &Grader, ex: &Exercise, target: Target, plan: &Plan) -> Result<Option<String>> {
    let cmd = g.go().args([
        "list",
        "-test",
        "-deps",
        "-export",
        "-json=ImportPath,Export,DefaultGODEBUG,GoFiles,TestGoFiles,XTestGoFiles,CgoFiles,CFiles,CXXFiles,SFiles,SysoFiles,SwigFiles,EmbedFiles,TestEmbedFiles,Imports,TestImports",
    ]);
    let cmd = gotest::with_overlay(g, ex, target, plan, "", cmd)?;
    // The exit code says whether the exercise compiles, which does not
    // matter here: the dependencies' archives are listed either way.
    let out = cmd
        .arg(format!("./{}", plan.dir))
        .timeout(BUILD_TIMEOUT)
        .cap(64 << 20)
        .run()?;
    out.cancelled()?;
    if !matches!(out.ended, Ended::Exited(_)) || out.stdout.dropped > 0 {
        return Ok(None);
    }
    Ok(Some(out.stdout.text()))
}

/// What the record takes from `go list`'s output.
struct Listing {
    /// `packagefile path=archive` for every dependency of the test binary.
    importcfg: String,
    /// The test main's default GODEBUG.
    godebug: String,
    /// The exercise's package itself.
    own: Listed,
}

/// Reads `go list`'s output; `None` when a dependency cannot come from its
/// archive as it is, or the package itself is not listed.
fn read_listing(g: &Grader, plan: &Plan, text: &str) -> Result<Option<Listing>> {
    let ours = plan.import_path.as_str();
    let test_variant = format!("{ours} [{ours}.test]");
    let test_main = format!("{ours}.test");
    let local = format!("{}/", g.course.go_module);
    let mut importcfg = String::new();
    let mut godebug = String::new();
    let mut own: Option<Listed> = None;
    for listed in serde_json::Deserializer::from_str(text).into_iter::<Listed>() {
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
            return Ok(None);
        } else {
            importcfg.push_str(&format!("packagefile {ip}={}\n", listed.export));
        }
    }
    Ok(own.map(|own| Listing {
        importcfg,
        godebug,
        own,
    }))
}

/// Whether the package is plain enough for the quick path: in-package
/// tests only, no cgo, assembly or embedded files, nothing that reads the
/// build information.
fn is_plain(own: &Listed, importcfg: &str) -> bool {
    own.x_test_go_files.is_empty()
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
        && !importcfg.is_empty()
}

/// Go's test2json (not shipped as a binary with Go any more), built into the
/// runner's cache once per Go version and process. The learner's code runs
/// as the same user and could replace the file with one that forges a pass,
/// so every use checks it against the hash this process recorded when it
/// built it, and builds it again when it differs.
pub(super) fn test2json(g: &Grader, goversion: &str) -> Result<PathBuf> {
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
