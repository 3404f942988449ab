//! A runner killed with SIGKILL leaves nothing running, whatever it was
//! doing: grading a program that spins in `init`, verifying, watching, or
//! probing a server. Each check here also starts a child that leaves the
//! session with a cleared environment (`setsid env -i sleep N`), which no
//! marker or process group can find. Linux only: it is the guard's subreaper
//! and parent-death signal that make this hold.

use std::process::Stdio;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::harness::{Course, leftovers, marked};

/// The checks of these tests start the same escapee: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

/// Pids of running processes whose command line is exactly `cmd`.
fn running(cmd: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(p) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let line = std::fs::read(format!("/proc/{p}/cmdline")).unwrap_or_default();
        let line = String::from_utf8_lossy(&line).replace('\0', " ");
        let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).unwrap_or_default();
        let zombie = stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z'));
        if line.trim_end() == cmd && !zombie {
            found.push(p);
        }
    }
    found
}

fn wait_until(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts the runner with `args`, waits until the check has started the
/// escapee `sleep N` and a process of its own matching `busy`, kills the
/// runner with SIGKILL, and asserts that within 2 s nothing is left.
fn killed_mid_check(c: &Course, args: &[&str], escapee: &str, busy: &str) {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    for p in running(escapee) {
        // SAFETY: kill(2) on a leftover of an earlier failed run.
        unsafe { libc::kill(p as i32, libc::SIGKILL) };
    }
    let mut child = c
        .command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    wait_until(
        "the check to start its processes",
        Duration::from_secs(90),
        || !running(escapee).is_empty() && marked(pid).iter().any(|p| p.contains(busy)),
    );
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(pid as i32, libc::SIGKILL) };
    let _ = child.wait();
    let killed = Instant::now();
    let deadline = killed + Duration::from_secs(2);
    while !running(escapee).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        running(escapee).is_empty(),
        "`{escapee}` still runs {:?} after the runner was killed",
        killed.elapsed()
    );
    let left = leftovers(pid);
    assert!(
        left.is_empty() || killed.elapsed() > Duration::from_secs(2),
        "left behind: {left:?}"
    );
    assert!(left.is_empty(), "left behind after 2 s: {left:?}");
}

#[test]
fn kill_9_during_run_leaves_nothing() {
    let c = Course::fixture("runaway");
    killed_mid_check(&c, &["run", "spins_in_init"], "sleep 30901", ".test");
}

#[test]
fn kill_9_during_verify_leaves_nothing() {
    let c = Course::fixture("runaway");
    killed_mid_check(&c, &["verify", "-j", "1"], "sleep 30901", ".test");
}

#[test]
fn kill_9_during_watch_leaves_nothing() {
    let c = Course::fixture("runaway");
    c.start_at("spins_in_init");
    killed_mid_check(&c, &["watch"], "sleep 30901", ".test");
}

#[test]
fn kill_9_during_server_probes_leaves_nothing() {
    let c = Course::fixture("servers");
    killed_mid_check(
        &c,
        &["run", "spawns_and_hangs"],
        "sleep 31001",
        "spawns_and_hangs",
    );
}

#[test]
fn a_setsid_child_with_a_cleared_environment_is_gone_after_the_check() {
    let c = Course::fixture("runaway");
    let r = c.run(&["run", "children"]);
    r.expect_code(1);
    wait_until("the escapee to be killed", Duration::from_secs(2), || {
        running("sleep 30302").is_empty()
    });
}

#[test]
fn the_next_start_ends_what_a_killed_runner_left() {
    // A process marked by a runner that no longer exists, as a runner
    // killed before it could clean up leaves it.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let mut left = std::process::Command::new("sleep")
        .arg("30777")
        .env("BACKENDLINGS_CHECK", format!("{dead}.7"))
        .spawn()
        .unwrap();
    let c = Course::fixture("minicourse");
    c.run(&["list"]).expect_code(0);
    let deadline = Instant::now() + Duration::from_secs(2);
    let status = loop {
        if let Some(s) = left.try_wait().unwrap() {
            break Some(s);
        }
        if Instant::now() > deadline {
            let _ = left.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(
        status.is_some(),
        "the leftover of a dead runner still ran after the next start"
    );
}
