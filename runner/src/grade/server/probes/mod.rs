//! The probe kinds, one file each, and [`Session::run`], which sends a
//! probe to the file of its kind. `pause` is only a wait and lives here.

mod burst;
mod logs;
mod metrics;
mod request;
mod shutdown;

use std::time::Duration;

use super::session::Session;
use crate::probes::{Kind, Probe};
use crate::verdict::ProbeFailure;

impl Session<'_> {
    /// Runs one probe; its failure, if it fails.
    pub(in crate::grade::server) async fn run(&mut self, p: &Probe) -> Result<(), ProbeFailure> {
        match p.kind {
            Kind::Request => self.request(p).await,
            Kind::Burst => self.burst(p).await,
            Kind::Shutdown => self.shutdown(p).await.map_err(shutdown::on_this_os),
            Kind::Logs => self.logs(p),
            Kind::Metrics => self.metrics(p).await,
            Kind::Pause => {
                tokio::time::sleep(Duration::from_millis(p.ms.unwrap_or(0))).await;
                Ok(())
            }
        }
    }
}
