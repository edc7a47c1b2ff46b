//! Figure layout: an image scaled to the text width (at most 45 % of the page height),
//! kept on one page with its italic caption and the credit line under it.

use crate::doc::Figure;

use super::fonts::FontStyle;
use super::layout::{Engine, FIGURE_GAP, PARA_GAP};
use super::lines::wrap;
use super::marks::*;
use super::structure::Kind;

/// Figure caption size and line height.
const CAPTION: (f32, f32) = (9.0, 13.0);
/// Credit line size and line height.
const CREDIT: (f32, f32) = (8.0, 11.5);
/// Largest image height, as a share of the page height.
const MAX_IMAGE_SHARE: f32 = 0.45;

impl Engine<'_> {
    /// Height of a figure block (image, caption, credit).
    pub(super) fn figure_height(&self, f: &Figure, width: f32) -> f32 {
        let image = f
            .image
            .as_ref()
            .map_or(0.0, |p| self.image_box(p, width).1 + 6.0);
        let cap = wrap(&f.caption, FontStyle::Italic, CAPTION.0, width).len() as f32 * CAPTION.1;
        let credit = f.credit.as_ref().map_or(0.0, |c| {
            wrap(c, FontStyle::Regular, CREDIT.0, width).len() as f32 * CREDIT.1
        });
        image + cap + credit
    }

    /// Image size in points: fits the text width and at most 45 % of the page height.
    fn image_box(&self, path: &str, width: f32) -> (f32, f32) {
        let (pw, ph) = self.image_sizes.get(path).copied().unwrap_or((1, 1));
        let (pw, ph) = (pw.max(1) as f32, ph.max(1) as f32);
        let scale = (width / pw).min(PAGE_H * MAX_IMAGE_SHARE / ph);
        (pw * scale, ph * scale)
    }

    pub(super) fn figure(&mut self, f: &Figure, x: f32, width: f32) {
        self.gap(FIGURE_GAP);
        self.ensure(self.figure_height(f, width));
        // A photo and its caption are one group, `Div` → `Figure`, `Caption`: the Caption is
        // the group's last child, which PDF 2.0 reads as captioning the group, and it is not
        // inside the `Figure`, because assistive technology reads a Figure's /Alt instead of
        // everything inside it (the PDF Association's advice for PDF 1.7, on which PDF/UA-1
        // rests: a Caption inside a Figure is never read).
        if f.image.is_some() {
            self.structure.open(Kind::FigureGroup);
        }
        if let Some(path) = &f.image {
            let (w, h) = self.image_box(path, width);
            let index = match self.images.iter().position(|p| p == path) {
                Some(i) => i,
                None => {
                    self.images.push(path.clone());
                    self.images.len() - 1
                }
            };
            let ix = x + (width - w) / 2.0;
            let mark = Mark::Image {
                x: ix,
                y: PAGE_H - self.y - h,
                w,
                h,
                image: index,
            };
            let tag = self.leaf(Kind::Figure { alt: f.alt.clone() });
            self.push(Role::Figure { alt: f.alt.clone() }, tag, None, mark);
            self.y += h + 6.0;
        }
        // Caption and credit are one element, like the HTML's <figcaption>: the Caption after
        // its Figure in their group, with the caption and the credit as a paragraph each (read
        // apart, not as one run-on sentence), or a plain paragraph when there is no image.
        let caption = wrap(&f.caption, FontStyle::Italic, CAPTION.0, width);
        let credit = f
            .credit
            .as_ref()
            .map(|c| wrap(c, FontStyle::Regular, CREDIT.0, width));
        let (caption_tag, credit_tag) = if f.image.is_some() {
            self.structure.open(Kind::Caption);
            let own = |engine: &mut Self, some: bool| some.then(|| engine.leaf(Kind::Paragraph));
            let tags = (own(self, !caption.is_empty()), own(self, credit.is_some()));
            self.structure.close();
            tags
        } else {
            let p = self.leaf(Kind::Paragraph);
            (Some(p), Some(p))
        };
        for (lines, tag, size) in [
            (Some(caption), caption_tag, CAPTION),
            (credit, credit_tag, CREDIT),
        ] {
            if let (Some(lines), Some(tag)) = (lines, tag) {
                for line in &lines {
                    self.place_line(line, x, size, &Role::FigureCaption, tag);
                }
            }
        }
        if f.image.is_some() {
            self.structure.close();
        }
        self.gap(PARA_GAP + 3.0);
    }
}
