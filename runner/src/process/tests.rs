use std::time::{Duration, Instant};

use super::capture::{Capture, TAIL_CAP};
use super::*;

#[test]
fn capture_keeps_head_and_tail_within_bounds() {
    let mut c = Capture::new(10);
    c.push(b"0123456789abc");
    for _ in 0..1000 {
        c.push(&[b'x'; 1000]);
    }
    c.push(b"END");
    let s = c.snapshot();
    assert_eq!(s.head, b"0123456789");
    assert_eq!(s.tail.len(), TAIL_CAP);
    assert!(s.tail.ends_with(b"END"));
    assert_eq!(
        s.dropped as usize + s.head.len() + s.tail.len(),
        13 + 1_000_000 + 3
    );
}

#[test]
fn important_lines_past_the_cap_are_kept() {
    let mut c = Capture::new(10);
    c.keep = Some(|l: &[u8]| {
        if l.starts_with(b"KEEP") {
            Keep::Line
        } else {
            Keep::Drop
        }
    });
    c.push(b"0123456789");
    c.push(b"noise\nKEEP one\n");
    for _ in 0..10_000 {
        c.push(b"noise noise noise\n");
    }
    c.push(b"KE");
    c.push(b"EP two\nnoise\n");
    let s = c.snapshot();
    assert_eq!(s.kept, b"KEEP one\nKEEP two\n");
    assert!(s.kept_len() > 0);
}

#[test]
fn runs_and_captures() {
    let out = Cmd::new("sh")
        .args(["-c", "echo out; echo err >&2; exit 3"])
        .run()
        .unwrap();
    assert_eq!(out.code(), Some(3));
    assert_eq!(out.stdout.text(), "out\n");
    assert_eq!(out.stderr.text(), "err\n");
}

#[test]
fn feeds_stdin() {
    let out = Cmd::new("cat").stdin(b"hello".to_vec()).run().unwrap();
    assert_eq!(out.stdout.text(), "hello");
}

#[test]
fn times_out_and_kills_the_group() {
    let started = Instant::now();
    let out = Cmd::new("sh")
        .args(["-c", "sleep 30 & sleep 30"])
        .timeout(Duration::from_millis(300))
        .run()
        .unwrap();
    assert_eq!(out.ended, Ended::TimedOut);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn cancel_ends_a_run() {
    let token = CancelToken::new();
    let t2 = token.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        t2.cancel();
    });
    let out = Cmd::new("sleep").arg("30").cancel(&token).run().unwrap();
    assert_eq!(out.ended, Ended::Cancelled);
}

#[test]
fn rearm_switches_to_the_second_limit_when_the_marker_appears() {
    // Generous first limit, short second one: the run ends soon after
    // the marker, long before the first limit.
    let started = Instant::now();
    let out = Cmd::new("sh")
        .args(["-c", "sleep 0.2; echo '{\"Action\":\"start\"}'; sleep 30"])
        .timeout(Duration::from_secs(20))
        .rearm_on("\"Action\":\"start\"", Duration::from_millis(300))
        .run()
        .unwrap();
    assert_eq!(out.ended, Ended::TimedOut);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn missing_program_is_one_sentence() {
    let err = Cmd::new("no-such-program-here").run().unwrap_err();
    assert!(err.to_string().contains("was not found on PATH"), "{err}");
}
