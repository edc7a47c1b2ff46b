//! Block elements to HTML: headings, paragraphs, lists, tables and figures.

use crate::tr;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::image;
use super::inline::{push_attr, push_inlines};
use crate::doc::{Block, Figure, Inline, Table};

/// Renders blocks in reading order; holds what must be unique across the whole chapter.
pub(crate) struct BlockWriter<'a> {
    out: String,
    image_root: &'a Path,
    /// Every `id` emitted so far (heading anchors and table captions).
    ids: HashSet<String>,
}

impl<'a> BlockWriter<'a> {
    /// A writer whose figure paths are resolved against `image_root`.
    ///
    /// `heading_ids` are reserved up front so that a generated table caption id can never
    /// take an anchor that a later heading needs.
    pub(crate) fn new(image_root: &'a Path, heading_ids: HashSet<String>) -> Self {
        BlockWriter {
            out: String::new(),
            image_root,
            ids: heading_ids,
        }
    }

    /// The HTML written so far.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// The HTML written since the last call, leaving the writer's ids in place, so that the
    /// pieces of one chapter put together are exactly its [`finish`](Self::finish).
    pub(crate) fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    /// Appends a sequence of blocks.
    pub(crate) fn blocks(&mut self, blocks: &[Block]) -> Result<()> {
        blocks.iter().try_for_each(|block| self.block(block))
    }

    fn block(&mut self, block: &Block) -> Result<()> {
        match block {
            Block::Heading { level, id, content } => self.heading(*level, id, content),
            Block::Paragraph(content) => {
                self.out.push_str("<p>");
                push_inlines(&mut self.out, content)?;
                self.out.push_str("</p>\n");
                Ok(())
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items),
            Block::Table(table) => self.table(table),
            Block::Figure(figure) => self.figure(figure),
        }
    }

    fn heading(&mut self, level: u8, id: &str, content: &[Inline]) -> Result<()> {
        if !(1..=6).contains(&level) {
            bail!(
                "heading \"{}\" has level {level}; HTML has levels 1 to 6",
                Inline::plain_text(content)
            );
        }
        let _ = write!(self.out, "<h{level} id=\"");
        push_attr(&mut self.out, id);
        self.out.push_str("\">");
        push_inlines(&mut self.out, content)?;
        let _ = writeln!(self.out, "</h{level}>");
        Ok(())
    }

    fn list(&mut self, ordered: bool, start: u64, items: &[Vec<Block>]) -> Result<()> {
        let tag = if ordered { "ol" } else { "ul" };
        if ordered && start != 1 {
            let _ = writeln!(self.out, "<ol start=\"{start}\">");
        } else {
            let _ = writeln!(self.out, "<{tag}>");
        }
        for item in items {
            self.out.push_str("<li>");
            match item.split_first() {
                // The usual item, one paragraph (maybe followed by a nested list or figure):
                // its text goes straight into <li>, as in a tight Markdown list, so items are
                // not spaced like separate paragraphs.
                Some((Block::Paragraph(content), rest))
                    if !rest.iter().any(|b| matches!(b, Block::Paragraph(_))) =>
                {
                    push_inlines(&mut self.out, content)?;
                    if !rest.is_empty() {
                        self.out.push('\n');
                        self.blocks(rest)?;
                    }
                }
                _ => self.blocks(item)?,
            }
            self.out.push_str("</li>\n");
        }
        let _ = writeln!(self.out, "</{tag}>");
        Ok(())
    }

    fn table(&mut self, table: &Table) -> Result<()> {
        let caption_id = self.unique_id(&format!("tabela-{}", table.number));
        let context = || {
            format!(
                "in table {} \"{}\"",
                table.number,
                Inline::plain_text(&table.caption)
            )
        };
        // The region makes a table wider than a phone screen scroll inside its own box
        // (WCAG 1.4.10), and tabindex lets keyboard users scroll it (axe
        // scrollable-region-focusable); its accessible name is the caption.
        self.out
            .push_str("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"");
        push_attr(&mut self.out, &caption_id);
        self.out
            .push_str("\" tabindex=\"0\">\n<table>\n<caption id=\"");
        push_attr(&mut self.out, &caption_id);
        // The number and its label must not be split across lines.
        let _ = write!(
            self.out,
            "\"><span class=\"table-number\">Tabela\u{a0}{}.</span> ",
            table.number
        );
        push_inlines(&mut self.out, &table.caption).with_context(context)?;
        self.out.push_str("</caption>\n");

        self.table_head(&table.header).with_context(context)?;
        self.table_body(table).with_context(context)?;
        self.out.push_str("</table>\n</div>\n");

        if let Some(source) = &table.source {
            self.out.push_str("<p class=\"table-source\">");
            push_inlines(&mut self.out, source).with_context(context)?;
            self.out.push_str("</p>\n");
        }
        Ok(())
    }

    fn table_head(&mut self, header: &[Vec<Inline>]) -> Result<()> {
        if header.is_empty() {
            return Ok(());
        }
        self.out.push_str("<thead>\n<tr>");
        for cell in header {
            self.out.push_str("<th scope=\"col\">");
            push_inlines(&mut self.out, cell)?;
            self.out.push_str("</th>");
        }
        self.out.push_str("</tr>\n</thead>\n");
        Ok(())
    }

    /// Body rows; the first cell of each row is the row's header.
    fn table_body(&mut self, table: &Table) -> Result<()> {
        // On a phone the stylesheet stacks each row into a card and prints the column name
        // before each cell from data-label, since the header row is then out of sight.
        let labels: Vec<String> = table
            .header
            .iter()
            .map(|cell| Inline::plain_text(cell))
            .collect();
        self.out.push_str("<tbody>\n");
        for row in &table.rows {
            self.out.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                if i == 0 {
                    self.out.push_str("<th scope=\"row\">");
                } else {
                    self.out.push_str("<td");
                    if let Some(label) = labels.get(i).filter(|l| !l.trim().is_empty()) {
                        self.out.push_str(" data-label=\"");
                        push_attr(&mut self.out, label);
                        self.out.push('"');
                    }
                    self.out.push('>');
                }
                push_inlines(&mut self.out, cell)?;
                self.out.push_str(if i == 0 { "</th>" } else { "</td>" });
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n");
        Ok(())
    }

    fn figure(&mut self, figure: &Figure) -> Result<()> {
        let caption = Inline::plain_text(&figure.caption);
        match &figure.image {
            Some(path) => {
                let src = image::data_uri(self.image_root, path)
                    .with_context(|| tr!("writer-in-figure", caption = caption.as_str()))?;
                self.out.push_str("<figure>\n<img alt=\"");
                push_attr(&mut self.out, &figure.alt);
                self.out.push_str("\" src=\"");
                // Base64 needs no escaping, but the media type came from a sniff; keep the
                // attribute escaped all the same.
                push_attr(&mut self.out, &src);
                self.out.push_str("\">\n");
            }
            // No image file yet: the caption and credit still tell what happened; a
            // placeholder box would be published as is, so none is drawn.
            None => self.out.push_str("<figure class=\"no-image\">\n"),
        }
        self.out.push_str("<figcaption>");
        push_inlines(&mut self.out, &figure.caption)
            .with_context(|| tr!("writer-in-figure-caption", caption = caption.as_str()))?;
        if let Some(credit) = &figure.credit {
            self.out.push_str(" <span class=\"credit\">");
            push_inlines(&mut self.out, credit)
                .with_context(|| tr!("writer-in-figure-credit", caption = caption.as_str()))?;
            self.out.push_str("</span>");
        }
        self.out.push_str("</figcaption>\n</figure>\n");
        Ok(())
    }

    /// `base`, or `base-2`, `base-3` … if an element already has that id.
    fn unique_id(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }
}
