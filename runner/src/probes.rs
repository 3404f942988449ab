//! `probes.toml`: what a server exercise is asked from the outside. Typed,
//! unknown fields rejected, each probe kind checked for the fields it needs
//! and refused the ones it does not use; errors carry `file:line:col`.
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
        let span = p.name.span();
        let name = p.name();
        let err = |m: String| at(span.clone(), format!("probe {name:?}: {m}"));
        if name.trim().is_empty() {
            return Err(err("give the probe a name".into()));
        }
        // Which fields each kind uses.
        let uses_request = matches!(
            p.kind,
            Kind::Request | Kind::Burst | Kind::Shutdown | Kind::Metrics
        );
        let set = |present: bool, field: &str, allowed: bool| -> Result<(), InfoError> {
            if present && !allowed {
                return Err(err(format!(
                    "{field} does not apply to kind = \"{}\"",
                    p.kind
                )));
            }
            Ok(())
        };
        set(p.method.is_some(), "method", uses_request)?;
        set(p.path.is_some(), "path", uses_request)?;
        set(!p.headers.is_empty(), "headers", uses_request)?;
        set(p.body.is_some(), "body", uses_request)?;
        set(p.json.is_some(), "json", uses_request)?;
        set(p.timeout_ms.is_some(), "timeout_ms", uses_request)?;
        set(!p.capture.is_empty(), "capture", p.kind == Kind::Request)?;
        let answers = matches!(p.kind, Kind::Request | Kind::Shutdown);
        set(p.status.is_some(), "status", answers)?;
        set(!p.expect_headers.is_empty(), "expect_headers", answers)?;
        set(
            !p.expect_headers_present.is_empty(),
            "expect_headers_present",
            answers,
        )?;
        set(
            !p.expect_headers_absent.is_empty(),
            "expect_headers_absent",
            answers,
        )?;
        set(
            p.expect_json.is_some(),
            "expect_json",
            answers || p.kind == Kind::Logs,
        )?;
        set(p.expect_body.is_some(), "expect_body", answers)?;
        set(!p.body_contains.is_empty(), "body_contains", answers)?;
        set(
            !p.body_not_contains.is_empty(),
            "body_not_contains",
            answers,
        )?;
        set(p.count.is_some(), "count", p.kind == Kind::Burst)?;
        set(!p.statuses.is_empty(), "statuses", p.kind == Kind::Burst)?;
        set(
            !p.headers_on.is_empty(),
            "headers_on",
            p.kind == Kind::Burst,
        )?;
        let sd = p.kind == Kind::Shutdown;
        set(p.signal_after_ms.is_some(), "signal_after_ms", sd)?;
        set(p.exit_within_ms.is_some(), "exit_within_ms", sd)?;
        set(p.exit_code.is_some(), "exit_code", sd)?;
        set(p.refuse_within_ms.is_some(), "refuse_within_ms", sd)?;
        let logs = p.kind == Kind::Logs;
        set(p.stream.is_some(), "stream", logs)?;
        set(p.all_json, "all_json", logs)?;
        set(!p.has_fields.is_empty(), "has_fields", logs)?;
        set(p.min_lines.is_some(), "min_lines", logs)?;
        let metrics = p.kind == Kind::Metrics;
        set(!p.series.is_empty(), "series", metrics)?;
        set(p.save_as.is_some(), "save_as", metrics)?;
        set(p.ms.is_some(), "ms", p.kind == Kind::Pause)?;

        if p.body.is_some() && p.json.is_some() {
            return Err(err("give body or json, not both".into()));
        }
        if let Some(path) = &p.path
            && !path.starts_with('/')
        {
            // Probes only ever go to the server on loopback: a path, never a URL.
            return Err(err(format!(
                "path {path:?} must start with / (probes only talk to the server under test)"
            )));
        }
        if let Some(m) = &p.method
            && (m.is_empty() || !m.chars().all(|c| c.is_ascii_alphabetic()))
        {
            return Err(err(format!("method {m:?} is not an HTTP method")));
        }
        if after_shutdown && !matches!(p.kind, Kind::Logs) {
            return Err(err("comes after the shutdown probe, when the server is gone: only logs probes may follow it".into()));
        }
        match p.kind {
            Kind::Request | Kind::Shutdown if p.path.is_none() => {
                return Err(err("needs a path".into()));
            }
            Kind::Burst => {
                if p.path.is_none() {
                    return Err(err("needs a path".into()));
                }
                match p.count {
                    Some(n) if (1..=1000).contains(&n) => {}
                    _ => return Err(err("needs count, between 1 and 1000".into())),
                }
                if p.statuses.is_empty() {
                    return Err(err(
                        "needs statuses, for example { \"200\" = 5, \"429\" = 15 }".into(),
                    ));
                }
                for (status, spec) in &p.statuses {
                    if status.parse::<u16>().is_err() {
                        return Err(err(format!("statuses: {status:?} is not a status code")));
                    }
                    spec.bounds()
                        .map_err(|m| err(format!("statuses.{status}: {m}")))?;
                }
            }
            Kind::Logs if !p.all_json && p.has_fields.is_empty() && p.expect_json.is_none() => {
                return Err(err("needs all_json, has_fields or expect_json".into()));
            }
            Kind::Logs => {
                if let Some(s) = &p.stream
                    && !matches!(s.as_str(), "stdout" | "stderr" | "both")
                {
                    return Err(err(format!(
                        "stream {s:?}: use \"stdout\", \"stderr\" or \"both\""
                    )));
                }
            }
            Kind::Metrics => {
                if p.series.is_empty() && p.save_as.is_none() {
                    return Err(err("needs series or save_as".into()));
                }
                for s in &p.series {
                    if let Some(since) = &s.increased_since
                        && !saved.contains(since)
                    {
                        return Err(err(format!(
                            "series {}: increased_since = {since:?}, but no earlier metrics probe has save_as = {since:?}",
                            s.name
                        )));
                    }
                    if let Some(k) = &s.kind
                        && !matches!(
                            k.as_str(),
                            "counter" | "gauge" | "histogram" | "summary" | "untyped"
                        )
                    {
                        return Err(err(format!(
                            "series {}: type {k:?} is not a Prometheus metric type",
                            s.name
                        )));
                    }
                }
                if let Some(name) = &p.save_as {
                    saved.push(name.clone());
                }
            }
            Kind::Pause if p.ms.is_none_or(|ms| ms > 60_000) => {
                return Err(err("needs ms, at most 60000".into()));
            }
            _ => {}
        }
        if p.kind == Kind::Shutdown {
            after_shutdown = true;
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse("probes.toml", text).unwrap_err().to_string()
    }

    #[test]
    fn parses_every_kind() {
        let f = parse(
            "probes.toml",
            r#"
[server]
env = { GREETING = "hi" }

[[probe]]
name = "health"
path = "/health"
status = 200
expect_json = { status = "ok" }

[[probe]]
name = "limit"
kind = "burst"
path = "/"
count = 10
statuses = { "200" = 5, "429" = "5..5" }
headers_on = { "429" = ["Retry-After"] }

[[probe]]
name = "scrape"
kind = "metrics"
path = "/metrics"
save_as = "before"

[[probe]]
name = "scrape again"
kind = "metrics"
path = "/metrics"
series = [{ name = "http_requests_total", increased_since = "before" }]

[[probe]]
name = "wait"
kind = "pause"
ms = 100

[[probe]]
name = "stop"
kind = "shutdown"
path = "/slow?ms=800"
status = 200

[[probe]]
name = "logs"
kind = "logs"
all_json = true
"#,
        )
        .unwrap();
        assert_eq!(f.probes.len(), 7);
        assert_eq!(f.probes[1].statuses["429"].bounds(), Ok((5, 5)));
    }

    #[test]
    fn unknown_fields_have_a_position() {
        let e = err("[[probe]]\nname = \"x\"\npath = \"/\"\nstatsu = 200\n");
        assert!(
            e.starts_with("probes.toml:4:1: unknown field `statsu`"),
            "{e}"
        );
    }

    #[test]
    fn fields_must_fit_the_kind() {
        let e = err("[[probe]]\nname = \"x\"\nkind = \"pause\"\nms = 5\nstatus = 200\n");
        assert!(
            e.contains("status does not apply to kind = \"pause\""),
            "{e}"
        );
    }

    #[test]
    fn urls_are_refused() {
        let e = err("[[probe]]\nname = \"x\"\npath = \"http://example.com/\"\n");
        assert!(e.contains("must start with /"), "{e}");
    }

    #[test]
    fn bursts_need_counts() {
        assert!(err("[[probe]]\nname = \"b\"\nkind = \"burst\"\npath = \"/\"\nstatuses = { \"200\" = 1 }\n").contains("needs count"));
        assert!(err("[[probe]]\nname = \"b\"\nkind = \"burst\"\npath = \"/\"\ncount = 3\nstatuses = { \"200\" = \"lots\" }\n").contains("not a count"));
    }

    #[test]
    fn only_logs_after_shutdown() {
        let e = err(
            "[[probe]]\nname = \"s\"\nkind = \"shutdown\"\npath = \"/slow\"\n\n[[probe]]\nname = \"h\"\npath = \"/\"\n",
        );
        assert!(e.contains("after the shutdown probe"), "{e}");
    }

    #[test]
    fn increased_since_needs_a_saved_scrape() {
        let e = err(
            "[[probe]]\nname = \"m\"\nkind = \"metrics\"\npath = \"/metrics\"\nseries = [{ name = \"x\", increased_since = \"nope\" }]\n",
        );
        assert!(e.contains("no earlier metrics probe has save_as"), "{e}");
    }

    #[test]
    fn count_specs() {
        assert_eq!(CountSpec::Text(">=2".into()).bounds(), Ok((2, u32::MAX)));
        assert_eq!(CountSpec::Text("<=3".into()).bounds(), Ok((0, 3)));
        assert_eq!(CountSpec::Text("2..4".into()).bounds(), Ok((2, 4)));
        assert!(CountSpec::Text("4..2".into()).bounds().is_err());
        assert_eq!(CountSpec::Exact(3).describe(), "3");
        assert_eq!(CountSpec::Text(">=1".into()).describe(), "at least 1");
    }
}
