//! The go command as grading runs it: its environment (the user's Go
//! settings, read once), this runner's directories for Go's temporary
//! files, and what Go's complaint about a missing C compiler means.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};

use super::Grader;

impl Grader<'_> {
    /// This runner's directory for Go's temporary files; removed when the
    /// runner exits ([`remove_go_tmp`]), or by the next runner if it died.
    pub(super) fn go_tmp(&self) -> Result<PathBuf> {
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
