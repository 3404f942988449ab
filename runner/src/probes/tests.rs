use super::*;

fn err(text: &str) -> String {
    parse("probes.toml", text).unwrap_err().to_string()
}

#[test]
fn parses_every_kind() {
    let f = parse(
        "probes.toml",
        r#"
[server]
env = { GREETING = "hi" }

[[probe]]
name = "health"
path = "/health"
status = 200
expect_json = { status = "ok" }

[[probe]]
name = "limit"
kind = "burst"
path = "/"
count = 10
statuses = { "200" = 5, "429" = "5..5" }
headers_on = { "429" = ["Retry-After"] }

[[probe]]
name = "scrape"
kind = "metrics"
path = "/metrics"
save_as = "before"

[[probe]]
name = "scrape again"
kind = "metrics"
path = "/metrics"
series = [{ name = "http_requests_total", increased_since = "before" }]

[[probe]]
name = "wait"
kind = "pause"
ms = 100

[[probe]]
name = "stop"
kind = "shutdown"
path = "/slow?ms=800"
status = 200

[[probe]]
name = "logs"
kind = "logs"
all_json = true
"#,
    )
    .unwrap();
    assert_eq!(f.probes.len(), 7);
    assert_eq!(f.probes[1].statuses["429"].bounds(), Ok((5, 5)));
}

#[test]
fn unknown_fields_have_a_position() {
    let e = err("[[probe]]\nname = \"x\"\npath = \"/\"\nstatsu = 200\n");
    assert!(
        e.starts_with("probes.toml:4:1: unknown field `statsu`"),
        "{e}"
    );
}

#[test]
fn fields_must_fit_the_kind() {
    let e = err("[[probe]]\nname = \"x\"\nkind = \"pause\"\nms = 5\nstatus = 200\n");
    assert!(
        e.contains("status does not apply to kind = \"pause\""),
        "{e}"
    );
}

#[test]
fn urls_are_refused() {
    let e = err("[[probe]]\nname = \"x\"\npath = \"http://example.com/\"\n");
    assert!(e.contains("must start with /"), "{e}");
}

#[test]
fn bursts_need_counts() {
    assert!(
        err(
            "[[probe]]\nname = \"b\"\nkind = \"burst\"\npath = \"/\"\nstatuses = { \"200\" = 1 }\n"
        )
        .contains("needs count")
    );
    assert!(err("[[probe]]\nname = \"b\"\nkind = \"burst\"\npath = \"/\"\ncount = 3\nstatuses = { \"200\" = \"lots\" }\n").contains("not a count"));
}

#[test]
fn only_logs_after_shutdown() {
    let e = err(
        "[[probe]]\nname = \"s\"\nkind = \"shutdown\"\npath = \"/slow\"\n\n[[probe]]\nname = \"h\"\npath = \"/\"\n",
    );
    assert!(e.contains("after the shutdown probe"), "{e}");
}

#[test]
fn increased_since_needs_a_saved_scrape() {
    let e = err(
        "[[probe]]\nname = \"m\"\nkind = \"metrics\"\npath = \"/metrics\"\nseries = [{ name = \"x\", increased_since = \"nope\" }]\n",
    );
    assert!(e.contains("no earlier metrics probe has save_as"), "{e}");
}

#[test]
fn count_specs() {
    assert_eq!(CountSpec::Text(">=2".into()).bounds(), Ok((2, u32::MAX)));
    assert_eq!(CountSpec::Text("<=3".into()).bounds(), Ok((0, 3)));
    assert_eq!(CountSpec::Text("2..4".into()).bounds(), Ok((2, 4)));
    assert!(CountSpec::Text("4..2".into()).bounds().is_err());
    assert_eq!(CountSpec::Exact(3).describe(), "3");
    assert_eq!(CountSpec::Text(">=1".into()).describe(), "at least 1");
}
