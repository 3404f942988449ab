//! One quick grading: the package and a generated test main compiled and
//! linked by Go's own tools, in a scratch directory, then run through
//! test2json.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::prepare::test2json;
use super::testmain::test_main;
use super::{Prepared, Quick};
use crate::course::Exercise;
use crate::grade::gotest::{self, Plan};
use crate::grade::{BUILD_TIMEOUT, Grader, Target};
use crate::process::Cmd;

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
pub(super) fn remove_abandoned_scratch(g: &Grader) {
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

/// Go's compiler and linker as go test would call them for this exercise.
struct Tools<'a> {
    g: &'a Grader<'a>,
    prep: &'a Prepared,
    /// The package directory, where the tools run.
    dir: PathBuf,
    lang_flag: String,
    c_flag: String,
}

impl Tools<'_> {
    fn tool(&self, program: &Path) -> Cmd {
        Cmd::new(program)
            .cwd(&self.dir)
            .env("GOROOT", &self.prep.goroot)
            // One small package and one link: collecting garbage only
            // costs time (about a tenth of the link), and memory stays
            // under 100 MB.
            .env("GOGC", "off")
            .cancel(&self.g.cancel)
            .timeout(BUILD_TIMEOUT)
    }

    fn compile(&self, out: &Path, package: &str, cfg: &Path, trimpath: String) -> Cmd {
        let compile = self
            .prep
            .tool_dir
            .join(format!("compile{}", std::env::consts::EXE_SUFFIX));
        self.tool(&compile)
            .arg("-o")
            .arg(out)
            .arg("-trimpath")
            .arg(trimpath)
            .args(["-p", package, &self.lang_flag, "-complete", "-dwarf=false"])
            .args([
                "-goversion",
                &self.prep.goversion,
                &self.c_flag,
                "-nolocalimports",
            ])
            .arg("-importcfg")
            .arg(cfg)
            .arg("-pack")
    }
}

pub(super) fn run(
    g: &Grader,
    ex: &Exercise,
    target: Target,
    plan: &Plan,
    prep: &Prepared,
) -> Result<Quick> {
    let dir = g.course.root.join(&plan.dir);
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
    let tools = Tools {
        g,
        prep,
        dir: dir.clone(),
        lang_flag: format!("-lang={lang}"),
        c_flag: format!("-c={concurrency}"),
    };

    // 1. The package with its hidden tests.
    let Some((files, trims)) = sources(&dir, plan, prep) else {
        return Ok(Quick::Stale);
    };
    let importcfg = tmp.join("importcfg");
    std::fs::write(&importcfg, &prep.importcfg)?;
    let pkg = tmp.join("pkg.a");
    let out = tools
        .compile(&pkg, ip, &importcfg, trims.join(";"))
        .args(&files)
        .run()?;
    out.cancelled()?;
    if !out.success() {
        return Ok(Quick::CompileFailed);
    }

    // 2. The test main, listing the hidden tests.
    let Some((main_a, link_cfg)) = compile_test_main(&tools, ex, ip, tmp, &pkg)? else {
        return Ok(Quick::Stale);
    };

    // 3. The link, with go test's flags and the runner's `-s -w`.
    let binary = tmp.join(format!("{}.test{}", ex.name, std::env::consts::EXE_SUFFIX));
    let link = prep
        .tool_dir
        .join(format!("link{}", std::env::consts::EXE_SUFFIX));
    let mut cmd = tools
        .tool(&link)
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
    run_tests(g, ex, plan, prep, &dir, &binary)
}

/// The package's files to compile and the `-trimpath` rewrites that go with
/// them; `None` when the overlay removes one or a path cannot be rewritten.
/// Overlaid files are compiled from where they are, under the name they
/// have in the package (as the go command does), so that positions read the
/// same.
fn sources(dir: &Path, plan: &Plan, prep: &Prepared) -> Option<(Vec<PathBuf>, Vec<String>)> {
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
            Some(real) if real.as_os_str().is_empty() => return None,
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
        return None;
    }
    Some((files, trims))
}

/// Writes and compiles the test main for the compiled package `pkg`;
/// its archive and the link's importcfg, or `None` when the compiler
/// refused it.
fn compile_test_main(
    tools: &Tools,
    ex: &Exercise,
    ip: &str,
    tmp: &Path,
    pkg: &Path,
) -> Result<Option<(PathBuf, PathBuf)>> {
    let (g, prep) = (tools.g, tools.prep);
    let hidden_dir = g.course.root.join(ex.solution_rel());
    let hidden = crate::grade::go_files(&hidden_dir)?.1;
    let funcs = crate::grade::test_funcs_in(&hidden_dir, &hidden)?;
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
        let out = tools
            .compile(&main_a, "main", &link_cfg, format!("{}=>", tmp.display()))
            .arg(&main_go)
            .run()?;
        out.cancelled()?;
        if out.success() {
            compiled = true;
            break;
        }
    }
    if !compiled {
        return Ok(None);
    }
    #[cfg(test)]
    if lean && !std::fs::read_to_string(&main_go)?.contains("leanDeps{}") {
        super::testmain::LEAN_REFUSED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    Ok(Some((main_a, link_cfg)))
}

/// Runs the linked test binary in the package directory through test2json,
/// and reads its events as go test -json's are read.
fn run_tests(
    g: &Grader,
    ex: &Exercise,
    plan: &Plan,
    prep: &Prepared,
    dir: &Path,
    binary: &Path,
) -> Result<Quick> {
    let ip = &plan.import_path;
    let seal = crate::grade::seal::Seal::new(g)?;
    let (seal_env, seal_dir) = seal.env();
    // Checked against its hash on every use: the record names the file, but
    // the file may have been replaced since.
    let test2json = test2json(g, &prep.goversion)?;
    let mut cmd = Cmd::new(&test2json)
        .env(seal_env, seal_dir)
        .cwd(dir)
        .cancel(&g.cancel)
        .args(["-t", "-p", ip])
        .arg(binary)
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
        .memory_limit(ex.memory_limit())
        .cap(8 << 20)
        .keep_lines(gotest::keep_event)
        .run()?;
    out.cancelled()?;
    Ok(Quick::Verdict(seal.confirm(
        &plan.import_path,
        gotest::verdict(plan, ex.timeout, &out),
    )))
}
