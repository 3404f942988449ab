//! Rewriting what Go prints so that every path points at something the
//! learner can open: files of the exercise relative to the course root, and
//! hidden tests named as such (never their real location under solutions/).

use std::path::Path;

/// Rewrites Go output for one graded package.
#[derive(Debug, Clone)]
pub(crate) struct Rewriter {
    /// Absolute course root with a trailing slash.
    root: String,
    /// `exercises/<dir>/` (or the solution directory when grading one).
    package_dir: String,
    /// `solutions/<dir>/`: where hidden tests really are.
    hidden_dir: String,
    /// File names of the hidden tests.
    hidden_files: Vec<String>,
    /// Go import path of the graded package.
    import_path: String,
}

pub(crate) const HIDDEN: &str = "[hidden test] ";

/// The test file the runner adds to every graded package (its `TestMain`
/// seals the run); its frames are the runner's, never the learner's.
pub(crate) const SEAL_FILE: &str = "backendlings_seal_test.go";

/// A path with `/` separators, and the same with `\\` (the first form
/// first); one form only when there is no separator in it.
fn both_separators(path: &str) -> Vec<String> {
    let slash = path.replace('\\', "/");
    let back = path.replace('/', "\\");
    if slash == back {
        vec![slash]
    } else {
        vec![slash, back]
    }
}

impl Rewriter {
    pub(crate) fn new(
        root: &Path,
        package_dir: &str,
        hidden_dir: &str,
        hidden_files: Vec<String>,
        import_path: &str,
    ) -> Rewriter {
        let mut root = root.to_string_lossy().into_owned();
        if !root.ends_with(['/', '\\']) {
            root.push(std::path::MAIN_SEPARATOR);
        }
        Rewriter {
            root,
            package_dir: format!("{}/", package_dir.trim_end_matches('/')),
            hidden_dir: format!("{}/", hidden_dir.trim_end_matches('/')),
            hidden_files,
            import_path: import_path.to_string(),
        }
    }

    /// Rewrites paths in one line. On Windows Go prints paths with either
    /// separator (`\` from the go command, `/` from the runtime), so every
    /// path is looked for in both forms and shown with `/`.
    pub(crate) fn line(&self, line: &str) -> String {
        let mut s = line.to_string();
        for root in both_separators(&self.root) {
            s = s.replace(&root, "");
        }
        for dir in both_separators(&self.package_dir) {
            s = s.replace(&format!(".{}{dir}", &dir[dir.len() - 1..]), &dir);
            s = s.replace(&dir, &self.package_dir);
        }
        // Hidden tests at their real location (compiler and vet messages).
        if self.package_dir != self.hidden_dir {
            for dir in both_separators(&self.hidden_dir) {
                let sep = &dir[dir.len() - 1..];
                for prefix in [format!(".{sep}{dir}"), dir.clone()] {
                    for f in &self.hidden_files {
                        s = s.replace(&format!("{prefix}{f}"), &format!("{HIDDEN}{f}"));
                    }
                }
            }
            // Hidden tests at their virtual location (runtime positions).
            for f in &self.hidden_files {
                s = s.replace(&format!("{}{f}", self.package_dir), &format!("{HIDDEN}{f}"));
            }
        }
        s
    }

    /// Compiler (or vet) output: headers dropped, paths rewritten, and a
    /// sentence added for the common case of a name the tests need.
    pub(crate) fn compile_output(&self, lines: &[String]) -> String {
        let mut out = Vec::new();
        let mut missing = Vec::new();
        let mut clashes = Vec::new();
        for l in lines {
            if l.starts_with("# ") || l.trim().is_empty() {
                continue;
            }
            let l = self.line(l);
            if l.contains(HIDDEN)
                && let Some(name) = l.split("undefined: ").nth(1)
            {
                let name = name.trim().to_string();
                if !missing.contains(&name) {
                    missing.push(name);
                }
            }
            // `NAME redeclared in this block` in a hidden test: the learner's
            // code declares a name the tests declare too.
            if l.contains(HIDDEN)
                && let Some(before) = l.strip_suffix(" redeclared in this block")
                && let Some(name) = before.rsplit(' ').next()
            {
                let name = name.to_string();
                if !clashes.contains(&name) {
                    clashes.push(name);
                }
            }
            out.push(l);
        }
        let mut text = out.join("\n");
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|n| format!("`{n}`")).collect();
            text.push_str(&format!(
                "\n\nThe hidden tests use {}, which your code does not define: check the name and its spelling.",
                names.join(", ")
            ));
        }
        for name in &clashes {
            text.push_str(&format!(
                "\n\nRename your `{name}`: the course's hidden tests use that name too, and one package cannot declare it twice."
            ));
        }
        text
    }

    /// A test's output: hidden-test `file:line:` prefixes removed from
    /// assertion messages (the learner cannot open that file), paths fixed,
    /// and stack traces trimmed to the frames in the exercise.
    pub(crate) fn test_output(&self, lines: &[String]) -> String {
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            // Output printed without a newline can run into the panic line.
            let l = match lines[i].find("panic: test timed out after") {
                Some(p) if p > 0 => &lines[i][p..],
                _ => lines[i].as_str(),
            };
            if let Some(rest) = l
                .strip_prefix("panic: ")
                .or_else(|| l.strip_prefix("fatal error: "))
            {
                let kind = if l.starts_with("panic: ") {
                    "panic: "
                } else {
                    "fatal error: "
                };
                let rest = rest
                    .trim_end_matches(" [recovered, repanicked]")
                    .trim_end_matches(" [recovered]");
                if !rest.starts_with("test timed out after") {
                    out.push(format!("{kind}{}", self.line(rest)));
                }
                let (trace, next) = self.trace(&lines[i + 1..]);
                out.extend(trace);
                i += 1 + next;
                continue;
            }
            out.push(self.assertion(l));
            i += 1;
        }
        while out.last().is_some_and(|l| l.trim().is_empty()) {
            out.pop();
        }
        out.join("\n")
    }

    /// What a program of the exercise printed to stderr, as the learner
    /// should read it: paths relative to the course, and a panic's goroutine
    /// dump trimmed to the frames in the exercise, as for tests.
    pub(crate) fn program_output(&self, stderr: &str) -> String {
        let lines: Vec<String> = stderr.lines().map(String::from).collect();
        self.test_output(&lines)
    }

    fn assertion(&self, line: &str) -> String {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        for f in &self.hidden_files {
            if let Some(rest) = trimmed
                .strip_prefix(f.as_str())
                .and_then(|r| r.strip_prefix(':'))
            {
                // "sum_test.go:7: message" → "message"
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                if digits > 0
                    && let Some(msg) = rest[digits..].strip_prefix(": ")
                {
                    return format!("{indent}{msg}");
                }
            }
        }
        self.line(line)
    }

    /// Reads a goroutine dump after a panic line; keeps the frames that are
    /// in the exercise (or its hidden tests) and the state of goroutines
    /// blocked there. Returns the lines to show and how many were read.
    fn trace(&self, lines: &[String]) -> (Vec<String>, usize) {
        let (goroutines, i) = self.goroutines(lines);
        let mut panicking = true;
        // Identical goroutines (a storm of them) are shown once, counted.
        let mut grouped: Vec<(Goroutine, usize)> = Vec::new();
        for g in goroutines {
            match grouped.iter_mut().find(|(x, _)| x.0 == g.0 && x.1 == g.1) {
                Some((_, n)) => *n += 1,
                None => grouped.push((g, 1)),
            }
        }
        let mut out = Vec::new();
        let any_learner = grouped.iter().any(|(g, _)| g.2);
        let busy = |s: &str| s == "running" || s == "runnable" || s.is_empty();
        let any_busy = grouped.iter().any(|(g, _)| !g.1.is_empty() && busy(&g.0));
        for ((state, frames, learner), count) in grouped {
            if frames.is_empty() || (any_learner && !learner) {
                continue;
            }
            // Without a frame in the learner's files, the busy goroutines
            // are the interesting ones (a test waiting on t.Run is not).
            if !any_learner && any_busy && !busy(&state) {
                continue;
            }
            // The first goroutine of a panic is the one that panicked; its
            // frames need no heading. Others say what they were doing.
            if !(panicking && (state == "running" || state.is_empty())) {
                if count > 1 {
                    out.push(format!("{count} goroutines {}:", describe_state(&state)));
                } else {
                    out.push(format!("a goroutine {}:", describe_state(&state)));
                }
            }
            panicking = false;
            out.extend(frames);
        }
        (out, i)
    }

    /// The goroutines of a dump at the start of `lines`, and the number of
    /// lines read.
    fn goroutines(&self, lines: &[String]) -> (Vec<Goroutine>, usize) {
        // Goroutines as (state, frames of ours, whether one is in the
        // learner's own files); only the ones with frames of ours are shown.
        let mut goroutines: Vec<(String, Vec<String>, bool)> = Vec::new();
        let mut cur: Option<(String, Vec<String>, bool)> = None;
        let mut i = 0;
        while i < lines.len() {
            let l = &lines[i];
            if l.starts_with("goroutine ") && l.ends_with(':') {
                if let Some(g) = cur.take() {
                    goroutines.push(g);
                }
                // "[running, synctest bubble 3]" → "running"
                let state = l
                    .split('[')
                    .nth(1)
                    .and_then(|s| s.split(']').next())
                    .and_then(|s| s.split(',').next())
                    .unwrap_or("")
                    .trim()
                    .to_string();
                cur = Some((state, Vec::new(), false));
                i += 1;
                continue;
            }
            if l.trim().is_empty() {
                i += 1;
                continue;
            }
            let is_frame_fn = !l.starts_with('\t') && !l.starts_with(' ');
            if is_frame_fn {
                // A line that is not part of the dump (output that raced
                // with the panic, a cut in a huge dump) is skipped.
                let next_is_pos = lines.get(i + 1).is_some_and(|n| n.starts_with('\t'));
                if !next_is_pos {
                    i += 1;
                    continue;
                }
                let pos = lines[i + 1].trim();
                let pos = pos.split(" +0x").next().unwrap_or(pos);
                let pos = self.line(pos);
                if self.is_ours(&pos) {
                    let g = cur.get_or_insert_with(|| (String::new(), Vec::new(), false));
                    g.1.push(format!("  {}", self.short_fn(l)));
                    g.1.push(format!("      at {pos}"));
                    g.2 |= pos.starts_with(&self.package_dir);
                }
                i += 2;
                continue;
            }
            i += 1;
        }
        if let Some(g) = cur.take() {
            goroutines.push(g);
        }
        (goroutines, i)
    }

    pub(crate) fn is_ours(&self, pos: &str) -> bool {
        (pos.starts_with(&self.package_dir) || pos.starts_with(HIDDEN)) && !pos.contains(SEAL_FILE)
    }

    fn short_fn(&self, f: &str) -> String {
        let f = f.strip_prefix("created by ").unwrap_or(f);
        let f = f
            .strip_prefix(&format!("{}.", self.import_path))
            .unwrap_or(f);
        let name = match f.find('(') {
            Some(i) if i > 0 => &f[..i],
            _ => f,
        };
        name.split(" in goroutine")
            .next()
            .unwrap_or(name)
            .to_string()
    }
}

/// A goroutine of a dump: its state, the frames of ours, and whether one of
/// them is in the learner's files.
type Goroutine = (String, Vec<String>, bool);

/// Words for a goroutine's state in a dump.
fn describe_state(state: &str) -> String {
    let s = state.split(',').next().unwrap_or(state).trim();
    match s {
        "running" | "runnable" => "still running (a loop that never ends?)".into(),
        "chan receive" | "chan receive (nil chan)" => "waiting to receive from a channel".into(),
        "chan send" | "chan send (nil chan)" => "waiting to send on a channel".into(),
        "select" | "select (no cases)" => "waiting in a select".into(),
        "sleep" => "sleeping".into(),
        "sync.Mutex.Lock" | "sync.RWMutex.Lock" | "sync.RWMutex.RLock" => {
            "waiting for a mutex".into()
        }
        "sync.WaitGroup.Wait" => "waiting in WaitGroup.Wait".into(),
        "semacquire" => "waiting for a lock or a WaitGroup".into(),
        "sync.Cond.Wait" => "waiting on a sync.Cond".into(),
        "IO wait" => "waiting for network or file input".into(),
        other => format!("in state [{other}]"),
    }
}

#[cfg(test)]
mod tests;
