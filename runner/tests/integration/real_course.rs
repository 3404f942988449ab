//! The real course, end to end: `dev check` proves it sound, and `verify`
//! tells an untouched course from a solved one. They take minutes, so
//! plain `cargo test` skips them; `cargo test -- --include-ignored` (and
//! CI) runs them.

use std::time::Duration;

use crate::harness::{Course, copy_tree, repo_root, run_command};

#[test]
#[ignore = "the whole course: minutes of Go builds; run with `cargo test -- --include-ignored` (CI does)"]
fn dev_check_passes_on_the_real_course() {
    let mut cmd = std::process::Command::new(crate::harness::bin());
    cmd.arg("--course")
        .arg(repo_root())
        .args(["dev", "check"])
        .env("NO_COLOR", "1");
    let r = run_command(cmd, Duration::from_secs(3600));
    assert_eq!(
        r.code, 0,
        "dev check found problems:\n{}\n{}",
        r.stdout, r.stderr
    );
}

fn copy_of_real_course() -> Course {
    let dir = tempfile::Builder::new()
        .prefix("backendlings-course-")
        .tempdir()
        .unwrap();
    for entry in ["info.toml", "go.mod", "go.sum"] {
        let from = repo_root().join(entry);
        if from.exists() {
            std::fs::copy(&from, dir.path().join(entry)).unwrap();
        }
    }
    for sub in ["exercises", "solutions", "book"] {
        copy_tree(&repo_root().join(sub), &dir.path().join(sub));
    }
    Course { dir }
}

#[test]
#[ignore = "the whole course: minutes of Go builds; run with `cargo test -- --include-ignored` (CI does)"]
fn verify_fails_on_an_untouched_course_and_passes_once_solved() {
    let c = copy_of_real_course();
    let course = backendlings::course::Course::load(c.path()).unwrap();
    // 200 exercises beside the other whole-course tests on 2 cores: the
    // watchdog allows what a loaded machine needs, not what an idle one does.
    let limit = Duration::from_secs(1200);
    let r = run_command(c.command(&["verify", "--format", "json"]), limit);
    r.expect_code(1);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        doc["passed"], 0,
        "an untouched course has passing exercises:\n{}",
        r.stdout
    );
    assert_eq!(
        doc["total"].as_u64().unwrap() as usize,
        course.exercises.len()
    );

    for ex in &course.exercises {
        let learner_tests = ex.mode == backendlings::course::Mode::LearnerTests;
        // Copy every file the learner edits from the solution (subpackages too).
        copy_solution(&c, &ex.dir, learner_tests);
    }
    let r = run_command(c.command(&["verify"]), limit);
    assert_eq!(
        r.code, 0,
        "a solved course does not verify:\n{}\n{}",
        r.stdout, r.stderr
    );
}

fn copy_solution(c: &Course, dir: &str, learner_tests: bool) {
    let sol = c.file(&format!("solutions/{dir}"));
    for rel in files(&sol, &sol) {
        let s = rel.to_string_lossy().into_owned();
        if ["wrong/", "alt/", "bugs/"].iter().any(|d| s.starts_with(d)) {
            continue;
        }
        // Files other than Go the learner edits too (a Dockerfile).
        if !s.ends_with(".go") {
            let learners = c.file(&format!("exercises/{dir}/{s}"));
            if learners.is_file() {
                std::fs::copy(sol.join(&rel), learners).unwrap();
            }
            continue;
        }
        let is_test = s.ends_with("_test.go");
        if is_test != learner_tests && !s.contains('/') {
            continue;
        }
        if is_test && !learner_tests {
            continue;
        }
        let to = c.file(&format!("exercises/{dir}/{s}"));
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        // A solution with packages of its own imports them from solutions/;
        // the learner's copy imports its own, from exercises/.
        let text = std::fs::read_to_string(sol.join(&rel))
            .unwrap()
            .replace("\"backendlings/solutions/", "\"backendlings/exercises/");
        std::fs::write(to, text).unwrap();
    }
}

fn files(base: &std::path::Path, dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(base, &p));
        } else {
            out.push(p.strip_prefix(base).unwrap().to_path_buf());
        }
    }
    out
}

/// Each exercise's verdict, by name, with run-to-run noise blurred.
fn verdicts(r: &crate::harness::Run) -> std::collections::BTreeMap<String, (String, String)> {
    crate::harness::verdicts(r)
        .into_iter()
        .map(|(name, status, message)| (name, (status, without_long_numbers(&message))))
        .collect()
}

/// The text with what changes from run to run blurred: every number is
/// `#` (temporary directory names, times of day, measured durations), and
/// a duration's unit goes with it (`#.#µs` and `#ns` are both `#`).
fn without_long_numbers(text: &str) -> String {
    let mut blurred = String::new();
    let mut last_digit = false;
    for c in text.chars() {
        let digit = c.is_ascii_digit();
        if !digit {
            blurred.push(c);
        } else if !last_digit {
            blurred.push('#');
        }
        last_digit = digit;
    }
    let blurred = blurred.replace("#.#", "#");
    let mut out = String::new();
    let mut rest = blurred.as_str();
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        for unit in ["ns", "µs", "us", "ms", "s", "m", "h"] {
            if let Some(after) = rest.strip_prefix(unit)
                && !after.starts_with(|c: char| c.is_alphanumeric())
            {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
#[ignore = "the whole course: minutes of Go builds; run with `cargo test -- --include-ignored` (CI does)"]
fn the_quick_path_gives_the_verdicts_of_go_test() {
    // Every test-mode exercise the quick path may take, as shipped, solved,
    // and with each wrong solution of the course copied in: its verdict
    // must be exactly the one `go test` gives.
    let c = copy_of_real_course();
    let course = backendlings::course::Course::load(c.path()).unwrap();
    let quick: Vec<&backendlings::course::Exercise> = course
        .exercises
        .iter()
        .filter(|e| e.mode == backendlings::course::Mode::Test && !e.race && !e.vet)
        .collect();
    assert!(quick.len() > 40, "only {} exercises", quick.len());
    let names: Vec<&str> = quick.iter().map(|e| e.name.as_str()).collect();
    let verify_some = |switch: &str, names: &[&str]| {
        let mut args = vec!["verify", "--format", "json", "--no-cache", "--isolated"];
        args.extend(names);
        let mut cmd = c.command(&args);
        cmd.env("BACKENDLINGS_QUICK", switch);
        verdicts(&run_command(cmd, Duration::from_secs(1200)))
    };
    let verify = |switch: &str| verify_some(switch, &names);

    // The most wrong solutions any of these exercises has.
    let wrong = |e: &backendlings::course::Exercise| -> Vec<std::path::PathBuf> {
        let dir = c.file(&format!("solutions/{}/wrong", e.dir));
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    };
    let rounds = quick.iter().map(|e| wrong(e).len()).max().unwrap_or(0);
    let mut compared = 0;
    let mut prepared = 0;
    for round in 0..rounds + 2 {
        // Round 0: as shipped; 1: solved; 2…: the next wrong solution of
        // each exercise that has one (the others stay solved).
        if round == 1 {
            for e in &quick {
                copy_solution(&c, &e.dir, false);
            }
        } else if round >= 2 {
            for e in &quick {
                if let Some(variant) = wrong(e).get(round - 2) {
                    for f in files(variant, variant) {
                        let to = c.file(&format!("exercises/{}/{}", e.dir, f.display()));
                        std::fs::copy(variant.join(&f), to).unwrap();
                    }
                }
            }
        }
        let plain = verify("off");
        if round == 0 {
            // Records the dependencies of every exercise after grading it.
            verify("eager");
            prepared = names
                .iter()
                .filter(|n| {
                    c.file(&format!(".backendlings/cache/quick/{n}-exercise.json"))
                        .is_file()
                })
                .count();
        }
        let fast = verify("on");
        assert_eq!(plain.len(), names.len());
        for (name, want) in &plain {
            let got = &fast[name];
            if got == want {
                compared += 1;
                continue;
            }
            // Code whose output varies from run to run (map order, measured
            // times, an endless loop's last line, a server's log written
            // whenever its goroutine gets to it): the quick verdict must be
            // one go test also gives, or, where go test does not repeat
            // itself either, of the same kind and headline as a verdict go
            // test gives.
            let headline =
                |v: &(String, String)| (v.0.clone(), v.1.lines().next().map(String::from));
            let mut seen = false;
            let mut again = Vec::new();
            for _ in 0..3 {
                let v = verify_some("off", &[name.as_str()]).remove(name).unwrap();
                seen |= &v == got;
                if seen {
                    break;
                }
                again.push(v);
            }
            let varies = again.iter().any(|v| v != want);
            let same_kind = std::iter::once(want)
                .chain(&again)
                .any(|v| headline(v) == headline(got));
            if seen || (varies && same_kind) {
                continue;
            }
            let again: Vec<String> = again
                .iter()
                .map(|v| format!("{}: {}", v.0, v.1.lines().next().unwrap_or_default()))
                .collect();
            let first = got
                .1
                .lines()
                .zip(want.1.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("quick: {a}\ngo test: {b}"))
                .unwrap_or_default();
            panic!(
                "round {round}: the verdict of {name} differs on the quick path\n{first}\n\nquick:\n{}: {}\n\ngo test:\n{}: {}\n\ngo test again:\n{}",
                got.0,
                got.1,
                want.0,
                want.1,
                again.join("\n")
            );
        }
    }
    // Nearly every eligible exercise can take the quick path (those with
    // examples, TestMain, embedded files or packages of their own cannot).
    assert!(
        prepared * 10 >= names.len() * 8,
        "only {prepared} of {} exercises were prepared for the quick path",
        names.len()
    );
    assert!(compared > names.len() * 2);
}
