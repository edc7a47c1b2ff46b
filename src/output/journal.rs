//! The journal of a set of files being moved into place, and taking an interrupted move back.
//!
//! `.report-gen-journal` in the folder written to lists, for each file of the set, its target,
//! the staged new file and (when a file was there before) the backup of the old one, all
//! relative to that folder. It is written (and synced) once every new file is complete, before
//! the first file is moved, and removed once the last one is: while it exists, the folder may
//! hold a mix of old and new files, and [`roll_back`] makes it the old set again.

use crate::tr;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::files::{parent_of, sync_dir};

/// The journal's file name.
pub const JOURNAL: &str = ".report-gen-journal";

/// The first line of a journal: its format and version.
const HEADER: &str = "report-gen journal 1";

/// One file of a set being moved into place (paths relative to the folder of the journal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    /// Where the new file goes.
    pub target: PathBuf,
    /// The new file, complete, next to the target.
    pub staged: PathBuf,
    /// A second name of the old file, when there was one.
    pub backup: Option<PathBuf>,
}

/// Writes the journal of `entries` into `root` and syncs it and the folder.
pub(super) fn write(root: &Path, tmp: &Path, entries: &[Entry]) -> io::Result<()> {
    let mut text = format!("{HEADER}\n");
    for e in entries {
        let field = |p: &Path| p.to_string_lossy().into_owned();
        match &e.backup {
            Some(b) => text.push_str(&format!(
                "replace\t{}\t{}\t{}\n",
                field(&e.target),
                field(&e.staged),
                field(b)
            )),
            None => text.push_str(&format!(
                "new\t{}\t{}\n",
                field(&e.target),
                field(&e.staged)
            )),
        }
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::rename(tmp, root.join(JOURNAL)));
    if written.is_err() {
        let _ = fs::remove_file(tmp);
    }
    written?;
    sync_dir(root)
}

/// The journal in `root`, if there is one.
pub(super) fn read(root: &Path) -> anyhow::Result<Option<Vec<Entry>>> {
    let path = root.join(JOURNAL);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| tr!("output-cannot-read", file = &path)),
    };
    let unreadable = || anyhow::anyhow!(tr!("output-journal-unreadable", file = &path));
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Err(unreadable());
    }
    let mut entries = Vec::new();
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let entry = match fields.as_slice() {
            ["replace", t, s, b] => Entry {
                target: t.into(),
                staged: s.into(),
                backup: Some(b.into()),
            },
            ["new", t, s] => Entry {
                target: t.into(),
                staged: s.into(),
                backup: None,
            },
            _ => return Err(unreadable()),
        };
        let inside = |p: &Path| {
            p.is_relative()
                && p.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
        };
        if ![&entry.target, &entry.staged]
            .into_iter()
            .chain(&entry.backup)
            .all(|p| inside(p))
        {
            return Err(unreadable());
        }
        entries.push(entry);
    }
    Ok(Some(entries))
}

/// Removes the journal of `root` (the moment a set of files counts as moved in).
pub(super) fn remove(root: &Path) -> io::Result<()> {
    match fs::remove_file(root.join(JOURNAL)) {
        Ok(()) => sync_dir(root),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Puts every old file of `entries` back and removes every new one, wherever the move
/// stopped. Each step can be repeated, so an interrupted roll-back is finished by the next.
pub(super) fn roll_back(root: &Path, entries: &[Entry]) -> anyhow::Result<()> {
    for e in entries {
        let target = root.join(&e.target);
        let staged = root.join(&e.staged);
        let undo = || -> io::Result<()> {
            match &e.backup {
                Some(backup) => {
                    let backup = root.join(backup);
                    if exists(&backup) {
                        if same_file(&backup, &target) {
                            // The old file is still in place: the backup is its second name.
                            fs::remove_file(&backup)?;
                        } else {
                            fs::rename(&backup, &target)?;
                        }
                    }
                    remove_if_there(&staged)
                }
                None if exists(&staged) => {
                    // Not moved yet, or linked into place and not yet unlinked.
                    if same_file(&staged, &target) {
                        fs::remove_file(&target)?;
                    }
                    remove_if_there(&staged)
                }
                // Moved into place, where nothing was before: it goes.
                None => remove_if_there(&target),
            }
        };
        undo().with_context(|| tr!("output-cannot-restore", file = &target))?;
    }
    let mut dirs: Vec<PathBuf> = entries
        .iter()
        .map(|e| parent_of(&root.join(&e.target)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        sync_dir(&dir).with_context(|| tr!("output-cannot-sync", folder = &dir))?;
    }
    Ok(())
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Whether two paths name the same file (two hard links of one file).
#[cfg(unix)]
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
pub(super) fn same_file(_a: &Path, _b: &Path) -> bool {
    false // no hard links are made there
}
