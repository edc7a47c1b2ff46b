//! Turns a finished [`Layout`] into a printpdf document: fonts, images, page ops, metadata.
//!
//! All resource ids are pinned (fonts by style, images by index) so two renders in one
//! process give identical bytes; printpdf's own ids come from a process-wide counter.

use printpdf::{
    Color, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, Point, Pt, RawImage, Rect, TextItem, XObject, XObjectId, XObjectTransform,
};

use crate::doc::Document;

use super::fonts::{FontStyle, Fonts};
use super::model::{Layout, Mark, PageLayout};

/// Pinned resource name of the image with this index in [`Layout::images`].
fn image_id(index: usize) -> XObjectId {
    XObjectId(format!("IMG{index:03}"))
}

/// Builds the printpdf document. `images[i]` is the decoded image of `layout.images[i]`.
pub fn build(doc: &Document, layout: &Layout, images: &[RawImage], epoch: i64) -> PdfDocument {
    let mut pdf = PdfDocument::new(&doc.meta.full_title);
    let info = &mut pdf.metadata.info;
    info.author = doc.meta.author.clone();
    info.subject = doc.meta.subject.clone();
    info.keywords = doc.meta.keywords.clone();
    info.creator = "report-gen".into();
    info.producer = format!("report-gen {} (printpdf)", env!("CARGO_PKG_VERSION"));
    let date = printpdf::OffsetDateTime::from_unix_timestamp(epoch).unwrap_or_else(|_| {
        printpdf::OffsetDateTime::from_unix_timestamp(0).expect("epoch 0 is valid")
    });
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;

    // Register only the faces the layout uses: an unused face would still be embedded.
    let fonts = Fonts::get();
    for style in FontStyle::ALL {
        if uses_font(layout, style) {
            pdf.resources
                .fonts
                .map
                .insert(style.font_id(), PdfFont::new(fonts.face(style).clone()));
        }
    }
    for (i, image) in images.iter().enumerate() {
        pdf.resources
            .xobjects
            .map
            .insert(image_id(i), XObject::Image(image.clone()));
    }
    let pages = layout
        .pages
        .iter()
        .map(|p| PdfPage::new(Mm(210.0), Mm(297.0), page_ops(p, images)))
        .collect();
    pdf.with_pages(pages);
    pdf
}

fn uses_font(layout: &Layout, style: FontStyle) -> bool {
    layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .any(|i| matches!(&i.mark, Mark::Text { piece, .. } if piece.font == style))
}

fn gray(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

fn page_ops(page: &PageLayout, images: &[RawImage]) -> Vec<Op> {
    let mut ops = Vec::new();
    for item in &page.items {
        match &item.mark {
            Mark::Text { x, y, size, piece } => {
                // One BT/ET per run: `Td` is relative inside a text object.
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(piece.font.font_id()),
                    size: Pt(*size),
                });
                ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(*x),
                        y: Pt(*y),
                    },
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(piece.text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                gray: g,
            } => {
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::SetOutlineColor { col: gray(*g) });
                let p = |x: f32, y: f32| LinePoint {
                    p: Point { x: Pt(x), y: Pt(y) },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![p(*x1, *y1), p(*x2, *y2)],
                        is_closed: false,
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Mark::Fill {
                x,
                y,
                w,
                h,
                gray: g,
            } => {
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetFillColor { col: gray(*g) });
                let rect = Rect {
                    mode: Some(PaintMode::Fill),
                    ..Rect::from_xywh(Pt(*x), Pt(*y), Pt(*w), Pt(*h))
                };
                ops.push(Op::DrawRectangle { rectangle: rect });
                ops.push(Op::RestoreGraphicsState);
            }
            Mark::Image { x, y, w, image, .. } => {
                let px = images.get(*image).map_or(1, |i| i.width.max(1)) as f32;
                let transform = XObjectTransform {
                    translate_x: Some(Pt(*x)),
                    translate_y: Some(Pt(*y)),
                    // printpdf sizes an image as pixels × 72 / dpi.
                    dpi: Some(px * 72.0 / w.max(1.0)),
                    ..Default::default()
                };
                ops.push(Op::UseXobject {
                    id: image_id(*image),
                    transform,
                });
            }
        }
    }
    ops
}
