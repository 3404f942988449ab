//! A memory bound for the learner's code (Linux): while a check runs, the
//! resident memory of its processes is summed a few times a second, and the
//! check is stopped when it passes the bound. Go's own tools (the `go`
//! command, the compiler, the linker) do not count: only what was built
//! from the learner's code does.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Watches the process group led by `leader` until `stop` is set; when its
/// learner-built processes hold more than `limit` bytes, sets `over` and
/// calls `kill`.
pub(super) fn watch(
    leader: u32,
    limit: u64,
    stop: Arc<AtomicBool>,
    over: Arc<AtomicBool>,
    kill: impl Fn() + Send + 'static,
) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(200));
            if stop.load(Ordering::SeqCst) {
                break;
            }
            if resident(leader) > limit {
                over.store(true, Ordering::SeqCst);
                kill();
                break;
            }
        }
    });
}

/// Resident bytes of the processes in `group`, Go's tools left out.
fn resident(group: u32) -> u64 {
    // SAFETY: sysconf has no preconditions.
    let page = u64::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096);
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    let mut total = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // `pid (comm) state ppid pgrp …`: comm may hold spaces and parens.
        let Some(after) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        let pgrp = after
            .split_whitespace()
            .nth(2)
            .and_then(|f| f.parse::<u32>().ok());
        if pgrp != Some(group) || is_go_tool(pid) {
            continue;
        }
        let pages = std::fs::read_to_string(format!("/proc/{pid}/statm"))
            .ok()
            .and_then(|s| {
                s.split_whitespace()
                    .nth(1)
                    .and_then(|f| f.parse::<u64>().ok())
            })
            .unwrap_or(0);
        total += pages * page;
    }
    total
}

/// The `go` command and the tools under `pkg/tool` (compile, link, vet…).
fn is_go_tool(pid: u32) -> bool {
    let Ok(exe) = std::fs::read_link(format!("/proc/{pid}/exe")) else {
        return false;
    };
    let exe = exe.to_string_lossy();
    exe.contains("/pkg/tool/") || exe.ends_with("/bin/go") || exe.ends_with("/bin/gofmt")
}

#[cfg(test)]
mod tests {
    #[test]
    fn this_test_process_counts_and_a_missing_group_is_empty() {
        // SAFETY: getpgrp has no preconditions.
        let own = u32::try_from(unsafe { libc::getpgrp() }).unwrap();
        assert!(super::resident(own) > 0);
        assert_eq!(super::resident(u32::MAX - 1), 0);
    }
}
