//! The Word documents, checked as a colleague assembling the report would find them: opened by
//! a real word processor (LibreOffice converts each to PDF, and every word of the chapter is
//! in its text), and read part by part (`support::ooxml`): Word's heading styles in the
//! chapter's order, the table's repeated header row and unsplittable rows, the picture's
//! description, the languages, the document properties, and the same bytes every build.
//!
//! Needs LibreOffice (Writer), unzip and poppler-utils, which tests/run.sh installs; a
//! missing tool fails the test.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::formats::{chapter, document_text, missing_words, tool, YEARS};
use crate::support::html_fixtures::{big_document, write_png};
use crate::support::libreoffice_convert;
use crate::support::ooxml::{self, Element};

use report_gen::doc::{Block, Document, Inline};
use report_gen::docx::{render, DocxOptions};

/// Builds `year` as DOCX with the real binary into `dir`; `epoch` is SOURCE_DATE_EPOCH.
fn build_docx(year: i32, dir: &Path, epoch: Option<&str>) -> PathBuf {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_report-gen"));
    cmd.env("REPORT_GEN_LANG", "en");
    cmd.args([
        "build",
        "--year",
        &year.to_string(),
        "--format",
        "docx",
        "--out",
    ])
    .arg(dir);
    match epoch {
        Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
        None => cmd.env_remove("SOURCE_DATE_EPOCH"),
    };
    let out = cmd.output().expect("report-gen runs");
    assert!(
        out.status.success(),
        "build {year}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir.join(format!("wspolpraca-miedzynarodowa-{year}.docx"));
    assert!(path.is_file(), "{} written", path.display());
    path
}

/// Every shipped year's DOCX, built once per test run and shared by the tests that read them.
fn built(year: i32) -> PathBuf {
    static BUILT: std::sync::OnceLock<HashMap<i32, PathBuf>> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("docx");
            let _ = std::fs::remove_dir_all(&root);
            YEARS
                .iter()
                .map(|&y| (y, build_docx(y, &root, None)))
                .collect()
        })
        .get(&year)
        .expect("a shipped year")
        .clone()
}

/// The body paragraphs and tables of `word/document.xml`, in order.
fn body(docx: &Path) -> Element {
    let document = ooxml::part(docx, "word/document.xml");
    document.child("w:body").expect("w:body").clone()
}

/// (level, text) of every heading of the tree, in order.
fn tree_headings(blocks: &[Block], out: &mut Vec<(u8, String)>) {
    for b in blocks {
        match b {
            Block::Heading { level, content, .. } => {
                out.push((*level, Inline::plain_text(content)))
            }
            Block::List { items, .. } => items.iter().for_each(|i| tree_headings(i, out)),
            _ => {}
        }
    }
}

#[test]
fn libreoffice_opens_every_year_and_shows_every_word_of_the_chapter() {
    let dir = tempfile::tempdir().unwrap();
    // The shipped data has no image files yet: a document with a real photo goes along.
    write_png(&dir.path().join("hanower.png"));
    let figure_doc = big_document("hanower.png");
    let figure_docx = dir.path().join("rysunek.docx");
    let bytes = render(&figure_doc, dir.path(), &DocxOptions::default()).expect("renders");
    std::fs::write(&figure_docx, bytes).unwrap();

    let mut files: Vec<PathBuf> = YEARS.iter().map(|&y| built(y)).collect();
    files.push(figure_docx);
    let pdfs = dir.path().join("pdf");
    {
        let _heavy = crate::support::harness::one_heavy_test_at_a_time();
        libreoffice_convert(&files, "pdf", &pdfs);
    }

    for year in YEARS {
        let pdf = pdfs.join(format!("wspolpraca-miedzynarodowa-{year}.pdf"));
        let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        let doc = chapter(year).document;
        let missing = missing_words(&document_text(&doc), &text);
        assert!(
            missing.is_empty(),
            "{year}: words of the chapter missing from LibreOffice's rendering: {missing:?}"
        );
        let flat = text.replace('\u{a0}', " ");
        let has_table = doc.blocks.iter().any(|b| matches!(b, Block::Table(_)));
        assert_eq!(
            flat.contains("Tabela 1."),
            has_table,
            "{year}: the table's number"
        );
        // Every page: the running head, and its number at the foot.
        let pages: Vec<&str> = flat
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.contains(&format!(
                    "Raport o stanie Miasta Poznania za {year} r. · Współpraca międzynarodowa"
                )),
                "{year}: the running head of page {}",
                i + 1
            );
            let last = crate::support::last_line(page);
            assert_eq!(
                last.trim(),
                (i + 1).to_string(),
                "{year}: page {}'s number",
                i + 1
            );
        }
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]).replace('\u{a0}', " ");
        assert!(
            info.contains(&format!(
                "Współpraca międzynarodowa – Raport o stanie Miasta Poznania za {year} r."
            )),
            "{year}: the document's title reaches the PDF: {info}"
        );
    }
    let pdf = pdfs.join("rysunek.pdf");
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let missing = missing_words(&document_text(&figure_doc), &text);
    assert!(missing.is_empty(), "figure document: missing {missing:?}");
    let images = tool("pdfimages", &["-list", pdf.to_str().unwrap()]);
    let listed: Vec<&str> = images.lines().skip(2).collect();
    assert_eq!(listed.len(), 1, "the photo is shown: {images}");
    let cols: Vec<&str> = listed[0].split_whitespace().collect();
    assert_eq!(
        (cols[3], cols[4]),
        ("240", "135"),
        "the photo unchanged: {images}"
    );
}

#[test]
fn headings_use_words_built_in_styles_in_the_chapters_order() {
    for year in YEARS {
        let docx = built(year);
        let mut expected = Vec::new();
        tree_headings(&chapter(year).document.blocks, &mut expected);
        let got: Vec<(u8, String)> = body(&docx)
            .all("w:p")
            .into_iter()
            .filter_map(|p| {
                let level = p.style()?.strip_prefix("Heading")?.parse().ok()?;
                Some((level, p.text()))
            })
            .collect();
        assert_eq!(got, expected, "{year}: headings");
        assert_eq!(got[0].0, 1, "{year}: the chapter title is Heading 1");
        assert!(got.iter().any(|(l, _)| *l == 2), "{year}: sections");

        // The styles are Word's built-in ones (by their built-in names), with outline levels,
        // so that the navigation pane and a table of contents find them.
        let styles = ooxml::part(&docx, "word/styles.xml");
        let by_id = |id: &str| {
            styles
                .all("w:style")
                .into_iter()
                .find(|s| s.attr("w:styleId") == Some(id))
                .unwrap_or_else(|| panic!("{year}: style {id} is defined"))
                .clone()
        };
        for level in 1..=3 {
            let style = by_id(&format!("Heading{level}"));
            assert_eq!(
                style.child("w:name").unwrap().attr("w:val"),
                Some(format!("heading {level}").as_str())
            );
            let outline = style.child("w:pPr").unwrap().child("w:outlineLvl").unwrap();
            assert_eq!(
                outline.attr("w:val"),
                Some((level - 1).to_string().as_str())
            );
        }
        assert_eq!(
            by_id("BodyText").child("w:name").unwrap().attr("w:val"),
            Some("Body Text")
        );
        // Body text is in the named style, not in Normal with direct formatting.
        let body = body(&docx);
        let paragraphs = body.all("w:p");
        let body_text = paragraphs
            .iter()
            .filter(|p| p.style() == Some("BodyText"))
            .count();
        assert!(body_text >= 5, "{year}: {body_text} body paragraphs");
        assert!(
            paragraphs.iter().all(|p| p.style().is_some()),
            "{year}: every paragraph has a style"
        );
    }
}

#[test]
fn the_2018_table_repeats_its_header_row_and_no_row_splits() {
    let docx = built(2018);
    let body = body(&docx);
    let tables = body.all("w:tbl");
    assert_eq!(tables.len(), 1);
    let rows = tables[0].all("w:tr");
    assert_eq!(
        rows.len(),
        1 + 15,
        "the header and the 15 agreements in force"
    );
    let header = rows[0].child("w:trPr").expect("header row properties");
    assert!(
        header.child("w:tblHeader").is_some(),
        "header repeats on each page"
    );
    for (i, row) in rows.iter().enumerate() {
        let props = row.child("w:trPr").expect("row properties");
        assert!(
            props.child("w:cantSplit").is_some(),
            "row {i} must not split"
        );
        if i > 0 {
            assert!(
                props.child("w:tblHeader").is_none(),
                "row {i} is not a header"
            );
        }
        assert_eq!(row.all("w:tc").len(), 3, "row {i}: three cells");
    }
    let cells = |r: &Element| -> Vec<String> { r.all("w:tc").iter().map(|c| c.text()).collect() };
    assert_eq!(
        cells(rows[0]),
        [
            "Miasto, kraj",
            "Dokument, data podpisania",
            "Zakres współpracy"
        ]
    );
    let brno = cells(rows[1]);
    assert_eq!(brno[0], "Brno, Czechy");
    assert_eq!(brno[1], "Umowa o\u{a0}współpracy, 16.09.1966\u{a0}r.");

    // The caption above with its number, the source line below.
    let blocks: Vec<&Element> = body.elements().collect();
    let at = blocks.iter().position(|e| e.name == "w:tbl").unwrap();
    let caption = blocks[at - 1];
    assert_eq!(caption.style(), Some("Caption"));
    assert!(
        caption
            .text()
            .starts_with("Tabela\u{a0}1. Miasta i\u{a0}regiony partnerskie Poznania"),
        "{}",
        caption.text()
    );
    let field = caption.all("w:fldSimple");
    assert_eq!(field.len(), 1);
    assert!(field[0].attr("w:instr").unwrap().contains("SEQ Tabela"));
    assert!(caption
        .child("w:pPr")
        .unwrap()
        .child("w:keepNext")
        .is_some());
    let source = blocks[at + 1];
    assert_eq!(source.style(), Some("Zrodlo"));
    assert_eq!(source.text(), "Źródło: UMP");
    let props = tables[0].child("w:tblPr").unwrap();
    assert!(props
        .child("w:tblCaption")
        .and_then(|c| c.attr("w:val"))
        .is_some_and(|c| c
            .replace('\u{a0}', " ")
            .starts_with("Tabela 1. Miasta i regiony partnerskie Poznania")));
}

#[test]
fn text_is_polish_and_marked_phrases_are_in_their_language() {
    let docx = built(2018);
    let styles = ooxml::part(&docx, "word/styles.xml");
    let defaults = styles.child("w:docDefaults").unwrap().all("w:lang");
    assert_eq!(defaults.len(), 1);
    assert_eq!(defaults[0].attr("w:val"), Some("pl-PL"));
    // Every run with its own language, and its text.
    let langs: Vec<(String, String)> = body(&docx)
        .all("w:r")
        .into_iter()
        .filter_map(|r| {
            let lang = r.child("w:rPr")?.child("w:lang")?.attr("w:val")?;
            Some((lang.to_string(), r.text()))
        })
        .collect();
    for (lang, phrase) in [
        ("fr-FR", "Labo Europe"),
        ("en-GB", "Gen-Y City. Get into the swing of the city!"),
    ] {
        assert!(
            langs.iter().any(|(l, t)| l == lang && t == phrase),
            "{phrase} in {lang}: {langs:?}"
        );
    }
    assert!(
        langs.iter().all(|(l, _)| l == "fr-FR" || l == "en-GB"),
        "only marked phrases carry a language: {langs:?}"
    );
    let core = ooxml::part(&docx, "docProps/core.xml");
    let value = |name: &str| {
        core.child(name)
            .map(|e| e.text_content())
            .unwrap_or_default()
    };
    assert_eq!(value("dc:language"), "pl-PL");
    // The title as typeset for the other formats (no-break spaces included).
    assert_eq!(value("dc:title"), chapter(2018).document.meta.full_title);
    assert_eq!(
        value("dc:title").replace('\u{a0}', " "),
        "Współpraca międzynarodowa – Raport o stanie Miasta Poznania za 2018 r."
    );
    assert_eq!(value("dc:creator"), "Urząd Miasta Poznania");
    // Without SOURCE_DATE_EPOCH: 1 January after the report year, as in the PDF.
    assert_eq!(value("dcterms:created"), "2019-01-01T00:00:00Z");
    let settings = ooxml::part(&docx, "word/settings.xml");
    assert_eq!(
        settings.child("w:themeFontLang").unwrap().attr("w:val"),
        Some("pl-PL")
    );
}

#[test]
fn no_break_spaces_and_quotes_are_those_of_the_other_formats() {
    for year in [2018, 2022] {
        let docx = built(year);
        let doc = chapter(year).document;
        // The paragraphs' texts, exactly as in the tree (the tree's typography is final).
        let words: String = body(&docx)
            .all("w:p")
            .iter()
            .map(|p| p.text())
            .collect::<Vec<_>>()
            .join("\n");
        let mut expected = Vec::new();
        fn paragraphs(blocks: &[Block], out: &mut Vec<String>) {
            for b in blocks {
                match b {
                    Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                        out.push(Inline::plain_text(c))
                    }
                    Block::List { items, .. } => items.iter().for_each(|i| paragraphs(i, out)),
                    _ => {}
                }
            }
        }
        paragraphs(&doc.blocks, &mut expected);
        for p in expected.iter().filter(|p| !p.is_empty()) {
            assert!(words.contains(p.as_str()), "{year}: paragraph missing: {p}");
        }
        assert!(words.contains('\u{a0}') && words.contains('„') && words.contains('”'));
    }
}

#[test]
fn figure_lists_and_links_of_a_big_document() {
    let dir = tempfile::tempdir().unwrap();
    write_png(&dir.path().join("hanower.png"));
    let doc = big_document("hanower.png");
    let path = dir.path().join("big.docx");
    std::fs::write(
        &path,
        render(&doc, dir.path(), &DocxOptions::default()).unwrap(),
    )
    .unwrap();

    // The photo is embedded as it is, and described by the figure's alt text.
    let entries = ooxml::entries(&path);
    assert!(
        entries.contains(&"word/media/image1.png".to_string()),
        "{entries:?}"
    );
    assert_eq!(
        ooxml::read(&path, "word/media/image1.png"),
        std::fs::read(dir.path().join("hanower.png")).unwrap()
    );
    let body = body(&path);
    let pictures = body.all("wp:docPr");
    assert_eq!(pictures.len(), 1);
    let alt =
        "Prezydent Poznania i\u{a0}nadburmistrz Hanoweru podpisują list intencyjny przy stole";
    assert_eq!(pictures[0].attr("descr"), Some(alt));
    assert_eq!(body.all("pic:cNvPr")[0].attr("descr"), Some(alt));
    // Caption and credit follow the picture.
    let paragraphs = body.all("w:p");
    let at = paragraphs
        .iter()
        .position(|p| !p.all("w:drawing").is_empty())
        .unwrap();
    assert_eq!(paragraphs[at].style(), Some("Rysunek"));
    assert_eq!(paragraphs[at + 1].style(), Some("Caption"));
    assert!(paragraphs[at + 1]
        .text()
        .starts_with("Wizyta nadburmistrza Hanoweru"));
    assert_eq!(paragraphs[at + 2].style(), Some("Zrodlo"));
    assert_eq!(paragraphs[at + 2].text(), "Źródło: UMP");
    let types = String::from_utf8(ooxml::read(&path, "[Content_Types].xml")).unwrap();
    assert!(types.contains(r#"Extension="png" ContentType="image/png""#));

    // Lists are Word lists: numbered paragraphs at their nesting level, with hanging indents.
    let listed: Vec<(String, String, String)> = paragraphs
        .iter()
        .filter_map(|p| {
            let num = p.child("w:pPr")?.child("w:numPr")?;
            let level = num.child("w:ilvl")?.attr("w:val")?.to_string();
            let id = num.child("w:numId")?.attr("w:val")?.to_string();
            Some((id, level, p.text()))
        })
        .collect();
    assert!(listed.iter().any(|(_, l, _)| l == "0"), "{listed:?}");
    assert!(
        listed.iter().any(|(_, l, _)| l == "1"),
        "nested: {listed:?}"
    );
    assert!(paragraphs
        .iter()
        .filter(|p| p.child("w:pPr").and_then(|x| x.child("w:numPr")).is_some())
        .all(|p| p.style() == Some("ListParagraph")));
    let numbering = ooxml::part(&path, "word/numbering.xml");
    let ordered = numbering
        .all("w:abstractNum")
        .into_iter()
        .find(|a| a.all("w:numFmt")[0].attr("w:val") == Some("decimal"))
        .expect("a numbered list definition");
    let first = &ordered.all("w:lvl")[0];
    let ind = first.child("w:pPr").unwrap().child("w:ind").unwrap();
    assert!(ind.attr("w:hanging").is_some(), "hanging indent");
    // Every numbered list restarts (Word would otherwise continue the previous count).
    for num in numbering.all("w:num") {
        let abstract_id = num.child("w:abstractNumId").unwrap().attr("w:val").unwrap();
        if Some(abstract_id) == ordered.attr("w:abstractNumId") {
            assert!(!num.all("w:startOverride").is_empty());
        }
    }

    // The web link is a hyperlink; the javascript: one only text.
    let rels = ooxml::part(&path, "word/_rels/document.xml.rels");
    let targets: Vec<(&str, Option<&str>)> = rels
        .all("Relationship")
        .into_iter()
        .filter(|r| r.attr("Type").unwrap().ends_with("/hyperlink"))
        .map(|r| (r.attr("Target").unwrap(), r.attr("TargetMode")))
        .collect();
    assert_eq!(
        targets,
        [("https://www.poznan.pl/mim/wortal/", Some("External"))]
    );
    let text = body.text();
    assert!(text.contains("link niebezpieczny"));
    // Hostile text is text, English is English, bold run-in titles are bold.
    assert!(text.contains("<script>alert(1)</script> & nic się nie stało."));
    let runs = body.all("w:r");
    assert!(runs.iter().any(|r| r.text() == "Pimp Your Twin Town"
        && r.child("w:rPr")
            .and_then(|p| p.child("w:lang"))
            .and_then(|l| l.attr("w:val"))
            == Some("en-GB")));
    assert!(runs.iter().any(|r| r.text() == "Wizyta nadburmistrza"
        && r.child("w:rPr").and_then(|p| p.child("w:b")).is_some()));
}

#[test]
fn a_missing_or_unusable_image_is_an_error_naming_the_figure_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = render(
        &big_document("img/brak.png"),
        dir.path(),
        &DocxOptions::default(),
    )
    .expect_err("the image is missing");
    let err = format!("{err:#}");
    assert!(err.contains("img/brak.png"), "{err}");
    assert!(
        err.contains("Wizyta nadburmistrza Hanoweru"),
        "names the figure: {err}"
    );
    std::fs::write(dir.path().join("zdjecie.webp"), b"RIFF\0\0\0\0WEBPVP8 ").unwrap();
    let err = render(
        &big_document("zdjecie.webp"),
        dir.path(),
        &DocxOptions::default(),
    )
    .expect_err("WebP is refused");
    let err = format!("{err:#}");
    assert!(
        err.contains("zdjecie.webp") && err.contains("only JPEG and PNG"),
        "{err}"
    );
}

#[test]
fn two_builds_are_byte_identical_and_the_date_is_pinned() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for year in [2018, 2022] {
        let first = std::fs::read(build_docx(year, a.path(), None)).unwrap();
        let second = std::fs::read(build_docx(year, b.path(), None)).unwrap();
        assert!(first == second, "{year}: two builds differ");
        assert!(
            first == std::fs::read(built(year)).unwrap(),
            "{year}: a third"
        );
    }
    // SOURCE_DATE_EPOCH sets the date of the properties and of every ZIP entry.
    let c = tempfile::tempdir().unwrap();
    let docx = build_docx(2022, c.path(), Some("1700000000"));
    let core = ooxml::part(&docx, "docProps/core.xml");
    assert_eq!(
        core.child("dcterms:modified").unwrap().text_content(),
        "2023-11-14T22:13:20Z"
    );
    let listing = tool("unzip", &["-l", docx.to_str().unwrap()]);
    let dated = listing
        .lines()
        .filter(|l| l.contains("2023-11-14 22:13"))
        .count();
    assert_eq!(dated, ooxml::entries(&docx).len(), "{listing}");
    // A document renders to the same bytes twice in one process, too.
    let doc = Document::sample();
    let opts = DocxOptions::default();
    assert!(
        render(&doc, Path::new("."), &opts).unwrap()
            == render(&doc, Path::new("."), &opts).unwrap()
    );
}

#[test]
fn build_all_writes_the_docx_with_the_other_formats() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_report-gen"))
        .env("REPORT_GEN_LANG", "en")
        .args(["build", "--year", "2023", "--out"])
        .arg(dir.path())
        .output()
        .expect("report-gen runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "wspolpraca-miedzynarodowa-2023.docx",
            "wspolpraca-miedzynarodowa-2023.html",
            "wspolpraca-miedzynarodowa-2023.md",
            "wspolpraca-miedzynarodowa-2023.pdf",
        ]
    );
}

#[test]
fn a_figure_inside_a_list_item_is_indented_with_the_item() {
    // 2022: photos of a few events of the year's bulleted lists; the BiblioboXX one gets a
    // real photo (the shipped data has none, and a published build leaves such figures out).
    let tmp = crate::support::harness::shipped_data();
    let data = tmp.path().join("data");
    std::fs::create_dir_all(data.join("images/2022")).expect("images folder");
    crate::support::html_fixtures::write_png(&data.join("images/2022/bibliobox.png"));
    let year_file = data.join("years/2022.yaml");
    let text = std::fs::read_to_string(&year_file).expect("2022.yaml");
    let text = text.replacen(
        "  - id: 2022-biblioboxx\n",
        "  - id: 2022-biblioboxx\n    image: images/2022/bibliobox.png\n",
        1,
    );
    std::fs::write(&year_file, text).expect("write 2022.yaml");
    let out = Command::new(env!("CARGO_BIN_EXE_report-gen"))
        .env("REPORT_GEN_LANG", "en")
        .args(["build", "--year", "2022", "--format", "docx", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(tmp.path().join("out"))
        .output()
        .expect("report-gen runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let body = body(&tmp.path().join("out/wspolpraca-miedzynarodowa-2022.docx"));
    let paragraphs = body.all("w:p");
    let caption = paragraphs
        .iter()
        .position(|p| {
            p.text()
                .replace('\u{a0}', " ")
                .starts_with("BiblioboXX – otwarcie")
        })
        .expect("the BiblioboXX photo's caption");
    // The item, the photo, its caption and credit.
    assert_eq!(paragraphs[caption - 2].style(), Some("ListParagraph"));
    assert_eq!(paragraphs[caption - 1].style(), Some("Rysunek"));
    assert!(paragraphs[caption - 1].all("wp:docPr").iter().any(|d| d
        .attr("descr")
        .is_some_and(|a| a.starts_with("Wiceprezydent Mariusz"))));
    for p in &paragraphs[caption - 1..caption + 2] {
        let ind = p.child("w:pPr").and_then(|x| x.child("w:ind"));
        assert_eq!(
            ind.and_then(|i| i.attr("w:left")),
            Some("720"),
            "{}: at the item's text",
            p.text()
        );
    }
    // The list goes on after the photo, with the same bullets.
    let num = |p: &Element| {
        p.child("w:pPr")
            .and_then(|x| x.child("w:numPr"))
            .and_then(|n| n.child("w:numId"))
            .and_then(|n| n.attr("w:val"))
            .map(str::to_string)
    };
    assert!(num(paragraphs[caption - 2]).is_some());
    assert_eq!(num(paragraphs[caption + 2]), num(paragraphs[caption - 2]));
}
