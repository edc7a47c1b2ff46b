//! Command-line interface: the commands, their flags, and exit codes.
//!
//! Exit codes: 0 success; 1 the data, templates or output have a problem (all are printed);
//! 2 the command line is wrong (unknown command or flag).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::diag::Severity;

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: a problem with the data, templates or output.
pub const EXIT_PROBLEM: i32 = 1;
/// Exit code: wrong command line.
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "report-gen",
    version,
    about = "Builds the chapter „Współpraca międzynarodowa” of the city's annual report from YAML data.",
    after_help = "Examples:\n  report-gen check\n  report-gen build --year 2023 --format pdf\n\nExit codes: 0 success, 1 problems in the data/templates/output (all listed), 2 wrong command line."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check the data for problems, and print a summary if there are none.
    #[command(after_help = "Example:\n  report-gen check --data data")]
    Check {
        /// The data folder.
        #[arg(long, default_value = "data", value_name = "DIR")]
        data: PathBuf,
    },
}

/// Runs the command line; returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    match cli.command {
        Command::Check { data } => check(&data),
    }
}

fn check(root: &std::path::Path) -> i32 {
    let (set, diags, sources) = crate::load_data(root);
    if !diags.is_empty() {
        eprint!("{}", sources.render(&diags));
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    match set {
        Some(set) if errors == 0 => {
            let years: Vec<String> = set
                .years
                .iter()
                .map(|(y, d)| format!("{y}: {}", d.raw.events.len()))
                .collect();
            let partners: usize = set
                .places
                .iter()
                .filter(|p| !p.agreements.is_empty())
                .count();
            println!(
                "ok: {} partners and places with agreements, {} places, {} organisations, {} projects; events per year: {}{}",
                partners,
                set.places.len() - partners,
                set.organisations.len(),
                set.projects.len(),
                years.join(", "),
                if warnings > 0 { format!(" ({warnings} warnings)") } else { String::new() }
            );
            EXIT_OK
        }
        _ => {
            eprintln!(
                "{} error{} found in `{}`{}",
                errors,
                if errors == 1 { "" } else { "s" },
                root.display(),
                if warnings > 0 {
                    format!(", and {warnings} warnings")
                } else {
                    String::new()
                }
            );
            EXIT_PROBLEM
        }
    }
}
