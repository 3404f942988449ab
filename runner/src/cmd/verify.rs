//! `verify`: grade every exercise, a few at a time, and report. Text for
//! people; JSON and JUnit for CI and classroom autograding (in `report`).

mod report;

use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::cli::{Format, VerifyArgs};
use crate::course::{Course, Exercise};
use crate::grade::Target;
use crate::grade::batch::{Options, Outcome, default_jobs, verify_all};
use crate::term::Style;

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

    write_reports(course, args, &selected, &outcomes, total_time)?;
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

/// Writes the report in the chosen format (to a file or stdout), the extra
/// JSON and JUnit files asked for, and the summary line when stdout has none.
fn write_reports(
    course: &Course,
    args: &VerifyArgs,
    selected: &[&Exercise],
    outcomes: &[Outcome],
    total_time: Duration,
) -> Result<()> {
    let report = match args.format {
        Format::Text => report::text(course, selected, outcomes, total_time, Style::stdout()),
        Format::Json => report::json(course, selected, outcomes, total_time),
        Format::Junit => report::junit(selected, outcomes, total_time),
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
                .map(|_| report::json(course, selected, outcomes, total_time)),
        ),
        (
            &args.junit,
            args.junit
                .as_ref()
                .map(|_| report::junit(selected, outcomes, total_time)),
        ),
    ] {
        if let (Some(path), Some(report)) = (path, report) {
            std::fs::write(path, report)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    if args.format != Format::Text && args.output.is_some() {
        eprint!("{}", report::summary_line(outcomes, total_time));
    }
    Ok(())
}
