//! Command-line interface: the commands, their flags, and exit codes. This folder is the only
//! code that reads flags or the environment, prints, or returns an exit code; the library
//! stages below it only take arguments and return values or diagnostics.
//!
//! Exit codes: 0 success; 1 the data, templates or output have a problem (all are printed);
//! 2 the command line is wrong (unknown command or flag).

mod authoring;
mod build;
mod changes;
mod check;
mod lang;
mod lint;
mod report;
mod serve;
mod watch;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use report_gen::chapter::templates;

use report::{outln, report_error};
use report::{EXIT_OK, EXIT_USAGE};

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
    /// The language of messages and help: pl or en (default: REPORT_GEN_LANG, else the system's
    /// language; Polish when it is not set).
    #[arg(long, global = true, value_name = "LANG", value_parser = lang::codes())]
    lang: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check the data for problems, and print a summary if there are none.
    #[command(after_help = "Example:\n  report-gen check --data data")]
    Check {
        /// The data folder.
        #[arg(long, default_value = "data", value_name = "DIR")]
        data: PathBuf,
        /// (`check` reads every year; a year given here is answered with the right command.)
        #[arg(value_name = "YEAR", hide = true, allow_hyphen_values = true)]
        year: Option<String>,
        /// (As YEAR.)
        #[arg(long = "year", value_name = "YEAR", hide = true)]
        year_flag: Option<String>,
    },
    /// Build the chapter of one year (Markdown, HTML, PDF, Word).
    #[command(
        after_help = "Examples:\n  report-gen build 2023 --format pdf\n  report-gen build --year 2018 --format all --out out/2018\n  report-gen build --year 2023 --format html --fragments\n\nFiles are written to out/YEAR/ unless --out is given, replacing earlier ones only\nwhen the whole build succeeded."
    )]
    Build {
        #[command(flatten)]
        render: RenderArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "all")]
        format: FormatArg,
        /// With the HTML page, also one HTML fragment per section (no page shell) for the
        /// city's portal, in CHAPTER-YEAR-fragmenty/ (01-….html, 02-….html, … in order).
        #[arg(long)]
        fragments: bool,
    },
    /// Find misspelled names, wrong forms and typing slips in the data's texts.
    #[command(after_help = LINT_HELP)]
    Lint {
        #[command(flatten)]
        year: OptionalYear,
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
        #[command(flatten)]
        render: RenderArgs,
        /// Output format (html: the page you keep open in a browser).
        #[arg(long, value_enum, default_value = "html")]
        format: FormatArg,
    },
    /// Preview the chapter in a browser: it updates itself on every save and shows every problem.
    #[command(after_help = SERVE_HELP)]
    Serve(serve::ServeArgs),
    /// Print or save the table of partner agreements signed by the end of a year.
    #[command(after_help = TABLE_HELP)]
    Table {
        #[command(flatten)]
        year: YearArg,
        /// `md` (Markdown table), `csv` (RFC 4180: comma, UTF-8), `csv-excel` (for Excel with
        /// Polish settings: semicolon, UTF-8 with BOM) or `xlsx` (an Excel workbook).
        #[arg(long, value_enum, default_value = "md")]
        format: TableFormat,
        /// Write the table into FILE (replaced whole, or left as it was if anything fails)
        /// instead of printing it. Needed for `xlsx` unless the output goes to a pipe.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
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
    Init(authoring::InitArgs),
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
        file: Option<report_gen::data::schema::SchemaFile>,
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
  - alt texts that are file names, repeat the caption or are shorter than 3 words;
  - a place's local name in Polish text (z Hannover → z Hanoweru);
  - list items that start with a capital, or have one after „;” (; Omówiono → ; omówiono).
A one-letter word followed by a plain space („w Poznaniu”) is fine: the chapter adds
the non-breaking space itself.

Examples:
  report-gen lint
  report-gen lint 2024          (only the texts of 2024 and the registry)
  report-gen lint --data data --deny-warnings

Exit codes: 0 nothing found, or only warnings; 1 warnings with --deny-warnings, or the
data has errors (they are printed; fix them first, see `report-gen check`);
2 wrong command line.";

const TABLE_HELP: &str = "Examples:
  report-gen table --year 2018
  report-gen table --year 2023 --format xlsx --output umowy-2023.xlsx
  report-gen table --year 2023 --format csv-excel --output umowy-2023.csv
  report-gen table --year 2023 --format csv > umowy.csv

xlsx: the signing dates are date cells (dd.mm.yyyy), the header row is bold, stays in view
and has filters. csv-excel opens by double-click in Excel with Polish settings; csv is the
standard form for other programs. With --output the file is replaced only when the whole
table was written.";

const SERVE_HELP: &str = "Examples:
  report-gen serve
  report-gen serve --year 2023 --open
  report-gen serve --port 0 --templates my-templates

Open the address it prints (http://127.0.0.1:8765/ unless --port says otherwise) in a
browser. Every save of a data or template file rebuilds the chapter and the page updates
itself, keeping its place. If a save has problems, they are shown over the page (file, line,
column, what to do) and the last good chapter stays beneath; the next good save removes them.
The bar at the top switches years and opens the PDF and the Markdown. Only this computer can
open the page (127.0.0.1); nothing is written.

Exit codes: 0 stopped with Ctrl-C; 1 the port is in use or the folders cannot be watched;
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

/// The report year of a command, written either way: `build 2024` (as `new-year 2024`) or
/// `build --year 2024`.
#[derive(Args, Debug, Clone, Copy)]
struct YearArg {
    /// The report year (`--year YEAR` works as well).
    #[arg(
        value_name = "YEAR",
        required_unless_present = "year",
        conflicts_with = "year"
    )]
    year_given: Option<i32>,
    /// The report year (or write it without `--year`, as in `build 2024`).
    #[arg(long, value_name = "YEAR")]
    year: Option<i32>,
}

impl YearArg {
    /// The year given (clap requires one of the two forms).
    fn get(self) -> i32 {
        self.year.or(self.year_given).unwrap_or_default()
    }
}

/// An optional report year, written either way: `lint 2024` or `lint --year 2024`.
#[derive(Args, Debug, Clone, Copy)]
pub(crate) struct OptionalYear {
    /// The report year (`--year YEAR` works as well); `lint`: only that year's texts and the
    /// registry; `serve`: the year shown first.
    #[arg(value_name = "YEAR", conflicts_with = "year")]
    year_given: Option<i32>,
    /// The report year (or write it without `--year`: `lint 2024`).
    #[arg(long, value_name = "YEAR")]
    year: Option<i32>,
}

impl OptionalYear {
    /// The year given, if any.
    pub(crate) fn get(self) -> Option<i32> {
        self.year.or(self.year_given)
    }
}

/// What `build` and `watch` render: the year and the folders to read and write.
#[derive(Args, Debug, Clone)]
struct RenderArgs {
    #[command(flatten)]
    year_arg: YearArg,
    /// The data folder.
    #[arg(long, default_value = "data", value_name = "DIR")]
    data: PathBuf,
    /// A folder whose templates replace the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Where to write the files (default: out/YEAR).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// A draft for the office: a figure whose photo is missing shows a placeholder with its
    /// caption (a published build leaves it out).
    #[arg(long)]
    draft: bool,
}

impl RenderArgs {
    /// The report year.
    fn year(&self) -> i32 {
        self.year_arg.get()
    }

    /// The output folder: `--out`, or `out/YEAR`.
    fn out_dir(&self) -> PathBuf {
        self.out
            .clone()
            .unwrap_or_else(|| PathBuf::from("out").join(self.year().to_string()))
    }
}

/// Output formats of `build` and `watch`, as the command line names them.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FormatArg {
    /// Markdown, for the portal's editor.
    Md,
    /// A self-contained, accessible web page.
    Html,
    /// PDF for print.
    Pdf,
    /// A Word document (DOCX), for assembling the whole report.
    Docx,
    /// All four.
    All,
}

impl From<FormatArg> for report_gen::build::Format {
    fn from(f: FormatArg) -> Self {
        use report_gen::build::Format;
        match f {
            FormatArg::Md => Format::Md,
            FormatArg::Html => Format::Html,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Docx => Format::Docx,
            FormatArg::All => Format::All,
        }
    }
}

/// Output formats of `table`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum TableFormat {
    /// A Markdown table.
    Md,
    /// CSV with a header row (RFC 4180: comma, UTF-8 without BOM, CRLF).
    Csv,
    /// CSV for Excel with Polish settings (semicolon, UTF-8 with BOM, CRLF).
    CsvExcel,
    /// An Excel workbook (.xlsx).
    Xlsx,
}

impl From<TableFormat> for report_gen::table::TableFormat {
    fn from(f: TableFormat) -> Self {
        use report_gen::table::TableFormat as T;
        match f {
            TableFormat::Md => T::Markdown,
            TableFormat::Csv => T::Csv,
            TableFormat::CsvExcel => T::CsvExcel,
            TableFormat::Xlsx => T::Xlsx,
        }
    }
}

/// Runs the command line; returns the exit code.
pub fn main() -> i32 {
    quiet_on_closed_pipes();
    report_gen::limits::set_memory_hook(report::template_memory_exceeded);
    let code = run();
    match report::stdout_failure() {
        // Already ended by SIGPIPE on Unix; elsewhere the reader is gone, so is the output.
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Some(e) => {
            report_error(&anyhow::Error::new(e).context(report_gen::tr!("cli-cannot-write-output")))
        }
        None => code,
    }
}

/// Makes a write to a closed pipe (`report-gen check | head -1`, a pager quit early) end the
/// program quietly, as it ends every Unix tool, instead of failing the write: Rust ignores
/// SIGPIPE, and a failed `println!` panics with exit code 101. The files are written before
/// anything is printed about them, and a set of files survives being stopped at any point
/// (see `report_gen::output`).
fn quiet_on_closed_pipes() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists; SIG_DFL is a
    // valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// The command line with its help in the language in force.
fn command() -> clap::Command {
    lang::localize(<Cli as clap::CommandFactory>::command())
}

/// Runs the command; returns the exit code.
fn run() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    report_gen::i18n::set_lang(lang::choose(&args));
    // Parsed with the built-in texts first: translating every help text costs more than a
    // whole `check` needs, and only help and errors show them. Those parse again, translated.
    let parsed = <Cli as clap::Parser>::try_parse_from(&args).or_else(|_| {
        command()
            .try_get_matches_from(&args)
            .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            match lang::usage_error(&e, &args) {
                Some(text) => report::eout!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    match cli.command {
        Command::Check {
            data,
            year,
            year_flag,
        } => match year.or(year_flag) {
            // The whole data set is one check: a year's chapter depends on the registry.
            Some(year) => {
                report::eoutln!(
                    "{}: {}\n  = {}: {}",
                    report_gen::tr!("diag-error"),
                    report_gen::tr!("check-takes-no-year"),
                    report_gen::tr!("diag-help"),
                    report_gen::tr!("check-takes-no-year-help", year = year)
                );
                EXIT_USAGE
            }
            None => check::check(&data),
        },
        Command::Build {
            format,
            render,
            fragments,
        } => build::build(&render, format.into(), fragments),
        Command::Lint {
            year,
            data,
            deny_warnings,
        } => lint::lint(&data, year.get(), deny_warnings),
        Command::Watch { format, render } => watch::run(&render, format.into()),
        Command::Serve(args) => serve::run(&args),
        Command::Table {
            year,
            format,
            output,
            data,
        } => build::table(year.get(), format.into(), output.as_deref(), &data),
        Command::Templates {
            action: TemplatesAction::Export { dir },
        } => match templates::export(&dir) {
            Ok(files) => {
                for f in files {
                    outln!("{}", report_gen::tr!("cli-wrote", file = f));
                }
                EXIT_OK
            }
            Err(e) => report::report_write_error(&e),
        },
        Command::Init(args) => authoring::init(&args),
        Command::NewYear { year, data } => authoring::new_year(year, &data),
        Command::Schema { file, write } => authoring::schema(file, write.as_deref()),
        Command::Completions { shell } => {
            // The untranslated command: clap_complete builds it again itself, which the
            // translated one (already built) does not allow; the script holds no help texts
            // for bash, and English ones for the shells that show them.
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "report-gen", &mut std::io::stdout());
            EXIT_OK
        }
        Command::Man => {
            let cmd = command();
            match clap_mangen::Man::new(cmd).render(&mut std::io::stdout()) {
                Ok(()) => EXIT_OK,
                Err(e) => report_error(
                    &anyhow::Error::new(e).context(report_gen::tr!("cli-cannot-print-man")),
                ),
            }
        }
    }
}
