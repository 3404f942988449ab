//! `probes.toml`: what a server exercise is asked from the outside. Typed,
//! unknown fields rejected, each probe kind checked for the fields it needs
//! and refused the ones it does not use; errors carry `file:line:col`.
//! The types are here; [`check`] holds the rules each probe must follow.
//!
//! ```toml
//! [server]                      # optional
//! env = { GREETING = "hi" }     # extra environment (PORT and ADDR are always set)
//! args = []
//! start_timeout_ms = 5000
//!
//! [[probe]]
//! name = "health answers ok"
//! path = "/health"              # kind = "request" is the default
//! status = 200
//! expect_json = { status = "ok" }
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::course::{InfoError, line_col};

mod check;
#[cfg(test)]
mod tests;

/// The whole file.
#[derive(Deserialize, Debug, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct ProbeFile {
    #[serde(default)]
    pub server: ServerConfig,
    #[serde(default, rename = "probe")]
    pub probes: Vec<Probe>,
}

/// `[server]`: how the program is started.
#[derive(Deserialize, Debug, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    /// Extra environment variables; `PORT` and `ADDR` are always set.
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// Command-line arguments.
    #[serde(default)]
    pub args: Vec<String>,
    /// How long the program has to accept connections (default 5000).
    #[serde(default)]
    pub start_timeout_ms: Option<u64>,
}

/// What a probe does.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One request and what must come back.
    #[default]
    Request,
    /// `count` concurrent requests, with counts of the statuses expected.
    Burst,
    /// A slow request in flight, SIGTERM, and a graceful exit.
    Shutdown,
    /// The program's output lines, parsed as JSON.
    Logs,
    /// `GET /metrics` parsed as Prometheus text format.
    Metrics,
    /// Waits `ms` milliseconds (to let a rate limiter refill, say).
    Pause,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Request => "request",
            Kind::Burst => "burst",
            Kind::Shutdown => "shutdown",
            Kind::Logs => "logs",
            Kind::Metrics => "metrics",
            Kind::Pause => "pause",
        })
    }
}

/// `[[probe]]`. Which fields apply depends on `kind`.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Probe {
    /// Shown when the probe fails.
    pub name: Spanned<String>,
    #[serde(default)]
    pub kind: Kind,

    // The request (request, burst, shutdown, metrics).
    /// HTTP method (default GET).
    #[serde(default)]
    pub method: Option<String>,
    /// Path and query, starting with `/`; `{{var}}` is replaced by a
    /// captured value.
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Raw request body.
    #[serde(default)]
    pub body: Option<String>,
    /// Request body as JSON (sets `Content-Type: application/json`).
    #[serde(default)]
    pub json: Option<toml::Value>,
    /// How long to wait for the answer (default 5000).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
    /// Values to keep from a JSON answer: variable name → JSON pointer
    /// (`{ id = "/id" }`), used later as `{{id}}`.
    #[serde(default)]
    pub capture: BTreeMap<String, String>,

    // What must come back (request, shutdown).
    #[serde(default)]
    pub status: Option<u16>,
    /// Header values (names case-insensitive; a value matches exactly or up
    /// to a `;`, so `application/json` matches `application/json; charset=utf-8`).
    #[serde(default)]
    pub expect_headers: BTreeMap<String, String>,
    /// Headers that must be present, whatever their value.
    #[serde(default)]
    pub expect_headers_present: Vec<String>,
    /// Headers that must not be present.
    #[serde(default)]
    pub expect_headers_absent: Vec<String>,
    /// JSON the answer must contain: every field given must match, others
    /// may be present; `"*"` matches any value. In `logs`, some line must
    /// contain it.
    #[serde(default)]
    pub expect_json: Option<toml::Value>,
    /// The exact body.
    #[serde(default)]
    pub expect_body: Option<String>,
    #[serde(default)]
    pub body_contains: Vec<String>,
    #[serde(default)]
    pub body_not_contains: Vec<String>,

    // burst
    /// How many requests are sent at once.
    #[serde(default)]
    pub count: Option<u32>,
    /// Status → how many answers had it: a number, `"a..b"`, `">=n"` or
    /// `"<=n"`. Statuses not listed must not occur.
    #[serde(default)]
    pub statuses: BTreeMap<String, CountSpec>,
    /// Status → headers every answer with that status must have.
    #[serde(default)]
    pub headers_on: BTreeMap<String, Vec<String>>,

    // shutdown
    /// When SIGTERM is sent, after the slow request (default 200).
    #[serde(default)]
    pub signal_after_ms: Option<u64>,
    /// How long the program may take to exit once the slow request has been
    /// answered (default 2000).
    #[serde(default)]
    pub exit_within_ms: Option<u64>,
    /// Expected exit code (default 0).
    #[serde(default)]
    pub exit_code: Option<i32>,
    /// New connections must be refused within this long of SIGTERM while
    /// the slow request is still running (default 1000; 0 to not check).
    #[serde(default)]
    pub refuse_within_ms: Option<u64>,

    // logs
    /// `stdout` (default), `stderr` or `both`.
    #[serde(default)]
    pub stream: Option<String>,
    /// Every non-empty line must be a JSON object.
    #[serde(default)]
    pub all_json: bool,
    /// Fields every JSON line must have.
    #[serde(default)]
    pub has_fields: Vec<String>,
    /// At least this many JSON lines (default 1).
    #[serde(default)]
    pub min_lines: Option<u32>,

    // metrics
    /// Series that must be present, with conditions on their values.
    #[serde(default)]
    pub series: Vec<Series>,
    /// Keeps this scrape under a name, for `increased_since`.
    #[serde(default)]
    pub save_as: Option<String>,

    // pause
    #[serde(default)]
    pub ms: Option<u64>,
}

/// One Prometheus series and what its value must be.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub name: String,
    /// Labels the sample must have (others may be present).
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// `counter`, `gauge`, `histogram`, `summary` or `untyped`: the `# TYPE`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// The value must be greater than in the scrape saved under this name.
    #[serde(default)]
    pub increased_since: Option<String>,
}

/// A count of answers: exact, a range, or a bound.
#[derive(Deserialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum CountSpec {
    Exact(u32),
    Text(String),
}

impl CountSpec {
    /// `(min, max)` inclusive, or an error sentence.
    pub fn bounds(&self) -> Result<(u32, u32), String> {
        match self {
            CountSpec::Exact(n) => Ok((*n, *n)),
            CountSpec::Text(t) => {
                let t = t.trim();
                let num = |s: &str| {
                    s.trim().parse::<u32>().map_err(|_| {
                        format!("{t:?} is not a count: use 5, \"3..6\", \">=1\" or \"<=4\"")
                    })
                };
                if let Some(rest) = t.strip_prefix(">=") {
                    Ok((num(rest)?, u32::MAX))
                } else if let Some(rest) = t.strip_prefix("<=") {
                    Ok((0, num(rest)?))
                } else if let Some((a, b)) = t.split_once("..") {
                    let (a, b) = (num(a)?, num(b.trim_start_matches('='))?);
                    if a > b {
                        return Err(format!("{t:?}: the range is empty"));
                    }
                    Ok((a, b))
                } else {
                    let n = num(t)?;
                    Ok((n, n))
                }
            }
        }
    }

    pub fn describe(&self) -> String {
        match self.bounds() {
            Ok((a, b)) if a == b => a.to_string(),
            Ok((a, u32::MAX)) => format!("at least {a}"),
            Ok((0, b)) => format!("at most {b}"),
            Ok((a, b)) => format!("{a} to {b}"),
            Err(_) => "?".into(),
        }
    }
}

impl Probe {
    pub fn name(&self) -> &str {
        self.name.get_ref()
    }

    pub fn method(&self) -> String {
        self.method
            .clone()
            .unwrap_or_else(|| "GET".into())
            .to_ascii_uppercase()
    }
}

/// Parses and validates a probes file.
pub fn parse(file: &str, text: &str) -> Result<ProbeFile, InfoError> {
    let at = |span: std::ops::Range<usize>, message: String| {
        let (line, col) = line_col(text, span.start);
        InfoError {
            file: file.to_string(),
            line,
            col,
            message,
        }
    };
    let parsed: ProbeFile = toml::from_str(text)
        .map_err(|e| at(e.span().unwrap_or(0..0), e.message().trim().to_string()))?;
    let mut saved: Vec<String> = Vec::new();
    let mut after_shutdown = false;
    for p in &parsed.probes {
        check::probe(p, &mut saved, after_shutdown)
            .map_err(|m| at(p.name.span(), format!("probe {:?}: {m}", p.name())))?;
        if p.kind == Kind::Shutdown {
            after_shutdown = true;
        }
    }
    Ok(parsed)
}
