//! `verify`: grade every exercise, a few at a time, and report. Text for
//! people; JSON and JUnit for CI and classroom autograding.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::cli::{Format, VerifyArgs};
use crate::course::{Course, Exercise};
use crate::grade::{Grader, Target};
use crate::process::CancelToken;
use crate::term::{Paint, Style};
use crate::verdict::Verdict;

/// One exercise's result.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub index: usize,
    /// `Err` holds the sentence saying why the runner could not grade.
    pub verdict: Result<Verdict, String>,
    pub elapsed: Duration,
}

pub(crate) fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// How `verify_all` grades.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Exercises graded at once.
    pub jobs: usize,
    /// Grade each exercise in its own `go test` run (no grouping).
    pub isolated: bool,
    /// Reuse remembered passes whose inputs have not changed.
    pub cache: bool,
}

impl Options {
    pub(crate) fn new(jobs: usize) -> Options {
        Options {
            jobs,
            isolated: false,
            cache: false,
        }
    }
}

fn to_outcome(index: usize, r: Result<Verdict>, elapsed: Duration) -> Outcome {
    let verdict = r.map_err(|e| {
        if crate::process::is_cancelled(&e) {
            "cancelled".to_string()
        } else {
            format!("{e:#}")
        }
    });
    Outcome {
        index,
        verdict,
        elapsed,
    }
}

/// Grades `exercises` and returns their outcomes in order; `on_done` is
/// called as each finishes. Remembered passes come first (with `cache`),
/// then the `test`-mode exercises in shared `go test` runs (unless
/// `isolated`), then everything else, `jobs` at a time. Stops early (the
/// rest report "cancelled") when `cancel` fires.
pub(crate) fn verify_all(
    course: &Course,
    exercises: &[&Exercise],
    target: Target,
    opts: Options,
    cancel: &CancelToken,
    on_done: &(dyn Fn(&Exercise, &Outcome) + Sync),
) -> Vec<Outcome> {
    let grader = Grader::with_cancel(course, cancel.clone());
    let mut done: Vec<Option<Outcome>> = (0..exercises.len()).map(|_| None).collect();
    let mut keys: Vec<Option<String>> = vec![None; exercises.len()];
    let finish = |i: usize, o: Outcome, done: &mut Vec<Option<Outcome>>| {
        on_done(exercises[i], &o);
        done[i] = Some(o);
    };

    if opts.cache {
        for (i, ex) in exercises.iter().enumerate() {
            let started = Instant::now();
            keys[i] = crate::grade::cache::key(&grader, ex, target);
            if let Some(v) = keys[i]
                .as_deref()
                .and_then(|k| crate::grade::cache::load(&grader, ex, k))
            {
                finish(i, to_outcome(i, Ok(v), started.elapsed()), &mut done);
            }
        }
    }

    if !opts.isolated && !cancel.is_cancelled() {
        let group: Vec<usize> = (0..exercises.len())
            .filter(|i| {
                done[*i].is_none()
                    && crate::grade::group::groupable(&grader, exercises[*i])
                    // Refusals and stops are given by grading alone.
                    && matches!(grader.precheck(exercises[*i], target), Ok(None))
            })
            .collect();
        if group.len() > 1 {
            let started = Instant::now();
            let members: Vec<&Exercise> = group.iter().map(|i| exercises[*i]).collect();
            let verdicts = crate::grade::group::grade(&grader, &members, target);
            let each = started.elapsed() / group.len() as u32;
            for (k, v) in verdicts.into_iter().enumerate() {
                if let Some(v) = v {
                    let i = group[k];
                    if let Some(key) = &keys[i] {
                        crate::grade::cache::store(&grader, exercises[i], key, &v);
                    }
                    finish(i, to_outcome(i, Ok(v), each), &mut done);
                }
            }
        }
    }

    let left: Vec<usize> = (0..exercises.len())
        .filter(|i| done[*i].is_none())
        .collect();
    let next = AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::with_capacity(left.len()));
    std::thread::scope(|s| {
        for _ in 0..opts.jobs.clamp(1, left.len().max(1)) {
            s.spawn(|| {
                let grader = Grader::with_cancel(course, cancel.clone());
                loop {
                    let k = next.fetch_add(1, Ordering::SeqCst);
                    let Some(&i) = left.get(k) else { break };
                    let ex = exercises[i];
                    let started = Instant::now();
                    let r = if cancel.is_cancelled() {
                        Err(crate::process::Cancelled.into())
                    } else {
                        grader.grade(ex, target)
                    };
                    if let (Ok(v), Some(key)) = (&r, &keys[i]) {
                        crate::grade::cache::store(&grader, ex, key, v);
                    }
                    let outcome = to_outcome(i, r, started.elapsed());
                    on_done(ex, &outcome);
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(outcome);
                }
            });
        }
    });
    for o in results.into_inner().unwrap_or_else(|e| e.into_inner()) {
        let i = o.index;
        done[i] = Some(o);
    }
    done.into_iter()
        .enumerate()
        .map(|(i, o)| {
            o.unwrap_or(Outcome {
                index: i,
                verdict: Err("cancelled".into()),
                elapsed: Duration::ZERO,
            })
        })
        .collect()
}

pub(crate) fn run(course: &Course, args: &VerifyArgs) -> Result<i32> {
    super::require_exercises(course)?;
    let progress = super::load_progress(course)?;
    if let Some(msg) = &progress.corrupt {
        super::warn(msg);
    }
    let selected = course.select(&args.names)?;
    let opts = Options {
        jobs: args.jobs.unwrap_or_else(default_jobs),
        isolated: args.isolated,
        cache: !args.no_cache,
    };
    // The bar first: asking Go its version can take a second.
    let bar = crate::progress_bar::Bar::new(selected.len(), "checking the Go toolchain");
    let ready = crate::gomod::check_toolchain(&course.go_version)
        .and_then(|_| super::ensure_originals(course));
    if let Err(e) = ready {
        bar.clear();
        return Err(e);
    }
    bar.phase("grading (shared go test runs report when they end)");
    let started = Instant::now();
    let cancel = crate::process::global_cancel().clone();
    let outcomes = verify_all(
        course,
        &selected,
        Target::Exercise,
        opts,
        &cancel,
        &|ex, _| bar.inc(&ex.name),
    );
    bar.clear();
    if crate::signals::interrupted() {
        return Ok(crate::exit::INTERRUPTED);
    }
    let total_time = started.elapsed();

    crate::state::update(&course.root, |s| {
        for o in &outcomes {
            let ex = selected[o.index];
            // A failure now does not undo an earlier pass (see `record`);
            // a runner error says nothing either way.
            if let Ok(v) = &o.verdict {
                super::record_in(s, &ex.name, v.passed());
            }
        }
    })?;

    let report = match args.format {
        Format::Text => text(course, &selected, &outcomes, total_time, Style::stdout()),
        Format::Json => json(course, &selected, &outcomes, total_time),
        Format::Junit => junit(&selected, &outcomes, total_time),
    };
    match &args.output {
        Some(path) => std::fs::write(path, &report)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => out!("{report}"),
    }
    for (path, report) in [
        (
            &args.json,
            args.json
                .as_ref()
                .map(|_| json(course, &selected, &outcomes, total_time)),
        ),
        (
            &args.junit,
            args.junit
                .as_ref()
                .map(|_| junit(&selected, &outcomes, total_time)),
        ),
    ] {
        if let (Some(path), Some(report)) = (path, report) {
            std::fs::write(path, report)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    if args.format != Format::Text && args.output.is_some() {
        eprint!("{}", summary_line(&outcomes, total_time));
    }
    let broken = outcomes.iter().any(|o| o.verdict.is_err());
    let all_passed = outcomes
        .iter()
        .all(|o| matches!(&o.verdict, Ok(v) if v.passed()));
    Ok(if broken {
        crate::exit::SETUP
    } else if all_passed {
        crate::exit::SUCCESS
    } else {
        crate::exit::EXERCISE_FAILED
    })
}

fn summary_line(outcomes: &[Outcome], time: Duration) -> String {
    let passed = outcomes
        .iter()
        .filter(|o| matches!(&o.verdict, Ok(v) if v.passed()))
        .count();
    format!(
        "{passed}/{} exercises pass ({:.1}s)\n",
        outcomes.len(),
        time.as_secs_f64()
    )
}

fn text(
    course: &Course,
    selected: &[&Exercise],
    outcomes: &[Outcome],
    time: Duration,
    style: Style,
) -> String {
    let mut s = String::new();
    let failing: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| !matches!(&o.verdict, Ok(v) if v.passed()))
        .collect();
    for o in &failing {
        let ex = selected[o.index];
        let what = match &o.verdict {
            Ok(v) => v.headline(),
            Err(e) => format!("could not be graded: {e}"),
        };
        let _ = writeln!(
            s,
            "{} {:<24} {} {}",
            style.paint(Paint::Fail, "✗"),
            ex.name,
            style.paint(Paint::Path, &ex.exercise_rel()),
            what
        );
    }
    if !failing.is_empty() {
        s.push('\n');
    }
    if failing.is_empty() {
        let _ = write!(
            s,
            "{}",
            style.paint(Paint::Pass, &format!("✓ {}", summary_line(outcomes, time)))
        );
        if selected.len() == course.exercises.len() && !course.final_message.is_empty() {
            let _ = writeln!(s);
        }
    } else {
        s.push_str(&summary_line(outcomes, time));
        if let Some(first) = failing.first() {
            let _ = writeln!(
                s,
                "Next: {}",
                crate::invoked::command(&format!("run {}", selected[first.index].name))
            );
        }
    }
    s
}

fn json(course: &Course, selected: &[&Exercise], outcomes: &[Outcome], time: Duration) -> String {
    let exercises: Vec<serde_json::Value> = outcomes
        .iter()
        .map(|o| {
            let ex = selected[o.index];
            let (status, message) = match &o.verdict {
                Ok(v) if v.passed() => ("passed".to_string(), String::new()),
                Ok(v) => (
                    v.kind().to_string(),
                    crate::term::strip_ansi(&v.render(Style::PLAIN, true)),
                ),
                Err(e) => ("error".to_string(), e.clone()),
            };
            serde_json::json!({
                "name": ex.name,
                "dir": ex.exercise_rel(),
                "module": ex.module(),
                "mode": ex.mode.to_string(),
                "status": status,
                "passed": status == "passed",
                "duration_secs": (o.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
                "message": message,
            })
        })
        .collect();
    let passed = outcomes
        .iter()
        .filter(|o| matches!(&o.verdict, Ok(v) if v.passed()))
        .count();
    let doc = serde_json::json!({
        "format_version": 1,
        "course": course.root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        "total": outcomes.len(),
        "passed": passed,
        "failed": outcomes.len() - passed,
        "duration_secs": (time.as_secs_f64() * 1000.0).round() / 1000.0,
        "exercises": exercises,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("report serializes");
    s.push('\n');
    s
}

pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn junit(selected: &[&Exercise], outcomes: &[Outcome], time: Duration) -> String {
    let mut modules: Vec<&str> = selected.iter().map(|e| e.module()).collect();
    modules.dedup();
    let count = |f: &dyn Fn(&Outcome) -> bool, m: Option<&str>| {
        outcomes
            .iter()
            .filter(|o| m.is_none_or(|m| selected[o.index].module() == m) && f(o))
            .count()
    };
    let is_fail = |o: &Outcome| matches!(&o.verdict, Ok(v) if !v.passed());
    let is_err = |o: &Outcome| o.verdict.is_err();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        "<testsuites name=\"backendlings\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3}\">",
        outcomes.len(),
        count(&is_fail, None),
        count(&is_err, None),
        time.as_secs_f64()
    );
    for m in modules {
        let in_mod: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| selected[o.index].module() == m)
            .collect();
        let t: f64 = in_mod.iter().map(|o| o.elapsed.as_secs_f64()).sum();
        let _ = writeln!(
            s,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" time=\"{t:.3}\">",
            xml_escape(m),
            in_mod.len(),
            count(&is_fail, Some(m)),
            count(&is_err, Some(m))
        );
        for o in in_mod {
            let ex = selected[o.index];
            let _ = write!(
                s,
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" time=\"{:.3}\"",
                xml_escape(&ex.name),
                xml_escape(m),
                xml_escape(&ex.exercise_rel()),
                o.elapsed.as_secs_f64()
            );
            match &o.verdict {
                Ok(v) if v.passed() => s.push_str("/>\n"),
                Ok(v) => {
                    let _ = writeln!(
                        s,
                        ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                        xml_escape(&v.headline()),
                        v.kind(),
                        xml_escape(&v.render(Style::PLAIN, true))
                    );
                }
                Err(e) => {
                    let _ = writeln!(
                        s,
                        ">\n      <error message=\"could not be graded\" type=\"error\">{}</error>\n    </testcase>",
                        xml_escape(e)
                    );
                }
            }
        }
        s.push_str("  </testsuite>\n");
    }
    s.push_str("</testsuites>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_control_characters() {
        assert_eq!(
            xml_escape("a<b & \"c\"\u{1b}[0m"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}[0m"
        );
    }
}
