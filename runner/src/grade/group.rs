//! Grading many `test`-mode exercises at once: one `go test -json` run for
//! every set of exercises that share their flags, with one overlay holding
//! all their hidden tests. The go command builds and runs the packages in
//! parallel and keeps its test cache; each package still gets its own test
//! binary, so one exercise that crashes, exits or hangs cannot take another's
//! verdict with it. Whatever did not come out clean is graded again alone.
//!
//! Each package's test binary gets the exercise's time from its `start`
//! event ([`PackageClock`]), not the build's limit: a binary stuck before its
//! tests start (an endless loop in `init`), which Go's own `-timeout` never
//! sees, ends the shared run within seconds; the packages that finished keep
//! their verdicts and the rest are graded alone, where the stuck one is
//! reported as timed out.
//!
//! Exercises share a run only when they share their memory bound too: the
//! run gets that bound, over all its test binaries at once. A run stopped
//! at the bound grades each of its exercises again alone, under its own.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::Result;

use super::gotest::{self, GRACE, Plan, keep_event, test_args};
use super::{BUILD_TIMEOUT, Grader, Target, write_overlay};
use crate::course::{Exercise, Mode};
use crate::events::Report;
use crate::process::Ended;
use crate::verdict::Verdict;

/// Whether an exercise can be graded in a group.
pub(crate) fn groupable(g: &Grader, ex: &Exercise) -> bool {
    ex.mode == Mode::Test && g.swap.is_none()
}

/// Grades `exercises` (all groupable) in as few `go test` runs as their
/// flags allow. Each result is the verdict, or `None` when the exercise must
/// be graded alone (a timeout, a crash, a cut stream, a run that failed).
pub(crate) fn grade(g: &Grader, exercises: &[&Exercise], target: Target) -> Vec<Option<Verdict>> {
    let mut results: Vec<Option<Verdict>> = vec![None; exercises.len()];
    let mut groups: BTreeMap<(Vec<String>, u64), Vec<usize>> = BTreeMap::new();
    for (i, ex) in exercises.iter().enumerate() {
        groups
            .entry((test_args(ex), ex.memory_limit()))
            .or_default()
            .push(i);
    }
    for ((args, memory), members) in groups {
        if g.cancel.is_cancelled() {
            break;
        }
        if let Ok(verdicts) = run_group(g, exercises, target, &args, memory, &members) {
            for (i, v) in verdicts {
                results[i] = v;
            }
        }
    }
    results
}

/// One shared `go test` run with the flags `args` and the memory bound
/// `memory` (bytes), for the exercises at `members`.
fn run_group(
    g: &Grader,
    exercises: &[&Exercise],
    target: Target,
    args: &[String],
    memory: u64,
    members: &[usize],
) -> Result<Vec<(usize, Option<Verdict>)>> {
    let mut plans: Vec<(usize, Plan)> = Vec::new();
    let mut overlay = Vec::new();
    for &i in members {
        let plan = gotest::plan(g, exercises[i], target)?;
        overlay.extend(plan.overlay.iter().cloned());
        plans.push((i, plan));
    }
    let seal = super::seal::Seal::new(g)?;
    for (_, plan) in &plans {
        overlay.push(seal.overlay(
            &g.course.root.join(&plan.dir),
            &plan.package,
            &plan.import_path,
        )?);
    }
    let (name, dir) = seal.env();
    let mut cmd = g.go().args(args).env(name, dir);
    if !overlay.is_empty() {
        // Beside the seal's files it names, private to this run.
        let file = write_overlay(&seal.overlay_file(), &overlay)?;
        cmd = cmd.arg(format!("-overlay={}", file.display()));
    }
    for (_, plan) in &plans {
        cmd = cmd.arg(format!("./{}", plan.dir));
    }
    // Every member has the same flags, so the same -timeout.
    let limit = exercises[members[0]].timeout + GRACE;
    let clock = PackageClock::new(Instant::now() + BUILD_TIMEOUT, limit);
    let out = cmd
        .timeout(BUILD_TIMEOUT)
        .deadlines(PackageClock::matches, move |line| clock.next(line))
        .memory_limit(memory)
        .cap(64 << 20)
        .keep_lines(keep_event)
        .run()?;
    // After a timeout, the packages that finished before it still count.
    let read = matches!(out.ended, Ended::Exited(_) | Ended::TimedOut);
    if !read || out.over_memory.is_some() {
        return Ok(plans.into_iter().map(|(i, _)| (i, None)).collect());
    }
    let report = Report::parse(&out.stdout.pieces());
    let cut = out.stdout.dropped > 0;
    Ok(plans
        .into_iter()
        .map(|(i, plan)| {
            let ex = exercises[i];
            let Some(pkg) = report.packages.get(&plan.import_path) else {
                // No events for it: a build failure is keyed by import path;
                // anything else is graded alone.
                if report.build_failed.contains(&plan.import_path) {
                    let empty = Default::default();
                    return (
                        i,
                        Some(gotest::verdict_from(&plan, ex.timeout, &report, &empty)),
                    );
                }
                return (i, None);
            };
            if pkg.result.is_none() || cut {
                return (i, None);
            }
            let v = seal.confirm(
                &plan.import_path,
                gotest::verdict_from(&plan, ex.timeout, &report, pkg),
            );
            match v {
                Verdict::TimedOut { .. } | Verdict::Crashed { .. } => (i, None),
                v => (i, Some(v)),
            }
        })
        .collect())
}

/// The deadline of a shared run: while test binaries run, the earliest of
/// their start plus the exercise's time; while none runs, the build's limit.
struct PackageClock {
    build: Instant,
    limit: Duration,
    running: Mutex<HashMap<String, Instant>>,
}

impl PackageClock {
    fn new(build: Instant, limit: Duration) -> PackageClock {
        PackageClock {
            build,
            limit,
            running: Mutex::new(HashMap::new()),
        }
    }

    /// A package's start or end in `go test -json` output (cheap: every
    /// line of the run passes through it).
    fn matches(line: &[u8]) -> bool {
        let has = |s: &str| line.windows(s.len()).any(|w| w == s.as_bytes());
        has("\"Action\":\"start\"")
            || (!has("\"Test\":")
                && (has("\"Action\":\"pass\"")
                    || has("\"Action\":\"fail\"")
                    || has("\"Action\":\"skip\"")))
    }

    fn next(&self, line: &[u8]) -> Option<Instant> {
        let event: crate::events::Event = serde_json::from_slice(line).ok()?;
        let package = event.package?;
        if event.test.is_some() {
            return None;
        }
        let mut running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        match event.action.as_str() {
            "start" => {
                running.insert(package, Instant::now() + self.limit);
            }
            "pass" | "fail" | "skip" => {
                running.remove(&package);
            }
            _ => return None,
        }
        Some(running.values().min().copied().unwrap_or(self.build))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_started_package_sets_the_deadline_until_it_ends() {
        let build = Instant::now() + Duration::from_secs(600);
        let clock = PackageClock::new(build, Duration::from_secs(3));
        let start = br#"{"Action":"start","Package":"course/a"}"#;
        let pass = br#"{"Action":"pass","Package":"course/a","Elapsed":0.1}"#;
        let test_pass = br#"{"Action":"pass","Package":"course/a","Test":"TestX"}"#;
        let output =
            br#"{"Action":"output","Package":"course/a","Output":"\"Action\":\"start\"\n"}"#;
        assert!(PackageClock::matches(start) && PackageClock::matches(pass));
        assert!(!PackageClock::matches(test_pass) && !PackageClock::matches(output));
        let soon = clock.next(start).expect("a start moves the deadline");
        assert!(soon < build && soon > Instant::now() + Duration::from_secs(2));
        assert_eq!(clock.next(pass), Some(build));
    }
}
