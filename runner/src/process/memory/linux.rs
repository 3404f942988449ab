//! Linux: the processes of a process group and their resident memory, from
//! `/proc`.

/// Resident bytes of the processes in `group`, Go's tools left out.
pub(in crate::process) fn resident(group: u32) -> u64 {
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

/// Whether the process runs one of Go's tools ([`super::is_go_tool`]).
fn is_go_tool(pid: u32) -> bool {
    std::fs::read_link(format!("/proc/{pid}/exe"))
        .is_ok_and(|exe| super::is_go_tool(&exe.to_string_lossy()))
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
