//! Watch mode without a terminal (keys as lines on stdin, screens printed
//! one after another): a save turns the verdict, `n` moves on, `q` quits.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::harness::Course;

struct Session {
    child: std::process::Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
    // Shown when a Unix-only test fails.
    #[cfg_attr(not(unix), allow(dead_code))]
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Session {
    fn start(c: &Course) -> Session {
        Session::start_with(c, &[])
    }

    fn start_with(c: &Course, env: &[(&str, &str)]) -> Session {
        let mut cmd = c.command(&["watch"]);
        cmd.env_remove("VISUAL").env_remove("EDITOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let out = child.stdout.take().unwrap();
        let mut err = child.stderr.take().unwrap();
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let keep = std::sync::Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = String::new();
            let _ = std::io::Read::read_to_string(&mut err, &mut buf);
            keep.lock().unwrap().push_str(&buf);
        });
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            lines: rx,
            seen: Vec::new(),
            stderr,
        }
    }

    /// Waits for a line containing `needle`, returns how long it took.
    #[track_caller]
    fn wait_for(&mut self, needle: &str) -> Duration {
        let started = Instant::now();
        let deadline = started + Duration::from_secs(120);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let hit = line.contains(needle);
                    self.seen.push(line);
                    if hit {
                        return started.elapsed();
                    }
                }
                Err(_) => panic!("no line with {needle:?}; saw:\n{}", self.seen.join("\n")),
            }
        }
    }

    fn key(&mut self, key: &str) {
        let stdin = self.child.stdin.as_mut().unwrap();
        writeln!(stdin, "{key}").unwrap();
        stdin.flush().unwrap();
    }

    fn finish(mut self) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("watch did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A test that fails half-way must not leave its watch running.
impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn save_turns_the_verdict_and_n_moves_on() {
    let c = Course::fixture("outcomes");
    // Start on test_fails.
    c.start_at("test_fails");
    let mut s = Session::start(&c);
    s.wait_for("Exercise 3/19 test_fails");
    s.wait_for("✗ 1 test failed");
    s.key("n");
    s.wait_for("n moves on once this exercise passes");
    // Save the solution: the verdict turns to passed.
    let fixed = c.read("solutions/01_grading/03_test_fails/sum.go");
    c.write("exercises/01_grading/03_test_fails/sum.go", &fixed);
    s.wait_for("✓ passed");
    s.key("n");
    s.wait_for("Exercise 4/19 endless_loop");
    s.key("h");
    s.wait_for("Hint 1 of 2");
    s.key("q");
    assert_eq!(s.finish(), 0);
    let state = c.read(".backendlings-state.json");
    assert!(state.contains("\"test_fails\""), "{state}");
}

#[test]
fn quick_saves_during_a_check_end_in_one_fresh_verdict_for_the_last() {
    let c = Course::fixture("outcomes");
    c.start_at("test_fails");
    let mut s = Session::start(&c);
    s.wait_for("✗ 1 test failed");
    // Several quick saves: broken, broken, then fixed. The last one wins.
    let path = "exercises/01_grading/03_test_fails/sum.go";
    c.write(path, "package sum\n\nfunc Sum(xs []int) int { return 1 }\n");
    std::thread::sleep(Duration::from_millis(5));
    c.write(path, "package sum\n\nfunc Sum(xs []int) int { return 2 }\n");
    std::thread::sleep(Duration::from_millis(5));
    c.write(path, &c.read("solutions/01_grading/03_test_fails/sum.go"));
    s.wait_for("✓ passed");
    s.key("q");
    assert_eq!(s.finish(), 0);
}

/// Waits until `rel` exists in the course (or panics after `limit`).
#[track_caller]
fn wait_for_file(c: &Course, rel: &str, limit: Duration) {
    let deadline = Instant::now() + limit;
    while !c.file(rel).exists() {
        assert!(Instant::now() < deadline, "{rel} never appeared");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn saves_after_the_first_check_take_the_quick_path_and_read_the_same() {
    let (c, mut s) = session_on_test_fails();
    // With the verdict shown, the watcher records the package's
    // dependencies: the next saves are compiled and linked directly.
    let record = ".backendlings/cache/quick/test_fails-exercise.json";
    wait_for_file(&c, record, Duration::from_secs(60));
    let path = "exercises/01_grading/03_test_fails/sum.go";
    c.write(path, "package sum\n\nfunc Sum(xs []int) int { return 7 }\n");
    s.wait_for("✗ 1 test failed");
    s.wait_for("Sum([1 2 3]) = 7, want 6");
    // A compile error reads as Go prints it (go test runs for it), and the
    // record stays.
    c.write(
        path,
        "package sum\n\nfunc Sum(xs []int) int { return \"x\" }\n",
    );
    s.wait_for("✗ does not compile");
    s.wait_for("sum.go:3:");
    assert!(c.file(record).is_file());
    // A new import the record does not know: go test grades it, and the
    // record is made again afterwards.
    c.write(
        path,
        "package sum\n\nimport \"crypto/sha256\"\n\nfunc Sum(xs []int) int {\n\tt := sha256.Size - 32\n\tfor _, x := range xs {\n\t\tt += x\n\t}\n\treturn t\n}\n",
    );
    s.wait_for("✓ passed");
    wait_for_file(&c, record, Duration::from_secs(60));
    let text = c.read(record);
    assert!(text.contains("packagefile crypto/sha256="), "{text}");
    s.key("q");
    assert_eq!(s.finish(), 0);
    assert!(
        !c.file(".backendlings/cache/quick")
            .read_dir()
            .unwrap()
            .flatten()
            .any(|e| e.path().is_dir()),
        "a grading's scratch directory was left behind"
    );
}

#[test]
fn a_few_exercises_before_the_first_race_exercise_its_build_is_warmed() {
    let c = Course::fixture("outcomes");
    // testmain_exit is three exercises before race.
    c.start_at("testmain_exit");
    let mut s = Session::start(&c);
    s.wait_for("Exercise 7/19 testmain_exit");
    s.wait_for("✗ ");
    wait_for_file(
        &c,
        ".backendlings/cache/warm/race",
        Duration::from_secs(300),
    );
    s.key("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_second_watcher_on_the_same_course_is_refused() {
    let c = Course::fixture("outcomes");
    let mut s = Session::start(&c);
    s.wait_for("Exercise 1/19");
    let r = c.run(&["watch"]);
    r.expect_code(3)
        .expect_stderr("another backendlings watch is already running on this course");
    s.key("q");
    assert_eq!(s.finish(), 0);
}

impl Session {
    /// Lines seen so far.
    fn mark(&self) -> usize {
        self.seen.len()
    }

    /// Checks that exactly one verdict was printed since `mark`, waiting a
    /// moment for any that would come late.
    #[track_caller]
    fn expect_one_verdict_since(&mut self, mark: usize) {
        let n = self.verdicts_since(mark, Duration::from_millis(1500)).len();
        assert_eq!(n, 1, "{:?}", &self.seen[mark..]);
    }

    /// Reads whatever arrives for `wait`, then counts verdict headlines
    /// printed since `mark`.
    fn verdicts_since(&mut self, mark: usize, wait: Duration) -> Vec<String> {
        let deadline = Instant::now() + wait;
        while let Ok(line) = self
            .lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.seen.push(line);
        }
        self.seen[mark..]
            .iter()
            .filter(|l| l.starts_with("✓ ") || l.starts_with("✗ "))
            .cloned()
            .collect()
    }
}

fn session_on_test_fails() -> (Course, Session) {
    let c = Course::fixture("outcomes");
    c.start_at("test_fails");
    let mut s = Session::start(&c);
    s.wait_for("✗ 1 test failed");
    (c, s)
}

const FILE: &str = "exercises/01_grading/03_test_fails/sum.go";

#[test]
fn an_in_place_write_gives_exactly_one_fresh_verdict() {
    let (c, mut s) = session_on_test_fails();
    let mark = s.mark();
    c.write(FILE, &c.read("solutions/01_grading/03_test_fails/sum.go"));
    s.wait_for("✓ passed");
    s.expect_one_verdict_since(mark);
    s.key("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_write_to_a_temp_file_then_rename_gives_exactly_one_fresh_verdict() {
    // What vim (backupcopy=no) and JetBrains "safe write" do.
    let (c, mut s) = session_on_test_fails();
    let mark = s.mark();
    let tmp = c.file("exercises/01_grading/03_test_fails/.sum.go.swp~");
    std::fs::write(&tmp, c.read("solutions/01_grading/03_test_fails/sum.go")).unwrap();
    std::fs::write(
        c.file("exercises/01_grading/03_test_fails/sum.go~"),
        c.read(FILE),
    )
    .unwrap();
    std::fs::rename(&tmp, c.file(FILE)).unwrap();
    s.wait_for("✓ passed");
    s.expect_one_verdict_since(mark);
    s.key("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_delete_and_create_gives_exactly_one_fresh_verdict() {
    let (c, mut s) = session_on_test_fails();
    let mark = s.mark();
    let fixed = c.read("solutions/01_grading/03_test_fails/sum.go");
    std::fs::remove_file(c.file(FILE)).unwrap();
    std::fs::write(c.file(FILE), fixed).unwrap();
    s.wait_for("✓ passed");
    let v = s.verdicts_since(mark, Duration::from_millis(1500));
    assert_eq!(
        v,
        vec!["✓ passed (2 tests)".to_string()],
        "{:?}",
        &s.seen[mark..]
    );
    s.key("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_save_during_a_check_is_never_lost() {
    // The endless loop takes two seconds to time out: save the fix while
    // that check runs, and the fix must still get its verdict.
    let c = Course::fixture("outcomes");
    c.start_at("endless_loop");
    let mut s = Session::start(&c);
    s.wait_for("Checking");
    std::thread::sleep(Duration::from_millis(300));
    c.write(
        "exercises/01_grading/04_endless_loop/sum.go",
        &c.read("solutions/01_grading/04_endless_loop/sum.go"),
    );
    s.wait_for("✓ passed");
    s.key("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn saving_another_exercise_grades_that_one() {
    let (c, mut s) = session_on_test_fails();
    c.write(
        "exercises/01_grading/01_passes/sum.go",
        &c.read("exercises/01_grading/01_passes/sum.go"),
    );
    s.wait_for("Exercise 1/19 passes");
    s.wait_for("✓ passed");
    s.key("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_deleted_exercise_directory_while_watching_is_reported() {
    let (c, mut s) = session_on_test_fails();
    std::fs::remove_dir_all(c.file("exercises/01_grading/03_test_fails")).unwrap();
    s.key("r");
    s.wait_for("does not exist any more: restore it with `backendlings reset test_fails`");
    s.key("q");
    assert_eq!(s.finish(), 0);
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_check_stops_it_and_exits_130() {
    let c = Course::fixture("runaway");
    c.start_at("sleeps");
    let mut s = Session::start(&c);
    s.wait_for("Checking");
    std::thread::sleep(Duration::from_millis(500));
    let pid = s.child.id();
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(pid as i32, libc::SIGINT) };
    let started = Instant::now();
    assert_eq!(s.finish(), 130);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        crate::harness::leftovers(pid).is_empty(),
        "{:?}",
        crate::harness::leftovers(pid)
    );
    // Progress is intact.
    backendlings::state::parse(&c.read(".backendlings-state.json")).unwrap();
}

#[test]
fn a_corrupt_progress_file_is_rebuilt_by_grading() {
    let c = Course::fixture("minicourse");
    c.solve("01_numbers/01_double", false);
    c.write(".backendlings-state.json", "this is not json");
    let mut s = Session::start(&c);
    s.wait_for("could not be read");
    s.wait_for("Progress rebuilt: 1 exercises pass.");
    s.key("q");
    assert_eq!(s.finish(), 0);
    assert!(c.read(".backendlings-state.json").contains("\"double\""));
}

#[cfg(unix)]
#[test]
fn ctrl_c_while_a_server_is_probed_leaves_no_server() {
    let c = Course::fixture("servers");
    c.start_at("ok");
    let mut s = Session::start(&c);
    s.wait_for("Checking");
    // Wait until the server runs (the check builds it first).
    let deadline = Instant::now() + Duration::from_secs(20);
    let pid = s.child.id();
    while crate::harness::marked(pid)
        .iter()
        .all(|p| !p.contains("ok-exercise"))
    {
        if Instant::now() > deadline {
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
            std::thread::sleep(Duration::from_millis(200));
            while let Ok(l) = s.lines.try_recv() {
                s.seen.push(l);
            }
            panic!(
                "the server never started; screen:\n{}\nstderr:\n{}",
                s.seen.join("\n"),
                s.stderr.lock().unwrap()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    unsafe { libc::kill(pid as i32, libc::SIGINT) };
    assert_eq!(s.finish(), 130);
    assert!(
        crate::harness::leftovers(pid).is_empty(),
        "{:?}",
        crate::harness::leftovers(pid)
    );
}

#[cfg(unix)]
#[test]
fn e_opens_the_exercise_in_the_editor_named_by_editor() {
    use std::os::unix::fs::PermissionsExt;
    let c = Course::fixture("outcomes");
    c.start_at("test_fails");
    let record = c.file("opened.txt");
    let script = c.file("editor.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$@\" > {}\n", record.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut s = Session::start_with(&c, &[("EDITOR", script.to_str().unwrap())]);
    s.wait_for("✗ 1 test failed");
    s.key("e");
    // The shell creates the file before echo writes its line: wait for
    // the whole line.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut opened = String::new();
    while !opened.ends_with('\n') && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        opened = std::fs::read_to_string(&record).unwrap_or_default();
    }
    assert!(opened.contains(FILE), "the editor was given {opened:?}");
    s.key("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn e_without_an_editor_says_how_to_set_one() {
    let (_c, mut s) = session_on_test_fails();
    s.key("e");
    s.wait_for("No editor is set: set VISUAL or EDITOR");
    s.key("q");
    assert_eq!(s.finish(), 0);
}

/// What Go's work directories and the runner's scratch left behind: any
/// `go-build…` under `tmp` (the runner's TMPDIR), and anything under the
/// course cache's `gotmp` and `scratch`.
fn scratch_left(c: &Course, tmp: &std::path::Path) -> Vec<String> {
    let mut left = Vec::new();
    for e in std::fs::read_dir(tmp).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("go-build") {
            left.push(e.path().display().to_string());
        }
    }
    for sub in ["gotmp", "scratch"] {
        let dir = c.file(&format!(".backendlings/cache/{sub}"));
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            left.push(e.path().display().to_string());
        }
    }
    left
}

#[test]
fn no_scratch_is_left_after_saves_during_checks_a_timeout_or_ctrl_c() {
    let c = Course::fixture("outcomes");
    let tmp = tempfile::tempdir().unwrap();
    let tmp_s = tmp.path().to_str().unwrap();

    // Ten saves, each while the check of the one before runs.
    c.start_at("test_fails");
    let mut s = Session::start_with(&c, &[("TMPDIR", tmp_s)]);
    s.wait_for("✗ 1 test failed");
    let path = "exercises/01_grading/03_test_fails/sum.go";
    for i in 0..10 {
        c.write(
            path,
            &format!("package sum\n\nfunc Sum(xs []int) int {{ return {i} + 100 }}\n"),
        );
        std::thread::sleep(Duration::from_millis(150));
    }
    s.wait_for("Sum([1 2 3]) = 109, want 6");
    s.key("q");
    assert_eq!(s.finish(), 0);
    let left = scratch_left(&c, tmp.path());
    assert!(left.is_empty(), "after 10 saves: {left:?}");

    // A check that times out.
    let mut cmd = c.command(&["run", "endless_loop"]);
    cmd.env("TMPDIR", tmp_s);
    crate::harness::run_command(cmd, Duration::from_secs(120)).expect_code(1);
    let left = scratch_left(&c, tmp.path());
    assert!(left.is_empty(), "after a timeout: {left:?}");

    // Ctrl-C while verify's checks run.
    #[cfg(unix)]
    {
        let mut cmd = c.command(&["verify", "--no-cache"]);
        cmd.env("TMPDIR", tmp_s)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = cmd.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(1500));
        // SAFETY: kill(2) on our own child.
        unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130));
        let left = scratch_left(&c, tmp.path());
        assert!(left.is_empty(), "after Ctrl-C: {left:?}");
    }
}
