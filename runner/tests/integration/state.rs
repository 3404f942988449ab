//! Progress, hints, reset, and bad input: each gives one clear sentence.

use crate::harness::Course;

fn course() -> Course {
    Course::fixture("outcomes")
}

#[test]
fn a_pass_is_recorded_and_listed() {
    let c = course();
    c.run(&["run", "passes"]).expect_code(0);
    let r = c.run(&["list"]);
    r.expect_code(0).expect_stdout("1/19 done");
    let line = r.stdout.lines().find(|l| l.contains(" passes ")).unwrap();
    assert!(line.contains("done"), "{line}");
}

#[test]
fn a_failing_experiment_after_a_pass_keeps_the_exercise_done() {
    let c = course();
    c.run(&["run", "passes"]).expect_code(0);
    let file = "exercises/01_grading/01_passes/sum.go";
    let solved = c.read(file);
    c.write(file, &solved.replace("package", "package broken\npackage"));
    c.run(&["run", "passes"]).expect_code(1);
    for cmd in ["list", "progress"] {
        c.run(&[cmd]).expect_code(0).expect_stdout("1/19");
    }
    let line = c
        .run(&["list"])
        .stdout
        .lines()
        .find(|l| l.contains(" passes "))
        .map(str::to_string)
        .unwrap();
    assert!(line.contains("done"), "{line}");
}

#[test]
fn a_corrupt_state_file_is_reported_and_kept_aside() {
    let c = course();
    c.write(
        ".backendlings-state.json",
        "{\"format_version\": 1, \"done\": [\"passes\"",
    );
    let r = c.run(&["list"]);
    r.expect_code(0)
        .expect_stderr("progress file could not be read")
        .expect_stderr(".backendlings-state.json.corrupt-");
    let kept: Vec<_> = std::fs::read_dir(c.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".backendlings-state.json.corrupt-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read_to_string(kept[0].path()).unwrap(),
        "{\"format_version\": 1, \"done\": [\"passes\""
    );
    assert!(!r.stderr.contains("panicked"));
}

#[test]
fn a_malformed_info_toml_is_one_sentence_with_its_position() {
    let c = course();
    let info = c
        .read("info.toml")
        .replacen("mode = \"test\"", "mode = \"tset\"", 1);
    c.write("info.toml", &info);
    let r = c.run(&["list"]);
    r.expect_code(3);
    let err = r.stderr.trim();
    assert!(err.starts_with("error: info.toml:"), "{err}");
    assert!(err.contains("unknown variant `tset`"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn an_unknown_field_in_info_toml_is_rejected() {
    let c = course();
    let info = c.read("info.toml").replacen("fails_with", "fail_with", 1);
    c.write("info.toml", &info);
    c.run(&["list"])
        .expect_code(3)
        .expect_stderr("unknown field `fail_with`");
}

#[test]
fn an_unlisted_exercise_directory_is_reported() {
    let c = course();
    c.write("exercises/01_grading/99_extra/x.go", "package x\n");
    c.run(&["list"])
        .expect_code(3)
        .expect_stderr("exercises/01_grading/99_extra is not listed");
}

#[test]
fn a_missing_go_is_one_sentence() {
    let c = course();
    let mut cmd = c.command(&["run", "passes"]);
    cmd.env("PATH", "/nonexistent");
    let r = crate::harness::run_command(cmd, std::time::Duration::from_secs(60));
    r.expect_code(3)
        .expect_stderr("`go` was not found on PATH: install Go 1.25 or newer");
}

#[cfg(unix)]
#[test]
fn a_too_old_go_is_one_sentence() {
    let c = course();
    let bin = c.file("fakebin");
    std::fs::create_dir_all(&bin).unwrap();
    let go = bin.join("go");
    std::fs::write(&go, "#!/bin/sh\necho go1.21.3\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&go, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = c.command(&["run", "passes"]);
    cmd.env("PATH", format!("{}:/usr/bin:/bin", bin.display()));
    let r = crate::harness::run_command(cmd, std::time::Duration::from_secs(60));
    r.expect_code(3)
        .expect_stderr("needs Go 1.25 or newer, but `go` on PATH is go1.21.3");
}

#[test]
fn an_unknown_exercise_name_is_a_usage_error_with_suggestions() {
    let c = course();
    c.run(&["run", "nope"])
        .expect_code(2)
        .expect_stderr("there is no exercise named \"nope\"")
        .expect_stderr("`backendlings list` shows them all");
    c.run(&["hint", "pases"])
        .expect_code(2)
        .expect_stderr("did you mean passes?");
}

#[test]
fn an_exercise_can_be_named_by_its_folder() {
    let c = course();
    for name in [
        "compile_error",
        "02_compile_error",
        "exercises/01_grading/02_compile_error/",
    ] {
        c.run(&["hint", name])
            .expect_code(0)
            .expect_stdout("Hint 1 of");
    }
}

#[test]
fn hints_advance_one_level_at_a_time() {
    let c = course();
    c.run(&["hint", "passes"])
        .expect_code(0)
        .expect_stdout("Hint 1 of 2")
        .expect_no_stdout("Hint 2 of 2");
    c.run(&["hint", "passes"])
        .expect_code(0)
        .expect_stdout("Hint 2 of 2")
        .expect_stdout("last hint");
}

#[test]
fn reset_restores_the_original_and_keeps_a_backup() {
    let c = course();
    c.run(&["list"]).expect_code(0);
    let original = c.read("exercises/01_grading/03_test_fails/sum.go");
    c.run(&["run", "test_fails"]); // takes the originals on first grading
    c.write(
        "exercises/01_grading/03_test_fails/sum.go",
        "package sum\n// my work\n",
    );
    let r = c.run(&["reset", "test_fails"]);
    r.expect_code(0)
        .expect_stdout("Your version is kept in .backendlings/backups/01_grading/03_test_fails/");
    assert_eq!(
        c.read("exercises/01_grading/03_test_fails/sum.go"),
        original
    );
    let backup = r.stdout.split("kept in ").nth(1).unwrap().trim();
    assert_eq!(
        c.read(&format!("{backup}/sum.go")),
        "package sum\n// my work\n"
    );
}

#[test]
fn solution_stays_hidden_until_passed() {
    let c = course();
    c.run(&["solution", "test_fails"])
        .expect_code(1)
        .expect_stdout("has not passed yet")
        .expect_stdout("Hint 1 of 2");
    c.run(&["run", "passes"]).expect_code(0);
    c.run(&["solution", "passes"])
        .expect_code(0)
        .expect_stdout("solutions/01_grading/01_passes/sum.go")
        .expect_stdout("identical to yours");
}

#[test]
fn progress_counts_by_module() {
    let c = course();
    c.run(&["run", "hello_ok"]).expect_code(0);
    c.run(&["progress"])
        .expect_code(0)
        .expect_stdout("1/19 exercises done")
        .expect_stdout("02_programs");
}

#[test]
fn completions_are_printed_for_each_shell() {
    let c = course();
    for shell in ["bash", "zsh", "fish"] {
        c.run(&["completions", shell])
            .expect_code(0)
            .expect_stdout("backendlings")
            // Inside a course, exercise names complete too.
            .expect_stdout("test_fails")
            .expect_stdout("hello_wrong");
    }
    // And bash offers them: `backendlings hint hel<Tab>`.
    let script = c.run(&["completions", "bash"]).stdout;
    c.write("completions.bash", &script);
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(
            "source ./completions.bash; COMP_WORDS=(backendlings hint hel); COMP_CWORD=2; \
             COMP_LINE='backendlings hint hel'; COMP_POINT=${#COMP_LINE}; \
             _backendlings backendlings hel hint; echo \"${COMPREPLY[@]}\"",
        )
        .current_dir(c.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "hello_ok hello_wrong"
    );
}

#[test]
fn the_book_line_names_a_page_that_exists() {
    let c = course();
    // Not built: the chapter's source.
    c.run(&["run", "test_fails"])
        .expect_stdout("Book: book/src/01_grading.md#top");
    // Built: the page, as a URL a terminal can open.
    c.write("book/book/01_grading.html", "<html></html>");
    let r = c.run(&["run", "test_fails"]);
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("Book:"))
        .unwrap_or_default();
    assert!(
        line.starts_with("Book: file:///") && line.ends_with("book/book/01_grading.html#top"),
        "{line}"
    );
}

#[test]
fn under_cargo_run_messages_name_cargo_run() {
    let c = course();
    // What `cargo run` gives the program it starts (the binary is under
    // target/, as cargo builds it).
    let mut cmd = c.command(&["run", "nope"]);
    cmd.env("CARGO_MANIFEST_DIR", crate::harness::repo_root());
    crate::harness::run_command(cmd, std::time::Duration::from_secs(60))
        .expect_code(2)
        .expect_stderr("`cargo run -- list` shows them all");
    let mut cmd = c.command(&["hint", "passes"]);
    cmd.env("CARGO_MANIFEST_DIR", crate::harness::repo_root());
    let r = crate::harness::run_command(cmd, std::time::Duration::from_secs(60));
    r.expect_code(0);
    let mut cmd = c.command(&["hint", "passes"]);
    cmd.env("CARGO_MANIFEST_DIR", crate::harness::repo_root());
    crate::harness::run_command(cmd, std::time::Duration::from_secs(60))
        .expect_code(0)
        .expect_stdout("`cargo run -- solution passes` shows the reference");
}

#[test]
fn a_failing_change_after_a_pass_keeps_done_and_says_so() {
    let c = course();
    c.run(&["run", "passes"]).expect_code(0);
    let done = "done (passed before; your last change fails)";
    let line = |r: &crate::harness::Run| -> String {
        r.stdout
            .lines()
            .find(|l| l.contains(" passes "))
            .unwrap_or_default()
            .to_string()
    };
    let l = line(&c.run(&["list"]));
    assert!(l.trim_end().ends_with("done"), "{l}");
    c.write(
        "exercises/01_grading/01_passes/sum.go",
        "package sum\n\nfunc Sum(xs []int) int { return 0 }\n",
    );
    c.run(&["run", "passes"]).expect_code(1);
    let r = c.run(&["list"]);
    assert!(line(&r).contains(done), "{}", r.stdout);
    r.expect_stdout("1/19 done");
    // verify says the same, and a pass clears it.
    c.run(&["verify", "passes"]).expect_code(1);
    assert!(line(&c.run(&["list"])).contains(done));
    c.solve("01_grading/01_passes", false);
    c.run(&["verify", "passes"]).expect_code(0);
    let l = line(&c.run(&["list"]));
    assert!(!l.contains("last change"), "{l}");
    // reset forgets both.
    c.run(&["reset", "passes"]).expect_code(0);
    let l = line(&c.run(&["list"]));
    assert!(l.trim_end().ends_with("pending"), "{l}");
}
