//! The commands that help staff write the data: `init`, `new-year` and `schema` (what they
//! print and their exit codes; the files themselves come from `scaffold` and `schema`).

use std::path::{Path, PathBuf};

use super::report::{
    eoutln, out, outln, print_unsourced, report_error, report_write_error, EXIT_OK, EXIT_PROBLEM,
};
use report_gen::data::load::year_path;
use report_gen::data::schema::{self, SchemaFile};
use report_gen::scaffold::{self, CityInfo, NewFile, ScaffoldError};
use report_gen::tr;

/// Options of `report-gen init`.
#[derive(clap::Args, Debug)]
pub(super) struct InitArgs {
    /// The folder for the new data set (created if missing; existing files are never replaced).
    dir: PathBuf,
    /// The city's name, nominative ("Kalisz"); without it, a placeholder to replace later.
    #[arg(long, requires = "city_genitive")]
    city: Option<String>,
    /// The city's name in the genitive, as in "Prezydent Miasta Kalisza" ("Kalisza").
    #[arg(long, requires = "city")]
    city_genitive: Option<String>,
    /// The publishing office (default: "Urząd Miasta" and the genitive).
    #[arg(long, value_name = "NAME")]
    office: Option<String>,
    /// The office's abbreviation for source lines (default: "UM" and the city's initial).
    #[arg(long, value_name = "ABBR")]
    office_abbreviation: Option<String>,
    /// The first report year (default: the current year).
    #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
    year: Option<i32>,
}

/// `report-gen init`: writes a new data set; returns the exit code.
pub(super) fn init(args: &InitArgs) -> i32 {
    let (city, city_genitive) = match (&args.city, &args.city_genitive) {
        (Some(c), Some(g)) => (c.clone(), g.clone()),
        _ => (
            scaffold::PLACEHOLDER_CITY.0.to_string(),
            scaffold::PLACEHOLDER_CITY.1.to_string(),
        ),
    };
    let placeholder = args.city.is_none();
    let info = CityInfo {
        city,
        city_genitive,
        office: args.office.clone(),
        office_abbreviation: args.office_abbreviation.clone(),
    };
    let year = args.year.unwrap_or_else(current_year);
    let files = scaffold::init_files(&args.dir, &info, year);
    if let Some(code) = create_or_report(&args.dir, &files, "report-gen init") {
        return code;
    }
    print_created(&files);
    let dir = args.dir.display();
    outln!("\n{}", tr!("init-next"));
    let mut step = 1;
    if placeholder {
        outln!(
            "  {step}. {}",
            tr!("init-next-city", folder = dir.to_string())
        );
        step += 1;
    }
    outln!(
        "  {step}. {}",
        tr!("init-next-examples", folder = dir.to_string(), year = year)
    );
    outln!(
        "  {}. {}\n       report-gen check --data {dir}\n       report-gen build \
         --data {dir} --year {year} --format md",
        step + 1,
        tr!("init-next-build")
    );
    EXIT_OK
}

/// `report-gen new-year`: writes `years/YEAR.yaml`; returns the exit code.
pub(super) fn new_year(year: i32, data: &Path) -> i32 {
    let (files, from) = match scaffold::new_year_files(data, year) {
        Ok(v) => v,
        Err(e) => return report_scaffold_error(e, "report-gen new-year"),
    };
    if let Some(code) = create_or_report(data, &files, "report-gen new-year") {
        return code;
    }
    print_created(&files);
    let year_file = year_path(data, year);
    match from {
        Some(y) => outln!("\n{}", tr!("new-year-sections-of", year = y)),
        None => outln!("\n{}", tr!("new-year-starting-sections")),
    }
    outln!(
        "{}\n  report-gen check --data {}\n  report-gen build --data {} --year {year}",
        tr!("new-year-next", year = year, file = year_file),
        data.display(),
        data.display()
    );
    EXIT_OK
}

/// `report-gen schema`: prints one schema or writes them all; returns the exit code.
pub(super) fn schema(file: Option<SchemaFile>, write: Option<&Path>) -> i32 {
    match (file, write) {
        (_, Some(dir)) => match schema::write_all(dir) {
            Ok(paths) => {
                for p in paths {
                    outln!("{}", tr!("cli-wrote", file = p));
                }
                EXIT_OK
            }
            Err(e) => report_write_error(&e),
        },
        (Some(file), None) => {
            out!("{}", schema::render(file));
            EXIT_OK
        }
        // clap requires one of the two; kept total rather than panicking.
        (None, None) => report_error(&anyhow::anyhow!(tr!("schema-say-which"))),
    }
}

/// Creates `files`; on failure prints why and returns the exit code.
fn create_or_report(root: &Path, files: &[NewFile], command: &str) -> Option<i32> {
    match scaffold::create(root, files) {
        Ok(()) => None,
        Err(e) => Some(report_scaffold_error(e, command)),
    }
}

fn report_scaffold_error(e: ScaffoldError, command: &str) -> i32 {
    match e {
        ScaffoldError::Exists(diags) => {
            print_unsourced(&diags);
            eoutln!(
                "{}",
                tr!("scaffold-exists", command = command, count = diags.len())
            );
            EXIT_PROBLEM
        }
        ScaffoldError::Write(e) => report_write_error(&e),
        ScaffoldError::Other(e) => report_error(&e),
    }
}

fn print_created(files: &[NewFile]) {
    for (path, _) in files {
        outln!("{}", tr!("cli-created", file = path));
    }
}

/// The current calendar year (UTC), from the system clock; 2024 if the clock is before 1970.
fn current_year() -> i32 {
    use chrono::Datelike as _;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i64::try_from(secs)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map_or(2024, |d| d.year())
}
