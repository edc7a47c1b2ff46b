//! The one owner of what the commands print about problems: exit codes, errors with their
//! causes, diagnostics with their excerpts, and the "N errors" summaries.

use std::io::Write as _;
use std::path::Path;
use std::sync::Mutex;

use report_gen::data::load::Sources;
use report_gen::diag::{printable, Counts, Diagnostic, Located, MESSAGE_CHARS};
use report_gen::output::WriteError;
use report_gen::tr;

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: a problem with the data, templates or output.
pub const EXIT_PROBLEM: i32 = 1;
/// Exit code: wrong command line.
pub const EXIT_USAGE: i32 = 2;

/// `print!` that never panics: what cannot be written to stdout (a full disk behind `>`) is
/// remembered, and [`stdout_failure`] turns it into an error at the end. (A closed pipe ends
/// the program before that: see `quiet_on_closed_pipes` in `mod.rs`.)
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::report::write_stdout(format_args!($($arg)*)) };
}
/// `println!` that never panics (see [`out!`]).
macro_rules! outln {
    () => { $crate::cli::report::write_stdout(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cli::report::write_stdout(format_args!("{}\n", format_args!($($arg)*))) };
}
/// `eprint!` that never panics: stderr that cannot be written to is ignored (there is nowhere
/// left to say so).
macro_rules! eout {
    ($($arg:tt)*) => { $crate::cli::report::write_stderr(format_args!($($arg)*)) };
}
/// `eprintln!` that never panics (see [`eout!`]).
macro_rules! eoutln {
    ($($arg:tt)*) => { $crate::cli::report::write_stderr(format_args!("{}\n", format_args!($($arg)*))) };
}
pub(crate) use {eout, eoutln, out, outln};

/// The first error writing to stdout, if any.
static STDOUT_FAILED: Mutex<Option<std::io::Error>> = Mutex::new(None);

/// Writes to stdout; an error is kept for [`stdout_failure`].
pub(crate) fn write_stdout(args: std::fmt::Arguments<'_>) {
    if let Err(e) = std::io::stdout().write_fmt(args) {
        if let Ok(mut first) = STDOUT_FAILED.lock() {
            first.get_or_insert(e);
        }
    }
}

/// Writes bytes to stdout (a file's content: the xlsx table); an error is kept for
/// [`stdout_failure`].
pub(crate) fn out_bytes(bytes: &[u8]) {
    if let Err(e) = std::io::stdout().write_all(bytes) {
        if let Ok(mut first) = STDOUT_FAILED.lock() {
            first.get_or_insert(e);
        }
    }
}

/// Writes to stderr, ignoring errors.
pub(crate) fn write_stderr(args: std::fmt::Arguments<'_>) {
    let _ = std::io::stderr().write_fmt(args);
}

/// Why stdout could not be written to (after flushing it), if it could not.
pub(crate) fn stdout_failure() -> Option<std::io::Error> {
    let flushed = std::io::stdout().flush();
    let mut first = STDOUT_FAILED.lock().ok()?;
    first.take().or(flushed.err())
}

/// Prints an error and its causes; returns the problem exit code.
pub(super) fn report_error(e: &anyhow::Error) -> i32 {
    eoutln!(
        "{}: {}",
        tr!("diag-error"),
        printable(&e.to_string(), MESSAGE_CHARS)
    );
    for cause in e.chain().skip(1) {
        eoutln!(
            "  {}",
            tr!(
                "cli-caused-by",
                cause = printable(&cause.to_string(), MESSAGE_CHARS)
            )
        );
    }
    EXIT_PROBLEM
}

/// Ends the program when a template render passes its memory bound (installed as the
/// library's memory hook): nothing has been written by then, as every command writes its files
/// only after the templates have run.
pub(crate) fn template_memory_exceeded(template: &str) -> ! {
    // Counting has stopped when this runs, so the messages may allocate.
    eoutln!(
        "{}: {}",
        tr!("diag-error"),
        tr!(
            "templates-memory-exceeded",
            template = printable(template, MESSAGE_CHARS),
            gigabytes = report_gen::limits::MAX_TEMPLATE_MEMORY / 1_000_000_000
        )
    );
    eoutln!(
        "{}: {}",
        tr!("diag-help"),
        tr!("templates-memory-exceeded-help")
    );
    std::process::exit(EXIT_PROBLEM)
}

/// Prints why a set of files was not written, saying whether the earlier files are intact;
/// returns the problem exit code.
pub(super) fn report_write_error(e: &WriteError) -> i32 {
    match e {
        WriteError::Mixed {
            error,
            rollback,
            root,
        } => {
            eoutln!(
                "{}: {}",
                tr!("diag-error"),
                tr!("cli-write-mixed", folder = root)
            );
            eoutln!("  {}", tr!("cli-caused-by", cause = format!("{error:#}")));
            eoutln!(
                "  {}",
                tr!("cli-write-rollback-failed", cause = format!("{rollback:#}"))
            );
            eoutln!("  = {}: {}", tr!("diag-help"), tr!("cli-write-mixed-help"));
            EXIT_PROBLEM
        }
        WriteError::Exists(_) => {
            eoutln!("{}: {}: {e}", tr!("diag-error"), tr!("nothing-written"));
            eoutln!("  = {}: {}", tr!("diag-help"), tr!("cli-write-exists-help"));
            EXIT_PROBLEM
        }
        WriteError::Unchanged(e) => {
            eoutln!("{}: {}", tr!("diag-error"), tr!("cli-write-unchanged"));
            for cause in e.chain() {
                eoutln!("  {}", tr!("cli-caused-by", cause = cause.to_string()));
            }
            EXIT_PROBLEM
        }
    }
}

/// Repairs the folder `dir` before a command writes into it, and says so if an earlier run was
/// interrupted there. `Err` (with the exit code, the error printed) if the folder cannot be
/// written into or another run holds it: the command would fail there anyway, after all its
/// work.
pub(super) fn repair_before_writing(dir: &Path) -> Result<(), i32> {
    match report_gen::output::repair(dir) {
        Ok(repair) => {
            if repair.rolled_back {
                eoutln!("{}", tr!("cli-repaired", folder = dir));
            }
            Ok(())
        }
        Err(e) => Err(report_error(&e.context(tr!("nothing-written")))),
    }
}

/// An error and its causes on one line (`watch` keeps going after it).
pub(super) fn one_line(e: &anyhow::Error) -> String {
    let line = e
        .chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ");
    printable(&line, MESSAGE_CHARS).into_owned()
}

/// Prints diagnostics with their excerpts from `sources` (on stderr), sorted by file and
/// position.
pub(super) fn print_diagnostics(sources: &Sources, diags: &[Diagnostic]) {
    if !diags.is_empty() {
        eout!("{}", sources.render(diags));
    }
}

/// Prints diagnostics whose files were not read as data (no excerpt).
pub(super) fn print_unsourced(diags: &[Diagnostic]) {
    for d in diags {
        eout!("{}", d.render(None));
    }
}

/// Prints one diagnostic that carries its file's text.
pub(super) fn print_located(d: &Located) {
    eout!("{}", d.render());
}

/// Prints a diagnostic already rendered with its excerpt (`serve` keeps them rendered, to send
/// the same text to the page).
pub(super) fn print_rendered(text: &str) {
    eout!("{text}");
}

/// "3 errors found in `data`" and, when there are any, ", and 1 warning".
pub(super) fn found_in(counts: Counts, root: &Path, with_warnings: bool) -> String {
    if with_warnings && counts.warnings > 0 {
        tr!(
            "cli-found-in-with-warnings",
            errors = counts.errors_text(),
            warnings = counts.warnings_text(),
            folder = root
        )
    } else {
        tr!("cli-found-in", errors = counts.errors_text(), folder = root)
    }
}
