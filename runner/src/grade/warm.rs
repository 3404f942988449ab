//! Warming Go's build cache ahead of need: the first exercise graded with
//! `-race` compiles the standard library again with the race detector's
//! instrumentation, which takes a quarter of a minute on a small machine.
//! Watch mode does that in the background while the learner works on the
//! exercises just before it, so the first race verdict comes as fast as any.

use anyhow::Result;

use super::{BUILD_TIMEOUT, Grader};

/// How many exercises ahead of the first `-race` exercise warming starts.
pub(crate) const AHEAD: usize = 3;

/// Builds what the next `-race` exercise needs, when it comes within
/// [`AHEAD`] exercises of `current` and has not been built before for this
/// Go version. Cancelled with the grader's token like any check.
pub(crate) fn race_ahead(g: &Grader, current: usize) -> Result<()> {
    let course = g.course;
    let Some((at, ex)) = course
        .exercises
        .iter()
        .enumerate()
        .skip(current)
        .find(|(_, e)| e.race)
    else {
        return Ok(());
    };
    if at == current || at - current > AHEAD {
        // The current exercise's own check builds it; or it is far away.
        return Ok(());
    }
    let version = crate::gomod::check_toolchain(&course.go_version)?;
    let marker = g.cache_dir("warm")?.join("race");
    if std::fs::read_to_string(&marker).is_ok_and(|v| v == version) {
        return Ok(());
    }
    // `go list -export` compiles every dependency (with -race, the
    // instrumented ones) without linking anything; the reference solution
    // is used because it compiles.
    let out = g
        .go()
        .args([
            "list",
            "-race",
            "-test",
            "-deps",
            "-export",
            "-f",
            "{{.ImportPath}}",
        ])
        .arg(format!("./{}", ex.solution_rel()))
        .timeout(BUILD_TIMEOUT)
        .cap(1 << 20)
        .run()?;
    out.cancelled()?;
    if out.success() {
        crate::fsutil::write_atomic(&marker, version.as_bytes())?;
    }
    Ok(())
}
