//! Server mode on fixture servers: one that passes every kind of probe, and
//! one for each way a server goes wrong. Each gives its verdict and leaves
//! no process behind.

use crate::harness::{Course, leftovers};

fn course() -> Course {
    Course::fixture("servers")
}

fn check(name: &str, code: i32, needles: &[&str]) {
    let c = course();
    let r = c.run(&["run", name]);
    r.expect_code(code);
    for n in needles {
        r.expect_stdout(n);
    }
    let left = leftovers(r.pid);
    assert!(left.is_empty(), "{name} left processes behind: {left:?}");
}

#[test]
fn a_correct_server_passes_every_kind_of_probe() {
    check("ok", 0, &["✓ passed (11 probes)"]);
}

#[test]
fn a_server_that_never_listens_did_not_start() {
    check(
        "never_listens",
        1,
        &[
            "✗ server did not start",
            "did not accept connections on 127.0.0.1:",
        ],
    );
}

#[test]
fn a_server_on_a_hard_coded_port_is_told_to_read_the_environment() {
    check(
        "wrong_port",
        1,
        &[
            "✗ server did not start",
            "It listens on port 47811, but the runner gave it PORT=",
        ],
    );
}

#[test]
fn a_server_that_exits_at_start_shows_why() {
    check(
        "exits",
        1,
        &[
            "The program exited with code 1 before accepting connections",
            "config: DATABASE_URL is required",
        ],
    );
}

#[test]
fn a_server_that_crashes_on_a_request_shows_the_panic() {
    check(
        "crashes_on_request",
        1,
        &[
            "health answers ok",
            "the server exited with code 2",
            "panic: assignment to entry in nil map",
            "exercises/01_servers/05_crashes_on_request/main.go:32",
        ],
    );
}

#[test]
fn a_server_that_ignores_sigterm_fails_the_shutdown_probe() {
    check(
        "ignores_sigterm",
        1,
        &["graceful shutdown", "new connections were still accepted"],
    );
}

#[test]
fn a_server_that_drops_the_request_in_flight_fails_the_shutdown_probe() {
    check(
        "drops_inflight",
        1,
        &[
            "graceful shutdown",
            "the request in flight when SIGTERM arrived to complete with status 200",
            "it was dropped",
        ],
    );
}

#[test]
fn a_wrong_status_is_shown_with_the_body() {
    check(
        "wrong_status",
        1,
        &["expected: status 200", "got:      status 202, body"],
    );
}

#[test]
fn a_rate_limiter_that_lets_the_burst_through_fails_the_burst_probe() {
    check(
        "no_limit",
        1,
        &[
            "a burst is rate limited",
            "expected: of 8 requests sent at once, 200: 3, 429: 5",
            "got:      200: 8",
        ],
    );
}

#[test]
fn a_malformed_probes_file_is_one_sentence_with_its_position() {
    let c = course();
    let p = "solutions/01_servers/01_ok/probes.toml";
    c.write(p, &c.read(p).replacen("status = 200", "stauts = 200", 1));
    let r = c.run(&["run", "ok"]);
    r.expect_code(3)
        .expect_stderr("solutions/01_servers/01_ok/probes.toml:4:1: unknown field `stauts`");
}
