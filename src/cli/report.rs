//! The one owner of what the commands print about problems: exit codes, errors with their
//! causes, diagnostics with their excerpts, and the "N errors" summaries.

use std::path::Path;

use report_gen::data::load::Sources;
use report_gen::diag::{printable, Counts, Diagnostic, Located};

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: a problem with the data, templates or output.
pub const EXIT_PROBLEM: i32 = 1;
/// Exit code: wrong command line.
pub const EXIT_USAGE: i32 = 2;

/// Prints an error and its causes; returns the problem exit code.
pub(super) fn report_error(e: &anyhow::Error) -> i32 {
    eprintln!("error: {}", printable(&e.to_string(), MESSAGE_CHARS));
    for cause in e.chain().skip(1) {
        eprintln!(
            "  caused by: {}",
            printable(&cause.to_string(), MESSAGE_CHARS)
        );
    }
    EXIT_PROBLEM
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

/// Longest error or cause printed, in characters (a cause may quote a long value).
const MESSAGE_CHARS: usize = 400;

/// Prints diagnostics with their excerpts from `sources` (on stderr), sorted by file and
/// position.
pub(super) fn print_diagnostics(sources: &Sources, diags: &[Diagnostic]) {
    if !diags.is_empty() {
        eprint!("{}", sources.render(diags));
    }
}

/// Prints diagnostics whose files were not read as data (no excerpt).
pub(super) fn print_unsourced(diags: &[Diagnostic]) {
    for d in diags {
        eprint!("{}", d.render(None));
    }
}

/// Prints one diagnostic that carries its file's text.
pub(super) fn print_located(d: &Located) {
    eprint!("{}", d.render());
}

/// Prints a diagnostic already rendered with its excerpt (`serve` keeps them rendered, to send
/// the same text to the page).
pub(super) fn print_rendered(text: &str) {
    eprint!("{text}");
}

/// "3 errors found in `data`" and, when there are any, ", and 1 warning".
pub(super) fn found_in(counts: Counts, root: &Path, with_warnings: bool) -> String {
    let warnings = if with_warnings && counts.warnings > 0 {
        format!(", and {}", counts.warnings_text())
    } else {
        String::new()
    };
    format!(
        "{} found in `{}`{warnings}",
        counts.errors_text(),
        root.display()
    )
}
