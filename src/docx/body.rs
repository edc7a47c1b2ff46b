//! Block elements to WordprocessingML paragraphs and tables (`w:body` of `word/document.xml`).

use crate::tr;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::image::{self, Image};
use super::inline::{push_run, push_runs, RunStyle};
use super::package::push_field_styled;
use super::rels::Relationships;
use super::styles;
use super::xml::attr;
use crate::doc::{Block, Figure, Inline, Table};

/// The text area of an A4 page with 2 cm margins, in twentieths of a point.
pub(crate) const TEXT_WIDTH: u32 = 11_906 - 2 * MARGIN;
/// Page margins: 2 cm.
pub(crate) const MARGIN: u32 = 1134;
/// EMU (the drawing unit) per twentieth of a point.
const EMU_PER_TWIP: u64 = 635;
/// EMU per pixel at 96 pixels per inch, the size Word gives an image without other hints.
const EMU_PER_PX: u64 = 9525;
/// The tallest a picture may be: 10 cm, so that a portrait photo leaves room for its caption.
const MAX_PICTURE_HEIGHT: u64 = 3_600_000;

/// An image part of the package.
pub(crate) struct Media {
    /// Path inside the package, `word/media/image1.png`.
    pub part: String,
    pub image: Image,
}

/// Writes the body; collects the relationships, images and lists it refers to.
pub(crate) struct BodyWriter<'a> {
    out: String,
    image_root: &'a Path,
    pub(crate) rels: Relationships,
    pub(crate) media: Vec<Media>,
    /// Relationship id of each image path already embedded (a photo shown twice is stored once).
    image_ids: HashMap<String, (String, u32, u32)>,
    /// Each list, in order: (abstract definition, first number); see `styles::numbering_xml`.
    pub(crate) lists: Vec<(u32, u64)>,
    /// Drawing ids (`wp:docPr id`) must be unique in the document.
    drawings: u32,
    /// Inside a list item: the left indent of its text, which a figure in the item takes too,
    /// so that it reads as part of the item (as in the HTML).
    indent: Option<u32>,
}

impl<'a> BodyWriter<'a> {
    /// A writer whose figure paths are resolved against `image_root`.
    pub(crate) fn new(image_root: &'a Path) -> Self {
        BodyWriter {
            out: String::new(),
            image_root,
            rels: Relationships::new(),
            media: Vec::new(),
            image_ids: HashMap::new(),
            lists: Vec::new(),
            drawings: 0,
            indent: None,
        }
    }

    /// The body XML written so far.
    pub(crate) fn take_xml(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    /// Appends a sequence of blocks.
    pub(crate) fn blocks(&mut self, blocks: &[Block]) -> Result<()> {
        blocks.iter().try_for_each(|block| self.block(block))
    }

    fn block(&mut self, block: &Block) -> Result<()> {
        match block {
            Block::Heading { level, content, .. } => self.heading(*level, content),
            Block::Paragraph(content) => self.paragraph(styles::BODY, "", content),
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, 0),
            Block::Table(table) => self.table(table),
            Block::Figure(figure) => self.figure(figure),
        }
    }

    /// A paragraph of `style`; `ppr` is extra paragraph properties, already in schema order
    /// after `w:pStyle`.
    fn paragraph(&mut self, style: &str, ppr: &str, content: &[Inline]) -> Result<()> {
        self.paragraph_styled(style, ppr, content, RunStyle::default())
    }

    fn paragraph_styled(
        &mut self,
        style: &str,
        ppr: &str,
        content: &[Inline],
        run: RunStyle<'_>,
    ) -> Result<()> {
        let _ = write!(
            self.out,
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>"#
        );
        push_runs(&mut self.out, content, run, &mut self.rels)?;
        self.out.push_str("</w:p>");
        Ok(())
    }

    fn heading(&mut self, level: u8, content: &[Inline]) -> Result<()> {
        if !(1..=6).contains(&level) {
            bail!(
                "heading \"{}\" has level {level}; the Word document has levels 1 to 6",
                Inline::plain_text(content)
            );
        }
        self.paragraph(&styles::heading(level), "", content)
            .with_context(|| tr!("writer-in-heading", heading = Inline::plain_text(content)))
    }

    /// A list as Word list paragraphs: each list its own numbering instance, nested lists one
    /// level deeper (a deeper indent, the next bullet shape).
    fn list(&mut self, ordered: bool, start: u64, items: &[Vec<Block>], depth: u32) -> Result<()> {
        let kind = if ordered {
            styles::NUMBERS
        } else {
            styles::BULLETS
        };
        self.lists.push((kind, start));
        let num_id = self.lists.len();
        let level = depth.min(8);
        let numbered =
            format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>"#);
        let continued = format!(r#"<w:ind w:left="{}"/>"#, styles::list_indent(level));
        for item in items {
            let mut first = true;
            for block in item {
                match block {
                    Block::Paragraph(content) => {
                        let ppr = if first { &numbered } else { &continued };
                        self.paragraph(styles::LIST, ppr, content)?;
                    }
                    Block::List {
                        ordered,
                        start,
                        items,
                    } => {
                        if first {
                            // An item that opens with a nested list still gets its bullet.
                            self.paragraph(styles::LIST, &numbered, &[])?;
                        }
                        self.list(*ordered, *start, items, depth + 1)?;
                    }
                    other => {
                        let outer = self.indent.replace(styles::list_indent(level));
                        let done = self.block(other);
                        self.indent = outer;
                        done?;
                    }
                }
                first = false;
            }
        }
        Ok(())
    }

    fn table(&mut self, table: &Table) -> Result<()> {
        let caption = Inline::plain_text(&table.caption);
        let context = || {
            tr!(
                "writer-in-table",
                number = table.number,
                caption = caption.as_str()
            )
        };
        self.table_caption(table).with_context(context)?;
        let columns = table
            .header
            .len()
            .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return Ok(());
        }
        let widths = column_widths(table, columns);
        let _ = write!(
            self.out,
            concat!(
                r#"<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="5000" w:type="pct"/>"#,
                r#"<w:tblLayout w:type="fixed"/>"#,
                r#"<w:tblLook w:val="0120" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#,
                r#"<w:tblCaption w:val="Tabela {number}. {caption}"/></w:tblPr><w:tblGrid>"#
            ),
            style = styles::TABLE,
            number = table.number,
            caption = attr(&caption),
        );
        for w in &widths {
            let _ = write!(self.out, r#"<w:gridCol w:w="{w}"/>"#);
        }
        self.out.push_str("</w:tblGrid>");
        if !table.header.is_empty() {
            // The header row is repeated at the top of every page the table runs onto.
            self.out
                .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
            // Padded to the grid like the body rows below.
            let empty = Vec::new();
            let cells = table.header.iter().chain(std::iter::repeat(&empty));
            for (i, cell) in cells.take(columns).enumerate() {
                self.cell(
                    widths[i],
                    concat!(
                        r#"<w:tcBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="0B4A86"/></w:tcBorders>"#,
                        r#"<w:shd w:val="clear" w:color="auto" w:fill="E3EAF2"/>"#
                    ),
                    styles::TABLE_HEADING,
                    cell,
                    false,
                )
                .with_context(context)?;
            }
            self.out.push_str("</w:tr>");
        }
        for row in &table.rows {
            // A row never breaks across pages: a partner's agreement is read in one piece.
            self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, cell) in row.iter().enumerate().take(columns) {
                // The first cell names the row (the partner city), bold as in the HTML.
                self.cell(widths[i], "", styles::TABLE_TEXT, cell, i == 0)
                    .with_context(context)?;
            }
            // A short row still needs its cells, or Word reports the table as damaged.
            for &w in widths.iter().skip(row.len()) {
                self.cell(w, "", styles::TABLE_TEXT, &[], false)?;
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
        if let Some(source) = &table.source {
            self.paragraph(styles::SOURCE, "", source)
                .with_context(context)?;
        }
        Ok(())
    }

    /// „Tabela 1. …” above the table, the number as a SEQ field, so that Word's *Insert Table
    /// of Figures* and cross-references find it; kept on the page of the table's first row.
    fn table_caption(&mut self, table: &Table) -> Result<()> {
        let _ = write!(
            self.out,
            r#"<w:p><w:pPr><w:pStyle w:val="{}"/><w:keepNext/></w:pPr>"#,
            styles::CAPTION
        );
        let number = RunStyle {
            bold: true,
            color: Some("0B4A86"),
            ..RunStyle::default()
        };
        // The label and its number are not split across lines, as in the other formats.
        push_run(&mut self.out, "Tabela\u{a0}", number);
        push_field_styled(
            &mut self.out,
            "SEQ Tabela \\* ARABIC",
            &table.number.to_string(),
            number,
        );
        push_run(&mut self.out, ".", number);
        let bold = RunStyle {
            bold: true,
            ..RunStyle::default()
        };
        push_run(&mut self.out, " ", bold);
        push_runs(&mut self.out, &table.caption, bold, &mut self.rels)?;
        self.out.push_str("</w:p>");
        Ok(())
    }

    fn cell(
        &mut self,
        width: u32,
        tcpr: &str,
        style: &str,
        content: &[Inline],
        bold: bool,
    ) -> Result<()> {
        let _ = write!(
            self.out,
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{tcpr}</w:tcPr>"#
        );
        let run = RunStyle {
            bold,
            ..RunStyle::default()
        };
        self.paragraph_styled(style, "", content, run)?;
        self.out.push_str("</w:tc>");
        Ok(())
    }

    fn figure(&mut self, figure: &Figure) -> Result<()> {
        let caption = Inline::plain_text(&figure.caption);
        let has_caption = !caption.trim().is_empty();
        if let Some(path) = &figure.image {
            self.picture(path, &figure.alt, has_caption || figure.credit.is_some())
                .with_context(|| tr!("writer-in-figure", caption = caption.as_str()))?;
        }
        // No image file yet: the caption and credit still tell what happened, as in the HTML.
        let indent = self.indent_ppr();
        if has_caption {
            let keep = if figure.credit.is_some() {
                "<w:keepNext/>"
            } else {
                ""
            };
            self.paragraph(styles::CAPTION, &format!("{keep}{indent}"), &figure.caption)
                .with_context(|| tr!("writer-in-figure-caption", caption = caption.as_str()))?;
        }
        if let Some(credit) = &figure.credit {
            self.paragraph(styles::SOURCE, &indent, credit)
                .with_context(|| tr!("writer-in-figure-credit", caption = caption.as_str()))?;
        }
        Ok(())
    }

    /// The picture in a paragraph of its own, as an inline drawing whose description is the
    /// alt text (what Word's *Alt Text* pane shows and screen readers read).
    fn picture(&mut self, path: &str, alt: &str, keep_next: bool) -> Result<()> {
        let (rel, width, height) = match self.image_ids.get(path) {
            Some(known) => known.clone(),
            None => {
                let image = image::load(self.image_root, path)?;
                let part = format!("media/image{}.{}", self.media.len() + 1, image.ext);
                let rel = self.rels.image(&part);
                let known = (rel, image.width, image.height);
                self.media.push(Media {
                    part: format!("word/{part}"),
                    image,
                });
                self.image_ids.insert(path.to_string(), known.clone());
                known
            }
        };
        let (cx, cy) = picture_size(width, height, self.indent.unwrap_or(0));
        self.drawings += 1;
        let id = self.drawings;
        let name = attr(path.rsplit('/').next().unwrap_or(path));
        let alt = attr(alt);
        let _ = write!(
            self.out,
            concat!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}{indent}</w:pPr><w:r><w:drawing>"#,
                r#"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>"#,
                r#"<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{id}" name="Obraz {id}" descr="{alt}"/>"#,
                r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
                r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
                r#"<pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="{name}" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
                r#"<pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
                r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>"#,
                r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"#,
                r#"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
            ),
            style = styles::FIGURE,
            keep = if keep_next { "<w:keepNext/>" } else { "" },
            indent = self.indent_ppr(),
            cx = cx,
            cy = cy,
            id = id,
            alt = alt,
            name = name,
            rel = rel,
        );
        Ok(())
    }
}

impl BodyWriter<'_> {
    /// `w:ind` for a paragraph inside a list item, or nothing.
    fn indent_ppr(&self) -> String {
        self.indent
            .map(|left| format!(r#"<w:ind w:left="{left}"/>"#))
            .unwrap_or_default()
    }
}

/// The picture's size in EMU: its pixel size at 96 ppi, made smaller (never larger) to fit
/// the text width less `indent` (twips) and [`MAX_PICTURE_HEIGHT`].
fn picture_size(width: u32, height: u32, indent: u32) -> (u64, u64) {
    let (w, h) = (
        u64::from(width) * EMU_PER_PX,
        u64::from(height) * EMU_PER_PX,
    );
    let max_w = u64::from(TEXT_WIDTH.saturating_sub(indent)) * EMU_PER_TWIP;
    let (w, h) = if w > max_w {
        (max_w, h * max_w / w)
    } else {
        (w, h)
    };
    if h > MAX_PICTURE_HEIGHT {
        (w * MAX_PICTURE_HEIGHT / h, MAX_PICTURE_HEIGHT)
    } else {
        (w, h)
    }
}

/// Column widths (twips, adding up to the text width) in proportion to how much each column
/// holds, each at least a tenth of the width: the agreement table's long scope texts get
/// the widest column, the city the narrowest.
fn column_widths(table: &Table, columns: usize) -> Vec<u32> {
    let mut weight = vec![0f64; columns];
    let rows = table.rows.iter().chain(std::iter::once(&table.header));
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            weight[i] += Inline::plain_text(cell).chars().count() as f64;
        }
    }
    let total: f64 = weight.iter().sum::<f64>().max(1.0);
    let floor = 1.0 / (columns as f64 * 2.5).max(10.0);
    let share: Vec<f64> = weight
        .iter()
        .map(|w| (w / total).sqrt().max(floor))
        .collect();
    let sum: f64 = share.iter().sum();
    let mut widths: Vec<u32> = share
        .iter()
        .map(|s| (s / sum * f64::from(TEXT_WIDTH)) as u32)
        .collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH - used.min(TEXT_WIDTH);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_shrink_to_the_page_and_never_grow() {
        assert_eq!(picture_size(240, 135, 0), (240 * 9525, 135 * 9525));
        let (w, h) = picture_size(4000, 2000, 0);
        assert_eq!(w, u64::from(TEXT_WIDTH) * 635);
        assert_eq!(h, w / 2);
        let (w, h) = picture_size(1000, 4000, 0);
        assert_eq!(h, MAX_PICTURE_HEIGHT);
        assert!(w.abs_diff(MAX_PICTURE_HEIGHT / 4) <= 1, "{w}");
    }

    fn body_of(blocks: &[Block]) -> Result<String> {
        let mut w = BodyWriter::new(Path::new("."));
        w.blocks(blocks)?;
        Ok(w.take_xml())
    }

    fn t(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    #[test]
    fn ragged_rows_are_padded_to_the_grid() {
        let table = Table {
            number: 1,
            caption: t("Umowy"),
            header: vec![t("Miasto"), t("Dokument")],
            rows: vec![vec![t("Brno"), t("Umowa"), t("Kultura")], vec![t("Győr")]],
            source: None,
        };
        let xml = body_of(&[Block::Table(table)]).unwrap();
        assert_eq!(xml.matches("<w:gridCol ").count(), 3);
        for row in xml.split("<w:tr>").skip(1) {
            assert_eq!(row.matches("<w:tc>").count(), 3, "{row}");
        }
    }

    #[test]
    fn bad_headings_and_language_tags_are_refused_with_their_text() {
        let heading = Block::Heading {
            level: 7,
            id: "x".into(),
            content: t("Za głęboko"),
        };
        let err = body_of(&[heading]).unwrap_err().to_string();
        assert!(
            err.contains("Za głęboko") && err.contains("level 7"),
            "{err}"
        );
        let table = Table {
            number: 2,
            caption: vec![Inline::Lang {
                lang: "en\" onload=\"x".into(),
                content: t("Partners"),
            }],
            header: vec![t("Miasto")],
            rows: vec![],
            source: None,
        };
        let err = format!("{:#}", body_of(&[Block::Table(table)]).unwrap_err());
        assert!(
            err.contains("in table 2") && err.contains("not a language tag"),
            "{err}"
        );
    }

    #[test]
    fn columns_fill_the_width_widest_for_the_longest_texts() {
        let doc = crate::doc::Document::sample();
        let table = doc
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .unwrap();
        let widths = column_widths(table, 3);
        assert_eq!(widths.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(widths[2] > widths[0], "{widths:?}");
    }
}
