//! `report-gen lint`: prints what the lint rules found (or the data's errors) and sets the
//! exit code.

use std::path::Path;

use super::report::{eoutln, found_in, outln, print_diagnostics, EXIT_OK, EXIT_PROBLEM};
use report_gen::diag::{count, Counts};
use report_gen::lint::{run, Outcome};

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
                "{}: fix {} first, then run `report-gen lint` again",
                found_in(counts, root, false),
                if counts.errors == 1 { "it" } else { "them" },
            );
            EXIT_PROBLEM
        }
        Outcome::Linted {
            findings,
            texts,
            sources,
        } => {
            if findings.is_empty() {
                outln!("ok: nothing found in {texts} texts of `{}`", root.display());
                return EXIT_OK;
            }
            print_diagnostics(&sources, &findings);
            eoutln!(
                "{} in {texts} texts of `{}`",
                count(findings.len(), "warning"),
                root.display()
            );
            if deny_warnings {
                EXIT_PROBLEM
            } else {
                EXIT_OK
            }
        }
    }
}
