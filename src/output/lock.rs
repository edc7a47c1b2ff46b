//! One writer per folder: an exclusive lock on `.report-gen-lock` in the folder written to.

use crate::tr;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;

/// The lock file in a folder report-gen writes into; it exists only while a run writes.
pub const LOCK_FILE: &str = ".report-gen-lock";

/// How long a run waits for another run writing into the same folder. Runs hold the lock only
/// while they repair the folder and move their files in (milliseconds; about a second for a
/// 500-page PDF on a slow disk), never while they render.
const WAIT: Duration = Duration::from_secs(10);

/// The lock of one folder, held until dropped. Dropping removes the lock file, then unlocks.
pub(super) struct Lock {
    path: PathBuf,
    /// Open for as long as the lock is held (closing it releases the lock).
    _file: Option<File>,
}

impl Lock {
    /// Takes the lock of `dir`, waiting up to [`WAIT`] for another run to finish.
    ///
    /// The lock file is removed when the lock is released, so a run that opened it just
    /// before may lock a file that is no longer there: after locking, the open file must still
    /// be the one at the path, else it starts again.
    pub(super) fn acquire(dir: &Path) -> anyhow::Result<Lock> {
        let path = dir.join(LOCK_FILE);
        let start = Instant::now();
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .with_context(|| tr!("output-cannot-write-into", folder = dir))?;
            match file.try_lock() {
                Ok(()) if is_at(&file, &path) => {
                    return Ok(Lock {
                        path,
                        _file: Some(file),
                    })
                }
                Ok(()) => continue,
                Err(TryLockError::WouldBlock) if start.elapsed() < WAIT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => {
                    anyhow::bail!(tr!("output-locked", folder = dir, seconds = WAIT.as_secs()))
                }
                // A file system without locks (some network drives): go on without one rather
                // than refuse to write at all.
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(Lock { path, _file: None })
                }
                Err(TryLockError::Error(e)) => {
                    return Err(e).with_context(|| tr!("output-cannot-lock", folder = dir))
                }
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked (see `acquire`); where the lock is not held, the file is
        // left for the run that holds it.
        if self._file.is_some() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Whether the open `file` is the file now at `path`.
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_at(_file: &File, path: &Path) -> bool {
    path.exists()
}
