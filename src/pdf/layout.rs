//! Block layout: places headings, paragraphs, lists and figures on pages (pure, no PDF calls).
//!
//! The engine keeps a cursor `y` measured from the top edge of the page and converts to PDF
//! coordinates only when it places a mark. Page-break rules: a heading keeps with the start
//! of what follows it, a paragraph leaves at least two lines at a page bottom and carries at
//! least two lines to the next page, a figure is never split from its caption.

use std::collections::HashMap;

use crate::doc::{Block, Document, Inline};

use super::fonts::FontStyle;
use super::lines::{wrap, Line, Piece};
use super::marks::*;
use super::structure::{ElemId, Kind, Structure};

/// Body text size and line height.
pub(super) const BODY: (f32, f32) = (10.5, 15.2);
/// Space after a top-level paragraph.
pub(super) const PARA_GAP: f32 = 7.0;
/// Space above a figure (here, not in `figure`, which lays figures out on this engine).
pub(super) const FIGURE_GAP: f32 = 4.0;
/// Space after a paragraph inside a list item.
const ITEM_GAP: f32 = 3.0;
/// Hanging indent of list item text relative to its label.
const LIST_INDENT: f32 = 16.0;

/// Size, line height, space before, space after of a heading level. Line heights are at least
/// (ascent + descent) × size, so glyphs never reach outside their line box.
///
/// The steps are wide enough to see at once (with the accent colour of every level): a city
/// heading (H3, 12.5 pt, 16 pt above it) is 2 pt larger than the bold run-in event titles of
/// the body under it, and coloured; H4 (11 pt) is still larger than the body and coloured.
pub(super) fn heading_metrics(level: u8) -> (f32, f32, f32, f32) {
    match level {
        1 => (20.0, 28.0, 0.0, 12.0),
        2 => (15.0, 21.0, 18.0, 6.0),
        3 => (12.5, 17.5, 16.0, 4.0),
        _ => (11.0, 15.2, 10.0, 2.0),
    }
}

/// The bullet of a list nested `depth` lists deep: „•”, then „–” and „◦” (drawn as a ring, see
/// [`RING_BULLET`]) as Polish typesetting does, so that a sub-item never looks like its parent.
pub(super) fn bullet(depth: usize) -> &'static str {
    match depth {
        0 => "•",
        1 => "–",
        _ => RING_BULLET,
    }
}

/// The third-level bullet. Noto Sans has no glyph for U+25E6, so it is drawn as a ring.
pub(super) const RING_BULLET: &str = "◦";

/// Pixel size of each image path, known before layout (decoded by the caller).
pub type ImageSizes = HashMap<String, (u32, u32)>;

/// The layout state: finished pages, the current page and the cursor.
pub(super) struct Engine<'a> {
    pub(super) pages: Vec<PageLayout>,
    pub(super) page: PageLayout,
    /// Distance from the top edge of the page to the next free position.
    pub(super) y: f32,
    /// The structure tree, grown as blocks are laid out.
    pub(super) structure: Structure,
    outline: Vec<OutlineEntry>,
    pub(super) images: Vec<String>,
    pub(super) image_sizes: &'a ImageSizes,
    /// A list label waiting for the first line of its item: (x, text, its `Lbl` element).
    pending_label: Option<(f32, String, ElemId)>,
}

/// Lays out a whole document. `image_sizes` must hold every `Figure::image` path.
pub fn layout(doc: &Document, image_sizes: &ImageSizes) -> Layout {
    let mut e = Engine {
        pages: Vec::new(),
        page: PageLayout::default(),
        y: MARGIN_TOP,
        structure: Structure::default(),
        outline: Vec::new(),
        images: Vec::new(),
        image_sizes,
        pending_label: None,
    };
    e.blocks(&doc.blocks, MARGIN_X, TEXT_W, 0);
    let last = std::mem::take(&mut e.page);
    e.pages.push(last);
    add_page_furniture(&mut e.pages, &doc.meta);
    Layout {
        pages: e.pages,
        outline: e.outline,
        images: e.images,
        structure: e.structure,
        accent: doc.meta.accent.unit(),
    }
}

impl Engine<'_> {
    /// y (top-down) below which no body content may go.
    pub(super) fn bottom_limit() -> f32 {
        PAGE_H - MARGIN_BOTTOM
    }

    /// Space left on the current page.
    pub(super) fn avail(&self) -> f32 {
        Self::bottom_limit() - self.y
    }

    /// Is the cursor at the top of an (otherwise possibly empty) page?
    pub(super) fn at_top(&self) -> bool {
        self.y <= MARGIN_TOP + 0.01
    }

    pub(super) fn new_page(&mut self) {
        let done = std::mem::take(&mut self.page);
        self.pages.push(done);
        self.y = MARGIN_TOP;
    }

    /// Breaks the page unless `height` fits or we are already at the top.
    pub(super) fn ensure(&mut self, height: f32) {
        if height > self.avail() + 0.01 && !self.at_top() {
            self.new_page();
        }
    }

    /// A new content element under the innermost open container, as the tag of its marks.
    pub(super) fn leaf(&mut self, kind: Kind) -> Tag {
        Tag::Content(self.structure.leaf(kind))
    }

    /// Adds vertical space, dropped at the top of a page.
    pub(super) fn gap(&mut self, h: f32) {
        if !self.at_top() {
            self.y = (self.y + h).min(Self::bottom_limit());
        }
    }

    pub(super) fn push(&mut self, role: Role, tag: Tag, cell: Option<(usize, usize)>, mark: Mark) {
        self.page.items.push(Placed {
            role,
            tag,
            cell,
            mark,
        });
    }

    /// Places one line whose box starts at the cursor, then advances the cursor.
    pub(super) fn place_line(
        &mut self,
        line: &Line,
        x: f32,
        (size, leading): (f32, f32),
        role: &Role,
        tag: Tag,
    ) {
        let baseline = PAGE_H - (self.y + baseline_offset(size, leading));
        if let Some((lx, label, elem)) = self.pending_label.take() {
            if label == RING_BULLET {
                let r = 0.17 * size;
                let ring = Mark::Ring {
                    x: lx + 0.5,
                    y: baseline + 0.3 * size,
                    r,
                    width: 0.06 * size,
                };
                self.push(Role::ListLabel, Tag::Content(elem), None, ring);
                self.place_line_at(line, x, baseline, size, role, tag, None);
                self.y += leading;
                return;
            }
            let piece = Piece {
                font: FontStyle::Regular,
                lang: None,
                link: None,
                text: label,
                repeated_hyphen: false,
            };
            self.push(
                Role::ListLabel,
                Tag::Content(elem),
                None,
                Mark::Text {
                    x: lx,
                    y: baseline,
                    size,
                    piece,
                },
            );
        }
        self.place_line_at(line, x, baseline, size, role, tag, None);
        self.y += leading;
    }

    /// Emits the text marks of a line at a given baseline.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn place_line_at(
        &mut self,
        line: &Line,
        x: f32,
        baseline: f32,
        size: f32,
        role: &Role,
        tag: Tag,
        cell: Option<(usize, usize)>,
    ) {
        for (dx, piece) in &line.pieces {
            let mark = Mark::Text {
                x: x + dx,
                y: baseline,
                size,
                piece: piece.clone(),
            };
            self.push(role.clone(), tag, cell, mark);
        }
    }

    pub(super) fn blocks(&mut self, blocks: &[Block], x: f32, width: f32, depth: usize) {
        for (i, block) in blocks.iter().enumerate() {
            match block {
                Block::Heading { level, content, .. } => {
                    self.heading(*level, content, &blocks[i + 1..], x, width)
                }
                Block::Paragraph(inlines) => {
                    let role = if depth > 0 {
                        Role::ListItem
                    } else {
                        Role::Paragraph
                    };
                    // A figure after the paragraph belongs to it: keep them together.
                    let after = if depth > 0 { ITEM_GAP } else { PARA_GAP };
                    let tail = match blocks.get(i + 1) {
                        Some(Block::Figure(f)) => after + FIGURE_GAP + self.figure_height(f, width),
                        _ => 0.0,
                    };
                    self.paragraph(inlines, x, width, role, tail);
                    self.gap(after);
                }
                Block::List {
                    ordered,
                    start,
                    items,
                } => {
                    self.list(*ordered, *start, items, x, width, depth);
                    if depth == 0 {
                        self.gap(PARA_GAP - ITEM_GAP);
                    }
                }
                Block::Table(table) => self.table(table, x, width),
                Block::Figure(figure) => self.figure(figure, x, width),
            }
        }
    }

    fn heading(&mut self, level: u8, content: &[Inline], rest: &[Block], x: f32, width: f32) {
        let (size, leading, before, after) = heading_metrics(level);
        let lines = wrap(content, FontStyle::Bold, size, width);
        self.gap(before);
        // Keep the heading with the first lines of what follows it.
        let need = lines.len() as f32 * leading + after + self.lead_height(rest, width);
        self.ensure(need);
        if level <= 3 {
            let title = Inline::plain_text(content).replace('\u{a0}', " ");
            let top = PAGE_H - self.y;
            self.outline.push(OutlineEntry {
                level,
                title,
                page: self.pages.len(),
                top,
            });
        }
        let tag = self.leaf(Kind::Heading(level));
        let role = Role::Heading(level);
        for line in &lines {
            self.place_line(line, x, (size, leading), &role, tag);
        }
        self.gap(after);
    }

    /// Height of the part of `rest` that must share a page with a preceding heading.
    fn lead_height(&self, rest: &[Block], width: f32) -> f32 {
        let Some(next) = rest.first() else { return 0.0 };
        match next {
            Block::Heading { level, content, .. } => {
                let (size, leading, before, after) = heading_metrics(*level);
                let n = wrap(content, FontStyle::Bold, size, width).len() as f32;
                before + n * leading + after + self.lead_height(&rest[1..], width)
            }
            Block::Paragraph(inl) => {
                // The first two lines, as a paragraph split at a page end keeps (orphan rule):
                // asking for more moved headings with short paragraphs whole and left pages
                // five lines short.
                let n = wrap(inl, FontStyle::Regular, BODY.0, width).len().min(2);
                n as f32 * BODY.1
            }
            Block::List { .. } => 2.0 * BODY.1,
            Block::Table(t) => self.table_lead_height(t, width),
            Block::Figure(f) => self.figure_height(f, width),
        }
    }

    /// A paragraph with widow/orphan control (at least two lines on each side of a break).
    ///
    /// `tail` is the height of a figure that follows and belongs to the paragraph (0 if none):
    /// when the paragraph's end fits on the page but the figure does not, the paragraph's last
    /// two lines go over with it, so that a photo never opens a page whose text ended on the
    /// page before (unless paragraph and figure together need more than a page).
    pub(super) fn paragraph(
        &mut self,
        inlines: &[Inline],
        x: f32,
        width: f32,
        role: Role,
        tail: f32,
    ) {
        let lines = wrap(inlines, FontStyle::Regular, BODY.0, width);
        let empty = lines.len() == 1 && lines[0].pieces.is_empty();
        if empty && self.pending_label.is_none() {
            return;
        }
        // An empty paragraph that only carries a list label gets no element of its own.
        let tag = if empty {
            Tag::Layout
        } else {
            self.leaf(Kind::Paragraph)
        };
        let mut rest: &[Line] = &lines;
        while !rest.is_empty() {
            let fit = (self.avail() / BODY.1 + 0.001).floor().max(0.0) as usize;
            let n = rest.len();
            let keeps_figure = tail == 0.0
                || n as f32 * BODY.1 + tail <= self.avail() + 0.01
                || 2.0 * BODY.1 + tail > BODY_H;
            let take = if fit >= n && keeps_figure {
                n
            } else if fit >= n && !self.at_top() {
                // The text fits but its figure does not: carry the last two lines with it.
                if n >= 4 {
                    n - 2
                } else {
                    0
                }
            } else if self.at_top() {
                fit.max(1).min(n)
            } else {
                // Leave no single line behind and carry none alone: both parts get two lines.
                let t = fit.min(n.saturating_sub(2));
                if t < 2 {
                    0
                } else {
                    t
                }
            };
            if take == 0 {
                self.new_page();
                continue;
            }
            for line in &rest[..take] {
                self.place_line(line, x, BODY, &role, tag);
            }
            rest = &rest[take..];
            if !rest.is_empty() {
                self.new_page();
            }
        }
    }

    fn list(
        &mut self,
        ordered: bool,
        start: u64,
        items: &[Vec<Block>],
        x: f32,
        width: f32,
        depth: usize,
    ) {
        // Numbers need room for the widest label; bullets get the plain indent.
        let last = start.saturating_add(items.len() as u64);
        let indent = if ordered {
            let w =
                super::fonts::Fonts::get().width(FontStyle::Regular, &format!("{last}."), BODY.0);
            LIST_INDENT.max(w + 5.0)
        } else {
            LIST_INDENT
        };
        let width_inner = (width - indent).max(BODY.0 * 3.0);
        self.structure.open(Kind::List { ordered });
        for (i, item) in items.iter().enumerate() {
            let label = if ordered {
                format!("{}.", start.saturating_add(i as u64))
            } else {
                bullet(depth).to_string()
            };
            // LI → Lbl + LBody: the label is drawn with the item's first line, whatever block
            // that line belongs to, but it is its own element, before the body.
            self.structure.open(Kind::ListItem);
            let label_elem = self.structure.leaf(Kind::Label);
            self.structure.open(Kind::ListBody);
            self.pending_label = Some((x, label, label_elem));
            self.blocks(item, x + indent, width_inner, depth + 1);
            if let Some(pending) = self.pending_label.take() {
                // An item without text still shows its label; the empty line draws nothing.
                self.ensure(BODY.1);
                self.pending_label = Some(pending);
                let line = Line::default();
                self.place_line(&line, x + indent, BODY, &Role::ListItem, Tag::Layout);
            }
            self.structure.close();
            self.structure.close();
        }
        self.structure.close();
    }
}

/// Page furniture on every page, marked as pagination artifacts: the running head (the report
/// and its year, the chapter; so that a printed page says where it belongs) over a thin rule,
/// and under a thin rule at the foot the chapter title left and the page number right. Page
/// numbers start at `meta.first_page`, so they continue the report's numbering when the
/// chapter is bound into it (the PDF's page labels say the same).
fn add_page_furniture(pages: &mut [PageLayout], meta: &crate::doc::DocMeta) {
    let fonts = super::fonts::Fonts::get();
    let size = 8.0;
    for (i, page) in pages.iter_mut().enumerate() {
        let number = (meta.first_page as usize + i).to_string();
        let number_w = fonts.width(FontStyle::Regular, &number, size);
        let mut push = |tag: Tag, mark| {
            page.items.push(Placed {
                role: Role::Artifact,
                tag,
                cell: None,
                mark,
            })
        };
        for (tag, y) in [(Tag::Header, HEADER_RULE_Y), (Tag::Footer, FOOTER_RULE_Y)] {
            push(
                tag,
                Mark::Line {
                    x1: MARGIN_X,
                    y1: y,
                    x2: PAGE_W - MARGIN_X,
                    y2: y,
                    width: 0.4,
                    gray: 0.4,
                },
            );
        }
        // A very long title is cut to its first line, so it never runs into the page number.
        for (tag, text, y, room) in [
            (Tag::Header, &meta.running_head, HEADER_BASELINE_Y, TEXT_W),
            (
                Tag::Footer,
                &meta.title,
                FOOTER_BASELINE_Y,
                TEXT_W - number_w - 12.0,
            ),
        ] {
            let lines = wrap(
                &[Inline::Text(text.clone())],
                FontStyle::Regular,
                size,
                room,
            );
            if let Some(line) = lines.first() {
                for (dx, piece) in &line.pieces {
                    push(
                        tag,
                        Mark::Text {
                            x: MARGIN_X + dx,
                            y,
                            size,
                            piece: piece.clone(),
                        },
                    );
                }
            }
        }
        let piece = Piece {
            font: FontStyle::Regular,
            lang: None,
            link: None,
            text: number,
            repeated_hyphen: false,
        };
        push(
            Tag::Footer,
            Mark::Text {
                x: PAGE_W - MARGIN_X - number_w,
                y: FOOTER_BASELINE_Y,
                size,
                piece,
            },
        );
    }
}
