//! What grading reads from Go source: a package's files, and the test
//! functions they declare.

use std::path::Path;

use anyhow::{Context, Result};

/// `.go` files in a directory: (non-test files, test files), sorted names.
pub(crate) fn go_files(dir: &Path) -> Result<(Vec<String>, Vec<String>)> {
    let mut code = Vec::new();
    let mut tests = Vec::new();
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let entry = entry?;
        // Following symlinks: a test file that is a symlink is a test file
        // (and a learner's one must be left out of the build like any other).
        if !std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()) {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".go") || name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        if name.ends_with("_test.go") {
            tests.push(name);
        } else {
            code.push(name);
        }
    }
    code.sort();
    tests.sort();
    Ok((code, tests))
}

/// The kinds of top-level test function in Go test files.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct TestFuncs {
    /// `TestXxx`, `FuzzXxx` and `ExampleXxx` with an output comment: each
    /// reports its own result.
    pub tests: Vec<String>,
    pub fuzz: Vec<String>,
    pub benchmarks: Vec<String>,
}

/// Finds top-level test functions in Go source (a line scan: test functions
/// are always declared at the start of a line in gofmt'ed code).
pub(crate) fn test_funcs(source: &str) -> TestFuncs {
    let mut found = TestFuncs::default();
    let lines: Vec<&str> = source.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("func ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let after = &rest[name.len()..];
        let is = |prefix: &str| {
            name.strip_prefix(prefix)
                .is_some_and(|s| s.is_empty() || !s.starts_with(|c: char| c.is_lowercase()))
        };
        if is("Test") && name != "TestMain" && after.contains("*testing.T)") {
            found.tests.push(name);
        } else if is("Fuzz") && after.contains("*testing.F)") {
            found.fuzz.push(name.clone());
            found.tests.push(name);
        } else if is("Benchmark") && after.contains("*testing.B)") {
            found.benchmarks.push(name);
        } else if is("Example") && after.starts_with("()") {
            let has_output = lines[i + 1..]
                .iter()
                .take_while(|l| !l.starts_with("func "))
                .any(|l| {
                    let t = l.trim_start();
                    t.starts_with("// Output:") || t.starts_with("// Unordered output:")
                });
            if has_output {
                found.tests.push(name);
            }
        }
    }
    found
}

/// Test functions declared in the given files of a directory.
pub(crate) fn test_funcs_in(dir: &Path, files: &[String]) -> Result<TestFuncs> {
    let mut all = TestFuncs::default();
    for f in files {
        let path = dir.join(f);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let found = test_funcs(&text);
        all.tests.extend(found.tests);
        all.fuzz.extend(found.fuzz);
        all.benchmarks.extend(found.benchmarks);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_test_functions() {
        let src = "package x\n\nimport \"testing\"\n\n\
            func TestMain(m *testing.M) {}\n\
            func TestSum(t *testing.T) {}\n\
            func Testify(t *testing.T) {}\n\
            func TestSum_negative(t *testing.T) {}\n\
            func helper(t *testing.T) {}\n\
            func FuzzSum(f *testing.F) {}\n\
            func BenchmarkSum(b *testing.B) {}\n\
            func ExampleSum() {\n\tfmt.Println(1)\n\t// Output: 1\n}\n\
            func ExampleNoOutput() {\n}\n";
        let f = test_funcs(src);
        assert_eq!(
            f.tests,
            vec!["TestSum", "TestSum_negative", "FuzzSum", "ExampleSum"]
        );
        assert_eq!(f.fuzz, vec!["FuzzSum"]);
        assert_eq!(f.benchmarks, vec!["BenchmarkSum"]);
    }
}
