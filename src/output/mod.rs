//! Writing files: the one place that writes, and where a set of files is replaced whole or not
//! at all.
//!
//! A build writes two or three files (`.md`, `.html`, `.pdf`), `init` sixteen. POSIX can
//! replace one file atomically (a rename), never several, so a [`FileSet`] is committed like
//! a small database transaction, in the folder it writes to (`root`):
//!
//! 1. **Lock** `root/.report-gen-lock` ([`File::lock`](std::fs::File::lock)): one writer per
//!    folder, so two builds into one folder never mix their files. The lock is held only for
//!    the steps below (milliseconds), not while rendering; a second run waits up to 10 s.
//! 2. **Repair**: a journal left by a run that was killed (or lost power) is rolled back (see
//!    `journal`), and temporary files of earlier runs are removed (`.report-gen-tmp-*`,
//!    `.report-gen-old-*`, and `.NAME.PID.N.tmp` of versions before this one whose process
//!    is gone). Under the lock no other run can be writing them.
//! 3. **Check** every target before anything changes: a folder where a file should go, a
//!    read-only file, or (for [`FileSet::create`]) a file that already exists stops the
//!    commit with nothing written. These are most of the real failures, so most failures
//!    never reach step 5.
//! 4. **Stage** each new file next to its target (`.report-gen-tmp-PID-N-NAME`, same folder,
//!    so the same file system), with the old file's permissions, synced to disk. A full disk
//!    or a kill here leaves only temporary files, removed at once or by the next run.
//! 5. **Journal** the moves (`.report-gen-journal`, synced), then **move** each file in: the
//!    old one keeps a second name (`.report-gen-old-*`, a hard link, so the target never
//!    vanishes; a rename where hard links are not supported), then the staged file is renamed
//!    over the target. If a move fails, every step is undone from the journal and the error
//!    says nothing was replaced; if the undoing fails too, the journal stays and the error
//!    says so, and the next run into the folder finishes the undoing.
//! 6. **Commit**: the journal is removed (synced): from here the new set counts as written.
//!    The old files' second names are then removed (or by the next run's step 2).
//!
//! So after any failure, kill or power loss, once the next run has repaired the folder it
//! holds exactly the old set (same bytes, same modification times: the old files are the
//! same inodes, never rewritten) or exactly the new one. Files other than the set's targets
//! are never touched, and nothing is removed that report-gen did not write. Why not a staged
//! folder swapped in with one rename: `--out` may be a folder that holds other files too, and
//! the folder of a data set holds the user's own files.
//!
//! Between a kill in step 5 and the next run the folder may show a mix of old and new files
//! (only then, and only with the journal beside them). It is rolled back, not forward: the run
//! that was stopped never said it had written anything. A read-only file is refused rather
//! than replaced (a rename would replace it): someone made it read-only to keep it.
//!
//! Durability costs four syncs more than writing the files one by one did (the journal, and
//! its folder after the journal is written, after the moves and after the journal is removed);
//! they make the promise hold after a power cut too (a kill needs none of them). Measured on a
//! build of the shipped year 2023 in all formats: BENCHMARKS.md.

mod files;
mod journal;
mod lock;

use crate::tr;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use anyhow::Context as _;

use files::{
    check_target, move_in, parent_of, remove_temporary, stage, sync_dir, temporary_name,
    CreatedDirs, Staged,
};
pub use journal::JOURNAL;
pub use lock::LOCK_FILE;

/// Names of staged new files (and of the journal being written).
const TMP_PREFIX: &str = ".report-gen-tmp-";
/// Second names of old files while a set is moved in.
const OLD_PREFIX: &str = ".report-gen-old-";

/// Files to write into one folder, all or none.
#[derive(Debug)]
pub struct FileSet {
    root: PathBuf,
    files: Vec<NewFile>,
}

#[derive(Debug)]
struct NewFile {
    /// Relative to the set's root.
    rel: PathBuf,
    bytes: Vec<u8>,
    /// Whether an existing file may be replaced (else it stops the commit).
    replace: bool,
}

/// Why a set of files was not written.
#[derive(Debug)]
pub enum WriteError {
    /// Files of a [`FileSet::create`] that exist already; nothing was written.
    Exists(Vec<PathBuf>),
    /// Nothing was written: every file the set would have replaced is as it was.
    Unchanged(anyhow::Error),
    /// Moving the files in failed and so did taking them back: the folder may hold some new
    /// files. Its journal is kept, and the next run into the folder restores the old set.
    Mixed {
        /// Why the move failed.
        error: anyhow::Error,
        /// Why the old files could not all be put back.
        rollback: anyhow::Error,
        /// The folder.
        root: PathBuf,
    },
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Exists(paths) => {
                let names: Vec<String> =
                    paths.iter().map(|p| format!("`{}`", p.display())).collect();
                write!(f, "{}", tr!("output-exist", files = names.join(", ")))
            }
            WriteError::Unchanged(e) => write!(f, "{e:#}"),
            WriteError::Mixed {
                error,
                rollback,
                root,
            } => write!(
                f,
                "{}",
                tr!(
                    "output-mixed",
                    error = format!("{error:#}"),
                    rollback = format!("{rollback:#}"),
                    folder = root
                )
            ),
        }
    }
}

impl From<WriteError> for anyhow::Error {
    fn from(e: WriteError) -> Self {
        match e {
            WriteError::Unchanged(e) => e,
            other => anyhow::anyhow!("{other}"),
        }
    }
}

/// What a repair found in a folder.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Repair {
    /// An earlier run was interrupted while moving its files in; the files before it were put
    /// back.
    pub rolled_back: bool,
    /// Temporary files of earlier runs that were removed.
    pub removed_temporary: usize,
}

/// A step of [`FileSet::commit`], for tests that make one fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Step {
    /// The n-th file has been staged.
    Staged(usize),
    /// The journal has been written.
    Journal,
    /// The n-th file has been moved into place.
    Moved(usize),
}

impl FileSet {
    /// An empty set of files to write into `root` (created if missing).
    pub fn new(root: impl Into<PathBuf>) -> FileSet {
        FileSet {
            root: root.into(),
            files: Vec::new(),
        }
    }

    /// Adds a file at `rel` (relative to the root) that replaces any file of that name.
    pub fn replace(&mut self, rel: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) {
        self.add(rel.into(), bytes.into(), true);
    }

    /// Adds a file at `rel` that must not exist yet: if it does, nothing is written.
    pub fn create(&mut self, rel: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) {
        self.add(rel.into(), bytes.into(), false);
    }

    fn add(&mut self, rel: PathBuf, bytes: Vec<u8>, replace: bool) {
        self.files.push(NewFile {
            rel,
            bytes,
            replace,
        });
    }

    /// The paths the set writes, in the order added.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.files.iter().map(|f| self.root.join(&f.rel)).collect()
    }

    /// Writes every file, or none (see the module's documentation); returns their paths.
    pub fn commit(self) -> Result<Vec<PathBuf>, WriteError> {
        self.commit_with(&mut |_| Ok(()))
    }

    /// [`commit`](Self::commit), calling `fault` after each step; an error from it fails the
    /// commit there, as a real failure would.
    pub(crate) fn commit_with(
        self,
        fault: &mut dyn FnMut(Step) -> io::Result<()>,
    ) -> Result<Vec<PathBuf>, WriteError> {
        let root = &self.root;
        for f in &self.files {
            let plain = f
                .rel
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
            let text = f.rel.to_str().unwrap_or("\t");
            if !plain || text.contains(['\t', '\n', '\r']) {
                return Err(WriteError::Unchanged(anyhow::anyhow!(
                    "internal error: `{}` is not a file name inside `{}`",
                    f.rel.display(),
                    root.display()
                )));
            }
        }
        let mut dirs: Vec<PathBuf> = self
            .files
            .iter()
            .map(|f| parent_of(&root.join(&f.rel)))
            .collect();
        dirs.push(root.clone());
        dirs.sort();
        dirs.dedup();
        let mut created = CreatedDirs::default();
        for dir in &dirs {
            created.create(dir).map_err(WriteError::Unchanged)?;
        }
        let result = self.commit_locked(&dirs, fault);
        if result.is_err() {
            created.remove_empty();
        }
        result
    }

    fn commit_locked(
        &self,
        dirs: &[PathBuf],
        fault: &mut dyn FnMut(Step) -> io::Result<()>,
    ) -> Result<Vec<PathBuf>, WriteError> {
        let root = &self.root;
        let _lock = lock::Lock::acquire(root).map_err(WriteError::Unchanged)?;
        let names: Vec<&std::ffi::OsStr> = self
            .files
            .iter()
            .filter_map(|f| f.rel.file_name())
            .collect();
        repair_locked(root, dirs, &names).map_err(WriteError::Unchanged)?;
        let olds = self.check_targets()?;
        let entries = self.stage_and_journal(&olds, fault)?;
        self.move_in_all(&entries, dirs, fault)?;
        // Committed. The old files' second names go now, or with the next run's repair.
        for e in &entries {
            if let Some(b) = &e.backup {
                let _ = fs::remove_file(root.join(b));
            }
        }
        Ok(self.paths())
    }

    /// Checks every target before anything changes; returns the permissions of the file each
    /// replaces (`None`: a new file).
    fn check_targets(&self) -> Result<Vec<Option<fs::Permissions>>, WriteError> {
        let mut olds = Vec::new();
        let mut exists = Vec::new();
        for f in &self.files {
            let target = self.root.join(&f.rel);
            let old = check_target(&target, f.replace).map_err(WriteError::Unchanged)?;
            if !f.replace && old.is_some() {
                exists.push(target);
            }
            olds.push(old);
        }
        if exists.is_empty() {
            Ok(olds)
        } else {
            Err(WriteError::Exists(exists))
        }
    }

    /// Stages every file next to its target, then writes the journal of the moves.
    fn stage_and_journal(
        &self,
        olds: &[Option<fs::Permissions>],
        fault: &mut dyn FnMut(Step) -> io::Result<()>,
    ) -> Result<Vec<journal::Entry>, WriteError> {
        let root = &self.root;
        let mut staged = Staged::default();
        for (i, (f, old)) in self.files.iter().zip(olds).enumerate() {
            let target = root.join(&f.rel);
            stage(&target, &f.bytes, old.as_ref())
                .map(|p| staged.0.push(p))
                .and_then(|()| fault(Step::Staged(i)).map_err(anyhow::Error::from))
                .with_context(|| tr!("output-cannot-write", file = target))
                .map_err(WriteError::Unchanged)?;
        }
        files::sync_all(&staged.0)
            .with_context(|| tr!("output-cannot-write-into", folder = root))
            .map_err(WriteError::Unchanged)?;
        let entries: Vec<journal::Entry> = self
            .files
            .iter()
            .zip(&staged.0)
            .zip(olds)
            .map(|((f, s), old)| {
                let parent = f.rel.parent().unwrap_or(Path::new(""));
                let name = s.file_name().unwrap_or_default();
                journal::Entry {
                    target: f.rel.clone(),
                    staged: parent.join(name),
                    backup: old.as_ref().map(|_| {
                        let n = name.to_string_lossy();
                        parent.join(n.replacen(TMP_PREFIX, OLD_PREFIX, 1))
                    }),
                }
            })
            .collect();
        let journaled = journal::write(root, &temporary_name(root, "journal"), &entries)
            .and_then(|()| fault(Step::Journal));
        // From here the journal (or the undoing from it) owns the staged files.
        staged.0.clear();
        if let Err(error) = journaled {
            let error =
                anyhow::Error::new(error).context(tr!("output-cannot-write-into", folder = root));
            return Err(undo(root, &entries, error));
        }
        Ok(entries)
    }

    /// Moves every staged file in, syncs the folders and removes the journal: the commit.
    fn move_in_all(
        &self,
        entries: &[journal::Entry],
        dirs: &[PathBuf],
        fault: &mut dyn FnMut(Step) -> io::Result<()>,
    ) -> Result<(), WriteError> {
        let root = &self.root;
        for (i, e) in entries.iter().enumerate() {
            let backup = e.backup.as_ref().map(|b| root.join(b));
            let moved = move_in(
                &root.join(&e.target),
                &root.join(&e.staged),
                backup.as_deref(),
                self.files[i].replace,
            )
            .and_then(|()| fault(Step::Moved(i)));
            if let Err(error) = moved {
                let target = root.join(&e.target);
                let error =
                    anyhow::Error::new(error).context(tr!("output-cannot-replace", file = target));
                return Err(undo(root, entries, error));
            }
        }
        let synced: io::Result<()> = dirs.iter().try_for_each(|d| sync_dir(d));
        if let Err(error) = synced.and_then(|()| journal::remove(root)) {
            let error =
                anyhow::Error::new(error).context(tr!("output-cannot-finish", folder = root));
            return Err(undo(root, entries, error));
        }
        Ok(())
    }
}

/// Takes back a failed move: the error says nothing was written if that worked.
fn undo(root: &Path, entries: &[journal::Entry], error: anyhow::Error) -> WriteError {
    let undone = journal::roll_back(root, entries)
        .and_then(|()| journal::remove(root).with_context(|| tr!("output-cannot-remove-journal")));
    match undone {
        Ok(()) => WriteError::Unchanged(error),
        Err(rollback) => WriteError::Mixed {
            error,
            rollback,
            root: root.to_path_buf(),
        },
    }
}

/// Repairs `root` after an interrupted run: rolls back its journal and removes temporary files
/// of earlier runs (see the module's documentation). A folder that does not exist needs none.
pub fn repair(root: &Path) -> anyhow::Result<Repair> {
    if !root.is_dir() {
        return Ok(Repair::default());
    }
    let _lock = lock::Lock::acquire(root)?;
    repair_locked(root, &[root.to_path_buf()], &[])
}

/// [`repair`] under the lock; also cleans `dirs`, and the temporary files older versions left
/// for files named `names`.
fn repair_locked(
    root: &Path,
    dirs: &[PathBuf],
    names: &[&std::ffi::OsStr],
) -> anyhow::Result<Repair> {
    let mut repair = Repair::default();
    let mut dirs = dirs.to_vec();
    if let Some(entries) = journal::read(root)? {
        journal::roll_back(root, &entries)
            .and_then(|()| {
                journal::remove(root).with_context(|| tr!("output-cannot-remove-journal"))
            })
            .with_context(|| tr!("output-cannot-roll-back", folder = root))?;
        repair.rolled_back = true;
        dirs.extend(entries.iter().map(|e| parent_of(&root.join(&e.target))));
        dirs.sort();
        dirs.dedup();
    }
    for dir in &dirs {
        repair.removed_temporary += remove_temporary(dir, names);
    }
    Ok(repair)
}

#[cfg(test)]
mod tests;

/// Removes the files in `dir` whose names satisfy `ours` and which are not in `keep`: what an
/// earlier build wrote there and this one did not write again (HTML fragments of a section
/// the chapter no longer has). Anything else is left alone; a folder that does not exist is
/// fine.
pub fn remove_others(dir: &Path, keep: &[PathBuf], ours: fn(&str) -> bool) -> anyhow::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| tr!("output-cannot-read-folder", folder = dir)),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let is_ours = name.to_str().is_some_and(ours) && path.is_file();
        if is_ours && !keep.contains(&path) {
            fs::remove_file(&path)
                .with_context(|| tr!("output-cannot-remove-old", file = &path))?;
        }
    }
    Ok(())
}
