//! `watch`: rebuilds a year's chapter whenever a file in the data or templates folder changes,
//! printing every problem and carrying on, until Ctrl-C.
//!
//! File events come from `notify`, filtered and debounced by the rules of `changes` (shared
//! with `serve`): a rebuild starts once no file has changed for [`DEBOUNCE`].
//! Each rebuild reloads everything and calls [`report_gen::build::build`], which renders in memory
//! and writes the files as one set: a broken edit never replaces the last good chapter.
//!
//! A watched folder that is removed or replaced (a restore from a backup, a `git checkout` of
//! another branch that recreates it) sends no more events, so every [`CHECK_EVERY`] `watch`
//! looks whether each folder is still the one it watches. If not, it says so, waits for the
//! folder to be back, watches it again and rebuilds; it never sits deaf.

mod folders;

use report_gen::tr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Instant;

use super::changes::{absolute, is_change, relevant, Message, DEBOUNCE};
use super::report::{
    eoutln, one_line, outln, print_diagnostics, print_located, print_unsourced,
    repair_before_writing,
};
use super::report::{EXIT_OK, EXIT_PROBLEM};
use super::RenderArgs;
use folders::{Watched, CHECK_EVERY};
use report_gen::build::{self, BuildError, Format};
use report_gen::chapter::templates::Templates;
use report_gen::data::{load_data, Loaded};
use report_gen::diag::Counts;
use report_gen::output::WriteError;

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
        eoutln!(
            "{}: {}",
            tr!("diag-error"),
            tr!("watch-no-ctrl-c", cause = e.to_string())
        );
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
            eoutln!(
                "{}: {}",
                tr!("diag-error"),
                tr!("watch-cannot-watch", cause = e.to_string())
            );
            return EXIT_PROBLEM;
        }
    };
    let mut folders = vec![opts.args.data.clone()];
    folders.extend(opts.args.templates.clone());
    let mut watched = Vec::new();
    for dir in &folders {
        match Watched::start(&mut watcher, dir) {
            Ok(w) => watched.push(w),
            Err(e) => {
                eoutln!(
                    "{}: {}",
                    tr!("diag-error"),
                    super::changes::cannot_watch(dir, &e)
                );
                return EXIT_PROBLEM;
            }
        }
    }
    let shown: Vec<String> = folders
        .iter()
        .map(|d| format!("`{}`", d.display()))
        .collect();
    outln!(
        "{}",
        tr!(
            "watch-watching",
            folders = shown.join(&tr!("list-and")),
            year = opts.args.year(),
            out = &opts.out
        )
    );
    if let Err(code) = repair_before_writing(&opts.out) {
        return code;
    }
    rebuild(opts);
    let out_dir = absolute(&opts.out);
    loop {
        match next_change(&rx, &out_dir, &watched) {
            Next::Stop => break,
            Next::Changed(changed) => {
                let names: Vec<String> = changed.iter().map(|p| shorten(p, opts)).collect();
                outln!("changed: {}", names.join(", "));
                rebuild(opts);
            }
            Next::Gone(i) => match folders::await_return(&rx, &mut watcher, &mut watched[i]) {
                folders::Back::Watched => rebuild(opts),
                folders::Back::Stop => break,
                folders::Back::Failed => return EXIT_PROBLEM,
            },
        }
    }
    drop(watcher);
    outln!("stopped");
    EXIT_OK
}

/// What happened while waiting.
enum Next {
    /// These files changed.
    Changed(Vec<PathBuf>),
    /// The folder `watched[i]` is no longer there (or is another one).
    Gone(usize),
    /// Ctrl-C.
    Stop,
}

/// Waits for the next relevant change and then until the files have been quiet for
/// [`DEBOUNCE`]; returns every file changed meanwhile. Every [`CHECK_EVERY`], and before
/// returning changes, checks that each watched folder is still there.
fn next_change(rx: &Receiver<Message>, out_dir: &Path, watched: &[Watched]) -> Next {
    let mut changed: Vec<PathBuf> = Vec::new();
    let gone = || watched.iter().position(|w| !w.is_current());
    loop {
        let wait = if changed.is_empty() {
            CHECK_EVERY
        } else {
            DEBOUNCE
        };
        let message = match rx.recv_timeout(wait) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => {
                if let Some(i) = gone() {
                    return Next::Gone(i);
                }
                if changed.is_empty() {
                    continue;
                }
                changed.sort();
                changed.dedup();
                return Next::Changed(changed);
            }
            Err(RecvTimeoutError::Disconnected) => return Next::Stop,
        };
        match message {
            Message::Stop => return Next::Stop,
            Message::WatchError(e) => eoutln!(
                "{}: {}",
                tr!("diag-warning"),
                tr!("watch-watcher-reported", cause = e)
            ),
            Message::Changed(paths) => {
                changed.extend(paths.into_iter().filter(|p| relevant(p, Some(out_dir))))
            }
        }
    }
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
        return failed(&tr!(
            "watch-errors-in-data",
            errors = Counts::of(&diagnostics).errors_text()
        ));
    };
    if !set.years.contains_key(&args.year()) {
        print_unsourced(&[report_gen::chapter::no_data(&set, args.year())]);
        return failed(&tr!("watch-no-year-data"));
    }
    let dated = matches!(opts.format, Format::Pdf | Format::Docx | Format::All);
    let epoch = match dated.then(super::build::source_date_epoch).transpose() {
        Ok(epoch) => epoch.flatten(),
        Err(e) => return failed(&one_line(&e)),
    };
    let extras = build::Extras {
        html_fragments: false,
        draft: args.draft,
    };
    match build::build_with(
        &set,
        args.year(),
        opts.format,
        extras,
        &templates,
        epoch,
        &opts.out,
    ) {
        Ok(files) => {
            let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            outln!(
                "{}",
                tr!(
                    "watch-rebuilt",
                    ms = start.elapsed().as_millis() as u64,
                    files = files.join(", ")
                )
            );
        }
        Err(BuildError::Diagnostic(d)) => {
            print_located(&d);
            failed(&tr!("watch-problem-in-templates"));
        }
        Err(BuildError::Other(e)) => failed(&one_line(&e)),
        Err(BuildError::Write(e @ WriteError::Mixed { .. })) => {
            eoutln!("{}: {e}. {}", tr!("diag-error"), tr!("watch-waiting"));
        }
        Err(BuildError::Write(e)) => failed(&e.to_string()),
    }
}

fn failed(why: &str) {
    eoutln!("{}", tr!("watch-not-rebuilt", why = why));
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
