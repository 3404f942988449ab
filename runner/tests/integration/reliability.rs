//! Runaway code, lost progress, odd editors, Ctrl-C and bad input: each ends
//! in a clear verdict or sentence, with no process left behind.

use std::time::{Duration, Instant};

use crate::harness::{Course, bin, leftovers, run_command};

fn runaway() -> Course {
    Course::fixture("runaway")
}

/// Grades one runaway exercise and checks the time it took, what it said
/// and that nothing it started is still running.
fn survives(name: &str, verdict: &str, limit: Duration) {
    let c = runaway();
    // Warm the build first so the limit measures the check, not the compile.
    let _ = c.run(&["run", name]);
    let started = Instant::now();
    let r = c.run(&["run", name]);
    let took = started.elapsed();
    r.expect_code(1).expect_stdout(verdict);
    assert!(took < limit, "{name} took {took:?}, more than {limit:?}");
    let left = leftovers(r.pid);
    assert!(left.is_empty(), "{name} left processes behind: {left:?}");
}

// The timeout of these exercises is 2 s; "within its timeout plus about a
// second" plus the go command's own start-up.
const LIMIT: Duration = Duration::from_secs(6);

#[test]
fn a_deadlock_times_out() {
    survives("deadlock", "✗ timed out after 2s", LIMIT);
}

#[test]
fn sleeping_for_an_hour_times_out() {
    survives("sleeps", "✗ timed out after 2s", LIMIT);
}

#[test]
fn child_processes_and_a_setsid_escapee_are_killed() {
    survives("children", "✗ 1 test failed", LIMIT);
}

#[test]
fn a_child_that_keeps_stdout_open_does_not_hang_the_check() {
    survives("holds_stdout", "✗ timed out after 2s", LIMIT);
}

#[test]
fn a_goroutine_storm_times_out_with_a_short_report() {
    survives(
        "storm",
        "goroutines waiting to receive from a channel",
        Duration::from_secs(15),
    );
}

#[cfg(unix)]
#[test]
fn a_flood_of_output_is_capped_and_times_out() {
    let c = runaway();
    let _ = c.run(&["run", "floods_stdout"]);
    // Measure the runner's own peak memory: the flood must not be kept whole.
    let mut cmd = c.command(&["run", "floods_stdout"]);
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .stdin(std::process::Stdio::null());
    let started = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let pid = child.id() as i32;
    let mut out = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut out).unwrap();
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child, with valid pointers.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(rc, pid);
    std::mem::forget(child);
    let took = started.elapsed();
    assert!(out.contains("✗ timed out after 2s"), "{out}");
    // Timeout 2 s; the rest is the build and the machine's load (a check
    // that hung on the flood would take the build limit, minutes).
    assert!(took < Duration::from_secs(20), "took {took:?}");
    // The peak of the runner and of what it waited for (the go command
    // compiling the test among them): far below the flood's gigabyte.
    let peak_mb = usage.ru_maxrss / 1024;
    assert!(
        peak_mb < 250,
        "the peak memory of the runner and its children was {peak_mb} MB"
    );
    assert!(
        out.len() < 200_000,
        "the verdict is {} bytes long",
        out.len()
    );
    assert!(leftovers(pid as u32).is_empty());
}

#[test]
fn os_exit_inside_the_code_is_a_crash() {
    survives("exit_in_func", "✗ crashed in TestSum", LIMIT);
}

#[test]
fn printing_fake_test_results_does_not_pass() {
    survives("fake_pass_lines", "✗ 1 test failed", LIMIT);
}

#[test]
fn a_program_that_daemonizes_leaves_nothing_behind() {
    let c = runaway();
    let r = c.run(&["run", "daemonizes"]);
    r.expect_code(0);
    assert!(leftovers(r.pid).is_empty(), "{:?}", leftovers(r.pid));
}

#[test]
fn progress_survives_sigkill_at_any_moment() {
    // Kill the runner hundreds of times while it writes progress: the file
    // must always hold the old or the new state, never a torn one.
    let c = Course::fixture("outcomes");
    c.run(&["hint", "passes"]).expect_code(0);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let names = ["passes", "test_fails", "race", "hello_ok"];
    for i in 0..300 {
        let name = names[i % names.len()];
        let mut child = c
            .command(&["hint", name])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(next() % 6000));
        let _ = child.kill();
        let _ = child.wait();
        let text = std::fs::read_to_string(c.file(".backendlings-state.json"))
            .expect("the state file is always there");
        backendlings::state::parse(&text)
            .unwrap_or_else(|e| panic!("torn state after kill {i}: {e}\n{text}"));
    }
    // Temp files of killed writers are not taken for the state.
    c.run(&["list"]).expect_code(0);
}

#[test]
fn a_deleted_exercise_directory_is_one_sentence() {
    let c = Course::fixture("outcomes");
    c.run(&["list"]).expect_code(0);
    std::fs::remove_dir_all(c.file("exercises/01_grading/03_test_fails")).unwrap();
    let r = c.run(&["run", "test_fails"]);
    r.expect_code(3)
        .expect_stderr("exercises/01_grading/03_test_fails does not exist");
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
}

#[test]
fn a_missing_exercise_file_is_a_clear_verdict() {
    let c = Course::fixture("outcomes");
    std::fs::remove_file(c.file("exercises/01_grading/03_test_fails/sum.go")).unwrap();
    c.run(&["run", "test_fails"])
        .expect_code(1)
        .expect_stdout("✗ does not compile")
        .expect_stdout("undefined: Sum");
}

#[test]
fn an_unwritable_course_is_one_sentence() {
    // Runs as root in CI, where permissions do not stop writes: a file
    // where the runner's directory should be stops them as surely.
    let c = Course::fixture("outcomes");
    c.write(".backendlings", "not a directory");
    let r = c.run(&["hint", "passes"]);
    r.expect_code(3)
        .expect_stderr("is the course directory writable?");
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_verify_kills_the_checks_and_exits_130() {
    let c = runaway();
    let mut cmd = c.command(&["verify", "-j", "2"]);
    cmd.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = cmd.spawn().unwrap();
    let pid = child.id();
    // Let checks start (some of them run for seconds).
    std::thread::sleep(Duration::from_millis(1500));
    let sent = Instant::now();
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(pid as i32, libc::SIGINT) };
    let status = wait_with_limit(&mut child, Duration::from_secs(10));
    assert_eq!(status, Some(130), "verify did not exit 130 after Ctrl-C");
    assert!(
        sent.elapsed() < Duration::from_secs(3),
        "took {:?} to stop",
        sent.elapsed()
    );
    assert!(leftovers(pid).is_empty(), "{:?}", leftovers(pid));
}

#[cfg(unix)]
#[test]
fn a_second_ctrl_c_stops_at_once() {
    let c = runaway();
    let mut child = c
        .command(&["verify", "-j", "2"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    std::thread::sleep(Duration::from_millis(1000));
    unsafe {
        libc::kill(pid as i32, libc::SIGINT);
        libc::kill(pid as i32, libc::SIGINT);
    }
    assert_eq!(
        wait_with_limit(&mut child, Duration::from_secs(5)),
        Some(130)
    );
    assert!(leftovers(pid).is_empty(), "{:?}", leftovers(pid));
}

#[cfg(unix)]
fn wait_with_limit(child: &mut std::process::Child, limit: Duration) -> Option<i32> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn malformed_files_never_panic_the_parsers() {
    // A property test: random edits of real files give an error or a value,
    // never a panic.
    let info =
        std::fs::read_to_string(crate::harness::fixtures().join("outcomes/info.toml")).unwrap();
    let probes = std::fs::read_to_string(
        crate::harness::fixtures().join("servers/solutions/01_servers/01_ok/probes.toml"),
    )
    .unwrap();
    let state = r#"{"format_version":1,"current":"passes","done":["passes"],"hints_shown":{"passes":2},"welcomed":true}"#;
    let mut seed: u64 = 42;
    let mut rnd = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let junk = [
        "\"",
        "[",
        "]]",
        "=",
        "\n",
        "{",
        "}",
        "\u{0}",
        "é",
        "[[exercises]]",
        "0x",
        "-",
        "#",
        "'''",
        "\\",
    ];
    for i in 0..3000 {
        for (which, text) in [(0, &info), (1, &probes), (2, &state.to_string())] {
            let mut s: Vec<char> = text.chars().collect();
            for _ in 0..1 + rnd(4) {
                match rnd(3) {
                    0 if !s.is_empty() => {
                        let at = rnd(s.len());
                        s.truncate(at);
                    }
                    1 if !s.is_empty() => {
                        let at = rnd(s.len());
                        s.remove(at);
                    }
                    _ => {
                        let at = rnd(s.len() + 1);
                        for (k, c) in junk[rnd(junk.len())].chars().enumerate() {
                            s.insert(at + k, c);
                        }
                    }
                }
            }
            let mutated: String = s.into_iter().collect();
            let result = std::panic::catch_unwind(|| match which {
                0 => {
                    let _ = backendlings::course::parse_info("info.toml", &mutated);
                }
                1 => {
                    let _ = backendlings::probes::parse("probes.toml", &mutated);
                }
                _ => {
                    let _ = backendlings::state::parse(&mutated);
                }
            });
            assert!(
                result.is_ok(),
                "iteration {i}: a parser panicked on:\n{mutated}"
            );
        }
    }
}

#[test]
fn the_binary_reports_bad_arguments_as_usage_errors() {
    let r = run_command(
        {
            let mut c = std::process::Command::new(bin());
            c.arg("frobnicate");
            c
        },
        Duration::from_secs(30),
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unrecognized subcommand"), "{}", r.stderr);
}

#[test]
fn code_that_runs_go_env_w_cannot_change_later_verdicts() {
    // A course of its own: graded with the real HOME, this exercise would
    // change the go env of whoever runs the tests.
    let c = Course::fixture("poison");
    // The code under test writes to the go env file of this HOME; the
    // build and module caches stay the shared ones.
    let home = tempfile::tempdir().unwrap();
    let go_env = |name: &str| {
        let out = std::process::Command::new("go")
            .args(["env", name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let (cache, modcache) = (go_env("GOCACHE"), go_env("GOMODCACHE"));
    let grade = || {
        let mut cmd = c.command(&["run", "poisons_go_env"]);
        cmd.env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("GOCACHE", &cache)
            .env("GOMODCACHE", &modcache)
            .env("BACKENDLINGS_QUICK", "off");
        run_command(cmd, Duration::from_secs(300))
    };
    grade().expect_code(1).expect_stdout("✗ 1 test failed");
    let env_file = home.path().join(".config/go/env");
    assert!(
        std::fs::read_to_string(&env_file).is_ok_and(|t| t.contains("-exec=/bin/true")),
        "the code under test did not manage to write {}: this test proves nothing",
        env_file.display()
    );
    // With that go env in place, the next grading still runs the tests.
    grade().expect_code(1).expect_stdout("✗ 1 test failed");
}

/// Runners started at the same moment on a fresh course (two terminals)
/// both keep the originals without tripping over each other, and their
/// gradings of one exercise each read their own overlay and seal.
#[test]
fn concurrent_gradings_of_one_exercise_keep_to_their_own_files() {
    let c = crate::harness::Course::fixture("outcomes");
    for _ in 0..3 {
        let runs: Vec<_> = (0..3)
            .map(|_| {
                let cmd = c.command(&["run", "passes"]);
                std::thread::spawn(move || {
                    crate::harness::run_command(cmd, std::time::Duration::from_secs(300))
                })
            })
            .collect();
        for r in runs {
            r.join().unwrap().expect_code(0).expect_stdout("✓ passed");
        }
    }
}
