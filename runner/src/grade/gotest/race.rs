//! The race detector's reports in a test's output: taken out of its own
//! messages, and trimmed to what a learner can act on.

use crate::paths::Rewriter;

/// A test's output with the race detector's reports taken out.
pub(super) fn without_race_reports(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_report = false;
    for l in lines {
        let t = l.trim();
        if t.starts_with("==================") {
            in_report = !in_report;
            continue;
        }
        if in_report || t.contains("race detected during execution of test") {
            continue;
        }
        out.push(l.clone());
    }
    out
}

/// How the race detector starts a report.
pub(super) const REPORT_START: &str = "WARNING: DATA RACE";

/// What the testing package adds to a test (or a package) in which the race
/// detector reported a race.
const DETECTED: &str = "race detected";

/// Whether `line` shows that the race detector reported a race.
pub(super) fn reported_in(line: &str) -> bool {
    line.contains(REPORT_START) || line.contains(DETECTED)
}

/// A race report, trimmed to what a learner can act on: the first report's
/// two accesses, at lines of their code.
pub(super) fn race_message(rw: &Rewriter, out: &[String]) -> String {
    let mut msg = vec![
        "DATA RACE: two goroutines used the same variable at once, at least one of them writing:"
            .to_string(),
    ];
    let mut heading: Option<String> = None;
    let mut started = false;
    for l in out {
        let t = l.trim();
        if t.starts_with(REPORT_START) {
            if started {
                break;
            }
            started = true;
            continue;
        }
        if !started {
            continue;
        }
        if t.starts_with("==================") {
            break;
        }
        if t.ends_with(':')
            && (t.starts_with("Read at")
                || t.starts_with("Write at")
                || t.starts_with("Previous read")
                || t.starts_with("Previous write"))
        {
            let what = if t.starts_with("Previous") {
                "earlier "
            } else {
                ""
            };
            let access = if t.contains("ead at") {
                "read"
            } else {
                "write"
            };
            heading = Some(format!("{what}{access}"));
            continue;
        }
        if t.starts_with("Goroutine ") {
            heading = None;
            continue;
        }
        let pos = rw.line(t);
        let pos = pos.split(" +0x").next().unwrap_or(&pos).to_string();
        let ours = pos.starts_with("exercises/")
            || pos.starts_with("solutions/")
            || pos.starts_with(crate::paths::HIDDEN);
        if ours
            && pos.contains(".go:")
            && let Some(h) = heading.take()
        {
            msg.push(format!("  {h} at {pos}"));
        }
    }

    msg.push(
        "Give each goroutine its own copy of the variable, or protect it with a sync.Mutex, use sync/atomic, or pass values over a channel."
            .into(),
    );
    msg.join("\n")
}
