//! The document tree: the chapter after its Markdown is parsed, which the HTML and PDF writers consume.
//!
//! The content template renders Markdown; `markdown::parse` turns that Markdown into this tree,
//! so all three outputs say the same thing. Text in the tree is final: Polish typography
//! (non-breaking spaces after one-letter words, „quotes”, en dashes) is already applied, so a
//! writer only has to escape it for its format and lay it out.
//!
//! Markdown conventions beyond CommonMark + GFM tables (documented in README.md):
//! - **Table caption**: a paragraph `Tabela: <caption>` immediately before a table; a paragraph
//!   `Źródło: <text>` immediately after it is the table's source line.
//! - **Figure**: a paragraph that starts with an image `![alt](path "caption")`, optionally
//!   followed on the next line by the credit (`Źródło: UMP`, `arch. UMP`). An empty path
//!   (`<>`) means the data has no image file yet: writers show the caption and credit only.
//!   In a list item, a figure follows the item's text after a hard line break (`\` at the
//!   end of the line), so that the list stays tight.
//! - **Phrase in another language**: inline HTML `<span lang="en">…</span>`.

use serde::Serialize;

/// A whole chapter, ready for a writer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Title, language, author: what goes into `<title>`, `<html lang>` and PDF metadata.
    pub meta: DocMeta,
    /// Body blocks in reading order.
    pub blocks: Vec<Block>,
}

/// Metadata of the chapter, taken from the data set (`data/report.yaml`) and the year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocMeta {
    /// Chapter title, e.g. "Współpraca międzynarodowa".
    pub title: String,
    /// Full title for `<title>` and the PDF title, e.g.
    /// "Współpraca międzynarodowa – Raport o stanie Miasta Poznania za 2023 r.".
    pub full_title: String,
    /// Name of the whole report, e.g. "Raport o stanie Miasta Poznania za 2023 r.".
    pub report_title: String,
    /// Author: the office that publishes it, e.g. "Urząd Miasta Poznania".
    pub author: String,
    /// One-line subject for PDF metadata.
    pub subject: String,
    /// Keywords for PDF metadata.
    pub keywords: Vec<String>,
    /// BCP 47 language of the document, e.g. "pl" (PDF writers may use "pl-PL").
    pub lang: String,
    /// The report year.
    pub year: i32,
    /// The line printed at the top of every page, e.g. „Raport o stanie Miasta Poznania za
    /// 2022 r. · Współpraca międzynarodowa”.
    pub running_head: String,
    /// The number of the first page in the bound report (1 when the chapter stands alone).
    pub first_page: u32,
    /// The colour of headings in every format (report.yaml `accent_color`, checked for
    /// contrast by `check`).
    pub accent: crate::color::Rgb,
}

/// A block-level element.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A heading; level 1 is the chapter title (exactly one), 2 sections, 3 subsections, 4 items.
    Heading {
        /// 1..=6.
        level: u8,
        /// Stable anchor (ASCII slug, unique in the document), for HTML ids and PDF outline.
        id: String,
        /// Heading text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted (`ordered == false`) or numbered list.
    List {
        /// Numbered list?
        ordered: bool,
        /// First number of a numbered list.
        start: u64,
        /// Items; each item holds blocks (usually one paragraph, maybe a nested list or figure).
        items: Vec<Vec<Block>>,
    },
    /// A table with caption and source line.
    Table(Table),
    /// A figure: image (optional), caption, credit, alt text.
    Figure(Figure),
}

/// A table. The first column of each body row is that row's header (`<th scope="row">`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Table number in the chapter, from 1.
    pub number: u32,
    /// Caption without the "Tabela N." prefix; writers add the prefix
    /// ("Tabela 1. Miasta partnerskie Poznania", continued: "Tabela 1 (cd.)").
    pub caption: Vec<Inline>,
    /// Header cells (column headers).
    pub header: Vec<Vec<Inline>>,
    /// Body rows; every row has as many cells as the header.
    pub rows: Vec<Vec<Vec<Inline>>>,
    /// Source line shown under the table, e.g. "Źródło: UMP".
    pub source: Option<Vec<Inline>>,
}

/// A figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Path of the image file, relative to the data directory; `None` when the data has none yet.
    pub image: Option<String>,
    /// Alternative text (never empty for an informative figure).
    pub alt: String,
    /// Caption shown under the image.
    pub caption: Vec<Inline>,
    /// Credit line, e.g. "Źródło: UMP" or "arch. UMP".
    pub credit: Option<Vec<Inline>>,
}

/// An inline element.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "content", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text (may contain U+00A0 no-break spaces; writers keep them).
    Text(String),
    /// Emphasis (italic).
    Emphasis(Vec<Inline>),
    /// Strong emphasis (bold).
    Strong(Vec<Inline>),
    /// A phrase in another language (WCAG 3.1.2): HTML `lang`, PDF `/Lang` span.
    Lang {
        /// BCP 47 tag, e.g. "en".
        lang: String,
        /// The phrase.
        content: Vec<Inline>,
    },
    /// A hyperlink.
    Link {
        /// Target URL.
        url: String,
        /// Link text.
        content: Vec<Inline>,
    },
    /// A hard line break.
    LineBreak,
}

impl Inline {
    /// The plain text of a run of inlines (for alt text, outline titles, text comparisons).
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            inline.push_plain(&mut out);
        }
        out
    }

    fn push_plain(&self, out: &mut String) {
        match self {
            Inline::Text(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) => {
                c.iter().for_each(|i| i.push_plain(out));
            }
            Inline::Lang { content, .. } | Inline::Link { content, .. } => {
                content.iter().for_each(|i| i.push_plain(out));
            }
            Inline::LineBreak => out.push(' '),
        }
    }
}

impl Document {
    /// A small document exercising every element, for writer tests and examples.
    pub fn sample() -> Document {
        let t = |s: &str| vec![Inline::Text(s.to_string())];
        Document {
            meta: DocMeta {
                title: "Współpraca międzynarodowa".into(),
                full_title: "Współpraca międzynarodowa – Raport o\u{a0}stanie Miasta Poznania za 2018\u{a0}r."
                    .into(),
                report_title: "Raport o\u{a0}stanie Miasta Poznania za 2018\u{a0}r.".into(),
                author: "Urząd Miasta Poznania".into(),
                subject: "Współpraca międzynarodowa Miasta Poznania w\u{a0}2018\u{a0}r.".into(),
                keywords: vec!["miasta partnerskie".into(), "Poznań".into()],
                lang: "pl".into(),
                year: 2018,
                running_head: "Raport o\u{a0}stanie Miasta Poznania za 2018\u{a0}r. · Współpraca międzynarodowa".into(),
                first_page: 1,
                accent: crate::color::DEFAULT_ACCENT,
            },
            blocks: vec![
                Block::Heading { level: 1, id: "wspolpraca-miedzynarodowa".into(), content: t("Współpraca międzynarodowa") },
                Block::Paragraph(vec![
                    Inline::Text("W\u{a0}2018\u{a0}r. Miasto Poznań kontynuowało współpracę z\u{a0}14\u{a0}miastami partnerskimi i\u{a0}Hrabstwem Nottinghamshire – projekt „".into()),
                    Inline::Lang { lang: "en".into(), content: t("Gen-Y City. Get into the swing of the city!") },
                    Inline::Text("”.".into()),
                ]),
                Block::Heading { level: 2, id: "wspolpraca-z-miastami-partnerskimi".into(), content: t("Współpraca z\u{a0}miastami partnerskimi") },
                Block::Heading { level: 3, id: "gyor-wegry".into(), content: t("Győr (Węgry)") },
                Block::Paragraph(vec![
                    Inline::Strong(t("Dzień Przyjaźni Polsko-Węgierskiej")),
                    Inline::Text(" – podczas konferencji w\u{a0}Veszprém zaprezentowano doświadczenia miast: Pécs, Łódź, Jyväskylä, Pozuelo de Alarcón, Ra’anana.".into()),
                ]),
                Block::List {
                    ordered: false,
                    start: 1,
                    items: vec![
                        vec![Block::Paragraph(t("15–17\u{a0}lipca – wizyta w\u{a0}Bambergu;"))],
                        vec![Block::Paragraph(t("30\u{a0}czerwca – 2\u{a0}lipca – spotkanie."))],
                    ],
                },
                Block::Figure(Figure {
                    image: None,
                    alt: "Prezydent rozmawiający z\u{a0}nadburmistrzem Hanoweru".into(),
                    caption: t("Wizyta nadburmistrza Hanoweru w\u{a0}Poznaniu"),
                    credit: Some(t("Źródło: UMP")),
                }),
                Block::Table(Table {
                    number: 1,
                    caption: t("Miasta partnerskie Poznania"),
                    header: vec![t("Miasto, kraj"), t("Dokument, data podpisania"), t("Zakres współpracy")],
                    rows: vec![
                        vec![t("Brno, Czechy"), t("Umowa o\u{a0}współpracy, 16.09.1966\u{a0}r."), t("Kultura, sport, administracja, gospodarka")],
                        vec![t("Győr, Węgry"), t("Umowa o\u{a0}partnerstwie, 31.01.2008\u{a0}r."), t("Kultura, sport, edukacja, działalność samorządowa")],
                    ],
                    source: Some(t("Źródło: UMP")),
                }),
            ],
        }
    }
}

/// Calls `f` for every figure of `blocks`, in order, those inside list items included.
pub fn for_each_figure<'a>(blocks: &'a [Block], f: &mut impl FnMut(&'a Figure)) {
    for block in blocks {
        match block {
            Block::Figure(fig) => f(fig),
            Block::List { items, .. } => items.iter().for_each(|item| for_each_figure(item, f)),
            _ => {}
        }
    }
}
