//! Prints the partner agreements in force at the end of a year, using report-gen as a library.
//!
//!     cargo run --example partner_table -- 2018 [DATA_DIR]

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let year: i32 = match args.next().map(|y| y.parse()) {
        Some(Ok(y)) => y,
        _ => {
            eprintln!("usage: partner_table YEAR [DATA_DIR]");
            return ExitCode::from(2);
        }
    };
    let data = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("data"));
    let report_gen::Loaded {
        set,
        diagnostics,
        sources,
    } = report_gen::load_data(&data);
    let Some(set) = set else {
        eprint!("{}", sources.render(&diagnostics));
        return ExitCode::FAILURE;
    };
    let partners = set.partners_in(year);
    println!(
        "{year}: {} partner cities, {} partner regions",
        partners.cities.len(),
        partners.regions.len()
    );
    for (place, agreement) in set.agreements_until(year) {
        let years = set.years_of_cooperation(place, year).unwrap_or(0);
        println!(
            "{:<32} {:<12} {:>3} lat  {}",
            place.name, agreement.signed, years, agreement.document
        );
    }
    ExitCode::SUCCESS
}
