//! `dev new`: scaffold an exercise.

use anyhow::Result;

use crate::cli::DevNewArgs;
use crate::course::Course;

pub(crate) fn run(_course: &Course, _args: &DevNewArgs) -> Result<i32> {
    anyhow::bail!("`dev new` is not available in this build")
}
