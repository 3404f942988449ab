//! Colours and terminal facts: whether to colour stdout and stderr, and how
//! wide the screen is. Colour follows `--color`, then `NO_COLOR`, then
//! `CLICOLOR_FORCE`, then whether the stream is a terminal (on Windows, a
//! console that accepts ANSI sequences once virtual-terminal mode is on);
//! nothing else in the runner decides it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::cli::ColorChoice;

static STDOUT_COLOR: AtomicBool = AtomicBool::new(false);
static STDERR_COLOR: AtomicBool = AtomicBool::new(false);

pub(crate) fn init(choice: ColorChoice) {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let force = std::env::var("CLICOLOR_FORCE").is_ok_and(|v| !v.is_empty() && v != "0");
    let ansi = |is_tty: bool| is_tty && console_accepts_ansi();
    let decide = |is_tty: bool| match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && (force || (ansi(is_tty) && !dumb)),
    };
    STDOUT_COLOR.store(decide(std::io::stdout().is_terminal()), Ordering::Relaxed);
    STDERR_COLOR.store(decide(std::io::stderr().is_terminal()), Ordering::Relaxed);
}

/// Whether escape sequences reach the terminal as colours: on Windows this
/// turns on virtual-terminal processing in the console (without it they
/// would print as text); elsewhere terminals accept them.
#[cfg(windows)]
fn console_accepts_ansi() -> bool {
    crossterm::ansi_support::supports_ansi()
}

#[cfg(not(windows))]
fn console_accepts_ansi() -> bool {
    true
}

pub(crate) fn stdout_color() -> bool {
    STDOUT_COLOR.load(Ordering::Relaxed)
}

pub(crate) fn stdout_is_tty() -> bool {
    std::io::stdout().is_terminal()
}

pub(crate) fn stderr_is_tty() -> bool {
    std::io::stderr().is_terminal()
}

/// The kinds of text the runner colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Paint {
    Pass,
    Fail,
    Warn,
    ErrorLabel,
    Heading,
    Path,
    Dim,
    Bold,
    Added,
    Removed,
    Key,
    /// The row under the cursor of a list.
    Selected,
}

impl Paint {
    fn code(self) -> &'static str {
        match self {
            Paint::Pass => "1;32",
            Paint::Fail | Paint::ErrorLabel => "1;31",
            Paint::Warn => "1;33",
            Paint::Heading | Paint::Bold => "1",
            Paint::Path => "36",
            Paint::Dim => "2",
            Paint::Added => "32",
            Paint::Removed => "31",
            Paint::Key => "1;36",
            Paint::Selected => "7",
        }
    }
}

/// A styler: paints text when colour is on, returns it as it is otherwise.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub const PLAIN: Style = Style { color: false };

    pub(crate) fn stdout() -> Style {
        Style {
            color: stdout_color(),
        }
    }

    pub(crate) fn paint(self, paint: Paint, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{}m{text}\x1b[0m", paint.code())
        } else {
            text.to_string()
        }
    }
}

pub(crate) fn paint_stderr(paint: Paint, text: &str) -> String {
    Style {
        color: STDERR_COLOR.load(Ordering::Relaxed),
    }
    .paint(paint, text)
}

/// Writes to stdout. When the reader has gone (`| head`), stops the
/// children and exits with 141, as a program killed by SIGPIPE would,
/// instead of panicking.
pub(crate) fn write_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        crate::process::kill_all_live();
        std::process::exit(141);
    }
}

/// Terminal width, or 80 when it cannot be known (a pipe, a test).
pub(crate) fn width() -> usize {
    crossterm::terminal::size()
        .map(|(w, _)| usize::from(w))
        .ok()
        .filter(|w| *w >= 10)
        .unwrap_or(80)
}

/// Removes ANSI escape sequences, for measuring and for plain output.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Display width of one character in a terminal (0 for controls).
pub(crate) fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `text` with every control character other than newline and tab shown as
/// a visible symbol (ESC as `␛`, carriage return as `␍`, C1 controls as
/// `<U+009B>`), never sent to the terminal to act on: output of code under
/// test must not clear the screen, move the cursor, set the clipboard or
/// paint a fake verdict.
pub fn visible_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
            }
            '\u{7f}' => out.push('␡'),
            '\u{80}'..='\u{9f}' => out.push_str(&format!("<U+{:04X}>", c as u32)),
            // Bidirectional overrides reorder what follows them on screen.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                out.push_str(&format!("<U+{:04X}>", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Display width of a string, ignoring colour codes.
pub(crate) fn display_width(text: &str) -> usize {
    strip_ansi(text).chars().map(char_width).sum()
}

/// Wraps one line (which may hold colour codes) to `width` columns. Breaks at
/// spaces when it can and hard-breaks long words such as paths; continuation
/// lines are indented by `indent` spaces.
pub(crate) fn wrap_line(line: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(indent + 8);
    if display_width(line) <= width {
        return vec![line.to_string()];
    }
    // Colour codes would be cut in half: wrap the plain text instead.
    let plain = strip_ansi(line);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut current_width = 0;
    let limit = |first: bool| if first { width } else { width - indent };
    for word in plain.split_inclusive(' ') {
        let w = display_width(word);
        if current_width + w > limit(out.is_empty()) && !current.is_empty() {
            out.push(std::mem::take(&mut current).trim_end().to_string());
            current_width = 0;
        }
        if w > limit(out.is_empty()) {
            for c in word.chars() {
                let cw = char_width(c);
                if current_width + cw > limit(out.is_empty()) {
                    out.push(std::mem::take(&mut current));
                    current_width = 0;
                }
                current.push(c);
                current_width += cw;
            }
        } else {
            current.push_str(word);
            current_width += w;
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim_end().to_string());
    }
    out.into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l
            } else {
                format!("{}{l}", " ".repeat(indent))
            }
        })
        .collect()
}

/// Joins the lines of each paragraph of a course's message (as written in a
/// TOML multi-line string) so that the screen can wrap it to its width;
/// blank lines still separate paragraphs.
pub(crate) fn reflow(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Wraps every line of a block of text.
pub(crate) fn wrap_text(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        for piece in wrap_line(line, width, (indent + 2).min(width / 3)) {
            out.push_str(&piece);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_from_learner_output_are_shown_not_obeyed() {
        assert_eq!(
            visible_controls("a\x1b[2Jb\r\nc\td\x07\u{9b}31m\u{202e}"),
            "a␛[2Jb␍\nc\td␇<U+009B>31m<U+202E>"
        );
        assert_eq!(visible_controls("plain ✓ text"), "plain ✓ text");
    }

    #[test]
    fn strips_colour_codes() {
        let s = Style { color: true }.paint(Paint::Pass, "ok");
        assert_ne!(s, "ok");
        assert_eq!(strip_ansi(&s), "ok");
    }

    #[test]
    fn wraps_long_lines_and_wide_characters() {
        let line = "exercises/03_collections/01_words/words.go:12:5: cannot use \"日本語日本語\" as int value";
        for width in [10, 20, 40] {
            for piece in wrap_line(line, width, 2) {
                assert!(
                    display_width(&piece) <= width.max(10),
                    "{piece:?} wider than {width}"
                );
            }
        }
        assert_eq!(wrap_line("short", 80, 2), vec!["short"]);
    }

    #[test]
    fn messages_are_reflowed_by_paragraph() {
        assert_eq!(
            reflow("\nOne\ntwo.\n\nThree\n  four.\n"),
            "One two.\n\nThree four."
        );
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("café"), 4);
    }
}
