//! `report-gen check`: every problem of the data, or a one-line summary of what it holds.

use std::path::Path;

use super::report::{eoutln, found_in, outln, print_diagnostics, EXIT_OK, EXIT_PROBLEM};
use report_gen::data::{load_data, Loaded};
use report_gen::diag::Counts;
use report_gen::tr;

/// Checks the data folder `root`; returns the exit code.
pub(super) fn check(root: &Path) -> i32 {
    let Loaded {
        set,
        mut diagnostics,
        sources,
    } = load_data(root);
    diagnostics.extend(report_gen::glyphs::unprintable(&sources));
    print_diagnostics(&sources, &diagnostics);
    let counts = Counts::of(&diagnostics);
    match set {
        Some(set) if counts.errors == 0 => {
            let years: Vec<String> = set
                .years
                .iter()
                .map(|(y, d)| format!("{y}: {}", d.raw.events.len()))
                .collect();
            let latest = set.years.keys().next_back().copied();
            let partners = match latest.map(|y| (y, set.partners_in(y))) {
                Some((y, p)) => tr!(
                    "check-ok-partners",
                    year = y,
                    cities = p.cities.len(),
                    regions = p.regions.len()
                ),
                None => tr!("check-ok-no-years"),
            };
            outln!(
                "{}",
                tr!(
                    "check-ok",
                    partners = partners,
                    places = set.places.len(),
                    organisations = set.organisations.len(),
                    projects = set.projects.len(),
                    people = set.people.len(),
                    events = years.join(", "),
                    warnings = if counts.warnings > 0 {
                        format!(" ({})", counts.warnings_text())
                    } else {
                        String::new()
                    }
                )
            );
            EXIT_OK
        }
        _ => {
            eoutln!("{}", found_in(counts, root, true));
            EXIT_PROBLEM
        }
    }
}
