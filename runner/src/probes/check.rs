//! The rules a probe must follow beyond its types: the fields its kind
//! uses and no others, a path and not a URL, and what each kind needs.
//! Each rule returns the sentence [`super::parse`] puts after the probe's
//! name and position.

use super::{Kind, Probe};

/// Checks one probe; `saved` holds the `save_as` names of the metrics
/// probes before it, and `after_shutdown` says a shutdown probe came first.
pub(super) fn probe(
    p: &Probe,
    saved: &mut Vec<String>,
    after_shutdown: bool,
) -> Result<(), String> {
    if p.name().trim().is_empty() {
        return Err("give the probe a name".into());
    }
    fields_fit_kind(p)?;
    request_fields(p)?;
    if after_shutdown && !matches!(p.kind, Kind::Logs) {
        return Err("comes after the shutdown probe, when the server is gone: only logs probes may follow it".into());
    }
    match p.kind {
        Kind::Request | Kind::Shutdown if p.path.is_none() => Err("needs a path".into()),
        Kind::Burst => burst(p),
        Kind::Logs => logs(p),
        Kind::Metrics => metrics(p, saved),
        Kind::Pause if p.ms.is_none_or(|ms| ms > 60_000) => Err("needs ms, at most 60000".into()),
        _ => Ok(()),
    }
}

/// A field given that the probe's kind does not use, as an error.
fn set(p: &Probe, present: bool, field: &str, allowed: bool) -> Result<(), String> {
    if present && !allowed {
        return Err(format!("{field} does not apply to kind = \"{}\"", p.kind));
    }
    Ok(())
}

/// Which fields each kind uses.
fn fields_fit_kind(p: &Probe) -> Result<(), String> {
    let uses_request = matches!(
        p.kind,
        Kind::Request | Kind::Burst | Kind::Shutdown | Kind::Metrics
    );
    set(p, p.method.is_some(), "method", uses_request)?;
    set(p, p.path.is_some(), "path", uses_request)?;
    set(p, !p.headers.is_empty(), "headers", uses_request)?;
    set(p, p.body.is_some(), "body", uses_request)?;
    set(p, p.json.is_some(), "json", uses_request)?;
    set(p, p.timeout_ms.is_some(), "timeout_ms", uses_request)?;
    set(p, !p.capture.is_empty(), "capture", p.kind == Kind::Request)?;
    answer_fields_fit_kind(p)?;
    set(p, p.count.is_some(), "count", p.kind == Kind::Burst)?;
    set(p, !p.statuses.is_empty(), "statuses", p.kind == Kind::Burst)?;
    set(
        p,
        !p.headers_on.is_empty(),
        "headers_on",
        p.kind == Kind::Burst,
    )?;
    let sd = p.kind == Kind::Shutdown;
    set(p, p.signal_after_ms.is_some(), "signal_after_ms", sd)?;
    set(p, p.exit_within_ms.is_some(), "exit_within_ms", sd)?;
    set(p, p.exit_code.is_some(), "exit_code", sd)?;
    set(p, p.refuse_within_ms.is_some(), "refuse_within_ms", sd)?;
    let logs = p.kind == Kind::Logs;
    set(p, p.stream.is_some(), "stream", logs)?;
    set(p, p.all_json, "all_json", logs)?;
    set(p, !p.has_fields.is_empty(), "has_fields", logs)?;
    set(p, p.min_lines.is_some(), "min_lines", logs)?;
    let metrics = p.kind == Kind::Metrics;
    set(p, !p.series.is_empty(), "series", metrics)?;
    set(p, p.save_as.is_some(), "save_as", metrics)?;
    set(p, p.ms.is_some(), "ms", p.kind == Kind::Pause)
}

/// The fields of what must come back: request and shutdown probes (and
/// `expect_json` in logs probes).
fn answer_fields_fit_kind(p: &Probe) -> Result<(), String> {
    let answers = matches!(p.kind, Kind::Request | Kind::Shutdown);
    set(p, p.status.is_some(), "status", answers)?;
    set(p, !p.expect_headers.is_empty(), "expect_headers", answers)?;
    let present = !p.expect_headers_present.is_empty();
    set(p, present, "expect_headers_present", answers)?;
    let absent = !p.expect_headers_absent.is_empty();
    set(p, absent, "expect_headers_absent", answers)?;
    let json_ok = answers || p.kind == Kind::Logs;
    set(p, p.expect_json.is_some(), "expect_json", json_ok)?;
    set(p, p.expect_body.is_some(), "expect_body", answers)?;
    set(p, !p.body_contains.is_empty(), "body_contains", answers)?;
    set(
        p,
        !p.body_not_contains.is_empty(),
        "body_not_contains",
        answers,
    )
}

/// The request's fields: one body, a path, an HTTP method.
fn request_fields(p: &Probe) -> Result<(), String> {
    if p.body.is_some() && p.json.is_some() {
        return Err("give body or json, not both".into());
    }
    if let Some(path) = &p.path
        && !path.starts_with('/')
    {
        // Probes only ever go to the server on loopback: a path, never a URL.
        return Err(format!(
            "path {path:?} must start with / (probes only talk to the server under test)"
        ));
    }
    if let Some(m) = &p.method
        && (m.is_empty() || !m.chars().all(|c| c.is_ascii_alphabetic()))
    {
        return Err(format!("method {m:?} is not an HTTP method"));
    }
    Ok(())
}

/// A burst needs a path, a count and valid statuses.
fn burst(p: &Probe) -> Result<(), String> {
    if p.path.is_none() {
        return Err("needs a path".into());
    }
    match p.count {
        Some(n) if (1..=1000).contains(&n) => {}
        _ => return Err("needs count, between 1 and 1000".into()),
    }
    if p.statuses.is_empty() {
        return Err("needs statuses, for example { \"200\" = 5, \"429\" = 15 }".into());
    }
    for (status, spec) in &p.statuses {
        if status.parse::<u16>().is_err() {
            return Err(format!("statuses: {status:?} is not a status code"));
        }
        spec.bounds()
            .map_err(|m| format!("statuses.{status}: {m}"))?;
    }
    Ok(())
}

/// A logs probe needs something to check, on a stream that exists.
fn logs(p: &Probe) -> Result<(), String> {
    if !p.all_json && p.has_fields.is_empty() && p.expect_json.is_none() {
        return Err("needs all_json, has_fields or expect_json".into());
    }
    if let Some(s) = &p.stream
        && !matches!(s.as_str(), "stdout" | "stderr" | "both")
    {
        return Err(format!(
            "stream {s:?}: use \"stdout\", \"stderr\" or \"both\""
        ));
    }
    Ok(())
}

/// A metrics probe needs series or `save_as`; `increased_since` names an
/// earlier `save_as`, and `type` is a Prometheus type.
fn metrics(p: &Probe, saved: &mut Vec<String>) -> Result<(), String> {
    if p.series.is_empty() && p.save_as.is_none() {
        return Err("needs series or save_as".into());
    }
    for s in &p.series {
        if let Some(since) = &s.increased_since
            && !saved.contains(since)
        {
            return Err(format!(
                "series {}: increased_since = {since:?}, but no earlier metrics probe has save_as = {since:?}",
                s.name
            ));
        }
        if let Some(k) = &s.kind
            && !matches!(
                k.as_str(),
                "counter" | "gauge" | "histogram" | "summary" | "untyped"
            )
        {
            return Err(format!(
                "series {}: type {k:?} is not a Prometheus metric type",
                s.name
            ));
        }
    }
    if let Some(name) = &p.save_as {
        saved.push(name.clone());
    }
    Ok(())
}
