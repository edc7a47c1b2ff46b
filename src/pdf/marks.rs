//! The layout result: pages of placed marks, each with its structural role, before any PDF op exists.
//!
//! Coordinates are PDF points with the origin at the bottom-left of an A4 page, so the same
//! numbers serve drawing, outline destinations and marked content for tagged PDF.

use super::lines::Piece;
use super::structure::{ElemId, Structure};

/// A4 width in points.
pub const PAGE_W: f32 = 595.276;
/// A4 height in points.
pub const PAGE_H: f32 = 841.89;
/// Left and right margin (35 mm): a 140 mm column, which at the body's 10.5 pt holds 60–75
/// characters a line (a report's measure; the 160 mm column before held a median of 83–88 and
/// up to 98).
pub const MARGIN_X: f32 = 99.213;
/// Top margin (25 mm): no body text above `PAGE_H - MARGIN_TOP`.
pub const MARGIN_TOP: f32 = 70.866;
/// Bottom margin (25 mm): no body text below this y. The footer lives underneath it.
pub const MARGIN_BOTTOM: f32 = 70.866;
/// Width of the text block.
pub const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
/// Height of the text block.
pub const BODY_H: f32 = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM;
/// Baseline of the running head.
pub const HEADER_BASELINE_Y: f32 = PAGE_H - 42.0;
/// y of the thin rule under the running head.
pub const HEADER_RULE_Y: f32 = PAGE_H - 50.0;
/// y of the thin rule above the footer line.
pub const FOOTER_RULE_Y: f32 = 56.0;
/// Baseline of the footer text.
pub const FOOTER_BASELINE_Y: f32 = 44.0;

/// What a placed mark is in the document's structure: the tag it gets in a tagged PDF.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// A heading line of the given level (1 = chapter title).
    Heading(u8),
    /// A paragraph line.
    Paragraph,
    /// Text of a list item (its body).
    ListItem,
    /// The bullet or number of a list item.
    ListLabel,
    /// "Tabela N. …" or "Tabela N (cd.)".
    TableCaption,
    /// A column header cell (text, shading, border).
    TableHeaderCell,
    /// A body cell (text, border). Column 0 is the row header (see [`Placed::cell`]).
    TableCell,
    /// The source line under a table.
    TableSource,
    /// An image, with its alternative text.
    Figure {
        /// Alternative text for the image.
        alt: String,
    },
    /// Caption or credit of a figure.
    FigureCaption,
    /// Not content: footer, page numbers, rules.
    Artifact,
}

/// Something drawn at a fixed position.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A run of text on a baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size in points.
        size: f32,
        /// Text with font, language and link.
        piece: Piece,
    },
    /// A straight line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Stroke width in points.
        width: f32,
        /// Stroke gray level (0 black, 1 white).
        gray: f32,
    },
    /// A filled rectangle (table header shading).
    Fill {
        /// Left edge.
        x: f32,
        /// Bottom edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill gray level.
        gray: f32,
    },
    /// A small ring: the third-level list bullet „◦”, which Noto Sans has no glyph for.
    Ring {
        /// Centre x.
        x: f32,
        /// Centre y.
        y: f32,
        /// Radius.
        r: f32,
        /// Stroke width.
        width: f32,
    },
    /// An image, scaled into the box.
    Image {
        /// Left edge.
        x: f32,
        /// Bottom edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Index into [`Layout::images`].
        image: usize,
    },
}

/// What a mark is in a tagged PDF: content of a structure element, or an artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Content of this element of [`Layout::structure`]: all lines of one paragraph, cell or
    /// heading share it, even across pages.
    Content(ElemId),
    /// Drawing that only shows the layout: table borders and header shading.
    Layout,
    /// Repeated for pagination, read once already: "Tabela N (cd.)" and the table header
    /// row drawn again on every page a table continues on.
    Repeated,
    /// The page footer: rule, chapter title, page number.
    Footer,
    /// The running head: the report and year, the chapter, a rule.
    Header,
}

/// A mark with its role and the logical element it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Structural role.
    pub role: Role,
    /// The structure element the mark belongs to, or the kind of artifact it is.
    pub tag: Tag,
    /// (row, column) for table cells; row 0 is the header row.
    pub cell: Option<(usize, usize)>,
    /// What is drawn.
    pub mark: Mark,
}

/// One page of marks, in reading order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageLayout {
    /// Marks in reading order (artifacts last).
    pub items: Vec<Placed>,
}

/// A heading for the PDF outline.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Heading level, 1..=3.
    pub level: u8,
    /// Plain text of the heading.
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// y of the heading's top edge.
    pub top: f32,
}

/// The complete layout of a document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// Pages in order; never empty.
    pub pages: Vec<PageLayout>,
    /// Headings of levels 1–3 in document order.
    pub outline: Vec<OutlineEntry>,
    /// Image paths referenced by [`Mark::Image`], deduplicated.
    pub images: Vec<String>,
    /// The logical structure (headings, lists, tables…) that [`Placed::tag`] points into.
    pub structure: Structure,
    /// Colour of heading text (RGB, 0–1): the report's accent colour.
    pub accent: [f32; 3],
}

impl Layout {
    /// All text marks of a page with their role, for tests and tagging.
    pub fn texts(&self, page: usize) -> impl Iterator<Item = (&Role, f32, f32, f32, &Piece)> {
        self.pages[page].items.iter().filter_map(|p| match &p.mark {
            Mark::Text { x, y, size, piece } => Some((&p.role, *x, *y, *size, piece)),
            _ => None,
        })
    }
}

/// Vertical metrics of Noto Sans (hhea ascender 1069, descender 293 per 1000 em), used to
/// put a baseline inside a line box so that glyph boxes of consecutive lines never overlap.
pub const ASCENT: f32 = 1.069;
/// See [`ASCENT`].
pub const DESCENT: f32 = 0.293;

/// Baseline offset from the top of a line box of height `leading` for text of `size`.
pub fn baseline_offset(size: f32, leading: f32) -> f32 {
    (leading - (ASCENT + DESCENT) * size) / 2.0 + ASCENT * size
}
