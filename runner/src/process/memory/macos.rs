//! macOS: the processes of a process group and their resident memory, from
//! libproc.

use std::ffi::c_int;

use libc::pid_t;

/// Resident bytes of the processes in `group`, Go's tools left out.
pub(in crate::process) fn resident(group: u32) -> u64 {
    let Ok(group) = pid_t::try_from(group) else {
        return 0;
    };
    group_pids(group)
        .into_iter()
        .filter(|&pid| !is_go_tool(pid))
        .map(resident_size)
        .sum()
}

/// The pids of the processes in `group`.
fn group_pids(group: pid_t) -> Vec<pid_t> {
    // SAFETY: with no buffer, libproc only says how many pids there may be
    // (an estimate over every process, so more than the group holds).
    let room = unsafe { libc::proc_listpgrppids(group, std::ptr::null_mut(), 0) };
    let Ok(room) = usize::try_from(room) else {
        return Vec::new();
    };
    // Room for processes started between the two calls.
    let mut pids: Vec<pid_t> = vec![0; room + 64];
    let bytes = c_int::try_from(std::mem::size_of_val(pids.as_slice())).unwrap_or(c_int::MAX);
    // SAFETY: the buffer holds `bytes` bytes; libproc writes at most that.
    let got = unsafe { libc::proc_listpgrppids(group, pids.as_mut_ptr().cast(), bytes) };
    pids.truncate(usize::try_from(got).unwrap_or(0));
    pids.retain(|&p| p > 0);
    pids
}

/// The resident size of one process, 0 when it cannot be read (it has
/// ended, say).
fn resident_size(pid: pid_t) -> u64 {
    // SAFETY: proc_taskinfo is plain data; zeroed is a valid value.
    let mut info: libc::proc_taskinfo = unsafe { std::mem::zeroed() };
    let size = c_int::try_from(std::mem::size_of::<libc::proc_taskinfo>()).unwrap_or(0);
    // SAFETY: the buffer is a proc_taskinfo of `size` bytes, the size
    // PROC_PIDTASKINFO fills.
    let n =
        unsafe { libc::proc_pidinfo(pid, libc::PROC_PIDTASKINFO, 0, (&raw mut info).cast(), size) };
    if n == size { info.pti_resident_size } else { 0 }
}

/// Whether the process runs one of Go's tools ([`super::is_go_tool`]).
fn is_go_tool(pid: pid_t) -> bool {
    let mut path = vec![0u8; libc::PROC_PIDPATHINFO_MAXSIZE as usize];
    let room = u32::try_from(path.len()).unwrap_or(0);
    // SAFETY: the buffer holds `room` bytes; proc_pidpath writes at most
    // that and returns the length of the path.
    let n = unsafe { libc::proc_pidpath(pid, path.as_mut_ptr().cast(), room) };
    let Ok(n) = usize::try_from(n) else {
        return false;
    };
    path.truncate(n);
    n > 0 && super::is_go_tool(&String::from_utf8_lossy(&path))
}

#[cfg(test)]
mod tests {
    #[test]
    fn this_test_process_counts_and_a_missing_group_is_empty() {
        // SAFETY: getpgrp has no preconditions.
        let own = u32::try_from(unsafe { libc::getpgrp() }).unwrap();
        assert!(super::resident(own) > 0);
        // Above the highest pid macOS hands out.
        assert_eq!(super::resident(i32::MAX as u32 - 1), 0);
    }

    #[test]
    fn the_test_process_is_not_a_go_tool() {
        // SAFETY: getpid has no preconditions.
        assert!(!super::is_go_tool(unsafe { libc::getpid() }));
    }
}
