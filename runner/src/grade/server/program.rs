//! The program under test as a process: a free port, starting it with
//! `PORT` and `ADDR` set, waiting until it accepts connections (or finding,
//! in `/proc/net/tcp`, the port it listens on instead) and what it printed.

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::course::Exercise;
use crate::grade::{Grader, Target};
use crate::paths::Rewriter;
use crate::probes::ProbeFile;
use crate::process::{Cmd, Running};
use crate::verdict::Verdict;

/// A port nobody listens on right now.
pub(super) fn free_port() -> Result<u16> {
    let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .context("cannot find a free port on 127.0.0.1")?;
    Ok(l.local_addr()?.port())
}

/// Starts the built program in its package directory, with `PORT`, `ADDR`
/// and the `[server]` arguments and environment of the probes file.
pub(super) fn spawn(
    g: &Grader,
    ex: &Exercise,
    target: Target,
    bin: &Path,
    probes: &ProbeFile,
    port: u16,
) -> Result<Running> {
    let root = &g.course.root;
    let addr = format!("127.0.0.1:{port}");
    let mut cmd = Cmd::new(bin)
        .args(&probes.server.args)
        .cwd(root.join(g.package_dir(ex, target)))
        .env("PORT", port.to_string())
        .env("ADDR", &addr)
        .memory_limit(ex.memory_limit())
        .cancel(&g.cancel);
    for (k, v) in &probes.server.env {
        cmd = cmd.env(k, v);
    }
    cmd.spawn()
}

pub(super) fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.trim_end().lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// What the program printed: stderr (a panic trimmed to the frames in the
/// exercise, paths relative to the course), then the end of stdout.
pub(super) fn printed(server: &Running, rw: &Rewriter) -> String {
    let mut s = tail(&rw.program_output(&server.stderr_now().text()), 30);
    let out = tail(&server.stdout_now().text(), 5);
    if !out.trim().is_empty() {
        if !s.trim().is_empty() {
            s.push('\n');
        }
        s.push_str(&out);
    }
    s
}

/// Waits until the program accepts connections on `port`. Returns the
/// verdict when it exits first or never does.
pub(super) fn wait_until_listening(
    server: &mut Running,
    port: u16,
    limit: Duration,
    rw: &Rewriter,
) -> Option<Verdict> {
    let started = Instant::now();
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    loop {
        if let Some(status) = server.exited() {
            let how = match status.code() {
                Some(c) => format!("exited with code {c}"),
                None => "was killed by a signal".to_string(),
            };
            return Some(Verdict::ServerDidNotStart {
                reason: format!("The program {how} before accepting connections on {addr}."),
                output: printed(server, rw),
            });
        }
        if std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return None;
        }
        if started.elapsed() >= limit {
            let others: Vec<u16> = listening_ports(&server.tree_pids())
                .into_iter()
                .filter(|p| *p != port)
                .collect();
            let reason = if let Some(p) = others.first() {
                format!(
                    "It listens on port {p}, but the runner gave it PORT={port} (and ADDR=127.0.0.1:{port}): read the address from the environment."
                )
            } else {
                format!(
                    "It did not accept connections on {addr} within {}: does it listen on the address in the PORT or ADDR environment variable?",
                    crate::verdict::human_duration(limit)
                )
            };
            return Some(Verdict::ServerDidNotStart {
                reason,
                output: printed(server, rw),
            });
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// TCP ports some processes listen on (Linux; empty elsewhere).
fn listening_ports(pids: &[u32]) -> Vec<u16> {
    let mut inodes = std::collections::BTreeSet::new();
    for fd in pids
        .iter()
        .filter_map(|pid| std::fs::read_dir(format!("/proc/{pid}/fd")).ok())
        .flat_map(|fds| fds.flatten())
    {
        {
            if let Ok(target) = std::fs::read_link(fd.path()) {
                let t = target.to_string_lossy();
                if let Some(inode) = t.strip_prefix("socket:[").and_then(|r| r.strip_suffix(']')) {
                    inodes.insert(inode.to_string());
                }
            }
        }
    }
    let mut ports = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(table) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() > 9
                && cols[3] == "0A"
                && inodes.contains(cols[9])
                && let Some(port) = cols[1]
                    .rsplit(':')
                    .next()
                    .and_then(|h| u16::from_str_radix(h, 16).ok())
            {
                ports.push(port);
            }
        }
    }
    ports.sort_unstable();
    ports.dedup();
    ports
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_ports_are_on_loopback() {
        let p = free_port().unwrap();
        assert!(p > 0);
    }
}
