//! The agreement table as the office uses it in a spreadsheet (`table --format xlsx`,
//! `csv-excel`, `--output`): the workbook read back by openpyxl, an independent reader, as
//! Excel shows it (date cells, the frozen and filtered header, widths, properties); the Excel
//! CSV byte by byte; `--output` writing all or nothing.
//!
//! Needs python3 with openpyxl (installed by tests/run.sh); a missing one fails the test.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::formats::YEARS;
use crate::support::harness::shipped_data;
use crate::support::ooxml;
use crate::support::{numeric_date, parse_csv};

/// Runs the binary in `dir` (the project folder unless given), in English, as the assertions
/// read.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-gen"))
        .env("REPORT_GEN_LANG", "en")
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("REPORT_GEN_LANG", "en")
        .stdin(Stdio::null())
        .output()
        .expect("report-gen runs")
}

/// `table --year YEAR --format FORMAT --data DATA [--output OUTPUT]` in `cwd`.
fn table(cwd: &Path, year: i32, format: &str, data: &str, output: Option<&str>) -> Output {
    let year = year.to_string();
    let mut args = vec!["table", "--year", &year, "--format", format, "--data", data];
    args.extend(output.iter().flat_map(|o| ["--output", o]));
    run_in(cwd, &args)
}

fn project() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What openpyxl reads from a workbook: the first sheet's name, frozen cell, filter range,
/// column widths, the title and language properties, and every cell with its type, number
/// format, whether it is a date, bold, and quote prefix.
const DUMP: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = []
for row in ws.iter_rows():
    cells = []
    for c in row:
        v = c.value
        if c.is_date:
            v = [v.year, v.month, v.day]
        cells.append({"value": v, "type": c.data_type, "format": c.number_format,
                      "date": c.is_date, "bold": bool(c.font.b),
                      "quote": bool(c.quotePrefix)})
    rows.append(cells)
print(json.dumps({
    "sheets": wb.sheetnames, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
    "widths": {k: d.width for k, d in ws.column_dimensions.items()},
    "title": wb.properties.title, "language": wb.properties.language,
    "creator": wb.properties.creator, "rows": rows}))
"#;

/// The workbook at `path` as openpyxl reads it.
fn read_xlsx(path: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .arg("-c")
        .arg(DUMP)
        .arg(path)
        .output()
        .expect("python3 runs (tests/run.sh installs openpyxl)");
    assert!(
        out.status.success(),
        "openpyxl could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from the reader")
}

/// `table --format xlsx --output DIR/umowy-YEAR.xlsx` on `data` (in `cwd`), read back.
fn xlsx_of(cwd: &Path, data: &str, year: i32, dir: &Path) -> serde_json::Value {
    let file = dir.join(format!("umowy-{year}.xlsx"));
    let said = ok(&table(cwd, year, "xlsx", data, file.to_str()));
    assert_eq!(said, format!("wrote {}\n", file.display()));
    read_xlsx(&file)
}

/// The table printed on stdout.
fn printed(cwd: &Path, data: &str, year: i32, format: &str) -> Vec<u8> {
    let out = table(cwd, year, format, data, None);
    ok(&out);
    out.stdout
}

/// A cell's text, for string cells.
fn text(cell: &serde_json::Value) -> &str {
    cell["value"]
        .as_str()
        .unwrap_or_else(|| panic!("not text: {cell}"))
}

#[test]
fn xlsx_has_every_row_of_the_csv_with_dates_as_date_cells() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for year in YEARS {
        let book = xlsx_of(project(), "data", year, tmp.path());
        let csv = String::from_utf8(printed(project(), "data", year, "csv")).expect("UTF-8");
        let records = parse_csv(&csv, ',');
        let rows = book["rows"].as_array().expect("rows");
        assert_eq!(
            rows.len(),
            records.len(),
            "{year}: header + every agreement"
        );
        assert_eq!(
            book["sheets"],
            serde_json::json!([format!("Umowy partnerskie {year}")])
        );
        // The header: bold, the same names as the CSV's, frozen (the rows scroll under it),
        // with filters over the whole table.
        for (cell, name) in rows[0].as_array().expect("header").iter().zip(&records[0]) {
            assert_eq!(text(cell), name);
            assert_eq!(cell["bold"], true, "{year}: header {name} not bold");
        }
        assert_eq!(book["freeze"], "A2", "{year}");
        assert_eq!(book["filter"], format!("A1:E{}", records.len()), "{year}");
        for (row, record) in rows[1..].iter().zip(&records[1..]) {
            let row = row.as_array().expect("row");
            assert_eq!(row.len(), 5, "{year}: {row:?}");
            for col in [0, 1, 2, 4] {
                assert_eq!(row[col]["type"], "s", "{year}: {:?}", row[col]);
                assert_eq!(text(&row[col]), record[col], "{year}");
                assert_eq!(row[col]["bold"], false);
            }
            // "16.09.1966 r." in the CSV is the date cell 1966-09-16, shown as 16.09.1966.
            let date = &row[3];
            assert_eq!(date["date"], true, "{year}: {date}");
            assert_eq!(date["format"], "dd.mm.yyyy", "{year}: {date}");
            let (y, m, d) = numeric_date(&record[3]);
            assert_eq!(
                date["value"],
                serde_json::json!([y, m, d]),
                "{year}: {}",
                record[3]
            );
        }
        // Every column at least as wide as its longest text (a capped scope wraps), and none
        // wider than the cap and a margin.
        for (col, letter) in ["A", "B", "C", "D", "E"].iter().enumerate() {
            let width = book["widths"][letter].as_f64().expect("width set");
            let longest = records
                .iter()
                .map(|r| if col == 3 { 10 } else { r[col].chars().count() })
                .max()
                .expect("rows");
            assert!(
                width >= (longest.min(59)) as f64,
                "{year} {letter}: {width} < {longest}"
            );
            assert!(width <= 62.0, "{year} {letter}: {width}");
        }
        assert_eq!(
            book["title"],
            format!("Umowy partnerskie Poznania – stan na koniec {year} r.")
        );
        assert_eq!(book["language"], "pl-PL");
        assert_eq!(book["creator"], "Urząd Miasta Poznania");
    }
}

/// Writes `partners` over the registry of a copy of the shipped data, checks the copy.
fn data_with_partners(partners: &str) -> tempfile::TempDir {
    let tmp = shipped_data();
    let file = tmp.path().join("data/registry/partners.yaml");
    let mut text = fs::read_to_string(&file).expect("partners.yaml");
    text.push_str(partners);
    fs::write(&file, text).expect("write partners.yaml");
    ok(&run_in(tmp.path(), &["check", "--data", "data"]));
    tmp
}

#[test]
fn xlsx_cells_that_look_like_formulas_stay_text() {
    // A partner whose name, document and scope a spreadsheet would run as formulas.
    let tmp = data_with_partners(
        r#"
- id: formula
  name: '=HYPERLINK("http://example.com","Kliknij")'
  kind: city
  country: cz
  agreements:
    - document: '@SUM(A1:A9)'
      signed: 2021-03-04
      scope: '+48 61 878 54 00, -1'
"#,
    );
    let book = xlsx_of(tmp.path(), "data", 2023, tmp.path());
    let rows = book["rows"].as_array().expect("rows");
    let row = rows
        .iter()
        .find(|r| {
            r[0]["value"]
                .as_str()
                .is_some_and(|v| v.contains("HYPERLINK"))
        })
        .expect("the row of the new partner")
        .as_array()
        .expect("row");
    // The text itself, as a string cell with Excel's quote prefix: shown as written, never
    // run, and still text after someone edits the cell.
    assert_eq!(
        text(&row[0]),
        r#"=HYPERLINK("http://example.com","Kliknij")"#
    );
    assert_eq!(text(&row[2]), "@SUM(A1:A9)");
    assert_eq!(text(&row[4]), "+48 61 878 54 00, -1");
    for col in [0, 2, 4] {
        assert_eq!(row[col]["type"], "s", "{:?}", row[col]);
        assert_eq!(row[col]["quote"], true, "{:?}", row[col]);
    }
    assert_eq!(text(&row[1]), "Czechy");
    assert_eq!(row[1]["quote"], false);
    // No formula anywhere in the sheet.
    let sheet = ooxml::read(
        &tmp.path().join("umowy-2023.xlsx"),
        "xl/worksheets/sheet1.xml",
    );
    let sheet = String::from_utf8(sheet).expect("UTF-8 sheet");
    assert!(!sheet.contains("<f>") && !sheet.contains("<f "), "{sheet}");
    // The CSV neutralises them the usual way, with an apostrophe.
    let csv = String::from_utf8(printed(tmp.path(), "data", 2023, "csv")).expect("UTF-8");
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Kliknij\"\")\""),
        "{csv}"
    );
}

#[test]
fn xlsx_dates_known_only_to_the_month_or_year_are_shown_so() {
    let tmp = data_with_partners(
        r#"
- id: miesiac
  name: Miesiącowo
  kind: city
  country: cz
  agreements:
    - document: Umowa o współpracy
      signed: 2019-04
      scope: Kultura
- id: rok
  name: Rokowo
  kind: city
  country: cz
  agreements:
    - document: Umowa o współpracy
      signed: 2020
      scope: Sport
"#,
    );
    let book = xlsx_of(tmp.path(), "data", 2023, tmp.path());
    let rows = book["rows"].as_array().expect("rows");
    let date_of = |name: &str| {
        rows.iter()
            .find(|r| r[0]["value"] == name)
            .unwrap_or_else(|| panic!("no row {name}"))[3]
            .clone()
    };
    // A date cell either way, so the column sorts and filters by date; shown only as
    // precisely as the data knows it.
    let month = date_of("Miesiącowo");
    assert_eq!(month["date"], true, "{month}");
    assert_eq!(month["value"], serde_json::json!([2019, 4, 1]));
    assert_eq!(month["format"], "mm.yyyy");
    let year = date_of("Rokowo");
    assert_eq!(year["date"], true, "{year}");
    assert_eq!(year["value"], serde_json::json!([2020, 1, 1]));
    assert_eq!(year["format"], "yyyy");
}

#[test]
fn xlsx_is_the_same_bytes_every_time_and_goes_to_a_pipe() {
    let piped = table(project(), 2023, "xlsx", "data", None);
    ok(&piped);
    assert!(
        piped.stdout.starts_with(b"PK\x03\x04"),
        "a ZIP (xlsx) on stdout"
    );
    let again = table(project(), 2023, "xlsx", "data", None);
    assert_eq!(piped.stdout, again.stdout, "same data, same bytes");
}

#[test]
fn xlsx_is_not_written_to_a_terminal() {
    // `script` gives the command a terminal as its standard output.
    let tmp = tempfile::tempdir().expect("tempdir");
    let command = format!(
        "{} table --year 2023 --format xlsx --data {}",
        env!("CARGO_BIN_EXE_report-gen"),
        project().join("data").display()
    );
    let out = Command::new("script")
        .env("REPORT_GEN_LANG", "en")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(tmp.path())
        .env("REPORT_GEN_LANG", "en")
        .stdin(Stdio::null())
        .output()
        .expect("script runs (util-linux)");
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("error: an xlsx workbook"), "{said}");
    assert!(
        said.contains("--output umowy-2023.xlsx"),
        "names the option and a file: {said}"
    );
    assert!(!said.contains("PK"), "no binary on the terminal: {said}");
}

#[test]
fn csv_excel_has_a_bom_semicolons_and_the_rows_of_the_csv() {
    let excel = printed(project(), "data", 2023, "csv-excel");
    let text = String::from_utf8(excel.clone()).expect("UTF-8");
    let body = text
        .strip_prefix('\u{feff}')
        .expect("starts with the UTF-8 BOM");
    assert!(excel.starts_with(b"\xEF\xBB\xBFMiasto;Kraj;Dokument;Data podpisania;Zakres"));
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    assert_eq!(lines.len(), 16, "header + 15 agreements");
    assert!(lines.iter().all(|l| l.ends_with("\r\n")), "CRLF line ends");
    let plain = String::from_utf8(printed(project(), "data", 2023, "csv")).expect("UTF-8");
    let excel_records = parse_csv(body, ';');
    let records = parse_csv(&plain, ',');
    assert_eq!(excel_records, records, "the same cells as the CSV");
    // The row of Brno, as Excel splits it at the semicolons: the scope's commas stay in the
    // cell, unquoted.
    assert!(
        body.contains("\r\nBrno;Czechy;Umowa o współpracy;16.09.1966 r.;Kultura, sport, administracja, gospodarka\r\n"),
        "{body}"
    );
}

#[test]
fn output_writes_each_format_whole_or_not_at_all() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let data = project().join("data");
    let data = data.to_str().expect("UTF-8 path");
    // Each text format: the file holds exactly what stdout would.
    for (format, name) in [
        ("md", "t.md"),
        ("csv", "t.csv"),
        ("csv-excel", "t-excel.csv"),
    ] {
        let said = ok(&table(dir, 2018, format, data, Some(name)));
        assert_eq!(said, format!("wrote {name}\n"));
        assert_eq!(
            fs::read(dir.join(name)).expect("written"),
            printed(dir, data, 2018, format),
            "{format}"
        );
    }
    // A folder where the file should go: an error naming it, nothing written into it.
    fs::create_dir(dir.join("umowy.xlsx")).expect("mkdir");
    let out = table(dir, 2018, "xlsx", data, Some("umowy.xlsx"));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing was written"), "{err}");
    assert!(err.contains("umowy.xlsx` is a folder"), "{err}");
    assert!(out.stdout.is_empty());
    let inside = fs::read_dir(dir.join("umowy.xlsx")).expect("folder");
    assert_eq!(inside.count(), 0);
    // A path that names no file is a usage error.
    let out = table(dir, 2018, "csv", data, Some("umowy.xlsx/"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("names a folder, not a file"), "{err}");
    // Data with an error: the earlier file stays as it was, same bytes and date.
    let bad = shipped_data();
    let partners = bad.path().join("data/registry/partners.yaml");
    let text = fs::read_to_string(&partners).expect("partners");
    fs::write(&partners, text.replacen("country: cz", "country: cz-", 1)).expect("break");
    let mtime = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).expect("mtime");
    let before = fs::read(dir.join("t.csv")).expect("earlier file");
    let modified = mtime(&dir.join("t.csv"));
    let bad_data = bad.path().join("data");
    let out = table(
        dir,
        2018,
        "csv",
        bad_data.to_str().expect("UTF-8"),
        Some("t.csv"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("partners.yaml:"));
    assert_eq!(fs::read(dir.join("t.csv")).expect("still there"), before);
    assert_eq!(mtime(&dir.join("t.csv")), modified);
    // Nothing of report-gen's own left behind: no lock, no temporary file.
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["t-excel.csv", "t.csv", "t.md", "umowy.xlsx"]);
}

#[test]
fn libreoffice_calc_opens_the_xlsx_with_the_rows_and_dates_of_the_csv() {
    // A real spreadsheet program, as the office would open it: LibreOffice Calc saves the
    // workbook as CSV, with the cells as shown (UTF-8, `;`).
    let tmp = tempfile::tempdir().expect("tempdir");
    let xlsx = tmp.path().join("umowy.xlsx");
    ok(&table(project(), 2023, "xlsx", "data", xlsx.to_str()));
    let out = tmp.path().join("calc");
    {
        let _heavy = crate::support::harness::one_heavy_test_at_a_time();
        crate::support::libreoffice_convert(
            std::slice::from_ref(&xlsx),
            "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true",
            &out,
        );
    }
    let shown = fs::read_to_string(out.join("umowy.csv"))
        .expect("LibreOffice Calc wrote the CSV (tests/run.sh installs libreoffice-calc-nogui)");
    let calc = parse_csv(&shown, ';');
    let csv = String::from_utf8(printed(project(), "data", 2023, "csv")).expect("UTF-8");
    let records = parse_csv(&csv, ',');
    assert_eq!(calc.len(), records.len(), "{shown}");
    assert_eq!(calc[0], records[0]);
    for (shown, record) in calc[1..].iter().zip(&records[1..]) {
        // The date as the cell shows it: „6.04.1991 r.” is 06.04.1991.
        let (y, m, d) = numeric_date(&record[3]);
        let mut expected = record.clone();
        expected[3] = format!("{d:02}.{m:02}.{y}");
        assert_eq!(shown, &expected);
    }
}
