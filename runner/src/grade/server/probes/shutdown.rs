//! `shutdown` probes: a slow request in flight, the stop signal, new
//! connections refused, the slow request answered, and a clean exit.

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::pin::Pin;
use std::time::{Duration, Instant};

use crate::grade::server::DEFAULT_REQUEST;
use crate::grade::server::program::printed;
use crate::grade::server::session::{Answer, Session, execute};
use crate::probes::Probe;
use crate::verdict::{ProbeFailure, human_duration, indent};

/// A failed shutdown probe in the words of this OS: on Windows the runner
/// sends Ctrl-Break, which Go delivers as `os.Interrupt`, and says that
/// SIGTERM itself is checked on the other systems.
pub(super) fn on_this_os(mut f: ProbeFailure) -> ProbeFailure {
    if cfg!(windows) {
        f.expected = f.expected.replace("SIGTERM", "Ctrl-Break");
        f.got = format!(
            "{} (on Windows the runner sends Ctrl-Break, which Go delivers as os.Interrupt; SIGTERM itself is checked on Linux, macOS and WSL)",
            f.got.replace("SIGTERM", "Ctrl-Break")
        );
    }
    f
}

/// The slow request's answer, once it comes.
type Slow<'f> = Pin<&'f mut dyn Future<Output = Result<Answer, reqwest::Error>>>;

impl Session<'_> {
    /// A slow request in flight, then the stop signal ([`crate::process::Running::terminate`]:
    /// SIGTERM, or Ctrl-Break on Windows), then a graceful exit.
    pub(super) async fn shutdown(&mut self, p: &Probe) -> Result<(), ProbeFailure> {
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
            return Err(self.answered_early(p, r, signal_after));
        }
        self.server.terminate();
        let signalled = Instant::now();

        let (answer, refused_at) = self.watch_refusals(slow, signalled).await;
        self.check_in_flight(p, answer, timeout)?;
        let answered = Instant::now();
        self.check_refused(p, refused_at, signalled, refuse_within)
            .await?;
        self.check_exit(p, answered, exit_within, want_code).await
    }

    /// The failure when the slow request was over before the signal.
    fn answered_early(
        &self,
        p: &Probe,
        r: Result<Answer, reqwest::Error>,
        signal_after: Duration,
    ) -> ProbeFailure {
        let desc = match r {
            Ok(a) => format!(
                "an answer (status {}) before SIGTERM was sent, {} after the request",
                a.status,
                human_duration(signal_after)
            ),
            Err(_) => "no answer before SIGTERM was sent".to_string(),
        };
        self.fail(
            p,
            format!(
                "a request still in flight {} later, when SIGTERM is sent",
                human_duration(signal_after)
            ),
            desc,
        )
    }

    /// Waits for the slow request's answer, trying new connections meanwhile:
    /// (the answer, how long after the signal a connection was first refused).
    async fn watch_refusals(
        &self,
        mut slow: Slow<'_>,
        signalled: Instant,
    ) -> (Result<Answer, reqwest::Error>, Option<Duration>) {
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
        (answer, refused_at)
    }

    /// The request in flight when the signal came must be answered, as the
    /// probe expects.
    fn check_in_flight(
        &mut self,
        p: &Probe,
        answer: Result<Answer, reqwest::Error>,
        timeout: Duration,
    ) -> Result<(), ProbeFailure> {
        match answer {
            Err(e) => {
                let (why, out) = self.no_answer_parts(&e, timeout);
                let mut got = format!(
                    "it was dropped: {why}. A graceful shutdown stops accepting new requests but lets the running ones finish before the program exits (srv.Shutdown waits for them, with a context that is not already done)."
                );
                if !out.trim().is_empty() {
                    got.push_str(&format!(" It printed:\n{}", indent(&out, "    ")));
                }
                Err(self.fail(
                    p,
                    format!(
                        "the request in flight when SIGTERM arrived to complete{}",
                        p.status
                            .map(|s| format!(" with status {s}"))
                            .unwrap_or_default()
                    ),
                    got,
                ))
            }
            Ok(a) => {
                if let Err(mut f) = self.check_answer(p, &a) {
                    f.expected = format!(
                        "the request in flight during shutdown to get {}",
                        f.expected
                    );
                    return Err(f);
                }
                Ok(())
            }
        }
    }

    /// New connections must have been refused within `refuse_within` of the
    /// signal (unless that is zero or the program is gone already).
    async fn check_refused(
        &mut self,
        p: &Probe,
        refused_at: Option<Duration>,
        signalled: Instant,
        refuse_within: Duration,
    ) -> Result<(), ProbeFailure> {
        if refuse_within > Duration::ZERO
            && refused_at.is_none_or(|t| t > refuse_within)
            && self.server.exited().is_none()
        {
            // The request finished before we saw a refusal: look once more.
            let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
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
                    format!("new connections refused within {} of SIGTERM", human_duration(refuse_within)),
                    "new connections were still accepted: the server did not start shutting down (does it handle SIGTERM with signal.NotifyContext and call srv.Shutdown?)",
                ));
            }
        }
        Ok(())
    }

    /// The process must then exit, with the expected code.
    async fn check_exit(
        &mut self,
        p: &Probe,
        answered: Instant,
        exit_within: Duration,
        want_code: i32,
    ) -> Result<(), ProbeFailure> {
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
                format!("the program to exit within {} of answering the last request", human_duration(exit_within)),
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
}
