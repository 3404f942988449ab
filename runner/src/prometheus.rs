//! The Prometheus text exposition format, parsed strictly enough to tell a
//! learner which line is wrong.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub value: f64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scrape {
    pub samples: Vec<Sample>,
    /// Metric name → type from `# TYPE` lines.
    pub types: BTreeMap<String, String>,
}

impl Scrape {
    /// Samples of `name` whose labels include all of `labels`.
    pub fn find<'a>(
        &'a self,
        name: &'a str,
        labels: &'a BTreeMap<String, String>,
    ) -> impl Iterator<Item = &'a Sample> + 'a {
        self.samples.iter().filter(move |s| {
            s.name == name && labels.iter().all(|(k, v)| s.labels.get(k) == Some(v))
        })
    }

    /// The declared type of a sample name (histogram and summary samples
    /// carry suffixes).
    pub fn type_of(&self, name: &str) -> Option<&str> {
        if let Some(t) = self.types.get(name) {
            return Some(t);
        }
        for suffix in ["_bucket", "_sum", "_count"] {
            if let Some(base) = name.strip_suffix(suffix)
                && let Some(t) = self.types.get(base)
            {
                return Some(t);
            }
        }
        None
    }
}

fn valid_name(n: &str) -> bool {
    let mut chars = n.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

fn parse_value(v: &str) -> Option<f64> {
    match v {
        "+Inf" | "Inf" => Some(f64::INFINITY),
        "-Inf" => Some(f64::NEG_INFINITY),
        "NaN" => Some(f64::NAN),
        _ => v.parse().ok(),
    }
}

/// Parses a scrape; an error names the line and what is wrong with it.
pub fn parse(text: &str) -> Result<Scrape, String> {
    let mut scrape = Scrape::default();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            if let Some((name, kind)) = type_line(n, raw, rest)? {
                scrape.types.insert(name.to_string(), kind.to_string());
            }
            continue;
        }
        scrape.samples.push(sample(n, raw, line)?);
    }
    Ok(scrape)
}

/// The characters of a sample's label text, read one by one.
type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// A comment (after its `#`): the metric name and type of a `# TYPE` line,
/// nothing for any other comment.
fn type_line<'a>(n: usize, raw: &str, rest: &'a str) -> Result<Option<(&'a str, &'a str)>, String> {
    let mut parts = rest.split_whitespace();
    if parts.next() != Some("TYPE") {
        return Ok(None);
    }
    let (Some(name), Some(kind)) = (parts.next(), parts.next()) else {
        return Err(format!(
            "line {n}: `# TYPE` needs a metric name and a type: {raw:?}"
        ));
    };
    if !matches!(
        kind,
        "counter" | "gauge" | "histogram" | "summary" | "untyped"
    ) {
        return Err(format!("line {n}: unknown metric type {kind:?}"));
    }
    Ok(Some((name, kind)))
}

/// A sample line: a name, labels if any, a value and maybe a timestamp.
fn sample(n: usize, raw: &str, line: &str) -> Result<Sample, String> {
    let (name, rest) = match line.find(['{', ' ', '\t']) {
        Some(p) => (&line[..p], &line[p..]),
        None => return Err(format!("line {n}: a sample needs a value: {raw:?}")),
    };
    if !valid_name(name) {
        return Err(format!("line {n}: {name:?} is not a valid metric name"));
    }
    let (labels, rest) = match rest.strip_prefix('{') {
        Some(after) => labels(n, raw, after)?,
        None => (BTreeMap::new(), rest),
    };
    let mut fields = rest.split_whitespace();
    let Some(v) = fields.next() else {
        return Err(format!("line {n}: a sample needs a value: {raw:?}"));
    };
    let Some(value) = parse_value(v) else {
        return Err(format!("line {n}: {v:?} is not a number"));
    };
    if let Some(ts) = fields.next()
        && ts.parse::<i64>().is_err()
    {
        return Err(format!("line {n}: {ts:?} is not a timestamp"));
    }
    Ok(Sample {
        name: name.to_string(),
        labels,
        value,
    })
}

/// The labels of a sample, from just after its `{`: the labels and the
/// text after the closing `}`.
fn labels<'a>(
    n: usize,
    raw: &str,
    after: &'a str,
) -> Result<(BTreeMap<String, String>, &'a str), String> {
    let mut labels = BTreeMap::new();
    let mut chars = after.char_indices().peekable();
    let mut end = None;
    loop {
        // skip spaces and commas
        while let Some((_, c)) = chars.peek() {
            if *c == ',' || *c == ' ' {
                chars.next();
            } else {
                break;
            }
        }
        match chars.peek() {
            Some((p, '}')) => {
                end = Some(*p);
                break;
            }
            None => break,
            _ => {}
        }
        let key = label_name(n, raw, &mut chars)?;
        let value = label_value(n, raw, &mut chars)?;
        labels.insert(key, value);
    }
    let Some(end) = end else {
        return Err(format!("line {n}: labels are not closed with }}: {raw:?}"));
    };
    Ok((labels, &after[end + 1..]))
}

/// A label's name and the `="` after it.
fn label_name(n: usize, raw: &str, chars: &mut Chars<'_>) -> Result<String, String> {
    let mut key = String::new();
    while let Some((_, c)) = chars.peek() {
        if *c == '=' {
            break;
        }
        key.push(*c);
        chars.next();
    }
    if chars.next().map(|x| x.1) != Some('=') || chars.next().map(|x| x.1) != Some('"') {
        return Err(format!(
            "line {n}: labels must look like name=\"value\": {raw:?}"
        ));
    }
    let key = key.trim().to_string();
    if !valid_name(&key) {
        return Err(format!("line {n}: {key:?} is not a valid label name"));
    }
    Ok(key)
}

/// A label's value up to its closing `"`, escapes undone.
fn label_value(n: usize, raw: &str, chars: &mut Chars<'_>) -> Result<String, String> {
    let mut value = String::new();
    let mut closed = false;
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' => match chars.next().map(|x| x.1) {
                Some('n') => value.push('\n'),
                Some(e) => value.push(e),
                None => break,
            },
            '"' => {
                closed = true;
                break;
            }
            c => value.push(c),
        }
    }
    if !closed {
        return Err(format!(
            "line {n}: a label value is not closed with \": {raw:?}"
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_samples_types_and_labels() {
        let s = parse(
            "# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\nhttp_requests_total{method=\"GET\",path=\"/a\\\"b\"} 3\nup 1 1700000000\nlatency_bucket{le=\"+Inf\"} 4\n",
        )
        .unwrap();
        assert_eq!(s.samples.len(), 3);
        assert_eq!(s.samples[0].labels["path"], "/a\"b");
        assert_eq!(s.type_of("http_requests_total"), Some("counter"));
        let want: BTreeMap<String, String> = [("method".to_string(), "GET".to_string())].into();
        assert_eq!(s.find("http_requests_total", &want).count(), 1);
    }

    #[test]
    fn names_the_bad_line() {
        assert!(
            parse("ok 1\nbad-name 2\n")
                .unwrap_err()
                .starts_with("line 2:")
        );
        assert!(parse("x{a=\"1\" 2\n").is_err());
        assert!(parse("x one\n").unwrap_err().contains("not a number"));
        assert!(
            parse("# TYPE x thing\n")
                .unwrap_err()
                .contains("unknown metric type")
        );
    }
}
