//! Table layout: column widths, wrapped cells, header repeated on every page, clean row splits.
//!
//! A row that does not fit moves whole to the next page; only a row taller than a third of
//! the text block is split, between lines, with at least two lines on each side. Every page
//! the table continues on starts with "Tabela N (cd.)" and the repeated header row, so a
//! reader never has to turn back to learn what a column means.

use crate::doc::{Inline, Table};

use super::fonts::FontStyle;
use super::layout::Engine;
use super::lines::{wrap, Line};
use super::marks::*;
use super::structure::{Kind, Scope};

/// Cell text size and line height (line height ≥ ascent + descent, so glyph boxes never touch).
const CELL: (f32, f32) = (8.5, 12.0);
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
const CAPTION: (f32, f32) = (9.5, 13.5);
const SOURCE: (f32, f32) = (8.5, 12.0);

/// The weights of a table's horizontal rules (booktabs: top and bottom rules heavier than the
/// one under the heading row; between rows only a light hairline, so that long wrapped rows
/// stay apart without the grid of a spreadsheet).
#[derive(Clone, Copy)]
enum Rule {
    Heavy,
    Light,
    Hair,
}

impl Rule {
    /// Stroke width in points and gray level.
    fn stroke(self) -> (f32, f32) {
        match self {
            Rule::Heavy => (0.9, 0.15),
            Rule::Light => (0.45, 0.3),
            Rule::Hair => (0.3, 0.7),
        }
    }
}

/// Column widths in points. The agreement table (3 columns: partner, document, scope) gets
/// 24/30/46 %: the scope column holds the long texts. Other tables share the width by the
/// average text length of each column, with a floor so short columns stay readable.
pub(super) fn column_widths(t: &Table, width: f32) -> Vec<f32> {
    let n = column_count(t);
    if n == 3 {
        return [0.24, 0.30, 0.46].iter().map(|f| f * width).collect();
    }
    let mut weights = vec![0.0f32; n];
    for row in std::iter::once(&t.header).chain(t.rows.iter()) {
        for (i, cell) in row.iter().enumerate().take(n) {
            weights[i] += Inline::plain_text(cell).chars().count() as f32;
        }
    }
    let rows = (t.rows.len() + 1) as f32;
    let weights: Vec<f32> = weights.iter().map(|w| (w / rows).max(8.0)).collect();
    let sum: f32 = weights.iter().sum();
    weights.iter().map(|w| w / sum * width).collect()
}

fn column_count(t: &Table) -> usize {
    t.rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(t.header.len()))
        .max()
        .unwrap_or(0)
}

/// Wrapped lines of every cell of a row (missing cells are empty). In a body row the first
/// cell heads the row and is set in bold, as the HTML's `<th scope="row">`.
fn row_lines(row: &[Vec<Inline>], cols: &[f32], header: bool) -> Vec<Vec<Line>> {
    let last = cols.len().saturating_sub(1);
    cols.iter()
        .enumerate()
        .map(|(i, w)| {
            let font = if header || i == 0 {
                FontStyle::Bold
            } else {
                FontStyle::Regular
            };
            let width = (w - 2.0 * PAD_X).max(CELL.0);
            match row.get(i) {
                // Names and dates („Toledo, Stany Zjednoczone”, „Umowa o współpracy,
                // 16.09.1966 r.”) break after a comma rather than inside a name; the long
                // texts of the last column wrap freely.
                Some(cell) if i < last => wrap_after_commas(cell, font, width),
                Some(cell) => wrap(cell, font, CELL.0, width),
                None => Vec::new(),
            }
        })
        .collect()
}

/// Wraps a cell breaking only after „, ” when every comma-separated part fits on a line;
/// otherwise (a part longer than the column) as any text.
fn wrap_after_commas(cell: &[Inline], font: FontStyle, width: f32) -> Vec<Line> {
    let text = Inline::plain_text(cell);
    // Each part with its comma, which stays on the part's line.
    let fits = text.split_inclusive(", ").all(|part| {
        let glued = [Inline::Text(part.trim_end().replace(' ', "\u{a0}"))];
        wrap(&glued, font, CELL.0, width).len() == 1
    });
    if !fits {
        return wrap(cell, font, CELL.0, width);
    }
    wrap(&glue_inside_parts(cell), font, CELL.0, width)
}

/// The cell with every space that does not follow a comma made a no-break space.
fn glue_inside_parts(cell: &[Inline]) -> Vec<Inline> {
    let mut after_comma = false;
    glue(cell, &mut after_comma)
}

fn glue(inlines: &[Inline], after_comma: &mut bool) -> Vec<Inline> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(t) => Inline::Text(
                t.chars()
                    .map(|c| {
                        let glued = if c == ' ' && !*after_comma {
                            '\u{a0}'
                        } else {
                            c
                        };
                        *after_comma = c == ',';
                        glued
                    })
                    .collect(),
            ),
            Inline::Strong(c) => Inline::Strong(glue(c, after_comma)),
            Inline::Emphasis(c) => Inline::Emphasis(glue(c, after_comma)),
            Inline::Lang { lang, content } => Inline::Lang {
                lang: lang.clone(),
                content: glue(content, after_comma),
            },
            Inline::Link { url, content } => Inline::Link {
                url: url.clone(),
                content: glue(content, after_comma),
            },
            Inline::LineBreak => Inline::LineBreak,
        })
        .collect()
}

fn lines_height(n: usize) -> f32 {
    n as f32 * CELL.1 + 2.0 * PAD_Y
}

fn max_lines(cells: &[Vec<Line>], from: &[usize]) -> usize {
    cells
        .iter()
        .zip(from)
        .map(|(c, f)| c.len().saturating_sub(*f))
        .max()
        .unwrap_or(0)
}

fn caption_inlines(t: &Table) -> Vec<Inline> {
    let mut v = vec![
        Inline::Strong(vec![Inline::Text(format!("Tabela {}.", t.number))]),
        Inline::Text(" ".into()),
    ];
    v.extend(t.caption.iter().cloned());
    v
}

impl Engine<'_> {
    /// Height that must fit before a table starts: caption, header and the first row (or the
    /// first two lines of it, if it is a row that may be split).
    pub(super) fn table_lead_height(&self, t: &Table, width: f32) -> f32 {
        let cols = column_widths(t, width);
        let caption = wrap(&caption_inlines(t), FontStyle::Regular, CAPTION.0, width).len() as f32
            * CAPTION.1
            + 3.0;
        if cols.is_empty() {
            return caption;
        }
        let header = lines_height(max_lines(
            &row_lines(&t.header, &cols, true),
            &vec![0; cols.len()],
        ));
        let first = t.rows.first().map_or(0.0, |r| {
            let h = lines_height(max_lines(&row_lines(r, &cols, false), &vec![0; cols.len()]));
            if h > BODY_H / 3.0 {
                lines_height(2)
            } else {
                h
            }
        });
        caption + header + first
    }

    /// Lays out a table with its caption above and source line below.
    pub(super) fn table(&mut self, t: &Table, x: f32, width: f32) {
        let cols = column_widths(t, width);
        let n = cols.len();
        let header = row_lines(&t.header, &cols, true);
        let source_lines = t
            .source
            .as_ref()
            .map(|s| wrap(s, FontStyle::Regular, SOURCE.0, width));
        let source_h = source_lines
            .as_ref()
            .map_or(0.0, |l| l.len() as f32 * SOURCE.1 + 3.0);
        // Table → Caption, THead, TBody; the source line follows as a P (see `source_line`).
        self.structure.open(Kind::Table);
        let caption = self.leaf(Kind::Caption);
        self.ensure(self.table_lead_height(t, width) + 6.0);
        if !self.at_top() {
            self.y += 6.0;
        }
        for line in wrap(&caption_inlines(t), FontStyle::Regular, CAPTION.0, width) {
            self.place_line(&line, x, CAPTION, &Role::TableCaption, caption);
        }
        self.y += 3.0;
        if n > 0 {
            // Table → Caption, THead → TR, TBody → TR… (the rows take content as drawn).
            self.structure.open(Kind::TableHead);
            let header_tags = self.row_elements(n, true);
            self.structure.close();
            self.structure.open(Kind::TableBody);
            self.row_part(
                &header,
                &vec![0; n],
                usize::MAX,
                (0, false),
                &header_tags,
                &cols,
                x,
            );
            // Whether the next row part follows a body row (and gets a hairline over it).
            let mut separated = false;
            // Drawn again on each continuation page, but read once: pagination artifacts.
            let repeated = vec![Tag::Repeated; n];
            for (r, row) in t.rows.iter().enumerate() {
                let cells = row_lines(row, &cols, false);
                let tags = self.row_elements(n, false);
                let whole = max_lines(&cells, &vec![0; n]);
                let splittable = lines_height(whole) > BODY_H / 3.0;
                let mut from = vec![0usize; n];
                let mut fresh_page = false;
                loop {
                    let left = max_lines(&cells, &from);
                    // The last row keeps the source line company: no lone "Źródło" overleaf.
                    let reserve = if r + 1 == t.rows.len() { source_h } else { 0.0 };
                    if lines_height(left) + reserve <= self.avail() + 0.01 {
                        self.row_part(&cells, &from, left, (r + 1, separated), &tags, &cols, x);
                        separated = true;
                        break;
                    }
                    let fit = ((self.avail() - 2.0 * PAD_Y) / CELL.1 + 0.001)
                        .floor()
                        .max(0.0) as usize;
                    // Split a tall row keeping two lines on each side; a row taller than a whole
                    // page (only right after a repeated header) is split wherever it must be.
                    let take = if fresh_page {
                        fit.max(1)
                    } else if splittable && fit.min(left.saturating_sub(2)) >= 2 {
                        fit.min(left - 2)
                    } else {
                        0
                    };
                    if take > 0 {
                        self.row_part(&cells, &from, take, (r + 1, separated), &tags, &cols, x);
                        from.iter_mut().for_each(|f| *f += take);
                    }
                    self.bottom_rule(x, &cols);
                    self.new_page();
                    let cont = vec![Inline::Strong(vec![Inline::Text(format!(
                        "Tabela {} (cd.)",
                        t.number
                    ))])];
                    for line in wrap(&cont, FontStyle::Regular, CAPTION.0, width) {
                        self.place_line(&line, x, CAPTION, &Role::TableCaption, Tag::Repeated);
                    }
                    self.y += 3.0;
                    self.row_part(
                        &header,
                        &vec![0; n],
                        usize::MAX,
                        (0, false),
                        &repeated,
                        &cols,
                        x,
                    );
                    separated = false;
                    fresh_page = true;
                }
            }
            self.bottom_rule(x, &cols);
            self.structure.close(); // TBody
        }
        self.structure.close();
        if let Some(lines) = source_lines {
            self.ensure(source_h);
            if !self.at_top() {
                self.y += 3.0;
            }
            let source = self.source_line();
            for line in &lines {
                self.place_line(line, x, SOURCE, &Role::TableSource, source);
            }
        }
        if !self.at_top() {
            self.y += 10.0;
        }
    }

    /// A `TR` with one cell element per column, closed at once (its cells take content as the
    /// row is drawn, possibly on two pages). Header row cells head their columns; in a body
    /// row the first cell (the partner city) heads the row, as `<th scope="row">` in the HTML.
    fn row_elements(&mut self, n: usize, header: bool) -> Vec<Tag> {
        self.structure.open(Kind::Row);
        let tags = (0..n)
            .map(|c| {
                self.leaf(match (header, c) {
                    (true, _) => Kind::HeaderCell(Scope::Column),
                    (false, 0) => Kind::HeaderCell(Scope::Row),
                    _ => Kind::DataCell,
                })
            })
            .collect();
        self.structure.close();
        tags
    }

    /// The source line under a table, as a paragraph right after the `Table` element.
    ///
    /// Not a second `Caption`: a table has at most one caption, as its first or last child
    /// (ISO 32000, PDF/UA), and "Tabela N. …" is it. Not inside the table either: a `Table`
    /// holds only rows and its caption. A `P` after the table is read right after the last
    /// row, exactly where it is printed, as in the HTML.
    fn source_line(&mut self) -> Tag {
        self.leaf(Kind::Paragraph)
    }

    /// A horizontal rule across the table at `y` (PDF coordinates).
    fn rule(&mut self, x: f32, y: f32, width: f32, rule: Rule) {
        let (w, gray) = rule.stroke();
        let mark = Mark::Line {
            x1: x,
            y1: y,
            x2: x + width,
            y2: y,
            width: w,
            gray,
        };
        self.push(Role::Artifact, Tag::Layout, None, mark);
    }

    /// The heavy rule that closes the table, or its part on a page, at the cursor.
    fn bottom_rule(&mut self, x: f32, cols: &[f32]) {
        let y = PAGE_H - self.y;
        self.rule(x, y, cols.iter().sum(), Rule::Heavy);
    }

    /// Draws lines `from[i]..from[i] + count` of every cell as one row box at the cursor;
    /// `separated`: a body row under another body row, with a hairline between them.
    #[allow(clippy::too_many_arguments)]
    fn row_part(
        &mut self,
        cells: &[Vec<Line>],
        from: &[usize],
        count: usize,
        (row, separated): (usize, bool),
        tags: &[Tag],
        cols: &[f32],
        x: f32,
    ) {
        let count = count.min(max_lines(cells, from));
        let h = lines_height(count);
        let top = PAGE_H - self.y;
        let bottom = top - h;
        let total: f32 = cols.iter().sum();
        let role = if row == 0 {
            Role::TableHeaderCell
        } else {
            Role::TableCell
        };
        let mut cx = x;
        for (c, w) in cols.iter().enumerate() {
            let lines = cells[c].iter().skip(from[c]).take(count);
            for (j, line) in lines.enumerate() {
                let baseline = top - PAD_Y - j as f32 * CELL.1 - baseline_offset(CELL.0, CELL.1);
                self.place_line_at(
                    line,
                    cx + PAD_X,
                    baseline,
                    CELL.0,
                    &role,
                    tags[c],
                    Some((row, c)),
                );
            }
            cx += w;
        }
        // Rules after the text, as layout artifacts. Horizontal only, as in a book table: a
        // heavy rule over the heading row, a light one under it, hairlines between rows (the
        // heavy rule under the last row of a page is [`Engine::bottom_rule`]).
        let rules: &[(f32, Rule)] = match (row, separated) {
            (0, _) => &[(top, Rule::Heavy), (bottom, Rule::Light)],
            (_, true) => &[(top, Rule::Hair)],
            _ => &[],
        };
        for &(y, rule) in rules {
            self.rule(x, y, total, rule);
        }
        self.y += h;
    }
}
