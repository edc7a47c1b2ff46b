//! Every printed page says which report, year and chapter it belongs to, and its number can
//! continue the bound report's numbering (issue 13): the PDF's running head, folio and page
//! labels, and the same for the HTML printed from Chromium.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::formats::tool;
use crate::support::harness::{run, shipped_data};

const YEARS: [i32; 5] = [2017, 2018, 2019, 2022, 2023];

/// The text of each page of a PDF, as `pdftotext -layout` gives it.
fn pages(pdf: &Path) -> Vec<String> {
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The shipped data in a temporary folder, with `report.yaml` edited.
fn data_with_report(edit: &str) -> tempfile::TempDir {
    let tmp = shipped_data();
    let report = tmp.path().join("data/report.yaml");
    let text = fs::read_to_string(&report).expect("report.yaml");
    fs::write(&report, format!("{text}{edit}")).expect("write report.yaml");
    tmp
}

fn build(dir: &Path, year: i32, format: &str) {
    let year = year.to_string();
    run(
        dir,
        &[
            "build", "--year", &year, "--format", format, "--data", "data", "--out", "out",
        ],
    )
    .assert_ok();
}

/// The page number at the end of a page's last line („Współpraca międzynarodowa    3”).
fn folio(page: &str) -> Option<u32> {
    crate::support::last_line(page)
        .split_whitespace()
        .last()?
        .parse()
        .ok()
}

#[test]
fn every_pdf_page_names_the_report_year_and_chapter_and_is_numbered() {
    let tmp = data_with_report("");
    for year in YEARS {
        build(tmp.path(), year, "pdf");
        let pdf = tmp
            .path()
            .join(format!("out/wspolpraca-miedzynarodowa-{year}.pdf"));
        let pages = pages(&pdf);
        assert!(!pages.is_empty());
        for (i, page) in pages.iter().enumerate() {
            let head = crate::support::first_line(page);
            assert_eq!(
                head.trim().replace('\u{a0}', " "),
                format!("Raport o stanie Miasta Poznania za {year} r. · Współpraca międzynarodowa"),
                "{year}, page {}",
                i + 1
            );
            assert_eq!(
                folio(page),
                Some(i as u32 + 1),
                "{year}, page {}:\n{page}",
                i + 1
            );
        }
        fs::remove_file(&pdf).expect("remove the PDF");
    }
}

#[test]
fn numbering_continues_the_bound_report_and_the_chapter_has_its_number() {
    let tmp = data_with_report("first_page: 123\nchapter_number: \"7\"\n");
    build(tmp.path(), 2018, "all");
    let out = tmp.path().join("out");
    // PDF: printed numbers, and the page labels viewers and print dialogs show.
    let pdf = out.join("wspolpraca-miedzynarodowa-2018.pdf");
    let pages = pages(&pdf);
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(folio(page), Some(123 + i as u32), "page {}:\n{page}", i + 1);
    }
    let json = tool(
        "qpdf",
        &["--json", "--json-key=pagelabels", pdf.to_str().unwrap()],
    );
    let labels: serde_json::Value = serde_json::from_str(&json).expect("qpdf's JSON");
    let first = &labels["pagelabels"][0]["label"];
    assert_eq!(first["/St"], 123, "{json}");
    assert_eq!(first["/S"], "/D", "{json}");
    // The Word document numbers its pages from 123 too, under the same running head.
    let docx = out.join("wspolpraca-miedzynarodowa-2018.docx");
    let document = tool(
        "unzip",
        &["-p", docx.to_str().unwrap(), "word/document.xml"],
    );
    assert!(
        document.contains(r#"<w:pgNumType w:start="123"/>"#),
        "no start page in the DOCX"
    );
    let header = tool("unzip", &["-p", docx.to_str().unwrap(), "word/header1.xml"]);
    assert!(header.contains("7. Współpraca międzynarodowa"), "{header}");
    // The chapter's number before its title, in every format.
    let md = fs::read_to_string(out.join("wspolpraca-miedzynarodowa-2018.md")).expect("md");
    assert!(
        md.replace('\u{a0}', " ")
            .starts_with("# 7. Współpraca międzynarodowa\n"),
        "{}",
        &md[..80]
    );
    assert!(pages[0].contains("7. Współpraca międzynarodowa"));
    // HTML printed by Chromium: the running head and the numbers from 123.
    let html = out.join("wspolpraca-miedzynarodowa-2018.html");
    let printed = out.join("printed.pdf");
    let profile = tempfile::tempdir().expect("browser profile");
    let status = Command::new("/usr/bin/chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", printed.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("Chromium is needed (run tests/run.sh, which installs it)");
    assert!(
        printed.is_file(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let printed_pages = self::pages(&printed);
    assert!(printed_pages.len() >= 3);
    for (i, page) in printed_pages.iter().enumerate() {
        let head = crate::support::first_line(page);
        assert_eq!(
            head.trim(),
            "Raport o stanie Miasta Poznania za 2018 r. · 7. Współpraca międzynarodowa",
            "printed page {}",
            i + 1
        );
        assert_eq!(
            folio(page),
            Some(123 + i as u32),
            "printed page {}:\n{page}",
            i + 1
        );
    }
}

/// The body's measure: 60–75 characters a line, as a report should have (the median of the
/// lines of running text; the short last lines of paragraphs, headings and table cells, under
/// 45 characters, are left out).
#[test]
fn pdf_lines_have_a_readable_measure() {
    let tmp = data_with_report("");
    for year in YEARS {
        build(tmp.path(), year, "pdf");
        let pdf = tmp
            .path()
            .join(format!("out/wspolpraca-miedzynarodowa-{year}.pdf"));
        let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        let mut lengths: Vec<usize> = text
            .lines()
            .map(|l| l.trim().chars().count())
            .filter(|&n| n >= 45)
            .collect();
        lengths.sort_unstable();
        assert!(
            lengths.len() > 30,
            "{year}: {} lines of running text",
            lengths.len()
        );
        let median = lengths[lengths.len() / 2];
        assert!(
            (60..=75).contains(&median),
            "{year}: median line length {median} characters"
        );
        assert!(
            lengths[lengths.len() * 9 / 10] <= 82,
            "{year}: one line in ten is longer than 82 characters"
        );
    }
}
