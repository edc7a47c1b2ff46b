//! Command-line interface: the commands, their flags, and exit codes.
//!
//! Exit codes: 0 success; 1 the data, templates or output have a problem (all are printed);
//! 2 the command line is wrong (unknown command or flag).

use std::path::PathBuf;

use std::path::Path;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::{Diagnostic, Severity};
use crate::load::Sources;
use crate::model::DataSet;
use crate::templates::{self, Templates};

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
    after_help = "Examples:\n  report-gen check\n  report-gen build --year 2023 --format pdf\n  report-gen new-year 2024\n  report-gen init dane --city Kalisz --city-genitive Kalisza\n\nExit codes: 0 success, 1 problems in the data/templates/output (all listed), 2 wrong command line."
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
    /// Build the chapter of one year (Markdown, HTML, PDF).
    #[command(
        after_help = "Examples:\n  report-gen build --year 2023 --format pdf\n  report-gen build --year 2018 --format all --out out/2018\n\nFiles are written to out/YEAR/ unless --out is given, replacing earlier ones only\nwhen the whole build succeeded."
    )]
    Build {
        /// The report year.
        #[arg(long)]
        year: i32,
        /// Output format.
        #[arg(long, value_enum, default_value = "all")]
        format: Format,
        /// The data folder.
        #[arg(long, default_value = "data", value_name = "DIR")]
        data: PathBuf,
        /// A folder whose templates replace the built-in ones, file by file.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Where to write the files (default: out/YEAR).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Find misspelled names, wrong forms and typing slips in the data's texts.
    #[command(after_help = LINT_HELP)]
    Lint {
        /// The data folder.
        #[arg(long, default_value = "data", value_name = "DIR")]
        data: PathBuf,
        /// Exit with code 1 when anything is found (for CI).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Rebuild the chapter of a year whenever a data or template file changes (Ctrl-C stops).
    #[command(
        after_help = "Examples:\n  report-gen watch --year 2023\n  report-gen watch --year 2023 --format all --templates my-templates\n\nOpen the HTML file in a browser and reload the page after each save. A file with\nproblems is reported and the last good chapter is kept; watching goes on.\n\nExit codes: 0 stopped with Ctrl-C; 1 the folders cannot be watched; 2 wrong command line."
    )]
    Watch {
        /// The report year.
        #[arg(long)]
        year: i32,
        /// Output format (html: the page you keep open in a browser).
        #[arg(long, value_enum, default_value = "html")]
        format: Format,
        /// The data folder.
        #[arg(long, default_value = "data", value_name = "DIR")]
        data: PathBuf,
        /// A folder whose templates replace the built-in ones, file by file (also watched).
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Where to write the files (default: out/YEAR).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Print the table of partner agreements signed by the end of a year.
    #[command(
        after_help = "Examples:\n  report-gen table --year 2018\n  report-gen table --year 2023 --format csv > umowy.csv"
    )]
    Table {
        /// The report year.
        #[arg(long)]
        year: i32,
        /// `md` (Markdown table) or `csv` (for spreadsheets: UTF-8, header row).
        #[arg(long, value_enum, default_value = "md")]
        format: TableFormat,
        /// The data folder.
        #[arg(long, default_value = "data", value_name = "DIR")]
        data: PathBuf,
    },
    /// Work with templates.
    #[command(after_help = "Example:\n  report-gen templates export my-templates")]
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },
    /// Start a new data set (for another city) in DIR: every file, commented, ready to build.
    #[command(
        after_help = "Examples:\n  report-gen init dane --city Kalisz --city-genitive Kalisza\n  report-gen init dane --city Kalisz --city-genitive Kalisza --office \"Urząd Miasta Kalisza\" --year 2024\n\nWithout --city the city is a placeholder (\"Przykładowo\") to replace in DIR/report.yaml.\nExisting files are never overwritten."
    )]
    Init(crate::authoring::InitArgs),
    /// Start the chapter of a new year: years/YEAR.yaml with last year's sections and no events.
    #[command(
        after_help = "Examples:\n  report-gen new-year 2024\n  report-gen new-year 2024 --data dane\n\nAn existing year file is never overwritten."
    )]
    NewYear {
        /// The report year to start.
        #[arg(value_parser = clap::value_parser!(i32).range(1000..=9999))]
        year: i32,
        /// The data folder.
        #[arg(long, default_value = "data", value_name = "DIR")]
        data: PathBuf,
    },
    /// Print the JSON Schema of a data file, or write them all (for editor completion and checks).
    #[command(
        after_help = "Examples:\n  report-gen schema --file year\n  report-gen schema --write data/schema\n\nThe data files point at these schemas with their first line,\n  # yaml-language-server: $schema=../schema/year.schema.json\nso that VS Code (with the YAML extension by Red Hat) completes keys and marks mistakes."
    )]
    Schema {
        /// Which file's schema to print.
        #[arg(
            long,
            value_enum,
            required_unless_present = "write",
            conflicts_with = "write"
        )]
        file: Option<crate::schema::SchemaFile>,
        /// Write every schema into this folder instead (usually DATA/schema).
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Examples:\n  report-gen completions bash > ~/.local/share/bash-completion/completions/report-gen\n  report-gen completions zsh > ~/.zfunc/_report-gen\n  report-gen completions fish > ~/.config/fish/completions/report-gen.fish\n  report-gen completions powershell >> $PROFILE"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`.
    #[command(after_help = "Example:\n  report-gen man > report-gen.1 && man ./report-gen.1")]
    Man,
}

const LINT_HELP: &str = "What it finds (as warnings, with file:line:col and what to write instead):
  - misspelled names: the misspellings recorded under `aliases:` in the registry
    (Gyor → Győr), and words a letter or two away from a registry name (Changown);
  - forbidden forms: „Stany Zjednoczone Ameryki Północnej”, „m.in:”, „Miasta Poznań wzięli”;
  - typography: straight \"quotes\" and English “quotes”, „Polsko- Węgierskiej”,
    double spaces, a space before , . ; :, a straight apostrophe (Ra'anana);
  - alt texts that are file names, repeat the caption or are shorter than 3 words.
A one-letter word followed by a plain space („w Poznaniu”) is fine: the chapter adds
the non-breaking space itself.

Examples:
  report-gen lint
  report-gen lint --data data --deny-warnings

Exit codes: 0 nothing found, or only warnings; 1 warnings with --deny-warnings, or the
data has errors (they are printed; fix them first, see `report-gen check`);
2 wrong command line.";

#[derive(Subcommand, Debug)]
enum TemplatesAction {
    /// Write the built-in templates into DIR for editing (existing files are not overwritten).
    #[command(
        after_help = "Example:\n  report-gen templates export my-templates\n  report-gen build --year 2023 --templates my-templates"
    )]
    Export {
        /// The folder to write into.
        dir: PathBuf,
    },
}

/// Output formats of `build`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown, for the portal's editor.
    Md,
    /// A self-contained, accessible web page.
    Html,
    /// PDF for print.
    Pdf,
    /// All three.
    All,
}

/// Output formats of `table`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// A Markdown table.
    Md,
    /// CSV with a header row.
    Csv,
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
        Command::Build {
            year,
            format,
            data,
            templates,
            out,
        } => build(year, format, &data, templates.as_deref(), out.as_deref()),
        Command::Lint {
            data,
            deny_warnings,
        } => crate::lint::command(&data, deny_warnings),
        Command::Watch {
            year,
            format,
            data,
            templates,
            out,
        } => crate::watch::run(&crate::watch::Options {
            year,
            format,
            out: out.unwrap_or_else(|| PathBuf::from("out").join(year.to_string())),
            data,
            templates,
        }),
        Command::Table { year, format, data } => table(year, format, &data),
        Command::Templates {
            action: TemplatesAction::Export { dir },
        } => match templates::export(&dir) {
            Ok(files) => {
                for f in files {
                    println!("wrote {}", f.display());
                }
                EXIT_OK
            }
            Err(e) => report_error(&e),
        },
        Command::Init(args) => crate::authoring::init(&args),
        Command::NewYear { year, data } => crate::authoring::new_year(year, &data),
        Command::Schema { file, write } => crate::authoring::schema(file, write.as_deref()),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "report-gen", &mut std::io::stdout());
            EXIT_OK
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            match clap_mangen::Man::new(cmd).render(&mut std::io::stdout()) {
                Ok(()) => EXIT_OK,
                Err(e) => {
                    report_error(&anyhow::Error::new(e).context("cannot print the manual page"))
                }
            }
        }
    }
}

/// Prints an error and its causes; returns the problem exit code.
pub(crate) fn report_error(e: &anyhow::Error) -> i32 {
    eprintln!("error: {e}");
    for cause in e.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
    EXIT_PROBLEM
}

/// Loads the data set; on errors prints them all and returns `None`.
fn load_or_report(root: &Path) -> Option<(DataSet, Sources)> {
    let (set, diags, sources) = crate::load_data(root);
    print_diagnostics(&sources, &diags);
    if set.is_none() {
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        eprintln!(
            "{errors} error{} found in `{}`: nothing was written",
            if errors == 1 { "" } else { "s" },
            root.display()
        );
    }
    set.map(|s| (s, sources))
}

/// Prints diagnostics with their excerpts (on stderr).
pub(crate) fn print_diagnostics(sources: &Sources, diags: &[Diagnostic]) {
    if !diags.is_empty() {
        eprint!("{}", sources.render(diags));
    }
}

/// Checks that the data has `year`; prints what is available if not.
fn has_year(set: &DataSet, year: i32) -> bool {
    if set.years.contains_key(&year) {
        return true;
    }
    let years: Vec<String> = set.years.keys().map(i32::to_string).collect();
    let file = set.root.join("years").join(format!("{year}.yaml"));
    eprint!(
        "{}",
        Diagnostic::error(&file, None, format!("there is no data for {year}"))
            .with_help(format!(
                "the years with data are: {}; to start {year}, run `report-gen new-year {year} --data {}`",
                if years.is_empty() { "none".to_string() } else { years.join(", ") },
                set.root.display()
            ))
            .render(None)
    );
    false
}

fn build(
    year: i32,
    format: Format,
    data: &Path,
    templates_dir: Option<&Path>,
    out: Option<&Path>,
) -> i32 {
    let templates = match Templates::new(templates_dir) {
        Ok(t) => t,
        Err(e) => return report_error(&e),
    };
    let Some((set, sources)) = load_or_report(data) else {
        return EXIT_PROBLEM;
    };
    if !has_year(&set, year) {
        return EXIT_PROBLEM;
    }
    if matches!(format, Format::Pdf | Format::All) {
        // Checked before rendering, so the message can name the data file and line.
        let unprintable = crate::glyphs::as_errors(crate::glyphs::unprintable(&sources));
        if !unprintable.is_empty() {
            eprint!("{}", sources.render(&unprintable));
            eprintln!("the PDF cannot be made: nothing was written");
            return EXIT_PROBLEM;
        }
    }
    let out_dir = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("out").join(year.to_string()));
    match crate::build::build(&set, year, format, &templates, &out_dir) {
        Ok(files) => {
            for f in files {
                println!("wrote {}", f.display());
            }
            EXIT_OK
        }
        Err(crate::build::BuildError::Diagnostic(d)) => {
            let text = std::fs::read_to_string(&d.file).ok();
            eprint!("{}", d.render(text.as_deref()));
            eprintln!("nothing was written");
            EXIT_PROBLEM
        }
        Err(crate::build::BuildError::Other(e)) => report_error(&e.context("nothing was written")),
    }
}

fn table(year: i32, format: TableFormat, data: &Path) -> i32 {
    let Some((set, _)) = load_or_report(data) else {
        return EXIT_PROBLEM;
    };
    // The table comes from the registry alone, so it exists for any year, with or without a
    // year file.
    let out = match format {
        TableFormat::Md => crate::build::table_markdown(&set, year),
        TableFormat::Csv => crate::build::table_csv(&set, year),
    };
    print!("{out}");
    EXIT_OK
}

fn check(root: &Path) -> i32 {
    let (set, mut diags, sources) = crate::load_data(root);
    diags.extend(crate::glyphs::unprintable(&sources));
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
            let latest = set.years.keys().next_back().copied();
            let partners = match latest.map(|y| (y, set.partners_in(y))) {
                Some((y, p)) => format!(
                    "partners in {y}: cities {}, regions {}",
                    p.cities.len(),
                    p.regions.len()
                ),
                None => "no report years yet".to_string(),
            };
            let warnings = if warnings > 0 {
                format!(
                    " ({warnings} warning{})",
                    if warnings == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            println!(
                "ok: {partners}; registry: {} places, {} organisations, {} projects, {} people; events per year: {}{warnings}",
                set.places.len(),
                set.organisations.len(),
                set.projects.len(),
                set.people.len(),
                years.join(", "),
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
                    format!(
                        ", and {warnings} warning{}",
                        if warnings == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                }
            );
            EXIT_PROBLEM
        }
    }
}
