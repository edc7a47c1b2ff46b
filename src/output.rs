//! Writing output files: the one place that writes, always atomically.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Context as _;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader (or a failed run) never sees a half-written file and the previous version stays
/// intact until the new one is complete. A new file gets the permissions any file the user
/// creates gets (the umask applies); a replaced file keeps its permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder `{}`", dir.display()))?;
    let (tmp_path, mut file) = create_temporary(dir, path)?;
    let guard = RemoveOnDrop(Some(tmp_path.clone()));
    file.write_all(bytes)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    if let Ok(meta) = fs::metadata(path) {
        file.set_permissions(meta.permissions())
            .with_context(|| format!("cannot set the permissions of `{}`", path.display()))?;
    }
    file.sync_all()
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    drop(file);
    fs::rename(&tmp_path, path).with_context(|| format!("cannot replace `{}`", path.display()))?;
    guard.disarm();
    Ok(())
}

/// Removes the files in `dir` whose names satisfy `ours` and which are not in `keep`: what an
/// earlier build wrote there and this one did not write again. Anything else is left alone;
/// a folder that does not exist is fine.
pub fn remove_others(dir: &Path, keep: &[PathBuf], ours: fn(&str) -> bool) -> anyhow::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read the folder `{}`", dir.display()))
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let is_ours = name.to_str().is_some_and(ours) && path.is_file();
        if is_ours && !keep.contains(&path) {
            fs::remove_file(&path)
                .with_context(|| format!("cannot remove the old file `{}`", path.display()))?;
        }
    }
    Ok(())
}

/// A new, uniquely named hidden file next to `target`.
fn create_temporary(dir: &Path, target: &Path) -> anyhow::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(e).with_context(|| {
                    format!("cannot create a temporary file in `{}`", dir.display())
                });
            }
        }
    }
    anyhow::bail!("cannot create a temporary file in `{}`", dir.display())
}

/// Removes the temporary file if the write did not complete.
struct RemoveOnDrop(Option<PathBuf>);

impl RemoveOnDrop {
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(p) = &self.0 {
            let _ = fs::remove_file(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out/a.md");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "only the output file remains: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_not_private_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        write_atomic(&path, b"x").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_ne!(
            mode & 0o044,
            0,
            "readable by others under the usual umask: {mode:o}"
        );
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"y").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}
