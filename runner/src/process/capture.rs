//! Output capture: each stream keeps its head up to a cap, the lines a
//! filter asks for from the middle, and its tail; [`reader`] fills one from
//! a child's pipe.

use std::collections::VecDeque;
use std::io::Read;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::cmd::{Keep, LineFilter, LineSink};
use super::running::Wake;

/// Bytes kept from the end of a stream that went past its cap.
pub(super) const TAIL_CAP: usize = 64 << 10;

/// Captured bytes of one stream: the head up to the cap, lines kept from
/// the middle, then the tail.
#[derive(Debug, Default, Clone)]
pub(crate) struct Captured {
    pub head: Vec<u8>,
    /// Whole lines from past the head that the keep filter accepted.
    pub kept: Vec<u8>,
    pub tail: Vec<u8>,
    /// Bytes dropped between head and tail.
    pub dropped: u64,
}

impl Captured {
    /// Everything kept, with a marker where bytes were dropped.
    pub(crate) fn text(&self) -> String {
        let mut s = String::from_utf8_lossy(&self.head).into_owned();
        if self.dropped > 0 {
            s.push_str(&format!("\n… [{} bytes of output cut] …\n", self.dropped));
        }
        s.push_str(&String::from_utf8_lossy(&self.tail));
        s
    }

    /// Whether anything was kept from the middle.
    #[cfg(all(test, unix))]
    pub(crate) fn kept_len(&self) -> usize {
        self.kept.len()
    }

    /// Head, kept lines and tail as separate pieces (for line-oriented
    /// parsing that must not join a cut line).
    pub(crate) fn pieces(&self) -> [&[u8]; 3] {
        [&self.head, &self.kept, &self.tail]
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.head.is_empty() && self.tail.is_empty()
    }
}

/// Most bytes of kept lines.
const KEPT_CAP: usize = 4 << 20;

#[derive(Debug)]
pub(super) struct Capture {
    cap: usize,
    head: Vec<u8>,
    pub(super) keep: Option<fn(&[u8]) -> Keep>,
    /// Set once the filter said to keep everything from a line on.
    keep_all: bool,
    /// The line being read past the head, for the keep filter.
    partial: Vec<u8>,
    kept: Vec<u8>,
    tail: VecDeque<u8>,
    dropped: u64,
}

impl Capture {
    pub(super) fn new(cap: usize) -> Capture {
        Capture {
            cap,
            head: Vec::new(),
            keep: None,
            keep_all: false,
            partial: Vec::new(),
            kept: Vec::new(),
            tail: VecDeque::new(),
            dropped: 0,
        }
    }

    /// Runs the keep filter over bytes past the head, line by line.
    fn filter(&mut self, bytes: &[u8]) {
        let Some(keep) = self.keep else { return };
        let mut rest = bytes;
        while let Some(nl) = rest.iter().position(|b| *b == b'\n') {
            let part = &rest[..nl];
            if self.partial.len() < KEPT_CAP {
                let n = part.len().min(KEPT_CAP - self.partial.len());
                self.partial.extend_from_slice(&part[..n]);
            }
            if !self.keep_all && keep(&self.partial) == Keep::FromHere {
                self.keep_all = true;
            }
            let wanted = self.keep_all || keep(&self.partial) == Keep::Line;
            if wanted && self.kept.len() + self.partial.len() < KEPT_CAP {
                self.kept.extend_from_slice(&self.partial);
                self.kept.push(b'\n');
            }
            self.partial.clear();
            rest = &rest[nl + 1..];
        }
        if self.partial.len() < KEPT_CAP {
            let n = rest.len().min(KEPT_CAP - self.partial.len());
            self.partial.extend_from_slice(&rest[..n]);
        }
    }

    pub(super) fn push(&mut self, mut bytes: &[u8]) {
        let room = self.cap.saturating_sub(self.head.len());
        if room > 0 {
            let n = room.min(bytes.len());
            self.head.extend_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
            if self.head.len() == self.cap && !self.head.ends_with(b"\n") {
                // The head ends mid-line: the rest of that line is not a
                // line of its own, so it is not offered to the filter.
                self.partial.extend_from_slice(b"(cut) ");
            }
        }
        if bytes.is_empty() {
            return;
        }
        self.filter(bytes);
        if bytes.len() >= TAIL_CAP {
            self.dropped += (self.tail.len() + bytes.len() - TAIL_CAP) as u64;
            self.tail.clear();
            self.tail.extend(&bytes[bytes.len() - TAIL_CAP..]);
            return;
        }
        let overflow = (self.tail.len() + bytes.len()).saturating_sub(TAIL_CAP);
        self.tail.drain(..overflow);
        self.dropped += overflow as u64;
        self.tail.extend(bytes);
    }

    pub(super) fn snapshot(&self) -> Captured {
        Captured {
            head: self.head.clone(),
            kept: self.kept.clone(),
            tail: self.tail.iter().copied().collect(),
            dropped: self.dropped,
        }
    }
}

/// The longest line handed to a line watch or sink; the rest of a longer
/// line is cut (the lines they look for are short).
const MAX_LINE: usize = 4096;

/// Which lines of a stream to send as [`Wake::Line`], and where.
pub(super) type LineWatch = (LineFilter, Sender<Wake>);

pub(super) fn reader(
    mut stream: impl Read + Send + 'static,
    into: Arc<Mutex<Capture>>,
    done: Sender<()>,
    watch: Option<LineWatch>,
    lines: Option<LineSink>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 << 10];
        let mut line = Vec::new();
        let by_line = watch.is_some() || lines.is_some();
        loop {
            match stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    if by_line {
                        for b in &buf[..n] {
                            if *b != b'\n' {
                                if line.len() < MAX_LINE {
                                    line.push(*b);
                                }
                                continue;
                            }
                            if let Some(sink) = &lines {
                                (sink.0)(&String::from_utf8_lossy(&line));
                            }
                            if let Some((matches, tx)) = &watch
                                && matches(&line)
                            {
                                let _ = tx.send(Wake::Line(line.clone()));
                            }
                            line.clear();
                        }
                    }
                    into.lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(&buf[..n]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = done.send(());
    })
}
