//! `burst` probes: many requests at once, the answers counted by status.

use std::collections::BTreeMap;

use crate::grade::server::session::{Session, execute};
use crate::probes::Probe;
use crate::verdict::ProbeFailure;

impl Session<'_> {
    /// `count` requests sent at once; the statuses counted against `statuses`
    /// and the headers of each status checked against `headers_on`.
    pub(super) async fn burst(&mut self, p: &Probe) -> Result<(), ProbeFailure> {
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
}
