//! `verify`'s reports: the text for people, JSON and JUnit for CI and
//! classroom autograding, and the one-line summary.

use std::fmt::Write as _;
use std::time::Duration;

use crate::course::{Course, Exercise};
use crate::grade::batch::Outcome;
use crate::term::{Paint, Style};

pub(super) fn summary_line(outcomes: &[Outcome], time: Duration) -> String {
    let passed = outcomes
        .iter()
        .filter(|o| matches!(&o.verdict, Ok(v) if v.passed()))
        .count();
    format!(
        "{passed}/{} exercises pass ({:.1}s)\n",
        outcomes.len(),
        time.as_secs_f64()
    )
}

pub(super) fn text(
    course: &Course,
    selected: &[&Exercise],
    outcomes: &[Outcome],
    time: Duration,
    style: Style,
) -> String {
    let mut s = String::new();
    let failing: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| !matches!(&o.verdict, Ok(v) if v.passed()))
        .collect();
    for o in &failing {
        let ex = selected[o.index];
        let what = match &o.verdict {
            Ok(v) => v.headline(),
            Err(e) => format!("could not be graded: {e}"),
        };
        let _ = writeln!(
            s,
            "{} {:<24} {} {}",
            style.paint(Paint::Fail, "✗"),
            ex.name,
            style.paint(Paint::Path, &ex.exercise_rel()),
            what
        );
    }
    if !failing.is_empty() {
        s.push('\n');
    }
    if failing.is_empty() {
        let _ = write!(
            s,
            "{}",
            style.paint(Paint::Pass, &format!("✓ {}", summary_line(outcomes, time)))
        );
        if selected.len() == course.exercises.len() && !course.final_message.is_empty() {
            let _ = writeln!(s);
        }
    } else {
        s.push_str(&summary_line(outcomes, time));
        if let Some(first) = failing.first() {
            let _ = writeln!(
                s,
                "Next: {}",
                crate::invoked::command(&format!("run {}", selected[first.index].name))
            );
        }
    }
    s
}

pub(super) fn json(
    course: &Course,
    selected: &[&Exercise],
    outcomes: &[Outcome],
    time: Duration,
) -> String {
    let exercises: Vec<serde_json::Value> = outcomes
        .iter()
        .map(|o| {
            let ex = selected[o.index];
            let (status, message) = match &o.verdict {
                Ok(v) if v.passed() => ("passed".to_string(), String::new()),
                Ok(v) => (
                    v.kind().to_string(),
                    crate::term::strip_ansi(&v.render(Style::PLAIN, true)),
                ),
                Err(e) => ("error".to_string(), e.clone()),
            };
            serde_json::json!({
                "name": ex.name,
                "dir": ex.exercise_rel(),
                "module": ex.module(),
                "mode": ex.mode.to_string(),
                "status": status,
                "passed": status == "passed",
                "duration_secs": (o.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
                "message": message,
            })
        })
        .collect();
    let passed = outcomes
        .iter()
        .filter(|o| matches!(&o.verdict, Ok(v) if v.passed()))
        .count();
    let doc = serde_json::json!({
        "format_version": 1,
        "course": course.root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        "total": outcomes.len(),
        "passed": passed,
        "failed": outcomes.len() - passed,
        "duration_secs": (time.as_secs_f64() * 1000.0).round() / 1000.0,
        "exercises": exercises,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("report serializes");
    s.push('\n');
    s
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn junit(selected: &[&Exercise], outcomes: &[Outcome], time: Duration) -> String {
    let mut modules: Vec<&str> = selected.iter().map(|e| e.module()).collect();
    modules.dedup();
    let count = |f: &dyn Fn(&Outcome) -> bool, m: Option<&str>| {
        outcomes
            .iter()
            .filter(|o| m.is_none_or(|m| selected[o.index].module() == m) && f(o))
            .count()
    };
    let is_fail = |o: &Outcome| matches!(&o.verdict, Ok(v) if !v.passed());
    let is_err = |o: &Outcome| o.verdict.is_err();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        "<testsuites name=\"backendlings\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3}\">",
        outcomes.len(),
        count(&is_fail, None),
        count(&is_err, None),
        time.as_secs_f64()
    );
    for m in modules {
        let in_mod: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| selected[o.index].module() == m)
            .collect();
        let t: f64 = in_mod.iter().map(|o| o.elapsed.as_secs_f64()).sum();
        let _ = writeln!(
            s,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" time=\"{t:.3}\">",
            xml_escape(m),
            in_mod.len(),
            count(&is_fail, Some(m)),
            count(&is_err, Some(m))
        );
        for o in in_mod {
            let ex = selected[o.index];
            let _ = write!(
                s,
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" time=\"{:.3}\"",
                xml_escape(&ex.name),
                xml_escape(m),
                xml_escape(&ex.exercise_rel()),
                o.elapsed.as_secs_f64()
            );
            match &o.verdict {
                Ok(v) if v.passed() => s.push_str("/>\n"),
                Ok(v) => {
                    let _ = writeln!(
                        s,
                        ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                        xml_escape(&v.headline()),
                        v.kind(),
                        xml_escape(&v.render(Style::PLAIN, true))
                    );
                }
                Err(e) => {
                    let _ = writeln!(
                        s,
                        ">\n      <error message=\"could not be graded\" type=\"error\">{}</error>\n    </testcase>",
                        xml_escape(e)
                    );
                }
            }
        }
        s.push_str("  </testsuite>\n");
    }
    s.push_str("</testsuites>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_control_characters() {
        assert_eq!(
            xml_escape("a<b & \"c\"\u{1b}[0m"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}[0m"
        );
    }
}
