//! `go.mod` and the Go toolchain: which Go the course needs, and whether the
//! `go` on PATH is that Go or newer.

use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::{Context, Result, bail};

/// Reads `go.mod`: the `go` directive and the module path.
pub(crate) fn read(root: &Path) -> Result<(String, String)> {
    let path = root.join("go.mod");
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "cannot read {}: a course needs a go.mod at its root",
            path.display()
        )
    })?;
    let mut version = None;
    let mut module = None;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("").trim();
        if let Some(v) = line.strip_prefix("go ") {
            version = Some(v.trim().to_string());
        } else if let Some(m) = line.strip_prefix("module ") {
            module = Some(m.trim().trim_matches('"').to_string());
        }
    }
    let Some(module) = module else {
        bail!("go.mod has no module line: add one, for example `module backendlings`")
    };
    let Some(version) = version else {
        bail!("go.mod has no go line: add one, for example `go 1.25`")
    };
    if parse_version(&version).is_none() {
        bail!("go.mod: cannot read the go version {version:?}: write it like `go 1.25`");
    }
    Ok((version, module))
}

/// `1.25`, `1.25.3`, `go1.26.8`, `go1.26rc1` → (major, minor, patch).
pub(crate) fn parse_version(v: &str) -> Option<(u32, u32, u32)> {
    let v = v.trim().strip_prefix("go").unwrap_or(v.trim());
    let mut parts = v.splitn(3, '.');
    let major = parts.next()?.parse().ok()?;
    let digits = |s: &str| -> Option<u32> {
        let d: String = s.chars().take_while(char::is_ascii_digit).collect();
        d.parse().ok()
    };
    let minor = digits(parts.next()?)?;
    let patch = parts.next().and_then(digits).unwrap_or(0);
    Some((major, minor, patch))
}

static INSTALLED: OnceLock<Result<String, String>> = OnceLock::new();

/// Checks once per process that `go` runs and is at least `required`;
/// returns the version found, or one sentence saying what to install.
pub(crate) fn check_toolchain(required: &str) -> Result<String> {
    let found = INSTALLED.get_or_init(|| {
        let out = crate::process::Cmd::new("go")
            .args(["env", "GOVERSION"])
            .env("GOTOOLCHAIN", "local")
            .cwd(std::env::temp_dir())
            .timeout(Duration::from_secs(60))
            .run();
        match out {
            Err(e) if e.downcast_ref::<crate::process::NotFound>().is_some() => Err(format!(
                "`go` was not found on PATH: install Go {required} or newer from https://go.dev/dl/ and open a new terminal"
            )),
            Err(e) => Err(format!("could not run `go`: {e:#}; check your Go installation")),
            Ok(out) if out.ended == crate::process::Ended::TimedOut => Err(
                "`go env GOVERSION` did not answer within a minute; check your Go installation"
                    .to_string(),
            ),
            Ok(out) if !out.success() => Err(format!(
                "`go env GOVERSION` failed: {}; check your Go installation",
                out.stderr.text().trim()
            )),
            Ok(out) => Ok(out.stdout.text().trim().to_string()),
        }
    });
    let found = found.clone().map_err(anyhow::Error::msg)?;
    let have = parse_version(&found);
    let need = parse_version(required);
    match (have, need) {
        (Some(have), Some(need)) if (have.0, have.1, have.2) < need => bail!(
            "this course needs Go {required} or newer, but `go` on PATH is {found}: install a newer Go from https://go.dev/dl/"
        ),
        (None, _) if !found.starts_with("devel") => {
            bail!(
                "cannot understand the Go version {found:?}: install Go {required} or newer from https://go.dev/dl/"
            )
        }
        _ => Ok(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse() {
        assert_eq!(parse_version("1.25"), Some((1, 25, 0)));
        assert_eq!(parse_version("go1.26.8"), Some((1, 26, 8)));
        assert_eq!(parse_version("go1.26rc1"), Some((1, 26, 0)));
        assert_eq!(parse_version("banana"), None);
        assert!(parse_version("go1.24.9") < parse_version("1.25"));
    }
}
