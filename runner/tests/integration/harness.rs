//! A small harness: copy a fixture course to a temporary directory, run the
//! real binary on it with a watchdog, and look for processes left behind.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_backendlings"))
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    repo_root().join("runner/tests/fixtures")
}

pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let n = name.to_string_lossy();
        if n == ".backendlings"
            || n.starts_with(".backendlings-state")
            || n == "target"
            || n == ".git"
        {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A course in a temporary directory.
pub struct Course {
    pub dir: tempfile::TempDir,
}

/// What a run of the binary left.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub pid: u32,
}

impl Run {
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn expect_stdout(&self, needle: &str) -> &Run {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn expect_stderr(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn expect_no_stdout(&self, needle: &str) -> &Run {
        assert!(
            !self.stdout.contains(needle),
            "stdout has {needle:?}\n--- stdout\n{}",
            self.stdout
        );
        self
    }
}

impl Course {
    pub fn fixture(name: &str) -> Course {
        let dir = tempfile::Builder::new()
            .prefix("backendlings-test-")
            .tempdir()
            .unwrap();
        copy_tree(&fixtures().join(name), dir.path());
        Course { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.file(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Sets the learner's state so that watch mode starts on `exercise`,
    /// past the welcome screen.
    pub fn start_at(&self, exercise: &str) {
        self.write(
            ".backendlings-state.json",
            &format!("{{\"format_version\":1,\"current\":\"{exercise}\",\"welcomed\":true}}"),
        );
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap()
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        c.arg("--course").arg(self.path()).args(args);
        c.env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            // Messages name `backendlings …`, as for an installed runner.
            .env_remove("CARGO_MANIFEST_DIR");
        // The cache inside the temporary course, where tests look at it and
        // where it is removed with the course.
        c.env("BACKENDLINGS_CACHE_DIR", self.file(".backendlings/cache"));
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run_command(self.command(args), Duration::from_secs(300))
    }

    /// Copies each solution's learner-facing files over the exercise.
    pub fn solve(&self, exercise_dir: &str, learner_tests: bool) {
        let sol = self.file(&format!("solutions/{exercise_dir}"));
        for entry in std::fs::read_dir(&sol).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if !entry.file_type().unwrap().is_file() || !name.ends_with(".go") {
                continue;
            }
            if name.ends_with("_test.go") != learner_tests {
                continue;
            }
            std::fs::copy(
                entry.path(),
                self.file(&format!("exercises/{exercise_dir}/{name}")),
            )
            .unwrap();
        }
    }
}

/// Runs a command to completion with a watchdog that kills it after `limit`.
pub fn run_command(mut c: Command, limit: Duration) -> Run {
    c.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = c.spawn().expect("the binary starts");
    let pid = child.id();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("the runner did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: t_out.join().unwrap(),
        stderr: t_err.join().unwrap(),
        pid,
    }
}

/// Processes alive right now that a check of the runner `pid` started
/// (they carry its marker in their environment), with their command lines.
pub fn marked(pid: u32) -> Vec<String> {
    // Read from /proc: on other systems the process tests are Linux's, and
    // this finds nothing.
    if !cfg!(target_os = "linux") {
        return Vec::new();
    }
    let needle = format!("BACKENDLINGS_CHECK={pid}.");
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(p) = name.parse::<u32>() else { continue };
        let Ok(env) = std::fs::read(format!("/proc/{p}/environ")) else {
            continue;
        };
        if env.windows(needle.len()).any(|w| w == needle.as_bytes()) {
            // Zombies have already exited; they are not left running.
            let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).unwrap_or_default();
            if stat
                .rsplit(')')
                .next()
                .is_some_and(|rest| rest.trim_start().starts_with('Z'))
            {
                continue;
            }
            let cmd = std::fs::read(format!("/proc/{p}/cmdline")).unwrap_or_default();
            found.push(format!(
                "{p}: {}",
                String::from_utf8_lossy(&cmd).replace('\0', " ")
            ));
        }
    }
    found
}

/// Processes a check of the runner `pid` started that are still running a
/// second after it ended (a process being killed gets that long to go).
pub fn leftovers(pid: u32) -> Vec<String> {
    let mut found = Vec::new();
    for _ in 0..20 {
        found = marked(pid);
        if found.is_empty() {
            return found;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    found
}

/// The verdicts of a `verify --format json` run, in course order:
/// (name, status, message).
pub fn verdicts(r: &Run) -> Vec<(String, String, String)> {
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| {
        panic!(
            "verify did not print JSON ({e}):\n{}\n{}",
            r.stdout, r.stderr
        )
    });
    doc["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["status"].as_str().unwrap().to_string(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
