//! `dev new`'s templates: the files of a new exercise for each mode, and
//! its `info.toml` entry.

use crate::course::Mode;

/// Which of the two directories a new file goes in.
#[derive(PartialEq, Eq, Clone, Copy)]
pub(super) enum Side {
    Exercise,
    Solution,
}

/// The exercise's name as a title: `first_words` gives `First words`.
pub(super) fn title_of(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => words,
    }
}

/// A file of a new exercise: its path in the exercise or solution
/// directory, its text, and which of the two.
pub(super) type File = (String, String, Side);

/// Files of a new exercise and its `fails_with`.
pub(super) fn scaffold(
    mode: Mode,
    name: &str,
    pkg: &str,
    header: &str,
) -> (&'static str, Vec<File>) {
    let func = title_of(name).replace(' ', "");
    match mode {
        Mode::Test => ("[\"compile\"]", test_files(name, pkg, header, &func)),
        Mode::Run | Mode::Server => (
            if mode == Mode::Run {
                "[\"output\"]"
            } else {
                "[\"probe\"]"
            },
            program_files(mode, header),
        ),
        Mode::LearnerTests => ("[\"tests\"]", learner_tests_files(name, pkg, header, &func)),
    }
}

/// A `test` exercise: a stub, the reference solution and a hidden test.
fn test_files(name: &str, pkg: &str, header: &str, func: &str) -> Vec<File> {
    vec![
        (
            format!("{name}.go"),
            format!("{header}package {pkg}\n\n// TODO: the learner writes {func} here.\n"),
            Side::Exercise,
        ),
        (
            format!("{name}.go"),
            format!(
                "{header}package {pkg}\n\n// {func} is the reference solution. TODO: write it.\nfunc {func}() {{}}\n"
            ),
            Side::Solution,
        ),
        (
            format!("{name}_test.go"),
            format!(
                "package {pkg}\n\nimport \"testing\"\n\nfunc Test{func}(t *testing.T) {{\n\t{func}()\n\tt.Fatal(\"TODO: write the hidden tests: behaviour, edge cases, got and want in every message\")\n}}\n"
            ),
            Side::Solution,
        ),
    ]
}

/// A `run` or `server` exercise: two `main.go`, and probes for a server.
fn program_files(mode: Mode, header: &str) -> Vec<File> {
    let mut v = vec![
        (
            "main.go".to_string(),
            format!(
                "{header}package main\n\nfunc main() {{\n\t// TODO: the learner's starting point.\n}}\n"
            ),
            Side::Exercise,
        ),
        (
            "main.go".to_string(),
            format!(
                "{header}package main\n\nfunc main() {{\n\t// TODO: the reference solution.\n}}\n"
            ),
            Side::Solution,
        ),
    ];
    if mode == Mode::Server {
        v.push((
            "probes.toml".to_string(),
            "# Probes: see book/src/writing-exercises.md#mode-server.\n\n[[probe]]\nname = \"TODO: what this checks\"\npath = \"/health\"\nstatus = 200\n".to_string(),
            Side::Solution,
        ));
    }
    v
}

/// A `learner-tests` exercise: the code under test on both sides, a test
/// stub, the reference tests and one bug.
fn learner_tests_files(name: &str, pkg: &str, header: &str, func: &str) -> Vec<File> {
    vec![
        (
            format!("{name}.go"),
            format!(
                "{header}package {pkg}\n\n// {func} is the code under test. TODO: write it (the same in solutions/).\nfunc {func}() {{}}\n"
            ),
            Side::Exercise,
        ),
        (
            format!("{name}_test.go"),
            format!("package {pkg}\n\n// TODO (learner): write your tests for {func} here.\n"),
            Side::Exercise,
        ),
        (
            format!("{name}.go"),
            format!(
                "{header}package {pkg}\n\n// {func} is the code under test. TODO: write it (the same in exercises/).\nfunc {func}() {{}}\n"
            ),
            Side::Solution,
        ),
        (
            format!("{name}_test.go"),
            format!(
                "package {pkg}\n\nimport \"testing\"\n\n// The reference tests: they must catch every bug under bugs/.\nfunc Test{func}(t *testing.T) {{\n\t{func}()\n}}\n"
            ),
            Side::Solution,
        ),
        (
            format!("bugs/first_bug/{name}.go"),
            format!(
                "package {pkg}\n\n// TODO: a copy of the implementation with one realistic bug.\nfunc {func}() {{}}\n"
            ),
            Side::Solution,
        ),
    ]
}

pub(super) fn entry(
    name: &str,
    dir: &str,
    mode: Mode,
    module: &str,
    anchor: &str,
    fails_with: &str,
) -> String {
    let mut s = format!(
        "[[exercises]]\nname = \"{name}\"\ndir = \"{dir}\"\nmode = \"{mode}\"\nhints = [\n  \"TODO: a nudge.\",\n  \"TODO: nearly the answer.\",\n]\nbook = \"{module}.md#{anchor}\"\nfails_with = {fails_with}\n"
    );
    match mode {
        Mode::Run => s.push_str("\n[[exercises.cases]]\nstdout = \"TODO: the expected output\\n\"\n"),
        Mode::LearnerTests => s.push_str(
            "\n[[exercises.bugs]]\nname = \"first_bug\"\ndescription = \"TODO: what is wrong, in words\"\n",
        ),
        _ => {}
    }
    s
}
