//! `request` probes: one request, the answer checked against the probe's
//! expectations (which shutdown probes share), values captured for later.

use std::time::Duration;

use serde_json::Value;

use crate::grade::server::DEFAULT_REQUEST;
use crate::grade::server::session::{Answer, Session, quote_short};
use crate::json_match;
use crate::probes::Probe;
use crate::verdict::ProbeFailure;

impl Session<'_> {
    /// One request and its answer checked; then the `capture` values kept
    /// for the later probes' `{{var}}`.
    pub(super) async fn request(&mut self, p: &Probe) -> Result<(), ProbeFailure> {
        let timeout = p.timeout_ms.map_or(DEFAULT_REQUEST, Duration::from_millis);
        let answer = match self.send(p).await {
            Ok(a) => a,
            Err(e) => return Err(self.no_answer(p, &e, timeout)),
        };
        self.check_answer(p, &answer)?;
        for (var, pointer) in &p.capture {
            let value = serde_json::from_str::<Value>(&answer.body)
                .ok()
                .and_then(|v| v.pointer(pointer).cloned());
            match value {
                Some(Value::String(s)) => {
                    self.vars.insert(var.clone(), s);
                }
                Some(v @ (Value::Number(_) | Value::Bool(_))) => {
                    self.vars.insert(var.clone(), v.to_string());
                }
                _ => {
                    return Err(self.fail(
                        p,
                        format!("a JSON answer with a value at {pointer}"),
                        format!("body {}", quote_short(&answer.body)),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Checks an answer against everything the probe expects of it, in
    /// order: status, headers, body, JSON.
    pub(super) fn check_answer(&self, p: &Probe, a: &Answer) -> Result<(), ProbeFailure> {
        if let Some(want) = p.status
            && a.status != want
        {
            return Err(self.fail(
                p,
                format!("status {want}"),
                format!("status {}, body {}", a.status, quote_short(&a.body)),
            ));
        }
        self.check_headers(p, a)?;
        self.check_body(p, a)?;
        self.check_json(p, a)
    }

    /// `expect_headers`, `expect_headers_present`, `expect_headers_absent`.
    fn check_headers(&self, p: &Probe, a: &Answer) -> Result<(), ProbeFailure> {
        for (name, want) in &p.expect_headers {
            let want = self.subst(want);
            match a.headers.get(name.as_str()).and_then(|v| v.to_str().ok()) {
                None => {
                    return Err(self.fail(
                        p,
                        format!("header {name}: {want}"),
                        format!("no {name} header (status {})", a.status),
                    ));
                }
                Some(got) if !header_matches(got, &want) => {
                    return Err(self.fail(
                        p,
                        format!("header {name}: {want}"),
                        format!("{name}: {got}"),
                    ));
                }
                Some(_) => {}
            }
        }
        for name in &p.expect_headers_present {
            if !a.headers.contains_key(name.as_str()) {
                return Err(self.fail(
                    p,
                    format!("a {name} header"),
                    format!("no {name} header (status {})", a.status),
                ));
            }
        }
        for name in &p.expect_headers_absent {
            if let Some(v) = a.headers.get(name.as_str()) {
                return Err(self.fail(
                    p,
                    format!("no {name} header"),
                    format!("{name}: {}", v.to_str().unwrap_or("(not text)")),
                ));
            }
        }
        Ok(())
    }

    /// `expect_body`, `body_contains`, `body_not_contains`.
    fn check_body(&self, p: &Probe, a: &Answer) -> Result<(), ProbeFailure> {
        if let Some(want) = &p.expect_body {
            let want = self.subst(want);
            if a.body != want {
                return Err(self.fail(
                    p,
                    format!("body {}", quote_short(&want)),
                    format!("body {}", quote_short(&a.body)),
                ));
            }
        }
        for needle in &p.body_contains {
            let needle = self.subst(needle);
            if !a.body.contains(&needle) {
                return Err(self.fail(
                    p,
                    format!("a body containing {needle:?}"),
                    format!("body {}", quote_short(&a.body)),
                ));
            }
        }
        for needle in &p.body_not_contains {
            if a.body.contains(needle.as_str()) {
                return Err(self.fail(
                    p,
                    format!("a body without {needle:?} (internal details must not reach clients)"),
                    format!("body {}", quote_short(&a.body)),
                ));
            }
        }
        Ok(())
    }

    /// `expect_json`: the body is JSON and contains what is given.
    fn check_json(&self, p: &Probe, a: &Answer) -> Result<(), ProbeFailure> {
        if let Some(want) = &p.expect_json {
            let want = self.subst_json(&json_match::from_toml(want));
            let got: Value = match serde_json::from_str(&a.body) {
                Ok(v) => v,
                Err(_) => {
                    return Err(self.fail(
                        p,
                        format!("a JSON body containing {want}"),
                        format!("a body that is not JSON: {}", quote_short(&a.body)),
                    ));
                }
            };
            if let Err(why) = json_match::contains(&got, &want) {
                return Err(self.fail(
                    p,
                    format!("a JSON body containing {want}"),
                    format!("{}: {why}", quote_short(&a.body)),
                ));
            }
        }
        Ok(())
    }
}

fn header_matches(got: &str, want: &str) -> bool {
    got == want
        || got
            .split(';')
            .next()
            .is_some_and(|g| g.trim().eq_ignore_ascii_case(want.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_match_up_to_parameters() {
        assert!(header_matches(
            "application/json; charset=utf-8",
            "application/json"
        ));
        assert!(header_matches("1", "1"));
        assert!(!header_matches("text/plain", "application/json"));
    }
}
