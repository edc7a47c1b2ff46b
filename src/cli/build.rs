//! `report-gen build` and `report-gen table`.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use super::report::{
    eoutln, found_in, out_bytes, outln, print_diagnostics, print_located, print_unsourced,
    repair_before_writing, report_error, report_write_error, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE,
};
use super::RenderArgs;
use report_gen::build::{BuildError, Extras, Format};
use report_gen::chapter::templates::Templates;
use report_gen::data::load::Sources;
use report_gen::data::model::DataSet;
use report_gen::data::{load_data, Loaded};
use report_gen::diag::Counts;
use report_gen::output;
use report_gen::table::TableFormat;
use report_gen::tr;

/// Builds the chapter as `args` and `format` say, with the HTML fragments if `fragments`;
/// returns the exit code.
pub(super) fn build(args: &RenderArgs, format: Format, fragments: bool) -> i32 {
    if fragments && !matches!(format, Format::Html | Format::All) {
        eoutln!(
            "{}: {}",
            tr!("diag-error"),
            tr!("build-fragments-need-html")
        );
        return EXIT_USAGE;
    }
    if let Err(code) = repair_before_writing(&args.out_dir()) {
        return code;
    }
    let templates = match Templates::new(args.templates.as_deref()) {
        Ok(t) => t,
        Err(e) => return report_error(&e),
    };
    let Some((set, sources)) = load_or_report(&args.data) else {
        return EXIT_PROBLEM;
    };
    let year = args.year();
    if !set.years.contains_key(&year) {
        print_unsourced(&[report_gen::chapter::no_data(&set, year)]);
        return EXIT_PROBLEM;
    }
    let wants_pdf = matches!(format, Format::Pdf | Format::All);
    if wants_pdf {
        // Checked before rendering, so the message can name the data file and line.
        let unprintable = report_gen::glyphs::as_errors(report_gen::glyphs::unprintable(&sources));
        if !unprintable.is_empty() {
            print_diagnostics(&sources, &unprintable);
            eoutln!("{}", tr!("build-no-pdf"));
            return EXIT_PROBLEM;
        }
    }
    // The PDF and the DOCX carry a date.
    let dated = matches!(format, Format::Pdf | Format::Docx | Format::All);
    let epoch = match dated.then(source_date_epoch).transpose() {
        Ok(epoch) => epoch.flatten(),
        Err(e) => return report_error(&e.context(tr!("nothing-written"))),
    };
    let extras = Extras {
        html_fragments: fragments,
        draft: args.draft,
    };
    let out = args.out_dir();
    match report_gen::build::build_with(&set, year, format, extras, &templates, epoch, &out) {
        Ok(files) => {
            for f in files {
                outln!("{}", tr!("cli-wrote", file = f));
            }
            // Said once, with where each is: what the published chapter leaves out.
            let missing = report_gen::chapter::figures_without_image(&set, &sources, year);
            if !args.draft && !missing.is_empty() {
                print_diagnostics(&sources, &missing);
                eoutln!("{}", tr!("build-figures-left-out", count = missing.len()));
            }
            EXIT_OK
        }
        Err(BuildError::Diagnostic(d)) => {
            print_located(&d);
            eoutln!("{}", tr!("nothing-written"));
            EXIT_PROBLEM
        }
        Err(BuildError::Other(e)) => report_error(&e.context(tr!("nothing-written"))),
        Err(BuildError::Write(e)) => report_write_error(&e),
    }
}

/// Prints the agreement table of `year`, or writes it into `output`; returns the exit code.
pub(super) fn table(year: i32, format: TableFormat, output: Option<&Path>, data: &Path) -> i32 {
    let target = match output.map(output_file).transpose() {
        Ok(target) => target,
        Err(message) => {
            eoutln!("{}: {message}", tr!("diag-error"));
            return EXIT_USAGE;
        }
    };
    if format.is_binary() && target.is_none() && std::io::stdout().is_terminal() {
        eoutln!(
            "{}: {}\n  = {}: {}",
            tr!("diag-error"),
            tr!("table-xlsx-to-terminal"),
            tr!("diag-help"),
            tr!("table-xlsx-to-terminal-help", year = year)
        );
        return EXIT_USAGE;
    }
    if let Some((dir, _)) = &target {
        if let Err(code) = repair_before_writing(dir) {
            return code;
        }
    }
    let Some((set, _)) = load_or_report(data) else {
        return EXIT_PROBLEM;
    };
    let epoch = if format == TableFormat::Xlsx {
        match source_date_epoch() {
            Ok(epoch) => epoch,
            Err(e) => return report_error(&e.context(tr!("nothing-written"))),
        }
    } else {
        None
    };
    // The table comes from the registry alone, so it exists for any year, with or without a
    // year file.
    let bytes = match report_gen::table::render(&set, year, format, epoch) {
        Ok(bytes) => bytes,
        Err(e) => return report_error(&e.context(tr!("nothing-written"))),
    };
    match target {
        None => {
            out_bytes(&bytes);
            EXIT_OK
        }
        Some((dir, name)) => {
            let mut files = output::FileSet::new(&dir);
            files.replace(name, bytes);
            match files.commit() {
                Ok(_) => {
                    // As the user wrote it (not `./umowy.xlsx`).
                    outln!("{}", tr!("cli-wrote", file = output.unwrap_or(&dir)));
                    EXIT_OK
                }
                Err(e) => report_write_error(&e),
            }
        }
    }
}

/// `--output FILE` as the folder to write into and the file's name there; `Err` with the
/// message when it names no file (`.`, `..`, a path ending in `/`).
fn output_file(path: &Path) -> Result<(PathBuf, std::ffi::OsString), String> {
    let ends_in_separator = path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator);
    match path.file_name() {
        Some(name) if !ends_in_separator => {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            Ok((dir, name.to_os_string()))
        }
        _ => Err(tr!("table-output-is-folder", path = path)),
    }
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970), when set: the date written into the PDF and the
/// DOCX, so that
/// packagers and archives can pin it. Read here, where the command line reads its
/// environment; the library takes it as an argument.
pub(super) fn source_date_epoch() -> anyhow::Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| anyhow::anyhow!(tr!("build-bad-epoch", value = v))),
        _ => Ok(None),
    }
}

/// Loads the data set; on errors prints them all and returns `None`.
fn load_or_report(root: &Path) -> Option<(DataSet, Sources)> {
    let Loaded {
        set,
        diagnostics,
        sources,
    } = load_data(root);
    print_diagnostics(&sources, &diagnostics);
    if set.is_none() {
        eoutln!(
            "{}: {}",
            found_in(Counts::of(&diagnostics), root, false),
            tr!("nothing-written")
        );
    }
    set.map(|s| (s, sources))
}
