//! Courses of one's own and the instructor commands: a second fixture course
//! run from its own directory, `dev new` and its renumbering, and `dev check`
//! catching what an instructor can get wrong.

use std::time::Duration;

use crate::harness::{Course, bin, run_command};

fn mini() -> Course {
    Course::fixture("minicourse")
}

/// Runs the binary from inside the course directory, without --course.
fn run_inside(c: &Course, args: &[&str]) -> crate::harness::Run {
    let mut cmd = std::process::Command::new(bin());
    cmd.args(args)
        .current_dir(c.path().join("exercises"))
        .env("NO_COLOR", "1");
    run_command(cmd, Duration::from_secs(300))
}

#[test]
fn a_course_of_ones_own_runs_from_its_directory() {
    let c = mini();
    run_inside(&c, &["list"])
        .expect_code(0)
        .expect_stdout("greet")
        .expect_stdout("0/2 done");
    run_inside(&c, &["run"])
        .expect_code(1)
        .expect_stdout("✗ wrong output");
    run_inside(&c, &["verify"])
        .expect_code(1)
        .expect_stdout("0/2 exercises pass");
    c.solve("00_start/01_greet", false);
    c.solve("01_numbers/01_double", false);
    run_inside(&c, &["verify"])
        .expect_code(0)
        .expect_stdout("2/2 exercises pass");
    // State lives in that course.
    assert!(c.file(".backendlings-state.json").is_file());
    run_inside(&c, &["progress"])
        .expect_code(0)
        .expect_stdout("2/2 exercises done");
}

#[test]
fn the_fixture_course_is_sound() {
    mini()
        .run(&["dev", "check"])
        .expect_code(0)
        .expect_stdout("the course is sound");
}

#[test]
fn dev_new_then_filling_in_gives_an_exercise_dev_check_accepts() {
    let c = mini();
    c.run(&["dev", "new", "01_numbers", "triple"])
        .expect_code(0)
        .expect_stdout("Created exercise triple");
    assert!(c.file("exercises/01_numbers/02_triple/triple.go").is_file());
    assert!(
        c.file("solutions/01_numbers/02_triple/triple_test.go")
            .is_file()
    );
    assert!(
        c.read("book/src/01_numbers.md")
            .contains("- `exercises/01_numbers/02_triple`: [Triple](#triple)")
    );
    // Unfilled, dev check says what is left to do.
    let r = c.run(&["dev", "check", "triple"]);
    r.expect_code(1)
        .expect_stdout("hint 1 in info.toml still says TODO")
        .expect_stdout("solutions/01_numbers/02_triple: the reference solution does not pass");

    // Fill it in.
    c.write(
        "exercises/01_numbers/02_triple/triple.go",
        "// Exercise: make Triple return three times its argument.\npackage triple\n\n// Triple returns 3n.\nfunc Triple(n int) int {\n\treturn n\n}\n",
    );
    c.write(
        "solutions/01_numbers/02_triple/triple.go",
        "// Exercise: make Triple return three times its argument.\npackage triple\n\n// Triple returns 3n.\nfunc Triple(n int) int {\n\treturn 3 * n\n}\n",
    );
    c.write(
        "solutions/01_numbers/02_triple/triple_test.go",
        "package triple\n\nimport \"testing\"\n\nfunc TestTriple(t *testing.T) {\n\tfor _, n := range []int{0, 1, -2} {\n\t\tif got := Triple(n); got != 3*n {\n\t\t\tt.Errorf(\"Triple(%d) = %d, want %d\", n, got, 3*n)\n\t\t}\n\t}\n}\n",
    );
    let info = c
        .read("info.toml")
        .replace("\"TODO: a nudge.\"", "\"Multiply.\"")
        .replace("\"TODO: nearly the answer.\"", "\"return 3 * n\"")
        .replace(
            "fails_with = [\"compile\"]",
            "fails_with = [\"TestTriple\"]",
        );
    c.write("info.toml", &info);
    // The hidden files changed: the manifest says so until it is written.
    c.run(&["dev", "check"]).expect_code(1).expect_stdout(
        "solutions/MANIFEST: out of date: solutions/01_numbers/02_triple/triple.go was added",
    );
    c.run(&["dev", "manifest"])
        .expect_code(0)
        .expect_stdout("Wrote solutions/MANIFEST");
    c.run(&["dev", "check"]).expect_code(0);

    // Breaking the solution is caught, one line.
    c.write(
        "solutions/01_numbers/02_triple/triple.go",
        "// Exercise: make Triple return three times its argument.\npackage triple\n\n// Triple returns 3n.\nfunc Triple(n int) int {\n\treturn n + n\n}\n",
    );
    c.run(&["dev", "check", "triple"])
        .expect_code(1)
        .expect_stdout(
            "solutions/01_numbers/02_triple: the reference solution does not pass (1 test failed)",
        );
}

#[test]
fn dev_new_at_a_position_renumbers_the_ones_after() {
    let c = mini();
    c.run(&["dev", "new", "01_numbers", "half", "--at", "1"])
        .expect_code(0)
        .expect_stdout("Renumbered 1 exercise(s)");
    assert!(c.file("exercises/01_numbers/01_half").is_dir());
    assert!(c.file("exercises/01_numbers/02_double/double.go").is_file());
    assert!(
        c.file("solutions/01_numbers/02_double/wrong/adds_two/double.go")
            .is_file()
    );
    let info = c.read("info.toml");
    assert!(info.contains("dir = \"01_numbers/02_double\""), "{info}");
    let half = info.find("name = \"half\"").unwrap();
    let double = info.find("name = \"double\"").unwrap();
    assert!(
        half < double,
        "the new exercise comes first in info.toml:\n{info}"
    );
    let chapter = c.read("book/src/01_numbers.md");
    assert!(
        chapter.contains("exercises/01_numbers/02_double`"),
        "{chapter}"
    );
    // The course still loads and numbering is contiguous.
    let r = c.run(&["dev", "check", "double"]);
    assert!(!r.stdout.contains("renumber"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("exercises/01_numbers/02_double:"),
        "{}",
        r.stdout
    );
}

#[test]
fn dev_new_refuses_gaps_and_duplicates() {
    let c = mini();
    c.run(&["dev", "new", "05_later", "x"])
        .expect_code(3)
        .expect_stderr("would leave a gap");
    c.run(&["dev", "new", "01_numbers", "double"])
        .expect_code(3)
        .expect_stderr("exists already");
    c.run(&["dev", "new", "01_numbers", "x", "--at", "9"])
        .expect_code(3)
        .expect_stderr("use a number from 1 to 2");
}

#[test]
fn dev_new_starts_a_new_module_with_its_chapter() {
    let c = mini();
    c.run(&["dev", "new", "02_strings", "shout", "--mode", "run"])
        .expect_code(0);
    assert!(c.read("book/src/SUMMARY.md").contains("(02_strings.md)"));
    assert!(c.read("book/src/02_strings.md").contains("{#shout}"));
    c.run(&["list"]).expect_code(0).expect_stdout("shout");
}

#[test]
fn dev_check_reports_a_wrong_solution_that_passes_and_stray_files() {
    let c = mini();
    c.write(
        "solutions/01_numbers/01_double/wrong/adds_two/double.go",
        "// Wrong: not wrong at all.\npackage double\n\n// Double returns 2n.\nfunc Double(n int) int {\n\treturn 2 * n\n}\n",
    );
    c.write("exercises/01_numbers/01_double/notes.txt", "scratch");
    c.write(
        "exercises/01_numbers/01_double/double_test.go",
        "package double\n",
    );
    let r = c.run(&["dev", "check"]);
    r.expect_code(1)
        .expect_stdout("solutions/01_numbers/01_double/wrong/adds_two: this wrong solution passes the hidden tests")
        .expect_stdout("exercises/01_numbers/01_double/notes.txt: stray file")
        .expect_stdout("exercises/01_numbers/01_double/double_test.go: a test file in exercises/");
}

#[test]
fn dev_check_refuses_a_failure_the_mode_never_reports() {
    let c = mini();
    let info = c.read("info.toml").replacen(
        "fails_with = [\"TestDouble\"]",
        "fails_with = [\"output\"]",
        1,
    );
    c.write("info.toml", &info);
    c.run(&["dev", "check", "double"])
        .expect_code(1)
        .expect_stdout(
            "fails_with names \"output\", which a test exercise never reports: use one of compile, tests, crash, timeout",
        );
}

#[test]
fn dev_check_reports_book_problems() {
    let c = mini();
    c.write(
        "book/src/01_numbers.md",
        &c.read("book/src/01_numbers.md")
            .replace("(00_start.md#greet)", "(00_start.md#gone)"),
    );
    c.write(
        "book/src/00_start.md",
        &c.read("book/src/00_start.md").replace(
            "- `exercises/00_start/01_greet`: [Greeting](#greet)\n",
            "- `exercises/00_start/09_missing`: [Gone](#greet)\n",
        ),
    );
    let r = c.run(&["dev", "check"]);
    r.expect_code(1)
        .expect_stdout(
            "book/src/01_numbers.md:5: links to #gone, which no heading in 00_start.md defines",
        )
        .expect_stdout(
            "book/src/00_start.md: lists exercises/00_start/09_missing, which is not in the course",
        )
        .expect_stdout("book/src/00_start.md: does not list exercises/00_start/01_greet");
}
