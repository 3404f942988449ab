//! `go test -json` events, parsed into one report per package. Grading reads
//! these events, never the human text of `go test`.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One line of `go test -json` output.
#[derive(Deserialize, Debug, Default)]
#[serde(rename_all = "PascalCase")]
pub struct Event {
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub package: Option<String>,
    #[serde(default)]
    pub test: Option<String>,
    #[serde(default)]
    pub output: Option<String>,
    #[serde(default)]
    pub import_path: Option<String>,
    #[serde(default)]
    pub failed_build: Option<String>,
    #[serde(default)]
    pub elapsed: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestState {
    Running,
    Passed,
    Failed,
    Skipped,
}

/// One test (or subtest) as the events tell it.
#[derive(Debug, Clone)]
pub struct TestRecord {
    pub name: String,
    pub state: TestState,
    /// Output lines, without trailing newlines, with the `=== RUN` and
    /// `--- PASS/FAIL` framing removed.
    pub output: Vec<String>,
    pub elapsed: Option<f64>,
}

/// Everything the events said about one package.
#[derive(Debug, Default, Clone)]
pub struct PackageReport {
    /// Tests in the order they started.
    pub tests: Vec<TestRecord>,
    /// Output not attached to a test (init panics, the final ok/FAIL line).
    pub output: Vec<String>,
    /// Every output line of the package in the order it came, framing lines
    /// left out: a panic's goroutine dump can be spread over several tests.
    pub stream: Vec<String>,
    /// `pass`, `fail` or `skip` for the package, if it got that far.
    pub result: Option<String>,
    /// The build that failed, when the package failed to build.
    pub failed_build: Option<String>,
    pub elapsed: Option<f64>,
}

impl PackageReport {
    pub fn test(&self, name: &str) -> Option<&TestRecord> {
        self.tests.iter().find(|t| t.name == name)
    }

    fn test_mut(&mut self, name: &str) -> &mut TestRecord {
        if let Some(i) = self.tests.iter().position(|t| t.name == name) {
            return &mut self.tests[i];
        }
        self.tests.push(TestRecord {
            name: name.to_string(),
            state: TestState::Running,
            output: Vec::new(),
            elapsed: None,
        });
        self.tests.last_mut().expect("just pushed")
    }
}

/// The whole stream.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub packages: BTreeMap<String, PackageReport>,
    /// Build output by import path (the `[x.test]` suffix removed), in order.
    pub build_output: BTreeMap<String, Vec<String>>,
    /// Import paths whose build failed.
    pub build_failed: Vec<String>,
    /// Lines that were not JSON (a cut stream, a toolchain message).
    pub stray: Vec<String>,
}

/// `backendlings/x [backendlings/x.test]` → `backendlings/x`.
pub fn base_import_path(p: &str) -> &str {
    p.split(" [").next().unwrap_or(p).trim()
}

impl Report {
    /// Parses a stream that may be cut in pieces (head and tail of a capped
    /// capture); a line broken by a cut is kept as a stray line.
    pub fn parse(pieces: &[&[u8]]) -> Report {
        let mut report = Report::default();
        for piece in pieces {
            for line in piece.split(|b| *b == b'\n') {
                if line.is_empty() {
                    continue;
                }
                let line = String::from_utf8_lossy(line);
                match serde_json::from_str::<Event>(&line) {
                    Ok(ev) if !ev.action.is_empty() => report.apply(ev),
                    _ => report.stray.push(line.into_owned()),
                }
            }
        }
        report
    }

    fn apply(&mut self, ev: Event) {
        match ev.action.as_str() {
            "build-output" => {
                let path = base_import_path(ev.import_path.as_deref().unwrap_or("")).to_string();
                let lines = self.build_output.entry(path).or_default();
                for l in ev.output.unwrap_or_default().lines() {
                    lines.push(l.to_string());
                }
                return;
            }
            "build-fail" => {
                let path = base_import_path(ev.import_path.as_deref().unwrap_or("")).to_string();
                if !self.build_failed.contains(&path) {
                    self.build_failed.push(path);
                }
                return;
            }
            _ => {}
        }
        let Some(pkg) = ev.package.clone() else {
            return;
        };
        let report = self.packages.entry(pkg).or_default();
        match ev.test.as_deref() {
            None => match ev.action.as_str() {
                "output" => {
                    if let Some(out) = ev.output {
                        let line = out.trim_end_matches('\n').to_string();
                        report.stream.push(line.clone());
                        report.output.push(line);
                    }
                }
                "pass" | "fail" | "skip" => {
                    report.result = Some(ev.action);
                    report.elapsed = ev.elapsed;
                    if let Some(fb) = ev.failed_build {
                        report.failed_build = Some(base_import_path(&fb).to_string());
                    }
                }
                _ => {}
            },
            Some(test) => {
                if ev.action == "output" {
                    if let Some(out) = &ev.output {
                        let line = out.trim_end_matches('\n').to_string();
                        if !is_framing(&line) {
                            report.stream.push(line.clone());
                            report.test_mut(test).output.push(line);
                        }
                    }
                    return;
                }
                let record = report.test_mut(test);
                match ev.action.as_str() {
                    "run" => record.state = TestState::Running,
                    "pass" => record.state = TestState::Passed,
                    "fail" => record.state = TestState::Failed,
                    "skip" => record.state = TestState::Skipped,
                    _ => {}
                }
                if matches!(ev.action.as_str(), "pass" | "fail" | "skip") {
                    record.elapsed = ev.elapsed;
                }
            }
        }
    }
}

/// `=== RUN`, `--- PASS: X (0.00s)` and similar lines that frame a test's
/// output and say nothing the events do not.
fn is_framing(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("=== RUN")
        || t.starts_with("=== PAUSE")
        || t.starts_with("=== CONT")
        || t.starts_with("=== NAME")
        || t.starts_with("--- PASS:")
        || t.starts_with("--- FAIL:")
        || t.starts_with("--- SKIP:")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PKG: &str = "backendlings/exercises/01_basics/03_sum";

    fn ev(action: &str, test: Option<&str>, output: Option<&str>) -> String {
        let mut v = serde_json::json!({"Action": action, "Package": PKG});
        if let Some(t) = test {
            v["Test"] = t.into();
        }
        if let Some(o) = output {
            v["Output"] = o.into();
        }
        v.to_string()
    }

    #[test]
    fn failing_and_passing_tests() {
        let stream = [
            ev("start", None, None),
            ev("run", Some("TestSum"), None),
            ev("output", Some("TestSum"), Some("=== RUN   TestSum\n")),
            ev(
                "output",
                Some("TestSum"),
                Some("    sum_test.go:7: Sum(1,2) = 0, want 3\n"),
            ),
            ev(
                "output",
                Some("TestSum"),
                Some("--- FAIL: TestSum (0.00s)\n"),
            ),
            ev("fail", Some("TestSum"), None),
            ev("run", Some("TestOther"), None),
            ev("pass", Some("TestOther"), None),
            ev("output", None, Some("FAIL\n")),
            ev("fail", None, None),
        ]
        .join("\n");
        let r = Report::parse(&[stream.as_bytes()]);
        let p = &r.packages[PKG];
        assert_eq!(p.result.as_deref(), Some("fail"));
        let t = p.test("TestSum").unwrap();
        assert_eq!(t.state, TestState::Failed);
        assert_eq!(t.output, vec!["    sum_test.go:7: Sum(1,2) = 0, want 3"]);
        assert_eq!(p.test("TestOther").unwrap().state, TestState::Passed);
    }

    #[test]
    fn build_failures_are_keyed_by_package() {
        let stream = format!(
            "{}\n{}\n{}\n",
            r##"{"ImportPath":"p [p.test]","Action":"build-output","Output":"# p [p.test]\n"}"##,
            r##"{"ImportPath":"p [p.test]","Action":"build-output","Output":"x.go:1:1: undefined: y\n"}"##,
            r##"{"ImportPath":"p [p.test]","Action":"build-fail"}"##,
        );
        let r = Report::parse(&[stream.as_bytes()]);
        assert_eq!(r.build_failed, vec!["p"]);
        assert_eq!(
            r.build_output["p"],
            vec!["# p [p.test]", "x.go:1:1: undefined: y"]
        );
    }

    #[test]
    fn a_test_that_never_ends_stays_running() {
        let stream = [
            ev("run", Some("TestLoop"), None),
            ev(
                "output",
                Some("TestLoop"),
                Some("panic: test timed out after 2s\n"),
            ),
        ]
        .join("\n");
        let r = Report::parse(&[stream.as_bytes()]);
        let t = r.packages[PKG].test("TestLoop").unwrap();
        assert_eq!(t.state, TestState::Running);
        assert_eq!(r.packages[PKG].result, None);
    }

    #[test]
    fn cut_lines_become_stray_not_errors() {
        let a = ev("run", Some("TestA"), None);
        let (left, right) = a.split_at(10);
        let r = Report::parse(&[left.as_bytes(), right.as_bytes(), b"not json at all"]);
        assert_eq!(r.stray.len(), 3);
    }
}
