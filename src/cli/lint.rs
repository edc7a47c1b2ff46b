//! `report-gen lint`: prints what the lint rules found (or the data's errors) and sets the
//! exit code.

use std::path::Path;

use super::report::{eoutln, found_in, outln, print_diagnostics, EXIT_OK, EXIT_PROBLEM};
use report_gen::diag::Counts;
use report_gen::lint::{run, Outcome};
use report_gen::tr;

/// Lints the data folder `root` (with `year`, only that year's file and the registry); returns
/// the exit code.
pub(super) fn lint(root: &Path, year: Option<i32>, deny_warnings: bool) -> i32 {
    match run(root, year) {
        Outcome::NotLoaded {
            diagnostics,
            sources,
        } => {
            print_diagnostics(&sources, &diagnostics);
            let counts = Counts::of(&diagnostics);
            eoutln!(
                "{}: {}",
                found_in(counts, root, false),
                tr!("lint-fix-first", count = counts.errors)
            );
            EXIT_PROBLEM
        }
        Outcome::Linted {
            findings,
            texts,
            sources,
        } => {
            if findings.is_empty() {
                outln!("{}", tr!("lint-ok", texts = texts, folder = root));
                return EXIT_OK;
            }
            print_diagnostics(&sources, &findings);
            eoutln!(
                "{}",
                tr!(
                    "lint-found",
                    warnings = tr!("count-warnings", count = findings.len()),
                    texts = texts,
                    folder = root
                )
            );
            if deny_warnings {
                EXIT_PROBLEM
            } else {
                EXIT_OK
            }
        }
    }
}
