//! What the probes of one run share: the server, the HTTP client, captured
//! and random values, saved scrapes; how a probe's request is built, sent
//! and read, and how a failure is worded.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde_json::Value;

use super::program::printed;
use super::{BODY_CAP, DEFAULT_REQUEST};
use crate::json_match;
use crate::paths::Rewriter;
use crate::probes::Probe;
use crate::process::Running;
use crate::prometheus::Scrape;
use crate::verdict::{ProbeFailure, indent};

/// An answer, read whole.
pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) headers: reqwest::header::HeaderMap,
    pub(super) body: String,
}

/// State kept across the probes of one run.
pub(super) struct Session<'a> {
    pub(super) port: u16,
    pub(super) rw: Rewriter,
    pub(super) server: &'a mut Running,
    pub(super) server_status: Option<std::process::ExitStatus>,
    pub(super) client: reqwest::Client,
    pub(super) vars: BTreeMap<String, String>,
    /// The seed of this grading's `{{random LO..HI}}` values, once a probe
    /// uses one (`BACKENDLINGS_SEED=N` repeats them).
    pub(super) seed: Option<u64>,
    pub(super) scrapes: BTreeMap<String, Scrape>,
}

impl<'a> Session<'a> {
    pub(super) fn new(port: u16, server: &'a mut Running, rw: Rewriter) -> Result<Session<'a>> {
        let client = reqwest::Client::builder()
            // Probes go to the server under test on loopback, never through
            // a proxy, and each on its own connection.
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(0)
            .http1_only()
            .build()
            .context("cannot build the HTTP client")?;
        Ok(Session {
            port,
            rw,
            server,
            server_status: None,
            client,
            vars: BTreeMap::new(),
            seed: None,
            scrapes: BTreeMap::new(),
        })
    }

    pub(super) fn subst(&self, text: &str) -> String {
        let mut s = text.to_string();
        for (k, v) in &self.vars {
            s = s.replace(&format!("{{{{{k}}}}}"), v);
        }
        s
    }

    pub(super) fn subst_json(&self, v: &Value) -> Value {
        match v {
            Value::String(s) => Value::String(self.subst(s)),
            Value::Array(a) => Value::Array(a.iter().map(|x| self.subst_json(x)).collect()),
            Value::Object(o) => Value::Object(
                o.iter()
                    .map(|(k, x)| (k.clone(), self.subst_json(x)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    pub(super) fn describe(&self, p: &Probe) -> String {
        let mut s = format!(
            "{} {}",
            p.method(),
            self.subst(p.path.as_deref().unwrap_or("/"))
        );
        for (k, v) in &p.headers {
            s.push_str(&format!(" [{k}: {}]", self.subst(v)));
        }
        if let Some(b) = &p.body {
            s.push_str(&format!(" body {}", quote_short(&self.subst(b))));
        }
        if let Some(j) = &p.json {
            s.push_str(&format!(
                " json {}",
                self.subst_json(&json_match::from_toml(j))
            ));
        }
        if let Some(seed) = self.seed {
            s.push_str(&format!(
                " (random values: BACKENDLINGS_SEED={seed} repeats them)"
            ));
        }
        s
    }

    pub(super) fn fail(
        &self,
        p: &Probe,
        expected: impl Into<String>,
        got: impl Into<String>,
    ) -> ProbeFailure {
        ProbeFailure {
            probe: p.name().to_string(),
            request: self.describe(p),
            expected: expected.into(),
            got: got.into(),
        }
    }

    /// Why a request got no answer, in words, and what the server printed
    /// if it died.
    pub(super) fn no_answer_parts(
        &mut self,
        err: &reqwest::Error,
        timeout: Duration,
    ) -> (String, String) {
        let mut why = if err.is_timeout() {
            format!(
                "no answer within {}",
                crate::verdict::human_duration(timeout)
            )
        } else if err.is_connect() {
            "could not connect: the server is not accepting connections".to_string()
        } else {
            "the connection closed before a complete answer".to_string()
        };
        // Give a dying server a moment to be seen as dead (a panic's trace is
        // printed first, and the guard cleans up after it).
        let limit = Instant::now() + Duration::from_millis(500);
        while self.server.exited().is_none() && Instant::now() < limit {
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut out = String::new();
        if let Some(status) = self.server.exited() {
            self.server_status = Some(status);
            why.push_str(&match status.code() {
                Some(c) => format!("; the server exited with code {c}"),
                None => "; the server was killed by a signal".into(),
            });
            if let Some(bound) = self.server.over_memory() {
                why.push_str(&format!(
                    ". {}",
                    crate::verdict::over_memory(bound).replacen("It used", "It had used", 1)
                ));
            }
            // Its last words (a panic's trace) may still be in the pipe.
            self.settle_output();
            out = printed(self.server, &self.rw);
        }
        (why, out)
    }

    pub(super) fn no_answer(
        &mut self,
        p: &Probe,
        err: &reqwest::Error,
        timeout: Duration,
    ) -> ProbeFailure {
        let (why, out) = self.no_answer_parts(err, timeout);
        let got = if out.trim().is_empty() {
            why
        } else {
            format!("{why}. It printed:\n{}", indent(&out, "    "))
        };
        self.fail(
            p,
            format!(
                "an answer{}",
                p.status
                    .map(|s| format!(" with status {s}"))
                    .unwrap_or_default()
            ),
            got,
        )
    }

    /// Waits until what the program printed has been read: output that has
    /// stopped growing for a moment (or a process that has exited and whose
    /// pipes are drained), so a logs probe sees the lines of the requests
    /// just answered.
    pub(super) fn settle_output(&mut self) {
        let quiet = Duration::from_millis(60);
        let limit = Instant::now() + Duration::from_secs(2);
        let size = |s: &Running| {
            let (o, e) = (s.stdout_now(), s.stderr_now());
            o.head.len()
                + o.tail.len()
                + e.head.len()
                + e.tail.len()
                + (o.dropped + e.dropped) as usize
        };
        let mut last = size(self.server);
        let mut since = Instant::now();
        while Instant::now() < limit {
            std::thread::sleep(Duration::from_millis(10));
            let now = size(self.server);
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet
                && (self.server.exited().is_none() || self.server.readers_finished())
            {
                return;
            }
        }
    }

    /// The request of a probe, ready to send; owns everything it needs, so
    /// sending it does not borrow the session.
    pub(super) fn prepare(&self, p: &Probe) -> reqwest::RequestBuilder {
        let path = self.subst(p.path.as_deref().unwrap_or("/"));
        let url = format!("http://127.0.0.1:{}{path}", self.port);
        let method =
            reqwest::Method::from_bytes(p.method().as_bytes()).unwrap_or(reqwest::Method::GET);
        let timeout = p.timeout_ms.map_or(DEFAULT_REQUEST, Duration::from_millis);
        let mut req = self.client.request(method, url).timeout(timeout);
        for (k, v) in &p.headers {
            req = req.header(k.as_str(), self.subst(v));
        }
        if let Some(b) = &p.body {
            req = req.body(self.subst(b));
        }
        if let Some(j) = &p.json {
            let body = self.subst_json(&json_match::from_toml(j)).to_string();
            req = req.header("Content-Type", "application/json").body(body);
        }
        req
    }

    pub(super) async fn send(&self, p: &Probe) -> std::result::Result<Answer, reqwest::Error> {
        execute(self.prepare(p)).await
    }
}

/// Sends a request and reads the whole answer (up to [`BODY_CAP`]).
pub(super) async fn execute(
    req: reqwest::RequestBuilder,
) -> std::result::Result<Answer, reqwest::Error> {
    let mut resp = req.send().await?;
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await? {
        if body.len() < BODY_CAP {
            body.extend_from_slice(&chunk);
        }
    }
    Ok(Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

pub(super) fn quote_short(s: &str) -> String {
    let t: String = s.chars().take(200).collect();
    let more = if s.chars().count() > 200 { "…" } else { "" };
    format!("{:?}{more}", t)
}
