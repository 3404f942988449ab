//! The hidden-test naming rule: a hidden test compiled into the learner's
//! package shares its scope, so every package-level name it declares must be
//! one a learner will not pick for a helper (`testServer`, `TestGet`).

/// Package-level names declared in `src` (a gofmt-formatted Go test file)
/// that break the rule; empty for an external test package (`package x_test`).
pub(crate) fn unprefixed(src: &str) -> Vec<String> {
    let Some(package) = src
        .lines()
        .find_map(|l| l.strip_prefix("package "))
        .map(str::trim)
    else {
        return Vec::new();
    };
    if package.ends_with("_test") {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut in_block = false;
    let mut in_raw_string = false;
    for line in src.lines() {
        // A raw string literal spanning lines may hold text that looks like
        // a declaration at column 0; skip its lines.
        if line.matches('`').count() % 2 == 1 {
            in_raw_string = !in_raw_string;
            continue;
        }
        if in_raw_string {
            continue;
        }
        if in_block {
            if line.starts_with(')') {
                in_block = false;
            } else if let Some(rest) = line.strip_prefix('\t')
                && rest.starts_with(|c: char| c.is_alphabetic() || c == '_')
            {
                names.extend(spec_names(rest));
            }
            continue;
        }
        for kw in ["var", "const", "type"] {
            if let Some(rest) = line.strip_prefix(kw).and_then(|r| r.strip_prefix(' ')) {
                if rest.trim() == "(" {
                    in_block = true;
                } else {
                    names.extend(spec_names(rest));
                }
            }
        }
        if let Some(rest) = line.strip_prefix("func ")
            && !rest.starts_with('(')
        {
            names.extend(ident(rest));
        }
    }
    names.retain(|n| !allowed(n));
    names.dedup();
    names
}

/// The names of one `var`/`const`/`type` spec: the identifier list at its
/// start (`a, b = 1, 2`, `a, b int`, `T struct{ X, Y int }`), which ends at
/// the first thing that is not a comma followed by another name.
fn spec_names(spec: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = spec;
    while let Some(n) = ident(rest) {
        rest = rest[n.len()..].trim_start();
        out.push(n);
        match rest.strip_prefix(',') {
            Some(r) => rest = r.trim_start(),
            None => break,
        }
    }
    out
}

fn ident(s: &str) -> Option<String> {
    let n: String = s
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!n.is_empty()).then_some(n)
}

fn allowed(name: &str) -> bool {
    name == "_"
        || name == "init"
        || ["test", "Test", "Benchmark", "Fuzz", "Example"]
            .iter()
            .any(|p| name.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::unprefixed;

    #[test]
    fn finds_every_kind_of_package_level_name() {
        let src = "package shop\n\nimport \"testing\"\n\nvar valid = 1\nconst limit, max = 1, 2\n\
                   type fakeStore struct {\n\tn int\n}\n\nvar (\n\tcases = []int{}\n\ttestOK = 1\n)\n\n\
                   func post(t *testing.T) {}\nfunc (s fakeStore) get() {}\nfunc TestPost(t *testing.T) {}\n\
                   func testHelper() {}\nfunc init() {}\nvar _ = 1\n\
                   type testPoint struct{ X, Y int }\ntype testRT func(*int) (*int, error)\n\
                   var (\n\t_ func(in <-chan string, out chan<- string) = nil\n)\n";
        assert_eq!(
            unprefixed(src),
            ["valid", "limit", "max", "fakeStore", "cases", "post"]
        );
    }

    #[test]
    fn external_test_packages_and_raw_strings_are_left_alone() {
        assert!(unprefixed("package shop_test\n\nfunc post() {}\n").is_empty());
        let raw = "package main\n\nvar testInput = `\nvar x = 1\nfunc f() {}\n`\n";
        assert!(unprefixed(raw).is_empty());
    }

    #[test]
    fn a_typed_var_counts_its_name_not_its_type() {
        assert_eq!(unprefixed("package p\n\nvar hits int\n"), ["hits"]);
        assert!(unprefixed("package p\n\nvar testHits int\n").is_empty());
    }
}
