//! Windows: the processes of a check's Job Object and their working sets.
//!
//! The bound is enforced by polling, as on the other OSes, rather than with
//! a Job Object memory limit (`JOB_OBJECT_LIMIT_JOB_MEMORY`): that limit
//! counts every process of the job, Go's compiler and linker included, and
//! it makes the program's allocations fail (Go then dies with its own "out
//! of memory" report) instead of letting the runner stop the check and say
//! why. Polling keeps the same rule and the same sentence on every OS.

use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
use windows_sys::Win32::System::JobObjects::{
    JobObjectBasicProcessIdList, QueryInformationJobObject,
};
use windows_sys::Win32::System::ProcessStatus::{K32GetProcessMemoryInfo, PROCESS_MEMORY_COUNTERS};
use windows_sys::Win32::System::Threading::{
    OpenProcess, PROCESS_NAME_WIN32, PROCESS_QUERY_LIMITED_INFORMATION, PROCESS_VM_READ,
    QueryFullProcessImageNameW,
};

/// The most processes of a job read at once; the rest of a check that
/// starts more are not counted (its timeout still stops it).
const MAX_PIDS: usize = 4096;

/// `JOBOBJECT_BASIC_PROCESS_ID_LIST` with room for [`MAX_PIDS`] ids.
#[repr(C)]
struct PidList {
    _assigned: u32,
    listed: u32,
    ids: [usize; MAX_PIDS],
}

/// Working-set bytes of the processes in the Job Object `job` (a handle, as
/// an integer), Go's tools left out.
pub(in crate::process) fn resident(job: isize) -> u64 {
    if job == 0 {
        return 0;
    }
    let mut list = Box::new(PidList {
        _assigned: 0,
        listed: 0,
        ids: [0; MAX_PIDS],
    });
    // SAFETY: the buffer is laid out as JOBOBJECT_BASIC_PROCESS_ID_LIST and
    // its size is given; when it is too small, the call fills what fits and
    // says how many it listed.
    unsafe {
        QueryInformationJobObject(
            job as HANDLE,
            JobObjectBasicProcessIdList,
            (&raw mut *list).cast(),
            std::mem::size_of::<PidList>() as u32,
            std::ptr::null_mut(),
        );
    }
    let listed = (list.listed as usize).min(MAX_PIDS);
    list.ids[..listed]
        .iter()
        .filter_map(|&pid| u32::try_from(pid).ok())
        .map(process_resident)
        .sum()
}

/// The working set of one process, 0 when it is one of Go's tools or
/// cannot be read (it has ended, say).
fn process_resident(pid: u32) -> u64 {
    // SAFETY: a handle opened here, only read through, and closed here.
    unsafe {
        let h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ, 0, pid);
        if h.is_null() {
            return 0;
        }
        let bytes = if is_go_tool(h) { 0 } else { working_set(h) };
        CloseHandle(h);
        bytes
    }
}

/// The working set of the process `h`.
///
/// # Safety
/// `h` is an open process handle with `PROCESS_QUERY_LIMITED_INFORMATION`.
unsafe fn working_set(h: HANDLE) -> u64 {
    // SAFETY: PROCESS_MEMORY_COUNTERS is plain data; zeroed is valid.
    let mut counters: PROCESS_MEMORY_COUNTERS = unsafe { std::mem::zeroed() };
    let size = std::mem::size_of::<PROCESS_MEMORY_COUNTERS>() as u32;
    counters.cb = size;
    // SAFETY: `h` is open (the caller's promise); the counters are ours.
    if unsafe { K32GetProcessMemoryInfo(h, &mut counters, size) } == 0 {
        return 0;
    }
    counters.WorkingSetSize as u64
}

/// Whether the process `h` runs one of Go's tools ([`super::is_go_tool`]).
///
/// # Safety
/// `h` is an open process handle with `PROCESS_QUERY_LIMITED_INFORMATION`.
unsafe fn is_go_tool(h: HANDLE) -> bool {
    let mut path = vec![0u16; 4096];
    let mut len = path.len() as u32;
    // SAFETY: `h` is open (the caller's promise); the buffer holds `len`
    // characters and the call writes at most that.
    let ok =
        unsafe { QueryFullProcessImageNameW(h, PROCESS_NAME_WIN32, path.as_mut_ptr(), &mut len) };
    ok != 0 && super::is_go_tool(&String::from_utf16_lossy(&path[..len as usize]))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use windows_sys::Win32::Foundation::CloseHandle;
    use windows_sys::Win32::System::JobObjects::CreateJobObjectW;

    use crate::process::{Cmd, Ended};

    #[test]
    fn a_checks_processes_count_and_an_empty_job_is_empty() {
        let running = Cmd::new("cmd")
            .args(["/c", "ping -n 30 127.0.0.1 >nul"])
            .timeout(Duration::from_secs(60))
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = running.tree.resident();
        while seen == 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            seen = running.tree.resident();
        }
        running.finish(Ended::Stopped);
        assert!(seen > 0);

        // SAFETY: a new job with no process, closed below.
        let job = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
        assert!(!job.is_null());
        assert_eq!(super::resident(job as isize), 0);
        // SAFETY: the handle made above, closed once.
        unsafe { CloseHandle(job) };
    }
}
