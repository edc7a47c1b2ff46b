//! `watch`: rebuilds a year's chapter whenever a file in the data or templates folder changes,
//! printing every problem and carrying on, until Ctrl-C.
//!
//! The changes come from [`Changes`] (debounced file events, shared with `serve`). Each rebuild
//! reloads everything and calls [`report_gen::build::build`], which renders in memory and
//! writes atomically: a broken edit never replaces the last good chapter.

use std::path::PathBuf;
use std::time::Instant;

use super::changes::Changes;
use super::report::{one_line, print_diagnostics, print_located, print_unsourced};
use super::report::{EXIT_OK, EXIT_PROBLEM};
use super::RenderArgs;
use report_gen::build::{self, BuildError, Format};
use report_gen::chapter::templates::Templates;
use report_gen::data::{load_data, Loaded};
use report_gen::diag::Counts;

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
    let mut folders = vec![opts.args.data.clone()];
    folders.extend(opts.args.templates.clone());
    let changes = match Changes::start(&folders, Some(&opts.out)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_PROBLEM;
        }
    };
    println!(
        "watching {} for changes; the chapter of {} is written to `{}`. Press Ctrl-C to stop.",
        changes.folders_text(),
        opts.args.year,
        opts.out.display()
    );
    rebuild(opts);
    while let Some(changed) = changes.next() {
        println!("changed: {}", changes.names(&changed));
        rebuild(opts);
    }
    drop(changes);
    println!("stopped");
    EXIT_OK
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
    let wants_pdf = matches!(opts.format, Format::Pdf | Format::All);
    let epoch = match wants_pdf.then(super::build::source_date_epoch).transpose() {
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
