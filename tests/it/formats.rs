//! The shipped chapters in all three formats, checked the way a reader would: the PDF and the
//! HTML say everything the Markdown says (word for word, diacritics intact), the PDF is a
//! sound file with embedded subset fonts and metadata, and builds are byte-for-byte repeatable.
//!
//! Needs poppler-utils and qpdf (installed by tests/run.sh); a missing tool fails the test.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use report_gen::doc::{Block, Document, Inline};
use report_gen::Format;
use report_gen::Templates;

pub(crate) const YEARS: [i32; 5] = [2017, 2018, 2019, 2022, 2023];

pub(crate) fn data_set() -> report_gen::data::model::DataSet {
    let report_gen::Loaded {
        set,
        diagnostics: diags,
        sources,
    } = report_gen::load_data(Path::new("data"));
    set.unwrap_or_else(|| panic!("shipped data loads:\n{}", sources.render(&diags)))
}

/// Builds `year` in all formats with the real binary into `dir`.
fn build_into(year: i32, dir: &Path) -> PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_report-gen"))
        .env("REPORT_GEN_LANG", "en")
        .args([
            "build",
            "--year",
            &year.to_string(),
            "--format",
            "all",
            "--out",
        ])
        .arg(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("report-gen runs");
    assert!(
        out.status.success(),
        "build {year}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join(format!("wspolpraca-miedzynarodowa-{year}"))
}

/// Builds `year` into a fresh folder.
fn build_all(year: i32) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = build_into(year, dir.path());
    (dir, base)
}

/// The outputs of every year, built once per test run (under Cargo's test tmpdir) and shared
/// by the tests that only read them. Returns the base path (without extension) of `year`.
fn built(year: i32) -> PathBuf {
    static BUILT: std::sync::OnceLock<HashMap<i32, PathBuf>> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("formats");
            let _ = std::fs::remove_dir_all(&root);
            YEARS
                .iter()
                .map(|&y| (y, build_into(y, &root.join(y.to_string()))))
                .collect()
        })
        .get(&year)
        .expect("a shipped year")
        .clone()
}

pub(crate) fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("`{name}` is needed (run tests/run.sh, which installs it): {e}")
    });
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// All the text of a document tree, as a reader sees it (alt texts are not seen).
pub(crate) fn document_text(doc: &Document) -> String {
    fn blocks(bs: &[Block], out: &mut String) {
        for b in bs {
            match b {
                Block::Heading { content, .. } | Block::Paragraph(content) => {
                    out.push_str(&Inline::plain_text(content));
                    out.push('\n');
                }
                Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                Block::Table(t) => {
                    out.push_str(&Inline::plain_text(&t.caption));
                    out.push('\n');
                    for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                        out.push_str(&Inline::plain_text(cell));
                        out.push('\n');
                    }
                    if let Some(s) = &t.source {
                        out.push_str(&Inline::plain_text(s));
                    }
                }
                Block::Figure(f) => {
                    out.push_str(&Inline::plain_text(&f.caption));
                    out.push('\n');
                    if let Some(c) = &f.credit {
                        out.push_str(&Inline::plain_text(c));
                    }
                }
            }
            out.push('\n');
        }
    }
    let mut out = String::new();
    blocks(&doc.blocks, &mut out);
    out
}

/// Word counts, punctuation trimmed; NBSP is a space.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in text.replace('\u{a0}', " ").split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !w.is_empty() {
            *counts.entry(w.to_string()).or_insert(0) += 1;
        }
    }
    counts
}

/// Words of `expected` missing from `actual` (counting repeats).
pub(crate) fn missing_words(expected: &str, actual: &str) -> Vec<String> {
    let have = words(actual);
    let mut missing: Vec<String> = words(expected)
        .into_iter()
        .filter(|(w, n)| have.get(w).copied().unwrap_or(0) < *n)
        .map(|(w, n)| format!("{w} ×{n} (found {})", have.get(&w).copied().unwrap_or(0)))
        .collect();
    missing.sort();
    missing
}

pub(crate) fn chapter(year: i32) -> report_gen::chapter::Chapter {
    let templates = Templates::new(None).expect("built-in templates");
    report_gen::chapter::render(&data_set(), year, &templates).expect("chapter renders")
}

#[test]
fn pdf_holds_every_word_of_the_chapter_with_diacritics() {
    for year in YEARS {
        let pdf = built(year).with_extension("pdf");
        let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        let expected = document_text(&chapter(year).document);
        let missing = missing_words(&expected, &text);
        assert!(
            missing.is_empty(),
            "{year}: words of the chapter missing from the PDF: {missing:?}"
        );
        let pages: usize = tool("pdfinfo", &[pdf.to_str().unwrap()])
            .lines()
            .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
            .expect("page count");
        // Each page ends with its footer: the chapter title and the page number.
        let per_page: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert_eq!(per_page.len(), pages, "{year}");
        for (i, page) in per_page.iter().enumerate() {
            let last = crate::support::last_line(page);
            assert!(
                last.split_whitespace().last() == Some(&(i + 1).to_string()),
                "{year}: footer of page {}: {last:?}",
                i + 1
            );
        }
    }
}

#[test]
fn html_holds_every_word_of_the_chapter() {
    for year in YEARS {
        let html = std::fs::read_to_string(built(year).with_extension("html")).unwrap();
        let page = scraper::Html::parse_document(&html);
        let body = scraper::Selector::parse("main").unwrap();
        let text: String = page
            .select(&body)
            .flat_map(|m| m.text())
            .collect::<Vec<_>>()
            .join(" ");
        let expected = document_text(&chapter(year).document);
        let missing = missing_words(&expected, &text);
        assert!(
            missing.is_empty(),
            "{year}: words of the chapter missing from the HTML: {missing:?}"
        );
    }
}

#[test]
fn markdown_output_is_the_chapter_source() {
    for year in YEARS {
        let md = std::fs::read_to_string(built(year).with_extension("md")).unwrap();
        let published = report_gen::chapter::publish::publish(&chapter(year).markdown, |i| {
            Err(format!(
                "the shipped data has no photo, yet `{i}` is linked"
            ))
        })
        .unwrap();
        assert_eq!(
            md, published,
            "{year}: the .md file is the chapter's Markdown as published"
        );
    }
}

#[test]
fn pdf_files_are_sound_with_embedded_subset_fonts_and_metadata() {
    for year in YEARS {
        let pdf = built(year).with_extension("pdf");
        let path = pdf.to_str().unwrap();
        let check = tool("qpdf", &["--check", path]);
        assert!(
            check.contains("No syntax or stream encoding errors found"),
            "{year}: {check}"
        );
        let fonts = tool("pdffonts", &[path]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{year}: no fonts listed");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(
                &cols[n - 5..n - 2],
                &["yes", "yes", "yes"],
                "{year}: font not embedded+subset+unicode: {row}"
            );
        }
        let info = tool("pdfinfo", &[path]).replace('\u{a0}', " ");
        assert!(
            info.contains(&format!(
                "Współpraca międzynarodowa – Raport o stanie Miasta Poznania za {year} r."
            )),
            "{year}: title in {info}"
        );
        assert!(
            info.contains("Author:          Urząd Miasta Poznania"),
            "{info}"
        );
        let created = info
            .lines()
            .find(|l| l.starts_with("CreationDate:"))
            .expect("a creation date");
        assert!(
            created.contains("Jan  1 00:00:00") && created.contains(&(year + 1).to_string()),
            "{year}: without SOURCE_DATE_EPOCH the date is 1 January after the report year: {created}"
        );
    }
}

#[test]
fn the_2018_pdf_is_small_and_its_table_is_complete() {
    let pdf = built(2018).with_extension("pdf");
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size <= 60 * 1024, "2018 PDF is {size} bytes, over 60 KB");
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    for city in [
        "Brno, Czechy",
        "Jyväskylä, Finlandia",
        "Győr, Węgry",
        "Ra’anana, Izrael",
        "Pozuelo de Alarcón,",
    ] {
        assert!(text.contains(city), "{city} missing from the 2018 table");
    }
    assert!(
        text.contains("16.09.1966 r.") || text.contains("16.09.1966\u{a0}r."),
        "Brno's date"
    );
}

#[test]
fn every_format_is_byte_identical_when_built_twice() {
    // Two processes…
    for year in [2018, 2022] {
        let (_a, first) = build_all(year);
        let (_b, second) = build_all(year);
        for ext in ["md", "html", "pdf"] {
            let x = std::fs::read(first.with_extension(ext)).unwrap();
            let y = std::fs::read(second.with_extension(ext)).unwrap();
            assert!(x == y, "{year}.{ext} differs between two builds");
        }
    }
    // …and twice in one process, where printpdf's id counters would differ if not pinned.
    let set = data_set();
    let templates = Templates::new(None).unwrap();
    let render =
        || report_gen::build::render(&set, 2023, Format::All, &templates, None).expect("renders");
    assert!(render() == render(), "two renders in one process differ");
}

use crate::support::boxes;
use crate::support::tagged::{self, structure};

#[test]
fn pdf_words_stay_inside_the_text_block_and_never_overlap() {
    for year in YEARS {
        boxes::assert_boxes_clean(&built(year).with_extension("pdf"));
    }
}

/// Every year's page in headless Chromium: axe-core finds no WCAG 2.0/2.1 A or AA violation at
/// desktop and phone widths, screenshots are not blank, nothing scrolls sideways at 320 px and
/// no network request is made (tests/browser/check.mjs; tests/run.sh installs what it needs).
#[test]
fn every_years_html_passes_the_accessibility_check_in_a_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser = root.join("tests/browser");
    assert!(
        browser.join("node_modules/axe-core").is_dir() && Path::new("/usr/bin/chromium").exists(),
        "the browser check needs Chromium and its npm packages: run tests/browser/install.sh (tests/run.sh does)"
    );
    let pages: Vec<PathBuf> = YEARS
        .iter()
        .map(|&y| built(y).with_extension("html"))
        .collect();
    let shots = tempfile::tempdir().unwrap();
    let output = Command::new("node")
        .arg(browser.join("check.mjs"))
        .args(&pages)
        .arg("--screenshots")
        .arg(shots.path())
        .current_dir(root)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "browser check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("all 5 page(s) passed"), "{stdout}");
}

/// Languages given to marked content (`/Lang` in a `BDC` property list) on all pages.
fn marked_languages(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).expect("lopdf reads the PDF");
    let mut langs = Vec::new();
    for (_, _, operations) in tagged::page_operations(&doc) {
        for op in operations.iter().filter(|op| op.operator == "BDC") {
            if let Some(lang) = op.operands[1]
                .as_dict()
                .ok()
                .and_then(|d| d.get(b"Lang").ok())
            {
                langs.push(String::from_utf8_lossy(lang.as_str().unwrap()).into_owned());
            }
        }
    }
    langs
}

#[test]
fn every_pdf_is_tagged_and_the_2018_structure_reads_right() {
    for year in YEARS {
        let pdf = built(year).with_extension("pdf");
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(info.contains("Tagged:          yes"), "{year}: {info}");
        let tree = structure(&pdf);
        assert_eq!(
            tree.kids[0].name, "H1",
            "{year}: the chapter title comes first"
        );
        assert!(
            !tree
                .deep_text()
                .contains("Raport o\u{a0}stanie Miasta Poznania za"),
            "{year}: the running head must be an artifact"
        );
    }
    let pdf = built(2018).with_extension("pdf");
    let tree = structure(&pdf);
    assert_eq!(tree.kids[0].text, "Współpraca międzynarodowa");
    assert!(tree.all("H2").len() >= 2 && tree.all("H3").len() >= 10);
    // The partner table: its caption, one header row, the 15 agreements in force.
    let tables = tree.all("Table");
    assert_eq!(tables.len(), 1);
    let table = tables[0];
    assert_eq!(table.kids[0].name, "Caption");
    assert!(
        table.kids[0]
            .text
            .starts_with("Tabela 1. Miasta i\u{a0}regiony partnerskie Poznania"),
        "{}",
        table.kids[0].text
    );
    let rows = table.all("TR");
    assert_eq!(rows.len(), 16, "1 header row + 15 partner rows");
    let header = rows[0];
    assert_eq!(header.kid_names(), ["TH", "TH", "TH"]);
    assert!(header.kids.iter().all(|c| c.attrs == "/Scope /Column"));
    assert_eq!(header.kids[0].text, "Miasto, kraj");
    let brno = rows[1];
    assert_eq!(brno.kid_names(), ["TH", "TD", "TD"]);
    assert_eq!(brno.kids[0].text, "Brno, Czechy");
    assert_eq!(brno.kids[0].attrs, "/Scope /Row");
    assert!(rows[1..].iter().all(|r| r.kids[0].attrs == "/Scope /Row"));
    // Words either side of a line break stay apart in the text read aloud.
    assert!(
        brno.kids[1].text.contains("współpracy, 16.09.1966"),
        "{}",
        brno.kids[1].text
    );
    assert!(tree.kids[1].text.contains("Hrabstwem Nottinghamshire"));
    // Lists: every item is a label and a body.
    let items = tree.all("LI");
    assert!(items.len() >= 10, "{} list items", items.len());
    assert!(items.iter().all(|li| li.kid_names() == ["Lbl", "LBody"]));
    assert_eq!(items[0].kids[0].text, "•");
    // The English project name is marked as English: a Span with /Lang in its paragraph,
    // read where it is printed.
    assert!(tree.all("P").iter().any(|p| p
        .deep_text()
        .contains("projekt „Gen-Y City. Get into the swing of the city!” realizowany")));
    assert!(tree
        .all("Span")
        .iter()
        .any(|s| s.text == "Gen-Y City. Get into the swing of the city!"));
    let bytes = std::fs::read(&pdf).unwrap();
    let langs = tagged::structure_languages(&bytes);
    assert!(langs.contains(&("Span".into(), "en".into())), "{langs:?}");
    assert!(langs.contains(&("Span".into(), "fr".into())), "{langs:?}");
    assert!(marked_languages(&pdf).contains(&"en".to_string()));
    // The bold run-in event titles are phrases of their own (Strong, which poppler shows by
    // its role, Span) at the start of their paragraphs.
    let assen = tree
        .all("P")
        .into_iter()
        .find(|p| {
            p.deep_text()
                .starts_with("Wizyta przedstawicieli Miasta Assen")
        })
        .expect("the Assen paragraph");
    assert_eq!(assen.kid_names(), ["Span"]);
    assert_eq!(
        assen.kids[0].text,
        "Wizyta przedstawicieli Miasta Assen w\u{a0}Poznaniu"
    );
    let strong = tagged::structure_types(&bytes)
        .iter()
        .filter(|s| *s == "Strong")
        .count();
    // 2018: 25 run-in titles, at least one Strong each (a title with an English part is a
    // Strong and a Strong with /Lang).
    assert!(strong >= 25, "{strong} Strong elements");
}

/// What PDF/UA-1 asks of the metadata (Matterhorn checkpoint 06): an XMP stream with the
/// PDF/UA identifier and the title — the same title as the document information dictionary,
/// which viewers show in the window's title bar (`DisplayDocTitle`).
#[test]
fn every_pdf_carries_xmp_metadata_with_its_title_and_the_pdf_ua_identifier() {
    for year in YEARS {
        let pdf = built(year).with_extension("pdf");
        let path = pdf.to_str().unwrap();
        // The title is typeset (no-break spaces after „o”, before „r.” and the dash).
        let xmp = tool("pdfinfo", &["-meta", path]).replace('\u{a0}', " ");
        assert!(
            xmp.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{year}: {xmp}"
        );
        let title =
            format!("Współpraca międzynarodowa – Raport o stanie Miasta Poznania za {year} r.");
        assert!(
            xmp.contains(&format!("<rdf:li xml:lang=\"x-default\">{title}</rdf:li>")),
            "{year}: dc:title in {xmp}"
        );
        assert!(xmp.contains("<rdf:li>pl-PL</rdf:li>"), "{year}: {xmp}");
        let info = tool("pdfinfo", &[path]).replace('\u{a0}', " ");
        assert!(
            info.contains(&format!("Title:           {title}")),
            "{year}: the same title in /Info: {info}"
        );
        // The XMP packet is well-formed enough for a plain XML reader.
        let body = xmp.trim();
        assert!(body.starts_with("<?xpacket begin=") && body.ends_with("<?xpacket end=\"w\"?>"));
        assert_eq!(body.matches("<rdf:Description").count(), 1, "{year}");
    }
}

/// Every mark on every page — text, lines, rectangles, images — is either content of the
/// structure tree or an artifact (PDF/UA-1 7.1, Matterhorn 01-005).
#[test]
fn nothing_is_drawn_outside_marked_content() {
    for year in YEARS {
        let pdf = built(year).with_extension("pdf");
        let marks = tagged::marks(&std::fs::read(&pdf).unwrap());
        assert_eq!(marks.problems, Vec::<String>::new(), "{year}");
        assert!(marks.painted > 50, "{year}: only {} marks", marks.painted);
    }
}
