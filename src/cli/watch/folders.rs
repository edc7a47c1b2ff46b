//! The folders `watch` watches, and getting them back when they are removed or replaced.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use super::{absolute, Message};
use crate::cli::report::{eoutln, outln};

/// What became of a folder that was gone.
pub(super) enum Back {
    /// It is back and watched again.
    Watched,
    /// Ctrl-C while waiting.
    Stop,
    /// It is back but cannot be watched (the error is printed).
    Failed,
}

/// Says that `w`'s folder is gone, waits for it to come back and watches it again.
pub(super) fn await_return(
    rx: &Receiver<Message>,
    watcher: &mut impl Watcher,
    w: &mut Watched,
) -> Back {
    let dir = w.dir.clone();
    eoutln!(
        "{}: {}",
        report_gen::tr!("diag-warning"),
        report_gen::tr!("watch-folder-gone", folder = dir)
    );
    if !wait_for_folder(rx, &dir) {
        return Back::Stop;
    }
    w.stop(watcher);
    match Watched::start(watcher, &dir) {
        Ok(again) => *w = again,
        Err(e) => {
            eoutln!(
                "{}: {}",
                report_gen::tr!("diag-error"),
                report_gen::tr!(
                    "watch-folder-back-unwatched",
                    folder = dir,
                    cause = e.to_string()
                )
            );
            return Back::Failed;
        }
    }
    outln!("{}", report_gen::tr!("watch-folder-back", folder = dir));
    Back::Watched
}

/// How often `watch` checks that the folders it watches are still the ones it watches: a
/// folder removed, or replaced by another (a restore from a backup, `mv` of another folder in
/// its place), sends no more events, so it is noticed by looking. A `stat` per folder.
pub(super) const CHECK_EVERY: Duration = Duration::from_millis(250);

/// A folder being watched, and which folder it was when the watch started.
pub(super) struct Watched {
    /// As the user named it.
    pub(super) dir: PathBuf,
    /// Absolute, as the watcher names its files.
    absolute: PathBuf,
    identity: Option<Identity>,
}

impl Watched {
    /// Starts watching `dir` (recursively).
    pub(super) fn start(watcher: &mut impl Watcher, dir: &Path) -> notify::Result<Watched> {
        // Absolute paths, so that the events name files the way `relevant` and `shorten` expect.
        let abs = absolute(dir);
        watcher.watch(&abs, RecursiveMode::Recursive)?;
        Ok(Watched {
            dir: dir.to_path_buf(),
            identity: identity(&abs),
            absolute: abs,
        })
    }

    fn stop(&self, watcher: &mut impl Watcher) {
        let _ = watcher.unwatch(&self.absolute);
    }

    /// Whether the folder at the path is still the one watched.
    pub(super) fn is_current(&self) -> bool {
        self.absolute.is_dir() && identity(&self.absolute) == self.identity
    }
}

/// Which folder a path names (device and inode), where that can be known.
type Identity = (u64, u64);

fn identity(path: &Path) -> Option<Identity> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Waits until `dir` is a folder again and the files in it have been quiet for a moment (a
/// restore copies many); `false` on Ctrl-C.
fn wait_for_folder(rx: &Receiver<Message>, dir: &Path) -> bool {
    let mut quiet_since: Option<(Instant, Option<Identity>)> = None;
    loop {
        match rx.recv_timeout(CHECK_EVERY) {
            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return false,
            _ => {}
        }
        let now = (dir.is_dir(), identity(dir));
        match (now.0, quiet_since) {
            (false, _) => quiet_since = None,
            (true, None) => quiet_since = Some((Instant::now(), now.1)),
            (true, Some((since, id))) if id == now.1 && since.elapsed() >= CHECK_EVERY => {
                return true
            }
            (true, Some(_)) => {}
        }
    }
}
