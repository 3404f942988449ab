//! `server` mode: build the learner's program, start it on a free loopback
//! port (`PORT` and `ADDR` set), wait until it accepts connections, run the
//! exercise's probes against it over HTTP, then stop it and everything it
//! started. Hidden Go tests beside the probes run first.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde_json::Value;

use super::{Grader, Target};
use crate::course::Exercise;
use crate::json_match;
use crate::paths::Rewriter;
use crate::probes::{Kind, Probe, ProbeFile};
use crate::process::{Cmd, Ended, Running};
use crate::prometheus::{self, Scrape};
use crate::verdict::indent;
use crate::verdict::{ProbeFailure, Verdict};

const DEFAULT_START: Duration = Duration::from_secs(5);
const DEFAULT_REQUEST: Duration = Duration::from_secs(5);
/// Most of a body kept for checks and messages.
const BODY_CAP: usize = 1 << 20;

pub(crate) fn grade(g: &Grader, ex: &Exercise, target: Target) -> Result<Verdict> {
    let root = &g.course.root;
    let sol = root.join(ex.solution_rel());
    let probes_path = sol.join("probes.toml");
    let probes = if probes_path.is_file() {
        let text = std::fs::read_to_string(&probes_path)
            .with_context(|| format!("cannot read {}", probes_path.display()))?;
        crate::probes::parse(&format!("{}/probes.toml", ex.solution_rel()), &text)?
    } else {
        ProbeFile::default()
    };

    // Hidden Go tests first: a failing unit is easier to act on than a probe.
    let (_, hidden_tests) = super::go_files(&sol)?;
    let mut tests_summary = None;
    if !hidden_tests.is_empty() {
        let v = super::gotest::grade(g, ex, target)?;
        match v {
            Verdict::Passed { summary } => tests_summary = Some(summary),
            other => return Ok(other),
        }
    }
    if probes.probes.is_empty() {
        return Ok(Verdict::Passed {
            summary: tests_summary.unwrap_or_default(),
        });
    }

    let bin = match super::run::build(g, ex, target)? {
        Ok(bin) => bin,
        Err(verdict) => return Ok(verdict),
    };
    let port = free_port()?;
    let addr = format!("127.0.0.1:{port}");
    let mut cmd = Cmd::new(&bin)
        .args(&probes.server.args)
        .cwd(root.join(g.package_dir(ex, target)))
        .env("PORT", port.to_string())
        .env("ADDR", &addr)
        .cancel(&g.cancel);
    for (k, v) in &probes.server.env {
        cmd = cmd.env(k, v);
    }
    let mut server = cmd.spawn()?;

    let start_timeout = probes
        .server
        .start_timeout_ms
        .map_or(DEFAULT_START, Duration::from_millis);
    let dir = g.package_dir(ex, target);
    let rw = Rewriter::new(root, &dir, &ex.solution_rel(), vec![], &g.import_path(&dir));
    if let Some(verdict) = wait_until_listening(&mut server, port, start_timeout, &rw) {
        let _ = server.finish(Ended::Stopped);
        return Ok(verdict);
    }

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime for probes")?;
    let mut failure = None;
    let mut cancelled = false;
    {
        let mut session = Session::new(port, &mut server, rw)?;
        session.draw_random_values(&probes.probes);
        for probe in &probes.probes {
            if g.cancel.is_cancelled() {
                cancelled = true;
                break;
            }
            if let Err(f) = runtime.block_on(session.run(probe)) {
                failure = Some(f);
                break;
            }
        }
    }
    // Whatever happened, the server and everything it started go now.
    let _ = server.finish(Ended::Stopped);
    if cancelled || g.cancel.is_cancelled() {
        return Err(crate::process::Cancelled.into());
    }
    Ok(match failure {
        Some(f) => Verdict::ProbeFailed { failures: vec![f] },
        None => {
            let n = probes.probes.len();
            let probes_text = crate::verdict::plural(n, "probe", "probes");
            Verdict::Passed {
                summary: match tests_summary {
                    Some(t) if !t.is_empty() => format!("{t}, {probes_text}"),
                    _ => probes_text,
                },
            }
        }
    })
}

/// A port nobody listens on right now.
fn free_port() -> Result<u16> {
    let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .context("cannot find a free port on 127.0.0.1")?;
    Ok(l.local_addr()?.port())
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.trim_end().lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// What the program printed: stderr (a panic trimmed to the frames in the
/// exercise, paths relative to the course), then the end of stdout.
fn printed(server: &Running, rw: &Rewriter) -> String {
    let err = server.stderr_now().text();
    let err: String = err
        .lines()
        .map(|l| rw.line(l))
        .collect::<Vec<_>>()
        .join("\n");
    let mut s = tail(&super::run::trim_trace(&err), 30);
    let out = tail(&server.stdout_now().text(), 5);
    if !out.trim().is_empty() {
        if !s.trim().is_empty() {
            s.push('\n');
        }
        s.push_str(&out);
    }
    s
}

/// Waits until the program accepts connections on `port`. Returns the
/// verdict when it exits first or never does.
fn wait_until_listening(
    server: &mut Running,
    port: u16,
    limit: Duration,
    rw: &Rewriter,
) -> Option<Verdict> {
    let started = Instant::now();
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    loop {
        if let Some(status) = server.exited() {
            let how = match status.code() {
                Some(c) => format!("exited with code {c}"),
                None => "was killed by a signal".to_string(),
            };
            return Some(Verdict::ServerDidNotStart {
                reason: format!("The program {how} before accepting connections on {addr}."),
                output: printed(server, rw),
            });
        }
        if std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return None;
        }
        if started.elapsed() >= limit {
            let others: Vec<u16> = listening_ports(&server.tree_pids())
                .into_iter()
                .filter(|p| *p != port)
                .collect();
            let reason = if let Some(p) = others.first() {
                format!(
                    "It listens on port {p}, but the runner gave it PORT={port} (and ADDR=127.0.0.1:{port}): read the address from the environment."
                )
            } else {
                format!(
                    "It did not accept connections on {addr} within {}: does it listen on the address in the PORT or ADDR environment variable?",
                    crate::verdict::human_duration(limit)
                )
            };
            return Some(Verdict::ServerDidNotStart {
                reason,
                output: printed(server, rw),
            });
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A failed shutdown probe in the words of this OS: on Windows the runner
/// sends Ctrl-Break, which Go delivers as `os.Interrupt`, and says that
/// SIGTERM itself is checked on the other systems.
fn on_this_os(mut f: ProbeFailure) -> ProbeFailure {
    if cfg!(windows) {
        f.expected = f.expected.replace("SIGTERM", "Ctrl-Break");
        f.got = format!(
            "{} (on Windows the runner sends Ctrl-Break, which Go delivers as os.Interrupt; SIGTERM itself is checked on Linux, macOS and WSL)",
            f.got.replace("SIGTERM", "Ctrl-Break")
        );
    }
    f
}

/// TCP ports some processes listen on (Linux; empty elsewhere).
fn listening_ports(pids: &[u32]) -> Vec<u16> {
    let mut inodes = std::collections::BTreeSet::new();
    for fd in pids
        .iter()
        .filter_map(|pid| std::fs::read_dir(format!("/proc/{pid}/fd")).ok())
        .flat_map(|fds| fds.flatten())
    {
        {
            if let Ok(target) = std::fs::read_link(fd.path()) {
                let t = target.to_string_lossy();
                if let Some(inode) = t.strip_prefix("socket:[").and_then(|r| r.strip_suffix(']')) {
                    inodes.insert(inode.to_string());
                }
            }
        }
    }
    let mut ports = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(table) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() > 9
                && cols[3] == "0A"
                && inodes.contains(cols[9])
                && let Some(port) = cols[1]
                    .rsplit(':')
                    .next()
                    .and_then(|h| u16::from_str_radix(h, 16).ok())
            {
                ports.push(port);
            }
        }
    }
    ports.sort_unstable();
    ports.dedup();
    ports
}

/// An answer, read whole.
struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

/// State kept across the probes of one run.
struct Session<'a> {
    port: u16,
    rw: Rewriter,
    server: &'a mut Running,
    server_status: Option<std::process::ExitStatus>,
    client: reqwest::Client,
    vars: BTreeMap<String, String>,
    /// The seed of this grading's `{{random LO..HI}}` values, once a probe
    /// uses one (`BACKENDLINGS_SEED=N` repeats them).
    seed: Option<u64>,
    scrapes: BTreeMap<String, Scrape>,
}

impl<'a> Session<'a> {
    fn new(port: u16, server: &'a mut Running, rw: Rewriter) -> Result<Session<'a>> {
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

    /// Gives every `{{random LO..HI}}` in the probes' requests a value, new
    /// for each grading, so a program cannot pass by fitting fixed numbers
    /// (a shutdown that waits a fixed time instead of for the request).
    fn draw_random_values(&mut self, probes: &[Probe]) {
        let mut texts: Vec<&str> = Vec::new();
        for p in probes {
            texts.extend(p.path.as_deref());
            texts.extend(p.body.as_deref());
            texts.extend(p.headers.values().map(String::as_str));
        }
        let seed = std::env::var("BACKENDLINGS_SEED")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(super::seal::random);
        for text in texts {
            for (key, lo, hi) in random_placeholders(text) {
                if self.vars.contains_key(&key) {
                    continue;
                }
                let mut x = seed
                    ^ u64::from_le_bytes(
                        crate::fsutil::hash(key.as_bytes()).as_bytes()[..8]
                            .try_into()
                            .unwrap_or_default(),
                    );
                let value = lo + splitmix64(&mut x) % (hi - lo + 1);
                self.vars.insert(key, value.to_string());
                self.seed = Some(seed);
            }
        }
    }

    fn subst(&self, text: &str) -> String {
        let mut s = text.to_string();
        for (k, v) in &self.vars {
            s = s.replace(&format!("{{{{{k}}}}}"), v);
        }
        s
    }

    fn subst_json(&self, v: &Value) -> Value {
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

    fn describe(&self, p: &Probe) -> String {
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

    fn fail(&self, p: &Probe, expected: impl Into<String>, got: impl Into<String>) -> ProbeFailure {
        ProbeFailure {
            probe: p.name().to_string(),
            request: self.describe(p),
            expected: expected.into(),
            got: got.into(),
        }
    }

    /// Why a request got no answer, in words, and what the server printed
    /// if it died.
    fn no_answer_parts(&mut self, err: &reqwest::Error, timeout: Duration) -> (String, String) {
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

    fn no_answer(&mut self, p: &Probe, err: &reqwest::Error, timeout: Duration) -> ProbeFailure {
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

    /// The request of a probe, ready to send; owns everything it needs, so
    /// sending it does not borrow the session.
    /// Waits until what the program printed has been read: output that has
    /// stopped growing for a moment (or a process that has exited and whose
    /// pipes are drained), so a logs probe sees the lines of the requests
    /// just answered.
    fn settle_output(&mut self) {
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

    fn prepare(&self, p: &Probe) -> reqwest::RequestBuilder {
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

    async fn send(&self, p: &Probe) -> std::result::Result<Answer, reqwest::Error> {
        execute(self.prepare(p)).await
    }

    async fn run(&mut self, p: &Probe) -> std::result::Result<(), ProbeFailure> {
        match p.kind {
            Kind::Request => self.request(p).await,
            Kind::Burst => self.burst(p).await,
            Kind::Shutdown => self.shutdown(p).await.map_err(on_this_os),
            Kind::Logs => self.logs(p),
            Kind::Metrics => self.metrics(p).await,
            Kind::Pause => {
                tokio::time::sleep(Duration::from_millis(p.ms.unwrap_or(0))).await;
                Ok(())
            }
        }
    }

    async fn request(&mut self, p: &Probe) -> std::result::Result<(), ProbeFailure> {
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

    fn check_answer(&self, p: &Probe, a: &Answer) -> std::result::Result<(), ProbeFailure> {
        if let Some(want) = p.status
            && a.status != want
        {
            return Err(self.fail(
                p,
                format!("status {want}"),
                format!("status {}, body {}", a.status, quote_short(&a.body)),
            ));
        }
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

    async fn burst(&mut self, p: &Probe) -> std::result::Result<(), ProbeFailure> {
        let n = p.count.unwrap_or(1);
        // Every request goes out at once: the point is to see what the
        // server does with a crowd.
        let prepared: Vec<_> = (0..n).map(|_| execute(self.prepare(p))).collect();
        let results = futures_util::future::join_all(prepared).await;
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        let mut missing_header: Option<(String, String)> = None;
        for r in &results {
            let key = match r {
                Ok(a) => {
                    for (status, names) in &p.headers_on {
                        if a.status.to_string() == *status {
                            for name in names {
                                if !a.headers.contains_key(name.as_str())
                                    && missing_header.is_none()
                                {
                                    missing_header = Some((status.clone(), name.clone()));
                                }
                            }
                        }
                    }
                    a.status.to_string()
                }
                Err(e) if e.is_timeout() => "no answer".to_string(),
                Err(_) => "connection error".to_string(),
            };
            *counts.entry(key).or_default() += 1;
        }
        let got = counts
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join(", ");
        let want = p
            .statuses
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.describe()))
            .collect::<Vec<_>>()
            .join(", ");
        let mut ok = counts.keys().all(|k| p.statuses.contains_key(k));
        for (status, spec) in &p.statuses {
            let (lo, hi) = spec.bounds().unwrap_or((0, u32::MAX));
            let c = counts.get(status).copied().unwrap_or(0);
            ok &= c >= lo && c <= hi;
        }
        if !ok {
            return Err(self.fail(p, format!("of {n} requests sent at once, {want}"), got));
        }
        if let Some((status, name)) = missing_header {
            return Err(self.fail(
                p,
                format!("a {name} header on every {status} answer"),
                format!("a {status} answer without {name}"),
            ));
        }
        Ok(())
    }

    /// A slow request in flight, then the stop signal ([`Running::terminate`]:
    /// SIGTERM, or Ctrl-Break on Windows), then a graceful exit.
    async fn shutdown(&mut self, p: &Probe) -> std::result::Result<(), ProbeFailure> {
        let signal_after = Duration::from_millis(p.signal_after_ms.unwrap_or(200));
        let exit_within = Duration::from_millis(p.exit_within_ms.unwrap_or(2000));
        let refuse_within = Duration::from_millis(p.refuse_within_ms.unwrap_or(1000));
        let want_code = p.exit_code.unwrap_or(0);
        let timeout = p.timeout_ms.map_or(DEFAULT_REQUEST, Duration::from_millis);

        let slow = execute(self.prepare(p));
        tokio::pin!(slow);
        // Let the slow request reach the handler, then ask the server to stop.
        let early = tokio::select! {
            r = &mut slow => Some(r),
            _ = tokio::time::sleep(signal_after) => None,
        };
        if let Some(r) = early {
            let desc = match r {
                Ok(a) => format!(
                    "an answer (status {}) before SIGTERM was sent, {} after the request",
                    a.status,
                    crate::verdict::human_duration(signal_after)
                ),
                Err(_) => "no answer before SIGTERM was sent".to_string(),
            };
            return Err(self.fail(
                p,
                format!(
                    "a request still in flight {} later, when SIGTERM is sent",
                    crate::verdict::human_duration(signal_after)
                ),
                desc,
            ));
        }
        self.server.terminate();
        let signalled = Instant::now();

        // While the slow request runs, new connections must start being
        // refused: the listener closes as soon as shutdown begins.
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let mut refused_at: Option<Duration> = None;
        let answer = loop {
            tokio::select! {
                r = &mut slow => break r,
                _ = tokio::time::sleep(Duration::from_millis(20)) => {
                    if refused_at.is_none() {
                        let c = tokio::time::timeout(Duration::from_millis(100), tokio::net::TcpStream::connect(addr)).await;
                        if matches!(c, Ok(Err(_))) {
                            refused_at = Some(signalled.elapsed());
                        }
                    }
                }
            }
        };
        match answer {
            Err(e) => {
                let (why, out) = self.no_answer_parts(&e, timeout);
                let mut got = format!(
                    "it was dropped: {why}. A graceful shutdown stops accepting new requests but lets the running ones finish before the program exits (srv.Shutdown waits for them, with a context that is not already done)."
                );
                if !out.trim().is_empty() {
                    got.push_str(&format!(" It printed:\n{}", indent(&out, "    ")));
                }
                return Err(self.fail(
                    p,
                    format!(
                        "the request in flight when SIGTERM arrived to complete{}",
                        p.status
                            .map(|s| format!(" with status {s}"))
                            .unwrap_or_default()
                    ),
                    got,
                ));
            }
            Ok(a) => {
                if let Err(mut f) = self.check_answer(p, &a) {
                    f.expected = format!(
                        "the request in flight during shutdown to get {}",
                        f.expected
                    );
                    return Err(f);
                }
            }
        }
        let answered = Instant::now();
        if refuse_within > Duration::ZERO
            && refused_at.is_none_or(|t| t > refuse_within)
            && self.server.exited().is_none()
        {
            // The request finished before we saw a refusal: look once more.
            let c = tokio::time::timeout(
                Duration::from_millis(100),
                tokio::net::TcpStream::connect(addr),
            )
            .await;
            let refused_now = matches!(c, Ok(Err(_)));
            if !refused_now
                || signalled.elapsed() > refuse_within + Duration::from_millis(200)
                    && refused_at.is_none()
            {
                return Err(self.fail(
                    p,
                    format!("new connections refused within {} of SIGTERM", crate::verdict::human_duration(refuse_within)),
                    "new connections were still accepted: the server did not start shutting down (does it handle SIGTERM with signal.NotifyContext and call srv.Shutdown?)",
                ));
            }
        }
        // The process must then exit, with the expected code.
        let status = loop {
            if let Some(s) = self.server.exited() {
                break Some(s);
            }
            if answered.elapsed() > exit_within {
                break None;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        };
        let Some(status) = status else {
            return Err(self.fail(
                p,
                format!("the program to exit within {} of answering the last request", crate::verdict::human_duration(exit_within)),
                "it was still running: after Shutdown returns, main must return (does something keep it alive, or is SIGTERM ignored?)",
            ));
        };
        self.server_status = Some(status);
        match status.code() {
            Some(c) if c == want_code => Ok(()),
            Some(c) => {
                let out = printed(self.server, &self.rw);
                let hint = if out.contains("http: Server closed") {
                    " (ListenAndServe returns http.ErrServerClosed after Shutdown: that is not an error)"
                } else {
                    ""
                };
                Err(self.fail(p, format!("exit code {want_code}"), format!("exit code {c}{hint}\n{}", indent(&out, "    "))))
            }
            None => Err(self.fail(p, format!("exit code {want_code}"), "the program was killed by the signal instead of exiting: handle SIGTERM with signal.NotifyContext")),
        }
    }

    fn logs(&mut self, p: &Probe) -> std::result::Result<(), ProbeFailure> {
        self.settle_output();
        let stream = p.stream.as_deref().unwrap_or("stdout");
        let mut text = String::new();
        if stream != "stderr" {
            text.push_str(&self.server.stdout_now().text());
        }
        if stream != "stdout" {
            text.push_str(&self.server.stderr_now().text());
        }
        let mut objects = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            match serde_json::from_str::<Value>(line) {
                Ok(v @ Value::Object(_)) => objects.push(v),
                _ if p.all_json => {
                    return Err(ProbeFailure {
                        probe: p.name().to_string(),
                        request: format!("the program's {stream}"),
                        expected: "every line a JSON object (use log/slog with a JSONHandler)"
                            .into(),
                        got: format!("the line {}", quote_short(line)),
                    });
                }
                _ => {}
            }
        }
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

    async fn metrics(&mut self, p: &Probe) -> std::result::Result<(), ProbeFailure> {
        let timeout = p.timeout_ms.map_or(DEFAULT_REQUEST, Duration::from_millis);
        let mut probe = p.clone();
        if probe.path.is_none() {
            probe.path = Some("/metrics".into());
        }
        let answer = match self.send(&probe).await {
            Ok(a) => a,
            Err(e) => return Err(self.no_answer(&probe, &e, timeout)),
        };
        if answer.status != 200 {
            return Err(self.fail(
                &probe,
                "status 200",
                format!(
                    "status {}, body {}",
                    answer.status,
                    quote_short(&answer.body)
                ),
            ));
        }
        let scrape = match prometheus::parse(&answer.body) {
            Ok(s) => s,
            Err(why) => return Err(self.fail(&probe, "Prometheus text format", why)),
        };
        for s in &p.series {
            let label_text = if s.labels.is_empty() {
                String::new()
            } else {
                format!(
                    "{{{}}}",
                    s.labels
                        .iter()
                        .map(|(k, v)| format!("{k}=\"{v}\""))
                        .collect::<Vec<_>>()
                        .join(",")
                )
            };
            let series = format!("{}{label_text}", s.name);
            let Some(sample) = scrape.find(&s.name, &s.labels).next() else {
                let mut names: Vec<&str> = scrape.samples.iter().map(|x| x.name.as_str()).collect();
                names.dedup();
                return Err(self.fail(
                    &probe,
                    format!("a sample of {series}"),
                    format!(
                        "none; the series present are: {}",
                        if names.is_empty() {
                            "none".into()
                        } else {
                            names.join(", ")
                        }
                    ),
                ));
            };
            if let Some(kind) = &s.kind
                && scrape.type_of(&s.name) != Some(kind.as_str())
            {
                return Err(self.fail(
                    &probe,
                    format!("# TYPE {} {kind}", s.name),
                    format!("type {}", scrape.type_of(&s.name).unwrap_or("not declared")),
                ));
            }
            if let Some(min) = s.min
                && sample.value < min
            {
                return Err(self.fail(
                    &probe,
                    format!("{series} ≥ {min}"),
                    format!("{series} = {}", sample.value),
                ));
            }
            if let Some(max) = s.max
                && sample.value > max
            {
                return Err(self.fail(
                    &probe,
                    format!("{series} ≤ {max}"),
                    format!("{series} = {}", sample.value),
                ));
            }
            if let Some(since) = &s.increased_since {
                let before = self
                    .scrapes
                    .get(since)
                    .and_then(|b| b.find(&s.name, &s.labels).next().map(|x| x.value))
                    .unwrap_or(0.0);
                if sample.value <= before {
                    return Err(self.fail(
                        &probe,
                        format!("{series} to have grown since the scrape {since:?} (was {before})"),
                        format!(
                            "{series} = {}: the requests in between were not counted",
                            sample.value
                        ),
                    ));
                }
            }
        }
        if let Some(name) = &p.save_as {
            self.scrapes.insert(name.clone(), scrape);
        }
        Ok(())
    }
}

/// Sends a request and reads the whole answer (up to [`BODY_CAP`]).
async fn execute(req: reqwest::RequestBuilder) -> std::result::Result<Answer, reqwest::Error> {
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

fn header_matches(got: &str, want: &str) -> bool {
    got == want
        || got
            .split(';')
            .next()
            .is_some_and(|g| g.trim().eq_ignore_ascii_case(want.trim()))
}

fn quote_short(s: &str) -> String {
    let t: String = s.chars().take(200).collect();
    let more = if s.chars().count() > 200 { "…" } else { "" };
    format!("{:?}{more}", t)
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

    #[test]
    fn free_ports_are_on_loopback() {
        let p = free_port().unwrap();
        assert!(p > 0);
    }
}

/// The `{{random LO..HI}}` placeholders in `text`: (variable name, LO, HI).
fn random_placeholders(text: &str) -> Vec<(String, u64, u64)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{random ") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let key = &after[..end];
        if let Some((lo, hi)) = key["random ".len()..].split_once("..")
            && let (Ok(lo), Ok(hi)) = (lo.trim().parse::<u64>(), hi.trim().parse::<u64>())
            && lo <= hi
        {
            out.push((key.to_string(), lo, hi));
        }
        rest = &after[end + 2..];
    }
    out
}

fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod random_tests {
    use super::*;

    #[test]
    fn finds_random_placeholders() {
        assert_eq!(
            random_placeholders("/slow?ms={{random 400..2400}}&x={{id}}&y={{random 9..3}}"),
            vec![("random 400..2400".to_string(), 400, 2400)]
        );
    }
}
