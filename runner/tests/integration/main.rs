//! Integration tests: the real binary on fixture courses copied to temporary
//! directories, and checks of the real course and its book.

mod book;
mod harness;
mod instructors;
mod outcomes;
mod real_course;
mod reliability;
mod servers;
mod state;
mod tui;
mod watch;
