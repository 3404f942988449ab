//! A memory bound for the learner's code: while a check runs, the resident
//! memory of its processes is summed a few times a second, and the check is
//! stopped when it passes the bound. Go's own tools (the `go` command, the
//! compiler, the linker, vet, gofmt) do not count: only what was built from
//! the learner's code does ([`is_go_tool`], the same rule on every OS).
//!
//! Which processes belong to a check, and how much of memory each holds,
//! is the OS's part:
//!
//! - Linux ([`linux`]): the check's process group, from `/proc/PID/stat`;
//!   resident pages from `/proc/PID/statm`; the executable from
//!   `/proc/PID/exe`.
//! - macOS ([`macos`]): the check's process group, from libproc
//!   (`proc_listpgrppids`); the resident size from `proc_pidinfo`
//!   (`PROC_PIDTASKINFO`); the executable from `proc_pidpath`.
//! - Windows ([`windows`]): the processes of the check's Job Object
//!   (`JobObjectBasicProcessIdList`); each one's working set; the executable
//!   from `QueryFullProcessImageNameW`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
pub(super) use linux::resident;
#[cfg(target_os = "macos")]
mod macos;
#[cfg(target_os = "macos")]
pub(super) use macos::resident;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub(super) use windows::resident;

/// Calls `measure` every 200 ms until `stop` is set; when it returns more
/// than `limit` bytes, sets `over` and calls `kill`.
pub(super) fn watch(
    measure: impl Fn() -> u64 + Send + 'static,
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
            if measure() > limit {
                over.store(true, Ordering::SeqCst);
                kill();
                break;
            }
        }
    });
}

/// Whether the executable at `exe` is one of Go's tools: the `go` command,
/// `gofmt`, or a tool under `pkg/tool` (compile, link, vet…). Windows paths
/// (backslashes, `.exe`) are read the same way.
pub(super) fn is_go_tool(exe: &str) -> bool {
    let exe = exe.replace('\\', "/");
    let exe = exe
        .strip_suffix(".exe")
        .or_else(|| exe.strip_suffix(".EXE"))
        .unwrap_or(&exe);
    exe.contains("/pkg/tool/") || exe.ends_with("/bin/go") || exe.ends_with("/bin/gofmt")
}

#[cfg(test)]
mod tests {
    use super::is_go_tool;

    #[test]
    fn go_tools_are_told_apart_from_built_code_on_every_os() {
        for tool in [
            "/usr/local/go/bin/go",
            "/usr/local/go/bin/gofmt",
            "/usr/local/go/pkg/tool/linux_amd64/compile",
            "/opt/homebrew/Cellar/go/1.25.0/libexec/pkg/tool/darwin_arm64/link",
            r"C:\Program Files\Go\bin\go.exe",
            r"C:\Program Files\Go\pkg\tool\windows_amd64\vet.exe",
        ] {
            assert!(is_go_tool(tool), "{tool}");
        }
        for built in [
            "/tmp/go-build123/b001/double.test",
            "/home/me/course/.backendlings/cache/bin/greet",
            r"C:\Users\me\AppData\Local\Temp\go-build1\b001\double.test.exe",
            "/home/me/bin/gopher",
        ] {
            assert!(!is_go_tool(built), "{built}");
        }
    }
}
