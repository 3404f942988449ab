//! The Windows process layer: every child in a new process group (so that
//! CTRL_BREAK reaches it alone) and in a Job Object of its own with
//! kill-on-close, so that its whole tree dies when the check ends, times
//! out, is cancelled, or when the runner itself dies (the last handle of the
//! job closes with it).

use std::ffi::{OsStr, OsString};
use std::os::windows::io::AsRawHandle;
use std::os::windows::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, ExitStatus};

use anyhow::Result;
use windows_sys::Win32::Foundation::{CloseHandle, HANDLE, STILL_ACTIVE};
use windows_sys::Win32::System::Console::{CTRL_BREAK_EVENT, GenerateConsoleCtrlEvent};
use windows_sys::Win32::System::JobObjects::{
    AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectExtendedLimitInformation,
    SetInformationJobObject, TerminateJobObject,
};
use windows_sys::Win32::System::Threading::{
    CREATE_NEW_PROCESS_GROUP, GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
};

/// Windows has no guard: the Job Object does its work.
pub(super) fn wrap(program: &OsStr, args: &[OsString]) -> Result<(OsString, Vec<OsString>)> {
    Ok((program.to_owned(), args.to_vec()))
}

/// A new process group, so that Ctrl-Break can be sent to the child alone;
/// the child shares the runner's console (Ctrl-Break travels through it).
pub(super) fn configure(command: &mut Command) {
    command.creation_flags(CREATE_NEW_PROCESS_GROUP);
}

/// A Job Object holding one check's processes.
#[derive(Debug)]
pub(super) struct Tree {
    pid: u32,
    /// The job's handle, as an integer so that the tree can be shared
    /// between threads; 0 when no job could be made.
    job: isize,
}

impl Tree {
    pub(super) fn new(child: &Child, _token: &str) -> Tree {
        // SAFETY: plain Win32 calls on handles we own; the info struct is
        // zeroed and then filled as the API documents.
        let job = unsafe {
            let job = CreateJobObjectW(std::ptr::null(), std::ptr::null());
            if !job.is_null() {
                let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
                info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
                SetInformationJobObject(
                    job,
                    JobObjectExtendedLimitInformation,
                    (&raw const info).cast(),
                    std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
                );
                AssignProcessToJobObject(job, child.as_raw_handle() as HANDLE);
            }
            job as isize
        };
        Tree {
            pid: child.id(),
            job,
        }
    }

    pub(super) fn reaped(&self) {}

    pub(super) fn kill(&self) {
        if self.job != 0 {
            // SAFETY: the job handle is ours until drop.
            unsafe {
                TerminateJobObject(self.job as HANDLE, 1);
            }
        }
    }

    /// CTRL_BREAK to the child's process group; Go turns it into
    /// `os.Interrupt`.
    pub(super) fn terminate(&self) {
        // SAFETY: a console control event to a process group we created.
        unsafe {
            GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, self.pid);
        }
    }

    /// The pid of the first process.
    pub(super) fn id(&self) -> u32 {
        self.pid
    }

    pub(super) fn pids(&self) -> Vec<u32> {
        vec![self.pid]
    }

    /// Working-set bytes of the job's processes, Go's tools left out.
    pub(super) fn resident(&self) -> u64 {
        super::memory::resident(self.job)
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        if self.job != 0 {
            // SAFETY: closing our own handle once; kill-on-close ends what is
            // left in the job.
            unsafe {
                CloseHandle(self.job as HANDLE);
            }
        }
    }
}

pub(crate) fn exit_signal(_status: ExitStatus) -> Option<i32> {
    None
}

pub(super) fn killed_status() -> ExitStatus {
    ExitStatus::from_raw(1)
}

/// Whether a process with this pid is still running.
pub(crate) fn pid_alive(pid: u32) -> bool {
    // SAFETY: OpenProcess/GetExitCodeProcess/CloseHandle on a handle we open.
    unsafe {
        let h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if h.is_null() {
            return false;
        }
        let mut code = 0u32;
        let ok = GetExitCodeProcess(h, &mut code) != 0;
        CloseHandle(h);
        ok && code == STILL_ACTIVE as u32
    }
}

/// Nothing to sweep: a dead runner's jobs closed with it.
pub(crate) fn sweep_abandoned() {}
