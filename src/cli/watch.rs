//! `watch`: rebuilds a year's chapter whenever a file in the data or templates folder changes,
//! printing every problem and carrying on, until Ctrl-C.
//!
//! File events come from `notify` (inotify, FSEvents, ReadDirectoryChangesW). They are debounced
//! here: a rebuild starts once no file has changed for [`DEBOUNCE`], so an editor's save (write
//! a temporary file, rename it, set its permissions) is one rebuild. Reads are not changes: the
//! rebuild's own reading of the files must not trigger the next rebuild.
//! Each rebuild reloads everything and calls [`report_gen::build::build`], which renders in memory
//! and writes atomically: a broken edit never replaces the last good chapter.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};

use super::report::{one_line, print_diagnostics, print_located, print_unsourced};
use super::report::{EXIT_OK, EXIT_PROBLEM};
use super::RenderArgs;
use report_gen::build::{self, BuildError, Format};
use report_gen::chapter::templates::Templates;
use report_gen::data::{load_data, Loaded};
use report_gen::diag::Counts;

/// How long the files must be quiet before a rebuild. Editors finish a save within a few
/// milliseconds; 50 ms coalesces that burst and keeps save-to-page well under 100 ms.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// What `watch` was asked to do.
#[derive(Debug, Clone)]
struct Options {
    /// The year, the folders to read and where to write.
    args: RenderArgs,
    /// The formats to write.
    format: Format,
    /// Where the files are written.
    out: PathBuf,
}

enum Message {
    /// Files changed.
    Changed(Vec<PathBuf>),
    /// The file watcher reported a problem.
    WatchError(String),
    /// Ctrl-C.
    Stop,
}

/// Builds once, then rebuilds on every change until Ctrl-C; returns the exit code.
pub(super) fn run(args: &RenderArgs, format: Format) -> i32 {
    let opts = &Options {
        args: args.clone(),
        format,
        out: args.out_dir(),
    };
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    }) {
        eprintln!("error: cannot catch Ctrl-C: {e}");
        return EXIT_PROBLEM;
    }
    let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let message = match res {
            Ok(event) if is_change(&event.kind) => Message::Changed(event.paths),
            Ok(_) => return,
            Err(e) => Message::WatchError(e.to_string()),
        };
        let _ = tx.send(message);
    });
    let mut watcher = match watcher {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch files: {e}");
            return EXIT_PROBLEM;
        }
    };
    let mut folders = vec![opts.args.data.clone()];
    folders.extend(opts.args.templates.clone());
    for dir in &folders {
        // Absolute paths, so that the events name files the way `relevant` and `shorten` expect.
        if let Err(e) = watcher.watch(&absolute(dir), RecursiveMode::Recursive) {
            eprintln!(
                "error: cannot watch `{}`: {e}\n  = help: check that the folder exists; pass it with `--data DIR` or `--templates DIR`",
                dir.display()
            );
            return EXIT_PROBLEM;
        }
    }
    let shown: Vec<String> = folders
        .iter()
        .map(|d| format!("`{}`", d.display()))
        .collect();
    println!(
        "watching {} for changes; the chapter of {} is written to `{}`. Press Ctrl-C to stop.",
        shown.join(" and "),
        opts.args.year,
        opts.out.display()
    );
    rebuild(opts);
    let out_dir = absolute(&opts.out);
    while let Some(changed) = next_change(&rx, &out_dir) {
        let names: Vec<String> = changed.iter().map(|p| shorten(p, opts)).collect();
        println!("changed: {}", names.join(", "));
        rebuild(opts);
    }
    drop(watcher);
    println!("stopped");
    EXIT_OK
}

/// Waits for the next relevant change and then until the files have been quiet for
/// [`DEBOUNCE`]; returns every file changed meanwhile, or `None` on Ctrl-C.
fn next_change(rx: &Receiver<Message>, out_dir: &Path) -> Option<Vec<PathBuf>> {
    let mut changed: Vec<PathBuf> = Vec::new();
    loop {
        let message = if changed.is_empty() {
            rx.recv().ok()?
        } else {
            match rx.recv_timeout(DEBOUNCE) {
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
            Message::WatchError(e) => eprintln!("warning: the file watcher reported: {e}"),
            Message::Changed(paths) => {
                changed.extend(paths.into_iter().filter(|p| relevant(p, out_dir)))
            }
        }
    }
}

/// Whether an event changes a file: created, written, renamed, removed, or its permissions
/// changed. Opening, reading and access times are not changes.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(m)) => !matches!(m, MetadataKind::AccessTime),
        _ => true,
    }
}

/// Whether a changed path should trigger a rebuild: not our own output, not an editor's
/// backup, swap or lock file.
fn relevant(path: &Path, out_dir: &Path) -> bool {
    if path.starts_with(out_dir) {
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

/// Loads, checks and builds; prints the files written and the time taken, or every problem.
fn rebuild(opts: &Options) {
    let start = Instant::now();
    let args = &opts.args;
    let templates = match Templates::new(args.templates.as_deref()) {
        Ok(t) => t,
        Err(e) => return failed(&one_line(&e)),
    };
    let Loaded {
        set,
        diagnostics,
        sources,
    } = load_data(&args.data);
    print_diagnostics(&sources, &diagnostics);
    let Some(set) = set else {
        return failed(&format!(
            "{} in the data",
            Counts::of(&diagnostics).errors_text()
        ));
    };
    if !set.years.contains_key(&args.year) {
        print_unsourced(&[report_gen::chapter::no_data(&set, args.year)]);
        return failed("no data for the year");
    }
    let dated = matches!(opts.format, Format::Pdf | Format::Docx | Format::All);
    let epoch = match dated.then(super::build::source_date_epoch).transpose() {
        Ok(epoch) => epoch.flatten(),
        Err(e) => return failed(&one_line(&e)),
    };
    match build::build(&set, args.year, opts.format, &templates, epoch, &opts.out) {
        Ok(files) => {
            let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            println!(
                "rebuilt in {} ms: {}",
                start.elapsed().as_millis(),
                files.join(", ")
            );
        }
        Err(BuildError::Diagnostic(d)) => {
            print_located(&d);
            failed("a problem in the templates or data");
        }
        Err(BuildError::Other(e)) => failed(&one_line(&e)),
    }
}

fn failed(why: &str) {
    eprintln!("not rebuilt ({why}); the last good files are kept. Waiting for changes…");
}

/// A path made absolute against the current folder, so it compares with the watcher's paths.
fn absolute(path: &Path) -> PathBuf {
    let abs = std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_path_buf());
    abs.canonicalize().unwrap_or(abs)
}

/// A changed path as the user named its folder: `data/years/2023.yaml`.
fn shorten(path: &Path, opts: &Options) -> String {
    let roots = std::iter::once(&opts.args.data).chain(opts.args.templates.as_ref());
    for root in roots {
        if let Ok(rest) = path.strip_prefix(absolute(root)) {
            return root.join(rest).display().to_string();
        }
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_and_output_are_ignored() {
        let out = Path::new("/w/out/2023");
        assert!(relevant(Path::new("/w/data/years/2023.yaml"), out));
        assert!(!relevant(Path::new("/w/out/2023/x.html"), out));
        for name in [".2023.yaml.swp", "2023.yaml~", "4913", ".#2023.yaml"] {
            assert!(
                !relevant(&Path::new("/w/data/years").join(name), out),
                "{name}"
            );
        }
    }
}
