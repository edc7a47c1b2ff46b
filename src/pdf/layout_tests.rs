//! Unit tests of the pure layout: margins, keep-with-next, widows, repeated table headers.

use std::collections::{BTreeMap, BTreeSet};

use crate::doc::{Block, Document, Inline, Table};

use super::fonts::Fonts;
use super::layout_only;
use super::marks::*;

fn t(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_string())]
}

const SENTENCE: &str = "Delegacja Miasta Poznania rozmawiała o\u{a0}transporcie publicznym, ochronie klimatu i\u{a0}projektach młodzieżowych. ";

/// Many sections of varying length, so that headings and paragraphs meet page ends in many
/// different ways, plus a 30-row table with rows of different heights.
fn stress_document() -> Document {
    let mut doc = Document::sample();
    let mut blocks = vec![Block::Heading {
        level: 1,
        id: "h".into(),
        content: t("Współpraca międzynarodowa"),
    }];
    for i in 0..40 {
        blocks.push(Block::Heading {
            level: 2 + (i % 2) as u8,
            id: format!("s{i}"),
            content: t(&format!("Sekcja {i}")),
        });
        blocks.push(Block::Paragraph(t(&SENTENCE.repeat(1 + i * 7 % 9))));
        if i == 20 {
            let rows = (0..30)
                .map(|r| {
                    vec![
                        t(&format!("Miasto {r}")),
                        t("Umowa o\u{a0}współpracy, 16.09.1966\u{a0}r."),
                        t(&SENTENCE.repeat(1 + r % 4)),
                    ]
                })
                .collect();
            blocks.push(Block::Table(Table {
                number: 1,
                caption: t("Miasta partnerskie Poznania"),
                header: vec![
                    t("Miasto, kraj"),
                    t("Dokument, data podpisania"),
                    t("Zakres współpracy"),
                ],
                rows,
                source: Some(t("Źródło: UMP")),
            }));
        }
    }
    doc.blocks = blocks;
    doc
}

#[test]
fn body_text_stays_inside_the_text_block() {
    let layout = layout_only(&stress_document());
    assert!(layout.pages.len() > 5);
    let fonts = Fonts::get();
    for (p, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            let Mark::Text { x, y, size, piece } = &item.mark else {
                continue;
            };
            let right = x + fonts.width(piece.font, &piece.text, *size);
            assert!(
                *x >= MARGIN_X - 0.01 && right <= PAGE_W - MARGIN_X + 0.01,
                "page {p}: {piece:?} runs out sideways"
            );
            if item.tag == Tag::Header {
                assert!(
                    y - DESCENT * size >= HEADER_RULE_Y,
                    "running head below its rule"
                );
                assert!(y + ASCENT * size <= PAGE_H, "running head off the page");
                continue;
            }
            if item.role == Role::Artifact {
                assert!(y + ASCENT * size <= FOOTER_RULE_Y, "footer above its rule");
                continue;
            }
            assert!(
                y - DESCENT * size >= MARGIN_BOTTOM - 0.01,
                "page {p}: {:?} below the bottom margin",
                piece.text
            );
            assert!(
                y + ASCENT * size <= PAGE_H - MARGIN_TOP + 0.01,
                "page {p}: {:?} above the top margin",
                piece.text
            );
        }
    }
}

#[test]
fn no_heading_is_last_on_a_page() {
    let layout = layout_only(&stress_document());
    for (p, page) in layout.pages.iter().enumerate().take(layout.pages.len() - 1) {
        let last = page
            .items
            .iter()
            .rev()
            .find(|i| i.role != Role::Artifact && matches!(i.mark, Mark::Text { .. }));
        assert!(
            !matches!(last.map(|i| &i.role), Some(Role::Heading(_))),
            "page {p} ends with a heading"
        );
    }
}

#[test]
fn split_paragraphs_keep_two_lines_on_each_side() {
    let layout = layout_only(&stress_document());
    // node -> page -> distinct baselines
    let mut lines: BTreeMap<u32, BTreeMap<usize, BTreeSet<i64>>> = BTreeMap::new();
    for (p, page) in layout.pages.iter().enumerate() {
        for item in page.items.iter().filter(|i| i.role == Role::Paragraph) {
            if let (Mark::Text { y, .. }, Tag::Content(elem)) = (&item.mark, item.tag) {
                lines
                    .entry(elem)
                    .or_default()
                    .entry(p)
                    .or_default()
                    .insert((*y * 100.0) as i64);
            }
        }
    }
    let mut split = 0;
    for (node, pages) in lines {
        if pages.len() > 1 {
            split += 1;
            for (p, l) in pages {
                assert!(
                    l.len() >= 2,
                    "paragraph {node} has a single line on page {p}"
                );
            }
        }
    }
    assert!(split > 0, "the stress document should split some paragraph");
}

#[test]
fn table_repeats_caption_and_header_on_every_page() {
    let layout = layout_only(&stress_document());
    let mut table_pages = Vec::new();
    for (p, _) in layout.pages.iter().enumerate() {
        let texts: Vec<_> = layout.texts(p).collect();
        if !texts.iter().any(|(r, ..)| **r == Role::TableCell) {
            continue;
        }
        table_pages.push(p);
        let caption: String = texts
            .iter()
            .filter(|(r, ..)| **r == Role::TableCaption)
            .map(|(.., piece)| piece.text.as_str())
            .collect();
        let header: String = texts
            .iter()
            .filter(|(r, ..)| **r == Role::TableHeaderCell)
            .map(|(.., piece)| piece.text.as_str())
            .collect::<String>()
            // Inside a heading cell's parts the spaces are no-break ones (it breaks after „, ”).
            .replace('\u{a0}', " ");
        assert_eq!(
            header, "Miasto, krajDokument, data podpisaniaZakres współpracy",
            "page {p}"
        );
        if table_pages.len() == 1 {
            assert_eq!(caption, "Tabela 1. Miasta partnerskie Poznania");
        } else {
            assert_eq!(caption, "Tabela 1 (cd.)");
        }
        // The header is above every body cell of the page.
        let header_y = texts
            .iter()
            .filter(|(r, ..)| **r == Role::TableHeaderCell)
            .map(|t| t.2)
            .fold(f32::MAX, f32::min);
        assert!(texts
            .iter()
            .filter(|(r, ..)| **r == Role::TableCell)
            .all(|t| t.2 < header_y));
    }
    assert!(table_pages.len() >= 2, "30 rows should span pages");
}

#[test]
fn outline_points_at_headings() {
    let layout = layout_only(&stress_document());
    assert_eq!(layout.outline.len(), 41);
    for entry in &layout.outline {
        let heading = layout
            .texts(entry.page)
            .find(|(r, .., piece)| matches!(r, Role::Heading(_)) && piece.text == entry.title)
            .unwrap_or_else(|| panic!("{} not on page {}", entry.title, entry.page));
        let (_, _, baseline, size, _) = heading;
        assert!(
            entry.top >= baseline + ASCENT * size - 0.01 && entry.top - baseline < 40.0,
            "{}",
            entry.title
        );
    }
}

#[test]
fn empty_document_still_has_one_page_with_running_head_and_footer() {
    let mut doc = Document::sample();
    doc.blocks.clear();
    let layout = layout_only(&doc);
    assert_eq!(layout.pages.len(), 1);
    let furniture: Vec<String> = layout.texts(0).map(|(.., p)| p.text.clone()).collect();
    assert_eq!(
        furniture,
        [
            "Raport o\u{a0}stanie Miasta Poznania za 2018\u{a0}r. · Współpraca międzynarodowa",
            "Współpraca międzynarodowa",
            "1"
        ]
    );
}

#[test]
fn page_numbers_continue_the_report_from_its_first_page() {
    let mut doc = stress_document();
    doc.meta.first_page = 123;
    let layout = layout_only(&doc);
    assert!(layout.pages.len() > 2);
    for p in 0..layout.pages.len() {
        let last = layout.texts(p).map(|(.., piece)| piece.text.clone()).last();
        assert_eq!(last, Some((123 + p).to_string()), "page {p}");
    }
}

/// The structure below `id` as a compact string: `L(LI(Lbl LBody(P)))`.
fn tree(s: &super::structure::Structure, id: super::structure::ElemId) -> String {
    let e = s.get(id);
    let name = e.kind.name();
    if e.children.is_empty() {
        return name.to_string();
    }
    let kids: Vec<String> = e.children.iter().map(|&c| tree(s, c)).collect();
    format!("{name}({})", kids.join(" "))
}

#[test]
fn sample_document_has_the_structure_a_screen_reader_reads() {
    let layout = layout_only(&Document::sample());
    assert_eq!(
        tree(&layout.structure, super::structure::Structure::ROOT),
        "Document(H1 P H2 H3 P \
         L(LI(Lbl LBody(P)) LI(Lbl LBody(P))) \
         P \
         Table(Caption THead(TR(TH TH TH)) TBody(TR(TH TD TD) TR(TH TD TD))) \
         P)",
        "a figure without an image leaves only its caption, as a P; the source follows the table"
    );
}

#[test]
fn content_belongs_to_leaf_elements_and_drawing_aids_are_artifacts() {
    let layout = layout_only(&stress_document());
    for page in &layout.pages {
        for item in &page.items {
            match item.tag {
                Tag::Content(e) => {
                    assert!(item.role != Role::Artifact, "{item:?}");
                    assert!(layout.structure.get(e).children.is_empty(), "{item:?}");
                }
                _ => assert!(
                    item.role == Role::Artifact
                        || matches!(item.role, Role::TableCaption | Role::TableHeaderCell),
                    "only repeated table headings may be artifacts besides rules: {item:?}"
                ),
            }
        }
    }
}

#[test]
fn a_table_over_pages_has_one_header_row_and_repeats_it_as_artifact() {
    let layout = layout_only(&stress_document());
    let s = &layout.structure;
    let table = (0..s.elements.len() as u32)
        .find(|&e| s.get(e).kind.name() == "Table")
        .expect("a table");
    let names = |e: u32| -> Vec<&str> {
        s.get(e)
            .children
            .iter()
            .map(|&c| s.get(c).kind.name())
            .collect()
    };
    let kids = names(table);
    assert_eq!(kids, ["Caption", "THead", "TBody"]);
    let (head, body) = (s.get(table).children[1], s.get(table).children[2]);
    assert_eq!(names(head), ["TR"], "one header row");
    assert_eq!(names(body), vec!["TR"; 30], "30 rows, once each");
    let pages_with_header: Vec<Vec<Tag>> = layout
        .pages
        .iter()
        .map(|p| {
            p.items
                .iter()
                .filter(|i| i.role == Role::TableHeaderCell)
                .map(|i| i.tag)
                .collect::<Vec<_>>()
        })
        .filter(|tags| !tags.is_empty())
        .collect();
    assert!(
        pages_with_header.len() > 1,
        "the table continues on another page"
    );
    assert!(pages_with_header[0]
        .iter()
        .all(|t| matches!(t, Tag::Content(_))));
    for tags in &pages_with_header[1..] {
        assert!(tags.iter().all(|t| *t == Tag::Repeated), "{tags:?}");
    }
}

#[test]
fn tables_have_horizontal_rules_only_heavy_at_top_and_bottom_and_bold_row_heads() {
    let layout = layout_only(&stress_document());
    let mut pages_with_table = 0;
    for (p, page) in layout.pages.iter().enumerate() {
        let texts: Vec<_> = layout.texts(p).collect();
        if !texts.iter().any(|(r, ..)| **r == Role::TableCell) {
            continue;
        }
        pages_with_table += 1;
        // Rules of the page inside the text block (the running head's and footer's are outside).
        let mut rules: Vec<(f32, f32)> = Vec::new();
        for item in &page.items {
            if let Mark::Line {
                y1, y2, width, x1, ..
            } = item.mark
            {
                assert_eq!(y1, y2, "page {p}: only horizontal rules");
                assert!(x1 >= MARGIN_X - 0.01);
                if y1 < PAGE_H - MARGIN_TOP && y1 > MARGIN_BOTTOM {
                    rules.push((y1, width));
                }
            }
            assert!(
                !matches!(item.mark, Mark::Fill { .. }),
                "page {p}: no shaded heading row"
            );
        }
        rules.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (top, bottom) = (rules[0], rules[rules.len() - 1]);
        assert_eq!(top.1, 0.9, "page {p}: a heavy rule over the heading row");
        assert_eq!(bottom.1, 0.9, "page {p}: a heavy rule under the last row");
        assert_eq!(
            rules[1].1, 0.45,
            "page {p}: a light rule under the heading row"
        );
        assert!(rules[2..rules.len() - 1].iter().all(|r| r.1 == 0.3));
        // Row heads (column 0 of body rows) are bold, the other body cells regular.
        for item in &page.items {
            if let (Some((row, col)), Mark::Text { piece, .. }) = (item.cell, &item.mark) {
                let bold = piece.font == super::fonts::FontStyle::Bold;
                assert_eq!(bold, row == 0 || col == 0, "{row},{col}: {}", piece.text);
            }
        }
    }
    assert!(pages_with_table >= 2);
}

#[test]
fn nested_bullets_are_a_dot_a_dash_and_a_ring() {
    let item = |s: &str, nested: Option<Block>| {
        let mut blocks = vec![Block::Paragraph(t(s))];
        blocks.extend(nested);
        blocks
    };
    let list = |items: Vec<Vec<Block>>| Block::List {
        ordered: false,
        start: 1,
        items,
    };
    let third = list(vec![item("trzeci poziom", None)]);
    let second = list(vec![item("drugi poziom", Some(third))]);
    let mut doc = Document::sample();
    doc.blocks = vec![list(vec![item("pierwszy poziom", Some(second))])];
    let layout = layout_only(&doc);
    let labels: Vec<&str> = layout
        .texts(0)
        .filter(|(r, ..)| **r == Role::ListLabel)
        .map(|(.., p)| p.text.as_str())
        .collect();
    assert_eq!(labels, ["•", "–"]);
    let rings: Vec<_> = layout.pages[0]
        .items
        .iter()
        .filter(|p| matches!(p.mark, Mark::Ring { .. }) && p.role == Role::ListLabel)
        .collect();
    assert_eq!(rings.len(), 1, "the third level's bullet is a drawn ring");
    // The ring sits left of its item's text, on the text's line.
    let Mark::Ring { x, y, .. } = rings[0].mark else {
        unreachable!()
    };
    let (_, tx, ty, ..) = layout
        .texts(0)
        .find(|(.., p)| p.text == "trzeci poziom")
        .unwrap();
    assert!(
        x < tx && (y - ty) > 0.0 && (y - ty) < 6.0,
        "{x},{y} vs {tx},{ty}"
    );
}

#[test]
fn a_photo_never_opens_a_page_whose_item_text_ended_on_the_page_before() {
    use crate::doc::Figure;
    // The photo's paragraph ends at every height of a page in turn.
    let mut checked = 0;
    for filler in 0..45 {
        let mut blocks: Vec<Block> = (0..filler)
            .map(|i| Block::Paragraph(t(&SENTENCE.repeat(1 + i % 2))))
            .collect();
        blocks.push(Block::Paragraph(t(&SENTENCE.repeat(4))));
        blocks.push(Block::Figure(Figure {
            image: Some("zdjecie.jpg".into()),
            alt: "Delegacja przed ratuszem".into(),
            caption: t("Wizyta delegacji"),
            credit: Some(t("fot. UMP")),
        }));
        let mut doc = Document::sample();
        doc.blocks = blocks;
        let layout = layout_only(&doc);
        let (page, index) = layout
            .pages
            .iter()
            .enumerate()
            .find_map(|(p, page)| {
                let i = page
                    .items
                    .iter()
                    .position(|i| matches!(i.mark, Mark::Image { .. }))?;
                Some((p, i))
            })
            .expect("the photo is placed");
        // Above the photo on its page: lines of the paragraph it belongs to.
        let before: Vec<_> = layout.pages[page].items[..index]
            .iter()
            .filter(|i| i.role == Role::Paragraph)
            .collect();
        assert!(
            before.len() >= 2 || page == 0 && filler == 0,
            "filler {filler}: the photo opens page {page} alone"
        );
        checked += 1;
        // Nothing runs below the bottom margin.
        for item in &layout.pages[page].items {
            if let Mark::Image { y, .. } = item.mark {
                assert!(y >= MARGIN_BOTTOM - 0.01);
            }
        }
    }
    assert_eq!(checked, 45);
}
