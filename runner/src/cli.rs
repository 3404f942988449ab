//! The command line, parsed in one step and then resolved by each command.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::exit;

#[derive(Parser, Debug)]
#[command(
    name = "backendlings",
    version,
    about = "An interactive course in production Go backend development",
    long_about = "An interactive course in production Go backend development.\n\n\
                  Run without a command (or with `watch`) to start the course: edit the \
                  exercise in your editor, save, and read the verdict.",
    after_help = "Exit codes: 0 success, 1 an exercise failed or is pending, 2 bad command line, \
                  3 the runner could not grade (bad course, missing Go, ...), 130 interrupted."
)]
pub(crate) struct Args {
    /// The course directory (one with an info.toml); default: the current
    /// directory or the nearest parent that has one.
    #[arg(long, global = true, value_name = "DIR")]
    pub course: Option<PathBuf>,

    /// When to use colours.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Watch the exercises and grade each one as you save it (the default).
    Watch(WatchArgs),
    /// List the exercises with their state.
    List,
    /// Grade one exercise (the current one by default); exit 0 when it passes.
    Run {
        /// Exercise name (see `list`).
        name: Option<String>,
    },
    /// Show the next hint for an exercise (the current one by default).
    Hint {
        /// Exercise name (see `list`).
        name: Option<String>,
    },
    /// Restore an exercise to its original state, keeping a backup of your file.
    Reset {
        /// Exercise name (see `list`).
        name: String,
    },
    /// Grade every exercise and print a summary.
    Verify(VerifyArgs),
    /// Show the reference solution of an exercise you have passed, with a diff against yours.
    Solution {
        /// Exercise name (see `list`).
        name: Option<String>,
    },
    /// Show how far you are.
    Progress,
    /// Commands for course authors.
    #[command(subcommand)]
    Dev(DevCommand),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(clap::Args, Debug, Default)]
pub(crate) struct WatchArgs {
    /// Open the current exercise in your editor ($VISUAL or $EDITOR, or this
    /// command) whenever watch mode moves to it.
    #[arg(long, value_name = "COMMAND", num_args = 0..=1, default_missing_value = "")]
    pub edit: Option<String>,
}

#[derive(clap::Args, Debug)]
pub(crate) struct VerifyArgs {
    /// Output format: text for people, json or junit for CI.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the json or junit report to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write a JSON report to this file (whatever --format is).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Also write a JUnit XML report to this file (whatever --format is).
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// How many exercises to grade at once (default: the number of CPUs).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Grade each exercise in its own `go test` run instead of sharing runs.
    #[arg(long)]
    pub isolated: bool,
    /// Grade everything again, even exercises whose pass is remembered.
    #[arg(long)]
    pub no_cache: bool,
    /// Only these exercises (names); default: all.
    pub names: Vec<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
    Junit,
}

#[derive(Subcommand, Debug)]
pub(crate) enum DevCommand {
    /// Prove the course is sound: every exercise fails as shipped, for the
    /// intended reason, every solution passes, and the course is well formed.
    Check(DevCheckArgs),
    /// Scaffold a new exercise: files, info.toml entry and book stub.
    New(DevNewArgs),
    /// Write solutions/MANIFEST, the hashes of the hidden files that grading
    /// checks before it trusts them (run it after changing solutions/).
    Manifest,
}

#[derive(clap::Args, Debug)]
pub(crate) struct DevCheckArgs {
    /// How many exercises to check at once (default: the number of CPUs).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Print the whole verdict under each problem.
    #[arg(long, short)]
    pub verbose: bool,
    /// Only check these exercises (names); the course-wide checks still run.
    pub names: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub(crate) struct DevNewArgs {
    /// Module directory, for example `03_collections`.
    pub module: String,
    /// Exercise name in snake_case, for example `word_count`.
    pub name: String,
    /// Grading mode of the new exercise.
    #[arg(long, value_enum, default_value_t = crate::course::Mode::Test)]
    pub mode: crate::course::Mode,
    /// Insert at this number in the module, renumbering the ones after it.
    #[arg(long, value_name = "N")]
    pub at: Option<u32>,
}

/// Parses `std::env::args`; on `--help`, `--version` or an error returns the
/// exit code to use after clap has printed its message.
pub(crate) fn parse() -> Result<Args, i32> {
    match Args::try_parse() {
        Ok(args) => Ok(args),
        Err(err) => {
            let _ = err.print();
            Err(if err.use_stderr() {
                exit::USAGE
            } else {
                exit::SUCCESS
            })
        }
    }
}

pub(crate) fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}
