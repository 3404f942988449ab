//! Files, at the bottom of the layers: listing a tree, writing a file
//! atomically, and hashing contents for keys that decide verdicts.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// How deep a listing follows directories (symlinked ones included) before
/// it stops: deep enough for any exercise, short of a symlink loop.
const MAX_DEPTH: usize = 24;

/// Regular files under `dir` (following symlinks), relative to it, sorted.
/// Special files (FIFOs, sockets, devices) are left out: see [`special_files`].
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    walk(dir, dir, 0, &mut |rel, meta| {
        if meta.is_file() {
            out.push(rel.to_path_buf());
        }
    })?;
    out.sort();
    Ok(out)
}

/// Entries under `dir` that are neither regular files nor directories
/// (after following symlinks): a FIFO, a socket, a device, a dangling or
/// looping symlink. Reading one can block for ever.
pub fn special_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let _ = walk(dir, dir, 0, &mut |rel, meta| {
        if !meta.is_file() && !meta.is_dir() {
            out.push(rel.to_path_buf());
        }
    });
    out.sort();
    out
}

fn walk(
    base: &Path,
    dir: &Path,
    depth: usize,
    visit: &mut dyn FnMut(&Path, &std::fs::Metadata),
) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        let rel = path.strip_prefix(base).unwrap_or(&path).to_path_buf();
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                if depth < MAX_DEPTH {
                    walk(base, &path, depth + 1, visit)?;
                }
            }
            Ok(meta) => visit(&rel, &meta),
            // A dangling or looping symlink: report it as what it is.
            Err(_) => {
                if let Ok(meta) = std::fs::symlink_metadata(&path) {
                    visit(&rel, &meta);
                }
            }
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` so that readers see the old or the new content,
/// never a mix: a uniquely named temp file in the same directory, synced,
/// then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let write = || -> std::io::Result<()> {
        let mut tmp = tempfile::Builder::new().prefix(".tmp-").tempfile_in(dir)?;
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    };
    write().with_context(|| {
        format!(
            "cannot write {}: is the course directory writable?",
            path.display()
        )
    })
}

/// The local date and time as a file name part: `2026-12-07T10-31-05`.
pub fn local_stamp() -> String {
    jiff::Zoned::now().strftime("%Y-%m-%dT%H-%M-%S").to_string()
}

/// `path`, or the first of `path-2`, `path-3`… that does not exist yet, so
/// that two backups made within the same second never overwrite each other.
pub fn unused_path(path: PathBuf) -> PathBuf {
    if std::fs::symlink_metadata(&path).is_err() {
        return path;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (2..)
        .map(|i| path.with_file_name(format!("{name}-{i}")))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .expect("some suffix is free")
}

/// A content hash for keys that decide verdicts (BLAKE3, 256 bits, hex).
pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// A streaming [`hash`], for keys made of many parts.
#[derive(Default)]
pub struct Hasher(blake3::Hasher);

impl std::fmt::Debug for Hasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hasher")
    }
}

impl Hasher {
    /// Adds one part; parts are length-prefixed, so ("ab","c") and
    /// ("a","bc") differ.
    pub fn part(&mut self, bytes: impl AsRef<[u8]>) -> &mut Self {
        let bytes = bytes.as_ref();
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(&self) -> String {
        self.0.finalize().to_hex().to_string()
    }
}

/// A short stable name for a text (16 hex digits), for file names.
pub fn short_name(text: &str) -> String {
    hash(text.as_bytes())[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_follows_symlinks_and_sets_special_files_apart() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/a.go"), "package a").unwrap();
        std::fs::write(d.join("real.go"), "package a").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d.join("real.go"), d.join("link_test.go")).unwrap();
            std::os::unix::fs::symlink(d.join("nowhere"), d.join("dangling.go")).unwrap();
            let fifo = std::ffi::CString::new(d.join("pipe.go").to_str().unwrap()).unwrap();
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
            assert_eq!(
                special_files(d),
                [Path::new("dangling.go"), Path::new("pipe.go")]
            );
        }
        let files = files_under(d).unwrap();
        assert!(files.contains(&PathBuf::from("sub/a.go")));
        #[cfg(unix)]
        assert!(files.contains(&PathBuf::from("link_test.go")));
        assert!(!files.iter().any(|f| f.ends_with("pipe.go")));
    }

    #[test]
    fn atomic_writes_from_two_threads_never_collide() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::thread::scope(|s| {
            for i in 0..8 {
                let path = &path;
                s.spawn(move || {
                    for _ in 0..50 {
                        write_atomic(path, format!("writer {i}").as_bytes()).unwrap();
                    }
                });
            }
        });
        let last = std::fs::read_to_string(&path).unwrap();
        assert!(last.starts_with("writer "), "{last}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "temp files were left behind");
    }

    #[test]
    fn stamps_are_local_times_and_backups_never_overwrite() {
        let stamp = local_stamp();
        assert_eq!(stamp.len(), "2026-12-07T10-31-05".len(), "{stamp}");
        assert!(!stamp.contains(':'), "{stamp}");
        let dir = tempfile::tempdir().unwrap();
        let first = unused_path(dir.path().join(&stamp));
        std::fs::write(&first, "1").unwrap();
        let second = unused_path(dir.path().join(&stamp));
        assert_ne!(first, second);
        assert!(second.to_string_lossy().ends_with("-2"));
    }

    #[test]
    fn hashed_parts_are_delimited() {
        let ab_c = Hasher::default().part("ab").part("c").finish();
        let a_bc = Hasher::default().part("a").part("bc").finish();
        assert_ne!(ab_c, a_bc);
        assert_eq!(ab_c.len(), 64);
    }
}
