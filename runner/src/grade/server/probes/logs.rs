//! `logs` probes: the program's output lines, parsed as JSON and checked.

use serde_json::Value;

use crate::grade::server::program::tail;
use crate::grade::server::session::{Session, quote_short};
use crate::json_match;
use crate::probes::Probe;
use crate::verdict::{ProbeFailure, indent};

impl Session<'_> {
    /// Checks the JSON lines of the stream the probe names, once the output
    /// has settled.
    pub(super) fn logs(&mut self, p: &Probe) -> Result<(), ProbeFailure> {
        self.settle_output();
        let stream = p.stream.as_deref().unwrap_or("stdout");
        let text = self.printed_on(stream);
        let objects = json_lines(p, stream, &text)?;
        let fail = |expected: String, got: String| ProbeFailure {
            probe: p.name().to_string(),
            request: format!("the program's {stream}"),
            expected,
            got,
        };
        let min = p.min_lines.unwrap_or(1) as usize;
        if objects.len() < min {
            return Err(fail(
                format!("at least {min} JSON log line(s)"),
                format!(
                    "{} JSON line(s) in {}",
                    objects.len(),
                    quote_short(&tail(&text, 5))
                ),
            ));
        }
        for o in &objects {
            for f in &p.has_fields {
                if o.get(f).is_none() {
                    return Err(fail(
                        format!("a {f:?} field on every JSON line"),
                        format!("the line {}", quote_short(&o.to_string())),
                    ));
                }
            }
        }
        if let Some(want) = &p.expect_json {
            let want = self.subst_json(&json_match::from_toml(want));
            if !objects
                .iter()
                .any(|o| json_match::contains(o, &want).is_ok())
            {
                let last: Vec<String> = objects
                    .iter()
                    .rev()
                    .take(3)
                    .map(|o| o.to_string())
                    .collect();
                return Err(fail(
                    format!("a JSON line containing {want}"),
                    format!(
                        "none; the last lines were:\n{}",
                        indent(&last.join("\n"), "    ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// What the program printed on `stdout`, `stderr` or `both`.
    fn printed_on(&self, stream: &str) -> String {
        let mut text = String::new();
        if stream != "stderr" {
            text.push_str(&self.server.stdout_now().text());
        }
        if stream != "stdout" {
            text.push_str(&self.server.stderr_now().text());
        }
        text
    }
}

/// The JSON objects among the non-empty lines of `text`; with `all_json`,
/// a line that is not one fails the probe.
fn json_lines(p: &Probe, stream: &str, text: &str) -> Result<Vec<Value>, ProbeFailure> {
    let mut objects = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<Value>(line) {
            Ok(v @ Value::Object(_)) => objects.push(v),
            _ if p.all_json => {
                return Err(ProbeFailure {
                    probe: p.name().to_string(),
                    request: format!("the program's {stream}"),
                    expected: "every line a JSON object (use log/slog with a JSONHandler)".into(),
                    got: format!("the line {}", quote_short(line)),
                });
            }
            _ => {}
        }
    }
    Ok(objects)
}
