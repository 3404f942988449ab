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
}

impl Session {
    fn start(c: &Course) -> Session {
        let mut cmd = c.command(&["watch"]);
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let out = child.stdout.take().unwrap();
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

#[test]
fn save_turns_the_verdict_and_n_moves_on() {
    let c = Course::fixture("outcomes");
    // Start on test_fails.
    c.write(
        ".backendlings-state.json",
        "{\"format_version\":1,\"current\":\"test_fails\",\"welcomed\":true}",
    );
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
    c.write(
        ".backendlings-state.json",
        "{\"format_version\":1,\"current\":\"test_fails\",\"welcomed\":true}",
    );
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
