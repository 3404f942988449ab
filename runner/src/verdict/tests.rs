use super::*;
use crate::term::Style;

#[test]
fn every_failure_kind_is_one_fails_with_can_name() {
    let s = String::new;
    let all = [
        Verdict::CompileError { output: s() },
        Verdict::TestsFailed {
            failures: vec![],
            not_run: vec![],
            note: None,
        },
        Verdict::TimedOut {
            limit: Duration::ZERO,
            running: vec![],
            output: s(),
        },
        Verdict::Crashed {
            test: None,
            output: s(),
        },
        Verdict::WrongOutput { failures: vec![] },
        Verdict::ServerDidNotStart {
            reason: s(),
            output: s(),
        },
        Verdict::ProbeFailed { failures: vec![] },
        Verdict::MissedBugs {
            missed: vec![],
            caught: 0,
        },
    ];
    let mut kinds: Vec<&str> = all.iter().map(Verdict::fail_kind).collect();
    let mut named = crate::course::FAIL_KINDS.to_vec();
    kinds.sort();
    named.sort();
    assert_eq!(kinds, named);
}

fn plain(v: &Verdict) -> String {
    v.render(Style::PLAIN, false)
}

#[test]
fn passed() {
    let v = Verdict::Passed {
        summary: "3 tests".into(),
    };
    assert_eq!(plain(&v), "✓ passed (3 tests)\n");
    assert_eq!(v.kind(), "passed");
}

#[test]
fn compile_error() {
    let v = Verdict::CompileError {
        output: "exercises/a/b/x.go:3:5: undefined: y".into(),
    };
    assert_eq!(
        plain(&v),
        "✗ does not compile\n\nexercises/a/b/x.go:3:5: undefined: y\n"
    );
}

#[test]
fn tests_failed_shows_the_first_and_folds_the_rest() {
    let v = Verdict::TestsFailed {
        failures: vec![
            Failure {
                test: "TestSum".into(),
                message: "Sum(1, 2) = 0, want 3".into(),
            },
            Failure {
                test: "TestEmpty".into(),
                message: "Sum() = 1, want 0\nmore".into(),
            },
        ],
        not_run: vec!["TestLast".into()],
        note: None,
    };
    assert_eq!(
        plain(&v),
        "✗ 2 tests failed, 1 test did not run\n\nTestSum\n  Sum(1, 2) = 0, want 3\n\nTestEmpty Sum() = 1, want 0\n\nThese hidden tests reported no result: TestLast\n"
    );
    assert!(v.render(Style::PLAIN, true).contains("  more"));
}

#[test]
fn timed_out() {
    let v = Verdict::TimedOut {
        limit: Duration::from_secs(10),
        running: vec!["TestLoop".into()],
        output: String::new(),
    };
    assert_eq!(
        plain(&v),
        "✗ timed out after 10s\nThe code did not finish in time: look for an endless loop, or a goroutine or channel operation that waits forever.\nStill running: TestLoop\n"
    );
}

#[test]
fn crashed() {
    let v = Verdict::Crashed {
        test: Some("TestMap".into()),
        output: "panic: assignment to entry in nil map\n\nexercises/a/b/m.go:10".into(),
    };
    assert_eq!(
        plain(&v),
        "✗ crashed in TestMap\n\npanic: assignment to entry in nil map\n\nexercises/a/b/m.go:10\n"
    );
}

#[test]
fn wrong_output_shows_a_diff() {
    let v = Verdict::WrongOutput {
        failures: vec![CaseFailure {
            case: "hello".into(),
            problems: vec!["exit code 1, want 0".into()],
            stdout: Some(("Hello, World!\n".into(), "Hello World\n".into())),
            stderr: String::new(),
            reproduce: "cd exercises/01_hello && go run .".into(),
        }],
    };
    assert_eq!(
        plain(&v),
        "✗ wrong output\n\nrun: hello\n  exit code 1, want 0\n  stdout differs (- expected, + yours):\n    - Hello, World!\n    + Hello World\n  try it: cd exercises/01_hello && go run .\n"
    );
}

#[test]
fn diff_makes_whitespace_visible() {
    let d = line_diff("a\n", "a \n", Style::PLAIN, "");
    assert_eq!(d, "- a\n+ a·\n");
    let d = line_diff("a\n", "a", Style::PLAIN, "");
    assert_eq!(d, "- a\n+ a ⏎ (no newline at end)\n");
    assert!(line_diff("a\n", "", Style::PLAIN, "").contains("printed nothing"));
}

#[test]
fn server_did_not_start() {
    let v = Verdict::ServerDidNotStart {
        reason: "The program exited with code 1 before accepting connections.".into(),
        output: "listen tcp: address in use".into(),
    };
    assert_eq!(
        plain(&v),
        "✗ server did not start\nThe program exited with code 1 before accepting connections.\n\nWhat it printed:\n  listen tcp: address in use\n"
    );
}

#[test]
fn probe_failed() {
    let v = Verdict::ProbeFailed {
        failures: vec![ProbeFailure {
            probe: "health".into(),
            request: "GET /health".into(),
            expected: "status 200".into(),
            got: "status 404".into(),
        }],
    };
    assert_eq!(
        plain(&v),
        "✗ 1 probe failed\n\nhealth\n  request:  GET /health\n  expected: status 200\n  got:      status 404\n"
    );
}

#[test]
fn missed_bugs() {
    let v = Verdict::MissedBugs {
        missed: vec!["Sum ignores negative numbers".into()],
        caught: 2,
    };
    assert_eq!(
        plain(&v),
        "✗ your tests missed 1 bug\nYour tests pass on the correct implementation and catch 2 of the bugs, but they also pass on these broken ones:\n  • Sum ignores negative numbers\nAdd a test case that fails when the code has that bug.\n"
    );
}

#[test]
fn colour_only_when_asked() {
    let v = Verdict::Passed {
        summary: String::new(),
    };
    assert!(!v.render(Style::PLAIN, false).contains('\x1b'));
    assert!(v.render(Style { color: true }, false).contains('\x1b'));
}
