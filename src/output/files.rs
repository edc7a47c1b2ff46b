//! The file-system steps of a commit: checking a target, staging a file, moving it in, and
//! cleaning up after earlier runs.

use crate::tr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Context as _;

use super::{OLD_PREFIX, TMP_PREFIX};

/// Removes the temporary files of earlier runs in `dir`; returns how many.
pub(super) fn remove_temporary(dir: &Path, names: &[&std::ffi::OsStr]) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let text = name.to_string_lossy();
        let ours = text.starts_with(TMP_PREFIX) || text.starts_with(OLD_PREFIX);
        let legacy = names
            .iter()
            .any(|n| is_legacy_temporary(&text, &n.to_string_lossy()));
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if (ours || legacy) && is_file && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether `file` is a temporary file that versions before this one wrote for `name`
/// (`.NAME.PID.N.tmp`) and whose process is gone. Without `/proc` none is.
pub(super) fn is_legacy_temporary(file: &str, name: &str) -> bool {
    let Some(rest) = file
        .strip_prefix('.')
        .and_then(|r| r.strip_prefix(name))
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(".tmp"))
    else {
        return false;
    };
    let Some((pid, n)) = rest.split_once('.') else {
        return false;
    };
    let numbers = !pid.is_empty()
        && !n.is_empty()
        && pid.bytes().chain(n.bytes()).all(|b| b.is_ascii_digit());
    let proc = Path::new("/proc");
    numbers
        && pid != std::process::id().to_string()
        && proc.join("self").exists()
        && !proc.join(pid).exists()
}

/// The permissions of the file at `target`, or `None` if there is none; an error if it cannot
/// be replaced (a folder, read-only) or, for a new file, is there.
pub(super) fn check_target(
    target: &Path,
    replace: bool,
) -> anyhow::Result<Option<fs::Permissions>> {
    let meta = match fs::symlink_metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(e).with_context(|| tr!("output-cannot-look", file = target));
        }
    };
    if meta.is_dir() {
        anyhow::bail!(tr!("output-is-a-folder", file = target));
    }
    if !replace {
        return Ok(Some(meta.permissions()));
    }
    let meta = fs::metadata(target).unwrap_or(meta);
    if meta.permissions().readonly() {
        anyhow::bail!(tr!("output-read-only", file = target));
    }
    Ok(Some(meta.permissions()))
}

/// Writes `bytes` into a new temporary file next to `target`, with `permissions`; not yet
/// synced (see [`sync_all`]).
pub(super) fn stage(
    target: &Path,
    bytes: &[u8],
    permissions: Option<&fs::Permissions>,
) -> anyhow::Result<PathBuf> {
    let dir = parent_of(target);
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file");
    let path = temporary_name(&dir, name);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| tr!("output-cannot-create-temporary", folder = dir))?;
    let written = (|| -> io::Result<()> {
        file.write_all(bytes)?;
        if let Some(p) = permissions {
            file.set_permissions(p.clone())?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        drop(file);
        let _ = fs::remove_file(&path);
        return Err(e.into());
    }
    Ok(path)
}

/// Syncs the staged files to the disk, all at once: one thread a file, so that a set waits
/// about as long as its slowest file instead of the sum of them (four formats waited four
/// times about 4 ms on this machine's disk).
pub(super) fn sync_all(paths: &[PathBuf]) -> io::Result<()> {
    std::thread::scope(|scope| {
        let workers: Vec<_> = paths
            .iter()
            .map(|p| scope.spawn(move || File::open(p)?.sync_all()))
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| Err(io::Error::other("a sync thread stopped")))
        })
    })
}

/// Moves `staged` over `target`, giving the old file its second name `backup` first.
pub(super) fn move_in(
    target: &Path,
    staged: &Path,
    backup: Option<&Path>,
    replace: bool,
) -> io::Result<()> {
    if let Some(backup) = backup {
        if !link(target, backup)? {
            fs::rename(target, backup)?;
        }
    }
    if !replace && link(staged, target)? {
        // Linking never replaces a file that appeared meanwhile (unlike a rename).
        return fs::remove_file(staged);
    }
    fs::rename(staged, target)
}

/// Makes `to` a second name of `from`; `false` where the file system has no hard links.
#[cfg(unix)]
pub(super) fn link(from: &Path, to: &Path) -> io::Result<bool> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(e),
        Err(_) => Ok(false),
    }
}

#[cfg(not(unix))]
pub(super) fn link(_from: &Path, _to: &Path) -> io::Result<bool> {
    Ok(false)
}

/// A fresh temporary name in `dir` for a file called `name`.
pub(super) fn temporary_name(dir: &Path, name: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!("{TMP_PREFIX}{}-{n}-{name}", std::process::id()))
}

/// The folder holding `path` (`.` for a bare file name).
pub(super) fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Syncs a folder, so that the renames in it survive a power loss (a no-op where folders
/// cannot be opened).
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Staged files not yet handed to a journal; removed when dropped.
#[derive(Default)]
pub(super) struct Staged(pub(super) Vec<PathBuf>);

impl Drop for Staged {
    fn drop(&mut self) {
        for p in &self.0 {
            let _ = fs::remove_file(p);
        }
    }
}

/// Folders a commit created, removed again (when empty) if it fails.
#[derive(Default)]
pub(super) struct CreatedDirs(Vec<PathBuf>);

impl CreatedDirs {
    pub(super) fn create(&mut self, dir: &Path) -> anyhow::Result<()> {
        let mut missing = Vec::new();
        let mut at = Some(dir);
        while let Some(d) = at.filter(|d| !d.as_os_str().is_empty()) {
            if let Ok(meta) = fs::metadata(d) {
                if !meta.is_dir() {
                    anyhow::bail!(tr!("output-file-in-the-way", file = d, folder = dir));
                }
                break;
            }
            missing.push(d.to_path_buf());
            at = d.parent();
        }
        fs::create_dir_all(dir)
            .with_context(|| tr!("output-cannot-create-folder", folder = dir))?;
        missing.reverse();
        self.0.extend(missing);
        Ok(())
    }

    pub(super) fn remove_empty(&self) {
        for d in self.0.iter().rev() {
            let _ = fs::remove_dir(d);
        }
    }
}
