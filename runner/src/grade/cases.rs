//! `run` mode: build the program once, run it with each case's arguments,
//! stdin and environment, and compare what it printed and how it exited.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{BUILD_TIMEOUT, Grader, Target};
use crate::course::{Exercise, RunCase, StderrRule};
use crate::paths::Rewriter;
use crate::process::{Cmd, Ended, Output};
use crate::verdict::{CaseFailure, Verdict};

/// Builds the `main` package of an exercise into the cache; returns the
/// binary, or the compile-error verdict.
pub(crate) fn build(g: &Grader, ex: &Exercise, target: Target) -> Result<Result<PathBuf, Verdict>> {
    let dir = g.package_dir(ex, target);
    let main_dir = match &ex.main {
        Some(m) => format!("{dir}/{m}"),
        None => dir.clone(),
    };
    let bin = g.cache_dir("bin")?.join(format!(
        "{}{}",
        g.tag(ex, target),
        std::env::consts::EXE_SUFFIX
    ));
    let mut cmd = g.go().args(["build", "-ldflags=-s -w"]);
    let swapped = g.swapped();
    if !swapped.is_empty() {
        let file = g
            .cache_dir("overlay")?
            .join(format!("{}.json", g.tag(ex, target)));
        super::write_overlay(&file, &swapped)?;
        cmd = cmd.arg(format!("-overlay={}", file.display()));
    }
    let out = cmd
        .arg("-o")
        .arg(&bin)
        .arg(format!("./{main_dir}"))
        .timeout(BUILD_TIMEOUT)
        .run()?;
    match out.ended {
        Ended::Cancelled => return Err(crate::process::Cancelled.into()),
        Ended::TimedOut => {
            return Ok(Err(Verdict::CompileError {
                output: "Building took too long and was stopped.".into(),
            }));
        }
        Ended::Exited(_) | Ended::Stopped => {}
    }
    if !out.success() {
        let rw = program_rewriter(g, ex, &dir);
        let text = out.stderr.text();
        let lines: Vec<String> = text.lines().map(String::from).collect();
        return Ok(Err(Verdict::CompileError {
            output: rw.compile_output(&lines),
        }));
    }
    Ok(Ok(bin))
}

/// How a program built from the package at `dir` has its messages read:
/// paths relative to the course, panics trimmed to the exercise's frames
/// (no hidden test files: a program has none).
pub(super) fn program_rewriter(g: &Grader, ex: &Exercise, dir: &str) -> Rewriter {
    Rewriter::new(
        &g.course.root,
        dir,
        &ex.solution_rel(),
        vec![],
        &g.import_path(dir),
    )
}

pub(crate) fn grade(g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict> {
    let bin = match build(g, ex, target)? {
        Ok(bin) => bin,
        Err(verdict) => return Ok(verdict),
    };
    let dir = g.package_dir(ex, target);
    let rw = program_rewriter(g, ex, &dir);
    let mut failures = Vec::new();
    for case in &ex.cases {
        match run_case(g, ex, case, &bin, &dir, &rw)? {
            Ok(None) => {}
            Ok(Some(failure)) => failures.push(failure),
            Err(verdict) => return Ok(verdict),
        }
    }
    if failures.is_empty() {
        let n = ex.cases.len();
        return Ok(Verdict::Passed {
            summary: if n == 1 {
                String::new()
            } else {
                format!("{n} runs")
            },
        });
    }
    Ok(Verdict::WrongOutput { failures })
}

/// Runs the built program `bin` for one case, in the package directory
/// `dir`: what the case got wrong (`None` when nothing), or the verdict
/// that ends the grading (a timeout, a crash).
fn run_case(
    g: &Grader,
    ex: &Exercise,
    case: &RunCase,
    bin: &Path,
    dir: &str,
    rw: &Rewriter,
) -> Result<Result<Option<CaseFailure>, Verdict>> {
    let mut cmd = Cmd::new(bin)
        .args(&case.args)
        .cwd(g.course.root.join(dir))
        .timeout(ex.timeout)
        .memory_limit(ex.memory_limit())
        .cancel(&g.cancel)
        .envs(&case.env);
    if let Some(input) = &case.stdin {
        cmd = cmd.stdin(input.clone().into_bytes());
    }
    let out = cmd.run()?;
    let label = describe_case(ex, case);
    let stderr = rw_text(rw, &out.stderr.text());
    if let Some(verdict) = crashed(ex, &out, &label, &stderr, rw)? {
        return Ok(Err(verdict));
    }
    let stdout = out.stdout.text();
    let problems = problems(case, &out, &stdout);
    let stdout_diff = match &case.stdout {
        Some(want) if *want != stdout => Some((clip(want), clip(&stdout))),
        _ => None,
    };
    if problems.is_empty() && stdout_diff.is_none() {
        return Ok(Ok(None));
    }
    Ok(Ok(Some(CaseFailure {
        case: label,
        problems,
        stdout: stdout_diff,
        stderr,
        reproduce: reproduce(Path::new(dir), case, cfg!(windows)),
    })))
}

/// The verdict of a run that did not end by itself: it ran out of time,
/// memory, panicked or was killed by a signal; `None` when it exited.
fn crashed(
    ex: &Exercise,
    out: &Output,
    label: &str,
    stderr: &str,
    rw: &Rewriter,
) -> Result<Option<Verdict>> {
    match out.ended {
        Ended::Cancelled => return Err(crate::process::Cancelled.into()),
        Ended::TimedOut => {
            return Ok(Some(Verdict::TimedOut {
                limit: ex.timeout,
                running: vec![label.to_string()],
                output: rw.program_output(stderr),
            }));
        }
        Ended::Exited(_) | Ended::Stopped => {}
    }
    if let Some(bound) = out.over_memory {
        return Ok(Some(Verdict::Crashed {
            test: Some(label.to_string()),
            output: crate::verdict::over_memory(bound),
        }));
    }
    // A panic exits with code 2 too, but it is a crash whatever exit
    // code the case expects: the runtime's goroutine dump gives it away.
    let panicked = out.code() == Some(2)
        && stderr
            .lines()
            .any(|l| l.starts_with("panic: ") || l.starts_with("fatal error: "))
        && stderr
            .lines()
            .any(|l| l.starts_with("goroutine ") && l.ends_with(':'));
    if panicked {
        return Ok(Some(Verdict::Crashed {
            test: Some(label.to_string()),
            output: rw.program_output(stderr),
        }));
    }
    if let Some(sig) = out.signal() {
        return Ok(Some(Verdict::Crashed {
            test: Some(label.to_string()),
            output: format!(
                "The program was killed by signal {sig}.\n{}",
                rw.program_output(stderr)
            ),
        }));
    }
    Ok(None)
}

/// What a run that exited got wrong against its case, besides its whole
/// stdout: the exit code, what stdout and stderr should contain.
fn problems(case: &RunCase, out: &Output, stdout: &str) -> Vec<String> {
    let code = out.code();
    let mut problems = Vec::new();
    if code != Some(case.exit_code) {
        problems.push(format!(
            "exit code {}, want {}",
            code.map_or_else(|| "none".to_string(), |c| c.to_string()),
            case.exit_code
        ));
    }
    for want in &case.stdout_contains {
        if !stdout.contains(want.as_str()) {
            problems.push(format!("stdout should contain {want:?}"));
        }
    }
    match case.stderr {
        StderrRule::Any => {}
        StderrRule::Empty if !out.stderr.is_empty() => {
            problems.push("stderr should be empty: print normal output to stdout".into());
        }
        StderrRule::Nonempty if out.stderr.text().trim().is_empty() => {
            problems.push(
                "nothing was printed to stderr: error messages belong on stderr (os.Stderr)".into(),
            );
        }
        _ => {}
    }
    for want in &case.stderr_contains {
        if !out.stderr.text().contains(want.as_str()) {
            problems.push(format!("stderr should contain {want:?}"));
        }
    }
    problems
}

/// A diff of a flood would be a flood: compare whole, show a slice.
fn clip(t: &str) -> String {
    let lines: Vec<&str> = t.split_inclusive('\n').collect();
    if lines.len() > 300 {
        format!(
            "{}… ({} more lines)\n",
            lines[..300].concat(),
            lines.len() - 300
        )
    } else {
        t.to_string()
    }
}

fn rw_text(rw: &Rewriter, text: &str) -> String {
    text.lines()
        .map(|l| rw.line(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `greet --name Ada < "some input"`, after the case's own name if it has
/// one: the learner sees what was fed to the program.
pub(crate) fn describe_case(ex: &Exercise, case: &RunCase) -> String {
    let how = run_line(ex, case);
    match &case.name {
        Some(name) if *name != how => format!("{name}: {how}"),
        Some(name) => name.clone(),
        None => how,
    }
}

/// A command the learner can paste to run the program as the case did:
/// `cd exercises/06_cli/03_uniq && printf 'a\nb\n' | go run . -c` in a
/// POSIX shell, the PowerShell equivalent on Windows. Empty when the input
/// is too long to be worth typing.
pub(crate) fn reproduce(dir: &Path, case: &RunCase, windows: bool) -> String {
    const MAX_INPUT: usize = 200;
    if case.stdin.as_ref().is_some_and(|i| i.len() > MAX_INPUT) {
        return String::new();
    }
    let dir = dir.to_string_lossy();
    if windows {
        let q = |s: &str| format!("'{}'", s.replace('\'', "''"));
        let mut s = format!("cd {}; ", q(&dir.replace('/', "\\")));
        for (k, v) in &case.env {
            s.push_str(&format!("$env:{k}={}; ", q(v)));
        }
        if let Some(input) = &case.stdin {
            let lines: Vec<String> = input.lines().map(q).collect();
            s.push_str(&format!("{} | ", lines.join(", ")));
        }
        s.push_str("go run .");
        for a in &case.args {
            s.push(' ');
            s.push_str(&q(a));
        }
        return s;
    }
    let q = |s: &str| {
        let plain = !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c));
        if plain {
            s.to_string()
        } else {
            format!("'{}'", s.replace('\'', "'\\''"))
        }
    };
    let mut s = format!("cd {} && ", q(&dir));
    if let Some(input) = &case.stdin {
        // printf's own escapes keep the command on one line.
        let mut fmt = String::new();
        for c in input.chars() {
            match c {
                '\\' => fmt.push_str("\\\\"),
                '%' => fmt.push_str("%%"),
                '\n' => fmt.push_str("\\n"),
                '\t' => fmt.push_str("\\t"),
                '\'' => fmt.push_str("'\\''"),
                c if c.is_control() => {
                    for b in c.encode_utf8(&mut [0; 4]).bytes() {
                        fmt.push_str(&format!("\\{b:03o}"));
                    }
                }
                c => fmt.push(c),
            }
        }
        s.push_str(&format!("printf '{fmt}' | "));
    }
    if !case.env.is_empty() {
        let env: Vec<String> = case
            .env
            .iter()
            .map(|(k, v)| format!("{k}={}", q(v)))
            .collect();
        s.push_str(&env.join(" "));
        s.push(' ');
    }
    s.push_str("go run .");
    for a in &case.args {
        s.push(' ');
        s.push_str(&q(a));
    }
    s
}

fn run_line(ex: &Exercise, case: &RunCase) -> String {
    let program = ex.dir.rsplit('/').next().unwrap_or(&ex.name);
    let program = program.get(3..).unwrap_or(program);
    let mut s = program.to_string();
    for a in &case.args {
        s.push(' ');
        if a.is_empty() || a.contains(' ') {
            s.push_str(&format!("{a:?}"));
        } else {
            s.push_str(a);
        }
    }
    for (k, v) in &case.env {
        s = format!("{k}={v} {s}");
    }
    if let Some(input) = &case.stdin {
        let shown: String = input.chars().take(40).collect();
        let more = if input.chars().count() > 40 {
            "…"
        } else {
            ""
        };
        s.push_str(&format!(" < {:?}", format!("{shown}{more}")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(args: &[&str], stdin: Option<&str>) -> RunCase {
        let mut c: RunCase = toml::from_str("").unwrap();
        c.args = args.iter().map(|a| a.to_string()).collect();
        c.stdin = stdin.map(str::to_string);
        c
    }

    #[test]
    fn the_command_to_try_names_the_folder_input_and_arguments() {
        let dir = Path::new("exercises/06_cli/03_uniq");
        assert_eq!(
            reproduce(dir, &case(&["-c"], Some("a\nb\n")), false),
            "cd exercises/06_cli/03_uniq && printf 'a\\nb\\n' | go run . -c"
        );
        assert_eq!(
            reproduce(dir, &case(&["two words", ""], None), false),
            "cd exercises/06_cli/03_uniq && go run . 'two words' ''"
        );
        assert_eq!(
            reproduce(dir, &case(&["-n", "3"], Some("a\nb\n")), true),
            "cd 'exercises\\06_cli\\03_uniq'; 'a', 'b' | go run . '-n' '3'"
        );
        let long = "x".repeat(500);
        assert_eq!(reproduce(dir, &case(&[], Some(&long)), false), "");
    }

    #[test]
    #[cfg(unix)]
    fn the_shell_feeds_exactly_the_input() {
        let input = "it's 100% \\n real\n\ttab\n\u{1b}[2J \u{85}\nlast";
        let cmd = reproduce(Path::new("."), &case(&["it's"], Some(input)), false);
        let printf = cmd
            .strip_prefix("cd . && ")
            .and_then(|c| c.strip_suffix(" | go run . 'it'\\''s'"))
            .unwrap_or_else(|| panic!("unexpected command: {cmd}"));
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(printf)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), input);
    }
}
