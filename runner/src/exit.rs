//! The runner's exit codes: one place, documented, so that scripts and CI can
//! tell "an exercise failed" from "the runner could not do its job".

/// Everything asked for passed.
pub const SUCCESS: i32 = 0;
/// The runner worked, but an exercise failed or is still pending.
pub const EXERCISE_FAILED: i32 = 1;
/// The command line could not be understood (clap uses this code too).
pub const USAGE: i32 = 2;
/// The runner could not grade: a malformed course, a missing or too-old `go`,
/// an unreadable file, another runner holding the course.
pub const SETUP: i32 = 3;
/// Interrupted with Ctrl-C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: i32 = 130;
