//! Integration tests: the real binary on fixture courses copied to temporary
//! directories, and checks of the real course and its book.

mod book;
mod harness;
mod instructors;
mod integrity;
#[cfg(target_os = "linux")]
mod killed_runner;
mod outcomes;
mod real_course;
mod reliability;
mod servers;
mod state;
#[cfg(unix)]
mod tui;
mod watch;
