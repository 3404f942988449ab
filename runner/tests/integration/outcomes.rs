//! One fixture exercise per grading outcome, graded by the real binary.

use crate::harness::{Course, Run, leftovers, verdicts};

fn course() -> Course {
    Course::fixture("outcomes")
}

#[test]
fn a_correct_exercise_passes() {
    let c = course();
    c.run(&["run", "passes"])
        .expect_code(0)
        .expect_stdout("✓ passed (2 tests)");
}

#[test]
fn a_compile_error_points_at_the_learners_file() {
    let c = course();
    let r = c.run(&["run", "compile_error"]);
    r.expect_code(1)
        .expect_stdout("✗ does not compile")
        .expect_stdout("exercises/01_grading/02_compile_error/sum.go:6:12: undefined: y")
        .expect_no_stdout("solutions/");
}

#[test]
fn a_missing_function_is_named_without_revealing_the_hidden_test_location() {
    let c = course();
    c.run(&["run", "missing_func"])
        .expect_code(1)
        .expect_stdout("[hidden test] sum_test.go")
        .expect_stdout("The hidden tests use `Sum`")
        .expect_no_stdout("solutions/");
}

#[test]
fn a_failing_test_shows_input_got_and_want() {
    let c = course();
    c.run(&["run", "test_fails"])
        .expect_code(1)
        .expect_stdout("✗ 1 test failed")
        .expect_stdout("TestSum")
        .expect_stdout("several: Sum([1 2 3]) = 3, want 6")
        .expect_no_stdout("sum_test.go:");
}

#[test]
fn an_endless_loop_times_out_and_leaves_no_process() {
    let c = course();
    let r = c.run(&["run", "endless_loop"]);
    // Where the loop is caught depends on where the runtime stopped it: in
    // Sum, or in the test that called it (with Sum inlined).
    r.expect_code(1)
        .expect_stdout("✗ timed out after 2s")
        .expect_stdout("a goroutine still running");
    assert!(
        leftovers(r.pid).is_empty(),
        "left behind: {:?}",
        leftovers(r.pid)
    );
}

#[test]
fn a_panic_is_a_crash_with_the_learners_line() {
    let c = course();
    c.run(&["run", "panics"])
        .expect_code(1)
        .expect_stdout("✗ crashed in TestSum")
        .expect_stdout("panic: assignment to entry in nil map")
        .expect_stdout("at exercises/01_grading/05_panics/sum.go:7");
}

#[test]
fn os_exit_in_init_does_not_pass() {
    let c = course();
    c.run(&["run", "init_exit"])
        .expect_code(1)
        .expect_stdout("did not run")
        .expect_stdout("os.Exit");
}

#[test]
fn a_learner_test_main_that_exits_does_not_pass() {
    let c = course();
    c.run(&["run", "testmain_exit"])
        .expect_code(1)
        .expect_stdout("✗ 1 test failed");
}

#[test]
fn a_learner_test_file_that_skips_does_not_pass() {
    let c = course();
    c.run(&["run", "skips"])
        .expect_code(1)
        .expect_stdout("TestSum");
}

#[test]
fn a_data_race_fails_even_when_the_result_is_right() {
    let c = course();
    c.run(&["run", "race"])
        .expect_code(1)
        .expect_stdout("DATA RACE")
        .expect_stdout("exercises/01_grading/10_race/counter.go:11");
}

#[test]
fn a_program_with_the_right_output_passes() {
    let c = course();
    c.run(&["run", "hello_ok"])
        .expect_code(0)
        .expect_stdout("✓ passed");
}

#[test]
fn wrong_output_shows_a_diff() {
    let c = course();
    c.run(&["run", "hello_wrong"])
        .expect_code(1)
        .expect_stdout("✗ wrong output")
        .expect_stdout("- Hello, backend!")
        .expect_stdout("+ Hello backend")
        // A command that runs it the same way, which really does.
        .expect_stdout("try it: cd exercises/02_programs/02_hello_wrong && go run .");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("cd exercises/02_programs/02_hello_wrong && go run .")
        .current_dir(c.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Hello backend\n");
}

#[test]
fn usage_errors_must_go_to_stderr_with_exit_code_2() {
    let c = course();
    c.run(&["run", "usage"])
        .expect_code(1)
        .expect_stdout("run: no arguments")
        .expect_stdout("exit code 0, want 2")
        .expect_stdout("error messages belong on stderr");
}

#[test]
fn a_program_that_loops_forever_times_out_and_leaves_no_process() {
    let c = course();
    let r = c.run(&["run", "loops_forever"]);
    r.expect_code(1).expect_stdout("✗ timed out after 1s");
    assert!(
        leftovers(r.pid).is_empty(),
        "left behind: {:?}",
        leftovers(r.pid)
    );
}

#[test]
fn a_program_that_panics_crashes() {
    let c = course();
    c.run(&["run", "program_panics"])
        .expect_code(1)
        .expect_stdout("✗ crashed")
        .expect_stdout("exercises/02_programs/05_panics/main.go:5");
}

#[test]
fn learner_tests_that_catch_every_bug_pass() {
    let c = course();
    c.run(&["run", "tests_ok"])
        .expect_code(0)
        .expect_stdout("caught all 3 bugs");
}

#[test]
fn learner_tests_that_miss_a_bug_are_told_which() {
    let c = course();
    c.run(&["run", "tests_weak"])
        .expect_code(1)
        .expect_stdout("✗ your tests missed 2 bugs")
        .expect_stdout("Max never looks at the last number")
        .expect_stdout("Max starts from 0")
        .expect_no_stdout("Max reports true for an empty slice");
}

#[test]
fn learner_tests_that_fail_on_the_reference_are_wrong() {
    let c = course();
    c.run(&["run", "tests_wrong"])
        .expect_code(1)
        .expect_stdout("fail on a correct implementation");
}

#[test]
fn learner_tests_exercise_without_tests_asks_for_one() {
    let c = course();
    c.run(&["run", "no_tests"])
        .expect_code(1)
        .expect_stdout("No test function found");
}

#[test]
fn learner_tests_ignore_edits_to_the_implementation() {
    // Breaking the shipped implementation does not make good tests fail:
    // they are judged against the reference.
    let c = course();
    c.write(
        "exercises/03_learner/01_tests_ok/max.go",
        "package max\n\nfunc Max(xs []int) (int, bool) { return 42, true }\n",
    );
    c.run(&["run", "tests_ok"]).expect_code(0);
}

#[test]
fn verify_reports_every_failure_and_exits_non_zero() {
    let c = course();
    let r = c.run(&["verify"]);
    r.expect_code(1)
        .expect_stdout("compile_error")
        .expect_stdout("3/19 exercises pass");
}

#[test]
fn verify_json_has_one_record_per_exercise() {
    let c = course();
    let r = c.run(&[
        "verify",
        "--format",
        "json",
        "passes",
        "test_fails",
        "hello_wrong",
    ]);
    r.expect_code(1);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(doc["format_version"], 1);
    assert_eq!(doc["total"], 3);
    assert_eq!(doc["passed"], 1);
    let ex = doc["exercises"].as_array().unwrap();
    assert_eq!(ex[0]["name"], "passes");
    assert_eq!(ex[0]["status"], "passed");
    assert_eq!(ex[1]["status"], "tests_failed");
    assert!(
        ex[1]["message"]
            .as_str()
            .unwrap()
            .contains("Sum([1 2 3]) = 3, want 6")
    );
    assert_eq!(ex[2]["status"], "wrong_output");
    assert!(ex[2]["duration_secs"].as_f64().unwrap() > 0.0);
}

#[test]
fn verify_junit_is_well_formed_with_failures() {
    let c = course();
    let out = c.file("report.xml");
    let r = c.run(&[
        "verify",
        "--format",
        "junit",
        "-o",
        out.to_str().unwrap(),
        "passes",
        "panics",
    ]);
    r.expect_code(1);
    let xml = std::fs::read_to_string(out).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(
        xml.contains("<testsuites name=\"backendlings\" tests=\"2\" failures=\"1\" errors=\"0\"")
    );
    assert!(xml.contains("<testsuite name=\"01_grading\" tests=\"2\" failures=\"1\""));
    assert!(xml.contains("<testcase name=\"passes\" classname=\"01_grading\""));
    assert!(xml.contains("<failure message=\"crashed in TestSum\" type=\"crashed\">"));
    assert_eq!(xml.matches("<testcase").count(), 2);
    assert_eq!(xml.matches("</testsuite>").count(), 1);
}

#[test]
fn dev_check_reports_exercises_that_pass_as_shipped() {
    // The fixture course keeps passing exercises on purpose: dev check must
    // call each out, one line per problem.
    let c = course();
    let r = c.run(&[
        "dev",
        "check",
        "passes",
        "hello_ok",
        "test_fails",
        "tests_weak",
    ]);
    r.expect_code(1)
        .expect_stdout("exercises/01_grading/01_passes: passes as shipped")
        .expect_stdout("exercises/02_programs/01_hello_ok: passes as shipped")
        .expect_no_stdout("exercises/01_grading/03_test_fails:")
        .expect_no_stdout("exercises/03_learner/02_tests_weak:");
}

#[test]
fn dev_check_reports_a_stub_that_fails_for_the_wrong_reason() {
    let c = course();
    let info = c.read("info.toml").replace(
        "name = \"test_fails\"\ndir = \"01_grading/03_test_fails\"\nmode = \"test\"\nhints = [\"first\", \"second\"]\nbook = \"01_grading.md#top\"\nfails_with = [\"TestSum\"]",
        "name = \"test_fails\"\ndir = \"01_grading/03_test_fails\"\nmode = \"test\"\nhints = [\"first\", \"second\"]\nbook = \"01_grading.md#top\"\nfails_with = [\"compile\"]",
    );
    c.write("info.toml", &info);
    c.run(&["dev", "check", "test_fails"])
        .expect_code(1)
        .expect_stdout("exercises/01_grading/03_test_fails: fails as shipped with \"1 test failed\" (tests), not the intended compile");
}

#[test]
fn dev_check_reports_a_broken_solution() {
    let c = course();
    c.write(
        "solutions/01_grading/03_test_fails/sum.go",
        "package sum\n\nfunc Sum(xs []int) int { return 1 }\n",
    );
    c.run(&["dev", "check", "test_fails"])
        .expect_code(1)
        .expect_stdout("solutions/01_grading/03_test_fails: the reference solution does not pass");
}

/// Asserts two runs gave the same verdicts. Where the runtime stopped an
/// endless loop, and what a racy counter happened to count, vary from run
/// to run; there the verdict's kind and headline must not.
fn assert_same_verdicts(a: &Run, b: &Run, how: &str) {
    let (a, b) = (verdicts(a), verdicts(b));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        if x.1 == "timed_out" || x.2.contains("DATA RACE") {
            assert_eq!(
                (&x.0, &x.1, x.2.lines().next()),
                (&y.0, &y.1, y.2.lines().next())
            );
            continue;
        }
        assert_eq!(x, y, "the verdict of {} differs {how}", x.0);
    }
}

#[test]
fn shared_go_test_runs_give_the_same_verdicts_as_one_run_per_exercise() {
    // Every outcome at once, a compile error among them: grouping must not
    // change a single verdict.
    let c = course();
    let grouped = c.run(&["verify", "--format", "json", "--no-cache"]);
    let alone = c.run(&["verify", "--format", "json", "--no-cache", "--isolated"]);
    assert_eq!(verdicts(&grouped).len(), 19);
    assert_same_verdicts(&grouped, &alone, "when grouped");
}

#[test]
fn the_quick_path_gives_the_same_verdicts_as_go_test() {
    // Each outcome through the compiler and linker called directly, as
    // watch mode does after the first check: the same verdicts as go test.
    let c = course();
    let verify = |switch: &str| {
        let mut cmd = c.command(&["verify", "--format", "json", "--no-cache", "--isolated"]);
        cmd.env("BACKENDLINGS_QUICK", switch);
        crate::harness::run_command(cmd, std::time::Duration::from_secs(300))
    };
    let plain = verify("off");
    verify("eager");
    for name in [
        "passes",
        "compile_error",
        "test_fails",
        "endless_loop",
        "panics",
        "init_exit",
        "missing_func",
        "skips",
    ] {
        assert!(
            c.file(&format!(".backendlings/cache/quick/{name}-exercise.json"))
                .is_file(),
            "{name} was not prepared for the quick path"
        );
    }
    assert_same_verdicts(&verify("on"), &plain, "on the quick path");
}

#[test]
fn remembered_passes_are_reused_until_something_changes() {
    let c = course();
    c.run(&["verify", "passes", "hello_ok"]).expect_code(0);
    let cached = c.file(".backendlings/cache/verdicts/passes.json");
    assert!(cached.is_file());
    // Unchanged: the pass is reused (the file is not rewritten).
    let before = std::fs::metadata(&cached).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    c.run(&["verify", "passes"]).expect_code(0);
    assert_eq!(
        std::fs::metadata(&cached).unwrap().modified().unwrap(),
        before
    );
    // Changed: graded again, and the failure is remembered in its place.
    c.write(
        "exercises/01_grading/01_passes/sum.go",
        "package sum\n\nfunc Sum(xs []int) int { return 0 }\n",
    );
    let failed = c.run(&["verify", "passes"]);
    failed.expect_code(1);
    assert!(
        c.read(".backendlings/cache/verdicts/passes.json")
            .contains("tests_failed")
    );
    // A second verify of the unchanged failure reuses it, word for word.
    let again = c.run(&["verify", "passes"]);
    again.expect_code(1);
    assert_eq!(
        again.stdout.replace(|c: char| c.is_ascii_digit(), ""),
        failed.stdout.replace(|c: char| c.is_ascii_digit(), "")
    );
}

#[test]
fn timeouts_are_never_remembered() {
    let c = course();
    c.run(&["verify", "endless_loop"]).expect_code(1);
    assert!(
        !c.file(".backendlings/cache/verdicts/endless_loop.json")
            .exists()
    );
}

/// `verify` in a terminal (`script` gives it one): the bar is drawn at once
/// and redrawn while the shared runs and the slow exercises go on, never
/// leaving the learner with a still screen.
#[test]
#[cfg(target_os = "linux")]
fn verify_shows_its_bar_at_once_and_keeps_it_moving() {
    use std::io::Read;
    use std::time::{Duration, Instant};
    let c = course();
    let cmd = c.command(&["verify"]);
    let line: Vec<String> = std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|a| format!("'{}'", a.to_string_lossy().replace('\'', "'\\''")))
        .collect();
    let mut script = std::process::Command::new("script");
    script.args(["-qfec", &line.join(" "), "/dev/null"]);
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => script.env(k, v),
            None => script.env_remove(k),
        };
    }
    let started = Instant::now();
    let mut child = script
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script(1) starts");
    let mut out = child.stdout.take().unwrap();
    let mut text = String::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = out.read(&mut buf).unwrap_or(0);
        if n == 0 {
            break;
        }
        text.push_str(&String::from_utf8_lossy(&buf[..n]));
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "verify ran for 5 minutes"
        );
    }
    drop(child.stdin.take());
    let _ = child.wait();
    assert!(text.contains("exercises pass"), "{text}");
    // Each drawing of the bar: "[###---] 3/19 4s grading…", as (done, seconds).
    let draws: Vec<(usize, u64)> = text
        .split("\r\x1b[2K[")
        .skip(1)
        .filter_map(|d| {
            let mut words = d.split(['\r', '\n']).next()?.split_whitespace().skip(1);
            let done = words.next()?.split('/').next()?.parse().ok()?;
            let secs = words.next()?.strip_suffix('s')?.parse().ok()?;
            Some((done, secs))
        })
        .collect();
    // At once: before the first exercise is graded (however busy the
    // machine, and verify grades for seconds).
    assert_eq!(
        draws.first().map(|d| d.0),
        Some(0),
        "the bar was not drawn before the first result: {draws:?}"
    );
    // Moving: its clock ticks while no result comes in.
    assert!(
        draws
            .windows(2)
            .any(|w| w[0].0 == w[1].0 && w[1].1 > w[0].1),
        "the bar's clock never moved between two results: {draws:?}"
    );
}
