//! The learner's editor: `e` opens the current exercise in `$VISUAL` or
//! `$EDITOR`, and `--edit` does so each time watch mode moves on.

use crate::cli::WatchArgs;
use crate::course::{Course, Exercise};

use super::screen;

/// Opens exercises in the learner's editor: on `e`, and with `--edit` each
/// time watch mode moves to another exercise.
pub(crate) struct Editor {
    command: Option<String>,
    /// `--edit` was given: open on every move, not only on `e`.
    follow: bool,
    last: Option<usize>,
}

/// Editors that draw in the terminal: they would fight the watch screen for
/// it, so the learner is told to start them in another terminal instead.
const TERMINAL_EDITORS: &[&str] = &[
    "vi",
    "vim",
    "nvim",
    "nano",
    "micro",
    "hx",
    "helix",
    "kak",
    "joe",
    "ne",
    "mg",
    "emacs -nw",
    "emacsclient -nw",
    "emacsclient -t",
];

impl Editor {
    pub(super) fn new(args: &WatchArgs) -> Editor {
        let from_env = || {
            std::env::var("VISUAL")
                .ok()
                .filter(|v| !v.trim().is_empty())
                .or_else(|| std::env::var("EDITOR").ok())
                .unwrap_or_default()
        };
        let command = match &args.edit {
            Some(c) if !c.trim().is_empty() => c.clone(),
            _ => from_env(),
        };
        Editor {
            command: Some(command).filter(|c| !c.trim().is_empty()),
            follow: args.edit.is_some(),
            last: None,
        }
    }

    pub(super) fn open(&mut self, course: &Course, ex: &Exercise) {
        if !self.follow || self.last == Some(ex.index) {
            return;
        }
        let _ = self.force_open(course, ex);
    }

    /// Opens the exercise's files; returns a sentence for the learner when
    /// it cannot.
    pub(super) fn force_open(&mut self, course: &Course, ex: &Exercise) -> Option<String> {
        let files = screen::main_files(course, ex);
        let shown = files
            .iter()
            .map(|f| f.replace('\\', "/"))
            .collect::<Vec<_>>()
            .join(" ");
        let Some(command) = &self.command else {
            return Some(format!(
                "No editor is set: set VISUAL or EDITOR (for example EDITOR=\"code --wait\") and start watch again, or open {shown} yourself."
            ));
        };
        let words = shlex::split(command).unwrap_or_else(|| vec![command.clone()]);
        let program = words
            .first()
            .map(|p| {
                std::path::Path::new(p)
                    .file_stem()
                    .map_or(p.clone(), |s| s.to_string_lossy().into_owned())
            })
            .unwrap_or_default();
        let invocation = std::iter::once(program.as_str())
            .chain(words.iter().skip(1).map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        if TERMINAL_EDITORS
            .iter()
            .any(|t| invocation == *t || invocation.starts_with(&format!("{t} ")) || program == *t)
        {
            return Some(format!(
                "{program} runs in the terminal, which the watch screen is using: open the exercise in another terminal with `{command} {shown}`."
            ));
        }
        self.last = Some(ex.index);
        // `$EDITOR` is a shell word list: `code --wait`, or a quoted path
        // with spaces (`"C:\Program Files\…\notepad++.exe"`).
        let (program, args) = words.split_first()?;
        let mut c = std::process::Command::new(program);
        c.args(args)
            .args(files.iter().map(|f| course.root.join(f)))
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        // The editor is the learner's program, not a check: it is not killed
        // with the checks, and it is not waited for.
        match c.spawn() {
            Ok(mut child) => {
                std::thread::spawn(move || {
                    let _ = child.wait();
                });
                None
            }
            Err(e) => Some(format!("Could not start the editor `{command}`: {e}.")),
        }
    }
}
