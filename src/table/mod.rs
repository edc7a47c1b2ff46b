//! The agreement table on its own (`report-gen table`): as Markdown (what the chapter shows),
//! as CSV (RFC 4180, or laid out for Excel with Polish settings) and as an Excel workbook
//! (`xlsx`). Each returns bytes; the command line writes them.

mod xlsx;

use crate::chapter::view::{self, AgreementRow};
use crate::data::model::DataSet;

/// The formats of the agreement table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// A Markdown table, the rows of the chapter.
    Markdown,
    /// CSV as RFC 4180 says: comma, UTF-8 without BOM, CRLF; for scripts, LibreOffice, Python.
    Csv,
    /// CSV for Excel with Polish settings opened by double-click: semicolon (the Polish list
    /// separator, since the comma is the decimal one), UTF-8 with a BOM (without it Excel reads
    /// the file as Windows-1250: „wspĂłĹ‚praca”), CRLF.
    CsvExcel,
    /// An Excel workbook: dates as date cells, header bold, frozen and filtered.
    Xlsx,
}

impl TableFormat {
    /// Whether the format is binary (not for a terminal).
    pub fn is_binary(self) -> bool {
        self == TableFormat::Xlsx
    }
}

/// The header row of the spreadsheet formats: one column per fact.
const HEADER: [&str; 5] = [
    "Miasto",
    "Kraj",
    "Dokument",
    "Data podpisania",
    "Zakres współpracy",
];

/// The agreement table of `year` (agreements signed by its end) in `format`.
///
/// `epoch`: the date written into the workbook's properties, in seconds since 1970
/// (`SOURCE_DATE_EPOCH`); without it 1 January after the year, so the same data gives the same
/// bytes.
pub fn render(
    set: &DataSet,
    year: i32,
    format: TableFormat,
    epoch: Option<i64>,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        TableFormat::Markdown => markdown(set, year).into_bytes(),
        TableFormat::Csv => csv(set, year, ',').into_bytes(),
        TableFormat::CsvExcel => {
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend_from_slice(csv(set, year, ';').as_bytes());
            bytes
        }
        TableFormat::Xlsx => {
            let epoch = epoch.unwrap_or_else(|| crate::build::new_year_after(year));
            xlsx::workbook(set, year, &view::agreement_rows(set, year), epoch)?
        }
    })
}

/// The agreement table of `year` as a Markdown table (what the chapter shows).
pub fn markdown(set: &DataSet, year: i32) -> String {
    let mut out = String::from(
        "| Miasto, kraj | Dokument, data podpisania | Zakres współpracy |\n|---|---|---|\n",
    );
    for r in view::agreement_rows(set, year) {
        out.push_str(&format!("| {} | {} | {} |\n", r.place, r.document, r.scope));
    }
    crate::chapter::markdown::typeset_markdown(&out)
}

/// The cells of a row as text, in [`HEADER`]'s order; the date as the chapter's table prints
/// it ("16.09.1966 r.", with a plain space).
fn text_cells(r: &AgreementRow) -> [String; 5] {
    [
        r.place_plain.clone(),
        r.country_plain.clone(),
        r.document_plain.clone(),
        r.signed_plain.replace('\u{a0}', " "),
        r.scope_plain.clone(),
    ]
}

/// The agreement table of `year` as CSV with `separator` between cells: a header row, one
/// column per fact (city, country, document, signing date, scope), CRLF line ends.
pub fn csv(set: &DataSet, year: i32, separator: char) -> String {
    let mut out = HEADER.join(&separator.to_string());
    out.push_str("\r\n");
    for r in view::agreement_rows(set, year) {
        let cells: Vec<String> = text_cells(&r)
            .iter()
            .map(|c| csv_cell(c, separator))
            .collect();
        out.push_str(&cells.join(&separator.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// Whether a spreadsheet would run a cell with this text as a formula: it starts with `=`,
/// `+`, `-` or `@` (or a tab or carriage return before one).
fn looks_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One CSV cell: on one line, safe from formula injection, quoted when needed (RFC 4180, with
/// `separator` in place of the comma).
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return
/// before one) as a formula, so `=HYPERLINK(…)` in a scope would become a live link: such a
/// cell gets a leading apostrophe, the usual neutralisation, which spreadsheets show as text.
/// Line breaks inside a name or scope are folded into spaces, as in the chapter's table.
fn csv_cell(s: &str, separator: char) -> String {
    let mut cell = crate::text::fold_lines(s).into_owned();
    if looks_like_formula(&cell) {
        cell.insert(0, '\'');
    }
    if cell.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::{csv_cell, looks_like_formula};

    #[test]
    fn cells_that_spreadsheets_would_run_are_neutralised() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\")", ','),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        for f in ["+1", "-1", "@SUM(A1)", "\t=1"] {
            assert!(csv_cell(f, ',').starts_with('\''), "{f}");
            assert!(csv_cell(f, ';').starts_with('\''), "{f}");
        }
        assert_eq!(csv_cell("Kultura, sport", ','), "\"Kultura, sport\"");
        assert_eq!(csv_cell("Kultura, sport", ';'), "Kultura, sport");
        assert_eq!(csv_cell("a; b", ';'), "\"a; b\"");
        assert_eq!(csv_cell("16.09.1966 r.", ','), "16.09.1966 r.");
        assert_eq!(csv_cell("Br\nno", ','), "Br no");
    }

    /// Reads one RFC 4180 cell back, as a spreadsheet would.
    fn read_cell(cell: &str) -> String {
        match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
            Some(inner) => inner.replace("\"\"", "\""),
            None => cell.to_string(),
        }
    }

    /// Over many texts built from the characters that matter (formula starts, quotes, commas,
    /// semicolons, line breaks, tabs, letters), for both separators: a cell is one line, holds
    /// its separator only quoted, never starts as a formula once read back, and reads back as
    /// the text itself (folded, with the apostrophe when needed).
    #[test]
    fn every_cell_reads_back_as_its_text_and_never_as_a_formula() {
        let alphabet = [
            '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', ' ', 'a', 'ł', '\'',
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            // xorshift64: reproducible without a dependency.
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 8) as usize;
            let text: String = (0..len)
                .map(|i| alphabet[((seed >> (i * 4 + 8)) % alphabet.len() as u64) as usize])
                .collect();
            for separator in [',', ';'] {
                let cell = csv_cell(&text, separator);
                let read = read_cell(&cell);
                assert!(
                    !cell.contains(['\n', '\r', separator]) || cell.starts_with('"'),
                    "{text:?} → {cell:?}"
                );
                assert!(!read.contains(['\n', '\r']), "{text:?} → {cell:?}");
                assert!(!looks_like_formula(&read), "{text:?} → {cell:?}");
                let folded = crate::text::fold_lines(&text);
                let expected = read
                    .strip_prefix('\'')
                    .filter(|_| looks_like_formula(&folded));
                assert_eq!(expected.unwrap_or(&read), folded, "{text:?} → {cell:?}");
            }
        }
    }
}
