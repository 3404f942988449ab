//! `dev new MODULE NAME`: scaffolds an exercise with the next number of its
//! module (or at `--at N`, renumbering the ones after it): the learner's
//! file with a TODO header, the reference solution, a hidden test that fails
//! until written, the `info.toml` entry and a section in the module's book
//! chapter. `dev check` then says what is left to fill in.

mod templates;

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::DevNewArgs;
use crate::course::{Course, number_of};
use crate::grade::modes::{File, Side};
use templates::{entry, scaffold, title_of};

pub(crate) fn run(course: &Course, args: &DevNewArgs) -> Result<i32> {
    let mode = args.mode;
    let module = args.module.trim_end_matches('/').to_string();
    let name = args.name.clone();
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        || !name.starts_with(|c: char| c.is_ascii_lowercase())
    {
        bail!(
            "exercise name {name:?}: use lowercase letters, digits and underscores, starting with a letter"
        );
    }
    if number_of(&module).is_none() || module.len() < 4 || module.as_bytes()[2] != b'_' {
        bail!("module {module:?}: give the module directory, like 03_collections");
    }
    let (number, next) = place(course, &module, &name, args.at)?;
    let dir = format!("{module}/{number:02}_{name}");
    let root = &course.root;

    // Make room: every exercise from `number` on moves up by one.
    if number < next {
        renumber(course, &module, number)?;
    }

    let pkg = name.replace('_', "");
    let title = title_of(&name);
    let anchor = name.replace('_', "-");
    let ex_dir = root.join("exercises").join(&dir);
    let sol_dir = root.join("solutions").join(&dir);
    for d in [&ex_dir, &sol_dir] {
        if d.exists() {
            bail!("{} exists already", d.display());
        }
        std::fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    let header = format!(
        "// Exercise: {title}.\n//\n// TODO: say in two or three lines what the learner must do, and how the\n// verdict will tell them they are done.\n"
    );
    let new = scaffold(mode, &name, &pkg, &header);
    write_files(&new.files, &ex_dir, &sol_dir)?;

    // With --at, the new entry goes before the one now numbered after it.
    let before = (number < next).then(|| format!("{module}/{:02}_", number + 1));
    insert_info_entry(
        root,
        &module,
        before.as_deref(),
        &entry(&name, &dir, mode, &module, &anchor, &new),
    )?;
    add_book_section(root, &module, &dir, &title, &anchor)?;

    tell(&name, &dir, &module, &anchor, &new.files);
    Ok(crate::exit::SUCCESS)
}

/// Where the new exercise goes in its module: its number, and the number
/// after the module's last exercise. Refuses a taken name, a module that
/// would leave a gap, and an `--at` out of range.
fn place(course: &Course, module: &str, name: &str, at: Option<u32>) -> Result<(u32, u32)> {
    if course.exercises.iter().any(|e| e.name == name) {
        bail!("an exercise named {name:?} exists already: choose another name");
    }
    let in_module: Vec<_> = course
        .exercises
        .iter()
        .filter(|e| e.module() == module)
        .collect();
    if in_module.is_empty() {
        let modules: Vec<u32> = course
            .exercises
            .iter()
            .filter_map(|e| number_of(e.module()))
            .collect();
        let next = modules.iter().max().map_or(0, |m| m + 1);
        let m = number_of(module).unwrap_or(0);
        if m != next && !modules.contains(&m) {
            bail!(
                "module {module} would leave a gap: the next module number is {next:02}; name it {next:02}_{}",
                module.get(3..).unwrap_or("name")
            );
        }
    }
    let next = in_module.len() as u32 + 1;
    let number = match at {
        None => next,
        Some(n) if (1..=next).contains(&n) => n,
        Some(n) => bail!(
            "--at {n}: module {module} has {} exercises, so use a number from 1 to {next}",
            next - 1
        ),
    };
    Ok((number, next))
}

/// Writes the new files into the exercise and solution directories.
fn write_files(files: &[File], ex_dir: &Path, sol_dir: &Path) -> Result<()> {
    for (rel, text, where_) in files {
        let base = if *where_ == Side::Exercise {
            ex_dir
        } else {
            sol_dir
        };
        let path = base.join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// Says what was made and what is left to fill in.
fn tell(name: &str, dir: &str, module: &str, anchor: &str, files: &[File]) {
    outln!("Created exercise {name} in exercises/{dir} and solutions/{dir}.");
    outln!("Now fill in:");
    for (rel, _, side) in files {
        let base = if *side == Side::Exercise {
            "exercises"
        } else {
            "solutions"
        };
        outln!("  {base}/{dir}/{rel}");
    }
    outln!("  info.toml (hints, fails_with), book/src/{module}.md#{anchor}");
    outln!("Then run `backendlings dev check {name}` until it reports nothing.");
}

/// Inserts an entry after the last exercise of `module` (or in its
/// `# ==== module ====` section, or before the first later module).
fn insert_info_entry(root: &Path, module: &str, before: Option<&str>, entry: &str) -> Result<()> {
    let path = root.join("info.toml");
    let text = std::fs::read_to_string(&path).context("cannot read info.toml")?;
    let lines: Vec<&str> = text.lines().collect();
    // Exercise headers with the module of their dir.
    let mut headers: Vec<(usize, String)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.trim() == "[[exercises]]" {
            let m = lines[i + 1..]
                .iter()
                .take_while(|l| !l.trim_start().starts_with("[["))
                .find_map(|l| {
                    l.trim()
                        .strip_prefix("dir = \"")
                        .map(|d| d.split('/').next().unwrap_or("").to_string())
                })
                .unwrap_or_default();
            headers.push((i, m));
        }
    }
    let header_of_dir = |prefix: &str| {
        lines.iter().enumerate().find_map(|(i, l)| {
            let d = l.trim().strip_prefix("dir = \"")?;
            d.starts_with(prefix)
                .then(|| lines[..i].iter().rposition(|h| h.trim() == "[[exercises]]"))?
        })
    };
    let end_of_block = |start: usize| -> usize {
        let mut j = start + 1;
        while j < lines.len() {
            let t = lines[j].trim();
            if t == "[[exercises]]" || t == "[[modules]]" || t.starts_with("# ====") {
                break;
            }
            j += 1;
        }
        while j > start + 1 && lines[j - 1].trim().is_empty() {
            j -= 1;
        }
        j
    };
    let marker_end = format!("# ==== end {module} ====");
    let at = if let Some(start) = before.and_then(header_of_dir) {
        start
    } else if let Some((start, _)) = headers.iter().rev().find(|(_, m)| m == module) {
        end_of_block(*start)
    } else if let Some(i) = lines.iter().position(|l| l.trim() == marker_end) {
        i
    } else if let Some((start, _)) = headers.iter().find(|(_, m)| m.as_str() > module) {
        *start
    } else {
        lines.len()
    };
    let mut out: Vec<String> = lines[..at].iter().map(|s| s.to_string()).collect();
    if out.last().is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
    out.extend(entry.trim_end().lines().map(String::from));
    if at < lines.len() {
        out.push(String::new());
    }
    let mut rest: Vec<String> = lines[at..].iter().map(|s| s.to_string()).collect();
    while rest.first().is_some_and(|l| l.trim().is_empty()) {
        rest.remove(0);
    }
    out.extend(rest);
    let mut new = out.join("\n");
    new.push('\n');
    // Never leave a broken file behind.
    crate::course::parse_info("info.toml", &new).map_err(|e| {
        anyhow::anyhow!("the new entry would break info.toml ({e}); nothing was changed in it")
    })?;
    crate::fsutil::write_atomic(&path, new.as_bytes())
}

/// Adds a section before the chapter's exercise list and a line to the
/// list; creates the chapter (and its SUMMARY line) when there is none.
fn add_book_section(root: &Path, module: &str, dir: &str, title: &str, anchor: &str) -> Result<()> {
    let src = root.join("book/src");
    let chapter = src.join(format!("{module}.md"));
    let section = format!(
        "## {title} {{#{anchor}}}\n\nTODO: explain the idea of this exercise, with a listing from book/listings/{module}/.\n\n"
    );
    let item = format!("- `exercises/{dir}`: [{title}](#{anchor})\n");
    let text = match std::fs::read_to_string(&chapter) {
        Ok(t) => t,
        Err(_) => {
            std::fs::create_dir_all(&src)?;
            let summary = src.join("SUMMARY.md");
            let mut s =
                std::fs::read_to_string(&summary).unwrap_or_else(|_| "# Summary\n\n".into());
            if !s.ends_with('\n') {
                s.push('\n');
            }
            s.push_str(&format!(
                "- [{}]({module}.md)\n",
                title_of(module.get(3..).unwrap_or(module))
            ));
            crate::fsutil::write_atomic(&summary, s.as_bytes())?;
            format!(
                "# {}\n\n## Exercises in this chapter {{#exercises}}\n\n",
                title_of(module.get(3..).unwrap_or(module))
            )
        }
    };
    let new = match text.find("## Exercises in this chapter") {
        Some(pos) => {
            let (before, after) = text.split_at(pos);
            let mut list = after.to_string();
            if !list.ends_with('\n') {
                list.push('\n');
            }
            list.push_str(&item);
            format!("{before}{section}{list}")
        }
        None => format!(
            "{}\n{section}## Exercises in this chapter {{#exercises}}\n\n{item}",
            text.trim_end()
        ),
    };
    crate::fsutil::write_atomic(&chapter, new.as_bytes())
}

/// Moves exercises `from..` of a module up by one number: directories under
/// exercises/ and solutions/, their `dir` in info.toml, and the chapter's
/// exercise list.
fn renumber(course: &Course, module: &str, from: u32) -> Result<()> {
    let root = &course.root;
    let mut moving: Vec<(String, String)> = course
        .exercises
        .iter()
        .filter(|e| e.module() == module)
        .filter_map(|e| {
            let leaf = e.dir.split('/').nth(1)?;
            let n = number_of(leaf)?;
            (n >= from).then(|| {
                (
                    e.dir.clone(),
                    format!("{module}/{:02}_{}", n + 1, &leaf[3..]),
                )
            })
        })
        .collect();
    // Highest first, so no rename lands on a directory still in use.
    moving.sort_by(|a, b| b.0.cmp(&a.0));
    for (old, new) in &moving {
        for top in ["exercises", "solutions"] {
            let (a, b) = (root.join(top).join(old), root.join(top).join(new));
            if a.exists() {
                std::fs::rename(&a, &b)
                    .with_context(|| format!("cannot rename {} to {}", a.display(), b.display()))?;
            }
        }
        let orig = root.join(crate::state::PRIVATE_DIR).join("originals");
        if orig.join(old).exists() {
            let _ = std::fs::rename(orig.join(old), orig.join(new));
        }
    }
    for file in [
        root.join("info.toml"),
        root.join("book/src").join(format!("{module}.md")),
    ] {
        let Ok(mut text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for (old, new) in moving.iter().rev() {
            text = text.replace(&format!("\"{old}\""), &format!("\"{new}\""));
            text = text.replace(&format!("exercises/{old}`"), &format!("exercises/{new}`"));
        }
        crate::fsutil::write_atomic(&file, text.as_bytes())?;
    }
    outln!(
        "Renumbered {} exercise(s) after it in {module}.",
        moving.len()
    );
    Ok(())
}
