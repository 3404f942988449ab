//! `dev new`'s templates: the files of a new exercise for each mode, and
//! its `info.toml` entry.

use crate::course::Mode;
use crate::grade::modes::{NewExercise, Scaffold};

/// The exercise's name as a title: `first_words` gives `First words`.
pub(super) fn title_of(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => words,
    }
}

/// Files of a new exercise and its `info.toml` entry's mode-specific part,
/// as its mode describes them.
pub(super) fn scaffold(mode: Mode, name: &str, pkg: &str, header: &str) -> Scaffold {
    let func = title_of(name).replace(' ', "");
    crate::grade::modes::of(mode).scaffold(&NewExercise {
        name,
        pkg,
        header,
        func: &func,
    })
}

/// The exercise's `info.toml` entry.
pub(super) fn entry(
    name: &str,
    dir: &str,
    mode: Mode,
    module: &str,
    anchor: &str,
    scaffold: &Scaffold,
) -> String {
    format!(
        "[[exercises]]\nname = \"{name}\"\ndir = \"{dir}\"\nmode = \"{mode}\"\nhints = [\n  \"TODO: a nudge.\",\n  \"TODO: nearly the answer.\",\n]\nbook = \"{module}.md#{anchor}\"\nfails_with = {fails_with}\n{extra}",
        fails_with = scaffold.fails_with,
        extra = scaffold.entry,
    )
}
