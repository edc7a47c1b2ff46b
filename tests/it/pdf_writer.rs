//! PDF writer tests that check what a reader of the PDF would check, with poppler and qpdf.
//!
//! These tests need `pdftotext`, `pdfinfo`, `pdffonts` (poppler-utils) and `qpdf` on PATH and
//! fail, rather than skip, when they are missing: CI installs them.

use crate::support::documents as common;
use crate::support::{boxes, tagged};

use tagged::structure;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use report_gen::doc::{Block, Document, Figure, Inline, Table};
use report_gen::pdf::{missing_glyphs, render, PdfOptions};

use boxes::{MARGIN, PAGE_H};

struct Rendered {
    _dir: tempfile::TempDir,
    path: PathBuf,
    bytes: Vec<u8>,
}

fn render_to_file(doc: &Document) -> Rendered {
    let bytes = render(doc, Path::new("."), &PdfOptions::default()).expect("render succeeds");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, &bytes).unwrap();
    Rendered {
        _dir: dir,
        path,
        bytes,
    }
}

/// Runs a tool; a missing tool is a test failure with a hint, not a skip.
fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{name}` ({e}); install poppler-utils and qpdf"));
    assert!(
        out.status.success() || name == "qpdf" && out.status.code() == Some(3),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("tool output is UTF-8")
}

fn pdftotext(r: &Rendered, page: Option<usize>) -> String {
    let p = r.path.to_str().unwrap();
    match page {
        Some(n) => {
            let n = n.to_string();
            tool("pdftotext", &["-f", &n, "-l", &n, p, "-"])
        }
        None => tool("pdftotext", &[p, "-"]),
    }
}

fn page_count(r: &Rendered) -> usize {
    let info = tool("pdfinfo", &[r.path.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

/// Every text a reader sees, from the document tree.
fn document_text(doc: &Document) -> String {
    fn blocks(bs: &[Block], out: &mut Vec<String>) {
        for b in bs {
            match b {
                Block::Heading { content, .. } | Block::Paragraph(content) => {
                    out.push(Inline::plain_text(content))
                }
                Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                Block::Table(t) => {
                    out.push(Inline::plain_text(&t.caption));
                    t.header
                        .iter()
                        .chain(t.rows.iter().flatten())
                        .for_each(|c| out.push(Inline::plain_text(c)));
                    if let Some(s) = &t.source {
                        out.push(Inline::plain_text(s));
                    }
                }
                Block::Figure(f) => {
                    out.push(Inline::plain_text(&f.caption));
                    if let Some(c) = &f.credit {
                        out.push(Inline::plain_text(c));
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    blocks(&doc.blocks, &mut out);
    out.join("\n")
}

fn word_counts(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    // `char::is_whitespace` includes U+00A0, which pdftotext may print as either space.
    for w in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    m
}

fn assert_all_words_present(doc: &Document, r: &Rendered) {
    let want = word_counts(&document_text(doc));
    let got = word_counts(&pdftotext(r, None));
    let missing: Vec<String> = want
        .iter()
        .filter(|(w, n)| got.get(*w).copied().unwrap_or(0) < **n)
        .map(|(w, n)| format!("{w} ×{n} (pdf has {})", got.get(w).copied().unwrap_or(0)))
        .collect();
    assert!(
        missing.is_empty(),
        "words missing from pdftotext output: {missing:?}"
    );
}

#[test]
fn sample_text_comes_back_with_diacritics_and_footer() {
    let doc = Document::sample();
    let r = render_to_file(&doc);
    assert_all_words_present(&doc, &r);
    let text = pdftotext(&r, None);
    for s in [
        "Győr",
        "Jyväskylä",
        "Alarcón",
        "Ra’anana",
        "„",
        "”",
        "15–17",
        "Źródło: UMP",
        "Tabela 1. Miasta partnerskie Poznania",
    ] {
        assert!(text.contains(s), "pdftotext lacks {s:?}");
    }
    assert!(
        text.contains("Raport o stanie Miasta Poznania za 2018 r. · Współpraca międzynarodowa"),
        "running head missing"
    );
    let first = pdftotext(&r, Some(1));
    let last = crate::support::last_line(&first);
    assert_eq!(last.trim(), "1", "footer page number missing");
}

#[test]
fn chapter_table_spans_pages_with_repeated_header() {
    let doc = common::chapter_2018();
    let r = render_to_file(&doc);
    assert_all_words_present(&doc, &r);
    let n = page_count(&r);
    assert!((6..=9).contains(&n), "expected a 6–9 page chapter, got {n}");
    let mut table_pages = Vec::new();
    for p in 1..=n {
        let text = pdftotext(&r, Some(p));
        let last = crate::support::last_line(&text);
        assert!(
            text.contains("Współpraca międzynarodowa") && last.trim() == p.to_string(),
            "page {p} lacks its footer: {last:?}"
        );
        assert!(
            text.trim_start().starts_with("Raport o"),
            "page {p} lacks its running head"
        );
        // The heading cell breaks after its comma: „Dokument,” / „data podpisania”.
        let headers = text.matches("data podpisania").count();
        let on_page = text.contains("Tabela 1");
        if on_page {
            table_pages.push(p);
            assert_eq!(headers, 1, "page {p}: header row once per table page");
        } else {
            assert_eq!(headers, 0, "page {p}: header without table caption");
        }
        let continued = text.contains("Tabela 1 (cd.)");
        assert_eq!(
            continued,
            on_page && table_pages.len() > 1,
            "page {p}: „(cd.)” only on continuation pages"
        );
    }
    assert!(
        table_pages.len() >= 2,
        "the 15-row table should span pages, was on {table_pages:?}"
    );
    assert!(table_pages.windows(2).all(|w| w[1] == w[0] + 1));
    // Every partner row is there, in order.
    let all = pdftotext(&r, None);
    let mut at = 0;
    for (city, _, _) in common::PARTNERS {
        let first_word = city.split(&[' ', ','][..]).next().unwrap();
        let pos = all[at..]
            .find(first_word)
            .unwrap_or_else(|| panic!("{city} missing or out of order"));
        at += pos;
    }
}

#[test]
fn fonts_are_embedded_subset_with_unicode_map() {
    let r = render_to_file(&common::chapter_2018());
    let out = tool("pdffonts", &[r.path.to_str().unwrap()]);
    let rows: Vec<&str> = out
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), 3, "regular, bold and italic expected:\n{out}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let flags = &cols[cols.len() - 5..cols.len() - 2];
        assert_eq!(
            flags,
            ["yes", "yes", "yes"],
            "emb/sub/uni must be yes: {row}"
        );
        assert!(cols[0].contains("+NotoSans"), "{row}");
    }
}

#[test]
fn qpdf_check_metadata_lang_and_nested_outline() {
    let doc = common::chapter_2018();
    let r = render_to_file(&doc);
    let check = tool("qpdf", &["--check", r.path.to_str().unwrap()]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let info = tool("pdfinfo", &[r.path.to_str().unwrap()]);
    let title = info
        .lines()
        .find_map(|l| l.strip_prefix("Title:"))
        .unwrap()
        .trim()
        .replace('\u{a0}', " ");
    assert_eq!(title, doc.meta.full_title.replace('\u{a0}', " "));
    assert!(info.contains("Creator:         report-gen"));
    assert!(info.contains("Author:          Urząd Miasta Poznania"));
    assert!(info.contains("PDF version:     1.7"));
    assert!(
        !info.contains("PDF subtype"),
        "no false PDF/X claim: {info}"
    );
    assert!(
        info.contains("CreationDate:    Mon Jan  1 00:00:00 2024 UTC"),
        "{info}"
    );

    let lo = lopdf::Document::load_mem(&r.bytes).expect("lopdf parses the output");
    let catalog = lo.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"pl-PL");
    assert_eq!(
        catalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    let vp = catalog
        .get(b"ViewerPreferences")
        .unwrap()
        .as_dict()
        .unwrap();
    assert!(vp.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());

    // Outline: H1 at the top, H2 sections under it, H3 partners under the first section.
    let deref = |o: &lopdf::Object| {
        lo.get_object(o.as_reference().unwrap())
            .unwrap()
            .as_dict()
            .unwrap()
    };
    let title_of = |d: &lopdf::Dictionary| {
        let bytes = d.get(b"Title").unwrap().as_str().unwrap();
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    };
    let root = deref(catalog.get(b"Outlines").unwrap());
    let h1 = deref(root.get(b"First").unwrap());
    assert_eq!(title_of(h1), "Współpraca międzynarodowa");
    assert!(h1.get(b"Next").is_err(), "only one top-level entry");
    let mut h2 = deref(h1.get(b"First").unwrap());
    let mut sections = vec![title_of(h2)];
    while let Ok(next) = h2.get(b"Next") {
        h2 = deref(next);
        sections.push(title_of(h2));
    }
    assert_eq!(
        sections,
        [
            "Umowy partnerskie",
            "Współpraca z miastami partnerskimi",
            "Organizacje międzynarodowe",
            "Projekty europejskie",
            "Kontakty dyplomatyczne",
            "Podsumowanie"
        ]
    );
    let section = deref(deref(h1.get(b"First").unwrap()).get(b"Next").unwrap());
    let h3 = deref(section.get(b"First").unwrap());
    assert_eq!(title_of(h3), "Assen, Holandia");
    // The destination points at the heading, not at the top of its page.
    let dest = h3.get(b"Dest").unwrap().as_array().unwrap();
    assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
    let top = dest[3].as_float().unwrap();
    assert!(
        top < (PAGE_H - MARGIN) as f32 - 1.0 && top > MARGIN as f32,
        "heading top {top}"
    );
}

#[test]
fn no_word_in_margins_and_no_overlaps() {
    boxes::assert_boxes_clean(&render_to_file(&common::chapter_2018()).path);
    boxes::assert_boxes_clean(&render_to_file(&common::long_table_document()).path);
}

#[test]
fn rendering_twice_in_one_process_gives_identical_bytes() {
    let doc = common::chapter_2018();
    let a = render(&doc, Path::new("."), &PdfOptions::default()).unwrap();
    let b = render(&doc, Path::new("."), &PdfOptions::default()).unwrap();
    assert!(a == b, "two renders differ");
    let other = render(
        &doc,
        Path::new("."),
        &PdfOptions {
            source_date_epoch: 1_700_000_000,
        },
    )
    .unwrap();
    assert!(a != other, "the date must reach the file");
}

#[test]
fn chapter_without_images_stays_small() {
    let bytes = render(
        &common::chapter_2018(),
        Path::new("."),
        &PdfOptions::default(),
    )
    .unwrap();
    // Tagged, with the structure elements in compressed object streams: a long chapter with
    // its table and three embedded font subsets in 60 KB.
    assert!(bytes.len() <= 60 * 1024, "{} bytes", bytes.len());
}

#[test]
fn missing_glyphs_reports_only_undrawable_characters() {
    assert!(missing_glyphs("Zażółć gęślą jaźń Győr Jyväskylä Alarcón ā ’„”–•").is_empty());
    assert_eq!(missing_glyphs("Poznań 北京 😀"), vec!['北', '京', '😀']);
}

fn doc_with(blocks: Vec<Block>) -> Document {
    let mut doc = Document::sample();
    doc.blocks = blocks;
    doc
}

fn t(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_string())]
}

#[test]
fn undrawable_character_is_an_error_quoting_the_text() {
    let doc = doc_with(vec![Block::Paragraph(t(
        "Delegacja z miasta 长沙 odwiedziła Poznań.",
    ))]);
    let err = render(&doc, Path::new("."), &PdfOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("长") && err.contains("Delegacja z miasta"),
        "{err}"
    );
}

fn figure(image: Option<&str>) -> Block {
    Block::Figure(Figure {
        image: image.map(String::from),
        alt: "Prezydent z gośćmi".into(),
        caption: t("Wizyta delegacji z Győr w Poznaniu"),
        credit: Some(t("arch. UMP")),
    })
}

#[test]
fn missing_or_broken_image_is_an_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc_with(vec![figure(Some("img/brak.png"))]);
    let err = format!(
        "{:#}",
        render(&doc, dir.path(), &PdfOptions::default()).unwrap_err()
    );
    assert!(err.contains("img/brak.png"), "{err}");
    std::fs::write(dir.path().join("zly.png"), b"not an image").unwrap();
    let doc = doc_with(vec![figure(Some("zly.png"))]);
    let err = format!(
        "{:#}",
        render(&doc, dir.path(), &PdfOptions::default()).unwrap_err()
    );
    assert!(err.contains("zly.png"), "{err}");
}

#[test]
fn figure_with_image_is_drawn_with_caption_and_credit() {
    let dir = tempfile::tempdir().unwrap();
    let img = image::RgbImage::from_fn(400, 300, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    img.save(dir.path().join("wizyta.png")).unwrap();
    let doc = doc_with(vec![
        Block::Paragraph(t("Tekst przed ryciną.")),
        figure(Some("wizyta.png")),
    ]);
    let bytes = render(&doc, dir.path(), &PdfOptions::default()).unwrap();
    let path = dir.path().join("f.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let images = tool("pdfimages", &["-list", path.to_str().unwrap()]);
    assert!(
        images.lines().nth(2).is_some_and(|l| l.contains("image")),
        "{images}"
    );
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(
        text.contains("Wizyta delegacji z Győr w Poznaniu") && text.contains("arch. UMP"),
        "{text}"
    );
    // Same bytes again: the image id is pinned.
    assert!(bytes == render(&doc, dir.path(), &PdfOptions::default()).unwrap());
}

/// Rows of `pdfimages -list` as (type, width, height, color, enc).
fn listed_images(pdf: &std::path::Path) -> Vec<(String, u32, u32, String, String)> {
    tool("pdfimages", &["-list", pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (
                f[2].to_string(),
                f[3].parse().unwrap(),
                f[4].parse().unwrap(),
                f[5].to_string(),
                f[8].to_string(),
            )
        })
        .collect()
}

#[test]
fn jpeg_is_embedded_unchanged_and_transparent_png_gets_a_soft_mask() {
    let dir = tempfile::tempdir().unwrap();
    let photo = image::RgbImage::from_fn(320, 200, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    photo.save(dir.path().join("foto.jpg")).unwrap();
    let logo = image::RgbaImage::from_fn(64, 32, |x, _| image::Rgba([200, 30, 30, (x * 4) as u8]));
    logo.save(dir.path().join("logo.png")).unwrap();
    let doc = doc_with(vec![figure(Some("foto.jpg")), figure(Some("logo.png"))]);
    let bytes = render(&doc, dir.path(), &PdfOptions::default()).unwrap();
    let path = dir.path().join("f.pdf");
    std::fs::write(&path, &bytes).unwrap();

    let images = listed_images(&path);
    assert_eq!(
        images,
        vec![
            ("image".into(), 320, 200, "rgb".into(), "jpeg".into()),
            ("image".into(), 64, 32, "rgb".into(), "image".into()),
            ("smask".into(), 64, 32, "gray".into(), "image".into()),
        ]
    );
    // The photo is the very JPEG file: no second lossy compression.
    let prefix = dir.path().join("out");
    tool(
        "pdfimages",
        &[
            "-j",
            "-f",
            "1",
            "-l",
            "1",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let extracted = std::fs::read(dir.path().join("out-000.jpg")).unwrap();
    assert!(extracted == std::fs::read(dir.path().join("foto.jpg")).unwrap());
}

#[test]
fn awkward_documents_render_without_panicking() {
    let long_word = "Konstantynopolitańczykowianeczka".repeat(8);
    let huge_cell = "Kultura, sport, edukacja, turystyka, gospodarka. ".repeat(200);
    let table = |header: Vec<Vec<Inline>>, rows: Vec<Vec<Vec<Inline>>>| {
        Block::Table(Table {
            number: 1,
            caption: t("Tabela testowa"),
            header,
            rows,
            source: None,
        })
    };
    let docs = vec![
        ("empty", doc_with(vec![])),
        ("empty table", doc_with(vec![table(vec![], vec![])])),
        (
            "one column",
            doc_with(vec![table(
                vec![t("Miasto")],
                vec![vec![t("Brno")], vec![t("Győr")]],
            )]),
        ),
        (
            "huge cell",
            doc_with(vec![table(
                vec![t("A"), t("B"), t("C")],
                vec![vec![t("x"), t("y"), t(&huge_cell)]],
            )]),
        ),
        (
            "long word",
            doc_with(vec![
                Block::Paragraph(t(&long_word)),
                table(vec![t(&long_word)], vec![vec![t(&long_word)]]),
            ]),
        ),
        (
            "500 items",
            doc_with(vec![Block::List {
                ordered: true,
                start: 1,
                items: (0..500)
                    .map(|i| vec![Block::Paragraph(t(&format!("Pozycja numer {i}")))])
                    .collect(),
            }]),
        ),
        ("caption only figure", doc_with(vec![figure(None)])),
    ];
    for (name, doc) in docs {
        let r = render_to_file(&doc);
        let check = tool("qpdf", &["--check", r.path.to_str().unwrap()]);
        assert!(
            check.contains("No syntax or stream encoding errors"),
            "{name}: {check}"
        );
        let n = page_count(&r);
        let last_page = pdftotext(&r, Some(n));
        let footer = crate::support::last_line(&last_page);
        assert_eq!(
            footer.trim(),
            n.to_string(),
            "{name}: the last page's number"
        );
        // A word wider than the line is broken by character, so it cannot come back whole.
        if name != "long word" {
            assert_all_words_present(&doc, &r);
        }
        boxes::assert_boxes_clean(&r.path);
    }
}

/// (structure type, language) of every marked-content sequence that carries a `/Lang`,
/// found through the page's `/StructParents` entry in the parent tree.
fn foreign_language_content(bytes: &[u8]) -> Vec<(String, String)> {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF");
    let catalog = doc.catalog().unwrap();
    let root = doc
        .get_dictionary(
            catalog
                .get(b"StructTreeRoot")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    let tree = doc
        .get_dictionary(root.get(b"ParentTree").unwrap().as_reference().unwrap())
        .unwrap();
    let nums = tree.get(b"Nums").unwrap().as_array().unwrap();
    let mut found = Vec::new();
    for (_, page_id, operations) in tagged::page_operations(&doc) {
        let page = doc.get_dictionary(page_id).unwrap();
        assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        let at = nums
            .iter()
            .position(|o| o.as_i64().ok() == Some(key))
            .unwrap();
        let elements = nums[at + 1].as_array().unwrap();
        for op in operations.iter().filter(|op| op.operator == "BDC") {
            let Ok(props) = op.operands[1].as_dict() else {
                continue;
            };
            let (Ok(lang), Ok(mcid)) = (props.get(b"Lang"), props.get(b"MCID")) else {
                continue;
            };
            let elem = elements[mcid.as_i64().unwrap() as usize]
                .as_reference()
                .unwrap();
            let s = doc.get_dictionary(elem).unwrap().get(b"S").unwrap();
            let name = |o: &Object| String::from_utf8_lossy(o.as_name().unwrap()).into_owned();
            let lang = String::from_utf8_lossy(lang.as_str().unwrap()).into_owned();
            found.push((name(s), lang));
        }
    }
    found
}

#[test]
fn the_pdf_is_tagged_with_the_structure_a_screen_reader_needs() {
    let doc = Document::sample();
    let r = render_to_file(&doc);
    let info = tool("pdfinfo", &[r.path.to_str().unwrap()]);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let tree = structure(&r.path);
    assert_eq!(tree.all("H1")[0].text, "Współpraca międzynarodowa");
    assert_eq!(tree.all("H3")[0].text, "Győr (Węgry)");
    // The list: two items, each a label and a body holding the item's paragraph.
    let list = tree.all("L")[0];
    assert!(list.attrs.contains("/ListNumbering /Disc"), "{list:?}");
    assert_eq!(list.kid_names(), ["LI", "LI"]);
    for item in &list.kids {
        assert_eq!(item.kid_names(), ["Lbl", "LBody"]);
        assert_eq!(item.kids[0].text, "•");
    }
    assert_eq!(
        list.kids[1].kids[1].deep_text(),
        "30\u{a0}czerwca – 2\u{a0}lipca – spotkanie."
    );
    // The table: caption first, one header row heading the columns, rows headed by the city.
    let table = tree.all("Table")[0];
    assert_eq!(table.kid_names(), ["Caption", "THead", "TBody"]);
    assert_eq!(table.kids[0].text, "Tabela 1. Miasta partnerskie Poznania");
    assert_eq!(table.kids[1].kid_names(), ["TR"]);
    assert_eq!(table.kids[2].kid_names(), ["TR", "TR"]);
    let header = &table.kids[1].kids[0];
    assert_eq!(header.kid_names(), ["TH", "TH", "TH"]);
    assert!(header.kids.iter().all(|c| c.attrs == "/Scope /Column"));
    assert_eq!(header.kids[2].text, "Zakres współpracy");
    let brno = &table.kids[2].kids[0];
    assert_eq!(brno.kid_names(), ["TH", "TD", "TD"]);
    assert_eq!(
        (brno.kids[0].text.as_str(), brno.kids[0].attrs.as_str()),
        ("Brno, Czechy", "/Scope /Row")
    );
    // The source line is read right after the table; the figure without an image is only
    // its caption and credit, as a paragraph.
    let names = tree.kid_names();
    let t = names.iter().position(|n| *n == "Table").unwrap();
    assert_eq!(tree.kids[t + 1].text, "Źródło: UMP");
    assert!(tree.all("Figure").is_empty());
    assert!(tree
        .all("P")
        .iter()
        .any(|p| p.text == "Wizyta nadburmistrza Hanoweru w\u{a0}PoznaniuŹródło: UMP"));
    // The footer is an artifact: not read.
    assert!(
        !tree.deep_text().contains("Raport o"),
        "running head in the structure tree"
    );
    assert_eq!(
        foreign_language_content(&r.bytes),
        [("Span".to_string(), "en".to_string())],
        "„Gen-Y City…” is marked as English: a Span inside its paragraph"
    );
    // The Span structure element carries the language too (what checkers and assistive
    // technology that read only the tree look at), and sits where the phrase is read.
    assert_eq!(
        tagged::structure_languages(&r.bytes),
        [("Span".to_string(), "en".to_string())]
    );
    let span = tree.all("Span")[0];
    assert_eq!(span.text, "Gen-Y City. Get into the swing of the city!");
    let p = tree
        .all("P")
        .into_iter()
        .find(|p| p.kid_names() == ["Span"])
        .expect("the paragraph of the phrase");
    assert!(
        p.deep_text()
            .ends_with("projekt „Gen-Y City. Get into the swing of the city!”."),
        "{}",
        p.deep_text()
    );
    let marks = tagged::marks(&r.bytes);
    assert_eq!(marks.problems, Vec::<String>::new());
}

#[test]
fn a_figure_with_an_image_has_its_alternative_text_and_its_caption_in_one_group() {
    let dir = tempfile::tempdir().unwrap();
    let image = image::RgbImage::from_pixel(40, 30, image::Rgb([200, 30, 30]));
    image.save(dir.path().join("photo.png")).unwrap();
    let doc = doc_with(vec![figure(Some("photo.png"))]);
    let bytes = render(&doc, dir.path(), &PdfOptions::default()).unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let tree = structure(&path);
    // The photo and its caption are one group: the Figure, then its Caption (not inside the
    // Figure, where a screen reader that speaks the /Alt would never read it).
    assert_eq!(tree.kid_names(), ["Div"]);
    let group = &tree.kids[0];
    assert_eq!(group.kid_names(), ["Figure", "Caption"]);
    // Caption and credit form one Caption, after the Figure in its group, each a paragraph
    // of its own (read as two sentences, not „…w Poznaniuarch. UMP”).
    let caption = &group.kids[1];
    assert_eq!(caption.kid_names(), ["P", "P"]);
    assert_eq!(caption.kids[0].text, "Wizyta delegacji z Győr w Poznaniu");
    assert_eq!(caption.kids[1].text, "arch. UMP");
    let lo = lopdf::Document::load_mem(&bytes).unwrap();
    let figures: Vec<&lopdf::Dictionary> = lo
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure"))
        .collect();
    let alts: Vec<String> = figures
        .iter()
        .map(|d| {
            let alt = d.get(b"Alt").unwrap().as_str().unwrap();
            // UTF-16BE with a byte order mark.
            let units: Vec<u16> = alt[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        })
        .collect();
    assert_eq!(alts, ["Prezydent z gośćmi"]);
    // The figure's layout box is where the image is drawn: the `cm` before `Do` on the page.
    let attrs = figures[0].get(b"A").unwrap().as_dict().unwrap();
    assert_eq!(attrs.get(b"O").unwrap().as_name().unwrap(), b"Layout");
    let bbox: Vec<f32> = attrs
        .get(b"BBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    let (_, _, ops) = tagged::page_operations(&lo).remove(0);
    let draw = ops.iter().position(|op| op.operator == "Do").unwrap();
    let cm: Vec<f32> = ops[..draw]
        .iter()
        .rev()
        .find(|op| op.operator == "cm")
        .unwrap()
        .operands
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    let drawn = [cm[4], cm[5], cm[4] + cm[0], cm[5] + cm[3]];
    for (b, d) in bbox.iter().zip(drawn) {
        assert!(
            (b - d).abs() < 0.01,
            "BBox {bbox:?}, image drawn at {drawn:?}"
        );
    }
    assert!(
        bbox[2] - bbox[0] > 10.0 && bbox[3] - bbox[1] > 10.0,
        "{bbox:?}"
    );
    // The image itself is drawn inside the Figure's marked content.
    let marks = tagged::marks(&bytes);
    assert_eq!(marks.problems, Vec::<String>::new());
}

/// The `TJ` arrays of every page: for each, the byte lengths of its strings and its numbers.
fn tj_arrays(bytes: &[u8]) -> Vec<(Vec<usize>, Vec<f32>)> {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF");
    let mut out = Vec::new();
    for (_, _, operations) in tagged::page_operations(&doc) {
        for op in operations.iter().filter(|op| op.operator == "TJ") {
            let Some(lopdf::Object::Array(items)) = op.operands.first() else {
                panic!("TJ without an array: {op:?}");
            };
            let strings = items
                .iter()
                .filter_map(|o| o.as_str().ok().map(<[u8]>::len))
                .collect();
            let numbers = items.iter().filter_map(|o| o.as_float().ok()).collect();
            out.push((strings, numbers));
        }
    }
    out
}

#[test]
fn kerning_is_in_the_text_and_extraction_keeps_the_words() {
    // „Toledo” has one kerned pair in Noto Sans, T+o (−70/1000 em); the sentence has more.
    let sentence = "Wizyta w Toledo: AVATAR, Tygodnik „Wolontariusz” – Wrocław, Kraków, Győr.";
    let doc = doc_with(vec![
        Block::Paragraph(t("Toledo")),
        Block::Paragraph(t(sentence)),
    ]);
    let r = render_to_file(&doc);
    let arrays = tj_arrays(&r.bytes);
    assert!(
        arrays.contains(&(vec![2, 10], vec![70.0])),
        "„Toledo” is drawn as [(T) 70 (oledo)] TJ (two-byte codes): {arrays:?}"
    );
    assert!(
        arrays.iter().any(|(_, n)| n.contains(&40.0)),
        "A+V are kerned by 40/1000 em: {arrays:?}"
    );
    let text = pdftotext(&r, Some(1));
    assert!(text.contains("Toledo\n"), "{text}");
    let extracted = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(extracted.contains(sentence), "{extracted}");
    assert_all_words_present(&doc, &r);
}

#[test]
fn table_names_break_after_their_comma_not_inside() {
    let doc = doc_with(vec![Block::Table(common::agreement_table())]);
    let r = render_to_file(&doc);
    let words = boxes::word_boxes(&r.path);
    let line_of = |w: &str| {
        let found: Vec<f64> = words
            .iter()
            .filter(|(_, _, word)| word == w)
            .map(|(_, b, _)| b[3])
            .collect();
        assert_eq!(found.len(), 1, "{w} once: {found:?}");
        found[0]
    };
    // „Toledo, Stany Zjednoczone” in a 95 pt column: „Toledo,” over „Stany Zjednoczone”.
    assert_eq!(line_of("Stany"), line_of("Zjednoczone"));
    assert!(line_of("Toledo,") < line_of("Stany"));
    assert_eq!(line_of("Wielka"), line_of("Brytania"));
    // A document cell: the date stays with its „r.”, the comma ends a line, none starts one.
    let text = pdftotext(&r, None);
    assert!(
        text.lines().all(|l| !l.trim_start().starts_with(',')),
        "{text}"
    );
}

#[test]
fn a_compound_broken_at_its_hyphen_repeats_it_on_the_next_line_and_extracts_whole() {
    let text = "Rozmowy o współpracy polsko-niemieckiej i polsko-ukraińskiej. ".repeat(12);
    let doc = doc_with(vec![Block::Paragraph(t(text.trim_end()))]);
    let layout = report_gen::pdf::layout_only(&doc);
    let lines: Vec<Vec<_>> = {
        let mut by_y: Vec<(f32, Vec<_>)> = Vec::new();
        for (_, _, y, _, piece) in layout.texts(0) {
            match by_y.last_mut() {
                Some((ly, v)) if *ly == y => v.push(piece.clone()),
                _ => by_y.push((y, vec![piece.clone()])),
            }
        }
        by_y.into_iter().map(|(_, v)| v).collect()
    };
    let mut repeated = 0;
    for pair in lines.windows(2) {
        if pair[1][0].repeated_hyphen {
            repeated += 1;
            assert_eq!(pair[1][0].text, "-");
            assert!(pair[0].last().unwrap().text.ends_with("polsko-"));
        }
    }
    assert!(
        repeated >= 2,
        "some lines break at a compound's hyphen: {lines:?}"
    );
    let r = render_to_file(&doc);
    // Extraction: pdftotext drops the hyphen that ends a line and keeps the repeated one, so
    // every compound comes back whole, with one hyphen; in reading order (-raw) the lines are
    // „polsko-” and „-niemieckiej”, as printed.
    let extracted = pdftotext(&r, Some(1));
    let words: Vec<&str> = extracted.split_whitespace().collect();
    for w in &words {
        assert!(
            !w.starts_with('-') && !w.contains("--"),
            "{w} in {extracted}"
        );
        if w.starts_with("polsko") {
            assert!(
                ["polsko-niemieckiej", "polsko-ukraińskiej."].contains(w),
                "{w} in {extracted}"
            );
        }
    }
    assert_eq!(words.iter().filter(|w| w.starts_with("polsko")).count(), 24);
    let raw = tool("pdftotext", &["-raw", r.path.to_str().unwrap(), "-"]);
    assert!(raw.contains("polsko-\n-"), "{raw}");
}
