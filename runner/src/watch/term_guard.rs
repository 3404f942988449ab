//! The terminal in watch mode: raw mode so that keys work without Enter,
//! restored on every way out (return, error, panic, signal). When stdin or
//! stdout is not a terminal, keys are read as lines instead.

use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use anyhow::Result;
use crossterm::event::{self, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Event, Key};

static RAW: AtomicBool = AtomicBool::new(false);

/// Restores the terminal if watch mode changed it. Safe to call any time,
/// from any thread, more than once.
pub(crate) fn restore_terminal() {
    if RAW.swap(false, Ordering::SeqCst) {
        let _ = crossterm::terminal::disable_raw_mode();
        let mut out = std::io::stdout();
        let _ = crossterm::execute!(out, crossterm::cursor::Show);
        let _ = out.flush();
    }
}

pub(crate) struct Guard;

impl Guard {
    pub(crate) fn enter(interactive: bool) -> Result<Guard> {
        if interactive {
            crossterm::terminal::enable_raw_mode().map_err(|e| {
                anyhow::anyhow!(
                    "cannot put the terminal in raw mode ({e}); run watch in a terminal"
                )
            })?;
            RAW.store(true, Ordering::SeqCst);
            crate::signals::before_forced_exit(restore_terminal);
            let mut out = std::io::stdout();
            let _ = crossterm::execute!(out, crossterm::cursor::Hide);
            let hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore_terminal();
                hook(info);
            }));
        }
        Ok(Guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

pub(crate) fn map_key(k: KeyEvent) -> Option<Key> {
    if k.kind != KeyEventKind::Press {
        return None;
    }
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return match k.code {
            KeyCode::Char('c') | KeyCode::Char('d') => Some(Key::Interrupt),
            _ => None,
        };
    }
    Some(match k.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        _ => return None,
    })
}

/// Without a terminal, keys come as lines: a letter, or an empty line to
/// re-run.
fn map_line(line: &str) -> Option<Key> {
    let line = line.trim();
    let mut chars = line.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Some(Key::Char('r')),
        (Some(c), None) => Some(Key::Char(c)),
        _ => None,
    }
}

pub(crate) fn spawn_key_reader(interactive: bool, tx: Sender<Event>) {
    std::thread::spawn(move || {
        if interactive {
            loop {
                match event::read() {
                    Ok(event::Event::Key(k)) => {
                        if let Some(key) = map_key(k)
                            && tx.send(Event::Key(key)).is_err()
                        {
                            return;
                        }
                    }
                    Ok(event::Event::Resize(..)) => {
                        if tx.send(Event::Resize).is_err() {
                            return;
                        }
                    }
                    Ok(_) => {}
                    Err(_) => return,
                }
            }
        } else {
            let stdin = std::io::stdin();
            for line in stdin.lock().lines() {
                let Ok(line) = line else { return };
                if let Some(key) = map_line(&line)
                    && tx.send(Event::Key(key)).is_err()
                {
                    return;
                }
            }
        }
    });
}
