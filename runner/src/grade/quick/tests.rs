//! The quick path against Go itself, and the test main it generates.

use std::path::Path;

use super::testmain::{LEAN_REFUSED, test_main};
use super::{Quick, grade, prepare};
use crate::grade::gotest;
use crate::grade::{Grader, Target};
use crate::verdict::Verdict;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn the_quick_path_grades_with_a_lean_test_main_this_go_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("runner/tests/fixtures/outcomes");
    copy_dir(&fixture, dir.path());
    let course = crate::course::Course::load(dir.path()).unwrap();
    let g = Grader::new(&course);
    // Scratch left by a runner that was killed goes; a live one's stays.
    let quick_dir = g.cache_dir("quick").unwrap();
    let abandoned = quick_dir.join("passes-exercise.2147483000.0");
    let live = quick_dir.join(format!("passes-exercise.{}.77", std::process::id()));
    std::fs::create_dir_all(&abandoned).unwrap();
    std::fs::create_dir_all(&live).unwrap();
    for (name, passes) in [("passes", true), ("test_fails", false)] {
        let ex = course.exercises.iter().find(|e| e.name == name).unwrap();
        assert!(
            prepare(&g, ex, Target::Exercise).unwrap(),
            "{name} not prepared"
        );
        let plan = gotest::plan(&g, ex, Target::Exercise).unwrap();
        let Some(Quick::Verdict(v)) = grade(&g, ex, Target::Exercise, &plan).unwrap() else {
            panic!("{name} did not take the quick path");
        };
        assert_eq!(matches!(v, Verdict::Passed { .. }), passes, "{name}: {v:?}");
    }
    assert!(!abandoned.exists() && live.exists());
    assert_eq!(
        LEAN_REFUSED.load(std::sync::atomic::Ordering::Relaxed),
        0,
        "the compiler refused the lean test main: update LEAN_DEPS to this Go's testing package"
    );
}

#[test]
fn the_test_main_lists_tests_fuzz_targets_and_benchmarks_apart() {
    let funcs = crate::grade::test_funcs(
        "package x\n\nfunc TestA(t *testing.T) {}\n\
         func FuzzB(f *testing.F) {}\n\
         func BenchmarkC(b *testing.B) {}\n",
    );
    let main = test_main("m/x", "m", &funcs.tests, &funcs, false);
    assert!(main.contains("InternalTest{\n\t{\"TestA\", _test.TestA},\n}"));
    assert!(main.contains("InternalFuzzTarget{\n\t{\"FuzzB\", _test.FuzzB},\n}"));
    assert!(main.contains("InternalBenchmark{\n\t{\"BenchmarkC\", _test.BenchmarkC},\n}"));
    assert!(main.contains("testdeps.ImportPath = \"m/x\""));
}
