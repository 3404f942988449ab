//! Watch mode in a real terminal: tmux runs it, keys are sent with
//! send-keys, and the screen is read with capture-pane, as a person would
//! see it. Without tmux these tests say so and pass, unless
//! BACKENDLINGS_REQUIRE_TMUX is set (CI installs tmux and sets it).

use std::process::Command;
use std::time::{Duration, Instant};

use crate::harness::{Course, bin};

struct Tmux {
    socket: String,
}

fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("BACKENDLINGS_REQUIRE_TMUX").is_none(),
            "tmux is required for the terminal tests: install it (apt-get install tmux)"
        );
        eprintln!("tmux is not installed: skipping the terminal tests");
    }
    ok
}

impl Tmux {
    /// Starts `backendlings watch` on the course in a w×h terminal; when it
    /// exits, the shell prints its exit code and the terminal settings.
    fn start(c: &Course, w: u16, h: u16, extra: &str) -> Tmux {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let socket = format!(
            "bl-{}-{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let script = format!(
            "{extra} '{}' --course '{}' watch; echo EXIT:$?; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 600",
            bin().display(),
            c.path().display()
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
            ])
            .args(["-x", &w.to_string(), "-y", &h.to_string()])
            .args(["env", "TERM=xterm-256color", "sh", "-c", &script])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux did not start");
        Tmux { socket }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    fn screen_with_colours(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-e", "-t", "t"])
    }

    fn keys(&self, keys: &str) {
        self.tmux(&["send-keys", "-t", "t", keys]);
    }

    #[track_caller]
    fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "the screen never showed {needle:?}:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn cursor_visible(&self) -> bool {
        self.tmux(&["display", "-p", "-t", "t", "#{cursor_flag}"])
            .trim()
            == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn course_on(current: &str) -> Course {
    let c = Course::fixture("outcomes");
    c.start_at(current);
    c
}

#[test]
fn first_screen_keys_and_a_clean_exit() {
    if !have_tmux() {
        return;
    }
    let c = Course::fixture("outcomes");
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    // The first run explains the loop; the first exercise of this fixture
    // passes as shipped.
    t.wait_for("✓ passed (2 tests)");
    // The key line is drawn last: a capture can fall between the two.
    let s = t.wait_for("h hint");
    assert!(s.contains("✓ passed (2 tests)"), "{s}");
    assert!(s.contains("Welcome to the fixture course."), "{s}");
    assert!(s.contains("How it works"), "{s}");
    assert!(s.contains("Exercise 1/19 passes"), "{s}");
    assert!(s.contains("exercises/01_grading/01_passes/sum.go"), "{s}");
    assert!(s.contains("h hint"), "{s}");
    assert!(!t.cursor_visible(), "the cursor is hidden while watching");
    // n: the next exercise, and its failing verdict with the compiler's words.
    t.keys("n");
    let s = t.wait_for("Exercise 2/19 compile_error");
    let s = if s.contains("does not compile") {
        s
    } else {
        t.wait_for("✗ does not compile")
    };
    assert!(
        s.contains("exercises/01_grading/02_compile_error/sum.go:6:12: undefined: y"),
        "{s}"
    );
    // h: a hint.
    t.keys("h");
    t.wait_for("Hint 1 of 2");
    // l: the list, and back.
    t.keys("l");
    let s = t.wait_for("enter open");
    assert!(
        s.contains("› ·   2 compile_error 01_grading  (current)"),
        "{s}"
    );
    assert!(s.contains("✓   1 passes"), "{s}");
    t.keys("Escape");
    t.wait_for("h hint");
    // q: a clean exit, the terminal as it was.
    t.keys("q");
    // The shell prints the exit code, then the terminal settings.
    let s = t.wait_for("icanon");
    assert!(s.contains("EXIT:0"), "{s}");
    assert!(
        s.contains("icanon echo") || (s.contains("icanon") && s.contains(" echo")),
        "terminal not restored:\n{s}"
    );
    assert!(!s.contains("-icanon"), "terminal left in raw mode:\n{s}");
    assert!(t.cursor_visible(), "the cursor is visible again after q");
}

#[test]
fn every_verdict_kind_is_shown() {
    if !have_tmux() {
        return;
    }
    for (exercise, verdict) in [
        ("test_fails", "✗ 1 test failed"),
        ("endless_loop", "✗ timed out after 2s"),
        ("panics", "✗ crashed in TestSum"),
        ("hello_wrong", "✗ wrong output"),
        ("tests_weak", "✗ your tests missed 2 bugs"),
    ] {
        let c = course_on(exercise);
        let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
        t.wait_for(verdict);
        t.keys("q");
        t.wait_for("EXIT:0");
    }
    let c = Course::fixture("servers");
    c.start_at("wrong_status");
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    t.wait_for("✗ 1 probe failed");
    t.keys("q");
    let c = Course::fixture("servers");
    c.start_at("exits");
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    t.wait_for("✗ server did not start");
}

#[test]
fn solving_shows_passed_then_solution_and_the_next_exercise() {
    if !have_tmux() {
        return;
    }
    let c = course_on("test_fails");
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    t.wait_for("✗ 1 test failed");
    t.keys("s");
    t.wait_for("unlocks once this exercise passes");
    c.write(
        "exercises/01_grading/03_test_fails/sum.go",
        &c.read("solutions/01_grading/03_test_fails/sum.go"),
    );
    t.wait_for("✓ passed");
    // The instructor's variants are not the reference: s never shows them.
    for variant in ["wrong/no_loop", "alt/recursive"] {
        c.write(
            &format!("solutions/01_grading/03_test_fails/{variant}/sum.go"),
            "package sum\n\nfunc Sum(xs []int) int { return 0 }\n",
        );
    }
    t.keys("s");
    let s = t.wait_for("solutions/01_grading/03_test_fails/sum.go");
    assert!(!s.contains("wrong/") && !s.contains("alt/"), "{s}");
    t.keys("Escape");
    t.keys("n");
    t.wait_for("Exercise 4/19 endless_loop");
    t.keys("q");
    t.wait_for("EXIT:0");
}

#[test]
fn breaking_a_passed_exercise_says_what_changed() {
    if !have_tmux() {
        return;
    }
    let c = course_on("passes");
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    t.wait_for("✓ passed");
    c.write(
        "exercises/01_grading/01_passes/sum.go",
        "package sum\n\nfunc Sum(xs []int) int { return 0 }\n",
    );
    t.wait_for("passed before; your last change broke it");
    t.keys("q");
}

#[test]
fn ctrl_c_restores_the_terminal_and_exits_130() {
    if !have_tmux() {
        return;
    }
    let c = course_on("endless_loop");
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    t.wait_for("Checking");
    t.keys("C-c");
    // The shell prints the exit code, then the terminal settings.
    let s = t.wait_for("icanon");
    assert!(s.contains("EXIT:130"), "{s}");
    assert!(!s.contains("-icanon"), "terminal left in raw mode:\n{s}");
    assert!(t.cursor_visible());
}

#[test]
fn colours_follow_no_color_and_the_flag() {
    if !have_tmux() {
        return;
    }
    let c = course_on("test_fails");
    let t = Tmux::start(&c, 80, 24, "");
    t.wait_for("✗ 1 test failed");
    assert!(
        t.screen_with_colours().contains("\x1b["),
        "no colour in a terminal by default"
    );
    // The first watch holds the course's lock until it has exited.
    t.keys("q");
    t.wait_for("EXIT:0");
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    t.wait_for("✗ 1 test failed");
    let plain = t.screen_with_colours();
    assert!(
        !plain.contains("\x1b[1;31m") && !plain.contains("\x1b[31m"),
        "colour despite NO_COLOR:\n{plain:?}"
    );
}

#[test]
fn a_tiny_terminal_works_and_wraps() {
    if !have_tmux() {
        return;
    }
    let c = course_on("compile_error");
    let t = Tmux::start(&c, 30, 10, "NO_COLOR=1");
    let s = t.wait_for("h hint");
    for line in s.lines() {
        assert!(
            line.chars().count() <= 30,
            "a line wider than the terminal: {line:?}"
        );
    }
    t.keys("q");
    t.wait_for("EXIT:0");
}

#[test]
fn the_course_end_shows_the_final_message() {
    if !have_tmux() {
        return;
    }
    let c = Course::fixture("minicourse");
    c.solve("00_start/01_greet", false);
    c.write(
        ".backendlings-state.json",
        "{\"format_version\":1,\"current\":\"double\",\"done\":[\"greet\"],\"welcomed\":true}",
    );
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    t.wait_for("✗ 1 test failed");
    c.solve("01_numbers/01_double", false);
    t.wait_for("The mini course is done.");
    t.keys("q");
}

#[test]
fn the_record_screens() {
    // Not an assertion of layout: the screens an 80×24 learner sees, printed
    // for the record (cargo test -- --nocapture the_record_screens).
    if !have_tmux() {
        return;
    }
    let c = Course::fixture("minicourse");
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    let first = t.wait_for("✗ wrong output");
    c.solve("00_start/01_greet", false);
    let passed = t.wait_for("✓ passed");
    println!("--- first screen\n{first}\n--- passed\n{passed}");
    t.keys("q");
}

#[test]
fn a_small_first_screen_shows_the_verdict_and_scrolls_the_rest() {
    if !have_tmux() {
        return;
    }
    // A fresh course: the welcome is on screen, and a crash with a long
    // trace is more than 60×15 can show.
    let c = Course::fixture("outcomes");
    c.write(
        ".backendlings-state.json",
        "{\"format_version\":1,\"current\":\"panics\"}",
    );
    let t = Tmux::start(&c, 60, 15, "NO_COLOR=1");
    let first = t.wait_for("✗ ");
    assert!(first.contains("h hint"), "{first}");
    let more = t.wait_for("more lines: j or ↓");
    t.keys("j");
    let scrolled = t.wait_for("lines above: k or ↑");
    assert_ne!(more, scrolled);
    t.keys("k");
    t.wait_for("more lines: j or ↓");
    t.keys("q");
    t.wait_for("EXIT:0");
}

#[test]
fn the_list_filters_pages_opens_and_resets() {
    if !have_tmux() {
        return;
    }
    let c = course_on("passes");
    let t = Tmux::start(&c, 80, 24, "NO_COLOR=1");
    t.wait_for("✓ passed");
    t.keys("l");
    // The cursor is a mark, not only a colour.
    let s = t.wait_for("/ filter");
    assert!(s.contains("› ✓   1 passes"), "{s}");
    t.keys("/");
    t.wait_for("Filter: ▏");
    t.keys("hello");
    let s = t.wait_for("2 of 19 exercises");
    assert!(s.contains("hello_ok") && s.contains("hello_wrong"), "{s}");
    assert!(!s.contains("test_fails"), "{s}");
    t.keys("Enter");
    t.keys("j");
    t.wait_for("› ·  12 hello_wrong");
    t.keys("Enter");
    t.wait_for("Exercise 12/19 hello_wrong");

    // The list opens on the current exercise; a page moves by the rows
    // shown (14 at 80×24), and stops at either end.
    t.keys("l");
    t.wait_for("/ filter");
    t.keys("PageDown");
    t.wait_for("› ·  19 no_tests");
    t.keys("PageUp");
    t.wait_for("› ·   5 panics");
    t.keys("PageUp");
    t.wait_for("› ✓   1 passes");

    // r asks first; anything but y keeps the files.
    c.write(
        "exercises/01_grading/01_passes/sum.go",
        "package sum\n\n// mine\nfunc Sum(xs []int) int { return 0 }\n",
    );
    t.wait_for("passed before; your last change broke it");
    t.keys("l");
    let s = t.wait_for("/ filter");
    assert!(
        s.contains("› ✓   1 passes 01_grading  last change fails  (current)"),
        "{s}"
    );
    t.keys("r");
    t.wait_for("Reset passes to how it was shipped?");
    t.keys("x");
    t.wait_for("passes was not reset.");
    assert!(
        c.read("exercises/01_grading/01_passes/sum.go")
            .contains("// mine")
    );
    t.keys("r");
    t.wait_for("Reset passes to how it was shipped?");
    t.keys("y");
    let s = t.wait_for("✓ passed");
    let s = if s.contains("Your version is kept in") {
        s
    } else {
        t.wait_for("Your version is kept in")
    };
    assert!(s.contains("Exercise 1/19 passes"), "{s}");
    assert_eq!(
        c.read("exercises/01_grading/01_passes/sum.go"),
        std::fs::read_to_string(
            crate::harness::fixtures().join("outcomes/exercises/01_grading/01_passes/sum.go")
        )
        .unwrap(),
    );
    // The notice outlives the reset's own file events.
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        t.screen().contains("Your version is kept in"),
        "{}",
        t.screen()
    );
    t.keys("q");
    t.wait_for("EXIT:0");
}

#[test]
fn a_wide_terminal_gets_a_readable_column() {
    if !have_tmux() {
        return;
    }
    let c = Course::fixture("outcomes");
    c.write(
        ".backendlings-state.json",
        "{\"format_version\":1,\"current\":\"compile_error\"}",
    );
    let t = Tmux::start(&c, 160, 50, "NO_COLOR=1");
    t.wait_for("✗ does not compile");
    let s = t.wait_for("h hint");
    let widest = s.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    // Wider than 80 (the room is used), never wider than 100 (readable).
    assert!((81..=100).contains(&widest), "widest line {widest}:\n{s}");
    assert!(s.contains("How it works"), "{s}");
    t.keys("q");
    t.wait_for("EXIT:0");
}
