//! The agreement table as an Excel workbook (rust_xlsxwriter): one sheet named in Polish, a
//! bold header row that stays in view and has filters, columns as wide as their content, the
//! signing dates as date cells, and every other cell a text cell (never a formula).

use std::io::{Cursor, Read as _, Write as _};

use anyhow::Context as _;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

use super::{looks_like_formula, text_cells, HEADER};
use crate::chapter::view::AgreementRow;
use crate::data::date::Date;
use crate::data::model::DataSet;
use crate::tr;

/// The date column (0-based), written as dates.
const DATE_COLUMN: u16 = 3;
/// The widest a text column gets, in characters (Excel's unit); longer texts wrap. Wide enough
/// for a document's name on one line, narrow enough that the scope stays on screen.
const MAX_WIDTH: usize = 60;
/// About how many characters of ordinary text fit on a line of a [`MAX_WIDTH`] column: the
/// width unit is a digit, wider than most letters (measured in LibreOffice: 75 characters of
/// the scopes; a little fewer here, so that a row is never too short).
const LINE_CHARS: usize = MAX_WIDTH * 6 / 5 - 4;
/// The height of one line of text in a row, in points (Calibri 11, Excel's default).
const ROW_HEIGHT: f64 = 15.0;
/// The language declared in the workbook's properties.
const LANGUAGE: &str = "pl-PL";

/// The workbook's bytes. `epoch`: its creation date, seconds since 1970.
///
/// A signing date is a date cell at its precision: a day as `dd.mm.yyyy`; when the data has
/// only a month (`2018-04`) the 1st of that month shown as `mm.yyyy`, and only a year (`2023`)
/// 1 January shown as `yyyy`, so that the column sorts and filters by date without showing
/// a day nobody knows. A date Excel cannot hold (before 1900) stays the chapter's text.
pub(super) fn workbook(
    set: &DataSet,
    year: i32,
    rows: &[AgreementRow],
    epoch: i64,
) -> anyhow::Result<Vec<u8>> {
    if let Some(message) = too_long(rows) {
        anyhow::bail!(message);
    }
    let mut book = Workbook::new();
    book.set_properties(&properties(set, year, epoch));
    let sheet = book.add_worksheet();
    let fail = || tr!("table-xlsx-internal");
    fill(sheet, year, rows).with_context(fail)?;
    let bytes = book.save_to_buffer().with_context(fail)?;
    with_language(&bytes)
}

/// The most characters an Excel cell holds.
const CELL_CHARS: usize = 32_767;

/// What to say when a text is longer than an Excel cell holds (the CSV and the chapter carry
/// any length, so this is the xlsx's own limit, said as such rather than as an internal error).
fn too_long(rows: &[AgreementRow]) -> Option<String> {
    rows.iter().find_map(|r| {
        let cells = text_cells(r);
        let (col, len) = cells
            .iter()
            .enumerate()
            .map(|(col, c)| (col, crate::text::fold_lines(c).chars().count()))
            .find(|(_, len)| *len > CELL_CHARS)?;
        Some(tr!(
            "table-xlsx-cell-too-long",
            field = ["name", "country", "document", "signed", "scope"][col],
            place = r.place_plain.as_str(),
            length = len,
            max = CELL_CHARS
        ))
    })
}

/// Title, subject, author and creation date (Excel's *File → Info*).
fn properties(set: &DataSet, year: i32, epoch: i64) -> DocProperties {
    let r = &set.report;
    let created = ExcelDateTime::from_timestamp(epoch)
        .or_else(|_| ExcelDateTime::from_timestamp(crate::build::new_year_after(year)))
        .or_else(|_| ExcelDateTime::from_ymd(2000, 1, 1));
    let props = DocProperties::new()
        .set_title(format!(
            "Umowy partnerskie {} – stan na koniec {year} r.",
            r.city_genitive
        ))
        .set_subject(format!(
            "{} za {year} r. – {}",
            r.report_title, r.chapter_title
        ))
        .set_author(r.office.clone())
        .set_company(r.office.clone());
    match created {
        Ok(created) => props.set_creation_datetime(&created),
        Err(_) => props,
    }
}

fn fill(sheet: &mut Worksheet, year: i32, rows: &[AgreementRow]) -> anyhow::Result<()> {
    sheet.set_name(format!("Umowy partnerskie {year}"))?;
    let header = Format::new().set_bold().set_align(FormatAlign::Top);
    let cells: Vec<[String; 5]> = rows.iter().map(text_cells).collect();
    let mut widths: Vec<usize> = HEADER.iter().map(|h| h.chars().count() + 2).collect();
    for row in &cells {
        for (col, text) in row.iter().enumerate() {
            let text = crate::text::fold_lines(text);
            widths[col] = widths[col].max(text.chars().count() + 1);
        }
    }
    widths[DATE_COLUMN as usize] = widths[DATE_COLUMN as usize].min(HEADER[3].len() + 2);
    for (col, name) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &header)?;
    }
    for (i, (r, texts)) in rows.iter().zip(&cells).enumerate() {
        let row = i as u32 + 1;
        let mut lines = 1;
        for (col, text) in texts.iter().enumerate() {
            let col16 = col as u16;
            let wrap = widths[col] > MAX_WIDTH;
            if wrap {
                lines = lines.max(wrapped_lines(text, LINE_CHARS));
            }
            if col16 == DATE_COLUMN {
                if let Some((date, shown)) = excel_date(&r.signed) {
                    let format = Format::new()
                        .set_num_format(shown)
                        .set_align(FormatAlign::Left)
                        .set_align(FormatAlign::Top);
                    sheet.write_datetime_with_format(row, col16, date, &format)?;
                    continue;
                }
            }
            write_text(sheet, row, col16, text, wrap)?;
        }
        if lines > 1 {
            // Neither Excel nor LibreOffice makes a row taller for wrapped text on opening.
            sheet.set_row_height(row, ROW_HEIGHT * lines as f64)?;
        }
    }
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (*width).min(MAX_WIDTH) as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    // Printed: landscape, one page wide, the header row on every page.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, HEADER.len() as u16 - 1)?;
    Ok(())
}

/// A text cell, on one line (line breaks folded, as in the chapter's table). It is a string
/// cell, so it is never run as a formula; one that starts like a formula (`=`, `+`, `-`, `@`)
/// also gets Excel's quote prefix, the apostrophe Excel itself adds, so that it stays text when
/// someone edits the cell and presses Enter.
fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    wrap: bool,
) -> anyhow::Result<()> {
    let text = crate::text::fold_lines(text);
    let mut format = Format::new().set_align(FormatAlign::Top);
    if wrap {
        format = format.set_text_wrap();
    }
    if looks_like_formula(&text) {
        format = format.set_quote_prefix();
    }
    sheet.write_string_with_format(row, col, text.as_ref(), &format)?;
    Ok(())
}

/// How many lines `text` takes when wrapped at word boundaries into lines of `width`
/// characters.
fn wrapped_lines(text: &str, width: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for word in crate::text::fold_lines(text).split(' ') {
        let len = word.chars().count();
        if used > 0 && used + 1 + len > width {
            lines += 1;
            used = len;
        } else {
            used += len + usize::from(used > 0);
        }
    }
    lines
}

/// The date as Excel stores it, with the number format that shows its precision; `None` for a
/// date Excel cannot hold.
fn excel_date(date: &Date) -> Option<(ExcelDateTime, &'static str)> {
    use chrono::Datelike as _;
    let (y, m, d, shown) = match *date {
        Date::Day(d) | Date::Range(d, _) => (d.year(), d.month(), d.day(), "dd.mm.yyyy"),
        Date::Month { year, month } => (year, month, 1, "mm.yyyy"),
        Date::Year(year) => (year, 1, 1, "yyyy"),
    };
    if y < 1900 {
        // Excel's dates start in 1900.
        return None;
    }
    let date = ExcelDateTime::from_ymd(u16::try_from(y).ok()?, m as u8, d as u8).ok()?;
    Some((date, shown))
}

/// The workbook with `dc:language` in its core properties, which rust_xlsxwriter does not
/// write: screen readers and document systems read the language there. The other parts are
/// copied as they are (same compressed bytes).
fn with_language(xlsx: &[u8]) -> anyhow::Result<Vec<u8>> {
    const CORE: &str = "docProps/core.xml";
    let fail = || tr!("table-xlsx-internal-properties");
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).with_context(fail)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(xlsx.len() + 64)));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).with_context(fail)?;
        if entry.name().with_context(fail)? != CORE {
            out.raw_copy_file(entry).with_context(fail)?;
            continue;
        }
        let mut core = String::new();
        entry.read_to_string(&mut core).with_context(fail)?;
        let end = "</cp:coreProperties>";
        let core = core.replacen(
            end,
            &format!("<dc:language>{LANGUAGE}</dc:language>{end}"),
            1,
        );
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        drop(entry);
        out.start_file(CORE, options).with_context(fail)?;
        out.write_all(core.as_bytes()).with_context(fail)?;
    }
    Ok(out.finish().with_context(fail)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::{too_long, wrapped_lines, CELL_CHARS};
    use crate::chapter::view::AgreementRow;
    use crate::data::date::Date;

    #[test]
    fn a_text_longer_than_an_excel_cell_is_named_with_its_partner() {
        let row = |scope: String| AgreementRow {
            place: String::new(),
            document: String::new(),
            scope: String::new(),
            region: false,
            place_plain: "Brno".into(),
            country_plain: "Czechy".into(),
            document_plain: "Umowa".into(),
            signed_plain: "16.09.1966 r.".into(),
            signed: Date::Year(1966),
            scope_plain: scope,
        };
        assert_eq!(too_long(&[row("ł".repeat(CELL_CHARS))]), None);
        let message = too_long(&[row("ł".repeat(CELL_CHARS + 1))]).expect("refused");
        assert!(
            message.starts_with("the scope of `Brno` has 32768 characters"),
            "{message}"
        );
        assert!(message.contains("registry/partners.yaml"), "{message}");
    }

    #[test]
    fn lines_of_wrapped_text_are_counted_at_word_boundaries() {
        assert_eq!(wrapped_lines("Kultura, sport", 20), 1);
        assert_eq!(wrapped_lines("Kultura, sport, edukacja", 20), 2);
        assert_eq!(wrapped_lines("aaaa bbbb cccc", 9), 2);
        assert_eq!(wrapped_lines("aaaa bbbb cccc", 4), 3);
        assert_eq!(wrapped_lines("", 10), 1);
    }
}
