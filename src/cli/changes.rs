//! The change stream `watch` and `serve` share: file events of the data and templates folders,
//! debounced into one batch per save, and Ctrl-C as the end of the stream.
//!
//! File events come from `notify` (inotify, FSEvents, ReadDirectoryChangesW). They are debounced
//! here: a batch is handed out once no file has changed for [`DEBOUNCE`], so an editor's save
//! (write a temporary file, rename it, set its permissions) is one rebuild. Reads are not
//! changes: a rebuild's own reading of the files must not trigger the next rebuild.

use report_gen::tr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};

/// How long the files must be quiet before a rebuild. Editors finish a save within a few
/// milliseconds; 50 ms coalesces that burst and keeps save-to-page well under 100 ms.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

pub(super) enum Message {
    /// Files changed.
    Changed(Vec<PathBuf>),
    /// The file watcher reported a problem.
    WatchError(String),
    /// Ctrl-C.
    Stop,
}

/// Debounced changes of a set of folders, until Ctrl-C.
pub(super) struct Changes {
    rx: Receiver<Message>,
    /// Kept alive: dropping it stops the events.
    _watcher: notify::RecommendedWatcher,
    /// The folders watched, as the user named them.
    roots: Vec<PathBuf>,
    /// Changes under this folder (our own output) are ignored. Made absolute at each batch:
    /// the folder may only exist after the first build.
    ignored: Option<PathBuf>,
}

/// Why the folder `dir` cannot be watched, and what to do (for `watch` and `serve`).
pub(super) fn cannot_watch(dir: &Path, e: &dyn std::fmt::Display) -> String {
    format!(
        "{}\n  = {}: {}",
        tr!(
            "watch-cannot-watch-folder",
            folder = dir,
            cause = e.to_string()
        ),
        tr!("diag-help"),
        tr!("watch-cannot-watch-folder-help")
    )
}

impl Changes {
    /// Starts watching `folders` (recursively) and catching Ctrl-C; changes under `ignored`
    /// are not reported. The error is a message for the user, with what to do.
    pub(super) fn start(folders: &[PathBuf], ignored: Option<&Path>) -> Result<Changes, String> {
        let (tx, rx) = mpsc::channel();
        let stop = tx.clone();
        ctrlc::set_handler(move || {
            let _ = stop.send(Message::Stop);
        })
        .map_err(|e| tr!("watch-no-ctrl-c", cause = e.to_string()))?;
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let message = match res {
                Ok(event) if is_change(&event.kind) => Message::Changed(event.paths),
                Ok(_) => return,
                Err(e) => Message::WatchError(e.to_string()),
            };
            let _ = tx.send(message);
        })
        .map_err(|e| tr!("watch-cannot-watch", cause = e.to_string()))?;
        for dir in folders {
            // Absolute paths, so that the events name files the way `relevant` and `shorten`
            // expect.
            watcher
                .watch(&absolute(dir), RecursiveMode::Recursive)
                .map_err(|e| cannot_watch(dir, &e))?;
        }
        Ok(Changes {
            rx,
            _watcher: watcher,
            roots: folders.to_vec(),
            ignored: ignored.map(Path::to_path_buf),
        })
    }

    /// The watched folders as the user named them: "`data` and `my-templates`".
    pub(super) fn folders_text(&self) -> String {
        let shown: Vec<String> = self
            .roots
            .iter()
            .map(|d| format!("`{}`", d.display()))
            .collect();
        shown.join(&tr!("list-and"))
    }

    /// Waits for the next relevant change and then until the files have been quiet for
    /// [`DEBOUNCE`]; returns every file changed meanwhile, or `None` on Ctrl-C.
    pub(super) fn next(&self) -> Option<Vec<PathBuf>> {
        let ignored = self.ignored.as_deref().map(absolute);
        let mut changed: Vec<PathBuf> = Vec::new();
        loop {
            let message = if changed.is_empty() {
                self.rx.recv().ok()?
            } else {
                match self.rx.recv_timeout(DEBOUNCE) {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => {
                        changed.sort();
                        changed.dedup();
                        return Some(changed);
                    }
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
            };
            match message {
                Message::Stop => return None,
                Message::WatchError(e) => {
                    super::report::eoutln!(
                        "{}: {}",
                        tr!("diag-warning"),
                        tr!("watch-watcher-reported", cause = e)
                    )
                }
                Message::Changed(paths) => changed.extend(
                    paths
                        .into_iter()
                        .filter(|p| relevant(p, ignored.as_deref())),
                ),
            }
        }
    }

    /// Changed paths as the user named their folders: "data/years/2023.yaml, …".
    pub(super) fn names(&self, changed: &[PathBuf]) -> String {
        let names: Vec<String> = changed.iter().map(|p| self.shorten(p)).collect();
        names.join(", ")
    }

    /// A changed path as the user named its folder: `data/years/2023.yaml`.
    fn shorten(&self, path: &Path) -> String {
        for root in &self.roots {
            if let Ok(rest) = path.strip_prefix(absolute(root)) {
                return root.join(rest).display().to_string();
            }
        }
        path.display().to_string()
    }
}

/// Whether an event changes a file: created, written, renamed, removed, or its permissions
/// changed. Opening, reading and access times are not changes.
pub(super) fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(m)) => !matches!(m, MetadataKind::AccessTime),
        _ => true,
    }
}

/// Whether a changed path should trigger a rebuild: not our own output, not an editor's
/// backup, swap or lock file.
pub(super) fn relevant(path: &Path, ignored: Option<&Path>) -> bool {
    if ignored.is_some_and(|dir| path.starts_with(dir)) {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let editor_file = name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || [".swp", ".swx", ".swo", ".tmp"]
            .iter()
            .any(|e| name.ends_with(e))
        // Vim creates and deletes `4913` to test whether it may write in the folder.
        || name == "4913";
    !editor_file
}

/// A path made absolute against the current folder, so it compares with the watcher's paths.
pub(super) fn absolute(path: &Path) -> PathBuf {
    let abs = std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_path_buf());
    abs.canonicalize().unwrap_or(abs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_and_output_are_ignored() {
        let out = Some(Path::new("/w/out/2023"));
        assert!(relevant(Path::new("/w/data/years/2023.yaml"), out));
        assert!(relevant(Path::new("/w/data/years/2023.yaml"), None));
        assert!(!relevant(Path::new("/w/out/2023/x.html"), out));
        for name in [".2023.yaml.swp", "2023.yaml~", "4913", ".#2023.yaml"] {
            assert!(
                !relevant(&Path::new("/w/data/years").join(name), out),
                "{name}"
            );
        }
    }
}
