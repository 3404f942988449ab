//! backendlings: the runner of an interactive course in Go backend development.
//!
//! `main.rs` only calls [`run`]; everything else lives in this library so that
//! tests can reach it.
//!
//! The modules form layers; each uses only its own layer and those below
//! (a test, `layers`, keeps it so):
//!
//! ```text
//! lib (run, dispatch)        the command line, wired to everything
//! watch                      the watch screen, keys, file events
//! cmd                        one module per command
//! grade                      grading: one mode per file, batches, the cache
//! verdict course state probes book progress_bar gomod lock term cli
//! paths events json_match prometheus signals
//! process                    every child process, its limits and its end
//! fsutil invoked exit pool   files, hashes, how the runner was started,
//!                            the worker pool
//! ```

/// `print!` that ends the program quietly when stdout is closed early, as
/// by `backendlings list | head`.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::term::write_out(&format!($($arg)*))
    };
}

/// `println!` that ends the program quietly when stdout is closed early.
macro_rules! outln {
    () => {
        $crate::term::write_out("\n")
    };
    ($($arg:tt)*) => {
        $crate::term::write_out(&format!("{}\n", format_args!($($arg)*)))
    };
}

pub mod book;
pub(crate) mod cli;
pub(crate) mod cmd;
pub mod course;
pub mod events;
pub mod exit;
pub mod fsutil;
pub(crate) mod gomod;
pub(crate) mod grade;
pub(crate) mod invoked;
pub(crate) mod json_match;
pub(crate) mod lock;
pub(crate) mod paths;
pub(crate) mod pool;
pub mod probes;
pub(crate) mod process;
pub(crate) mod progress_bar;
pub mod prometheus;
pub(crate) mod signals;
pub mod state;
pub(crate) mod term;
pub mod verdict;
pub(crate) mod watch;

use std::io::Write;

use anyhow::Result;

use crate::cli::{Args, Command, DevCommand, WatchArgs};

/// Makes every thread allocate from one arena (Linux with glibc). The
/// runner's threads mostly wait on children, so they hardly contend, while
/// glibc's default (an arena per new thread, up to eight per core) keeps
/// what each check's thread freed: watch mode, which checks on a new thread
/// per save, grew by a few megabytes a save. Must run before any thread.
fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: called before any other thread exists; mallopt only changes
    // how malloc keeps memory.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Parses the command line, runs the command and returns the exit code.
pub fn run() -> i32 {
    one_malloc_arena();
    #[cfg(unix)]
    {
        let argv: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
        if argv.first().is_some_and(|a| a == process::guard::ARG) {
            return process::guard::main(&argv[1..]);
        }
        if let Ok(exe) = std::env::current_exe() {
            process::use_guard(exe);
        }
    }
    let args = match cli::parse() {
        Ok(args) => args,
        Err(code) => return code,
    };
    term::init(args.color);
    signals::install();
    process::sweep_abandoned();
    let code = match dispatch(args) {
        Ok(code) => code,
        Err(err) => {
            if signals::interrupted() {
                exit::INTERRUPTED
            } else if err.downcast_ref::<course::UnknownExercise>().is_some() {
                report_error(&err);
                exit::USAGE
            } else {
                report_error(&err);
                exit::SETUP
            }
        }
    };
    process::kill_all_live();
    grade::remove_go_tmp();
    if signals::interrupted() {
        return exit::INTERRUPTED;
    }
    code
}

/// Runs the command the arguments name: the one place that knows every
/// command, watch mode included.
fn dispatch(args: Args) -> Result<i32> {
    let command = args.command.unwrap_or(Command::Watch(WatchArgs::default()));
    if let Command::Completions { shell } = command {
        return cmd::completions::run(shell, args.course.as_deref());
    }
    let root = course::locate(args.course.as_deref())?;
    let course = course::Course::load(&root)?;
    match command {
        Command::Watch(w) => watch::run(&course, &w),
        Command::List => cmd::list::run(&course),
        Command::Run { name } => cmd::run::run(&course, name.as_deref()),
        Command::Hint { name } => cmd::hint::run(&course, name.as_deref()),
        Command::Reset { name } => cmd::reset::run(&course, &name),
        Command::Verify(v) => cmd::verify::run(&course, &v),
        Command::Solution { name } => cmd::solution::run(&course, name.as_deref()),
        Command::Progress => cmd::progress::run(&course),
        Command::Dev(DevCommand::Check(a)) => cmd::dev_check::run(&course, &a),
        Command::Dev(DevCommand::New(a)) => cmd::dev_new::run(&course, &a),
        Command::Dev(DevCommand::Manifest) => cmd::dev_check::write_manifest(&course),
        Command::Completions { .. } => unreachable!("handled above"),
    }
}

fn report_error(err: &anyhow::Error) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "{} {err:#}",
        term::paint_stderr(term::Paint::ErrorLabel, "error:")
    );
}

#[cfg(test)]
mod layers {
    //! The modules form layers, and a module uses only its own layer and
    //! the ones below: grading never reaches up into commands, commands
    //! never into watch mode. Adding a module means placing it here.

    /// Top first. `lib.rs` and `main.rs` (the crate root) use everything.
    const LAYERS: &[&[&str]] = &[
        &["watch"],
        &["cmd"],
        &["grade"],
        &[
            "verdict",
            "course",
            "state",
            "probes",
            "book",
            "progress_bar",
            "gomod",
            "lock",
            "term",
            "cli",
        ],
        &["paths", "events", "json_match", "prometheus", "signals"],
        &["process"],
        &["fsutil", "invoked", "exit", "pool"],
    ];

    fn layer(module: &str) -> Option<usize> {
        LAYERS.iter().position(|l| l.contains(&module))
    }

    fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                sources(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    #[test]
    fn modules_use_only_their_layer_and_below() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runner/src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        let mut problems = Vec::new();
        for file in files {
            let rel = file
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let top = rel.split('/').next().unwrap().trim_end_matches(".rs");
            if top == "lib" || top == "main" {
                continue;
            }
            let Some(own) = layer(top) else {
                problems.push(format!("{rel}: module `{top}` is in no layer of LAYERS"));
                continue;
            };
            let text = std::fs::read_to_string(&file).unwrap();
            for (i, line) in text.lines().enumerate() {
                for part in line.split("crate::").skip(1) {
                    let used: String = part
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if let Some(l) = layer(&used)
                        && l < own
                    {
                        problems.push(format!(
                            "{rel}:{}: `{top}` uses `{used}`, a layer above it",
                            i + 1
                        ));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Files of one concern, functions that fit on a screen: no source file
    /// over 450 lines, no function over 100, unless the line above the
    /// function says why it is long (`// Long because …`).
    #[test]
    fn files_and_functions_stay_small() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runner/src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        let mut problems = Vec::new();
        for file in files {
            let rel = file.strip_prefix(&src).unwrap().display().to_string();
            let text = std::fs::read_to_string(&file).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            if lines.len() > 450 {
                problems.push(format!("{rel}: {} lines (at most 450)", lines.len()));
            }
            for (i, line) in lines.iter().enumerate() {
                let body = line.trim_start();
                let indent = &line[..line.len() - body.len()];
                let is_fn = [
                    "fn ",
                    "pub fn ",
                    "pub(crate) fn ",
                    "pub(super) fn ",
                    "async fn ",
                ]
                .iter()
                .any(|p| body.starts_with(p))
                    || body.starts_with("pub(super) async fn ")
                    || body.starts_with("pub(crate) async fn ");
                if !is_fn || line.trim_end().ends_with(';') {
                    continue;
                }
                let close = format!("{indent}}}");
                let Some(len) = lines[i..].iter().position(|l| *l == close) else {
                    continue;
                };
                let why = i > 0 && lines[i - 1].contains("Long because");
                if len + 1 > 100 && !why {
                    problems.push(format!(
                        "{rel}:{}: a function of {} lines (at most 100, or say why)",
                        i + 1,
                        len + 1
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
