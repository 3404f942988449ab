//! `metrics` probes: `GET /metrics` parsed as Prometheus text format, its
//! series checked, the scrape kept for a later `increased_since`.

use std::time::Duration;

use crate::grade::server::DEFAULT_REQUEST;
use crate::grade::server::session::{Session, quote_short};
use crate::probes::{Probe, Series};
use crate::prometheus::{self, Scrape};
use crate::verdict::ProbeFailure;

impl Session<'_> {
    /// Scrapes the probe's path (`/metrics` when it gives none), checks each
    /// series and keeps the scrape under `save_as`.
    pub(super) async fn metrics(&mut self, p: &Probe) -> Result<(), ProbeFailure> {
        let mut probe = p.clone();
        if probe.path.is_none() {
            probe.path = Some("/metrics".into());
        }
        let scrape = self.scrape(&probe).await?;
        for s in &p.series {
            self.check_series(&probe, &scrape, s)?;
        }
        if let Some(name) = &p.save_as {
            self.scrapes.insert(name.clone(), scrape);
        }
        Ok(())
    }

    /// Sends the probe's request; the answer must be a 200 in Prometheus
    /// text format.
    async fn scrape(&mut self, probe: &Probe) -> Result<Scrape, ProbeFailure> {
        let timeout = probe
            .timeout_ms
            .map_or(DEFAULT_REQUEST, Duration::from_millis);
        let answer = match self.send(probe).await {
            Ok(a) => a,
            Err(e) => return Err(self.no_answer(probe, &e, timeout)),
        };
        if answer.status != 200 {
            return Err(self.fail(
                probe,
                "status 200",
                format!(
                    "status {}, body {}",
                    answer.status,
                    quote_short(&answer.body)
                ),
            ));
        }
        match prometheus::parse(&answer.body) {
            Ok(s) => Ok(s),
            Err(why) => Err(self.fail(probe, "Prometheus text format", why)),
        }
    }

    /// One series: present, of its type, within its bounds, grown since the
    /// scrape it names.
    fn check_series(&self, probe: &Probe, scrape: &Scrape, s: &Series) -> Result<(), ProbeFailure> {
        let series = format!("{}{}", s.name, label_text(s));
        let Some(sample) = scrape.find(&s.name, &s.labels).next() else {
            let mut names: Vec<&str> = scrape.samples.iter().map(|x| x.name.as_str()).collect();
            names.dedup();
            return Err(self.fail(
                probe,
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
                probe,
                format!("# TYPE {} {kind}", s.name),
                format!("type {}", scrape.type_of(&s.name).unwrap_or("not declared")),
            ));
        }
        if let Some(min) = s.min
            && sample.value < min
        {
            return Err(self.fail(
                probe,
                format!("{series} ≥ {min}"),
                format!("{series} = {}", sample.value),
            ));
        }
        if let Some(max) = s.max
            && sample.value > max
        {
            return Err(self.fail(
                probe,
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
                    probe,
                    format!("{series} to have grown since the scrape {since:?} (was {before})"),
                    format!(
                        "{series} = {}: the requests in between were not counted",
                        sample.value
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// `{k="v",…}` for a series' labels, or nothing when it has none.
fn label_text(s: &Series) -> String {
    if s.labels.is_empty() {
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
    }
}
