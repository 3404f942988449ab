//! The real course, end to end: `dev check` proves it sound, and `verify`
//! tells an untouched course from a solved one.

use std::time::Duration;

use crate::harness::{Course, copy_tree, repo_root, run_command};

#[test]
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
fn verify_fails_on_an_untouched_course_and_passes_once_solved() {
    let c = copy_of_real_course();
    let course = backendlings::course::Course::load(c.path()).unwrap();
    let r = c.run(&["verify", "--format", "json"]);
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
    let r = c.run(&["verify"]);
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
        if s.starts_with("wrong/") || s.starts_with("bugs/") || !s.ends_with(".go") {
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
