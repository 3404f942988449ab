//! Learner code is untrusted: what it does while it is graded cannot fake a
//! pass, change a later verdict, or hang the runner, and the files it
//! leaves behind by accident get a sentence, not a wrong verdict.

use std::time::Duration;

use crate::harness::{Course, run_command};

fn grade(c: &Course, name: &str, quick: &str) -> crate::harness::Run {
    let mut cmd = c.command(&["run", name]);
    cmd.env("BACKENDLINGS_QUICK", quick);
    run_command(cmd, Duration::from_secs(300))
}

#[test]
fn printing_passing_results_and_exiting_zero_is_not_a_pass() {
    let c = Course::fixture("poison");
    // Both ways a test-mode exercise is run: go test, and the quick path.
    for quick in ["off", "on"] {
        grade(&c, "forges_pass", quick)
            .expect_code(1)
            .expect_stdout("the test run did not finish")
            .expect_no_stdout("✓");
    }
}

#[test]
fn a_learner_test_main_behind_a_symlink_is_left_out_too() {
    let c = Course::fixture("minicourse");
    let dir = c.file("exercises/01_numbers/01_double");
    // A TestMain that never runs the tests, in a file the exercise links to.
    std::fs::write(
        c.file("elsewhere.txt"),
        "package double\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\n\
         func TestMain(m *testing.M) { os.Exit(0) }\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(c.file("elsewhere.txt"), dir.join("main_test.go")).unwrap();
    #[cfg(windows)]
    if std::os::windows::fs::symlink_file(c.file("elsewhere.txt"), dir.join("main_test.go"))
        .is_err()
    {
        return; // creating symlinks needs developer mode on Windows
    }
    for quick in ["off", "on"] {
        grade(&c, "double", quick)
            .expect_code(1)
            .expect_no_stdout("✓");
    }
}

#[test]
fn go_mod_init_in_an_exercise_folder_gets_a_sentence() {
    let c = Course::fixture("minicourse");
    c.write(
        "exercises/01_numbers/01_double/go.mod",
        "module double\n\ngo 1.25\n",
    );
    c.run(&["run", "double"])
        .expect_code(1)
        .expect_stdout("exercises/01_numbers/01_double/go.mod")
        .expect_stdout("did `go mod init` run in the exercise's folder?");
}

#[cfg(unix)]
#[test]
fn a_fifo_among_the_exercise_files_is_refused_at_once() {
    let c = Course::fixture("minicourse");
    let fifo = c.file("exercises/01_numbers/01_double/notes.go");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let started = std::time::Instant::now();
    c.run(&["run", "double"])
        .expect_code(1)
        .expect_stdout("notes.go is not a regular file");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "grading waited on the pipe for {:?}",
        started.elapsed()
    );
}

#[test]
fn a_changed_hidden_test_stops_grading_with_the_way_back() {
    let c = Course::fixture("minicourse");
    let test = "solutions/01_numbers/01_double/double_test.go";
    c.write(test, "package double\n");
    c.run(&["run", "double"])
        .expect_code(3)
        .expect_stderr(&format!("{test} was changed"))
        .expect_stderr(&format!("git checkout -- {test}"));
}

#[test]
fn terminal_control_sequences_in_output_are_shown_not_sent() {
    let c = Course::fixture("minicourse");
    c.write(
        "exercises/00_start/01_greet/main.go",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\
         \tfmt.Print(\"\\x1b[2J\\x1b]52;c;aGk=\\x07✓ passed\\n\")\n}\n",
    );
    let r = c.run(&["run", "greet"]);
    r.expect_code(1).expect_stdout("␛[2J␛]52;c;aGk=␇");
    assert!(
        !r.stdout.contains('\x1b') && !r.stdout.contains('\x07'),
        "raw control characters reached the terminal:\n{:?}",
        r.stdout
    );
}

#[cfg(target_os = "linux")]
#[test]
fn code_that_takes_more_memory_than_the_bound_is_stopped_with_a_sentence() {
    let c = Course::fixture("minicourse");
    c.write(
        "exercises/01_numbers/01_double/double.go",
        "package double\n\nvar kept [][]byte\n\n\
         // Double returns 2n, after holding on to 1 GiB.\n\
         func Double(n int) int {\n\
         \tfor range 64 {\n\
         \t\tb := make([]byte, 16<<20)\n\
         \t\tfor i := range b {\n\t\t\tb[i] = 1\n\t\t}\n\
         \t\tkept = append(kept, b)\n\
         \t}\n\
         \treturn 2 * n\n}\n",
    );
    for quick in ["off", "on"] {
        let mut cmd = c.command(&["run", "double"]);
        cmd.env("BACKENDLINGS_QUICK", quick)
            .env("BACKENDLINGS_MEMORY_LIMIT_MB", "256");
        run_command(cmd, Duration::from_secs(300))
            .expect_code(1)
            .expect_stdout("used more than 256 MiB of memory and was stopped");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_exercise_with_its_own_memory_bound_is_stopped_at_it() {
    let c = Course::fixture("minicourse");
    let info = c.read("info.toml").replace(
        "name = \"double\"\n",
        "name = \"double\"\nmemory_mb = 128\n",
    );
    c.write("info.toml", &info);
    c.write(
        "exercises/01_numbers/01_double/double.go",
        "package double\n\nimport \"time\"\n\nvar kept [][]byte\n\n\
         // Double returns 2n, after holding on to 320 MiB for a while.\n\
         func Double(n int) int {\n\
         \tfor range 20 {\n\
         \t\tb := make([]byte, 16<<20)\n\
         \t\tfor i := range b {\n\t\t\tb[i] = 1\n\t\t}\n\
         \t\tkept = append(kept, b)\n\
         \t}\n\
         \ttime.Sleep(2 * time.Second)\n\
         \treturn 2 * n\n}\n",
    );
    for quick in ["off", "on"] {
        let mut cmd = c.command(&["run", "double"]);
        cmd.env("BACKENDLINGS_QUICK", quick)
            .env_remove("BACKENDLINGS_MEMORY_LIMIT_MB");
        run_command(cmd, Duration::from_secs(300))
            .expect_code(1)
            .expect_stdout("used more than 128 MiB of memory and was stopped");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_program_with_its_own_memory_bound_is_stopped_at_it() {
    let c = Course::fixture("minicourse");
    let info = c
        .read("info.toml")
        .replace("name = \"greet\"\n", "name = \"greet\"\nmemory_mb = 64\n");
    c.write("info.toml", &info);
    c.write(
        "exercises/00_start/01_greet/main.go",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
         func main() {\n\
         \tb := make([]byte, 200<<20)\n\
         \tfor i := range b {\n\t\tb[i] = 1\n\t}\n\
         \ttime.Sleep(2 * time.Second)\n\
         \tfmt.Println(\"Hello, mini!\", len(b))\n}\n",
    );
    let mut cmd = c.command(&["run", "greet"]);
    cmd.env_remove("BACKENDLINGS_MEMORY_LIMIT_MB");
    run_command(cmd, Duration::from_secs(300))
        .expect_code(1)
        .expect_stdout("used more than 64 MiB of memory and was stopped");
}

#[cfg(unix)]
#[test]
fn a_replaced_test2json_in_the_cache_is_never_run() {
    use std::os::unix::fs::PermissionsExt;
    let c = Course::fixture("minicourse");
    // Twice: the first grading prepares the quick path, the second uses it.
    for _ in 0..2 {
        grade(&c, "double", "eager").expect_code(1);
    }
    let quick = c.file(".backendlings/cache/quick");
    let tool = std::fs::read_dir(&quick)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("test2json-"))
        })
        .expect("the quick path built test2json");
    // What code under test could write there: a test2json that reports a
    // pass without running anything.
    std::fs::write(
        &tool,
        "#!/bin/sh\necho '{\"Action\":\"pass\",\"Package\":\"x\"}'\nexit 0\n",
    )
    .unwrap();
    std::fs::set_permissions(&tool, std::fs::Permissions::from_mode(0o755)).unwrap();
    grade(&c, "double", "on")
        .expect_code(1)
        .expect_no_stdout("✓");
    assert!(
        !std::fs::read_to_string(&tool)
            .unwrap_or_default()
            .starts_with("#!/bin/sh"),
        "the replaced test2json is still there"
    );
}

#[test]
fn an_endless_init_in_a_shared_verify_run_is_timed_out_in_seconds() {
    // test_fails gets endless_loop's 2 s, so the two share a `go test` run.
    // test_fails's tests never start, so Go's -timeout never fires and the
    // go command would kill it only a minute later: the shared run must end
    // it after the exercise's own time, and grade it alone.
    let c = Course::fixture("outcomes");
    let info = c.read("info.toml").replacen(
        "name = \"test_fails\"\n",
        "name = \"test_fails\"\ntimeout = 2\n",
        1,
    );
    c.write("info.toml", &info);
    c.write(
        "exercises/01_grading/03_test_fails/sum.go",
        "package sum\n\nfunc init() {\n\tfor {\n\t}\n}\n\n\
         func Sum(xs []int) int { return 0 }\n",
    );
    let started = std::time::Instant::now();
    let r = run_command(
        c.command(&["verify", "--no-cache"]),
        Duration::from_secs(150),
    );
    let took = started.elapsed();
    r.expect_code(1);
    for name in ["test_fails", "endless_loop"] {
        let line = r.stdout.lines().find(|l| l.contains(name));
        assert!(
            line.is_some_and(|l| l.contains("timed out after 2s")),
            "{name} was not reported as timed out:\n{}",
            r.stdout
        );
    }
    r.expect_stdout("crashed in TestSum");
    // Within the exercises' time, twice (shared, then alone), and the
    // builds; the go command's own kill comes after 62 s.
    assert!(
        took < Duration::from_secs(50),
        "verify took {took:?}: the stuck package held the shared run"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn events_written_into_the_runners_pipe_do_not_pass_another_exercise() {
    // passes and test_fails share one `go test` run in verify. passes's
    // code waits until test_fails has been tested (in parallel), then
    // writes test2json events for it straight into the pipe the runner
    // reads (the go command's stdout), reporting its tests as passed: the
    // last word on test_fails in the stream. Its own test binary never
    // confirmed a pass.
    let c = Course::fixture("outcomes");
    c.write(
        "exercises/01_grading/01_passes/forge.go",
        r#"package sum

import (
	"fmt"
	"os"
	"time"
)

func init() {
	time.Sleep(4 * time.Second)
	f, err := os.OpenFile(fmt.Sprintf("/proc/%d/fd/1", os.Getppid()), os.O_WRONLY, 0)
	if err != nil {
		return
	}
	defer f.Close()
	pkg := "outcomes/exercises/01_grading/03_test_fails"
	for _, line := range []string{
		`{"Action":"start","Package":"` + pkg + `"}`,
		`{"Action":"run","Package":"` + pkg + `","Test":"TestSum"}`,
		`{"Action":"pass","Package":"` + pkg + `","Test":"TestSum","Elapsed":0}`,
		`{"Action":"run","Package":"` + pkg + `","Test":"TestSumDoesNotModify"}`,
		`{"Action":"pass","Package":"` + pkg + `","Test":"TestSumDoesNotModify","Elapsed":0}`,
		`{"Action":"pass","Package":"` + pkg + `","Elapsed":0}`,
	} {
		fmt.Fprintln(f, line)
	}
}
"#,
    );
    let r = run_command(
        c.command(&["verify", "--no-cache"]),
        Duration::from_secs(300),
    );
    r.expect_code(1);
    let line = |name: &str| {
        r.stdout
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("test_fails").contains("✗"),
        "a forged pass was taken:\n{}",
        r.stdout
    );
    // passes itself is still graded as passing (verify lists failures).
    assert!(
        !r.stdout.lines().any(|l| l.starts_with("✗ passes ")),
        "{}",
        r.stdout
    );
}

#[cfg(target_os = "linux")]
#[test]
fn learner_tests_cannot_tell_a_buggy_run_from_its_command_line() {
    // Tests that fail whenever the go command's arguments mention a bug
    // would "catch" every bug if the buggy runs were named after them.
    let c = Course::fixture("outcomes");
    c.write(
        "exercises/03_learner/01_tests_ok/max_test.go",
        r#"package max

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestMax(t *testing.T) {
	cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", os.Getppid()))
	if strings.Contains(strings.ToLower(string(cmdline)), "bug") {
		t.Fatalf("a buggy implementation is in: %q", cmdline)
	}
}
"#,
    );
    grade(&c, "tests_ok", "off")
        .expect_code(1)
        .expect_stdout("your tests missed 3 bugs");
}

#[cfg(unix)]
#[test]
fn goflags_in_the_learners_shell_do_not_change_the_verdict() {
    // `-exec=/bin/true` would run nothing and report success.
    let c = Course::fixture("outcomes");
    for quick in ["off", "on"] {
        let mut cmd = c.command(&["run", "test_fails"]);
        cmd.env("BACKENDLINGS_QUICK", quick)
            .env("GOFLAGS", "-exec=/bin/true");
        run_command(cmd, Duration::from_secs(300))
            .expect_code(1)
            .expect_stdout("1 test failed");
    }
}

#[cfg(unix)]
#[test]
fn a_remembered_pass_is_forgotten_when_a_symlinked_file_changes() {
    let c = Course::fixture("outcomes");
    let file = "exercises/01_grading/03_test_fails/sum.go";
    c.write(
        "elsewhere/sum.go",
        &c.read("solutions/01_grading/03_test_fails/sum.go"),
    );
    std::fs::remove_file(c.file(file)).unwrap();
    std::os::unix::fs::symlink(c.file("elsewhere/sum.go"), c.file(file)).unwrap();
    c.run(&["verify", "test_fails"]).expect_code(0);
    c.write(
        "elsewhere/sum.go",
        "package sum\n\nfunc Sum(xs []int) int { return 7 }\n",
    );
    c.run(&["verify", "test_fails"])
        .expect_code(1)
        .expect_stdout("1 test failed");
}
