//! Rebuilding progress in watch mode after the progress file was lost:
//! everything is regraded in the background, and the passes recorded.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use anyhow::Result;

use super::{Event, Model};
use crate::course::{Course, Exercise};
use crate::grade::Target;

/// Regrades everything in the background after the progress file was lost.
pub(super) fn spawn_rebuild(course: Arc<Course>, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let all: Vec<&Exercise> = course.exercises.iter().collect();
        let cancel = crate::process::global_cancel().clone();
        let opts = crate::grade::batch::Options::new(1);
        let outcomes = crate::grade::batch::verify_all(
            &course,
            &all,
            Target::Exercise,
            opts,
            &cancel,
            &|_, _| {},
        );
        let results = outcomes
            .iter()
            .map(|o| {
                (
                    all[o.index].name.clone(),
                    matches!(&o.verdict, Ok(v) if v.passed()),
                )
            })
            .collect();
        let _ = tx.send(Event::Rebuilt(results));
    });
}

/// Records the passes the rebuild found, and says how many.
pub(super) fn on_rebuilt(model: &mut Model, results: &[(String, bool)]) -> Result<()> {
    model.state = crate::state::update(&model.course.root, |s| {
        for (name, passed) in results {
            if *passed {
                s.done.insert(name.clone());
            }
        }
    })?
    .0;
    model.notices.push(format!(
        "Progress rebuilt: {} exercises pass.",
        results.iter().filter(|(_, p)| *p).count()
    ));
    Ok(())
}
