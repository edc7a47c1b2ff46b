//! `build`: render the requested formats in memory, then write them all; nothing is written if
//! any format fails.

use std::path::{Path, PathBuf};

use crate::chapter;
use crate::cli::Format;
use crate::diag::Diagnostic;
use crate::model::DataSet;
use crate::output;
use crate::templates::Templates;
use crate::view;

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// A problem in the user's templates or data, with its location.
    Diagnostic(Box<Diagnostic>),
    /// Anything else (a file that cannot be written, an image that cannot be read).
    Other(anyhow::Error),
}

impl From<Diagnostic> for BuildError {
    fn from(d: Diagnostic) -> Self {
        BuildError::Diagnostic(Box::new(d))
    }
}

impl From<anyhow::Error> for BuildError {
    fn from(e: anyhow::Error) -> Self {
        BuildError::Other(e)
    }
}

/// Renders `year` in `format` (every format for `All`) and writes the files into `out_dir`.
/// Returns the files written.
pub fn build(
    set: &DataSet,
    year: i32,
    format: Format,
    templates: &Templates,
    out_dir: &Path,
) -> Result<Vec<PathBuf>, BuildError> {
    let files = render(set, year, format, templates)?;
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = out_dir.join(name);
        output::write_atomic(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Renders `year` in `format` without writing anything: (file name, bytes) per format.
pub fn render(
    set: &DataSet,
    year: i32,
    format: Format,
    templates: &Templates,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let ch = chapter::render(set, year, templates)?;
    let wants = |f: Format| format == f || format == Format::All;
    let mut files = Vec::new();
    if wants(Format::Md) {
        files.push((
            chapter::file_name(set, year, "md"),
            ch.markdown.clone().into_bytes(),
        ));
    }
    let html = || -> Result<Vec<u8>, BuildError> {
        let css = templates.raw("style.css")?;
        crate::html::render(&ch.document, templates.env(), &css, &set.root)
            .map_err(|e| page_template_error(templates, e))
    };
    let pdf = || -> Result<Vec<u8>, BuildError> {
        let opts = crate::pdf::PdfOptions {
            source_date_epoch: pdf_date(year)?,
        };
        Ok(crate::pdf::render(&ch.document, &set.root, &opts)?)
    };
    // Both from the same document: the HTML on a second core while the PDF is laid out.
    let (html, pdf) = match (wants(Format::Html), wants(Format::Pdf)) {
        (true, true) => std::thread::scope(|scope| {
            let html = scope.spawn(html);
            let pdf = pdf();
            let html = html.join().unwrap_or_else(|_| {
                Err(anyhow::anyhow!("internal error: the HTML writer stopped").into())
            });
            (Some(html), Some(pdf))
        }),
        (true, false) => (Some(html()), None),
        (false, true) => (None, Some(pdf())),
        (false, false) => (None, None),
    };
    if let Some(html) = html {
        files.push((chapter::file_name(set, year, "html"), html?));
    }
    if let Some(pdf) = pdf {
        files.push((chapter::file_name(set, year, "pdf"), pdf?));
    }
    Ok(files)
}

/// An error of the HTML page template as a diagnostic naming the user's template file and line,
/// like the chapter template's; other HTML errors (an unreadable image) stay as they are.
fn page_template_error(templates: &Templates, e: anyhow::Error) -> BuildError {
    match e.chain().find_map(|c| c.downcast_ref::<minijinja::Error>()) {
        Some(te) => templates
            .diagnostic(crate::html::PAGE_TEMPLATE_NAME, te)
            .into(),
        None => e.into(),
    }
}

/// The date written into the PDF: `SOURCE_DATE_EPOCH` (seconds since 1970) when set, so that
/// packagers and archives can pin it; otherwise 1 January after the report year, a date taken
/// from the data, so that the same data always gives the same bytes.
fn pdf_date(year: i32) -> anyhow::Result<i64> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => v.trim().parse::<i64>().map_err(|_| {
            anyhow::anyhow!("SOURCE_DATE_EPOCH is `{v}`, but it must be a whole number of seconds since 1970 (or unset)")
        }),
        _ => Ok(chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(0, |t| t.and_utc().timestamp())),
    }
}

/// The agreement table of `year` as a Markdown table (what the chapter shows).
pub fn table_markdown(set: &DataSet, year: i32) -> String {
    let mut out = String::from(
        "| Miasto, kraj | Dokument, data podpisania | Zakres współpracy |\n|---|---|---|\n",
    );
    for r in view::agreement_rows(set, year) {
        out.push_str(&format!("| {} | {} | {} |\n", r.place, r.document, r.scope));
    }
    crate::markdown::typeset_markdown(&out)
}

/// The agreement table of `year` as CSV for spreadsheets: UTF-8, a header row, one column per
/// fact (city, country, document, signing date, scope).
pub fn table_csv(set: &DataSet, year: i32) -> String {
    let mut out = String::from("Miasto,Kraj,Dokument,Data podpisania,Zakres współpracy\r\n");
    for r in view::agreement_rows(set, year) {
        let cells = [
            &r.place_plain,
            &r.country_plain,
            &r.document_plain,
            &r.signed_plain.replace('\u{a0}', " "),
            &r.scope_plain,
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// Quotes a CSV cell when needed (RFC 4180).
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
