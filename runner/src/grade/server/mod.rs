//! `server` mode: build the learner's program, start it on a free loopback
//! port (`PORT` and `ADDR` set), wait until it accepts connections, run the
//! exercise's probes against it over HTTP, then stop it and everything it
//! started. Hidden Go tests beside the probes run first.
//!
//! This module owns the order of those steps; [`program`] starts and watches
//! the process, [`session`] holds what the probes share, and [`probes`] has
//! one file per probe kind.

mod probes;
mod program;
mod random;
mod session;

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};

use super::{Grader, Target};
use crate::course::Exercise;
use crate::paths::Rewriter;
use crate::probes::{Probe, ProbeFile};
use crate::process::{Ended, Running};
use crate::verdict::{ProbeFailure, Verdict};
use session::Session;

const DEFAULT_START: Duration = Duration::from_secs(5);
const DEFAULT_REQUEST: Duration = Duration::from_secs(5);
/// Most of a body kept for checks and messages.
const BODY_CAP: usize = 1 << 20;

pub(crate) fn grade(g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict> {
    let root = &g.course.root;
    let sol = root.join(ex.solution_rel());
    let probes = read_probes(ex, &sol)?;

    // Hidden Go tests first: a failing unit is easier to act on than a probe.
    let (_, hidden_tests) = super::go_files(&sol)?;
    let mut tests_summary = None;
    if !hidden_tests.is_empty() {
        let v = super::gotest::grade(g, ex, target)?;
        match v {
            Verdict::Passed { summary } => tests_summary = Some(summary),
            other => return Ok(other),
        }
    }
    if probes.probes.is_empty() {
        return Ok(Verdict::Passed {
            summary: tests_summary.unwrap_or_default(),
        });
    }

    let bin = match super::cases::build(g, ex, target)? {
        Ok(bin) => bin,
        Err(verdict) => return Ok(verdict),
    };
    let port = program::free_port()?;
    let mut server = program::spawn(g, ex, target, &bin, &probes, port)?;

    let start_timeout = probes
        .server
        .start_timeout_ms
        .map_or(DEFAULT_START, Duration::from_millis);
    let dir = g.package_dir(ex, target);
    let rw = super::cases::program_rewriter(g, ex, &dir);
    if let Some(verdict) = program::wait_until_listening(&mut server, port, start_timeout, &rw) {
        let _ = server.finish(Ended::Stopped);
        return Ok(verdict);
    }

    let (failure, cancelled) = run_probes(g, &probes.probes, port, &mut server, rw)?;
    // Whatever happened, the server and everything it started go now.
    let _ = server.finish(Ended::Stopped);
    if cancelled || g.cancel.is_cancelled() {
        return Err(crate::process::Cancelled.into());
    }
    Ok(match failure {
        Some(f) => Verdict::ProbeFailed { failures: vec![f] },
        None => passed(tests_summary, probes.probes.len()),
    })
}

/// The exercise's `probes.toml`, or no probes when it has none.
fn read_probes(ex: &Exercise, sol: &Path) -> Result<ProbeFile> {
    let probes_path = sol.join("probes.toml");
    Ok(if probes_path.is_file() {
        let text = std::fs::read_to_string(&probes_path)
            .with_context(|| format!("cannot read {}", probes_path.display()))?;
        crate::probes::parse(&format!("{}/probes.toml", ex.solution_rel()), &text)?
    } else {
        ProbeFile::default()
    })
}

/// Runs the probes in order against the listening server until one fails
/// or the grading is cancelled: (the failure, whether it was cancelled).
fn run_probes(
    g: &Grader,
    probes: &[Probe],
    port: u16,
    server: &mut Running,
    rw: Rewriter,
) -> Result<(Option<ProbeFailure>, bool)> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime for probes")?;
    let mut session = Session::new(port, server, rw)?;
    session.draw_random_values(probes);
    for probe in probes {
        if g.cancel.is_cancelled() {
            return Ok((None, true));
        }
        if let Err(f) = runtime.block_on(session.run(probe)) {
            return Ok((Some(f), false));
        }
    }
    Ok((None, false))
}

/// The verdict when every probe passed, after the hidden tests' summary.
fn passed(tests_summary: Option<String>, n: usize) -> Verdict {
    let probes_text = crate::verdict::plural(n, "probe", "probes");
    Verdict::Passed {
        summary: match tests_summary {
            Some(t) if !t.is_empty() => format!("{t}, {probes_text}"),
            _ => probes_text,
        },
    }
}
