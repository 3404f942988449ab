use super::*;

fn rw() -> Rewriter {
    Rewriter::new(
        Path::new("/c"),
        "exercises/01_basics/03_sum",
        "solutions/01_basics/03_sum",
        vec!["sum_test.go".into()],
        "backendlings/exercises/01_basics/03_sum",
    )
}

fn lines(s: &str) -> Vec<String> {
    s.lines().map(String::from).collect()
}

#[test]
fn compile_errors_point_at_the_learner_and_name_hidden_tests() {
    let out = rw().compile_output(&lines(
        "# backendlings/exercises/01_basics/03_sum [backendlings/exercises/01_basics/03_sum.test]\n\
         exercises/01_basics/03_sum/sum.go:5:2: declared and not used: x\n\
         ./solutions/01_basics/03_sum/sum_test.go:6:12: undefined: Sum",
    ));
    assert_eq!(
        out,
        "exercises/01_basics/03_sum/sum.go:5:2: declared and not used: x\n\
         [hidden test] sum_test.go:6:12: undefined: Sum\n\n\
         The hidden tests use `Sum`, which your code does not define: check the name and its spelling."
    );
    assert!(!out.contains("solutions/"));
}

#[test]
fn a_name_the_hidden_tests_declare_too_is_one_sentence() {
    let out = rw().compile_output(&lines(
        "# backendlings/exercises/01_basics/03_sum [backendlings/exercises/01_basics/03_sum.test]\n\
         ./solutions/01_basics/03_sum/sum_test.go:14:5: validID redeclared in this block\n\
         \t./exercises/01_basics/03_sum/sum.go:9:6: other declaration of validID",
    ));
    assert!(
        out.contains("[hidden test] sum_test.go:14:5: validID redeclared in this block"),
        "{out}"
    );
    assert!(
        out.ends_with(
            "Rename your `validID`: the course's hidden tests use that name too, and one package cannot declare it twice."
        ),
        "{out}"
    );
}

#[test]
fn paths_with_backslashes_are_rewritten_too() {
    let rw = Rewriter::new(
        Path::new("C:\\course"),
        "exercises/01_basics/03_sum",
        "solutions/01_basics/03_sum",
        vec!["sum_test.go".into()],
        "backendlings/exercises/01_basics/03_sum",
    );
    assert_eq!(
        rw.line("C:\\course\\exercises\\01_basics\\03_sum\\sum.go:5:2: declared and not used: x"),
        "exercises/01_basics/03_sum/sum.go:5:2: declared and not used: x"
    );
    assert_eq!(
        rw.line(".\\solutions\\01_basics\\03_sum\\sum_test.go:6:12: undefined: Sum"),
        "[hidden test] sum_test.go:6:12: undefined: Sum"
    );
    assert_eq!(
        rw.line("C:/course/exercises/01_basics/03_sum/sum.go:10 +0x1d"),
        "exercises/01_basics/03_sum/sum.go:10 +0x1d"
    );
}

#[test]
fn assertion_prefixes_of_hidden_tests_are_removed() {
    let out = rw().test_output(&lines("    sum_test.go:7: Sum(1,2) = 0, want 3"));
    assert_eq!(out, "    Sum(1,2) = 0, want 3");
}

#[test]
fn panics_keep_only_frames_in_the_exercise() {
    let dump = "panic: assignment to entry in nil map [recovered, repanicked]\n\
        \n\
        goroutine 9 [running]:\n\
        testing.tRunner.func1.2({0x55a7a0, 0x6cacb0})\n\
        \t/usr/local/go/src/testing/testing.go:1974 +0x232\n\
        backendlings/exercises/01_basics/03_sum.Sum(...)\n\
        \t/c/exercises/01_basics/03_sum/sum.go:10\n\
        backendlings/exercises/01_basics/03_sum.TestUndefined.func1(0x3539f85ccb48?)\n\
        \t/c/exercises/01_basics/03_sum/sum_test.go:13 +0x29\n\
        testing.tRunner(0x3539f85ccb48, 0x592f10)\n\
        \t/usr/local/go/src/testing/testing.go:2036 +0xea\n\
        created by testing.(*T).Run in goroutine 8\n\
        \t/usr/local/go/src/testing/testing.go:2101 +0x4c5";
    let out = rw().test_output(&lines(dump));
    assert_eq!(
        out,
        "panic: assignment to entry in nil map\n  Sum\n      at exercises/01_basics/03_sum/sum.go:10\n  TestUndefined.func1\n      at [hidden test] sum_test.go:13"
    );
}

#[test]
fn timeout_dumps_show_where_goroutines_are_blocked() {
    let dump = "panic: test timed out after 2s\n\
        \trunning tests:\n\
        \t\tTestSend (2s)\n\
        \n\
        goroutine 21 [chan send]:\n\
        backendlings/exercises/01_basics/03_sum.Send(...)\n\
        \t/c/exercises/01_basics/03_sum/sum.go:7 +0x2\n";
    let out = rw().test_output(&lines(dump));
    assert!(
        out.contains("a goroutine waiting to send on a channel:"),
        "{out}"
    );
    assert!(
        out.contains("at exercises/01_basics/03_sum/sum.go:7"),
        "{out}"
    );
    assert!(!out.contains("timed out"), "{out}");
}
